"""Captions set wider than the story's column, told by the lines' widths (issue 12 round 11).

Text made up for these tests, in the shapes MuPDF and PDFium write of Typst's pages:
marks squeezed where they meet (`充乃至修订。除《公司法》外，`: 14 characters in a
13-em line), a caption under a picture set an em wider than the story above it.
"""

from __future__ import annotations

import pytest

from reader.model import Item
from reader.parse import lines as line_module
from reader.parse.stories import parse_text

HEAD = "历史的结论"
# The next story: four paragraphs, each set in by an indent under a short last line (the
# page indents its paragraphs, as the pages these shapes come from do).
NEXT = ["现实的要求"] + [
    line
    for first in (
        "网上学校有着传统教育",
        "其次网络远程教育是交",
        "再次网络教育是开放式",
        "最后网络教育成本很低",
    )
    for line in (first, "方式难以匹敌的优势这种优势", "体现在许多方面。")
]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


# A 13-em column, its paragraph indented, its last line full and closed.
STORY = [
    "今年全市的蔬菜供应量比",
    "去年同期增长了三成多价格也",
    "比较平稳品种更加丰富多彩全",
    "市已建成蔬菜生产基地三十多",
    "个有力地保障了节日市场的供",
    "应，群众对此感到十分满意。",
]


@pytest.fixture
def squeezed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page read as set with squeezed marks, as its full lines tell on a whole page."""
    monkeypatch.setattr(line_module, "is_squeezed", lambda *_: True)


@pytest.mark.usefixtures("squeezed")
def test_a_caption_an_em_wider_with_squeezed_commas_ends_the_story_above() -> None:
    # `立的红领巾义务送报队，利用业`: 13.5 ems with its comma squeezed, 14 with it whole;
    # the story's open lines 13 either way: the caption's lines are an em wider.
    caption = [
        "福建省建阳市将口镇东田小学成",
        "立的红领巾义务送报队，利用业",
        "余时间及时给村民送报、送信件，",
        "被誉为深山里的“绿衣小使者”。",
        "这是红领巾义务送报队在学校领",
        "取报纸和信件，准备送往各自然",
        "村的村民手中。（新华社记者孙娜",
        "摄）",
    ]
    page = items("市场供应充足", *STORY, *caption, HEAD, *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption[:-2]) + "村的村民手中。",)
    assert got.credit == "（新华社记者孙娜摄）"
    assert page[0].paragraphs[-1].endswith("群众对此感到十分满意。")


@pytest.mark.usefixtures("squeezed")
def test_a_caption_line_short_by_a_character_its_mark_took_down_still_counts_wide() -> None:
    # `我国的国有企业改革见成` / `效。位于…`: the caption's first line is 11 ems in a
    # 12-em caption, as full as the story's, because `效。` went down together.
    story = [
        "通过劳动力市场，实",
        "行竞争上岗，是在市场经",
        "济条件下实现再就业工程",
        "的基本形式。在社会主义",
        "市场经济条件下，劳动力",
        "供求关系主要是由市场调",
        "节，劳动力市场是实现再",
        "就业的基本途径。劳动者",
        "必须创造条件，竞争上岗。",
    ]
    caption = [
        "我国的国有企业改革见成",
        "效。位于河南的中国一拖集",
        "团有限责任公司面向市场，",
        "积极调整产品结构，加快技",
        "术改造和新产品研制步伐。",
        "图为东方红牌履带拖拉机生",
        "产线。",
    ]
    page = items("再就业工程", *story, *caption, "受访者供图", HEAD, *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption),)
    assert page[0].paragraphs[-1] == "".join(story)


@pytest.mark.usefixtures("squeezed")
def test_a_caption_as_wide_as_the_story_keeps_its_first_sentences_apart() -> None:
    # The guard: the same caption in the story's 13-em column gives no width to go by;
    # the caption opens where captions do (`这是`), the sentence above stays the story's.
    caption = [
        "被誉为深山里的“绿衣小使者”。",
        "这是红领巾义务送报队在学校",
        "领取报纸和信件，准备送往各",
        "自然村的村民手中。（新华社",
        "记者孙娜摄）",
    ]
    page = items("市场供应充足", *STORY[:-1], "应，群众对此感到十分满意，", *caption, HEAD, *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs[0].startswith("这是红领巾")


def test_a_credit_opening_its_bracket_on_a_line_of_its_own_is_all_credit() -> None:
    # `…诊病的镜头。` / `（本报记者马` / `娜芳摄）`: the bracket opens under the caption's
    # closed last line, the credit's name breaks over two lines.
    caption = [
        "新春之际，济南军区驻豫某分部组织６支医疗队，走出军营，深入到",
        "偏远农村、学校、敬老院，宣传卫生知识和诊治疾病，送去子弟兵的",
        "温暖。图为医疗队为焦作市社会福利院老人诊病的镜头。",
    ]
    page = items("市场供应充足", *STORY, *caption, "（本报记者马", "娜芳摄）", HEAD, *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption),)
    assert got.credit is not None and "".join(got.credit.split()) == "（本报记者马娜芳摄）"


def test_a_wide_caption_joined_to_the_storys_last_line_over_a_credit_split_in_two() -> None:
    # TeX's text in PDFium: the story's last line and a caption's first line on one
    # baseline with no space (`…方式之一。图为…`), the caption's last line short, its
    # credit split after the name (`新华社记者许敏` / `摄于1月6日`).
    story = [
        "如何使赞助一体化可通过四",
        "种方式：推广、娱乐、奖励和交",
        "流，这样可以最大限度发挥赞助",
        "效应。一定要有一些活动将产品",
        "和赞助联系起来。让员工参与的",
        "项目赞助也是一体化的方式之一。",
    ]
    caption = (
        "图为十年前因主演电视剧《济公》而赢得观众喜爱的游本昌，再度演绎济公故事，"
        "拍成二十集电视剧《济公游记》。透"
    )
    joined = story[-1] + caption
    page = items(
        "赞助一体化",
        *story[:-1],
        joined,
        "过一个个民间传说。",
        "新华社记者许敏",
        "摄于1月6日",
        HEAD,
        *NEXT,
    )
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == (caption + "过一个个民间传说。",)
    assert page[0].paragraphs[-1].endswith("一体化的方式之一。")


def test_a_caption_line_ending_in_a_colon_leads_on_whatever_the_widths() -> None:
    # PyMuPDF's order of a caption set across columns: its lines of 34, 14 and 49 ems
    # (`…四优先：` / `“优先提供仓储，优先办理手续，` / `优先装车，…准备运往`). A caption is one
    # paragraph from where it starts to its credit: its line ending in `：` leads on,
    # whatever the width of the line after it.
    caption = [
        "广东雷州半岛蔬菜喜获丰收。为能迅速北运，柳州铁路局在运输上做到四优先：",
        "“优先提供仓储，优先办理手续，",
        "优先装车，优先挂运”，深受货主欢迎。图为河唇车务段河唇车站职工正在将青椒和四季豆装上火车，准备运往",
        "北京、哈尔滨、西安、兰州等地。",
    ]
    story = [*STORY[:-1], "应，群众对此感到十分满意。", "事，人物形象鲜活，戏剧冲突也", "漂亮。"]
    page = items("市场供应充足", *story, *caption, "本报通讯员沈英摄", HEAD, *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption),)
