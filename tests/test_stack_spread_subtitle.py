"""A subtitle set across a story's columns is no first line of its text (issue 12).

Whole-article pages (bench/wholegen.py): a long subtitle holding commas, set in smaller
type across the story's columns under the headline, came out as the start of the first
paragraph, or a paragraph of its own over the byline. Invented lines in the shape of
the case.
"""

from __future__ import annotations

from reader.parse.spreadsubs import spread_subtitle
from reader.parse.stories import parse_text

HEAD = "全区冬季供暖工作全面启动"
SUB = "各街道落实保暖措施，确保全区困难家庭和孤寡老人温暖过冬度过寒冬"  # 31 ems over 12
BODY = [
    "本报讯记者从区政府获悉：",
    "今年全区冬季供暖工作已于日",
    "前全面启动，各街道组织力量",
    "逐户走访困难家庭，及时解决",
    "群众反映的问题。",
]
NEXT = [
    "老年大学新学期开学",
    " 本报讯区老年大学新学期",
    "日前开学，今年共开设课程",
    "三十余门，学员踊跃报名。",
]


def _item(lines: list[str]) -> tuple[str | None, str | None, tuple[str, ...]]:
    page = parse_text("\n".join([*lines, *NEXT]) + "\n")
    item = page.items[0]
    return item.headline, item.subtitle, item.paragraphs


def test_a_line_spread_over_two_columns_under_a_headline_is_its_subtitle() -> None:
    headline, subtitle, paragraphs = _item([HEAD, SUB, *BODY])
    assert (headline, subtitle) == (HEAD, SUB)
    assert SUB not in "".join(paragraphs)
    assert paragraphs[0].endswith("群众反映的问题。")


def test_a_subtitle_whose_dashes_wrapped_takes_them() -> None:
    paragraphs = [[SUB + "和", "谐——"], BODY]
    assert spread_subtitle(paragraphs) == (SUB + "和谐——", [BODY])


def test_a_wide_line_that_ends_a_sentence_or_text_set_wide_stays_text() -> None:
    assert spread_subtitle([[SUB + "。", *BODY[1:]]]) is None  # a lead paragraph set wide
    wide = [SUB, "今年全区冬季供暖工作已于日前全面启动，各街"]
    wide.append("道组织力量逐户走访困难家庭，及时解决群众")
    assert spread_subtitle([wide, wide[1:]]) is None  # the text under it is as wide
    assert spread_subtitle([[BODY[0], *BODY[1:]]]) is None  # a plain first line
