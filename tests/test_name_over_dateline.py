"""A name line that is a headline's end, not a byline (issue 12, round 21:
`reader.parse.names`). Over a dateline (`_over_dateline`): a story with a dateline
names its reporter there and prints no byline; TeX's narrow headline columns leave a
name's length on the last line (`…混合泳摘` / `金夺银`), over a dateline written whole
or wrapped before its 电. Under a caption's credit (`_short_above`), and over a headline
over its byline."""

from __future__ import annotations

import json

from reader.parse.stories import parse_text

_BEFORE = "这是上一篇文章的最后一段文字，\n它在这里结束了。\n"


def _items(text: str) -> list[dict[str, object]]:
    page = json.loads(parse_text(text).to_json())
    return [item for item in page["items"] if item["headline"]]


def test_a_surname_led_end_over_a_wrapped_dateline_stays_in_the_headline() -> None:
    stack = "全国象棋联赛再\n传捷报张明李华\n男子团体赛摘\n金夺银\n"
    text = (
        _BEFORE
        + stack
        + "本报成都１月１６日\n电记者王建新报道：中国\n选手张明今天在第八届全\n"
        + "国象棋联赛男子团体赛中\n夺得冠军，李华获得亚军。\n"
    )
    (item,) = _items(text)
    assert f"{item['headline']}{item['subtitle'] or ''}".endswith("摘金夺银")  # the stack's
    assert item["byline"] == "本报成都１月１６日电"  # the dateline, taken out of the text


def test_a_region_over_a_dateline_wrapped_before_its_dian_is_still_the_label() -> None:
    stack = "迎佳节龙腾虎跃闹春意\n姹紫嫣红\n吉林\n"
    text = (
        _BEFORE
        + stack
        + "据新华社长春１月２４\n日电（记者马扬）在送科技下\n"
        + "乡中，吉林省在农村开展了各\n种形式的科技服务活动。\n"
    )
    (item,) = _items(text)
    assert item["byline"] == "吉林"


def test_a_captions_credit_line_is_no_longer_line_of_the_stack_under_it() -> None:
    # `_short_above`: the line over the headline ends a caption with its credit, so the
    # headline's one full line wraps on into the three characters under it.
    text = (
        "５、欢天喜地过新年（王明摄）\n"
        "６、张灯结彩迎新春（刘强摄）\n"
        "青岛港口检疫截获谷\n"
        "斑皮蠹\n"
        "国家动植物检疫局日前在\n"
        "对某公司进口的五千公斤葵花\n"
        "仁进行现场检疫时，查获了这\n"
        "种危险性害虫。\n"
    )
    (item,) = _items(text)
    assert item["byline"] is None
    assert f"{item['headline']}{item['subtitle'] or ''}".endswith("斑皮蠹")


def test_a_short_line_over_a_headline_over_its_byline_is_no_byline() -> None:
    # Under a stub (`放活东北`) a pen name's length (`一片`), but the line under it is a
    # headline over its own byline: the short line is no byline over a story's text.
    text = (
        _BEFORE
        + "完善北京交通枢纽\n放活东北\n一片\n襄樊家庭文化呈异彩\n本报记者 张明\n"
        + "《条例》共分总则、职责、物\n资收发、物资储存、仓库建设、仓\n库安全、奖励与处分等８章。\n"
    )
    assert all(item["byline"] != "一片" for item in _items(text))
    assert "本报记者 张明" in [item["byline"] for item in _items(text)]
