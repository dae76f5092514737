"""The same page written again by another PDF producer imports as the same page
(issue 12: the private set comes from another typesetting engine).

Producers state one font differently: its Ascent and Descent (Typst the em box,
Chromium and cairo the face's line metrics, Ghostscript its FontBBox), which PDFium's
loose boxes follow; its ToUnicode map (Ghostscript's `pdfwrite` writes garbage for
Chromium's fonts: 国 as ÿ, 。 as 2). reader.importing.producers; bench/rewrite.py
scores whole generator rows so.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from handset import line

from reader.errors import ReaderError
from reader.importing.glyphs import Glyph
from reader.importing.pdf import read_pdf
from reader.importing.producers import _WIDE, UNTRUSTED, line_box, suspect
from reader.importing.reading_order import layout
from reader.importing.typography import byline_row, is_byline

BENCH = Path(__file__).resolve().parent.parent / "bench"

# (over, under) the baseline in ems: what three producers state for Noto CJK
TYPST, CHROMIUM, GHOSTSCRIPT = (0.88, 0.12), (1.16, 0.288), (1.804, 1.044)


def _boxed(glyphs: list[Glyph], metrics: tuple[float, float]) -> list[Glyph]:
    over, under = metrics
    out = []
    for g in glyphs:
        bottom, top = g.baseline - under * g.size, g.baseline + over * g.size
        bottom, top = line_box(bottom, top, g.baseline, g.size)
        out.append(Glyph(g.char, g.x0, g.x1, bottom, top, g.baseline, g.size, g.weight))
    return out


def _story() -> list[Glyph]:
    """A 28-point headline over three columns of body type set 1.28 em apart."""
    glyphs = line("刘澜涛同志遗体在京火化", 36.0, 748.6, 28.3, 900)
    rows = ["江泽民李鹏乔石朱镕基李", "刘澜涛同志是我党党务工", "菊、温家宝、谢非、曾庆红"]
    for n in range(6):
        for k, text in enumerate(rows):
            glyphs += line(text[n:] + text[:n], 36.0 + 130.0 * k, 734.2 - 12.8 * n)
    return glyphs


@pytest.mark.parametrize("metrics", [CHROMIUM, GHOSTSCRIPT])
def test_a_headline_set_tight_on_its_columns_lays_out_whatever_the_stated_metrics(
    metrics: tuple[float, float],
) -> None:
    # Through cairo a Typst page's loose boxes grow from the em box to the line box:
    # the headline's reached 5 points into the columns' first row, which was read as
    # one line across the gutters.
    want = layout(_boxed(_story(), TYPST), [], is_byline, byline_row).text()
    got = layout(_boxed(_story(), metrics), [], is_byline, byline_row).text()
    assert "江泽民李鹏乔石朱镕基李\n" in want
    assert got == want


def test_a_glyph_box_is_held_within_the_tallest_line_box_stated() -> None:
    assert line_box(790.27, 818.81, 800.74, 10.0) == pytest.approx((797.86, 812.34))
    assert line_box(797.86, 812.33, 800.74, 10.0) == (797.86, 812.33)  # as cairo states
    assert line_box(799.54, 809.54, 800.74, 10.0) == (799.54, 809.54)  # as Typst states


def test_a_full_em_glyph_stated_as_a_latin_letter_digit_or_control_is_suspect() -> None:
    for code in (ord("2"), ord("P"), 0xFF, 0x100, 0x7F, 0x01):
        assert suspect(code, 10.0, 10.0)
    assert not suspect(ord("2"), 5.55, 10.0)  # Noto's proportional digit
    assert not suspect(ord("W"), 8.9, 10.0)
    for code in (0x56FD, 0x3002, 0xFF10, 0x2014, 0xB7, 0xB1, 0x3B1):  # 国 。 ０ — · ± alpha
        assert not suspect(code, 10.0, 10.0)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"needs {name}")
    return found


def test_a_typst_page_rewritten_by_cairo_imports_as_the_original(tmp_path: Path) -> None:
    cairo = _tool("pdftocairo")
    sys.path.insert(0, str(BENCH))
    import wholegen

    if not wholegen.TYPESET.available():
        pytest.skip("needs the Typst fonts and the corpus")
    original = tmp_path / "page.pdf"
    original.write_bytes(wholegen.TYPESET.generate(400).pdf)
    rewritten = tmp_path / "cairo.pdf"
    subprocess.run([cairo, "-pdf", str(original), str(rewritten)], check=True)
    (want,) = read_pdf(original.read_bytes(), original.name)
    (got,) = read_pdf(rewritten.read_bytes(), rewritten.name)
    assert "".join(got.text.split()) == "".join(want.text.split())
    assert "1998年" in got.text  # Typst's quarter em between digit and ideograph
    assert want.structure is not None and got.structure is not None
    assert got.structure[0].items == want.structure[0].items


def test_a_map_ghostscript_garbled_is_said_not_imported_silently(tmp_path: Path) -> None:
    gs = _tool("gs")
    sys.path.insert(0, str(BENCH))
    import wholegen

    if not wholegen.CHROME.available():
        pytest.skip("needs Chromium, the Noto fonts and the corpus")
    original = tmp_path / "page.pdf"
    original.write_bytes(wholegen.CHROME.generate(400).pdf)
    rewritten = tmp_path / "gs.pdf"
    cmd = [gs, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-o{rewritten}", str(original)]
    subprocess.run(cmd, check=True)
    (want,) = read_pdf(original.read_bytes(), original.name)
    (got,) = read_pdf(rewritten.read_bytes(), rewritten.name)
    assert want.untrusted == 0

    def latin(text: str) -> set[str]:
        # (a CJK face draws GB 2312's Latin-1 symbols an em wide: ° may be a lie too)
        return {c for c in text if c < "\u0250" and not c.isspace() and ord(c) not in _WIDE}

    # No ÿ, 2 or P where the page prints an ideograph or a mark (Ghostscript 10's
    # ranges run over on a page of a thousand glyphs or so).
    assert latin(got.text) <= latin(want.text)
    assert got.text.count(UNTRUSTED) == got.untrusted
    if got.untrusted:  # this Ghostscript garbles the map: said on stderr, once
        exe = Path(sys.executable).parent / "reader"
        into = ["--library", str(tmp_path / "lib"), "import", str(rewritten)]
        done = subprocess.run(
            [str(exe), *into, "--paper", "p", "--issue", "1998-01-05"],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0
        said = [s for s in done.stderr.splitlines() if "cannot be trusted" in s]
        assert len(said) == 1 and f": {got.untrusted} characters" in said[0]


def test_a_postscript_round_trip_says_its_glyphs_map_no_characters(tmp_path: Path) -> None:
    # pdf2ps makes Type 3 fonts whose glyphs it names a1, a2, ...: Zapf Dingbats'
    # names, which ps2pdf's ToUnicode then states (✁ ✂ ✄ for the ideographs printed).
    pdf2ps, ps2pdf = _tool("pdf2ps"), _tool("ps2pdf")
    sys.path.insert(0, str(BENCH))
    import wholegen

    if not wholegen.TYPESET.available():
        pytest.skip("needs the Typst fonts and the corpus")
    original = tmp_path / "page.pdf"
    original.write_bytes(wholegen.TYPESET.generate(400).pdf)
    subprocess.run([pdf2ps, str(original), str(tmp_path / "page.ps")], check=True)
    subprocess.run([ps2pdf, str(tmp_path / "page.ps"), str(tmp_path / "ps.pdf")], check=True)
    with pytest.raises(ReaderError, match="map no characters to Unicode"):
        read_pdf((tmp_path / "ps.pdf").read_bytes(), "ps.pdf")
