"""Roles inside a headline stack by a wrapped kicker's width and by wording (issue 12, round 15).

A part wrapped at the full column is set at about the body size: over a narrower
part it is the kicker, not the headline. Of two plain one-line parts, wording the
corpus's stacks show on kickers (a verb of saying at the end) decides on a page
that sets its headlines in display type. Pages are written by hand at a 12-em column.
"""

from __future__ import annotations

from reader.parse.roles import small_below, small_wrapped
from reader.parse.stackodds import features, kicker_odds
from reader.parse.stacks import split_stack
from reader.parse.stories import parse_text


def _para(text: str) -> list[str]:
    """A paragraph set in the column: its first line 10 characters, the rest 12."""
    return [text[:10], *(text[k : k + 12] for k in range(10, len(text), 12))]


BODY = _para(
    "我国经济建设取得新成就，各项事业全面发展，人民生活水平进一步提高，民主法制建设继续加强。"
)
OTHER = _para("农业生产再次获得好收成，企业改革继续深化，对外经济技术合作与交流不断扩大。")
WRAPPED = ["全国政协举行迎春茶话", "会", *OTHER]  # the page wraps its headlines
KICKER = ["春节期间香港将举行盛大烟", "花汇演"]  # wrapped at the column: 12, then 3


def test_a_part_wrapped_at_the_column_over_a_narrower_one_is_small_type() -> None:
    assert small_wrapped(KICKER, ["坚定信心稳步前进"], 12)
    assert not small_wrapped(KICKER, ["坚定信心稳步前进"], 0.0)  # the column unknown
    assert not small_wrapped(["春节期间香港将举行盛", "大烟花汇演"], ["坚定信心稳步前进"], 12)
    assert not small_wrapped(KICKER, ["中共中央国务院举行春节团拜"], 12)  # as wide below
    assert not small_wrapped(KICKER, ["——坚定信心稳步前进"], 12)  # dashes decide


def test_split_stack_reads_a_wrapped_kicker_by_the_column() -> None:
    stack = [*KICKER, "坚定信心稳步前进"]
    kicker = "春节期间香港将举行盛大烟花汇演"
    assert split_stack(stack, body=[BODY]) == (kicker, "坚定信心稳步前进", None)
    assert split_stack(stack) == (None, kicker, "坚定信心稳步前进")  # no column known


def test_a_page_reads_a_wrapped_kicker_by_the_column() -> None:
    page = parse_text("\n".join([*WRAPPED, *KICKER, "坚定信心稳步前进", *BODY]) + "\n")
    item = next(it for it in page.items if it.headline == "坚定信心稳步前进")
    assert item.kicker == "春节期间香港将举行盛大烟花汇演" and item.subtitle is None


def test_a_part_wrapped_at_the_column_under_a_narrower_one_is_the_subtitle() -> None:
    subtitle = ["建设防洪屏障江苏决定投入", "四十亿"]  # 12, then 3
    assert small_below(["栾老寨的奇迹"], subtitle, 12)
    assert not small_below(["栾老寨的奇迹"], ["建设防洪屏障江苏", "决定投入四十亿"], 12)
    assert not small_below(["中共中央国务院举行春节团拜"], subtitle, 12)  # as wide above
    # Without the column the wrapped part under a line is the headline, the line its kicker.
    assert split_stack(["栾老寨的奇迹", *subtitle]) == ("栾老寨的奇迹", "".join(subtitle), None)
    expected = (None, "栾老寨的奇迹", "".join(subtitle))
    assert split_stack(["栾老寨的奇迹", *subtitle], body=[BODY]) == expected


def test_wording_features_and_odds() -> None:
    said = "江泽民会见全国宣传部长会议代表时强调"
    assert features(said) == {"length": "15-18", "end": "saying", "comma": "no"}
    assert features("——边界上，两国国旗同降")["comma"] == "yes"  # dashes left out
    assert kicker_odds(said, "做好宣传思想工作") > 1.5  # a kicker ends on what was said
    assert abs(kicker_odds("春雪迎来丰收年", "山区农民修渠忙")) < 1.5  # plain: no evidence
    assert kicker_odds("听编图者说", "访铁道部副部长刘志军") < 1.5  # 说 ends headlines too


def test_split_stack_reads_a_kicker_by_its_wording_on_a_page_that_wraps() -> None:
    stack = ["张万年迟浩田会见彭楚政事迹报告团时强调", "牢记我党我军宗旨永葆人民军队本色"]
    assert split_stack(stack, wrapping=True) == (stack[0], stack[1], None)
    # A page that never wraps writes one part a line, headline first (pagegen rule 4).
    assert split_stack(stack, wrapping=False) == (None, stack[0], stack[1])
