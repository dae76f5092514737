"""A list of points under a headline whose points end with no stop (issue 12, round 16).

`内容提要` over `●一九九七年，在旱灾严` / … / `个重点` / `●一九九七年，林业建设` / …: each
point is a paragraph of its own whose short last line closes no sentence, so the line
above the next bullet is open, and the bullet opened no paragraph there (whole-chrome 438).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = "内容提要"
POINTS = [
    "●一九九七年，在旱灾严/重的情况下，农业仍获得较好/收成，农民收入继续增加，农/村经济全面发展。"
    "一九九八年/的工作要突出粮食、『菜篮/子』、乡镇企业和农民收入四/个重点",
    "●一九九七年，林业建设/又取得了新进展，造林绿化继/续保持快速发展的好势头。一/九九八年要全面"
    "加快林业生态/体系和产业体系建设步伐，减/少和逐步停止对国有天然林的/采伐",
    "●调整结构必须吃透两/头：一头是当地的优势，一头/是市场的动向。在以市场需求/为导向的前提下强调因地制宜。",
]  # each point's printed lines, `/` between them
NEXT = [
    "春运期间铁路客流增加",
    "本报讯全国铁路春运期间强",
    "化市场意识，加强运输组织，",
    "确保旅客安全。",
]


def test_each_point_of_a_list_that_ends_open_is_a_paragraph() -> None:
    lines = [HEAD, *(line for point in POINTS for line in point.split("/")), *NEXT]
    story = parse_text("\n".join(lines)).items[0]
    assert story.headline == HEAD
    assert story.paragraphs == tuple(point.replace("/", "") for point in POINTS)
