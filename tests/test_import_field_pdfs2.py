"""More shapes of field PDFs (issue 12): text a scanner or an art department draws in ways
the rows never do. Each is read as the upright twin of `fieldpdf` (the same text, the same
items), or says in one note what it leaves out; nothing is invented. Read in process."""

from __future__ import annotations

import json

import fieldpdf as F
import pytest

from reader.errors import ReaderError
from reader.importing.pdf import PdfPage, read_pdf

H = F.HEIGHT
HEAD_AT = f"{H - 60:g}"


def _read(data: bytes) -> PdfPage:
    pages = read_pdf(data, "page.pdf")
    assert len(pages) == 1
    return pages[0]


def _same(page: PdfPage, twin: PdfPage) -> None:
    assert page.text == twin.text
    assert page.structure is not None and twin.structure is not None
    items = [json.loads(p.structure[0].to_json())["items"] for p in (page, twin)]  # type: ignore[index]
    assert items[0] == items[1]


@pytest.fixture(scope="module")
def twin() -> PdfPage:
    page = _read(F.upright())
    assert F.HEADLINE in page.text and page.notes == ()
    return page


def _outlines(x: float, y: float) -> str:
    """The headline as outlines: one filled path a character, 20 pt squares."""
    return "".join(f"{x + 20 * k:g} {y:g} 18 18 re f\n" for k in range(len(F.HEADLINE)))


READ_AS_THE_TWIN = {
    # what PDFium's text page reads itself
    "/ActualText over the headline's own glyphs (not read twice)": F.actual_text(
        F.HEADLINE, F.show(F.HEADLINE, 54, H - 60, 20)
    )
    + F.body(),
    "a headline clipped by its box (its last glyph half cut)": (
        f"q 50 {H - 70:g} 150 30 re W n\n{F.show(F.HEADLINE, 54, H - 60, 20)}Q\n{F.body()}"
    ),
    "white text on a dark band over the whole page": (
        f"0.1 0.1 0.3 rg 0 0 {F.WIDTH:g} {H:g} re f 1 1 1 rg\n{F.article()}"
    ),
    "the headline white on a dark band": (
        f"0.1 0.1 0.3 rg 40 {H - 68:g} 220 30 re f 1 1 1 rg\n"
        f"{F.show(F.HEADLINE, 54, H - 60, 20)}0 g\n{F.body()}"
    ),
    "every line on a band of its own": "".join(
        f"0.8 0.8 0.9 rg 50 {H - 104 - 18 * k:g} 200 17 re f\n" for k in range(5)
    )
    + "0 g\n"
    + F.article(),
    "text in render mode 7 (it only clips, a picture shows through it)": F.article(mode=7)
    + F.image(54, H - 65, 160, 22),
    # drawn as no text at all, said in /ActualText: read from it
    "/ActualText over a picture of the headline": F.actual_text(
        F.HEADLINE, F.image(54, H - 65, 80, 22) + F.image(134, H - 65, 80, 22)
    )
    + F.body(),
    "/ActualText over the headline as outlines": F.actual_text(F.HEADLINE, _outlines(54, H - 62))
    + F.body(),
}


@pytest.mark.parametrize("shape", list(READ_AS_THE_TWIN))
def test_a_shape_reads_as_the_twin(twin: PdfPage, shape: str) -> None:
    page = _read(F.pdf([F.Page(READ_AS_THE_TWIN[shape])]))
    assert page.notes == ()
    _same(page, twin)


def test_actual_text_over_glyphs_without_unicode(twin: PdfPage) -> None:
    """A headline in a font that maps nothing (its glyphs fewer or more than its
    characters), said in /ActualText: read from it, nothing counted as lost."""
    for glyphs in ("AB", "ABCDABCD", "ABCDABCDABCD"):
        drawn = f"BT /F2 20 Tf 54 {HEAD_AT} Td ({glyphs}) Tj ET\n"
        page = _read(
            F.pdf([F.Page(F.actual_text(F.HEADLINE, drawn) + F.body())], fonts=[F._NO_UNICODE])
        )
        assert page.notes == ()
        _same(page, twin)


def test_a_picture_in_a_span_without_actual_text_is_a_picture(twin: PdfPage) -> None:
    """Marked content that says no /ActualText (a tagged PDF's /Figure) adds nothing."""
    figure = "/Figure << /Alt (photo) >> BDC\n" + F.image(60, 40, 180, 120) + "EMC\n"
    page = _read(F.pdf([F.Page(F.article() + figure)]))
    assert page.text == twin.text


def test_scanner_bitmap_glyphs_without_unicode_are_counted_and_said(twin: PdfPage) -> None:
    """A line of a Type 3 bitmap font (a scanner's, its glyphs named /g1...) under the
    article: left out, counted in a note; the article as the twin."""
    extra, font = F.bitmap_font()
    line = "BT /F2 12 Tf 60 40 Td (ABCD) Tj ET\n"
    page = _read(F.pdf([F.Page(F.article() + line)], fonts=[font], extra=extra))
    assert page.notes == ("4 glyphs left out: no character for it in its font (no ToUnicode)",)
    _same(page, twin)


def test_scanner_bitmap_glyphs_with_a_map_are_read() -> None:
    extra, font = F.bitmap_font("春耕农民")
    line = "BT /F2 12 Tf 60 40 Td (ABCD) Tj ET\n"
    page = _read(F.pdf([F.Page(F.article() + line)], fonts=[font], extra=extra))
    assert page.notes == () and page.text.endswith("春耕农民\n")


def test_a_page_of_bitmap_glyphs_only_is_refused_in_one_line() -> None:
    extra, font = F.bitmap_font()
    lines = "".join(f"BT /F2 12 Tf 60 {H - 60 - 18 * k:g} Td (ABCDABCD) Tj ET\n" for k in range(6))
    with pytest.raises(ReaderError) as err:
        read_pdf(F.pdf([F.Page(lines)], fonts=[font], extra=extra), "page.pdf")
    assert str(err.value) == (
        "page.pdf: page 1: its fonts map no characters to Unicode, so its text cannot be read"
    )


_W2 = 2 * F.WIDTH
_SHEET = (
    F.article()
    + F.show("左页", 60, 30, 12)
    + F.article(F.WIDTH, 0)
    + F.show("右页", F.WIDTH + 60, 30, 12)
)
_TURNS = {
    "upright": ("", (0, 0, _W2, H), ""),
    "/Rotate 90": (f"0 1 -1 0 {H:g} 0", (0, 0, H, _W2), "/Rotate 90"),
    "/Rotate 180": (f"-1 0 0 -1 {_W2:g} {H:g}", (0, 0, _W2, H), "/Rotate 180"),
    "/Rotate 270": (f"0 -1 1 0 0 {_W2:g}", (0, 0, H, _W2), "/Rotate 270"),
    "upside down, no /Rotate": (f"-1 0 0 -1 {_W2:g} {H:g}", (0, 0, _W2, H), ""),
}


@pytest.mark.parametrize("turn", list(_TURNS))
def test_a_spread_gives_its_left_page_first(turn: str) -> None:
    """However the sheet is stored, the page shown on the left comes first, and each
    page's own PDF holds that page only."""
    matrix, box, extra = _TURNS[turn]
    content = f"q {matrix} cm\n{_SHEET}Q\n" if matrix else _SHEET
    pages = read_pdf(F.pdf([F.Page(content, box, extra)]), "sheet.pdf")
    assert [p.number for p in pages] == [1, 2]
    assert [("左页" in p.text, "右页" in p.text) for p in pages] == [(True, False), (False, True)]
    again = [read_pdf(p.pdf, "half.pdf")[0].text for p in pages]
    assert [("左页" in t, "右页" in t) for t in again] == [(True, False), (False, True)]
