"""A paragraph's first line short by a unit that a quotation mark holds together (issue 12).

WeasyPrint (Pango, by UAX 14) breaks neither before nor after a quotation mark, so
`一` ends a first line when `份“深` does not fit after it: the line looked too
short to lead the paragraph below and became a headline under the byline.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

PAGE = [
    "业业的采购员只因拿供",
    "货厂家１００元回扣，",
    "便被公司开除了厂籍。",
    "别开生面《三峡",
    "放歌》",
    "本报记者 周刚",
    "去年５月，一",
    "份“深山奇冤”的控诉",
    "书送到了全国妇联副主",
    "席赵地手里。控诉书记",
    "述了河南省宝丰县一个",
    "幼女８岁时被强奸残害",
    "的事实。",
]


def test_a_first_line_before_a_quoted_unit_that_did_not_fit_leads_its_paragraph() -> None:
    page = parse_text("\n".join(PAGE))
    item = page.items[-1]
    assert item.headline == "别开生面《三峡放歌》"
    assert item.paragraphs[0].startswith("去年５月，一份“深山奇冤”")
