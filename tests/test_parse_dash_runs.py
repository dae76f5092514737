"""A stack line ending in a paragraph's dash run is text (issue 12, round 23, branch `story27`).

Shapes read on the whole-article read pages, written here as invented lines: a
caption's sentence whose dash leads into its closed last line (`…由我国` / `…工厂———`
/ `X社供稿。`) read as a two-part stack over it; an editor's lead-in whose dash line
closes a paragraph of full lines (`…，特邀几` / `…要` / `言不烦的评说———`) glued over
the next headline; an editor's note signed `———` / `编者` read as the next stack's top.
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

ABOVE = [
    "这个县去年新修乡村公路三百多公里，全县",
    "所有行政村都通了公路，农民群众出行难",
    "的问题基本得到了解决，群众十分满意。",
    "（王明）",
]
BELOW = [
    "市文化馆举办迎春书画展",
    "本报讯春节前夕，市文化馆举办迎春书画",
    "展，展出本市书画家的作品二百多幅，吸",
    "引了大批市民前来观看。",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_dash_that_leads_into_a_closed_line_is_no_stacks(sep: str) -> None:
    """`dashruns._into_sentence`: the sentence the dash leads into closes under it."""
    story = [
        "迎新春",
        "河北省武强年画历史悠久，它",
        "出自民间扎根于农民生活之中。",
        "“迎新春”一组年画，由我国",
        "目前最大的年画生产企业之一———",
        "武强年画社供稿。",
        "瑞雪（中国画）",
        "（王刚）",
    ]
    items = parse_text(sep.join([*ABOVE, *story, *BELOW])).items
    assert [it.headline for it in items[-2:]] == ["迎新春", BELOW[0]]
    assert items[-2].paragraphs[1].endswith("之一———武强年画社供稿。")


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_lead_ins_dash_under_a_paragraphs_lines_ends_it(sep: str) -> None:
    """`dashruns._under_paragraph`: the lines over the dash line are a paragraph's."""
    page = [
        "新年文坛笔谈",
        "又是一年春草绿。回",
        "首去年文坛，繁花似锦，",
        "斑斓绚丽。我们既有收获",
        "的喜悦，也有些许遗憾。",
        "在岁末年初之际，特邀几",
        "位文学评论家对此进行要",
        "言不烦的评说———",
        "红红火火过大年",
        "春节临近，各地年货市场商",
        "品丰富，货源充足，煞是红",
        "火。图为街头生意兴旺的灯",
        "笼摊点。（新华社记者",
        "王明摄）",
    ]
    items = parse_text(sep.join(page)).items
    assert [it.headline for it in items] == ["新年文坛笔谈", "红红火火过大年"]
    assert items[0].paragraphs[-1].endswith("评说———")


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_one_line_kicker_ending_in_a_dash_stays(sep: str) -> None:
    """A kicker alone over its headline ends in a dash too: it stays in the stack."""
    page = [*ABOVE, "铁路运输继续提速———", "追求快捷", *BELOW[1:]]
    items = parse_text(sep.join(page)).items
    assert (items[-1].kicker or "") + (items[-1].headline or "") == "铁路运输继续提速———追求快捷"


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_dash_alone_over_the_editor_signs_the_note(sep: str) -> None:
    """`———` / `编者` under an editor's note: its signature, not the next stack's top."""
    page = [
        "银行行长谈新年",
        "新的一年里，四家国有商业银行将如何抓",
        "住机遇？怎样应付挑战？本报专门邀请了",
        "这四家银行的行长向读者谈谈各自的打",
        "算。",
        "———",
        "编者",
        "抓住机遇迎接挑战",
        "本报讯新的一年里，工商银行将继续加大",
        "对重点企业的支持力度，全力支持国有企",
        "业改革。",
    ]
    items = parse_text(sep.join(page)).items
    assert [it.headline for it in items] == ["银行行长谈新年", "抓住机遇迎接挑战"]
    assert items[1].subtitle is None
