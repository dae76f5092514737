"""A spaced head and its subtitle PDFium writes on one line, cut apart (issue 12)."""

from __future__ import annotations

from reader.parse.spacedheads import split_spaced_heads
from reader.parse.stories import parse_text

A = ["　　辩论大厅是英国议会的雏", "形，正反方对面而坐。发言时讲", "求风度，口口声声“贵方”如何"]
A += ["如何，语气谦恭，笑里藏刀。这", "是未来政客的演习场。"]
B = ["　　生产能力迅猛提高，伊利走", "向全国、提高产品市场占有率的", "“野心”越来越大，千方百计开"]
B += ["拓市场。"]


def test_a_spaced_head_and_its_subtitle_on_one_line_are_head_and_subtitle() -> None:
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["山 城 在 变 ——两江新区建设提速", "本报记者 宋松", *B]
    page = parse_text("\r\n".join(lines))
    assert [(i.headline, i.subtitle) for i in page.items] == [
        ("去年国债发行兑付工作顺利结束", None),
        ("山城在变", "——两江新区建设提速"),
    ]


def test_only_a_spaced_run_of_ideographs_before_two_dashes_is_cut() -> None:
    lines = [
        "山 城 在 变 ——两江新区建设",  # cut, the subtitle's rest on the next line
        "他 联 合 另 一 位 退 伍 军 人 ———江南集团",  # a dash of the text: three
        "说 ， 这 是 ——新的",  # punctuation: a justified line of text
        "山 城 在 变 —— 两 江 新 区",  # spaced on past the dashes: one justified line
        "山城在变 ——两江新区建设",  # set tight: `joined.split_gaps` decides
    ]
    text = "\n".join(lines)
    assert split_spaced_heads(lines, text) == ["山 城 在 变", "——两江新区建设", *lines[1:]]
