"""Text a page draws as pictures or outlines and states in /ActualText.

A headline set in an art face is often converted to outlines (paths) or pasted as a
picture, and a careful producer wraps it in marked content saying what it reads
(`/Span << /ActualText (...) >> BDC ... EMC`). PDFium's text page reads /ActualText only
over text objects, so such a head was lost unsaid. Here the drawings of one span (the
objects in a row carrying the same /ActualText) become that text, its characters set
evenly across their bounds at the bounds' height; they are then no picture.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from typing import Any

from reader.importing.glyphs import make_glyph
from reader.importing.reading_order import Glyph

Box = tuple[float, float, float, float]

_MOST = 4096  # bytes of an /ActualText read, at most (a headline, not an article)
_DESCENT = 0.12  # of the em, below the baseline: where a CJK face sets it
_INDEX = 1 << 30  # the said glyphs follow every glyph of the text page
_FACE = 1 << 20  # a face of their own: no font of the page draws them
_FORM_DEPTH = 15  # levels of forms within forms read (pypdfium2's `get_objects`' own)
_UNKNOWN = (  # what pypdfium2 says of an object of no type (read_pdf: a damaged PDF)
    "Failed to determine pageobject type, did you pass in a valid FPDF_PAGEOBJECT handle?"
)


def drawings(page: Any) -> tuple[list[Box], list[tuple[str, Box]]]:
    """The bounds of the page's images and drawn shapes, where pictures may be, without
    those inside an /ActualText span; and each span's text with its drawings' bounds."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    boxes: list[Box] = []
    spans: list[tuple[str, Box]] = []
    kinds = (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in _objects(page.raw, kinds):
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        box: Box = left.value, bottom.value, right.value, top.value
        said = _actual_text(obj) if raw.FPDFPageObj_CountMarks(obj) else None
        if not said:
            boxes.append(box)
        elif spans and spans[-1][0] == said:  # the span's next drawing
            x0, y0, x1, y1 = spans[-1][1]
            spans[-1] = said, (min(x0, box[0]), min(y0, box[1]), max(x1, box[2]), max(y1, box[3]))
        else:
            spans.append((said, box))
    return boxes, spans


def _objects(
    parent: Any, kinds: tuple[int, ...], form: bool = False, level: int = 0
) -> Iterator[Any]:
    """The handles of the page's objects of `kinds`, those inside its forms too, in the
    order and to the depth pypdfium2's `PdfPage.get_objects` yields them (15 levels),
    refused as it refuses them. A page sets a few hundred text objects: the helper made
    an object of each (its type asked, a finalizer set up) to pass it over, 1.1 ms a
    Typst broadsheet, a third of that so."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    count = raw.FPDFFormObj_CountObjects if form else raw.FPDFPage_CountObjects
    get = raw.FPDFFormObj_GetObject if form else raw.FPDFPage_GetObject
    kind_of, form_kind = raw.FPDFPageObj_GetType, raw.FPDF_PAGEOBJ_FORM
    n = count(parent)
    if n < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(n):
        obj = get(parent, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = kind_of(obj)
        if kind == raw.FPDF_PAGEOBJ_UNKNOWN:
            raise pdfium.PdfiumError(_UNKNOWN)
        if kind in kinds:
            yield obj
        if kind == form_kind and level < _FORM_DEPTH - 1:
            yield from _objects(obj, kinds, True, level + 1)


def _actual_text(handle: Any) -> str | None:
    """The /ActualText of the marked content an object is drawn in, if any."""
    import pypdfium2.raw as raw

    buffer = (ctypes.c_ubyte * _MOST)()
    length = ctypes.c_ulong()
    for k in range(raw.FPDFPageObj_CountMarks(handle)):
        mark = raw.FPDFPageObj_GetMark(handle, k)
        # The blob is the string's bytes as the file holds them (the string value is
        # widened byte by byte, dropping those past 0x7F).
        if raw.FPDFPageObjMark_GetParamBlobValue(
            mark, b"ActualText", buffer, _MOST, ctypes.byref(length)
        ):
            data = bytes(buffer)[: min(length.value, _MOST)]
            text = _text_string(data)
            return "".join(c for c in text if c.isprintable()).strip() or None
    return None


def _text_string(data: bytes) -> str:
    """A PDF text string: UTF-16BE after its byte order mark, UTF-8 after its mark (PDF
    2.0), else PDFDocEncoding (read as Latin-1, which it is for letters)."""
    if data[:2] == b"\xfe\xff":
        return data[2:].decode("utf-16-be", "replace")
    if data[:3] == b"\xef\xbb\xbf":
        return data[3:].decode("utf-8", "replace")
    return data.decode("latin-1")


def said_glyphs(
    spans: list[tuple[str, Box]], read: str, place: Callable[[float, float, float, float], Box]
) -> list[Glyph]:
    """Glyphs for each span's text not `read` already (PDFium read it over text objects
    in the same span), its characters evenly along the span's bounds as shown (`place`
    turns a box of user space so): across a wide span, down a tall one."""
    out: list[Glyph] = []
    for text, bounds in spans:
        if text in read:
            continue
        x0, y0, x1, y1 = place(*bounds)
        down = len(text) > 1 and y1 - y0 > x1 - x0
        step = ((y1 - y0) if down else (x1 - x0)) / len(text)
        for k, char in enumerate(text):
            if char.isspace():
                continue  # its place stays white
            if down:
                box = x0, y1 - (k + 1) * step, x1, y1 - k * step
            else:
                box = x0 + k * step, y0, x0 + (k + 1) * step, y1
            size = min(box[2] - box[0], box[3] - box[1]) if down else box[3] - box[1]
            out.append(
                make_glyph(
                    char,
                    box[0],
                    box[2],
                    box[1],
                    box[3],
                    box[1] + _DESCENT * size,
                    size,
                    400,
                    _INDEX + len(out),
                    _FACE,
                )
            )
    return out
