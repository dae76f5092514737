"""A wrapped headline over a dateline stands after a paragraph left open (issue 12, round 19).

The whole-article pages (`bench/wholegen.py`) print the corpus's paragraphs as the
corpus holds them, and some end without a closing mark (the corpus cut them short):
Chromium's page as PDFium writes it (whole-chrome-pdfium 438) runs
`帮助基层干部掌握管理方法` into `世界游泳锦标赛预` / `赛中国选手一路顺` / `风` over
`本报珀斯１月９日电记者…`, and the story and its headline were lost in the story above.
The run is a headline by the page's own facts: its lines are narrower than the line
above, they wrap by the rules (a stub of a last line, a word broken), and a dateline
stands right under them (branch `heads21`).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

ABOVE = [
    "已有了重大改善，下一步的重",
    "点是提高『管事』水平。要明",
    "确管理内容，稳定管理组织，",
    "帮助基层干部掌握管理方法",
]
BODY = [
    "本报珀斯１月９日电记者",
    "许立群报道：第八届世界游泳",
    "锦标赛今天进行了预赛，中国",
    "选手表现出色。",
]


def _items(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    page = parse_text("\n".join(lines) + "\n")
    return [(item.headline, list(item.paragraphs)) for item in page.items]


def test_a_wrap_over_a_dateline_after_an_open_line_is_a_headline() -> None:
    head = ["世界游泳锦标赛预", "赛中国选手一路顺", "风"]
    items = _items([*ABOVE, *head, *BODY])
    assert items[-1][0] == "世界游泳锦标赛预赛中国选手一路顺风"
    assert "许立群报道" in items[-1][1][0]
    assert all("世界游泳" not in p for _, paras in items[:-1] for p in paras)


def test_a_wrap_broken_inside_a_word_over_a_dateline_is_a_headline() -> None:
    # Writer's page (whole-office-pdfium 407): `限` / `制`, a word broken by the wrap.
    above = [
        "的多样化，加快国有流通企业",
        "改革步伐。大力发展代理配送",
        "制、连锁经营、货仓式自选商",
        "场、直销等现代流通组织形式",
    ]
    head = ["四部委联合通知要求严格限", "制进口旧机电产品"]
    body = [
        "本报北京１月７日讯记",
        "者龚雯报道：国家经贸委、",
        "外经贸部、海关总署和国家",
        "工商局联合发出通知。",
    ]
    items = _items([*above, *head, *body])
    assert items[-1][0] == "四部委联合通知要求严格限制进口旧机电产品"


def test_the_last_lines_of_a_paragraph_over_a_dateline_stay_in_it() -> None:
    # No wrap between them (no stub, no word broken): a paragraph's end, not a headline.
    tail = ["巩固发展成果", "加强基层工作"]
    items = _items([*ABOVE, *tail, "本报记者王明", *BODY[1:]])
    assert all(headline is None for headline, _ in items)
    assert "加强基层工作" in items[0][1][0]


def test_lines_as_wide_as_the_line_above_are_no_wrap_over_it() -> None:
    # A paragraph's lines fill its column: a run as wide as the line above continues it.
    head = ["世界游泳锦标赛预赛中国选", "手一路顺风"]
    items = _items([*ABOVE, *head, *BODY])
    assert all(headline is None for headline, _ in items)


# Typst's page as PDFium writes it (whole-typeset-pdfium 401): the paragraph above was
# cut short of its full stop, the headline under it stands on a line of its own, and the
# next paragraph's first line is set in by an indent.
OPEN = [
    "大家都称上海人会念生意",
    "经，其实他们的服务经也念得",
    "非常漂亮。在上海，吃穿住行",
    "都很方便，服务也到位。如今，",
    "上海又时兴各种新服务，看到",
    "这些，你不能不承认",
]
NEXT = [
    "根据新近统计数字，全球",
    "艾滋病病毒感染者累计３０",
    "０６万，因艾滋病或其病毒感",
    "染而死亡的累计数为１１７",
    "０万。",
]


def test_a_headline_between_an_open_short_line_and_an_indented_one() -> None:
    items = _items(["上海人会念服务经", *OPEN, "病魔急剧蔓延", *NEXT])
    assert [headline for headline, _ in items] == ["上海人会念服务经", "病魔急剧蔓延"]
    assert items[1][1][0].startswith("根据新近统计数字")


def test_a_short_line_over_a_line_not_set_in_by_an_indent_stays_in_its_paragraph() -> None:
    # Writer's lines run narrow around a picture (whole-office-pdfium 482): not an indent.
    narrow = ["病魔急剧蔓延", "艾滋病病毒感染", *NEXT[1:]]
    items = _items(["上海人会念服务经", *OPEN, *narrow])
    assert [headline for headline, _ in items] == ["上海人会念服务经"]
