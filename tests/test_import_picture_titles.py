"""A picture story's title, set bold at the caption's size over its caption (Chromium's
pages of whole 1998 articles, bench/wholegen.py: `外籍家庭在上海` over `近几年来，…`),
is the caption's headline, not the caption's first words. A caption set bold
throughout, or one whose bold first line ends a sentence, keeps its text whole."""

from __future__ import annotations

from reader.importing import regions, structure
from reader.importing.typography import TypeLine
from reader.model import Item

BODY = 10.0


def line(text: str, top: float, bold: bool = False, size: float = 9.0) -> TypeLine:
    return TypeLine(text, False, size, bold, 100.0, 100.0 + size * len(text), top, top - size)


def caption_items(lines: list[TypeLine]) -> list[Item]:
    caption_of = dict.fromkeys(range(len(lines)), 0)
    parts = structure._assemble(lines, BODY, caption_of)
    return [structure._freeze(it, BODY, f"p/{n}") for n, it in enumerate(parts)]


def test_a_bold_title_over_a_caption_is_its_headline() -> None:
    (item,) = caption_items(
        [
            line("外籍家庭在上海", 500, bold=True),
            line("近几年来，在上海生活的外籍家庭已逾万户。春节前夕，", 488),
            line("上海古北新区举办中外家庭新春联谊会。", 476),
            line("（新华社记者张耀智摄）", 464),
        ]
    )
    assert item.kind == "caption"
    assert item.headline == "外籍家庭在上海"
    assert item.paragraphs == (
        "近几年来，在上海生活的外籍家庭已逾万户。春节前夕，上海古北新区举办中外家庭新春联谊会。",
    )
    assert item.credit == "（新华社记者张耀智摄）"


def test_a_caption_set_bold_throughout_has_no_title() -> None:
    (item,) = caption_items(
        [line("郑州新景观", 500, bold=True), line("日前，广场鸽在郑州落户。", 488, bold=True)]
    )
    assert item.headline is None
    assert item.paragraphs == ("郑州新景观日前，广场鸽在郑州落户。",)


def test_a_bold_first_sentence_is_the_caption_s_own() -> None:
    (item,) = caption_items(
        [line("广场鸽落户郑州。", 500, bold=True), line("成为郑州的新景观。", 488)]
    )
    assert item.headline is None
    assert item.paragraphs == ("广场鸽落户郑州。成为郑州的新景观。",)


# Typst's pages set the title in headline type (1.2 times the body) right under the
# picture, over a caption in smaller type whose credit runs on at its end.
PICTURE = (100.0, 520.0, 240.0, 640.0)


def under_picture(title_size: float, text_size: float, *last: str) -> list[Item]:
    lines = [
        line("云岭菜花香", 517, bold=True, size=title_size),
        line("春节前夕，云南省曲靖、玉溪等地", 503, size=text_size),
    ]
    lines += [line(text, 492 - 11 * n, size=text_size) for n, text in enumerate(last)]
    caption_of = regions.captions(lines, [PICTURE], BODY)
    parts = structure._assemble(lines, BODY, caption_of)
    return [structure._freeze(it, BODY, f"p/{n}") for n, it in enumerate(parts)]


def test_headline_type_over_a_credited_caption_is_a_picture_story() -> None:
    (item,) = under_picture(12.0, 9.0, "油菜吐蕊。（新华社记者周重要摄）")
    assert (item.kind, item.headline) == ("caption", "云岭菜花香")
    assert item.paragraphs == ("春节前夕，云南省曲靖、玉溪等地油菜吐蕊。",)
    assert item.credit == "（新华社记者周重要摄）"


def test_a_credit_wrapped_inside_its_word_still_counts() -> None:
    (item,) = under_picture(12.0, 9.0, "油菜吐蕊。（新华社发美联社照", "片）")
    assert item.kind == "caption" and item.headline == "云岭菜花香"
    assert item.paragraphs == ("春节前夕，云南省曲靖、玉溪等地油菜吐蕊。",)
    assert item.credit == "（新华社发美联社照片）"


def test_a_headline_under_a_picture_over_body_text_is_a_story() -> None:
    (item,) = under_picture(12.0, BODY, "油菜吐蕊。（新华社记者周重要摄）")
    assert item.kind != "caption" and item.headline == "云岭菜花香"
    (item,) = under_picture(12.0, 9.0, "油菜吐蕊，给油菜打农药。")
    assert item.kind != "caption" and item.headline == "云岭菜花香"
