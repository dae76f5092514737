"""A line of a wrapped headline's measure over the wrapped rest is its first line (issue 12).

Typst pages (tests/typesetgen.py): a headline of three lines at one measure, the
last a stub, came out as kicker + headline; a kicker as wide as the headline's
first line stays a kicker when its break reads as a headline's end.
"""

from __future__ import annotations

from reader.parse.stacks import split_stack


def test_three_lines_of_one_measure_breaking_inside_a_phrase_are_one_headline() -> None:
    stack = ["为了明天李生海解放军", "３７４１６部队政治处", "主任"]
    assert split_stack(stack) == (None, "为了明天李生海解放军３７４１６部队政治处主任", None)
    stack = ["王建功当选黑龙江省人", "大主任田凤山当选黑龙", "江"]
    assert split_stack(stack)[:2] == (None, "王建功当选黑龙江省人大主任田凤山当选黑龙江")


def test_a_kicker_as_wide_as_the_headline_line_that_ends_as_headlines_do_stays() -> None:
    stack = ["香港花车巡游喜贺新岁", "全国男篮甲Ａ联赛第十", "三轮"]
    kicker, headline, _ = split_stack(stack)
    assert kicker == "香港花车巡游喜贺新岁"
    assert headline == "全国男篮甲Ａ联赛第十三轮"


def test_a_shorter_line_over_the_wrapped_part_stays_its_kicker() -> None:
    stack = ["人民子弟", "专家建议重点保护８种", "濒危鱼类"]
    assert split_stack(stack)[0] == "人民子弟"
