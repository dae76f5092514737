"""A headline under a paragraph that ends in a lead-in dash (`…请看———`), issue 12 round 21.

An editor's note that ends its story with `请看———` leaves its last line open (no
stop), so the line under it was read as that paragraph's next line and the story
under it was lost into the one above (branch `story25`: 8 headlines on the read
whole-article pages, each a story lost and the next one's headline taken by it).
`reader.parse.leadins` ends the paragraph there; these check that a headline may
start under it too, in the two shapes the pages print: a head as wide as the
column over a dateline set in, and a head wrapped over two short lines.
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

# An 11-em column, first lines set in 2 ems.
NOTE = [
    "前年以来，这门学科一反",
    "过去局限于书斋里的传统，",
    "开始向政治、经济、文化、",
    "历史等领域开拓，出现了某",
    "种程度的复苏，有了新的进",
    "展，主要表现为三点。请",
    "看———",
]
NOTE_HEAD = "一门学科的新进展"
DATELINE = [
    "新华社开罗１月３",
    "日电（记者王大明）埃及官",
    "方通讯社日前发表评论，高",
    "度赞扬两国建立外交关系。",
]


def parse(sep: str, *lines: str) -> list[tuple[str | None, str]]:
    items = parse_text(sep.join(lines)).items
    return [(item.headline, "".join(item.paragraphs)) for item in items]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_full_line_under_a_lead_in_over_a_set_in_dateline_is_a_headline(sep: str) -> None:
    """`column.after_boundary`: a lead-in's short line ends its paragraph for a stack too."""
    head = "埃及赞扬两国建立外交关"  # as wide as the column
    got = parse(sep, NOTE_HEAD, *NOTE, head, *DATELINE)
    assert got[-1][0] == head
    assert got[-2][1].endswith("请看———")


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_wrapped_head_under_a_lead_in_is_a_headline(sep: str) -> None:
    """`heads.mark_heads`: the line under a lead-in's end may start a stack."""
    note = [*NOTE[:-2], "展，主要表现为三", "点。请看———"]
    got = parse(sep, NOTE_HEAD, *note, "加拿大华人开始赈", "灾行动", *DATELINE)
    assert got[-1][0] == "加拿大华人开始赈灾行动"
    assert got[-2][1].endswith("请看———")
