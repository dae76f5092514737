"""Captions in the shapes e-paper text gives them, beyond what the generators print.

Handwritten lines: a story in a 10-em column (first lines set in two ems), captions
set under pictures as wide as the column or wider, credits in the forms papers use.
Each caption must come back as one `caption` item with its credit, and the story
after it must keep its headline.
"""

from __future__ import annotations

import pytest

from reader.model import Item
from reader.parse.stories import parse_text

HEAD = "全国政协举行迎春茶话会"
NEXT = "迎春茶话会在京举行"
BODY = [
    "经济建设取得新的",
    "重大成就，各项事业全",
    "面发展，人民生活水平",
    "进一步提高。",
    "今年要继续推进改",
    "革，扩大开放，促进发",
    "展，保持社会稳定。",
]
BODY_TEXT = ("经济建设取得新的重大成就，各项事业全面发展，人民生活水平进一步提高。",)
SCENE = "元月一日，著名演员来到北京市儿童福利院，与孤残少儿联欢。"
SCENE_LINES = ["元月一日，著名演员来到", "北京市儿童福利院，与孤", "残少儿联欢。"]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def captions(page: tuple[Item, ...]) -> list[tuple[str, str | None]]:
    return [("".join(i.paragraphs), i.credit) for i in page if i.kind == "caption"]


def assert_between_stories(page: tuple[Item, ...], *want: tuple[str, str]) -> None:
    """The page reads: the story, the captions (text, credit without spaces), the next story."""
    assert [i.headline for i in page if i.kind != "caption"] == [HEAD, NEXT]
    got = [(text, (credit or "").replace(" ", "")) for text, credit in captions(page)]
    assert got == [(text, credit.replace(" ", "")) for text, credit in want]
    assert page[-1].paragraphs[0] == BODY_TEXT[0]


@pytest.mark.parametrize(
    ("tail", "credit"),
    [
        (["残少儿联欢。（本报记者", "王伟摄影）"], "（本报记者王伟摄影）"),
        (["残少儿联欢。（新华社传", "真照片）"], "（新华社传真照片）"),
        (["残少儿联欢。（资料照片）"], "（资料照片）"),
        (["残少儿联欢。", "新华社发"], "新华社发"),
        (["残少儿联欢。", "资料图片"], "资料图片"),
        (["残少儿联欢。", "新华社记者 王伟 摄影"], "新华社记者王伟摄影"),
        (["残少儿联欢。新华社记者", "王伟 摄"], "新华社记者王伟摄"),
    ],
)
def test_each_credit_form_ends_its_caption(tail: list[str], credit: str) -> None:
    page = items(HEAD, *BODY, *SCENE_LINES[:2], *tail, NEXT, *BODY)
    assert_between_stories(page, (SCENE, credit))


def test_a_credit_without_brackets_after_the_last_sentence_is_the_credit() -> None:
    # `…联欢。新华社记者 王伟摄` on one line: the credit, not the caption's text, and the
    # headline below it is the next story's, not more of the caption.
    page = items(HEAD, *BODY, *SCENE_LINES[:2], "残少儿联欢。新华社记者 王伟摄", NEXT, *BODY)
    assert_between_stories(page, (SCENE, "新华社记者王伟摄"))


def test_a_chart_credit_on_its_own_line_ends_the_caption() -> None:
    page = items(
        HEAD, *BODY, "１９９７年我国国内生产总", "值增长情况。", "本报美术组 制图", NEXT, *BODY
    )
    assert ("１９９７年我国国内生产总值增长情况。", "本报美术组 制图") in captions(page)
    assert page[-1].headline == NEXT


def test_several_captions_in_a_row_each_keep_their_credit() -> None:
    page = items(
        HEAD,
        *BODY,
        "图为工人们正在加工发电",
        "机。（新华社记者 王",
        "伟摄）",
        *SCENE_LINES[:2],
        "残少儿联欢。（资料图片）",
        "图为灯会一角。",
        "受访者供图",
        NEXT,
        *BODY,
    )
    assert_between_stories(
        page,
        ("图为工人们正在加工发电机。", "（新华社记者王伟摄）"),
        (SCENE, "（资料图片）"),
        ("图为灯会一角。", "受访者供图"),
    )


def test_a_caption_wider_than_the_column_is_no_headline() -> None:
    # Set under a picture two columns wide: its first line is wider than the story's
    # lines, as a headline's would be, but it runs into a credit.
    wide = [
        "图为元月一日，著名演员们来到北京市",
        "儿童福利院，与孤残少儿联欢。",
        "新华社记者 王伟 摄",
    ]
    page = items(HEAD, *BODY, *wide, NEXT, *BODY)
    assert_between_stories(page, ("".join(wide[:2]), "新华社记者王伟摄"))


def test_a_caption_with_a_second_sentence_opening_tu_wei_is_one_caption() -> None:
    # `图为` opens the caption's second sentence here, not a caption of its own.
    lines = [
        "哈尔滨冰雪节１月５日隆",
        "重开幕。本届冰雪节活动",
        "丰富多彩，游人如织。",
        "图为人们在江面上乘冰帆",
        "滑翔。（新华社记者周确",
        "摄）",
    ]
    # On a page that sets its paragraphs in, `游人如织。` is a full line of the caption.
    page = items(HEAD, *BODY, *BODY, *lines, NEXT, *BODY)
    text = "哈尔滨冰雪节１月５日隆重开幕。本届冰雪节活动丰富多彩，游人如织。"
    text += "图为人们在江面上乘冰帆滑翔。"
    assert_between_stories(page, (text, "（新华社记者周确摄）"))


def test_a_caption_above_its_picture_does_not_take_the_headline_below() -> None:
    page = items(*SCENE_LINES[:2], "残少儿联欢。（本报记者", "吴萍磊 摄）", NEXT, *BODY)
    assert [i.kind for i in page] == ["caption", "article"]
    assert captions(page) == [(SCENE, "（本报记者吴萍磊 摄）")]
    assert page[1].headline == NEXT


def test_a_caption_set_beside_a_last_line_is_split_from_it() -> None:
    # PDFium writes one baseline as one line: a column's short last line, a space,
    # the first line of a caption set beside it under a picture.
    page = items(
        HEAD,
        "经济建设取得新的",
        "重大成就，各项事业全",
        "面发展，人民生活水平",
        "进一步提高。 元月一日，著名演员来到",
        "北京市儿童福利院，与孤",
        "残少儿联欢。（资料图片）",
        NEXT,
        *BODY,
    )
    assert page[0].paragraphs == BODY_TEXT
    assert captions(page) == [(SCENE, "（资料图片）")]
    assert page[-1].headline == NEXT


def test_a_caption_ended_by_a_note_then_a_credit() -> None:
    lines = ["元月一日，著名演员来到", "北京市儿童福利院联欢。", "（赵中宝冀银玺）（资料", "图片）"]
    page = items(HEAD, *BODY, *lines, NEXT, *BODY)
    assert captions(page) == [
        ("元月一日，著名演员来到北京市儿童福利院联欢。（赵中宝冀银玺）", "（资料图片）")
    ]
    assert page[-1].headline == NEXT


def test_two_captions_side_by_side_joined_on_one_line_are_two() -> None:
    # Two pictures side by side: PDFium writes the first caption's last line, a
    # space and the second caption (one line) as one line.
    page = items(
        HEAD,
        *BODY,
        "图为元月一日，著名演员们来到北京市儿童福",
        "利院联欢。（新华社发） 图为灯会一角。（资料图片）",
        NEXT,
        *BODY,
    )
    assert_between_stories(
        page,
        ("图为元月一日，著名演员们来到北京市儿童福利院联欢。", "（新华社发）"),
        ("图为灯会一角。", "（资料图片）"),
    )
