"""PDFs as the field makes them (issue 12): each shape imported through `reader import` in a
real process comes out as its upright twin does (the same text, the same items), or says
what it leaves out. The shapes are built object by object in `fieldpdf`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import fieldpdf as F
import pytest


def importing(tmp_path: Path, data: bytes, name: str = "01.pdf") -> dict[str, Any]:
    """Import `data` as page file `name` into a new library; what came out."""
    tmp_path.mkdir(exist_ok=True)
    pdf = tmp_path / name
    pdf.write_bytes(data)
    lib = tmp_path / "lib"
    env = dict(os.environ, READER_CACHE_DIR=str(tmp_path / "c"), READER_DATA_DIR=str(tmp_path))
    env.pop("READER_LIBRARY", None)
    command = [sys.executable, "-m", "reader", "--library", str(lib), "import", str(pdf)]
    done = subprocess.run(
        [*command, "--paper", "p", "--issue", "k"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    issue = lib / "p" / "k"
    pages = {}
    for text in sorted(issue.glob("*.txt")) if issue.exists() else ():
        structure = text.with_name(text.stem + ".structure.json")
        doc = json.loads(structure.read_text()) if structure.exists() else None
        pages[text.stem] = (text.read_text(encoding="utf-8"), doc)
    return {"code": done.returncode, "err": done.stderr, "pages": pages, "lib": lib}


@pytest.fixture(scope="module")
def twin(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    """The upright page: its text and its structure."""
    out = importing(tmp_path_factory.mktemp("twin"), F.upright())
    assert out["code"] == 0 and out["err"] == "", out["err"]
    text, doc = out["pages"]["01"]
    assert "江南水乡迎来春耕" in text and "八百万亩" in text
    return text, doc


def same_page(out: dict[str, Any], twin: tuple[str, dict[str, Any]], page: str = "01") -> None:
    text, doc = out["pages"][page]
    assert text == twin[0]
    assert doc["items"] == twin[1]["items"] and doc["header"] == twin[1]["header"]


SHAPES = {
    # /Rotate alone shows an upright page on its side: read as stored, as a reader
    # turning their head reads it.
    "rotate 90": F.pdf([F.Page(F.article(), extra="/Rotate 90")]),
    "rotate 180": F.pdf([F.Page(F.article(), extra="/Rotate 180")]),
    "rotate 270": F.pdf([F.Page(F.article(), extra="/Rotate 270")]),
    # stored turned, drawn turned by a matrix, shown upright by /Rotate
    "turned 90": F.turned(90),
    "turned 180": F.turned(180),
    "turned 270": F.turned(270),
    "turned 90 by the page tree's /Rotate": F.turned(90, inherited=True),
    "/Rotate -90": F.turned(270, said=-90),
    # stored and shown on its side, no /Rotate: read as the text runs, as above
    "on its side, reading up": F.turned(90, shown=False),
    "on its side, reading down": F.turned(270, shown=False),
    "upside down, no /Rotate": F.turned(180, shown=False),
    "MediaBox about the origin": F.pdf(
        [F.Page(F.article(-F.WIDTH / 2, -F.HEIGHT / 2), (-F.WIDTH / 2, -F.HEIGHT / 2) * 2)]
    ),
    "MediaBox far from it": F.pdf(
        [F.Page(F.article(1000, 2000), (1000, 2000, 1000 + F.WIDTH, 2000 + F.HEIGHT))]
    ),
    "CropBox trims marks and a slug line": F.cropped(),
    "CropBox and /Rotate 90 together": F.cropped(turned=True),
    "scan with an OCR layer": F.pdf([F.scan(mode=3)]),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_field_shape_imports_as_its_upright_twin(
    tmp_path: Path, twin: tuple[str, dict[str, Any]], shape: str
) -> None:
    out = importing(tmp_path, SHAPES[shape])
    assert out["code"] == 0 and out["err"] == "", out["err"]
    same_page(out, twin)


def test_a_line_upside_down_does_not_turn_the_page(tmp_path: Path) -> None:
    """A few glyphs drawn upside down (a stamp, a mirrored advert line) on an upright
    page: the page is read as stored, its article whole and in order."""
    stamp = f"q -1 0 0 -1 {F.WIDTH:g} {F.HEIGHT:g} cm\n" + F.show("样张", 100, 30, 12) + "Q\n"
    out = importing(tmp_path, F.pdf([F.Page(F.article() + stamp)]))
    assert out["code"] == 0 and out["err"] == "", out["err"]
    text = out["pages"]["01"][0].replace(" ", "")
    at = [text.index(line.replace("\u3000", "")) for line in (F.HEADLINE, *F.LINES)]
    assert at == sorted(at)


def test_regions_of_a_turned_page_are_where_it_draws_them(
    tmp_path: Path, twin: tuple[str, dict[str, Any]]
) -> None:
    """Regions are boxes of the stored page (user space), as on an upright page: under
    /Rotate 90 the text drawn with `0 1 -1 0 H 0 cm` lies at (H - y, x)."""
    out = importing(tmp_path, F.turned(90))
    regions = out["pages"]["01"][1]["regions"]
    expected = [
        [
            [round(F.HEIGHT - top, 1), left, round(F.HEIGHT - bottom, 1), right]
            for left, bottom, right, top in item
        ]
        for item in twin[1]["regions"]
    ]
    flat = [v for item in regions for box in item for v in box]
    assert len(regions) == len(expected) == 1
    assert flat == pytest.approx([v for item in expected for box in item for v in box], abs=0.2)


@pytest.mark.parametrize("copying", [True, False])
def test_encrypted_with_an_empty_user_password_imports(
    tmp_path: Path, twin: tuple[str, dict[str, Any]], copying: bool
) -> None:
    """Most downloaded e-papers: an owner password (no printing, no copying) and an
    empty user password. They open without asking; so does their import, copying
    allowed or not (the user's own file, read as `pdftotext` reads it)."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    def build(path: Path, encrypt: Any) -> bytes:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        canvas = Canvas(str(path), pagesize=(F.WIDTH, F.HEIGHT), encrypt=encrypt, invariant=1)
        canvas.setFont("STSong-Light", 20)
        canvas.drawString(54, F.HEIGHT - 60, F.HEADLINE)
        canvas.setFont("STSong-Light", 12)
        for k, line in enumerate(F.LINES):
            canvas.drawString(60, F.HEIGHT - 100 - 18 * k, line)
        canvas.save()
        return path.read_bytes()

    plain = build(tmp_path / "plain.pdf", None)
    locked = build(
        tmp_path / "locked.pdf", StandardEncryption("", ownerPassword="owner", canCopy=copying)
    )
    assert b"/Encrypt" in locked and b"/Encrypt" not in plain
    first = importing(tmp_path / "a", plain)
    second = importing(tmp_path / "b", locked)
    assert second["code"] == 0 and second["err"] == "", second["err"]
    assert second["pages"] == first["pages"]
    assert second["pages"]["01"][0] == twin[0]


def test_a_scan_among_text_pages_is_filed_empty_and_named(
    tmp_path: Path, twin: tuple[str, dict[str, Any]]
) -> None:
    """A PDF of an issue whose page 2 is a scan (a full-page advert, say): the text
    pages are filed, page 2 as an empty page, and one line names it. A PDF of scans
    only is refused (tests/test_import_pdf.py)."""
    data = F.pdf([F.Page(F.article()), F.scan()])
    out = importing(tmp_path, data)
    assert out["code"] == 0
    assert out["err"].splitlines() == [
        f"reader: {tmp_path / '01.pdf'} (page 2): no text on this page (no OCR); "
        "filed as an empty page 2"
    ]
    same_page(out, twin)
    assert out["pages"]["02"] == ("", None)


def test_a_scan_alone_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    out = importing(tmp_path, F.pdf([F.scan()]))
    assert out["code"] == 2
    assert (
        out["err"]
        == f"reader: {tmp_path / '01.pdf'}: no text layer (a scan?); reader does no OCR\n"
    )
    assert not out["lib"].exists()


@pytest.mark.parametrize("glyphs", [2, 4])
def test_glyphs_without_unicode_are_counted_and_said(
    tmp_path: Path, twin: tuple[str, dict[str, Any]], glyphs: int
) -> None:
    """A font without ToUnicode whose glyph names say nothing: the glyphs cannot become
    characters. The page's other text is filed; how many were left out is said. (A
    line of one such glyph PDFium leaves out of its text page itself: not counted.)"""
    out = importing(tmp_path, F.unmapped(glyphs))
    assert out["code"] == 0
    assert out["err"] == (
        f"reader: {tmp_path / '01.pdf'}: {glyphs} glyphs left out: "
        "no character for it in its font (no ToUnicode)\n"
    )
    same_page(out, twin)


def test_glyphs_without_unicode_outside_a_cropbox_are_not_said(
    tmp_path: Path, twin: tuple[str, dict[str, Any]]
) -> None:
    """A slug line set in such a font, trimmed off by the CropBox: not page text."""
    out = importing(tmp_path, F.unmapped(4, y=10))
    assert out["code"] == 0 and out["err"] == "", out["err"]
    same_page(out, twin)


def test_pages_of_two_sizes_each_import_as_their_twin(
    tmp_path: Path, twin: tuple[str, dict[str, Any]]
) -> None:
    """A tabloid insert in a broadsheet's PDF: page 2 twice the size, its type too."""
    big = F.Page("q 2 0 0 2 0 0 cm\n" + F.article() + "Q\n", (0, 0, 2 * F.WIDTH, 2 * F.HEIGHT))
    out = importing(tmp_path, F.pdf([F.Page(F.article()), big]))
    assert out["code"] == 0 and out["err"] == "", out["err"]
    same_page(out, twin, "01")
    same_page(out, twin, "02")


@pytest.mark.parametrize("turned", [False, True])
def test_a_spread_is_imported_as_its_two_pages(
    tmp_path: Path, twin: tuple[str, dict[str, Any]], turned: bool
) -> None:
    """Two pages side by side on one PDF page between two single pages (also stored on
    its side, shown upright by /Rotate 90): four pages, numbered in order, each as its
    twin and each filed with a PDF cropped to itself, and the spread said."""
    sheet = F.article() + F.article(F.WIDTH, 0)
    spread = F.Page(sheet, (0, 0, 2 * F.WIDTH, F.HEIGHT))
    if turned:
        turn = f"q 0 1 -1 0 {F.HEIGHT:g} 0 cm\n{sheet}Q\n"
        spread = F.Page(turn, (0, 0, F.HEIGHT, 2 * F.WIDTH), "/Rotate 90")
    out = importing(tmp_path, F.pdf([F.Page(F.article()), spread, F.Page(F.article())]))
    assert out["code"] == 0
    assert out["err"] == (
        f"reader: {tmp_path / '01.pdf'} (page 2): 600 x 420 pt, two pages side by side "
        "(a spread) with white down its middle: imported as two pages\n"
    )
    assert sorted(out["pages"]) == ["01", "02", "03", "04"]
    for page in out["pages"]:
        same_page(out, twin, page)
    for page in ("02", "03"):  # each half's own PDF reads as the twin, and only it
        again = importing(tmp_path / page, (out["lib"] / "p" / "k" / f"{page}.pdf").read_bytes())
        assert again["code"] == 0 and again["err"] == "", again["err"]
        same_page(again, twin)


@pytest.mark.parametrize("where", ["text on one half", "a column gutter in the middle"])
def test_a_wide_page_is_no_spread(tmp_path: Path, where: str) -> None:
    """A single page set wide (whole-typeset sets some so): text on one half only, or
    columns across the middle with a gutter of 6 pt there (a spread's fold is white
    over 3% of its width at least)."""
    text = F.article() if where == "text on one half" else F.article(57) + F.article(243)
    out = importing(tmp_path, F.pdf([F.Page(text, (0, 0, 2 * F.WIDTH, F.HEIGHT))]))
    assert out["code"] == 0 and out["err"] == "", out["err"]


# What a reader gets of text a viewer may not show (decided in bench/README.md, pdf19):
# the text layer as the file holds it, within the CropBox. Import does not judge what
# covers what; the page's PDF is kept beside its text, annotations and all.


def test_text_under_a_white_box_is_kept(tmp_path: Path, twin: tuple[str, dict[str, Any]]) -> None:
    covered = F.show("被遮住的文字", 60, 40, 12) + "1 g 50 30 200 30 re f 0 g\n"
    out = importing(tmp_path, F.pdf([F.Page(F.article() + covered)]))
    assert out["code"] == 0 and out["err"] == ""
    assert out["pages"]["01"][0] == twin[0] + " 被遮住的文字\n"


def test_text_in_a_hidden_layer_is_kept(tmp_path: Path, twin: tuple[str, dict[str, Any]]) -> None:
    out = importing(tmp_path, F.hidden_layer())
    assert out["code"] == 0 and out["err"] == ""
    assert out["pages"]["01"][0] == twin[0] + f" {F.HIDDEN}\n"


def test_text_beyond_a_mediabox_without_a_cropbox_is_kept(
    tmp_path: Path, twin: tuple[str, dict[str, Any]]
) -> None:
    """A headline run over the page's edge: cut off by a viewer, kept by import (the
    producer set it; only a CropBox says what is trimmed off)."""
    out = importing(tmp_path, F.pdf([F.Page(F.article() + F.show("页面外的文字", 60, -100, 12))]))
    assert out["code"] == 0 and out["err"] == ""
    assert out["pages"]["01"][0] == twin[0] + " 页面外的文字\n"


def test_annotations_and_form_fields_are_not_page_text(
    tmp_path: Path, twin: tuple[str, dict[str, Any]]
) -> None:
    """A reader's note and a form field's value are not what the paper printed; they
    stay in the page's PDF, which import keeps."""
    note = "<< /Type /Annot /Subtype /FreeText /Rect [60 20 250 40] /Contents (note) >>"
    field = "<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (value) /Rect [60 0 250 18] >>"
    data = F.pdf([F.Page(F.article(), annots=[note, field])])
    out = importing(tmp_path, data)
    assert out["code"] == 0 and out["err"] == ""
    same_page(out, twin)
    assert (out["lib"] / "p" / "k" / "01.pdf").read_bytes() == data
