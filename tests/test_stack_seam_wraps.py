"""Two parts of a stack are one wrap where the break reads as a seam, or where the
page's other parts are wraps too (issue 12, round 21, branch `heads25`).

Whole articles' long headlines run two statements together, and a wrap falls between
them as often as anywhere (`reader.parse.seamwraps`); a page whose two-part stacks are
its own headlines wrapped is a page of one-part stacks all the same
(`reader.parse.oneparts._parts_wrapped`). Lines invented in the shapes of the cases.
"""

from __future__ import annotations

from reader.parse import wrapmodel
from reader.parse.oneparts import join_wraps
from reader.parse.seamwraps import seam_wrap
from reader.parse.stories import parse_text

WRAP = [["工行北京分行效益上新", "台阶"]]  # a wrap of ten ems: the page wraps its heads
HEADS = [[["首都机场新航站楼开工"]], [["长江三峡工程进展顺利"]], [["西部地区农民收入增加"]]]
SEAM = [["全市春运客流平稳有序铁路"], ["加开临客"]]  # the break reads as a seam
WRAPS = [  # two stacks of two one-line parts, each one wrap
    [["苏州一家百货商店全由"], ["店员集资改制"]],
    [["大修水渠喜开颜各村兴"], ["建水利迎新春"]],
]


def _story(n: int) -> list[str]:
    return [
        f"本报北京１月{n + 1}日讯记者",
        "王明报道：今年以来，各地加",
        "快了基础设施建设的步伐，工",
        "程进展顺利，群众十分满意。",
    ]


def test_a_break_that_reads_as_a_seam_is_a_wrap_on_a_one_part_page() -> None:
    assert not wrapmodel.inside(SEAM[0][0], SEAM[1][0])
    groups = [WRAP, *HEADS, SEAM]
    assert join_wraps(groups, True)[-1] == [SEAM[0] + SEAM[1]]
    lines: list[str] = []
    for n, stack in enumerate(groups):
        lines += [line for part in stack for line in part] + _story(n)
    item = parse_text("\n".join(lines) + "\n").items[-1]
    assert (item.kicker, item.headline, item.subtitle) == (
        None,
        "全市春运客流平稳有序铁路加开临客",
        None,
    )


def test_two_lines_of_one_length_are_one_wrap() -> None:
    assert seam_wrap(["全国农村电网改造"], ["全面展开农民满意"], {10.0})


def test_wording_keeps_two_parts_apart() -> None:
    full = {10.0}
    assert seam_wrap(["全市春运工作会议指示"], ["加开临客"], full)
    assert not seam_wrap(["全市春运工作会议指出"], ["加开临客"], full)  # a kicker that says
    assert not seam_wrap(["全市春运客流平稳有序"], ["李建国王明"], full)  # names: a byline
    assert not seam_wrap(["全市春运客流平稳有序"], ["王明摄影报道"], full)  # a picture's credit


def test_a_lower_line_wider_than_the_page_s_measure_is_no_wrap_s_rest() -> None:
    upper, lower = ["全市春运客流平稳有序铁路部门加开临客"], ["各地群众返乡过年十分方便"]
    assert seam_wrap(upper, lower, {13.0})
    assert not seam_wrap(upper, lower, {10.0})  # twelve ems under a measure of ten


def test_two_part_stacks_that_are_wraps_leave_the_page_one_of_one_parts() -> None:
    # Three stacks of two parts in eight, each two lines of one wrap: the page-wide
    # count closed the gate on them.
    wraps = WRAPS
    groups = [*HEADS, [["全国春运客流平稳"]], [["首都春节市场繁荣"]], *wraps, SEAM]
    out = join_wraps(groups, True)
    assert out[-3:] == [[wraps[0][0] + wraps[0][1]], [wraps[1][0] + wraps[1][1]], SEAM]
    # ...one real two-part stack more closes it
    parts = [["中国足球协会决定"], ["——加速培养青年队员"]]
    assert join_wraps([*groups, parts], True)[5:8] == [*wraps, SEAM]


def test_only_one_line_parts_join_on_a_page_whose_parts_are_wraps() -> None:
    wraps = WRAPS
    over = [["南方多个城市遭遇"], ["罕见低温冰冻天", "气"]]  # a kicker as wide, or a wrap
    groups = [*HEADS, [["全国春运客流平稳"]], [["首都春节市场繁荣"]], *wraps, over]
    assert join_wraps(groups, True)[-1] == over
    # ...where the page prints one part a stack, the same shape is a wrap of three
    assert join_wraps([*HEADS, [["全国春运客流平稳"]], over], True)[-1] == [over[0] + over[1]]


def test_a_picture_s_credit_at_the_page_s_measure_stays_a_part() -> None:
    # A full line of seven ems over a credit as long: a picture story's title over its
    # photographer's credit (`oneparts._wrap` reads a lower line at the measure as a wrap).
    wrap = [["全市春运客流平", "稳有序"]]  # the page's measure: seven ems
    photo = [["春到山乡笑语多"], ["李明华摄影报道"]]
    assert join_wraps([wrap, *HEADS, photo], True)[-1] == photo
    plain = [["春到山乡笑语多"], ["全市春运客流平"]]
    assert join_wraps([wrap, *HEADS, plain], True)[-1] == [plain[0] + plain[1]]
