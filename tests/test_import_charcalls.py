"""PDFium's per-character functions bound without argument checks (`charcalls`) read
what pypdfium2's bindings read, and `textpage` asks a text object's size, matrix and
font once: the same for each of its characters, a form drawn twice being two objects."""

from __future__ import annotations

import ctypes
import io
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from reader.importing.charcalls import char_calls
from reader.importing.textpage import page_glyphs


def _page() -> bytes:
    """A form of two text objects (CJK at 10 pt, Latin at 12) drawn as it is, twice as
    large, and turned a quarter; a line of its own at 9 pt, and one with its text matrix
    scaled (7 pt under a 1.5 matrix)."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(400, 400))
    canvas.beginForm("f")
    canvas.setFont("STSong-Light", 10)
    canvas.drawString(10, 10, "中文字")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(10, 30, "abc")
    canvas.endForm()
    for dx, dy, scale, turn in ((50, 50, 1, 0), (100, 200, 2, 0), (300, 100, 1, 90)):
        canvas.saveState()
        canvas.translate(dx, dy)
        canvas.scale(scale, scale)
        canvas.rotate(turn)
        canvas.doForm("f")
        canvas.restoreState()
    canvas.setFont("STSong-Light", 9)
    canvas.drawString(10, 380, "报头")
    canvas.saveState()
    canvas.translate(10, 350)
    canvas.scale(1.5, 1.5)
    canvas.setFont("STSong-Light", 7)
    canvas.drawString(0, 0, "新闻")
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def textpage() -> Any:
    doc = pdfium.PdfDocument(_page())
    page = doc[0]
    text = page.get_textpage()
    yield text
    text.close()
    page.close()
    doc.close()


def test_the_lean_calls_read_what_the_bindings_read(textpage: Any) -> None:
    calls, handle = char_calls(), textpage.raw
    a, b = raw.FS_RECTF(), raw.FS_RECTF()
    ma, mb = raw.FS_MATRIX(), raw.FS_MATRIX()
    xa, ya, xb, yb = (ctypes.c_double() for _ in range(4))
    na, nb = ctypes.create_string_buffer(64), ctypes.create_string_buffer(64)
    fa, fb = ctypes.c_int(), ctypes.c_int()
    count = raw.FPDFText_CountChars(handle)
    assert count > 20
    for i in range(count):
        assert calls.generated(handle, i) == raw.FPDFText_IsGenerated(handle, i)
        assert calls.unicode(handle, i) == raw.FPDFText_GetUnicode(handle, i)
        assert calls.map_error(handle, i) == raw.FPDFText_HasUnicodeMapError(handle, i)
        assert calls.loose_box(handle, i, ctypes.byref(a)) == raw.FPDFText_GetLooseCharBox(
            handle, i, ctypes.byref(b)
        )
        assert (a.left, a.bottom, a.right, a.top) == (b.left, b.bottom, b.right, b.top)
        calls.origin(handle, i, ctypes.byref(xa), ctypes.byref(ya))
        raw.FPDFText_GetCharOrigin(handle, i, ctypes.byref(xb), ctypes.byref(yb))
        assert (xa.value, ya.value) == (xb.value, yb.value)
        assert calls.font_size(handle, i) == raw.FPDFText_GetFontSize(handle, i)
        assert calls.matrix(handle, i, ctypes.byref(ma)) == raw.FPDFText_GetMatrix(
            handle, i, ctypes.byref(mb)
        )
        assert (ma.a, ma.b, ma.c, ma.d, ma.e, ma.f) == (mb.a, mb.b, mb.c, mb.d, mb.e, mb.f)
        size = calls.font_info(handle, i, na, ctypes.c_ulong(64), ctypes.byref(fa))
        assert size == raw.FPDFText_GetFontInfo(handle, i, nb, 64, ctypes.byref(fb))
        assert (na.value, fa.value) == (nb.value, fb.value)
        assert calls.font_weight(handle, i) == raw.FPDFText_GetFontWeight(handle, i)
        bound = raw.FPDFText_GetTextObject(handle, i)
        assert calls.text_object(handle, i) == ctypes.cast(bound, ctypes.c_void_p).value


def test_a_text_objects_characters_are_set_alike(textpage: Any) -> None:
    """What `textpage._set_as` and the typeface it keeps rely on."""
    handle = textpage.raw
    matrix, name = raw.FS_MATRIX(), ctypes.create_string_buffer(64)
    seen: dict[int, tuple[object, ...]] = {}
    for i in range(raw.FPDFText_CountChars(handle)):
        if raw.FPDFText_IsGenerated(handle, i):
            continue
        raw.FPDFText_GetMatrix(handle, i, ctypes.byref(matrix))
        raw.FPDFText_GetFontInfo(handle, i, name, 64, None)
        obj = ctypes.cast(raw.FPDFText_GetTextObject(handle, i), ctypes.c_void_p).value
        assert obj
        how = (
            raw.FPDFText_GetFontSize(handle, i),
            (matrix.a, matrix.b, matrix.c, matrix.d),
            name.value,
            raw.FPDFText_GetFontWeight(handle, i),
        )
        assert seen.setdefault(obj, how) == how
    assert len(seen) == 8  # each drawing of the form its own two objects


def test_each_drawing_of_a_form_keeps_its_own_size_and_turn(textpage: Any) -> None:
    turned: list[Any] = []
    glyphs, unmapped = page_glyphs(textpage, turned=turned)
    assert unmapped == 0
    sizes = sorted({(g.char, round(g.size, 3)) for g in glyphs if g.char in "中新报a"})
    assert sizes == [
        ("a", 12.0),
        ("a", 24.0),
        ("中", 10.0),
        ("中", 20.0),
        ("报", 9.0),
        ("新", 10.5),
    ]
    assert sorted(g.char for g, _ in turned) == sorted("中文字abc")  # the quarter-turned one
