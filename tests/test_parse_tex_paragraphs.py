"""Paragraph breaks in PDFium's text of pages set by TeX (xeCJK), issue 12 round 9.

TeX justifies every line inside a paragraph to the column and sets a paragraph's first
line two ems in; xeCJK sets some quotation marks at half an em (at a line's start).
Text made up for these tests.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = "空中的问候"
# A 13-em column, every mark counted a full em.
FIRST = [
    "当我向空中小姐致谢时，",
    "她只微笑着说没事儿，这句北",
    "京话的寓意、情调，是任何语",
    "言都不能比拟的，给人如归故",
    "乡的亲切感，这是在别的航班",
    "上所感受不到的温暖。",
]
# Its first line counts 12 ems with its two quotation marks whole: one em short of the
# column, not two, but set in by the indent with its marks at half an em.
SECOND = [
    "“安安小姐”是一个动画片",
    "人物，每次起飞前在屏幕上向",
    "乘客介绍安全须知，装腔作势",
    "的形象看了使人浑身不自在。",
]


def test_a_quoted_first_line_under_a_last_line_three_ems_short_opens_a_paragraph() -> None:
    (item,) = parse_text("\n".join([HEAD, *FIRST, *SECOND])).items
    assert item.paragraphs == ("".join(FIRST), "".join(SECOND))


def test_a_full_line_under_a_short_closed_one_goes_on() -> None:
    # The same closed line over a line as full as the column: no first line is that
    # full, so the paragraph goes on (the closed line was a first line set in).
    lines = [*FIRST, "人物，每次起飞前在屏幕上向", *SECOND[2:]]
    (item,) = parse_text("\n".join([HEAD, *lines])).items
    assert item.paragraphs == ("".join(lines),)
