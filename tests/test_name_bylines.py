"""A byline that is a bare name, in page text (issue 12, round 15: `reader.parse.names`)."""

from __future__ import annotations

from reader.parse.namelist import names
from reader.parse.names import name_line
from reader.parse.stories import parse_text

_BODY = (
    "在最近结束的全国银行分行\n"
    "行长工作会议上，中国人民银行\n"
    "行长戴相龙再次强调，在优先支\n"
    "持国有重点企业发展的同时。\n"
)
_BEFORE = "这是上一篇文章的最后一段文字，\n它在这里结束了。\n"


def _items(text: str) -> list[dict[str, object]]:
    import json

    page = json.loads(parse_text(text).to_json())
    return [item for item in page["items"] if item["headline"]]


def test_a_name_under_a_headline_is_its_byline_not_the_headline_end() -> None:
    (item,) = _items(_BEFORE + "社会主义能够消除贫穷\n赵富林\n" + _BODY)
    assert item["headline"] == "社会主义能够消除贫穷"
    assert item["byline"] == "赵富林"


def test_a_name_under_a_one_line_headline_is_no_subtitle() -> None:
    (item,) = _items(_BEFORE + "虎年一愿\n贾幼陵\n" + _BODY)
    assert (item["headline"], item["subtitle"], item["byline"]) == ("虎年一愿", None, "贾幼陵")


def test_a_pen_name_under_a_wrapped_headlines_stub() -> None:
    (item,) = _items(_BEFORE + "婴幼儿配方乳粉：质量\n问题严重\n政文\n" + _BODY)
    assert item["headline"] == "婴幼儿配方乳粉：质量问题严重"
    assert item["byline"] == "政文"


def test_a_wrapped_headlines_stub_stays_in_the_headline() -> None:
    # A stub under a full line of large type (Chromium's), no surname: the headline's end.
    (item,) = _items(_BEFORE + "石家庄打假治劣保\n春供\n" + _BODY)
    assert item["headline"] == "石家庄打假治劣保春供"
    assert item["byline"] is None


def test_a_break_inside_a_phrase_is_a_wrap_not_a_name() -> None:
    # `谈` is a surname, but `和谈` is a word: the line goes on from the one above.
    (item,) = _items(_BEFORE + "塔利班欲借重伊斯兰学\n者议和反塔联盟接受和\n谈建议\n" + _BODY)
    assert item["headline"] == "塔利班欲借重伊斯兰学者议和反塔联盟接受和谈建议"
    assert item["byline"] is None


def test_names_by_the_surname_list() -> None:
    assert names("朱峻峰") == 1 and names("欧阳小明") == 1
    assert names("宋学春张仁明") == 2
    assert names("虎年一愿") == 0  # 虎 is no surname
    assert names("高科技的") == 0  # a phrase's character inside


def test_a_line_that_reads_on_is_no_name() -> None:
    # Two names set together must hold no word of the corpus's text (`启程`).
    class _Line:
        def __init__(self, raw: str) -> None:
            self.raw, self.text = raw, raw.replace("\u3000", "")
            self.width = float(len(self.text))

    assert name_line(_Line("陈方安生启程赴京")) == ""  # type: ignore[arg-type]
    assert name_line(_Line("山西省交口县县长李来福")) == "name"  # type: ignore[arg-type]
    assert name_line(_Line("马　利")) == "name"  # type: ignore[arg-type]


def test_a_two_character_name_under_a_full_line_but_no_word() -> None:
    # `李明` is no word of the corpus's text; `任务` is: the headline's end.
    (item,) = _items(_BEFORE + "收费电话请给消费者亮个底\n李明\n" + _BODY)
    assert (item["headline"], item["byline"]) == ("收费电话请给消费者亮个底", "李明")
    (item,) = _items(_BEFORE + "云南全面完成党报党刊发行\n任务\n" + _BODY)
    assert (item["headline"], item["byline"]) == ("云南全面完成党报党刊发行任务", None)


def test_a_name_under_a_post_is_its_holders_not_a_byline() -> None:
    # `上海证券交易所总经理` / `屠光绍`: one line wrapped at the column, the post and its holder.
    (item,) = _items(_BEFORE + "上海证券交易所总经理\n屠光绍\n" + _BODY)
    assert item["byline"] is None


def test_a_name_over_a_paragraph_whose_start_makes_a_word_with_it() -> None:
    # `刘健` / `全国…`: 健全 is a word, but a paragraph starts with 全 as well.
    (item,) = _items(_BEFORE + "理论研讨会述要\n刘健\n全国党校系统理论研讨\n" + _BODY)
    assert (item["headline"], item["byline"]) == ("理论研讨会述要", "刘健")


def test_a_byline_of_several_roles_wrapped_inside_an_outlets_name() -> None:
    byline = "新华社记者刘建新中央人民广播电\n台记者胡训军本报记者郭嘉\n"
    (item,) = _items(_BEFORE + "勿忘父老乡亲\n" + byline + _BODY)
    assert item["byline"] == "新华社记者刘建新中央人民广播电 台记者胡训军本报记者郭嘉"
    paragraphs = item["paragraphs"]
    assert isinstance(paragraphs, list) and paragraphs[0].startswith("在最近结束")


def test_two_characters_that_start_with_a_wordlike_surname_end_a_headline() -> None:
    (item,) = _items(_BEFORE + "法俄签署军事合作意\n向书\n" + _BODY)
    assert (item["headline"], item["byline"]) == ("法俄签署军事合作意向书", None)


def test_a_headline_under_the_page_header_keeps_its_last_line() -> None:
    # The header line is taken after names are marked: it is no stack line over a stub.
    header = "责任编辑：冯娜超 1998 年 1 月 18 日 星期日 经济 11\n"
    (item,) = _items(header + "周恩来风采摄影艺术展\n举办\n" + _BODY)
    assert (item["headline"], item["byline"]) == ("周恩来风采摄影艺术展举办", None)


def test_a_stub_that_names_an_event_is_no_name() -> None:
    (item,) = _items(_BEFORE + "克林顿向美华人华侨\n贺春节\n" + _BODY)
    assert (item["headline"], item["byline"]) == ("克林顿向美华人华侨贺春节", None)


def test_a_name_whose_surname_is_a_word_under_a_closing_mark() -> None:
    # (round 18) No word runs on across `》`: the two characters under it are a name.
    (item,) = _items(_BEFORE + "《马克思主义哲学基础新编》\n万达\n" + _BODY)
    assert (item["headline"], item["byline"]) == ("《马克思主义哲学基础新编》", "万达")


_BAND = "１５ 经济 １９９８年１月９日 星期五 责任编辑 王明\n"
# A paragraph's first line set in two ems from the full lines under it.
_ESSAY = (
    "前两年曾耳闻“散文\n热”一说，现在情形如何？\n未曾详考，想必至少不怎\n么冷落，书也出了不少。\n"
)


def test_a_name_under_a_one_line_headline_though_a_weak_pair_runs_across() -> None:
    # `理潘` is a pair the corpus's text holds together weakly: no wrap of the headline.
    (item,) = _items(_BAND + "重在明理\n潘毅\n" + _ESSAY)
    assert (item["headline"], item["byline"]) == ("重在明理", "潘毅")
    (item,) = _items(_BAND + "远方的城市\n周明府\n" + _ESSAY)
    assert (item["headline"], item["byline"]) == ("远方的城市", "周明府")


def test_a_name_over_a_dateline_is_the_headlines_wrapped_end() -> None:
    # A story with a dateline names its reporter there: `伊拉克` ends the headline.
    stack = "核查小组撤离\n伊拉克\n"
    text = (
        _BAND
        + stack
        + "据新华社巴格达１月１６日电\n（记者王伟）联合国武器核查\n小组今天撤离伊拉克。\n"
    )
    (item,) = _items(text)
    assert (item["headline"], item["byline"]) == ("核查小组撤离伊拉克", None)


def test_a_name_under_a_title_is_the_holders() -> None:
    (item,) = _items(_BAND + "集团总裁、戏迷代表\n何来生\n" + _ESSAY)
    assert item["byline"] is None


def test_a_stack_opens_under_the_issues_page_count() -> None:
    # The masthead's band, its page count (`今日 20 版`) last: the headline under it opens
    # its stack, so the name under that is its byline.
    band = "１９９８年１月１２日 星期一 第 1 版\n人民日报\n今日 20 版\n"
    (item,) = _items(band + "远方的城市\n周明府\n" + _ESSAY)
    assert (item["headline"], item["byline"]) == ("远方的城市", "周明府")
