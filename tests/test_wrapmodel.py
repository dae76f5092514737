"""The wrap model of headline stacks (reader/parse/wrapmodel.py), one cause a test."""

from __future__ import annotations

from test_parse_typeset import SQUEEZED

from reader.parse import wrapdata, wrapmodel
from reader.parse.stacks import parts, split_stack, sure
from reader.parse.stories import parse_text


def test_full_lines_of_one_measure_before_a_stub_are_one_headline() -> None:
    # 8 + 8 + 1: the first two lines fill the same measure, the stub ends the wrap.
    stack = ["四国女足赛又战一", "轮中国队逼和美国", "队"]
    assert split_stack(stack) == (None, "四国女足赛又战一轮中国队逼和美国队", None)


def test_a_break_inside_a_word_is_a_wrap() -> None:
    # 菏|泽 is a pair the corpus holds far more often than chance.
    assert wrapmodel.features(["国色天香凌冬开菏", "泽暖棚牡丹含苞待放"], 1)[0] > 0
    assert (
        split_stack(["全国政协举行第五十一", "次主席会议"])[1] == "全国政协举行第五十一次主席会议"
    )


def test_a_longer_part_after_a_phrase_is_a_part_of_its_own() -> None:
    assert len(parts(["强强回故乡", "中国社科院实现计算机联网"])) == 2
    assert split_stack(["直达浩浩荡荡吴淞口", "——八十高龄亲率众学生"])[2] == "——八十高龄亲率众学生"


def test_the_rules_decide_before_the_model() -> None:
    assert sure("大连军人出行真方便——", "决赛") is False
    assert sure("工行北京分行效益上新", "台阶") is True
    assert sure("戏剧界专家盛赞《虎踞钟", "山》") is True
    assert sure("冬奥会中国体育代表团", "成立规模最大力争突破") is None  # the model's


def test_a_short_line_is_no_full_line_of_a_wrap() -> None:
    assert not wrapmodel.wraps(["图片新闻", "并且甘美"], 1)


def test_a_guess_does_not_turn_a_paragraph_into_a_stack() -> None:
    # Lines of a narrow column that hold commas are counted without the model.
    body = [
        "新华社华盛顿",
        "1月21日电（记者符泉",
        "生）美国总统克林顿21",
        "日说，他对伊拉克新近",
        "提出的冻结要求",
    ]
    items = parse_text("\n".join([*body, *SQUEEZED])).items
    assert all(item.headline != "1月21日电（记者符泉" for item in items)


def test_the_model_is_deterministic_and_pure() -> None:
    stack = ["冬奥会中国体育代表团", "成立规模最大力争突破"]
    assert wrapmodel.features(stack, 1) == wrapmodel.features(list(stack), 1)
    assert len(wrapmodel.features(stack, 1)) + 1 == len(wrapdata.WEIGHTS)  # the bias last


def test_a_line_above_a_wrapped_part_is_its_kicker() -> None:
    # Large type wraps first: the wrapped part is the headline, the line above it
    # (here wider than the headline's full lines: smaller type for certain) its kicker.
    assert split_stack(["廊坊职工下了岗上市场", "拉萨海关追回被盗", "国宝"]) == (
        "廊坊职工下了岗上市场",
        "拉萨海关追回被盗国宝",
        None,
    )
    # Dashes say otherwise: a subtitle starting with —— stays the subtitle.
    assert split_stack(
        ["直达浩浩荡荡吴淞口", "——八十高龄亲率众学生在沪连演三场，", "然后又直奔北京"]
    )[2] == ("——八十高龄亲率众学生在沪连演三场，然后又直奔北京")
    # Without a wrap the two-part stack is headline and subtitle, as before.
    assert (
        split_stack(["廊坊职工下了岗上市场", "拉萨海关追回被盗国宝"])[2] == "拉萨海关追回被盗国宝"
    )


def test_a_page_that_wraps_one_headline_wraps_the_others() -> None:
    # Alone, two lines of a measure are two parts; on a page whose stacks show wraps
    # (a stub, a bracket closed on the next line) they are one headline wrapped.
    stack = ["冬奥会中国体育代表团", "成立规模最大力争突破"]
    assert split_stack(stack) == (None, "冬奥会中国体育代表团", "成立规模最大力争突破")
    assert split_stack(stack, wrapping=True)[1] == "冬奥会中国体育代表团成立规模最大力争突破"


def test_the_page_tells_whether_it_wraps_its_headlines() -> None:
    # 部|要 breaks no word: alone, the two lines are two parts; on a page with a
    # stub elsewhere (台阶) the model joins them.
    wrapped = ["注意热水器安全建设部", "要求开展入户大检查"]
    alone = parse_text("\n".join([*wrapped, *SQUEEZED])).items
    assert alone[0].headline == "注意热水器安全建设部"
    page = parse_text("\n".join(["工行北京分行效益上新", "台阶", *SQUEEZED, *wrapped, *SQUEEZED]))
    assert [item.headline for item in page.items] == [
        "工行北京分行效益上新台阶",
        "注意热水器安全建设部要求开展入户大检查",
    ]


def test_a_word_broken_across_the_lines_shows_the_wrap_by_itself() -> None:
    # 启|示 is held together in the corpus's body text: a page that sets each part
    # on a line of its own does not break it, so the stack shows the page wraps.
    wrapped = ["东南亚金融危机的启", "示：苍蝇不叮无缝的蛋"]
    alone = parse_text("\n".join([*wrapped, *SQUEEZED])).items
    assert alone[0].headline == "东南亚金融危机的启示：苍蝇不叮无缝的蛋"


def test_a_line_that_ends_where_headlines_never_end_is_wrapped() -> None:
    # 启 rarely ends a headline line of the corpus, 会 often does; 了 rarely starts one.
    ends = len(wrapmodel.features(["a", "b"], 1)) - 3
    assert wrapmodel.features(["东南亚金融危机的启", "示"], 1)[ends] < 0
    assert wrapmodel.features(["全国政协召开座谈会", "示"], 1)[ends] > 0
    assert wrapmodel.features(["全国政协召开座谈会", "了解"], 1)[ends + 1] < 0


def test_a_wrap_the_model_is_sure_of_shows_that_the_page_wraps() -> None:
    # No stub, no bracket: the model alone joins 第五十一 / 次 (a number broken),
    # and the page's other stack of two full lines is then one headline too.
    first = ["全国政协举行第五十一", "次主席会议"]
    second = ["冬奥会中国体育代表团", "成立规模最大力争突破"]
    page = parse_text("\n".join([*first, *SQUEEZED, *second, *SQUEEZED]))
    assert [item.headline for item in page.items] == [
        "全国政协举行第五十一次主席会议",
        "冬奥会中国体育代表团成立规模最大力争突破",
    ]


def test_a_quote_left_open_over_two_wrapped_lines_keeps_the_part_going() -> None:
    # `北京举行“１` / `１０宣传` / `日”咨询活动`: the middle line closes nothing and opens
    # nothing, but the part above it still holds the open quote that `日”` closes.
    stack = ["北京举行“１", "１０宣传", "日”咨询活动", "不让利，不得利"]
    assert parts(stack, wrapping=True)[0] == stack[:3]
