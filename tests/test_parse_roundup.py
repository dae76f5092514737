"""Bulleted points of a story with a headline, and briefs (issue 12 round 10).

A brief prints no headline: its marker opens it. Under a headline the same bullet
opens the story's list, point after point, and the bullet is text of the paragraph.
Text made up for these tests, in the shape PDFium writes of Chromium's pages.
"""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

ROUNDUP = [
    "住房改革还有几个难点",
    "本报记者 王明",
    "●公房租金水平仍然偏",
    "低，与居民的收入水平相比",
    "提高幅度不大，离目标还有",
    "很大距离。",
    "●新建住房还在进入旧",
    "体制，增大了改革的难度，",
    "也加大了改革的成本。",
    "●个人购房贷款制度刚",
    "刚建立，尚未全面推开。",
]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def test_bullets_under_a_headline_are_the_story_paragraphs() -> None:
    (story,) = items(*ROUNDUP)
    assert story.kind == "article"
    assert story.headline == "住房改革还有几个难点"
    assert story.byline == "本报记者 王明"
    assert story.marker is None
    assert story.paragraphs == (
        "●公房租金水平仍然偏低，与居民的收入水平相比提高幅度不大，离目标还有很大距离。",
        "●新建住房还在进入旧体制，增大了改革的难度，也加大了改革的成本。",
        "●个人购房贷款制度刚刚建立，尚未全面推开。",
    )


def test_briefs_without_a_headline_stay_briefs() -> None:
    page = items(*ROUNDUP[2:])
    assert [i.kind for i in page] == ["brief", "brief", "brief"]
    assert [i.marker for i in page] == ["●", "●", "●"]
    assert page[1].paragraphs == ("新建住房还在进入旧体制，增大了改革的难度，也加大了改革的成本。",)


def test_another_bullet_after_the_list_opens_a_brief() -> None:
    page = items(*ROUNDUP, "■本市新开通三条公交", "线路，方便市民出行。")
    assert [i.kind for i in page] == ["article", "brief"]
    assert page[1].marker == "■"
    assert len(page[0].paragraphs) == 3
