"""A headline under a paragraph that ends in a lead-in dash (`…请看———`), issue 12 round 21.

An editor's note that ends its story with `请看———` leaves its last line open (no
stop), so the line under it was read as that paragraph's next line and the story
under it was lost into the one above (branch `story25`: 8 headlines on the read
whole-article pages, each a story lost and the next one's headline taken by it).
`reader.parse.leadins` ends the paragraph there; these check that a headline may
start under it too, in the two shapes the pages print: a head as wide as the
column over a dateline set in, and a head wrapped over two short lines.
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

# An 11-em column, first lines set in 2 ems.
NOTE = [
    "前年以来，这门学科一反",
    "过去局限于书斋里的传统，",
    "开始向工业、农业、交通、",
    "水利等行业延伸，出现了某",
    "种程度的复兴，有了新的起",
    "色，主要表现为三点。请",
    "看———",
]
NOTE_HEAD = "一门学科的新进展"
DATELINE = [
    "新华社开罗５月８",
    "日电（记者王大明）埃及官",
    "方报纸日前发表社论，高度",
    "评价两国签署的合作协定。",
]


def parse(sep: str, *lines: str) -> list[tuple[str | None, str]]:
    items = parse_text(sep.join(lines)).items
    return [(item.headline, "".join(item.paragraphs)) for item in items]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_full_line_under_a_lead_in_over_a_set_in_dateline_is_a_headline(sep: str) -> None:
    """`column.after_boundary`: a lead-in's short line ends its paragraph for a stack too."""
    head = "埃及报纸评价两国合作协"  # as wide as the column
    got = parse(sep, NOTE_HEAD, *NOTE, head, *DATELINE)
    assert got[-1][0] == head
    assert got[-2][1].endswith("请看———")


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_wrapped_head_under_a_lead_in_is_a_headline(sep: str) -> None:
    """`heads.mark_heads`: the line under a lead-in's end may start a stack."""
    note = [*NOTE[:-2], "色，主要表现为三", "点。请看———"]
    got = parse(sep, NOTE_HEAD, *note, "多国侨胞开始赈", "灾募捐行动", *DATELINE)
    assert got[-1][0] == "多国侨胞开始赈灾募捐行动"
    assert got[-2][1].endswith("请看———")


# A 14-em column whose paragraphs open flush (no indent shows where the next one starts).
INVITE = [
    "转眼又到年末。回望去年的乐坛，新",
    "作迭出，好戏连台。我们既有欣慰",
    "的收获，也有不少缺憾。值此新旧",
    "交替之际，邀请几位音乐评论家对",
]
WEATHER = [
    "本市气象台最新发布的消息：前两",
    "天，本市北部和东部地区出现了一",
    "次范围较大的雨雪降温。特别是沿",
    "海一带、山区还出现了多年少见的",
    "冰冻天气。",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_head_under_a_short_lead_in_line_inside_a_paragraph_is_one(sep: str) -> None:
    """`heads._lead_in_start`: the dash line was marked with the run under it."""
    got = parse(sep, "乐坛回顾", *INVITE, "此做了一番点评———", "本周天气展望", *WEATHER)
    assert got[-1][0] == "本周天气展望"
    assert got[-2][1].endswith("点评———")


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_head_over_a_byline_under_a_full_lead_in_line_is_one(sep: str) -> None:
    """`heads._lead_in_start`: TeX sets the dash line full; a byline is under the head."""
    head, byline = "音乐能够温暖人心", "孙立民"
    got = parse(sep, "乐坛回顾", *INVITE, "此做了一番简短的点评和回顾———", head, byline, *WEATHER)
    assert got[-1][0] == head
    assert got[-2][1].endswith("回顾———")


# A paragraph whose last line is its lead-in dashes alone under a full open line (PDFium's
# Typst page, whole-typeset 302): marked with the head under it as one stack, the two were
# unmade together as a paragraph's lines, and the head was lost in the text.
WARNING = [
    "领导干部身边的人借其名义",
    "到处插手，违法乱纪。领导",
    "干部对此不加警惕，本人也",
    "会被拉下水去，这方面已经",
    "留下不少———",
]
UNDER = [
    "  每逢春节，城里的孩子们",
    "总要跟着父母回到乡下，看",
    "望年迈的祖父母，一家人团",
    "团圆圆地吃上一顿年夜饭。",
]


def test_a_head_under_a_last_line_of_lead_in_dashes_heads_its_story() -> None:
    page = parse_text("\n".join(["筑牢身边的防线", *WARNING, "到乡下过一个团圆年", *UNDER]))
    story = next(it for it in page.items if it.headline == "到乡下过一个团圆年")
    assert story.paragraphs[0].startswith("每逢春节，城里的孩子们")
    above = next(it for it in page.items if any("留下不少———" in p for p in it.paragraphs))
    assert above.headline == "筑牢身边的防线"


def test_dashes_set_in_under_a_line_of_text_are_a_kicker() -> None:
    # A line set in (a space first) starts a story: `　有了新岗位并非完事大吉——` over
    # its headline is a kicker, whatever the line above it (pagegen 269: a headline
    # with a `、` over it, as wide as a line of text).
    lines = [
        "（来源：区委宣传部、区文明办）",
        "各地联手护春运铁路公路民航齐上阵",
        "全国优秀驾驶员、省级劳动模范评出",
        " 回家过年并非难事——",
        "到乡下过一个团圆年",
        *UNDER,
    ]
    page = parse_text("\n".join(lines))
    story = next(it for it in page.items if it.headline == "到乡下过一个团圆年")
    assert story.kicker == "回家过年并非难事——"
