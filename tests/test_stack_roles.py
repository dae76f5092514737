"""Roles of two one-line parts of a headline stack (issue 12, round 9).

Without dashes, two plain lines are a kicker over its headline on a page that sets
headlines in display type (it wraps them elsewhere) and dashes its subtitles (another
stack shows `——`, none an undashed subtitle): the corpus marks subtitles with `——`
and runs kickers into their headlines unmarked. A page that never wraps writes one
part a line, headline first (tests/pagegen.py, rule 4), and keeps headline +
subtitle; so do a page with no dashes, a page that shows an undashed subtitle, and
the doubtful shapes.
"""

from __future__ import annotations

from pagescore import norm

from reader.parse.stacks import page_marked, split_stack
from reader.parse.stories import parse_text


def test_two_plain_lines_on_a_wrapping_page_that_dashes_are_kicker_and_headline() -> None:
    stack = ["春雪迎来丰收年", "山区农民冬季修渠忙"]
    assert split_stack(stack, wrapping=True, marked=True) == (stack[0], stack[1], None)


def test_without_dashes_on_the_page_they_stay_headline_and_subtitle() -> None:
    stack = ["春雪迎来丰收年", "山区农民冬季修渠忙"]
    assert split_stack(stack, wrapping=True) == (None, stack[0], stack[1])


def test_a_page_dashes_its_subtitles_when_a_stack_shows_dashes_and_none_an_undashed_one() -> None:
    dashed = ["全省农业农村工作会议召开", "——春耕备耕全面展开"]
    pair = ["春雪迎来丰收年", "山区农民冬季修渠忙"]
    assert page_marked([dashed, pair, []])
    assert page_marked([["春耕备耕——", "全省农业农村工作会议召开"], pair])  # a dashed kicker
    assert not page_marked([pair, ["山区农民冬季修渠忙"]])  # no dashes anywhere
    # A subtitle printed without dashes elsewhere: the page does not mark its parts.
    for undashed in (
        ["春耕备耕", "全省农业农村工作会议召开", "山区农民冬季修渠忙"],  # three plain parts
        ["全省农业农村工作会议在省", "城召开", "山区农民冬季修渠忙"],  # a wrap over a line
        ["山区：冬季修渠忙", "农民群众欢欢喜喜迎新春"],  # a headline by its colon
    ):
        assert not page_marked([dashed, undashed, pair]), undashed


def test_on_a_page_that_never_wraps_they_stay_headline_and_subtitle() -> None:
    stack = ["春雪迎来丰收年", "山区农民冬季修渠忙"]
    assert split_stack(stack, wrapping=False) == (None, stack[0], stack[1])


def test_dashes_still_decide() -> None:
    stack = ["山区农民冬季修渠忙", "——春雪迎来丰收年"]
    assert split_stack(stack, wrapping=True, marked=True) == (None, stack[0], stack[1])
    stack = ["春雪迎来丰收年——", "山区农民冬季修渠忙"]
    assert split_stack(stack, wrapping=True, marked=True) == (stack[0], stack[1], None)


def test_a_line_above_more_than_twice_as_long_keeps_the_position_rule() -> None:
    # As a kicker at half the headline's size it would print wider than its headline.
    stack = ["省城各界群众踊跃参加义务植树活动", "绿化家园"]
    assert split_stack(stack, wrapping=True, marked=True) == (None, stack[0], stack[1])


def test_a_word_broken_across_the_two_keeps_the_position_rule() -> None:
    from reader.parse.wrapmodel import broken_word

    stack = ["南京总医院救治中毒患者", "黑金勾结丑闻迭出"]
    assert broken_word(stack[0], stack[1])  # 者|黑: a pair the body text holds together
    assert split_stack(stack, wrapping=True, marked=True) == (None, stack[0], stack[1])


_BODY = (
    "本报讯　今年入冬以来，这个县组织农民修建水渠，已经完成工程量的一半以上，",
    "群众称赞这是一件办到了心坎上的好事。县里还请来技术人员到田间地头指导，",
    "保证工程质量，许多村民主动出工出力，工地上到处是热火朝天的景象。",
)


def test_on_a_page_whose_other_stack_wraps_the_plain_pair_reads_as_kicker() -> None:
    # The first stack wraps its headline (`工作会` / `议`: a stub after a full line), so
    # the page sets headlines in display type, and dashes its subtitle; the second
    # story's two plain lines are a kicker over its headline.
    text = "\n".join(
        [
            "全省农业农村工作会",
            "议在省城召开",
            "——春耕备耕全面展开",
            *_BODY,
            "",
            "春雪迎来丰收年",
            "山区农民冬季修渠忙",
            *_BODY,
        ]
    )
    page = parse_text(text)
    found = [(norm(i.kicker), norm(i.headline), norm(i.subtitle)) for i in page.items]
    assert ("春雪迎来丰收年", "山区农民冬季修渠忙", "") in found
    # Without the dashes the page shows no style: the position rule stays.
    page = parse_text(text.replace("——春耕备耕全面展开\n", ""))
    found = [(norm(i.kicker), norm(i.headline), norm(i.subtitle)) for i in page.items]
    assert ("", "春雪迎来丰收年", "山区农民冬季修渠忙") in found


def test_an_upper_line_with_a_colon_quotes_or_digits_stays_the_headline() -> None:
    for upper in ("山区：冬季修渠忙", "“春雪”迎来丰收年", "全县修渠１２０公里"):
        stack = [upper, "农民群众欢欢喜喜迎新春"]
        assert split_stack(stack, wrapping=True, marked=True) == (None, upper, stack[1])


def test_a_wrapped_kicker_over_a_headline_wrapped_over_more_lines() -> None:
    # Large type wraps first: the part that takes more lines is the headline.
    stack = ["全省春耕备耕工作", "会议召开", "山区农民冬季修渠引水", "灌溉良田迎来丰收", "年"]
    kicker, headline, subtitle = split_stack(stack, wrapping=True)
    assert (kicker, headline, subtitle) == (
        "全省春耕备耕工作会议召开",
        "山区农民冬季修渠引水灌溉良田迎来丰收年",
        None,
    )


def test_a_stub_on_its_subtitles_line_after_a_line_no_part_ends_with() -> None:
    # PDFium of Chromium's prints: the stub `精神` written on the subtitle's line. A
    # headline part does not end on 的: the stub is the wrap's end.
    stack = ["发扬艰苦奋斗的", "精神——山区农民冬季修渠忙"]
    assert split_stack(stack) == (None, "发扬艰苦奋斗的精神", "——山区农民冬季修渠忙")
    # 分 ends phrases often enough: the word before the dashes stays the subtitle's.
    stack = ["连同青草和大树，因饱含水分", "朝阳——“楹联之市”"]
    assert split_stack(stack) == (None, stack[0], stack[1])


def test_a_wrapped_upper_part_that_is_no_plain_phrase_stays_the_headline() -> None:
    # Two lines over three: the lower part is the headline only when the upper is a
    # plain phrase, as for one-line parts (`_MARKED`: a colon, quotes, digits).
    below = ["全县农民群众欢欢喜喜", "迎来丰收年景喜气洋", "洋"]
    plain = split_stack(["山区冬季修渠", "引水忙", *below], wrapping=True)
    assert plain == ("山区冬季修渠引水忙", "全县农民群众欢欢喜喜迎来丰收年景喜气洋洋", None)
    marked = split_stack(["山区：冬季修渠", "引水忙", *below], wrapping=True)
    assert marked == (None, "山区：冬季修渠引水忙", "全县农民群众欢欢喜喜迎来丰收年景喜气洋洋")
