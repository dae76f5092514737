"""Field shapes of round 19 (issue 12): an OCR layer set in a Type 3 font that states no
box for its glyphs, and CJK subfonts a PostScript round trip re-encoded as WinAnsi (poppler's
`pdftops`, then Ghostscript). Each reads as the upright twin of `fieldpdf`, or says what it
leaves out, or is refused in one line; nothing is invented. Read in process."""

from __future__ import annotations

import json

import fieldpdf as F
import pytest

from reader.errors import ReaderError
from reader.importing.pdf import PdfPage, read_pdf

_CHARS = sorted(set(F.HEADLINE + "".join(F.LINES)))
_CODE = {c: k + 1 for k, c in enumerate(_CHARS)}


def _read(data: bytes) -> PdfPage:
    pages = read_pdf(data, "page.pdf")
    assert len(pages) == 1
    return pages[0]


def _items(page: PdfPage) -> list[dict[str, object]]:
    assert page.structure is not None
    found: list[dict[str, object]] = json.loads(page.structure[0].to_json())["items"]
    return found


def _stream(text: str) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text.encode("latin-1"))


def _ocr_font(bbox: str, proc: str) -> tuple[list[bytes], bytes]:
    """An OCR layer's Type 3 font: every glyph one em wide and drawing nothing, a
    ToUnicode giving each its character; objects 4 (the glyphs' one procedure) and 5."""
    pairs = " ".join(f"<{_CODE[c]:02X}> <{ord(c):04X}>" for c in _CHARS)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
        "1 begincodespacerange <00> <FF> endcodespacerange "
        f"{len(_CHARS)} beginbfchar {pairs} endbfchar endcmap "
        "CMapName currentdict /CMap defineresource pop end end"
    )
    names = " ".join(f"/g{_CODE[c]}" for c in _CHARS)
    procs = " ".join(f"/g{_CODE[c]} 4 0 R" for c in _CHARS)
    font = (
        f"<< /Type /Font /Subtype /Type3 /FontBBox [{bbox}] /FontMatrix [0.001 0 0 0.001 0 0] "
        f"/CharProcs << {procs} >> /Encoding << /Type /Encoding /Differences [1 {names}] >> "
        f"/FirstChar 1 /LastChar {len(_CHARS)} /Widths [{' '.join(['1000'] * len(_CHARS))}] "
        "/Resources << >> /ToUnicode 5 0 R >>"
    )
    return [_stream(proc), _stream(cmap)], font.encode("latin-1")


def _ocr_line(text: str, x: float, y: float, size: float) -> str:
    codes = "".join(f"{_CODE[c]:02X}" for c in text)
    return f"BT /F2 {size:g} Tf 3 Tr {x:g} {y:g} Td <{codes}> Tj ET\n"


def _ocr_page(bbox: str, proc: str) -> bytes:
    """The scan with its OCR layer, a text object a line, invisible (render mode 3)."""
    text = _ocr_line(F.HEADLINE, 54, F.HEIGHT - 60, 20)
    for k, line in enumerate(F.LINES):
        text += _ocr_line(line, 60, F.HEIGHT - 100 - 18 * k, 12)
    extra, font = _ocr_font(bbox, proc)
    page = F.Page(F.image(0, 0, F.WIDTH, F.HEIGHT) + text)
    return F.pdf([page], extra=extra, fonts=[font])


@pytest.mark.parametrize(
    ("bbox", "proc"),
    [("0 0 0 0", "1000 0 d0"), ("0 0 0 0", "1000 0 0 0 0 0 d1"), ("0 0 1000 1000", "1000 0 d0")],
)
def test_an_ocr_layer_whose_type3_glyphs_state_no_box_reads_as_the_twin(
    bbox: str, proc: str
) -> None:
    # A FontBBox of [0 0 0 0] gave every glyph a box no higher than a line: every line
    # stood alone in white, each read as a paragraph (a brief) of its own.
    twin = _read(F.upright())
    page = _read(_ocr_page(bbox, proc))
    assert page.text == twin.text and page.notes == ()
    assert _items(page) == _items(twin)


def _latin_face(name: str) -> bytes:
    """A CJK subfont as a PostScript round trip leaves it: a simple font, WinAnsi, no
    ToUnicode, every glyph an em wide (PDFium reads 人 as `!`)."""
    return (
        f"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /Encoding /WinAnsiEncoding "
        f"/FirstChar 32 /LastChar 126 /Widths [{' '.join(['1000'] * 95)}] "
        f"/FontDescriptor << /Type /FontDescriptor /FontName /{name} /Flags 4 "
        "/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        "/CapHeight 880 /StemV 80 >> >>"
    ).encode("latin-1")


def _latin_lines(rows: int, y: float) -> str:
    out = ""
    for k in range(rows):
        codes = "".join(chr(0x21 + (7 * k + n) % 90) for n in range(15))
        codes = codes.replace("\\", "/").replace("(", "<").replace(")", ">")
        out += f"BT /F2 12 Tf 60 {y - 18 * k:g} Td ({codes}) Tj ET\n"
    return out


def test_a_cjk_subfont_reencoded_as_latin_is_left_out_and_said() -> None:
    # Its glyphs read as `!"#$%&'()*+,-./` on lines of their own: text invented.
    twin = _read(F.upright())
    data = F.pdf(
        [F.Page(F.article() + _latin_lines(3, 150))],
        fonts=[_latin_face("DUCBPA+NotoSerifSC-Regular_01")],
    )
    page = _read(data)
    assert page.text == twin.text
    assert page.notes == ("45 glyphs left out: no character for it in its font (no ToUnicode)",)


def test_a_page_wholly_in_reencoded_subfonts_is_refused_in_one_line() -> None:
    data = F.pdf([F.Page(_latin_lines(12, 380))], fonts=[_latin_face("TKXEHU+NotoSerifSC_00")])
    with pytest.raises(ReaderError, match="map no characters"):
        read_pdf(data, "page.pdf")


def test_latin_text_in_a_latin_face_is_read() -> None:
    # The same codes half an em wide, as a Latin face draws them: no lie, read as set.
    face = _latin_face("Helvetica").replace(b" ".join([b"1000"] * 95), b" ".join([b"556"] * 95))
    page = _read(F.pdf([F.Page(F.article() + _latin_lines(3, 150))], fonts=[face]))
    assert page.notes == () and "!\"#$%&'" in page.text.replace(" ", "")


_STORY = (
    "　　本报讯　连日来，江南各地抓住",
    "晴好天气，组织农民抢修水利，备足",
    "种子化肥，田间地头一片繁忙景象。",
    "　　据了解，今年全省计划播种早稻",
    "八百万亩，比去年增加三成以上。",
    "　　省农业厅负责人说，今年将在全",
    "省推广优良品种，提高粮食单产，确",
    "保全年粮食生产稳定增长。",
)


def test_a_spread_whose_headline_runs_across_the_fold_is_one_page_read_in_order() -> None:
    """Decided: no white down its middle, so the sheet is not cut in two (the headline
    would be cut with it); its one story reads whole, the left page's column first."""
    content = F.show("江南水乡迎来春耕生产大忙季节", F.WIDTH - 210, F.HEIGHT - 70, 30)
    for k, line in enumerate(_STORY):
        column, row = divmod(k, 5)
        content += F.show(line, (60, F.WIDTH + 50)[column], F.HEIGHT - 120 - 18 * row, 12)
    pages = read_pdf(F.pdf([F.Page(content, (0, 0, 2 * F.WIDTH, F.HEIGHT))]), "sheet.pdf")
    assert len(pages) == 1 and pages[0].notes == ()
    assert "江南水乡迎来春耕生产大忙季节\n" in pages[0].text
    paragraphs = _items(pages[0])[0]["paragraphs"]
    assert paragraphs == [
        "连日来，江南各地抓住晴好天气，组织农民抢修水利，备足种子化肥，田间地头一片繁忙景象。",
        "据了解，今年全省计划播种早稻八百万亩，比去年增加三成以上。",
        "省农业厅负责人说，今年将在全省推广优良品种，提高粮食单产，确保全年粮食生产稳定增长。",
    ]


@pytest.mark.parametrize("width", ["1000", "500"])
def test_a_glyph_mapped_to_nul_is_said_left_out(width: str) -> None:
    # A notdef glyph (Typst draws a tofu box for a character its fonts lack, in a
    # fallback font, mapped to U+0000) was dropped as a control character, unsaid;
    # an em wide, as a suspect map's lie that reads as a control.
    twin = _read(F.upright())
    extra, font = F.bitmap_font("\x00")
    font = font.replace(b"/Widths [1000 1000 1000 1000]", f"/Widths [{width} 0 0 0]".encode())
    line = "BT /F2 12 Tf 60 150 Td (A) Tj ET\n"
    page = _read(F.pdf([F.Page(F.article() + line)], extra=extra, fonts=[font]))
    assert page.text == twin.text
    assert page.notes == ("1 glyph left out: no character for it in its font (no ToUnicode)",)


def _named(name: str) -> bytes:
    """STSong-Light under another name, its stem stated as Ghostscript's pdfwrite states
    Noto's (/StemV 438, no /FontWeight: PDFium reads weight 1892 whatever the face)."""
    return F._FONT.replace(b"/STSong-Light", b"/" + name.encode()).replace(
        b"/StemV 93", b"/StemV 438"
    )


def test_weights_past_any_face_are_read_from_the_font_names() -> None:
    # Through Ghostscript a bold photo title and its regular caption both weighed 1892:
    # the title read as the caption's first line (whole-typeset+gs headlines 86.0).
    import pypdfium2 as pdfium

    from reader.importing.textpage import page_glyphs

    content = F.show(F.HEADLINE, 54, F.HEIGHT - 60, 12).replace("/F1", "/F2")
    content += F.show(F.LINES[1], 60, F.HEIGHT - 100, 12).replace("/F1", "/F3")
    fonts = [_named("ABCDEF+NotoSansSC-Bold"), _named("GHIJKL+NotoSerifSC-Regular")]
    doc = pdfium.PdfDocument(F.pdf([F.Page(content)], fonts=fonts))
    try:
        glyphs, _ = page_glyphs(doc[0].get_textpage())
    finally:
        doc.close()
    weights = {g.char: g.weight for g in glyphs}
    assert weights[F.HEADLINE[0]] == 700 and weights[F.LINES[1][0]] == 400
