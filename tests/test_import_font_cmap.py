"""Fonts with no ToUnicode map (issue 12): what the font's own tables give back.

A TrueType CID font (Identity-H) written with no ToUnicode: PDFium flags every glyph
unmapped and the page was refused. Its program's `cmap`, read backwards, gives the
characters back where the page shows that the codes are the glyphs it draws
(`reader.importing.fontcmap`); a font whose codes name other glyphs than it draws stays
refused, nothing invented. The page is written by PDFium's own PDF writer (a producer
of its own: `FPDFText_LoadFont` embeds the whole program, codes are its glyph ids) with
a system or cached CJK TrueType font, and its ToUnicode then taken out. CID fonts of the
Adobe-GB1 collection with a predefined CMap and no ToUnicode are read by PDFium itself.
"""

from __future__ import annotations

import ctypes
import io
import json
import re
import zlib
from pathlib import Path

import fieldpdf as F
import pytest

from reader.errors import ReaderError
from reader.importing.pdf import PdfPage, read_pdf

_FONTS = (
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
    Path.home() / ".cache" / "reader-fonts" / "NotoSansSC_400Regular.ttf",
)


def _font() -> bytes:
    for path in _FONTS:
        if path.is_file():
            return path.read_bytes()
    pytest.skip("no CJK TrueType font here (fonts-droid-fallback, or typesetgen's cache)")


def _read(data: bytes) -> PdfPage:
    (page,) = read_pdf(data, "page.pdf")
    return page


def _items(page: PdfPage) -> object:
    assert page.structure is not None
    return json.loads(page.structure[0].to_json())["items"]


@pytest.fixture(scope="module")
def twin() -> PdfPage:
    return _read(F.upright())


@pytest.fixture(scope="module")
def written() -> bytes:
    """fieldpdf's article set by PDFium's writer in one TrueType CID font."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    data = _font()
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(F.WIDTH, F.HEIGHT)
    program = (ctypes.c_ubyte * len(data)).from_buffer_copy(data)
    font = raw.FPDFText_LoadFont(doc.raw, program, len(data), raw.FPDF_FONT_TRUETYPE, 1)
    lines = [(F.HEADLINE, 54, F.HEIGHT - 60, 20)]
    lines += [(line, 60, F.HEIGHT - 100 - 18 * k, 12) for k, line in enumerate(F.LINES)]
    for text, x, y, size in lines:
        obj = raw.FPDFPageObj_CreateTextObj(doc.raw, font, size)
        wide = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        raw.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(ctypes.c_ushort)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    doc.save(out)
    pdf = out.getvalue()
    assert len(re.findall(rb"/ToUnicode \d+ 0 R", pdf)) == 1
    return pdf


def _no_tounicode(pdf: bytes) -> bytes:
    """The PDF with its font's ToUnicode reference blanked (offsets kept)."""
    return re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), pdf)


def _other_glyphs(pdf: bytes) -> bytes:
    """An incremental update giving the CID font a CIDToGIDMap that draws, for each code
    the page uses, the glyph of the next code: the codes no longer name the glyphs drawn."""
    number, body = next(
        (int(m.group(1)), m.group(2))
        for m in re.finditer(rb"(\d+) 0 obj\s*(<<.*?>>)\s*endobj", pdf, re.S)
        if b"/CIDFontType2" in m.group(2)
    )
    used: set[int] = set()
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text = zlib.decompress(stream.group(1))
        except zlib.error:
            continue
        for run in re.findall(rb"<([0-9A-Fa-f]+)>\s*Tj|\[(.*?)\]\s*TJ", text):
            for hexa in re.findall(rb"[0-9A-Fa-f]{4}", b"".join(run)):
                used.add(int(hexa, 16))
    codes = sorted(used)
    assert len(codes) > 20
    table = bytearray(2 * (codes[-1] + 1))
    for k, code in enumerate(codes):
        table[2 * code : 2 * code + 2] = codes[(k + 1) % len(codes)].to_bytes(2, "big")
    stream_number = int(re.findall(rb"/Size (\d+)", pdf)[-1])
    font = body.replace(b"<<", b"<</CIDToGIDMap %d 0 R" % stream_number, 1)
    start = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    out = bytearray(pdf)
    offsets = {}
    offsets[number] = len(out)
    out += b"\n%d 0 obj\n" % number + font + b"\nendobj\n"
    offsets[stream_number] = len(out) + 1
    out += b"\n%d 0 obj\n<</Length %d>>stream\n" % (stream_number, len(table))
    out += bytes(table) + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for n in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (n, offsets[n])
    root = re.findall(rb"/Root (\d+ \d+ R)", pdf)[-1]
    out += b"trailer\n<</Size %d /Root %s /Prev %d>>\n" % (stream_number + 1, root, start)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_the_written_page_reads_as_the_twin(written: bytes, twin: PdfPage) -> None:
    page = _read(written)
    assert page.text == twin.text and _items(page) == _items(twin)


def test_a_truetype_cid_font_without_tounicode_reads_through_its_own_cmap(
    written: bytes, twin: PdfPage
) -> None:
    page = _read(_no_tounicode(written))
    assert page.text == twin.text
    assert _items(page) == _items(twin)
    assert page.notes == ()


def test_codes_that_name_other_glyphs_than_drawn_are_not_read_through_the_cmap(
    written: bytes,
) -> None:
    """Read through the cmap, these codes would give the twin's text while the page
    draws other characters: the boxes PDFium measures disagree, so nothing is read."""
    shifted = _other_glyphs(_no_tounicode(written))
    with pytest.raises(ReaderError, match="map no characters to Unicode"):
        _read(shifted)


def test_the_shifted_map_is_what_pdfium_draws(written: bytes) -> None:
    """The update above takes: with its ToUnicode kept, the page still says the twin's
    text, while its glyphs' boxes are other glyphs' (PDFium reads the map)."""
    import pypdfium2 as pdfium

    def boxes(data: bytes) -> list[tuple[float, ...]]:
        text = pdfium.PdfDocument(data)[0].get_textpage()
        return [tuple(round(v, 1) for v in text.get_charbox(i)) for i in range(6)]

    assert boxes(_other_glyphs(written)) != boxes(written)


def _gb1(encoding: bytes, codes: str) -> bytes:
    """fieldpdf's page with STSong-Light under another predefined CMap of Adobe-GB1."""
    font = F._FONT.replace(b"/UniGB-UCS2-H", encoding)
    pages = [F.Page(F.article())]
    pdf = F.pdf(pages)
    assert F._FONT in pdf
    pdf = pdf.replace(F._FONT, font)
    out = []
    for piece in re.split(
        rb"(<< /Length \d+ /Filter /FlateDecode >>\nstream\n.*?\nendstream)", pdf, flags=re.S
    ):
        found = re.match(
            rb"<< /Length \d+ /Filter /FlateDecode >>\nstream\n(.*)\nendstream", piece, re.S
        )
        if not found:
            out.append(piece)
            continue
        content = zlib.decompress(found.group(1)).decode("latin-1")
        content = re.sub(
            r"<([0-9A-F]+)>",
            lambda m: "<" + bytes.fromhex(m.group(1)).decode("utf-16-be").encode(codes).hex() + ">",
            content,
        )
        data = zlib.compress(content.encode("latin-1"))
        out.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
    return _reindexed(b"".join(out))


def _reindexed(pdf: bytes) -> bytes:
    """The file's xref table written again for its objects' new offsets."""
    body = pdf[: pdf.rindex(b"xref\n")]
    offsets = [m.start() for m in re.finditer(rb"(?m)^\d+ 0 obj\n", body)]
    out = bytearray(body)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        len(body),
    )
    return bytes(out)


@pytest.mark.parametrize(("encoding", "codes"), [(b"/GBK-EUC-H", "gbk"), (b"/GB-EUC-H", "gb2312")])
def test_adobe_gb1_cmaps_without_tounicode_read_as_the_twin(
    twin: PdfPage, encoding: bytes, codes: str
) -> None:
    page = _read(_gb1(encoding, codes))
    assert page.text == twin.text and _items(page) == _items(twin)


def test_a_glyph_two_characters_share_reads_as_the_unified_ideograph() -> None:
    """A cmap (format 12) giving one glyph to 㬵 (Extension A) and 胶, another to ⼈ (a
    radical) and 人, a third to U+301C and U+FF5E: the ideographs of the Unified block, else the
    lower code point."""
    import struct

    from reader.importing.fontcmap import _cmap

    groups = [(0x2F08, 5), (0x301C, 7), (0x3B35, 9), (0x4EBA, 5), (0x80F6, 9), (0xFF5E, 7)]
    sub = struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, len(groups))
    sub += b"".join(struct.pack(">III", c, c, g) for c, g in groups)
    table = struct.pack(">HHHHI", 0, 1, 3, 10, 12) + sub
    assert _cmap(table) == {5: 0x4EBA, 7: 0x301C, 9: 0x80F6}


def test_a_cmap_whose_groups_overlap_is_no_map() -> None:
    """Groups out of the spec's order (a hostile font could make them overlap a million
    times over) are read as no map: the walk stays within Unicode's code points."""
    import struct

    from reader.importing.fontcmap import _cmap

    groups = [(0x4E00, 0x10FFFF, 5)] * 3
    sub = struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, len(groups))
    sub += b"".join(struct.pack(">III", *g) for g in groups)
    assert _cmap(struct.pack(">HHHHI", 0, 1, 3, 10, 12) + sub) == {}
