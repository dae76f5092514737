"""A headline whose words open the first sentence under it (issue 12).

`南京长江大桥铁路桥大修竣工` / `南京长江大桥铁路桥大修工程，`: the headline is as wide as the
full lines under it and the first line is not set in, so widths decide nothing; but a
paragraph's first and second lines do not open alike, and a story's first sentence
often opens with its headline's subject (`lineends._restated`). Cut from Typst's
whole-article page in PDFium's text (bench/structure.py, whole-typeset-pdfium 410).
"""

from __future__ import annotations

from pagelines import items_of

ABOVE = [
    "天气趋势分析",
    "据中央气象台提供的信息：",
    "受东移的冷空气和暖湿气流的影",
    "响，１７日晚上到１８日，东北",
    "地区南部、黄淮东部、江淮大部",
    "有小到中雪，局部地区有大雪；",
    "江南中北部、贵州、四川南部有",
    "雨夹雪；江南南部和华南大部有",
    "小到中雨。雪后路滑且温度较低",
    "，望大家注意御寒及交通安全。",
]
STORY = [
    "南京长江大桥铁路桥大修竣工",
    "南京长江大桥铁路桥大修工程，",
    "１月４日竣工。轨道框架结构从",
    "此可以满足列车重载、快速运行",
    "的要求，列车通过大桥的时速可",
    "由原来的１２０公里提高到１",
    "４０公里。",
]


def test_a_headline_restated_by_the_first_sentence_heads_its_story() -> None:
    items = items_of(ABOVE + STORY)
    story = next(it for it in items if it.get("headline") == "南京长江大桥铁路桥大修竣工")
    assert story["paragraphs"][0].startswith("南京长江大桥铁路桥大修工程，１月４日竣工。")
