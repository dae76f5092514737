"""A paragraph's first lines run into the one-line headline over them (issue 12).

`textruns.unmark_text_runs`: on a page of short lines, a short headline over a
paragraph whose first lines fall short of the column was read with them as one tall
stack. Lines that hold a clause's comma inside, the last running on into the text
under it, are a paragraph's. Invented lines in the shape of whole-tex 570 (TeX's
narrow column in PDFium's text).
"""

from __future__ import annotations

from pagelines import items_of

ABOVE = [
    "日夜间到３日，除西北地",
    "区、东北两省东部有小雪",
    "外，北方大部地区为晴到",
    "多云，南方大部有小雨。",
]
NOTE = [
    "编者按",
    "按照年初工作的部",
    "署，全市各级机关正在开",
    "展开以机关作风为“讲服",
    "务、讲效率、讲作风”为",
    "主要内容的作风建设活",
    "动。为推进各区、各部门",
    "持续扎实深入地开展这项",
    "工作，本报刊登财政局、文",
    "化局、教育局的有关经验，",
    "供各级机关在作风建设工",
    "作中借鉴。",
]
NEXT = [
    "致读者",
    "本报自下月起调整部分版面，",
    "增设读者来信专栏，欢迎广大",
    "读者踊跃来稿。",
]


def test_a_short_head_keeps_the_paragraph_under_it_as_text() -> None:
    items = items_of([*ABOVE, *NOTE, *NEXT])
    note = next(it for it in items if "按照年初工作的部" in "".join(it["paragraphs"]))
    assert note["headline"] == "编者按"
    assert note["paragraphs"][0].startswith("按照年初工作的部署，全市各级机关")
    assert not any((it.get("headline") or "").startswith("按照") for it in items)


def test_a_subtitle_under_the_head_stays_in_the_stack() -> None:
    # The same run under a headline and its subtitle: the subtitle is the stack's.
    stack = ["新区建设的回顾", "——写在城南新区成立十周年之际"]
    items = items_of([*ABOVE, *stack, *NOTE[1:], *NEXT])
    story = next(it for it in items if "按照年初工作的部" in "".join(it["paragraphs"]))
    assert story["headline"] == "新区建设的回顾"
    assert story["subtitle"] == "——写在城南新区成立十周年之际"
