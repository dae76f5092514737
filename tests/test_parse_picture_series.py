"""A picture series: numbered captions, each with its credit, under one headline (issue 12,
round 19).

The 1998 paper prints a set of pictures as an article: `神州大地春来早` over
`１、威风锣鼓庆丰收（孟仁泉摄）`, `２、瑞雪又报好年成（李永宏摄）`, ... one caption a
paragraph (whole-office 406, whole-typeset 401, whole-chrome 412: `图①…`). Read one
caption at a time, the first became a caption item that took the headline into its
text, and the rest were captions or text of the stories around.
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

BEFORE = ["北京市各区县近日纷纷举办", "迎春文化活动，群众踊跃参加，", "节日气氛十分热烈。"]
AFTER = [
    "国际象棋最新等级",
    "分公布",
    "国际棋联日前公布了最",
    "新一期等级分，我国选手叶江川",
    "的等级分排名继续上升。",
]


def _page(series: list[str]) -> str:
    return "\n".join([*BEFORE, *series, *AFTER])


def test_each_numbered_caption_is_a_paragraph_under_the_series_headline() -> None:
    series = [
        "神州大地春来早",
        "１、威风锣鼓庆丰收",
        "（孟仁泉摄）",
        "２、瑞雪又报好年成",
        "（李永宏摄）",
        "３、『雪山孤岛』人",
        "心暖（罗顺裕摄）",
    ]
    items = parse_text(_page(series)).items
    found = [item for item in items if item.headline == "神州大地春来早"]
    assert len(found) == 1
    assert found[0].paragraphs == (
        "１、威风锣鼓庆丰收（孟仁泉摄）",
        "２、瑞雪又报好年成（李永宏摄）",
        "３、『雪山孤岛』人心暖（罗顺裕摄）",
    )
    assert found[0].credit is None
    assert items[0].paragraphs == (
        "北京市各区县近日纷纷举办迎春文化活动，群众踊跃参加，节日气氛十分热烈。",
    )
    assert any(item.headline == "国际象棋最新等级分公布" for item in items)


@pytest.mark.parametrize("one, two", [("①", "②"), ("➀", "➁")])  # (TeX's fonts: dingbats)
def test_circled_numbers_and_a_two_line_headline(one: str, two: str) -> None:
    series = [
        "国泰民安辞旧岁",
        "龙腾虎跃迎新春",
        f"图{one}国泰民安（新华社",
        "记者胡海昕摄）",
        f"图{two}呼和浩特：扭起秧",
        "歌庆新年（新华社记者王晔",
        "彪摄）",
    ]
    items = parse_text(_page(series)).items
    found = [item for item in items if item.headline == "国泰民安辞旧岁龙腾虎跃迎新春"]
    assert len(found) == 1
    assert found[0].paragraphs == (
        f"图{one}国泰民安（新华社记者胡海昕摄）",
        f"图{two}呼和浩特：扭起秧歌庆新年（新华社记者王晔彪摄）",
    )


def test_one_numbered_caption_or_reports_are_no_series() -> None:
    # A caption numbered alone, and numbered reports (a caption each, 40 of the corpus's 133
    # numbered captions print their credit apart): left to the caption rules.
    alone = ["１、威风锣鼓庆丰收", "（孟仁泉摄）"]
    reports = [
        "１、１月１０日，美国各地游人",
        "纷纷赶往华盛顿纪念碑，抓住最",
        "后机会参观。（新华社记者刘宇摄）",
        "２、图为西非开发银行。它是在洛",
        "美市落户较早的一家地区性金融机",
        "构。（新华社记者庄维汉摄）",
    ]
    for lines in (alone, reports):
        items = parse_text(_page(lines)).items
        assert not any(len(item.paragraphs) >= 2 and "摄）" in item.paragraphs[1] for item in items)
