"""Import round 8: shapes of TeX's PDFs (XeLaTeX + xeCJK + xdvipdfmx, bench/texgen.py),
written here with reportlab or hand-placed as the PDFs have them; none needs TeX.

- glyphs a CJK font shares between two code points, named by the other one in the
  ToUnicode map (xdvipdfmx maps glyphs back to Unicode from the font): `⋯` for `…`,
  `・` for `·`, `➅` for `⑥`;
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from reader.importing.pdf import _glyphs


def _page_text(text: str) -> str:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=(400, 400))
    page.setFont("STSong-Light", 10)
    page.drawString(40, 300, text)
    page.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        textpage = doc[0].get_textpage()
        glyphs, _ = _glyphs(textpage)
        textpage.close()
    finally:
        doc.close()
    return "".join(g.char for g in glyphs)


def test_a_shared_glyph_named_by_its_other_code_point_reads_as_chinese_text_means_it() -> None:
    # What xdvipdfmx's ToUnicode says for Noto SC's centred ellipsis, middle dot and
    # circled digit: the mathematical, katakana and dingbat code points of the glyphs.
    printed = "他说\u22ef\u22ef亨利\u30fb本西德\u2785春节\u2780"
    assert _page_text(printed) == "他说……亨利·本西德⑥春节①"
    # The code points Chinese text uses are read as they are.
    assert _page_text("他说……亨利·本西德⑥") == "他说……亨利·本西德⑥"
