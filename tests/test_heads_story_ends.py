"""A headline after a story's end over its lead, read as a paragraph's line (issue 12, round 20).

Shapes read on the whole-article read pages (branch `story24`), written here as
invented lines: a one-line headline two ems short of the column over a lead that
opens `本报讯…` was taken for the next paragraph's indented first line (the lead
for its inner line); and a headline under a bracketed picture credit that closes
the story above (`…。` / `（摄影：…）`) was taken for the first line under a byline.
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

STORY = [
    "近日，这个县组织农业科技人员分成十个",
    "小组深入乡村，为农民讲解冬季大棚蔬菜",
    "的种植技术，发放各种资料两万多份，帮",
    "助农民解决生产中遇到的实际困难和问题",
    "。",
]
LEAD = [
    "本报讯春节前夕，市消防支队抽调官兵，",
    "深入全市各大商场和集贸市场检查防火设",
    "施，督促经营者及时消除各种火灾隐患。",
]
HEAD = "市消防支队节前深入商场查火灾隐患"


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_headline_over_a_lead_that_opens_a_story_is_one(sep: str) -> None:
    """`_next_paragraph`: a line opening `本报讯` is no paragraph's inner line."""
    story = [*STORY[:3], "助农民解决生产中遇到的实际困难和问", "题。"]
    items = parse_text(sep.join([*story, HEAD, *LEAD])).items
    assert items[-1].headline == HEAD
    assert items[-1].paragraphs[0].startswith("春节前夕，市消防支队")


CREDIT_STORY = [
    "这个镇去年建起了三座新的小学教学楼，",
    "全镇适龄儿童入学率达到百分之百，家长",
    "们对孩子的前途充满了希望。",
    "（摄影：王晓明李红）",
]
DATELINE = [
    "据新华社开罗１月７",
    "日电（记者张文明）埃及、约旦两国海",
    "军７日在红海北部海域举行了联合演习，",
    "双方共出动舰艇二十余艘。",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_headline_under_a_credit_that_ends_the_story_above_is_one(sep: str) -> None:
    """`_credit_end`: a bracketed credit under a closed sentence ends that story."""
    head = "埃约举行联合海军演习"
    items = parse_text(sep.join([*CREDIT_STORY, head, *DATELINE])).items
    assert items[-1].headline == head
    assert "埃及、约旦两国" in items[-1].paragraphs[0]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_short_headline_whose_last_word_pairs_with_the_lead_ends_there(sep: str) -> None:
    """`lineends._word_runs_on`: `…年年新` / `春节…` pairs as 新春, but the line could have
    taken that character set in by an indent: no paragraph's line breaks there."""
    story = [
        "这个区的文化馆今年还将开设书法",
        "和绘画等多个培训班，欢迎居民",
        "报名参加。",
        "（王明）",
    ]
    head = "北京迎春庙会年年新"
    body = [
        "春节将至，为了满足广大市",
        "民的需要，各区庙会都在节目上",
        "下了功夫，推出了一批有地方特",
        "色的民间艺术表演。",
    ]
    items = parse_text(sep.join([*story, head, *body])).items
    assert items[-1].headline == head
    assert items[-1].paragraphs[0].startswith("春节将至")


TEN = ["县里今年新建了三所中学和五所小", "学，全县的适龄儿童全部入学，家", "长们都很满意。"]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_line_of_ideographs_an_em_wider_than_the_column_is_a_headline(sep: str) -> None:
    """`lineends._wider_ideographs`: 16 ems of ideographs over a column of 15, its first
    line not set in: display type, not a line of the column."""
    head = "市政府开通两条招商引资信息热线电话"[:16]
    body = [
        "市政府近日开通了两条招商信息热",
        "线，为海内外客商投资提供便捷的",
        "咨询途径，受到客商的普遍欢迎。",
    ]
    items = parse_text(sep.join([*TEN, head, *body])).items
    assert items[-1].headline == head
    assert items[-1].paragraphs == ("".join(body),)
