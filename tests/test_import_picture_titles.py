"""A picture story's title, set bold at the caption's size over its caption (Chromium's
pages of whole 1998 articles, bench/wholegen.py: `外籍家庭在上海` over `近几年来，…`),
is the caption's headline, not the caption's first words. A caption set bold
throughout, or one whose bold first line ends a sentence, keeps its text whole."""

from __future__ import annotations

from reader.importing import structure
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
