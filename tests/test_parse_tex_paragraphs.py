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


# A story in a 15-em column, then a title it prints as its last paragraph (set two
# ems in, then full), then the next story's headline.
STORY = [
    "参加会谈的各方代表都表示",
    "要不受上周事件的影响，继续推",
    "动和平进程向前发展，早日达成",
    "协议。",
]
TITLE = ["咖啡飘香醉人心——记哥斯", "达黎加的咖啡园（附图片１张）"]
NEXT = ["民间舞团舞出风采", "本报记者 王明", "昨晚，民间舞团在京举行专场演", "出，节目丰富多彩。"]


def test_a_title_set_as_the_last_paragraph_of_the_story_above_is_its_paragraph() -> None:
    page = parse_text("\n".join([HEAD, *STORY, *TITLE, *NEXT])).items
    assert [i.headline for i in page] == [HEAD, "民间舞团舞出风采"]
    assert page[0].paragraphs == ("".join(STORY), "".join(TITLE))


def test_a_kicker_over_a_headline_wrapped_at_the_column_stays_a_stack() -> None:
    # The same widths under a byline: the story's stack, set in body type.
    stack = ["技术开发是企业的生命线", "景德镇瓷器在台湾展出（上）"]
    page = parse_text("\n".join([HEAD, *STORY, *stack, *NEXT[1:]])).items
    assert page[0].paragraphs == ("".join(STORY),)
    assert stack[0] in (page[1].kicker, page[1].headline)
    assert stack[1] in (page[1].headline, page[1].subtitle)
