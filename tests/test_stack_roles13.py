"""Roles inside a headline stack by the story's column and by quotes (issue 12, round 12).

Two plain one-line parts: a headline is display type, at least about 1.3 times the
body, so in one column it holds no more than about three quarters of a body line;
an upper line nearly as wide as the column, over a lower line that fits as a
headline, is the kicker. A quoted utterance (`“…？”`) is a part of its own: a
kicker over it does not wrap into it, and it stays in the stack between a kicker
and the line below. Pages are written by hand at a 12-em column.
"""

from __future__ import annotations

from reader.parse.roles import body_measure, quote_part, small_above
from reader.parse.stacks import split_stack
from reader.parse.stories import parse_text


def _para(text: str) -> list[str]:
    """A paragraph set in the column: its first line 10 characters, the rest 12."""
    return [text[:10], *(text[k : k + 12] for k in range(10, len(text), 12))]


BODY = _para(
    "我国经济建设取得新成就，各项事业全面发展，人民生活水平进一步提高，民主法制建设继续加强。"
)
OTHER = _para("农业生产再次获得好收成，企业改革继续深化，对外经济技术合作与交流不断扩大。")
# A headline wrapped with a stub: the page sets its headlines in display type.
WRAPPED = ["全国政协举行迎春茶话", "会", *OTHER]


def test_the_column_is_the_median_of_full_lines() -> None:
    assert body_measure([BODY]) == 12
    assert body_measure([["短", "行"]]) == 0.0  # too few lines to tell
    assert body_measure([["一二三四五六七八九十", "一二三"]] * 3) == 10  # last lines left out


def test_an_upper_line_nearly_as_wide_as_the_column_is_small_type() -> None:
    assert small_above("用先进典型推动部队建设", "人情债越来越沉重", 12)  # 11 over 8
    assert not small_above("春雪迎来丰收年", "山区农民修渠忙", 12)  # 7: may be a headline
    assert not small_above("用先进典型推动部队全面建设", "人情债越来越沉重", 12)  # 13: wider
    assert not small_above("用先进典型推动部队建设", "山区农民冬季修渠忙又忙", 12)  # 11 below
    assert not small_above("用先进典型推动部队建设", "人情债越来越沉重", 0.0)  # unknown


def test_split_stack_reads_the_kicker_by_the_column() -> None:
    stack = ["用先进典型推动部队建设", "人情债越来越沉重"]
    assert split_stack(stack, wrapping=True, body=[BODY]) == (stack[0], stack[1], None)
    assert split_stack(stack, wrapping=True) == (None, stack[0], stack[1])
    assert split_stack(stack, wrapping=False, body=[BODY]) == (None, stack[0], stack[1])
    wide = ["用先进典型推动部队全面建设", "人情债越来越沉重"]  # wider than the column
    assert split_stack(wide, wrapping=True, body=[BODY]) == (None, wide[0], wide[1])


def test_a_page_reads_the_kicker_by_its_column() -> None:
    kicker, headline = "用先进典型推动部队建设", "人情债越来越沉重"
    page = parse_text("\n".join([*WRAPPED, kicker, headline, *BODY]) + "\n")
    item = next(it for it in page.items if it.headline == headline)
    assert item.kicker == kicker and item.subtitle is None
    short = "春雪迎来丰收年"  # as short as a headline: the position rule stays
    page = parse_text("\n".join([*WRAPPED, short, headline, *BODY]) + "\n")
    item = next(it for it in page.items if it.headline == short)
    assert item.kicker is None and item.subtitle == headline


def test_a_quoted_utterance_is_a_part_of_its_own() -> None:
    quote = ["金正日视察朝人民军", "“现在除了养", "牛以外，还种", "些什么不？”"]
    assert quote_part(quote, 1) and not quote_part(quote, 2) and not quote_part(quote, 0)
    named = ["上海光明乳业有限公司", "“光明”牌婴儿助长奶粉"]  # a quoted name inside
    assert not quote_part(named, 1)
    said = ["北京市举办少年儿童棋赛", "“我叫童志成，是珠江钢琴……”", "乘着生肖的纸鸢"]
    assert quote_part(said, 2)
    assert split_stack(said, wrapping=True) == (said[0], said[1], said[2])


def test_a_kicker_over_a_quote_headline_over_the_body() -> None:
    stack = ["金正日视察朝人民军", "“现在除了养", "牛以外，还种", "些什么不？”"]
    page = parse_text("\n".join([*WRAPPED, "（许英）", *stack, *BODY]) + "\n")
    item = next(it for it in page.items if it.kicker == stack[0])
    assert item.headline == "“现在除了养牛以外，还种些什么不？”"
    assert item.paragraphs[0].startswith("我国经济")


def test_a_quote_between_a_kicker_and_a_headline_stays_in_the_stack() -> None:
    stack = ["学者解梦有新说如幻梦境", "“家里种多少地？种玉米、", "麦子还是水稻？”"]
    stack.append("对话剧发展的几点看法")
    page = parse_text("\n".join([*WRAPPED, *stack, "本报记者彭霞通讯员王强敏", *BODY]) + "\n")
    item = next(it for it in page.items if it.subtitle == stack[3])
    assert item.kicker == stack[0]
    assert item.headline == "“家里种多少地？种玉米、麦子还是水稻？”"


def test_a_stated_quote_under_a_new_stack_line_is_its_headline_where_it_breaks_short() -> None:
    stack = ["欢欢喜喜迎接虎年", "“豁出命根子，", "刨除穷根子。”"]
    page = parse_text("\n".join([*WRAPPED, "（吕宇）", *stack, *BODY]) + "\n")
    item = next(it for it in page.items if it.kicker == stack[0])
    assert item.headline == "“豁出命根子，刨除穷根子。”"
    # A quote set as the story's first paragraph fills its column: it stays there.
    said = ["“豁出命根子，刨除穷", "根子，这是我们的心愿。”"]
    page = parse_text("\n".join([*WRAPPED, "（吕宇）", stack[0], *said, *BODY]) + "\n")
    item = next(it for it in page.items if it.headline == stack[0])
    assert item.kicker is None and item.paragraphs[0] == "".join(said)


def test_a_line_far_wider_than_the_column_below_ends_the_stack_as_its_subtitle() -> None:
    # Set across more columns than the story's text, over a one-line paragraph.
    stack = ["美财长强调帮助亚洲就是保护", "美国", "牛年男篮联赛息鼓强弱各有悲喜蓄势相争虎年"]
    body = ["其一，实行种子专卖制。", "由国家对种子实行垄断。", *BODY]
    page = parse_text("\n".join([*WRAPPED, "（据新华社电）", *stack, *body]) + "\n")
    item = next(it for it in page.items if it.headline == "美财长强调帮助亚洲就是保护美国")
    assert item.subtitle == stack[2]
    assert item.paragraphs[0] == body[0]
