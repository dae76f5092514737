"""A line between full lines, one character short, continues its paragraph (issue 12).

Typst justifies CJK columns with stretch: a line inside a paragraph may hold one
character less than the column, and a column's measure, taken among a dozen
neighbours, may come from a wider column next to it. Such a line after a full
line that closes a sentence read as the next paragraph's indented first line.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

TEXT = (
    "这个县的农民今年种植的蔬菜大棚比去年增加了三成多县里还为他们请来农业大学的专家"
    "讲解种植技术和病虫害的防治办法农民们说有了专家的指导心里踏实多了今年的收成一定"
    "会比去年更好县农业局的同志介绍全县今年计划再建设一批新的温室大棚带动更多的农户"
)


def _page(first: list[str], line: str, closed: str = "") -> list[str]:
    """A headline, a paragraph of 12-em lines closed at the end of a full line, `line`, more."""
    rest = TEXT[len(line) :]
    return [
        "全县蔬菜大棚增加三成",
        "",
        *first,
        closed or TEXT[60:72] + "。",
        line,
        *(rest[k : k + 12] for k in range(0, 36, 12)),
        rest[36:40] + "。",
    ]


FULL = [TEXT[k : k + 12] for k in range(0, 60, 12)]


def test_a_line_one_short_between_full_lines_continues_the_paragraph() -> None:
    page = parse_text("\n".join(_page(FULL, TEXT[:11])))
    (item,) = page.items
    assert len(item.paragraphs) == 1


def test_a_line_two_short_after_a_full_closed_line_opens_a_paragraph() -> None:
    page = parse_text("\n".join(_page(FULL, TEXT[:10])))
    (item,) = page.items
    assert len(item.paragraphs) == 2


def test_a_wider_column_next_does_not_make_the_line_an_indented_one() -> None:
    """The next story's 13-em lines stretch the measure around the line to 13."""
    lines = _page(FULL, TEXT[:11])
    lines[-4:] = [TEXT[11:23], TEXT[23:27] + "。"]
    nxt = ["", "农业大学专家下乡", "", *(TEXT[k : k + 13] for k in range(0, 52, 13)), "完。"]
    page = parse_text("\n".join(lines + nxt))
    assert [len(item.paragraphs) for item in page.items] == [1, 1]


def test_an_indented_first_line_above_is_no_evidence_of_the_column() -> None:
    """Paragraphs of two lines, the first two ems in, the last as short: each its own."""
    lines = [
        "全县蔬菜大棚增加三成",
        "",
        *FULL[:4],
        TEXT[48:54] + "。",
        TEXT[54:64],
        TEXT[64:74] + "。",
        TEXT[74:84],
        TEXT[84:87] + "。",
    ]
    (item,) = parse_text("\n".join(lines)).items
    assert [p[:2] for p in item.paragraphs][-2:] == [TEXT[54:56], TEXT[74:76]]
