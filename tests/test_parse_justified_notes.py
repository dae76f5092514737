"""A note wrapped under a full line, and a justified line spaced out, in Writer's page text
(issue 12, round 20: whole articles set by LibreOffice, read by PDFium and MuPDF)."""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

# Paragraphs set in a 12-em column, first lines indented 2 ems, marks inside the column.
HEAD = "全国政协举行迎春茶话会"
HEAD2 = "迎春茶话会在京举行"
OPEN = ["经济建设取得新的重大", "成就，各项事业全面发展人", "民生活水平进一步提高形势"]
BODY = ["社会主义现代化建设", "又取得了新的进展，城市面", "貌发生了新的变化。"]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def test_a_note_under_a_line_with_no_room_for_its_opening_runs_on() -> None:
    # `…局面了。` takes 11 of 12 ems: `（张` would not have fitted after it, so the
    # note alone below may be the paragraph's wrapped end (the corpus runs notes on).
    page = items(HEAD, *OPEN, "比去年更好的新局面了。", "（张三）", HEAD2, *BODY)
    assert page[0].paragraphs == ("".join(OPEN) + "比去年更好的新局面了。（张三）",)
    assert page[1].headline == HEAD2


def test_a_note_under_a_line_with_room_for_its_opening_is_set_apart() -> None:
    page = items(HEAD, *OPEN, "比去年更好了。", "（张三）", HEAD2, *BODY)
    assert page[0].paragraphs == ("".join(OPEN) + "比去年更好了。", "（张三）")


def test_a_line_of_the_column_spaced_out_at_one_gap_stays_one_line() -> None:
    # Writer stretches a justified line at a space, PDFium writes the gap: the line is
    # as wide as the column's, so it is no headline set beside a column's line.
    spaced = [
        "经济建设取得新的重大",
        "成就，各项事业 全面发展人",
        "民生活水平进一步提高形势",
        "比去年好。",
    ]
    page = items(HEAD, *spaced, HEAD2, *BODY)
    assert page[0].paragraphs == ("".join(spaced).replace(" ", ""),)
    assert page[1].headline == HEAD2


def test_a_headline_beside_a_column_s_line_is_still_cut_apart() -> None:
    # `——…` beside a line, or a line far wider than its column: two blocks side by side.
    page = items(
        HEAD, OPEN[0], OPEN[1] + " ——记全国政协委员座谈", OPEN[2], "比去年好。", HEAD2, *BODY
    )
    assert any(item.subtitle == "——记全国政协委员座谈" for item in page)
