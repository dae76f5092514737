"""Vertical type (竖排) in page text: PDFium and MuPDF write a head set top to bottom one
character a line (checked on tests/verticalpages.py's PDFs); such a run is one line
again before the parser reads roles. Where it is written after its story (a head
standing right of it, PDFium's order), page text cannot tell, and it heads nothing."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
import verticalpages as vp

from reader.parse.stories import parse_text
from reader.parse.vertical import join_vertical


def _pdfium(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        text: str = doc[0].get_textpage().get_text_range()
        return text
    finally:
        doc.close()


def _mupdf(pdf: bytes) -> str:
    """MuPDF's own text where PyMuPDF is installed (it is no dependency), else its
    shape from PDFium's lines (a blank line between lines, as bench/ emulates it)."""
    try:
        pymupdf: Any = importlib.import_module("pymupdf")  # AGPL: looked up, not required
    except ImportError:
        lines = _pdfium(pdf).replace("\r\n", "\n").split("\n")
        return "\n\n".join(lines) + "\n"
    text: str = pymupdf.open(stream=pdf)[0].get_text()
    return text


@pytest.fixture(scope="module", params=["pdfium", "mupdf"])
def chromium(request: pytest.FixtureRequest) -> str:
    pdf = vp.chromium_pdf()
    if pdf is None:
        pytest.skip("no Chromium or no Noto Serif CJK SC")
    return _pdfium(pdf) if request.param == "pdfium" else _mupdf(pdf)


def test_the_extractors_write_a_vertical_head_one_character_a_line(chromium: str) -> None:
    lines = [line.strip() for line in chromium.splitlines() if line.strip()]
    at = lines.index(vp.HEAD[0])
    assert lines[at : at + len(vp.HEAD)] == list(vp.HEAD)


def test_vertical_heads_in_page_text_head_the_stories_they_stand_before(chromium: str) -> None:
    page = parse_text(chromium)
    by_head = {it.headline: it for it in page.items}
    assert by_head[vp.HEAD].paragraphs == vp.STORIES[vp.HEAD]
    assert by_head[vp.COLUMN].paragraphs[:2] == vp.STORIES[vp.COLUMN]
    assert by_head[vp.DIGITS_HEAD].paragraphs[:2] == vp.STORIES[vp.DIGITS_HEAD]
    # Kicker or headline: page text has no type sizes; both stay in one stack, in order.
    stack = [
        (it.kicker, it.headline, it.subtitle)
        for it in page.items
        if vp.KICKER in (it.headline, it.kicker)
    ]
    assert stack in ([(vp.KICKER, vp.UNDER_KICKER, None)], [(None, vp.KICKER, vp.UNDER_KICKER)])
    # Written after its story, the head right of it is still one line.
    assert vp.RIGHT_HEAD in by_head
    assert vp.page_chars(page) == vp.visible(chromium)


def test_vertical_forms_in_page_text_are_kept_as_printed() -> None:
    pdf = vp.reportlab_pdf()
    if pdf is None:
        pytest.skip("no AR PL UMing face")
    for text in (_pdfium(pdf), _mupdf(pdf)):
        page = parse_text(text)
        (first,) = [it for it in page.items if it.headline == vp.FORMS_HEAD]
        assert first.paragraphs[:2] == vp.FORMS_STORIES[vp.FORMS_HEAD]
        assert vp.page_chars(page) == vp.visible(text)


def test_a_run_of_one_character_lines_is_one_line_with_the_story_start_hint() -> None:
    source, body = "（新华社北京1月4日电）", "各级政府要加强调控。"
    raw = [source, "﹁", "菜", "篮", "子", "﹂", "工", "程", body]
    assert join_vertical(raw) == [source, " ﹁菜篮子﹂工程", body]
    assert join_vertical(["人民日报", "短", "评", "正文。"]) == ["人民日报", " 短评", "正文。"]
    head = ["迎", "接", "1", "9", "9", "8", "年", "春", "节"]  # its digits one a line too
    assert join_vertical(["（完）", *head, body]) == ["（完）", " 迎接1998年春节", body]
    turned = ["迎", "接", "1998", "年", "春", "节"]  # MuPDF: the turned digits one line
    assert join_vertical(["（完）", *turned, body]) == ["（完）", " 迎接1998年春节", body]


def test_one_character_lines_that_are_no_head_stay_as_they_are() -> None:
    # A headline's one-character wrap stands alone.
    wrap = ["春节市场供应充", "足", "国务院日前发出通知。"]
    assert join_vertical(wrap) == wrap
    # After a line that runs on: PDFium's glyphs of two columns interleaved.
    interleaved = ["５万亩，并在西吉县移民基地兴", "建", "闽", "了", "宁"]
    assert join_vertical(interleaved) == interleaved
    # After a reporter's role: a name spaced out, one character a line.
    name = ["新华社记者", "赵", "勇", "高邑是一个农业县。"]
    assert join_vertical(name) == name
    # Before a line with a dash ligature inside it: PDFium's order broken around it.
    dashed = ["（据新华社电）", "继", "京", "续", "客———运为"]
    assert join_vertical(dashed) == dashed
    # Digits alone are no head: two ideographs at least.
    digits = ["第一版。", "1", "2", "3"]
    assert join_vertical(digits) == digits
