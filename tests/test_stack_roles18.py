"""Roles inside a headline stack by the measures a wrap keeps (issue 12, round 16).

A wrapped part fills every line but its last to one measure. A line wider or
narrower than the next full line is no line of the same wrap: it is a part of
its own (a kicker the wrap model joined to the headline under it).
"""

from __future__ import annotations

from reader.parse.roles import measure_cut
from reader.parse.stacks import split_stack


def _anywhere(above: list[str], line: str) -> bool:
    return True


def test_a_line_over_a_wrap_of_another_measure_is_cut_off() -> None:
    assert measure_cut(["盼望好年成的乡村农民", "镜头之二：民办", "医院，各具特色"], _anywhere) == 1
    assert (
        measure_cut(["古巴举行全国大选", "邀请已故党外", "全国政协委员", "夫人共贺新春"], _anywhere)
        == 1
    )
    # a narrower line over the wrap's full lines is no full line of it either
    assert (
        measure_cut(
            ["邓名苏曹龙彪", "中国围棋协会公布棋手", "最新等级分新秀常昊", "名第一"], _anywhere
        )
        == 1
    )
    # a wrapped kicker over a wrapped headline: cut where both keep one measure
    kicker = ["春节期间香港将举行盛大烟", "花汇演"]
    assert measure_cut([*kicker, "江泽民会见全国", "宣传部长会议代表"], _anywhere) == 2
    # ...the wrap below must show its measure twice: a full line over a stub shows it once
    assert measure_cut([*kicker, "坚定信心稳步", "前进"], _anywhere) is None


def test_one_measure_or_a_break_the_rules_keep_is_left_whole() -> None:
    assert measure_cut(["拥军办实事爱民献忠", "诚江西“双拥”工作常", "抓不懈"], _anywhere) is None
    assert measure_cut(["举重世界冠军和创纪录", "选手上光荣榜仪式在", "京举行"], _anywhere) is None
    assert measure_cut(["盼望好年成的乡村农民", "镜头之二：民办"], _anywhere) is None  # two lines
    # the rules keep the line on (a word broken, a bracket open): no other cut shows a measure
    kept = ["盼望好年成的乡村农民", "镜头之二：民办", "医院，各具特色"]
    assert measure_cut(kept, lambda above, line: len(above) != 1) is None
    assert (
        measure_cut(["盼望好年成的乡村农民", "镜头之二：民办", "医院"], lambda above, line: False)
        is None
    )
    # TeX breaks a justified display line short of the one above (9 and 7 characters)
    assert measure_cut(["中国市场已不再是自", "己独有，目光必", "须向外"], _anywhere) is None
    # digits and Latin print at their font's width, not as counted (TeX: 10 and 8 ems)
    assert measure_cut(["闽宁对口扶贫协作见实", "效西海固２３万农", "民脱贫"], _anywhere) is None


def test_split_stack_cuts_a_kicker_off_a_wrapped_headline() -> None:
    stack = ["陈方安生启程赴京", "“房子建不起", "来，就摘下乌", "纱帽”"]
    assert split_stack(stack, wrapping=True) == (stack[0], "“房子建不起来，就摘下乌纱帽”", None)
    stack = ["盼望好年成的乡村农民", "镜头之二：民办", "医院，各具特色"]
    assert split_stack(stack, wrapping=True) == (stack[0], "镜头之二：民办医院，各具特色", None)


def test_split_stack_keeps_a_word_broken_by_an_uneven_wrap() -> None:
    # TeX breaks a display line inside a word (自|己) and short of the measure before it:
    # by the widths alone the first line would be a kicker, but no part ends inside a word
    stack = ["中国市场已不再是自", "己独有，目光必", "须向外开拓市场", "啊"]
    assert measure_cut(stack, _anywhere) == 1
    assert split_stack(stack, wrapping=True) == (None, "".join(stack), None)
