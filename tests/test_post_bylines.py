"""A post over its holder's name as wide as the column, in page text (issue 12, round 16).

`中共湖南岳阳市委书记阳宝华` under a commentary's one-line headline fills its column
(LibreOffice sets a longer one past it): it was joined to the first paragraph, read
as the subtitle, or taken for the headline itself.
"""

from __future__ import annotations

import json

from reader.parse.namelist import names
from reader.parse.stories import parse_text

_BEFORE = "这是上一篇文章的最后一段文字，\n它在这里结束了。\n"
# A paragraph's first line set in two ems from the full lines under it.
_BODY = (
    "阳宝华，５１岁，大学文化，\n"
    "曾任衡阳市委常委、副市长，益\n"
    "阳地委副书记、行署专员，益阳\n"
    "市委副书记、市长，调任书记。\n"
)


def _items(text: str) -> list[dict[str, object]]:
    page = json.loads(parse_text(text).to_json())
    return [item for item in page["items"] if item["headline"]]


def test_a_post_over_a_name_as_wide_as_the_column_is_the_byline() -> None:
    (item,) = _items(_BEFORE + "人心顺事业兴\n中共湖南岳阳市委书记阳宝华\n" + _BODY)
    assert (item["headline"], item["subtitle"]) == ("人心顺事业兴", None)
    assert item["byline"] == "中共湖南岳阳市委书记阳宝华"
    paragraphs = item["paragraphs"]
    assert isinstance(paragraphs, list) and paragraphs[0].startswith("阳宝华，５１岁")


def test_two_posts_wider_than_the_column_are_the_byline_not_the_headline() -> None:
    (item,) = _items(_BEFORE + "公平税负增强国力\n国家税务总局党组书记、副局长项怀诚\n" + _BODY)
    assert (item["kicker"], item["headline"]) == (None, "公平税负增强国力")
    assert item["byline"] == "国家税务总局党组书记、副局长项怀诚"


def test_a_post_line_under_a_wrapped_headlines_stub() -> None:
    body = (
        "交口县地处山西省中部西\n"
        "侧，吕梁山脉中段，１９７１\n"
        "年建县。由于建县晚，基础\n"
        "差，经济发展长期处于原始\n"
    )
    text = _BEFORE + "发展县域经济要有科\n学方略\n山西省交口县县长李来福\n" + body
    (item,) = _items(text)
    assert item["headline"] == "发展县域经济要有科学方略"
    assert item["byline"] == "山西省交口县县长李来福"


def test_a_post_line_as_a_stacks_third_line_stays_in_the_stack() -> None:
    # Under a kicker and a headline (no wrap between them) the line is the stack's own.
    stack = "陕西农发行扶贫贷款到户\n您选什么样的电话机\n河北省高邑县委书记李保中\n"
    text = _BEFORE + stack + _BODY
    (item,) = _items(text)
    assert item["byline"] is None


def test_a_post_line_that_runs_on_into_the_paragraph_is_its_text() -> None:
    # No set-in line below: the line is the paragraph's own, wrapped at the column.
    body = "今天在北京会见了来访的客人，\n双方就共同关心的问题交换了\n意见。\n"
    (item,) = _items(_BEFORE + "人心顺事业兴\n中共湖南岳阳市委书记阳宝华\n" + body)
    assert item["byline"] is None


def test_zhou_is_a_surname_though_it_names_a_week() -> None:
    assert names("周永仙") == 1
    assert names("周年") == 0 and names("周日") == 0
    assert names("周末") == 0 and names("周边") == 0  # words of the corpus first


# Chromium's column of twelve, the first line set in.
_PARAGRAPH = (
    "湖南省吉首军分区司令\n"
    "员彭楚政扶贫济困、热心为\n"
    "民，人民群众称他『扶贫司\n"
    "令』，评选他为全国十大扶\n"
    "贫状元。\n"
)


def test_a_byline_of_several_roles_set_past_the_column() -> None:
    # LibreOffice sets it on one line; another outlet's reporter sits among the paper's.
    byline = "新华社记者刘建新中央人民广播电台记者胡训军本报记者郭嘉"
    (item,) = _items(_BEFORE + "勿忘父老乡亲\n" + byline + "\n" + _PARAGRAPH)
    assert item["byline"] == byline
    paragraphs = item["paragraphs"]
    assert isinstance(paragraphs, list) and len(paragraphs) == 1
    assert paragraphs[0].startswith("湖南省吉首军分区司令员") and paragraphs[0].endswith("贫状元。")


def test_a_reporter_of_the_international_radio_after_the_papers_own() -> None:
    # The corpus names the outlet `国际广播电台` too, without `中国`: the byline was cut
    # at its `电` as a dateline (`本报驻泰国记者…国际广播电`), the rest joined to the text.
    byline = "本报驻泰国记者成元生国际广播电台记者陆永江"
    stack = "盼神奇旅游显神威\n——访泰国旅游机构总裁舍里\n"
    (item,) = _items(_BEFORE + stack + byline + "\n" + _PARAGRAPH)
    assert item["byline"] == byline
    assert str(item["paragraphs"][0]).startswith("湖南省吉首军分区司令员")  # type: ignore[index]


def test_three_names_set_together_under_the_papers_role() -> None:
    # Eight characters of names, past the six a line of roles and names may hold: the
    # line was read as the subtitle. Two names and a word stay what they were.
    text = _BEFORE + "大亚湾之光\n本报记者曹照琴谢国明王尧\n" + _PARAGRAPH
    (item,) = _items(text)
    assert (item["subtitle"], item["byline"]) == (None, "本报记者曹照琴谢国明王尧")
    lead = "本报记者近日走访了北京市\n"
    (item,) = _items(_BEFORE + "大亚湾之光\n" + lead + _PARAGRAPH)
    assert item["byline"] is None


def test_a_byline_of_several_roles_wrapped_over_three_lines() -> None:
    byline = "新华社记者刘建新中央人民\n广播电台记者胡训军本报记\n者郭嘉\n"
    (item,) = _items(_BEFORE + "勿忘父老乡亲\n" + byline + _PARAGRAPH)
    assert (
        str(item["byline"]).replace(" ", "")
        == "新华社记者刘建新中央人民广播电台记者胡训军本报记者郭嘉"
    )
    assert str(item["paragraphs"][0]).startswith("湖南省")  # type: ignore[index]


def test_a_byline_wrapped_inside_a_role() -> None:
    byline = "新华社记者陈辉李清华本报\n记者何伟\n"
    (item,) = _items(_BEFORE + "雄师抗震歌\n" + byline + _PARAGRAPH)
    assert str(item["byline"]).replace(" ", "") == "新华社记者陈辉李清华本报记者何伟"
    assert item["subtitle"] is None


def test_a_paragraph_that_opens_with_a_reporter_is_no_byline() -> None:
    text = "本报记者日前在北京采访\n了解到，今年春运客流量将比\n去年增长一成以上。\n"
    (item,) = _items(_BEFORE + "春运客流增长\n" + text)
    assert item["byline"] is None


def test_a_post_line_under_a_headline_chromium_halved() -> None:
    # Chromium sets a one-column headline so large that it breaks it in two halves; the
    # post line fills the column of eleven, over a first line set in.
    text = (
        "第二届委员会主席。\n发展县域经济\n要有科学方略\n山西省交口县县长李来福\n"
        "交口县地处山西省中\n部西侧，吕梁山脉中段，１\n９７１年建县。由于建县\n"
        "晚，基础差，经济发展长期\n处于原始积累阶段。\n"
    )
    (item,) = _items(text)
    stack = [item[role] for role in ("kicker", "headline", "subtitle")]
    assert "".join(str(part) for part in stack if part) == "发展县域经济要有科学方略"
    assert item["byline"] == "山西省交口县县长李来福"


def test_a_post_line_under_a_headline_as_long_as_the_column_less_one() -> None:
    text = (
        "迎接更辉煌的新世纪\n中国文联副主席李默然\n近一个世纪以来，话\n"
        "剧始终和中国人民反帝、\n反封建、创建新中国、建\n设社会主义一系列伟大斗\n"
        "争与变革同行。\n"
    )
    (item,) = _items(text)
    assert (item["headline"], item["byline"]) == ("迎接更辉煌的新世纪", "中国文联副主席李默然")


def test_a_post_line_as_wide_as_the_set_in_line_under_it_over_a_full_line() -> None:
    # A column of thirteen: the post line is short of it, but no narrower than the
    # paragraph's first line, set in over a full one (a bank's 行长 is a post too).
    head = "内引起全社会的思考。\n发展县域经济要有科学\n方略\n"
    body = (
        "交口县地处山西省中部西\n侧吕梁山脉中段一九七一年建\n县由于建县晚基础差经济发展\n"
        "长期处于原始积累阶段的县城\n一九九三年以来我们认真调查。\n"
    )
    for post in ("山西省交口县县长李来福", "中国工商银行行长刘廷焕"):
        (item,) = _items(head + post + "\n" + body)
        assert (item["headline"], item["byline"]) == ("发展县域经济要有科学方略", post)


def test_hui_inside_a_given_name() -> None:
    # 会 is a verb's character (`王会见`) but a given name's too: `赵会平`.
    assert names("赵会平") == 1
    assert names("会见") == 0 and names("王会见客人") == 0
    text = (
        "争才取得的独立。\n不得克扣打工者工资\n赵会平\n最近，听到一位在西安\n"
        "打工的安徽青年诉苦：辛辛\n苦苦地干了一年，眼看临近春\n节，就要回家同亲人团聚。\n"
    )
    (item,) = _items(text)
    assert (item["headline"], item["byline"]) == ("不得克扣打工者工资", "赵会平")


# A paragraph's first line set in two ems (three characters short of the full lines).
_SET_IN = (
    "话剧在我国生根已经九十\n"
    "年了。话剧当初从欧美传播到中\n"
    "国，经过几代人的努力，已经成\n"
    "为我国人民喜爱的艺术形式。\n"
)


def test_a_post_over_a_name_of_two_under_a_one_line_headline_is_the_byline() -> None:
    # (round 18: a name of two after a post, narrower than the set-in line under it)
    (item,) = _items(_BEFORE + "继承我国话剧的光荣传统\n中国剧协副主席胡可\n" + _SET_IN)
    assert (item["headline"], item["subtitle"]) == ("继承我国话剧的光荣传统", None)
    assert item["byline"] == "中国剧协副主席胡可"
    paragraphs = item["paragraphs"]
    assert isinstance(paragraphs, list) and paragraphs[0].startswith("话剧在我国")


def test_a_post_over_a_name_under_a_wrapped_headlines_stub_is_the_byline() -> None:
    stack = "实现农业和农村经济持续稳\n定发展\n农业部部长刘江\n"
    (item,) = _items(_BEFORE + stack + _SET_IN)
    assert item["headline"] == "实现农业和农村经济持续稳定发展"
    assert item["byline"] == "农业部部长刘江"


def test_a_holder_named_zhou_and_several_posts_joined() -> None:
    (item,) = _items(_BEFORE + "剧本创作是关键\n北京艺术研究所所长周传家\n" + _SET_IN)
    assert item["byline"] == "北京艺术研究所所长周传家"
    posts = "国务院副秘书长、国务院证券委主任、中国证监会主席周正庆"
    (item,) = _items(_BEFORE + "积极发展规范运作\n" + posts + "\n" + _SET_IN)
    assert (item["headline"], item["byline"]) == ("积极发展规范运作", posts)


def test_a_post_line_inside_a_headline_over_a_dateline_stays_the_headline() -> None:
    # A story with a dateline prints no byline: the post and name are the headline's.
    stack = "袁启彤当选福建省人\n大常委会主任贺国强\n当选福建省省长\n"
    dated = "新华社福州１月１４日\n电福建省第九届人民代\n表大会第一次会议今天\n选举产生。\n"
    text = _BEFORE + stack + dated
    (item,) = _items(text)
    assert item["byline"] != "大常委会主任贺国强"
    headline = item["headline"]
    assert isinstance(headline, str) and "大常委会主任贺国强" in headline


def test_a_byline_wrapped_inside_a_role_is_joined_whole() -> None:
    # (round 18: the break falls between 记 and 者 of the second role)
    stack = "“烟草大王”的人生悲剧\n——褚时健严重经济违法违纪案件警示录\n"
    byline = "新华社记者刘思扬本报记\n者郑宏范\n"
    body = "作为云南红塔集团董\n事长，他曾经是一个名\n声显赫的人物，今天。\n"
    (item,) = _items(_BEFORE + stack + byline + body)
    byline_text = item["byline"]  # (the lines joined with a space, as every wrapped byline)
    assert isinstance(byline_text, str)
    assert byline_text.replace(" ", "") == "新华社记者刘思扬本报记者郑宏范"


def test_a_post_line_under_a_headline_under_the_bands_last_cell() -> None:
    # PyMuPDF writes Writer's band a cell a line: the section and page number last. The
    # headline under it opens its stack as under the band on one line.
    band = "责任编辑：王平\n１９９８年１月９日 星期五\n要闻6\n"
    body = (
        "赵永平，４８岁，毕业于安\n"
        "徽农学院经济管理系。曾任安徽\n"
        "省砀山县副县长、县委副书记，\n"
        "现任市委书记。\n"
    )
    page = json.loads(
        parse_text(band + "依靠职工推进改革\n中共安徽宿州市委书记赵永平\n" + body).to_json()
    )
    (item,) = [item for item in page["items"] if item["headline"]]
    assert (item["headline"], item["subtitle"]) == ("依靠职工推进改革", None)
    assert item["byline"] == "中共安徽宿州市委书记赵永平"


def test_a_post_line_under_a_headline_under_the_bands_section_and_number() -> None:
    # PyMuPDF writes TeX's band a cell a line: the weekday, the section, the page number.
    band = "责任编辑：王平\n１９９８年１月２８日\n星期三\n理论\n16\n"
    body = (
        "话剧在我国生根已经\n九十年了。话剧当初从欧\n美传播到我国，不仅引入一\n种新的艺术形式。\n"
    )
    page = json.loads(
        parse_text(band + "继承我国话剧的光荣传统\n中国剧协副主席胡平\n" + body).to_json()
    )
    (item,) = [item for item in page["items"] if item["headline"]]
    assert (item["kicker"], item["headline"]) == (None, "继承我国话剧的光荣传统")
    assert item["byline"] == "中国剧协副主席胡平"


def test_a_post_over_a_first_line_set_in_from_a_line_wide_by_its_digits() -> None:
    # (round 21, `postlines._set_in`) The full line under the paragraph's first holds
    # digits TeX sets narrower than half an em: by its characters wider than the column.
    body = (
        "交口县地处山西省中部西\n"
        "侧，吕梁山脉中段，１９７１年建\n"
        "县。由于建县晚，基础差，经济\n"
        "发展一直缓慢，群众生活困难。\n"
    )
    (item,) = _items(_BEFORE + "发展县域经济要有科\n学方略\n山西省交口县县长李来福\n" + body)
    assert item["byline"] == "山西省交口县县长李来福"
