"""A caption set wider than the story above it, where the story's last paragraph is short.

WeasyPrint's page 901 in PDFium's text: the story's column is 14 ems, its last paragraph
two lines (`在京党政军机关和各界干部` / `群众３０００多人参加报告会。`), and the caption under
the picture runs 15 ems, its sentences ending on full lines, one line ending in a comma
set inside the column (no hanging). The caption's search stopped at the paragraph's
indented first line and kept only the caption's last sentence: the story's lines above
that short paragraph are the evidence that the text below is set wider.
"""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

HEAD = "全国政协举行迎春茶话会"
NEXT = "迎春茶话会在京举行"
STORY = [
    "党和政府的各项惠民政策深",
    "入人心，群众的日子越过越红火",
    "，干部作风有了明显转变，基层",
    "组织的凝聚力和战斗力不断增强",
    "，为全县的改革发展稳定提供了",
    "有力保证，赢得了群众的信任。",
]
LAST = ["在京各界干部群众共有三千", "多人参加了今天举行的报告会。"]
CAPTION = [
    "回到乡里之后，老侯除了在家里为",
    "儿子张罗婚事忙了一天以外，没有",
    "歇过一天假。他仍然骑着旧自行车",
    "踏着山间积雪，走村串户调解纠纷",
    "，宣传法律知识。几个月来，他又",
    "成功调处了六起家庭纠纷，群众都",
    "说他是贴心人。老侯对记者说：他",
    "做的都是些普普通通的平常小事。",
    "我只有一辈子为老百姓多做好事，",
    "才能报答党和人民的信任。",
]
BODY = [
    "经济建设取得新的重大成",
    "就，各项事业全面发展，人民生",
    "活水平进一步提高。",
    "今年要继续推进改革，扩",
    "大开放，促进发展，保持社会稳",
    "定。",
    "各地要认真做好节日期",
    "间的市场供应和安全工作。",
]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def test_a_wider_caption_under_a_two_line_paragraph_is_whole() -> None:
    page = items(HEAD, *STORY, *LAST, *CAPTION, "通讯员 李明 摄", NEXT, *BODY)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(CAPTION),)
    assert got.credit == "通讯员 李明 摄"
    assert page[0].headline == HEAD
    assert page[0].paragraphs == ("".join(STORY), "".join(LAST))


def test_a_captions_one_line_first_sentence_stays_the_captions() -> None:
    # Typst in PDFium's text: the caption's first sentence fills its first line
    # (`ＳＥＧ品牌出自深圳赛格集团。`) right under the story's closed last line. Its open
    # lines are wider than the story's, but no open line of its own stands above that
    # closed line: it is the caption's, not a story paragraph's end.
    story = [
        "各地公安消防部门在",
        "节日期间要切实加强对重点",
        "地区的巡逻，及时处置各类",
        "火灾事故，确保人民群众度",
        "过一个欢乐祥和的春节。",
        "消防部门还要加强对重点",
        "单位、要害部位的消防安全",
        "检查，切实纠正违法违章行",
        "为，消除各种不安全因素。",
    ]
    caption = [
        "本品牌出自深圳市的赛格集团。",
        "此次他们共推出了三十八种高新",
        "产品。赛格集团目前已拥有四家",
        "上市公司，总资产规模达到一百",
        "亿元。该企业制定了以高科技产",
        "业为主导的企业发展思路。",
    ]
    page = items(HEAD, *story, *caption, "（本报记者 韩伟 摄）", NEXT, *BODY)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption),)
    assert "".join(page[0].paragraphs).endswith("".join(story[-2:]))
