"""Bylines the paper prints oddly, in page text (issue 12, round 17).

The corpus prints an order's number where a byline stands (`中华人民共和国主席令` /
`第九十二号`), and a region's label over a dateline (`东亚货币继续贬值` / `泰国` /
`本报曼谷１月５日电…`), the dateline run into the text. Page text read the number as
the headline or the subtitle, and the label as the subtitle with the dateline as the
byline.
"""

from __future__ import annotations

import json

from reader.parse.stories import parse_text

_BEFORE = "这是上一篇文章的最后一段文字，\n它在这里结束了。\n"
_ORDER_BODY = (
    "《中华人民共和国价格法》\n"
    "已由中华人民共和国第八届\n"
    "全国人民代表大会常务委员\n"
    "会第二十九次会议通过，现\n"
    "予公布，自１９９８年５月\n"
    "１日起施行。\n"
)
_DATELINE_BODY = (
    "本报曼谷１月５日电\n记者成元生报道：泰币汇\n率今天大幅下跌，首次跌破\n５０铢兑１美元的关口。\n"
)


def _items(text: str) -> list[dict[str, object]]:
    page = json.loads(parse_text(text).to_json())
    return [item for item in page["items"] if item["headline"]]


def test_an_orders_number_under_the_order_is_its_byline() -> None:
    (item,) = _items(_BEFORE + "中华人民共和国主席令\n第九十二号\n" + _ORDER_BODY)
    assert (item["kicker"], item["headline"], item["subtitle"]) == (
        None,
        "中华人民共和国主席令",
        None,
    )
    assert item["byline"] == "第九十二号"


def test_an_orders_number_under_a_wrapped_order() -> None:
    (item,) = _items(_BEFORE + "中华人民共和国\n主席令\n第九十二号\n" + _ORDER_BODY)
    assert (item["headline"], item["byline"]) == ("中华人民共和国主席令", "第九十二号")


def test_a_number_under_no_order_is_no_byline() -> None:
    (item,) = _items(_BEFORE + "中华人民共和国公告\n第九十二号\n" + _ORDER_BODY)
    assert item["byline"] != "第九十二号"


def test_a_regions_label_over_a_dateline_is_the_byline() -> None:
    (item,) = _items(_BEFORE + "东亚货币继续\n贬值\n泰国\n" + _DATELINE_BODY)
    assert (item["headline"], item["subtitle"]) == ("东亚货币继续贬值", None)
    assert item["byline"] == "泰国"
    paragraphs = item["paragraphs"]
    assert isinstance(paragraphs, list)
    assert paragraphs[0].startswith("本报曼谷１月５日电记者成元生报道：")


def test_a_headlines_wrapped_end_over_a_dateline_stays_the_headlines() -> None:
    # Under a full line the short line is the headline's end, not a label.
    text = _BEFORE + "李岚清会见法国\n客人\n" + _DATELINE_BODY.replace("本报曼谷", "新华社北京")
    (item,) = _items(text)
    assert item["headline"] == "李岚清会见法国客人"
    assert item["byline"] != "客人"


def test_a_byline_that_holds_tongxun_is_no_dateline_under_a_label() -> None:
    # `通讯员` holds 讯: `本报记者何勇通讯员曹桂` is a byline, and `大臣` the headline's end.
    text = _BEFORE + "江主席会见英外交\n大臣\n本报记者何勇通讯员曹桂\n" + _DATELINE_BODY[10:]
    (item,) = _items(text)
    assert item["headline"] == "江主席会见英外交大臣"


_PEN_BODY = (
    "地球，不曾平静过；记者\n"
    "在西部三省区采访时，内心\n"
    "一直难以平静。西部的发展\n"
    "离不开东部的支持和帮助。\n"
)


def test_a_pen_name_under_a_one_line_headline_is_the_byline() -> None:
    # `掌` ends headlines often and `广` starts lines often: no wrap breaks there.
    (item,) = _items(_BEFORE + "为西部鼓掌\n广记\n" + _PEN_BODY)
    assert (item["headline"], item["byline"]) == ("为西部鼓掌", "广记")


def test_a_stub_over_a_dateline_stays_the_headlines_end() -> None:
    # A story with a dateline prints no byline: the short line is the wrapped end.
    body = "本报讯连日来，石家庄市组\n织力量打假治劣，保障春节\n市场供应。\n"
    (item,) = _items(_BEFORE + "为西部鼓掌\n广记\n" + body)
    assert item["byline"] != "广记"


def test_a_third_line_under_a_wrap_is_no_pen_name() -> None:
    text = _BEFORE + "纽约股市开门红印\n尼菲律宾货币汇率\n再跌\n" + _PEN_BODY
    (item,) = _items(text)
    assert item["byline"] != "再跌"


def test_a_word_under_a_headline_is_its_wrapped_end() -> None:
    (item,) = _items(_BEFORE + "中国唱片总公司的贺岁\n礼物\n" + _PEN_BODY)
    assert item["byline"] != "礼物"


def test_two_names_under_a_subtitle_though_a_word_reads_across_them() -> None:
    body = "眼下，北国正是寒意料\n峭，而大连陆军学院举办的\n群体活动却热火朝天。\n"
    text = _BEFORE + "教体结合全面推进\n——大连陆军学院开展群体活动纪实\n叶先明张劲松\n" + body
    (item,) = _items(text)
    assert (item["headline"], item["subtitle"]) == (
        "教体结合全面推进",
        "——大连陆军学院开展群体活动纪实",
    )
    assert item["byline"] == "叶先明张劲松"


def test_a_stub_over_a_correspondents_byline_is_the_headlines_end() -> None:
    # `本报通讯员` holds 讯 too: the line under the stub is a byline, not a dateline.
    text = _BEFORE + "东亚货币继续\n贬值\n泰国\n本报通讯员王伟\n" + _DATELINE_BODY[10:]
    items = _items(text)
    assert all(item["byline"] != "泰国" for item in items)


# TeX's and LibreOffice's first line of the text set in three ems of a column of eleven:
# as narrow against the full line under it as a headline over its text.
_SET_IN_BODY = (
    "略具装潢样式且工\n艺稍觉考究的栅栏，似少\n了什么，只见一排排竖着\n的木条，冷冷地站在那里。\n"
)


def test_a_name_under_a_one_line_headline_over_a_set_in_first_line() -> None:
    (item,) = _items(_BEFORE + "栅栏随笔\n李耕\n" + _SET_IN_BODY)
    assert (item["headline"], item["subtitle"], item["byline"]) == ("栅栏随笔", None, "李耕")
    assert str(item["paragraphs"][0]).startswith("略具装潢样式且工艺")  # type: ignore[index]


def test_a_name_under_the_header_band_stays_what_the_stack_makes_it() -> None:
    header = "2要闻1998年1月30日星期五责任编辑董宇\n"
    text = header + "李耕\n栅栏随笔\n" + _SET_IN_BODY
    page = json.loads(parse_text(text).to_json())
    assert all(item["byline"] != "李耕" for item in page["items"])


_REGION_TEXT = (
    "本报长沙１月２５日电\n记者吴兴华报道：湖南各级\n党委和政府在春节前夕，走\n访慰问了困难群众。\n"
)


def test_a_provinces_label_under_a_full_headline_over_a_dateline() -> None:
    # Under a full line too: the paper's label, where a byline stands.
    (item,) = _items(_BEFORE + "不忘群众疾苦温暖送进万家\n湖南\n" + _REGION_TEXT)
    assert (item["headline"], item["byline"]) == ("不忘群众疾苦温暖送进万家", "湖南")
    assert str(item["paragraphs"][0]).startswith("本报长沙１月２５日电记者吴兴华")  # type: ignore[index]


def test_a_headline_that_wraps_before_a_country_keeps_it() -> None:
    # 美国 ends two headlines of the corpus over a dateline and labels none.
    (item,) = _items(_BEFORE + "既不供货又不退款巴将状告\n美国\n" + _REGION_TEXT)
    assert item["headline"] == "既不供货又不退款巴将状告美国"
    assert item["byline"] != "美国"


def test_a_name_over_a_paragraph_of_one_short_sentence() -> None:
    text = _BEFORE + "唱国歌与写杂文\n胡昭衡\n新年好！\n" + _SET_IN_BODY
    (item,) = _items(text)
    assert (item["headline"], item["byline"]) == ("唱国歌与写杂文", "胡昭衡")
    assert item["paragraphs"][0] == "新年好！"  # type: ignore[index]
