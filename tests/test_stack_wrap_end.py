"""A wrapped headline's last line is no subtitle where the page shows its measure (issue 12).

A headline wrapped in display type fills every line but its last to the measure of
its span, so the page's wrapped headlines over one column break at one width again
and again. A plain stack line of exactly that width over such a column is full; the
shorter line under it is the rest of the headline (`美声称不排除单独` / `对伊采取行动`,
read as headline + subtitle before).
"""

from __future__ import annotations

from reader.parse.measures import Shown, wrap_end
from reader.parse.stacks import group, split_stack
from reader.parse.stories import parse_text

_BODY = [
    "　　本报讯今年以来各地",
    "加强市场管理，物价保持",
    "基本稳定，群众生活安定",
    "有序，节日供应十分充足",
    "品种也比往年更加丰富。",
]
_WRAPS = [
    ["全国春运工作会议", "在京召开"],
    ["建行北京分行经营", "效益显著"],
    ["郑州建大型污水处", "理厂"],
]


def _page(heads: list[list[str]]) -> list[tuple[str | None, str | None, str | None]]:
    text = "\n".join("\n".join(head + _BODY) for head in heads)
    return [(item.kicker, item.headline, item.subtitle) for item in parse_text(text).items]


def test_the_rest_of_a_full_line_is_the_headline_not_a_subtitle() -> None:
    items = _page([*_WRAPS, ["美声称不排除单独", "对伊采取行动"]])
    assert items[-1] == (None, "美声称不排除单独对伊采取行动", None)
    assert items[:3] == [(None, "".join(head), None) for head in _WRAPS]


def test_a_measure_shown_twice_is_not_enough() -> None:
    items = _page([*_WRAPS[1:], ["美声称不排除单独", "对伊采取行动"]])
    assert "美声称不排除单独对伊采取行动" not in items[-1]  # two parts (roles: `stackkick`)
    assert items[-1][1] in ("美声称不排除单独", "对伊采取行动")


def _shown(*stacks: list[str], body: list[str] = _BODY) -> Shown:
    groups = [group(stack, wrapping=True) for stack in stacks]
    return Shown(groups, [[body] for _ in groups])


def test_wrap_end_needs_a_shorter_plain_line_under_a_line_of_the_measure() -> None:
    shown = _shown(*_WRAPS)
    body = [_BODY]
    assert wrap_end([["美声称不排除单独"], ["对伊采取行动"]], body, shown)
    # as wide as the line above, or wider: a subtitle in smaller type may be
    assert not wrap_end([["美声称不排除单独"], ["对伊拉克采取行动"]], body, shown)
    # a line above of another width is no full line the page shows
    assert not wrap_end([["美声称不排除单独行动"], ["对伊采取行动"]], body, shown)
    # dashes mark parts; a page header's editor is no headline's rest
    assert not wrap_end([["美声称不排除单独"], ["——对伊采取"]], body, shown)
    assert not wrap_end([["湖南备耕安排早动"], ["本版责任编辑"]], body, shown)
    # over a column of another width the measure is another
    narrow = [[line[:9] for line in _BODY]]
    assert not wrap_end([["美声称不排除单独"], ["对伊采取行动"]], narrow, shown)
    assert not wrap_end([["美声称不排除单独"], ["对伊采取行动"]], [], shown)
    # a last part of two lines is a wrapped part of its own
    assert not wrap_end([["美声称不排除单独"], ["对伊采取", "行动"]], body, shown)


def test_split_stack_keeps_a_kicker_over_the_wrapped_headline() -> None:
    shown = _shown(*_WRAPS)
    stack = ["古巴全国人大选举", "美声称不排除单独", "对伊采取行动"]
    grouped = [[stack[0]], [stack[1]], [stack[2]]]
    assert split_stack(stack, True, False, [_BODY], grouped=grouped, shown=shown) == (
        stack[0],
        "美声称不排除单独对伊采取行动",
        None,
    )
    # without the page's measures the position rule stands
    assert split_stack(stack, True, False, [_BODY], grouped=grouped) == (
        stack[0],
        stack[1],
        stack[2],
    )


def test_the_stub_of_a_line_wider_than_the_column_wraps_it() -> None:
    shown = _shown()  # the page shows no measure
    body = [_BODY]  # an 11-em column
    long = "张万年在全军纪检工作会议上强调把军队党风廉政建设"
    assert wrap_end([[long], ["引向深入"]], body, shown)
    assert wrap_end([["西安致力改善群众生产生活条件十项"], ["承诺兑现"]], body, shown)
    # a line under it longer than two fifths of it is a phrase of its own: a subtitle
    assert not wrap_end(
        [["水质好树木多通讯灵杭州市民生活质量提高"], ["郑州杆秤退出市场"]], body, shown
    )
    # a line no wider than the column shows no span of more columns
    assert not wrap_end([["北京举行迎春会"], ["李鹏"]], body, shown)
    assert not wrap_end([[long], ["引向深入"]], [[line * 3 for line in _BODY]], shown)
    # a page that never wraps its headlines writes one part a line, however long
    assert not wrap_end([[long], ["引向深入"]], body, shown, wrapping=False)


_WRITER_BODY = [
    "　　本报讯临近春节，北方大部",
    "分地区农田水利基本建设已基本",
    "结束，正在进行工程扫尾、检查",
    "验收和采石备料，为春季施工做",
    "准备。",
]


def _writer_page(heads: list[list[str]]) -> list[tuple[str | None, str | None, str | None]]:
    text = "\n".join("\n".join(head + _WRITER_BODY) for head in heads)
    return [(item.kicker, item.headline, item.subtitle) for item in parse_text(text).items]


def test_two_stacks_broken_at_one_width_on_a_page_that_never_wraps_are_wraps() -> None:
    # whole-office 521 (Writer): two headlines wrapped at ten ems over 14-em columns
    wraps = [["杭州一家流通企业全由", "职工出资改制"], ["大干水利笑开怀各地兴", "修水利迎春节"]]
    items = _writer_page([["春节前市场供应充足"], *wraps])
    assert items[1:] == [(None, "".join(head), None) for head in wraps]
    # one such stack alone is a headline over its subtitle, as before
    items = _writer_page([["春节前市场供应充足"], wraps[0]])
    assert items[1] == (None, *wraps[0])
    # two stacks whose upper lines differ in width show no measure
    other = ["大干水利笑开怀各地兴修", "水利迎春节"]
    items = _writer_page([wraps[0], other])
    assert items == [(None, *wraps[0]), (None, *other)]
