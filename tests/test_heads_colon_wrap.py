"""A headline broken after its colon keeps its first line (issue 12, round 14).

Chromium's and TeX's pages as PDFium writes them (`bench/structure.py`,
chrome-pdfium 477, tex-pdfium 422): `高起点引进：` / `现实与目标的` / `和谐` over a
byline. A colon ends a line's sentence, so the first line was read as a
paragraph of one line after the story above, and the story kept only the rest
of its headline. A line that introduces a list (`会议决定如下：`) over a one-line
heading stays its paragraph's (branch `heads16`).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

ABOVE = [
    "同一天，埃及外长穆萨",
    "批评美、以、巴华盛顿会谈",
    "没有取得足以挽救中东和平",
    "进程的结果。",
]
BODY = ["瑞典的一项调查表明，", "妇女经常食用橄榄油可防乳", "腺癌。"]


def _items(lines: list[str]) -> list[tuple[str | None, str | None, list[str]]]:
    page = parse_text("\n".join(lines) + "\n")
    return [(item.kicker, item.headline, list(item.paragraphs)) for item in page.items]


def test_the_line_before_the_colon_stays_in_the_headline() -> None:
    head = ["高起点引进：", "现实与目标的", "和谐"]
    items = _items([*ABOVE, "（韩群强）", *head, "本报记者 吴松 曹启", *BODY])
    assert items[-1] == (None, "高起点引进：现实与目标的和谐", ["".join(BODY)])
    assert all("高起点" not in p for _, _, paras in items[:-1] for p in paras)


def test_a_line_ending_in_a_colon_is_no_kicker() -> None:
    # Nothing but a wrapped rest follows a colon at a line's end: one headline.
    above = [
        "现在，“讲文明、树新风”的活动正",
        "在全国轰轰烈烈地展开。在这一活动",
        "中，我们不妨先看一看自己身边的宣",
        "传标语，让讲文明从我做起，从宣传",
        "文明的标语开始。",
    ]  # a column of 16 ems, as on the TeX page
    head = ["医药：加快推进结构调整轻工：", "积极培育新增长点", "——“请把急难险重的任务交给我们”"]
    items = _items([*above, *head, *BODY])
    assert items[-1][:2] == (None, "医药：加快推进结构调整轻工：积极培育新增长点")


def test_a_line_that_opens_a_list_stays_in_its_paragraph() -> None:
    body = ["各级党委要把这项工作列入", "重要议事日程，切实加强领", "导。"]
    items = _items([*ABOVE, "会议决定如下：", "一、加强领导", *body])
    assert items[0][2][-1] == "会议决定如下："


def test_a_subtitle_broken_after_its_colon_keeps_its_rest() -> None:
    # Typst's page as PDFium writes it (typeset-pdfium 1549): the rest of the subtitle
    # over the byline became a story of its own, the subtitle line a paragraph.
    body = [
        "红军长征开始时，他任军委教",
        "导师的参谋长，有一匹膘肥体壮的",
        "战马伴随着他征战沙场。可共产国",
        "际那位著名的代表却说：“孙毅是从",
        "旧军队过来的，不能给他马骑！”",
    ]
    stack = ["雪落在霍去病泉里", "——《小老鼠漂流记》封面设计：", "牟淼"]
    page = parse_text("\n".join([*ABOVE, *stack, "本报记者 张明 许华", *body]) + "\n")
    story = page.items[-1]
    assert (story.headline, story.subtitle) == (
        "雪落在霍去病泉里",
        "——《小老鼠漂流记》封面设计：牟淼",
    )
    assert story.byline == "本报记者 张明 许华"
