"""Two parts of a stack are one wrapped headline on a page of one-part stacks (issue 12, round 19).

Writer's page of whole articles as PDFium writes it
(whole-office-pdfium 407): `埃及展出古埃及第六王` / `朝法老王青铜像` was read as
headline and subtitle. The page decides: it wraps its headlines, and its other stacks print
one part each (branch `heads21`, `reader.parse.oneparts`).
"""

from __future__ import annotations

from reader.parse.oneparts import join_wraps
from reader.parse.stories import parse_text

WRAP = ["工行北京分行效益上新", "台阶"]  # a stub: the page wraps its headlines
HEADS = [
    ["首都机场新航站楼开工"],
    ["长江三峡工程进展顺利"],
    ["西部地区农民收入增加"],
    ["全国春运客流平稳"],
]


def _story(n: int) -> list[str]:
    return [
        f"本报北京１月{n + 1}日讯记者",
        "王明报道：今年以来，各地加",
        "快了基础设施建设的步伐，工",
        "程进展顺利，群众十分满意。",
    ]


def _page(
    stack: list[str], others: list[list[str]]
) -> list[tuple[str | None, str | None, str | None]]:
    lines: list[str] = []
    for n, head in enumerate([WRAP, *others, stack]):
        lines += [*head, *_story(n)]
    page = parse_text("\n".join(lines) + "\n")
    return [(item.kicker, item.headline, item.subtitle) for item in page.items]


def test_a_shorter_line_under_a_full_one_is_its_wrap() -> None:
    items = _page(["埃及展出古埃及第六王", "朝法老王青铜像"], HEADS)
    assert items[-1] == (None, "埃及展出古埃及第六王朝法老王青铜像", None)


def test_a_line_over_a_wrap_stays_its_kicker() -> None:
    # As wide as the wrap's lines, as the pooled generators' kickers often are, but
    # the break reads as a seam of two parts (`wrapmodel.inside`).
    items = _page(["一场雪不仅仅是一场雪", "中国足协将加速培养青", "年队员"], HEADS)
    assert items[-1] == ("一场雪不仅仅是一场雪", "中国足协将加速培养青年队员", None)


def test_a_full_line_over_a_wrap_of_its_width_is_its_first_line() -> None:
    # Three lines of one wrap, as Chromium sets a whole article's headline in a narrow
    # column (whole-chrome-pdfium 528): the break inside a phrase, the last line short.
    items = _page(["南方多个城市遭遇", "罕见低温冰冻天", "气"], HEADS)
    assert items[-1] == (None, "南方多个城市遭遇罕见低温冰冻天气", None)
    # ...on a page that prints parts, the line stays a kicker
    parts = [["中国足球协会决定", "——加速培养青年队员"], ["改不了的是老屋老井", "——职工的献身精神"]]
    items = _page(["南方多个城市遭遇", "罕见低温冰冻天", "气"], [*HEADS[:2], *parts])
    assert items[-1][0] == "南方多个城市遭遇"


def test_a_page_that_prints_parts_keeps_them_apart() -> None:
    parts = [["中国足球协会决定", "——加速培养青年队员"], ["改不了的是老屋老井", "——职工的献身精神"]]
    items = _page(["埃及展出古埃及第六王", "朝法老王青铜像"], [*HEADS[:2], *parts])
    assert "埃及展出古埃及第六王朝法老王青铜像" not in items[-1]


def test_a_longer_line_under_a_headline_stays_its_subtitle() -> None:
    groups = [
        [WRAP],
        *[[h] for h in HEADS],
        [["南斯拉夫货币面临贬值", "危险"], ["立足高新技术推动第三产业", "北京致力发展首都经济"]],
    ]
    assert join_wraps(groups, True) == groups


def test_a_page_that_never_wraps_keeps_its_parts() -> None:
    groups = [*[[h] for h in HEADS], [["北方交大与北京建"], ["工学院联合办学"]]]
    assert join_wraps(groups, False) == groups
    assert join_wraps(groups, True)[-1] == [["北方交大与北京建", "工学院联合办学"]]


def test_a_page_out_of_a_pdf_needs_no_wrap_seen_elsewhere() -> None:
    # whole-office-pdfium 415: no other stack on the page wraps, and no paragraph is
    # set in with spaces (the text came out of a PDF).
    stack = ["专家分析指出震区更", "强地震可能性不大"]
    lines: list[str] = []
    for n, head in enumerate([*HEADS, ["首都春节市场供应充足"], stack]):
        lines += [*head, *_story(n)]
    items = parse_text("\n".join(lines) + "\n").items
    assert (items[-1].headline, items[-1].subtitle) == ("专家分析指出震区更强地震可能性不大", None)
    # Typed text sets its paragraphs in with spaces and one part on a line.
    typed: list[str] = []
    for n, head in enumerate([*HEADS, ["首都春节市场供应充足"], stack]):
        body = _story(n)
        typed += [*head, "　　" + body[0], *body[1:]]
    items = parse_text("\n".join(typed) + "\n").items
    assert (items[-1].headline, items[-1].subtitle) == ("专家分析指出震区更", "强地震可能性不大")


def test_a_line_at_the_measure_of_the_page_s_wraps_is_a_wrap_s_first() -> None:
    # The break reads as a seam, but the upper line is as wide as the full line of
    # the page's other wrap (ten ems, `WRAP`): the page's headline measure.
    items = _page(["西部地区公路建设加快", "山区农民出行方便"], HEADS)
    assert items[-1] == (None, "西部地区公路建设加快山区农民出行方便", None)
    # ...a ninth em short of it, the lower line shorter: one wrap all the same on a
    # page of one-part stacks (`seamwraps`, branch `heads25`)
    items = _page(["西部地区公路建设快", "山区农民出行方便"], HEADS)
    assert items[-1] == (None, "西部地区公路建设快山区农民出行方便", None)
    # ...and a line as long under it fills the measure too: a headline twice as long
    items = _page(["西部地区公路建设加快", "山区农民出行更加方便"], HEADS)
    assert items[-1] == (None, "西部地区公路建设加快山区农民出行更加方便", None)


def test_a_wrap_that_ends_full_goes_on_in_the_line_under_it() -> None:
    # Two lines of one width: the part's last line is full, and the shorter line
    # under it is the rest of the wrap, not a subtitle.
    items = _page(["全省农民年均收", "入增加三百多元", "春节市场繁荣"], HEADS)
    assert items[-1] == (None, "全省农民年均收入增加三百多元春节市场繁荣", None)
