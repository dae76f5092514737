"""Two parts of a stack at one measure are one headline wrapped where its phrases meet (issue 12).

Whole-article pages (bench/wholegen.py): a headline of two phrases broken over a narrow
column where the phrases meet came out as headline + subtitle or kicker + headline.
Invented lines in the shape of the case.
"""

from __future__ import annotations

from reader.parse.measures import Shown
from reader.parse.stackmeasure import full_over, shown_over
from reader.parse.stacks import split_stack

BODY = [["本报讯记者从有关部门获悉"] * 4]  # a column of twelve ems


def test_a_part_that_ends_full_goes_on_in_the_part_under_it_at_its_measure() -> None:
    grouped = [["市民踊跃参加", "义务植树活动"], ["城区新添绿地", "三百亩"]]  # six ems
    stack = [line for part in grouped for line in part]
    assert split_stack(stack, grouped=grouped) == (
        None,
        "市民踊跃参加义务植树活动城区新添绿地三百亩",
        None,
    )


def test_parts_of_other_measures_are_left_to_the_other_rules() -> None:
    short = [["市民踊跃参加", "植树活动"], ["城区新添绿地", "三百亩"]]
    assert full_over(short) is None  # the upper part ends short: it ended with its phrase
    wide = [["市民踊跃参加", "义务植树活动"], ["区长号召全区居民爱绿护绿", "共建美丽家园"]]
    assert full_over(wide) is None  # smaller type below: more characters a line
    dashed = [["市民踊跃参加", "义务植树活动"], ["——城区新添", "绿地三百亩"]]
    assert full_over(dashed) is None  # dashes decide


def _page(grouped: list[list[str]], others: list[list[list[str]]]) -> Shown:
    groups = [grouped, *others]
    return Shown(groups, [BODY] * len(groups))


ONE_PART = [
    [["本区举办迎春", "书画展览"]],  # two wraps at six ems: the page's measure
    [["老年大学今天", "开学"]],
    [["社区服务中心"]],
    [["春节供应充足"]],
    [["全区春运开始"]],
]


def test_a_line_at_the_page_measure_over_a_wrap_on_a_page_of_few_parts_is_its_first() -> None:
    grouped = [["春节市场繁荣"], ["居民年货充足", "丰富"]]  # six ems, as the page wraps
    stack = [line for part in grouped for line in part]
    shown = _page(grouped, ONE_PART)
    assert split_stack(stack, body=BODY, grouped=grouped, shown=shown) == (
        None,
        "春节市场繁荣居民年货充足丰富",
        None,
    )  # (a break where two phrases meet: the wording alone reads a kicker)


def test_the_line_stays_a_part_where_the_page_shows_no_such_measure_or_prints_parts() -> None:
    grouped = [["春节市场繁荣"], ["居民年货充足", "丰富"]]
    unshown = [[["本区举办迎春书", "画展览"]], *ONE_PART[2:]]  # the page wraps at seven
    assert shown_over(grouped, BODY, _page(grouped, unshown)) is None
    unshown = ONE_PART[1:]  # one other wrap at six: by chance
    assert shown_over(grouped, BODY, _page(grouped, unshown)) is None
    parts = [[["迎春"], ["本区举办书画展览"]], [["喜讯"], ["社区服务中心开业"]], *ONE_PART[:3]]
    assert shown_over(grouped, BODY, _page(grouped, parts)) is None  # two in six hold parts
    assert shown_over(grouped, BODY, None) is None
