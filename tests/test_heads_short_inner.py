"""A wrapped headline's last line is no paragraph's first line (issue 12, round 13).

PDFium's text of Typst pages (`tests/typesetgen.py`, seed 1509), as written: the
last line of a wrapped headline (`严查套汇骗汇活动`, 8 ems) over a paragraph whose
indented first line (`华北塞外坝上突然剧`, 9 ems) is set in by less than two ems
from lines that measure 10.5 by their squeezed marks. Had the headline's line
begun the paragraph, the line under it would be an inner line, and a justified
paragraph sets those to the full column: it became the paragraph's start. The
other pages keep what is a paragraph's (TeX's inner lines, stretched by an em; a
line holding digits or a comma; branch `heads15`).
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

ABOVE = [
    "堪培拉、维多利亚州和南",
    "澳演出。它的成功，正如主",
    "办人托尼·巴伯所说，在于",
    "它的浓郁的中国民族风格",
    "和超绝的人体技巧，这是",
    "不同于西方的马戏团的，",
    "它能吸引和征服西方观众",
    "的地方正在于此。",
]
BODY = [
    "华北塞外坝上突然剧",
    "烈震颤，顷刻间房倒屋塌",
    "４０余万间，４万多人无",
    "家可归。我国地震台网测",
    "定，张北—尚义发生地震，",
    "震级为里氏６．２级。",
]
HEAD = ["维护金融外汇秩序", "稳定外汇管理部门", "严查套汇骗汇活动"]
# The next story's stack wraps (`及早举行两岸政治` / `谈判`): the page wraps its headlines.
BELOW = [
    "及早举行两岸政治",
    "谈判",
    "宋健强调，实施科教",
    "兴国战略必须从实际出",
    "发。我们要继续按照面向",
    "经济建设主战场、发展高",
    "新技术及其产业和加强基",
    "础研究这三个层次来部署。",
]


def _parse(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    page = parse_text("\n".join(lines) + "\n")
    return [(item.headline, list(item.paragraphs)) for item in page.items]


def test_a_wrapped_headlines_last_line_stays_in_its_stack() -> None:
    items = _parse(ABOVE + HEAD + BODY + BELOW)
    assert items[1] == ("".join(HEAD), ["".join(BODY)])


def test_the_line_over_a_first_line_set_in_by_an_em_and_a_half() -> None:
    head = ["全国广播影视厅局长会议强调", "新闻节目位置更突出"]
    body = [
        "午餐会之前，大迈阿",
        "密商会还举办了有３０",
        "０多位工商企业界人士",
        "参加的题为《香港：新时",
        "代、新机遇》的贸易金融",
        "研讨会。",
    ]
    items = _parse(ABOVE + head + body)
    assert items[1][1] == ["".join(body)]  # the paragraph starts at its own first line
    assert "新闻节目位置更突出" not in items[1][1][0]


def test_an_inner_line_short_by_an_em_stays_in_its_paragraph() -> None:
    # TeX stretches a line of ten characters over an eleven-em column.
    body = [
        "上海华腾软件系统",
        "有限公司自主开发的目",
        "前唯一拥有自主知识产权",
        "的银行卡交换中心应用软",
        "件ＴＯＰＬＩＮＫ，日前",
        "被全国银行卡信息交换中",
        "心采用。",
    ]
    items = _parse(ABOVE + body)
    assert items[-1][1][-1] == "".join(body)
    assert all(headline != "上海华腾软件系统" for headline, _ in items)


def _typst_items(seed: int) -> dict[str, tuple[str | None, list[str]]]:
    """The parse of a Typst page's PDFium text: each story's headline and paragraphs,
    by its first paragraph's first ten characters."""
    typesetgen = pytest.importorskip("typesetgen")
    pytest.importorskip("typst")
    pytest.importorskip("pypdfium2")
    if not typesetgen.fonts_ready():
        pytest.skip(f"Noto SC fonts not in {typesetgen.FONT_DIR}")
    page = parse_text(typesetgen.pdfium_text(typesetgen.generate(seed).pdf))
    return {
        it.paragraphs[0][:10]: (it.headline, list(it.paragraphs))
        for it in page.items
        if it.paragraphs
    }


def test_the_stack_keeps_its_last_line_on_a_page_set_with_squeezed_marks() -> None:
    items = _typst_items(1509)
    assert items["华北塞外坝上突然剧烈"][0] == "维护金融外汇秩序稳定外汇管理部门严查套汇骗汇活动"
    # `新闻节目位置更突出` (9 ems) over `午餐会之前，大迈阿` (8.5) and lines of 10
    assert "午餐会之前，大迈阿密" in items
    assert "新闻节目位置更突出午" not in items


def test_a_line_with_a_comma_or_digits_over_a_short_line_stays_in_its_paragraph() -> None:
    # `股市以７９０８．２５点封关，道` / `—琼斯工业平均指数比前一年`: a dash broken over
    # the lines leaves the lower one short (Typst page 1503).
    assert _typst_items(1503)["１９９７年的最后一天"][0] == "朔黄铁路资金联行成立"
    # `庞海龙还以１５２．４１` / `５分打破宋臣１９９０年在` (12 ems) over lines whose
    # digits count wider than they are set (13): one paragraph (Typst page 1582).
    items = _typst_items(1582)
    assert "庞海龙还以１５２．４" not in items
    assert any("庞海龙还以１５２．４１５分" in "".join(paras) for _, paras in items.values())
