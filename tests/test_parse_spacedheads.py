"""A spaced head and its subtitle PDFium writes on one line, cut apart (issue 12)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.parse.spacedheads import spaced_lines, split_spaced_heads
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


def test_a_spaced_head_is_the_headline_of_its_stack() -> None:
    # Under a line as wide as a wrapped head's first (read as one head wrapped), and
    # over a line (read as a kicker over its head): a head spread over its column is
    # the headline, the line above its kicker, the line below its subtitle.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["李鹏会见日本建设大臣", "群 众 的 认 可", "本报记者 宋松", *B]
    lines += ["清 风 出 袖", "它看见了春天", "本报记者 吕娜", *A]
    page = parse_text("\r\n".join(lines))
    assert [(i.kicker, i.headline, i.subtitle) for i in page.items] == [
        (None, "去年国债发行兑付工作顺利结束", None),
        ("李鹏会见日本建设大臣", "群众的认可", None),
        (None, "清风出袖", "它看见了春天"),
    ]


def test_only_a_short_run_of_ideographs_a_space_apart_alone_is_a_spaced_head() -> None:
    @dataclass
    class Stack:
        stack: list[str]

    lines = [
        "群 众 的 认 可",
        "说 ， 这 是",
        "李 鹏 总 理 签 署 了 关 于",
        "群众",
        "中 条 山 ——我国",
    ]
    lines += ["文 明 之 风 吹 遍", "山 城", "新 风", "新 风 吹"]  # (the last two in a line)
    stacks = [Stack(["群众的认可", "说，这是"]), Stack(["李鹏总理签署了关于", "群众"])]
    stacks += [Stack(["中条山", "山城", "新风", "新风吹"]), Stack(["文明之风吹遍"])]
    got = spaced_lines(stacks, "\r\n".join(lines[:6]) + "\r\n 山　城 \r\n新 风 吹")
    assert got == frozenset({"群众的认可", "中条山", "山城", "文明之风吹遍", "新风吹"})


def test_a_story_whose_stack_holds_a_spaced_head_takes_no_late_head() -> None:
    # Story 2 shows a spaced head over a subtitle, its head in place; story 3 one line
    # that may be a kicker: the head at the page's end is story 3's.
    lines = ["一轮明月照两岸", "去年国债发行兑付工作顺利结束", "——科学的世界观、方法论"]
    lines += ["本报记者 黄超", *A, "清 风 出 袖", "它看见了春天", "本报记者 吕娜", *B]
    lines += ["伊利人说：不让利", "本报记者 罗国", *A, "巾帼扶贫送技术"]
    page = parse_text("\r\n".join(lines))
    assert [(i.kicker, i.headline) for i in page.items] == [
        ("一轮明月照两岸", "去年国债发行兑付工作顺利结束"),
        (None, "清风出袖"),
        ("伊利人说：不让利", "巾帼扶贫送技术"),
    ]


def test_a_spaced_column_label_over_a_wrapped_head_is_its_kicker() -> None:
    # A label spread over its column (`经 济 要 闻`) over a head in display type that
    # wraps short of the column: the label is the kicker, the head the headline. A
    # spread line over a line that fills its column stays the headline (its subtitle),
    # and so does the lead's, whose stack stands across the page's columns.
    lines = ["经 济 要 闻", "去年国债发行兑付", "工作顺利结束", "本报记者 黄超", *A]
    lines += ["读 者 来 信", "李鹏会见日本建设", "大臣", "本报记者 宋松", *B]
    lines += ["清 风 出 袖", "一轮明月照两岸，新风吹遍", "了山城", "本报记者 吕娜", *A]
    page = parse_text("\r\n".join(lines))
    assert [(i.kicker, i.headline, i.subtitle) for i in page.items] == [
        (None, "经济要闻", "去年国债发行兑付工作顺利结束"),
        ("读者来信", "李鹏会见日本建设大臣", None),
        (None, "清风出袖", "一轮明月照两岸，新风吹遍了山城"),
    ]
