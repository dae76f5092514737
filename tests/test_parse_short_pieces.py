"""A short opening piece MuPDF split off a printed line, on pages with no sure piece
(issue 12, round 14): TeX's pages in PyMuPDF's text."""

from __future__ import annotations

from reader.parse.pieces import rejoin_split
from reader.parse.stories import parse_text

ABOVE = [
    "毫无疑问，单一货币的",
    "启动将对欧洲一体化产生巨",
    "大推动力量。不少英国人特",
    "别是广大经济界人士，看到",
    "欧洲这一发展前景，要求工",
    "党政府进一步靠拢欧洲。但",
    "是，由于诸多历史因素，从撒",
    "切尔夫人到梅杰乃至今日的",
    "布莱尔，都对联邦的欧洲保",
    "持不同程度的警戒心理。",
]
BELOW = ["欧洲出让更多主权”，历来", "是英国政治的“禁忌”。目", "前，英国对欧洲开始热起来，"]


def _lines(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    return [line.strip() for line in rejoin_split(text.split("\n"), text)]


def test_a_quote_s_first_character_alone_ends_the_line_above() -> None:
    lines = _lines([*ABOVE, "“向", *BELOW])
    assert lines[len(ABOVE) - 1] == "持不同程度的警戒心理。“向"
    assert lines[len(ABOVE) :] == BELOW


def test_the_paragraph_goes_on_over_the_piece() -> None:
    page = parse_text("\n".join(["英国与欧洲", *ABOVE, "“向", *BELOW]))
    assert len(page.items[0].paragraphs) == 1


def test_a_short_line_that_closes_its_quote_is_no_piece() -> None:
    # A headline under a paragraph's end, over another as wide as the column.
    above = [*ABOVE[:-1], "持不同程度的警戒心", "理。"]
    lines = _lines([*above, "『门面』李景阳", *BELOW])
    assert "『门面』李景阳" in lines


def test_a_line_long_enough_to_open_a_paragraph_is_no_piece() -> None:
    lines = _lines([*ABOVE, "“向欧洲出让更多", *BELOW])
    assert "“向欧洲出让更多" in lines


def test_a_note_written_in_two_is_one_paragraph_of_its_own() -> None:
    """`（湖` / `北省公安厅消防局）`: the paragraph assembler joins the two lines; joined
    earlier, in pieces, the note overfilled a narrow column and read as the paragraph's
    last line (whole-chrome-pdfium 100-119 F1 0.912 -> 0.904)."""
    body = ["●省政府日前已作出决", "定，一九九八年将对各地", "消防规划和公共消防基础"]
    lines = [*body, "设施等组织专项检查。", "（湖", "北省公安厅消防局）"]
    assert _lines(lines)[-2:] == ["（湖", "北省公安厅消防局）"]
    page = parse_text("\n".join(["湖北消防", *lines]))
    assert page.items[0].paragraphs[-2].endswith("检查。")
    assert page.items[0].paragraphs[-1] == "（湖北省公安厅消防局）"


def test_a_credit_written_in_two_stays_two_lines() -> None:
    lines = [*ABOVE, "（新华", "社发）"]
    assert _lines(lines)[-2:] == ["（新华", "社发）"]
