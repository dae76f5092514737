"""A picture's title written on the line of the paragraph before it (issue 12).

PDFium writes what lies on one baseline as one line: TeX's picture story sets its title
beside a column's last line, `…这是一件非` / `常好的事情。” 残疾农民石风科千里` / `送爱心`
/ `１月１７日…`, and the title ran into the story above; the caption took the story's
last paragraph (whole-tex 403; Typst's and Writer's pages print it too). The line is cut at
the extractor's space where the title is no line of the column above and a credit
follows; a page that spaces its sentences in running text tells no gap by such a space.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

ABOVE = [
    "金正日视察部队",
    "新华社平壤１月５日电朝鲜最高领导",
    "人金正日视察了朝鲜人民军的一支部队。",
    "金正日在询问了部队正在建设的水力",
    "发电站情况后说，“使部队和军人家庭",
    "都实现电气化，这是一件非",
]
JOINED = "常好的事情。” 残疾农民石风科千里"
CAPTION = [
    "送爱心",
    "１月１７日上午１１时，山东",
    "省莱阳市城厢街道办事处西关",
    "村残疾农民石风科，由姐姐石",
    "菊香陪同，自费雇车，行程１０",
    "００公里，来到张北县地震灾",
    "区大河乡乱石山村，为这里的",
    "灾民和救灾部队送上１０００",
    "公斤巴鱼，表达残疾人对灾区",
    "军民的关爱之情。（胡喜魁摄）",
]
NEXT = ["浙江率先消灭贫困县", "新年来临之际，浙江省８个贫困", "县全部达到国家脱贫标准。"]


def _page(joined: str, above: list[str] = ABOVE) -> str:
    return "\n".join([*above, joined, *CAPTION, *NEXT])


def test_a_title_joined_to_the_story_above_heads_its_caption() -> None:
    story, caption = parse_text(_page(JOINED)).items[:2]
    assert story.headline == "金正日视察部队"
    assert "".join(story.paragraphs).endswith("这是一件非常好的事情。”")
    assert caption.kind == "caption"
    assert caption.credit == "（胡喜魁摄）"
    assert caption.headline == "残疾农民石风科千里送爱心"
    assert "".join(caption.paragraphs).startswith("１月１７日上午１１时")


def test_a_stop_and_a_space_in_the_columns_measure_is_the_paragraphs_line() -> None:
    # `本届` after the stop reads as a title, and a credit follows; but the line is as wide
    # as the open line above, the line under it too: one column, one paragraph (pagegen 10).
    lines = ["冰雪节开幕", "哈尔滨第十四届冰雪节今天隆重", "开幕，各地游人纷至沓来。 本届"]
    lines += ["冰雪节还将开展冰雪经贸和冰雪", "旅游等活动。（周确摄）", *NEXT]
    items = parse_text("\n".join(lines)).items
    assert not any(item.headline == "本届" for item in items)
    assert "纷至沓来。本届冰雪节" in "".join("".join(item.paragraphs) for item in items)


def test_a_page_that_spaces_its_sentences_tells_no_gap_by_a_space() -> None:
    above = [*ABOVE[:2], "人金正日视察了部队。 他说，军人要", *ABOVE[3:]]
    items = parse_text(_page(JOINED, above)).items
    assert not any(item.headline == "残疾农民石风科千里送爱心" for item in items)
