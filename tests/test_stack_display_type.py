"""A stack's first part wrapped narrower than every line under it is the headline (issue 12).

Whole-article pages (bench/wholegen.py): a headline wrapped in display type over a
subtitle wrapped in smaller type came out as kicker + headline (+ subtitle), the
subtitle's lines taken for the headline. Invented lines in the shape of the case.
"""

from __future__ import annotations

from reader.parse.stacks import split_stack
from reader.parse.stacktype import head_first, kinsoku_wrap, spread_below

HEAD = ["市政府召开第九次", "全体会议"]  # wrapped at eight ems
SUB = ["区长主持讨论并原则通过", "《城区绿化管理条例（草", "案）》"]  # at eleven


def test_a_subtitle_wrapped_wider_under_a_wrapped_headline_is_the_subtitle() -> None:
    grouped = [HEAD, SUB[:1], SUB[1:]]  # the wrap model cut the subtitle in two
    assert split_stack([*HEAD, *SUB], grouped=grouped) == (
        None,
        "市政府召开第九次全体会议",
        "区长主持讨论并原则通过《城区绿化管理条例（草案）》",
    )
    head = ["友好代表团抵达本市访问并", "举行会谈"]
    sub = ["双方希望在互利共赢的基础上继续扩大经贸合作", "深化人文交流"]
    assert head_first([head, sub]) == (None, "".join(head), "".join(sub))


def test_a_kicker_wrapped_as_wide_as_the_lines_under_it_is_left_to_the_other_rules() -> None:
    kicker = ["区长主持讨论并原则通过", "城区规划"]
    assert head_first([kicker, ["市政府召开第九次全体会"], ["议"]]) is None  # no wider below
    assert head_first([HEAD, ["区长主持讨论并原则通过"]]) is None  # one line under: no measure
    dashed = ["——区长主持讨论并原则通过", "城区规划"]
    assert head_first([HEAD, dashed]) is None  # dashes decide


def test_a_part_wrapped_at_two_columns_under_one_line_is_the_subtitle() -> None:
    body = [["本报讯记者从有关部门获悉今年"] * 4]  # a column of fourteen ems
    sub = ["号召各单位发挥骨干作用，为本市建设和发展作出新的更大贡献", "再立新功"]
    assert split_stack(
        ["市总工会致全市职工信", *sub], body=body, grouped=[["市总工会致全市职工信"], sub]
    ) == (
        None,
        "市总工会致全市职工信",
        "".join(sub),
    )
    narrow = [["本报讯记者从有关部门获悉今年全市职工踊跃参加活动"] * 4]  # twenty-five
    assert spread_below([["市总工会致全市职工信"], sub], narrow) is None


def test_a_line_a_mark_cut_one_character_short_is_the_first_line_of_the_wrap() -> None:
    title = [["影评人聚会贺"], ["《春天的故事》", "首映成功"]]  # six ems over seven
    assert split_stack(title[0] + title[1], grouped=title) == (
        None,
        "影评人聚会贺《春天的故事》首映成功",
        None,
    )
    count = [["８１封来信"], ["称，要价８１", "万元"]]  # a word broken before its comma
    assert kinsoku_wrap(count) == (None, "８１封来信称，要价８１万元", None)
    assert kinsoku_wrap([["影评人聚会"], ["《春天的故事》", "首映成功"]]) is None  # two short
    assert kinsoku_wrap([["影评人聚会贺"], ["春天的故事首映", "成功"]]) is None  # no mark
