"""What other PDF writers state differently: type scaled by the page, weight in the name.

WeasyPrint (through cairo) sets 14 "px" type under a 0.75 matrix and writes one stem
width into every font descriptor, so PDFium's font size and weight both say less than
the page shows. These tests need no WeasyPrint: reportlab writes a page with the same
scaling, and the weight from the name is a pure function.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from reader.importing.fonts import named_weight, unstated
from reader.importing.textpage import page_glyphs as _glyphs


def _scaled_page() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=(400, 400))
    page.saveState()
    page.scale(0.75, 0.75)  # CSS pixels to points, as WeasyPrint draws
    page.setFont("STSong-Light", 14)
    page.drawString(40, 400, "新闻正文")
    page.restoreState()
    page.setFont("STSong-Light", 10.5)
    page.drawString(40, 100, "新闻正文")
    page.save()
    return buf.getvalue()


def test_type_scaled_by_the_page_has_the_size_it_is_printed_at() -> None:
    doc = pdfium.PdfDocument(_scaled_page())
    try:
        textpage = doc[0].get_textpage()
        glyphs, _ = _glyphs(textpage)
        textpage.close()
    finally:
        doc.close()
    sizes = {round(g.size, 2) for g in glyphs}
    # The same type on the page, one line set at 14 under a 0.75 scale: one size, the
    # one its boxes have, so the scaled line is body text and not a headline.
    assert sizes == {10.5}
    assert {round(g.x1 - g.x0, 2) for g in glyphs} == {10.5}


@pytest.mark.parametrize(
    ("name", "weight"),
    [
        ("UMSAGR+Noto-Sans-SC-Heavy", 900),  # WeasyPrint's subset names
        ("ONIMYD+Noto-Sans-SC", None),
        ("XPOLNB+NotoSerifSC-Bold", 700),
        ("JQLJEF+NotoSerifSC-Regular", 400),
        ("SourceHanSerifSC-ExtraBold", 800),  # not read as Bold
        ("Noto-Serif-SC-Semi-Bold", 600),
        ("HiraMinProN-W6", 600),
        ("Arial,Bold", 700),
        ("STSong-Light", 300),
        ("Blackletter", None),  # a family name alone says no weight
        ("SimSun", None),
    ],
)
def test_weight_from_the_font_name(name: str, weight: int | None) -> None:
    assert named_weight(name) == weight


def test_only_a_default_weight_is_overridden_by_the_name() -> None:
    assert unstated(400) and unstated(0) and unstated(-1)
    assert not unstated(812) and not unstated(290)  # Typst's bold, STSong's light
