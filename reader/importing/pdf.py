"""PDF pages -> page text, through pypdfium2 (PDFium: BSD/Apache), imported lazily.

Every character comes with its box and font size from PDFium's text page; the
geometry in `reader.importing.reading_order` turns them into lines in reading order. Problems
with the file itself (not a PDF, damaged, locked with a password, no text
layer) are one-line `ReaderError`s naming the file.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from typing import Any

from reader.errors import ReaderError
from reader.importing.actualtext import drawings, said_glyphs
from reader.importing.frame import frame_of, half, shown_size, sideways, spread_fold
from reader.importing.reading_order import Glyph, layout
from reader.importing.textpage import page_glyphs, stroked_objects
from reader.importing.turned import lay_flat
from reader.importing.type3 import type3_faces
from reader.importing.typography import byline_row, is_byline
from reader.importing.vertical import Run, insert, take
from reader.model import Page

Box = tuple[float, float, float, float]

_HEADER_WINDOW = 1024  # the %PDF- header may follow some junk (the spec allows 1 KB)
_EOF_WINDOW = 2048  # a complete PDF ends with %%EOF near its end
_MAX_UNMAPPED = 0.5  # share of glyphs without Unicode past which a page is unreadable
_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")


# One glyph of a CJK font drawn for two code points: a writer that maps glyphs back to
# Unicode from the font (xdvipdfmx's ToUnicode) may name the other one. Noto SC's
# centred `…` is also U+22EF, its `·` also U+30FB, its `①`-`⑩` also U+2780-2789;
# Chinese text means the first of each pair.
@dataclass(frozen=True)
class PdfPage:
    """One page of a PDF: its number among the pages read (a spread is two), its text,
    and itself as a PDF."""

    number: int
    text: str
    pdf: bytes
    has_text: bool
    structure: tuple[Page, list[list[Box]]] | None = None
    notes: tuple[str, ...] = ()  # what import leaves out or doubts, said as it files
    untrusted: int = 0  # characters read as U+FFFD: their font's map lies about them


def check_pdf_bytes(data: bytes, name: str) -> None:
    """Refuse what is not a whole PDF before handing it to PDFium."""
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise ReaderError(f"{name}: not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise ReaderError(f"{name}: damaged PDF (no %%EOF at the end: cut short?)")


def _open(data: bytes, name: str) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        code = getattr(err, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise ReaderError(
                f"{name}: encrypted PDF (needs a password); decrypt it first"
            ) from None
        if code == raw.FPDF_ERR_SECURITY:
            raise ReaderError(
                f"{name}: encrypted PDF with an unsupported security scheme"
            ) from None
        if code == raw.FPDF_ERR_SUCCESS:  # an empty page tree: "(PDFium: Success)" said
            raise ReaderError(f"{name}: the PDF has no pages") from None
        raise ReaderError(f"{name}: damaged PDF ({err})") from None
    if len(doc) == 0:
        doc.close()
        raise ReaderError(f"{name}: the PDF has no pages")
    return doc


def _single_page(doc: Any, index: int, data: bytes, crop: Box | None = None) -> bytes:
    """Page `index` of `doc` as a PDF of its own, the same bytes every time; cropped to
    `crop` (user space), one page of a spread."""
    import pypdfium2 as pdfium

    new = pdfium.PdfDocument.new()
    try:
        new.import_pages(doc, [index])
        if crop is not None:
            page = new[0]
            page.set_cropbox(*crop)
            page.close()
        buffer = io.BytesIO()
        new.save(buffer)
        out = buffer.getvalue()
    finally:
        new.close()
    # PDFium stamps each saved file with a random /ID and the time of day; derive
    # both from the source instead, so the same PDF imported again gives the same
    # bytes. Replacements keep their length, so the xref offsets still hold.
    digest = hashlib.sha256(data + index.to_bytes(4, "big")).hexdigest()[:32].upper().encode()
    out = _ID.sub(lambda m: b"/ID[<" + digest + b"><" + digest + b">]", out)
    found = _DATE.search(data)
    stamp = found.group(2) if found else b"20000101000000"
    return _DATE.sub(lambda m: m.group(1) + stamp, out)


def same_pdf(a: bytes, b: bytes) -> bool:
    """Equal PDFs, ignoring the /ID and dates a PDF writer may have made up."""
    if a == b:
        return True
    return _DATE.sub(b"", _ID.sub(b"", a)) == _DATE.sub(b"", _ID.sub(b"", b))


def read_pdf(data: bytes, name: str, most: int | None = None) -> list[PdfPage]:
    """Every page of a PDF with its text; refuses PDFs without any text layer, and
    (`most`) those of more pages than an issue holds, before reading any of them."""
    check_pdf_bytes(data, name)
    doc = _open(data, name)
    if most is not None and len(doc) > most:
        count = len(doc)
        doc.close()
        raise ReaderError(f"{name}: {count} pages, more than an issue holds (1 to {most})")
    type3 = type3_faces(data)
    import pypdfium2 as pdfium

    index = 0
    try:
        pages: list[PdfPage] = []
        objects = 0
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            turned: list[tuple[Glyph, bool]] = []
            lies: list[int] = []
            flipped: list[int] = []
            try:
                frame, stroked = frame_of(page, textpage), stroked_objects(page)
                glyphs, unmapped = page_glyphs(
                    textpage, stroked, turned, type3, frame, lies, flipped
                )
                if (side := sideways(frame, turned, len(glyphs), flipped[0])) is not None:
                    frame, turned = side, []  # stored and shown on its side: read it turned
                    lies.clear()
                    glyphs, unmapped = page_glyphs(textpage, stroked, turned, type3, frame, lies)
                boxes, spans = drawings(page)
                spans = [(said, box) for said, box in spans if frame.shows(*box)]
                drawn = [frame.rect(*b) for b in boxes] if glyphs or turned or spans else []
                if spans:  # drawn as pictures or outlines, said in /ActualText
                    glyphs += said_glyphs(spans, "".join(g.char for g in glyphs), frame.rect)
                glyphs, standing, turned = take(glyphs, drawn, turned)
                glyphs += lay_flat(turned, drawn, glyphs)
            finally:
                textpage.close()
                page.close()
            if unmapped and unmapped > _MAX_UNMAPPED * (unmapped + len(glyphs)):
                raise ReaderError(
                    f"{name}: page {index + 1}: its fonts map no characters to Unicode, "
                    "so its text cannot be read"
                )
            fold = spread_fold(frame, glyphs)
            untrusted = sum(lies)
            notes = _notes(glyphs, unmapped, untrusted)
            if fold is not None:
                width, height = shown_size(frame)
                notes += (
                    f"{width:.0f} x {height:.0f} pt, two pages side by side (a spread) with "
                    "white down its middle: imported as two pages",
                )
            for part in (None,) if fold is None else (False, True):
                parts = (
                    (glyphs, standing, drawn)
                    if part is None
                    else _half(glyphs, standing, drawn, fold or 0.0, part)
                )
                lines = layout(parts[0], parts[2], is_byline, byline_row)
                insert(lines, parts[1])
                text = lines.text()
                if not text.strip():
                    objects += _text_objects(doc, index)
                crop = None if part is None else half(frame, fold or 0.0, part)
                whole = len(doc) == 1 and crop is None
                pdf = data if whole else _single_page(doc, index, data, crop)
                number = len(pages) + 1
                structure = _structure(lines, parts[2], number) if text.strip() else None
                if structure is not None and frame.turn:  # regions are stored in user space
                    structure = structure[0], [[frame.unturned(b) for b in r] for r in structure[1]]
                pages.append(
                    PdfPage(number, text, pdf, bool(text.strip()), structure, notes, untrusted)
                )
                notes, untrusted = (), 0  # said once, with the spread's first page
    except pdfium.PdfiumError as err:  # a page object the document's table points past
        raise ReaderError(f"{name}: page {index + 1}: damaged PDF ({err})") from None
    finally:
        doc.close()
    if not any(p.has_text for p in pages):
        if objects:
            raise ReaderError(
                f"{name}: PDFium finds text objects but no readable text in them "
                "(lone glyphs of a font that is not embedded?)"
            )
        raise ReaderError(f"{name}: no text layer (a scan?); reader does no OCR")
    return pages


def _half(
    glyphs: list[Glyph], standing: list[Run], drawn: list[Box], fold: float, right: bool
) -> tuple[list[Glyph], list[Run], list[Box]]:
    """The glyphs, vertical heads and drawings of one page of a spread folding at `fold`
    (as shown): those whose middle lies on its side; a drawing across the fold (a rule,
    a frame round the sheet) is cut there."""
    cut: list[Box] = []
    for x0, y0, x1, y1 in drawn:
        x0, x1 = (max(x0, fold), x1) if right else (x0, min(x1, fold))
        if x0 < x1 or (x0 == x1 and (x0 > fold) == right):
            cut.append((x0, y0, x1, y1))
    return (
        [g for g in glyphs if (g.x0 + g.x1 > 2 * fold) == right],
        [r for r in standing if (r.x0 + r.x1 > 2 * fold) == right],
        cut,
    )


def _notes(glyphs: list[Glyph], unmapped: int, untrusted: int) -> tuple[str, ...]:
    """What to say of a page as it is filed: glyphs no font maps to a character (left
    out: DESIGN's nothing lost unsaid), characters read as U+FFFD because their font's
    map lies (`reader.importing.producers`)."""
    out = []
    if unmapped:
        out.append(
            f"{unmapped} glyph{'s' if unmapped > 1 else ''} left out: "
            "no character for it in its font (no ToUnicode)"
        )
    if untrusted:
        out.append(
            f"{untrusted} characters whose font's Unicode map cannot be trusted (a PDF "
            "rewritten by another program?), imported as \ufffd"
        )
    return tuple(out)


def _structure(lines: Any, drawn: list[Box], number: int) -> tuple[Page, list[list[Box]]] | None:
    from reader.importing.structure import build

    return build(lines, drawn, number)


def _text_objects(doc: Any, index: int) -> int:
    """How many text objects a page draws, read or not."""
    import pypdfium2.raw as raw

    page = doc[index]
    try:
        return sum(1 for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_TEXT,)))
    finally:
        page.close()
