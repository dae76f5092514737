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
from handset import line, texts

from reader.errors import ReaderError
from reader.importing.glyphs import Glyph
from reader.importing.pdf import PdfPage, read_pdf
from reader.importing.producers import _WIDE, UNTRUSTED, dashes, line_box, suspect
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


def _wrapped() -> list[Glyph]:
    """A 25-point headline wrapped 1.03 em apart, its short last line over a gutter, a
    dateline under it and three columns of body type 1.3 em apart (a Typst page)."""
    glyphs = line("铸就黄金人提前两年实现运行管理自主", 41.0, 1410.0, 25.0, 700)
    glyphs += line("化", 272.0, 1384.3, 25.0, 700)
    glyphs += line("新华社沈阳1月15日电", 237.0, 1371.4, 9.0)
    rows = ["据澳联社报道这一成果是昆士", "处理技术是建立在硝化细菌", "得了关于亚硝化螺菌的专利"]
    for n in range(6):
        for k, text in enumerate(rows):
            glyphs += line(text[n:] + text[:n], 36.0 + 127.0 * k, 1359.9 - 11.67 * n, 9.0)
    return glyphs


def test_a_wrapped_headline_stays_whole_when_its_boxes_reach_into_the_body() -> None:
    # Through cairo (line metrics, 1.45 em tall) every row of the story touches the next,
    # headline lines included: the headline's short last line was peeled after the
    # first column and read as a headline of its own.
    want = layout(_boxed(_wrapped(), TYPST), [], is_byline, byline_row).text()
    got = layout(_boxed(_wrapped(), CHROMIUM), [], is_byline, byline_row).text()
    assert "铸就黄金人提前两年实现运行管理自主化\n" in want
    assert got == want


def test_a_dash_ligature_ghostscript_stated_by_a_made_up_unit_is_its_dashes() -> None:
    # Typst's ——— is one glyph three ems wide mapped to three dashes; Ghostscript states
    # it <2014 1428>, which PDFium reads as —ᐨ.
    glyphs = line("日", 0.0, 800.0, 9.0)
    glyphs += [
        Glyph(c, 9.0, 36.0, 797.75, 806.75, 800.0, 9.0, 400, 7 + k) for k, c in enumerate("—ᐨ")
    ]
    glyphs += line("周", 36.0, 800.0, 9.0)
    joined = [False, True, True, True]
    dashes(glyphs, joined)
    assert "".join(g.char for g in glyphs) == "日———周"
    assert [g.index for g in glyphs[1:4]] == [7, 8, 9] and len(joined) == len(glyphs)
    kept = line("日", 0.0, 800.0, 9.0) + line("ᐨ", 9.0, 800.0, 9.0)  # alone: as stated
    dashes(kept, [False, True])
    assert "".join(g.char for g in kept) == "日ᐨ"


def _dated(gaps: dict[int, float]) -> list[Glyph]:
    """`1998年1月15日星期四` in 10-point type, Typst's quarter em between each digit and
    ideograph, and the white `gaps` (ems) after the glyphs they number."""
    glyphs, x = [], 36.0
    for k, c in enumerate("1998年1月15日星期四"):
        wide = 5.55 if c.isdigit() else 10.0
        glyphs.append(Glyph(c, x, x + wide, 798.8, 808.8, 800.0, 10.0))
        x += wide + 10.0 * gaps.get(k, 0.0)
        if k + 1 < 13 and c.isdigit() != "1998年1月15日星期四"[k + 1].isdigit():
            x += 2.5
    return glyphs


def test_a_word_space_cairo_wrote_no_glyph_for_is_told_beside_quarter_em_autospace() -> None:
    # Typst states the header's space as a glyph 0.224 em wide; cairo leaves only the
    # gap, which the quarter ems between digits and ideographs used to hide (the line's
    # usual gap and its widest beside a digit were both a quarter em).
    assert texts(_dated({9: 0.224})) == ["1998年1月15日 星期四"]
    assert texts(_dated({})) == ["1998年1月15日星期四"]
    assert texts(_dated({9: 0.1})) == ["1998年1月15日星期四"]
    assert texts(_dated({9: 0.25})) == ["1998年1月15日星期四"]  # xeCJK's: as it was read


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


def _page(engine: str, tmp_path: Path) -> Path:
    """Seed 400 of bench/wholegen.py's `engine` (TYPESET, CHROME) as a PDF, or a skip."""
    sys.path.insert(0, str(BENCH))
    import wholegen

    made = getattr(wholegen, engine)
    if not made.available():
        pytest.skip(f"needs {engine.lower()}'s engine, the fonts and the corpus")
    original = tmp_path / "page.pdf"
    original.write_bytes(made.generate(400).pdf)
    return original


def _both(original: Path, rewritten: Path, command: list[str]) -> tuple[PdfPage, PdfPage]:
    """The page `original` holds and the one `command` wrote again as `rewritten`."""
    subprocess.run(command, check=True)
    (want,) = read_pdf(original.read_bytes(), original.name)
    (got,) = read_pdf(rewritten.read_bytes(), rewritten.name)
    return want, got


def test_a_typst_page_rewritten_by_cairo_imports_as_the_original(tmp_path: Path) -> None:
    cairo = _tool("pdftocairo")
    original = _page("TYPESET", tmp_path)
    rewritten = tmp_path / "cairo.pdf"
    want, got = _both(original, rewritten, [cairo, "-pdf", str(original), str(rewritten)])
    assert "".join(got.text.split()) == "".join(want.text.split())
    assert "1998年" in got.text  # Typst's quarter em between digit and ideograph
    assert want.structure is not None and got.structure is not None
    assert got.structure[0].items == want.structure[0].items


def test_a_map_ghostscript_garbled_is_said_not_imported_silently(tmp_path: Path) -> None:
    gs = _tool("gs")
    original = _page("CHROME", tmp_path)
    rewritten = tmp_path / "gs.pdf"
    cmd = [gs, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-o{rewritten}", str(original)]
    want, got = _both(original, rewritten, cmd)
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


def test_typsts_dash_ligatures_rewritten_by_ghostscript_read_as_their_dashes(
    tmp_path: Path,
) -> None:
    gs = _tool("gs")
    original = _page("TYPESET", tmp_path)  # it prints ———
    rewritten = tmp_path / "gs.pdf"
    cmd = [gs, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-o{rewritten}", str(original)]
    want, got = _both(original, rewritten, cmd)
    assert "———" in want.text
    assert not any("\u1400" <= c <= "\u14ff" for c in got.text)
    assert got.text.count("—") == want.text.count("—")


def test_a_postscript_round_trip_says_its_glyphs_map_no_characters(tmp_path: Path) -> None:
    # pdf2ps makes Type 3 fonts whose glyphs it names a1, a2, ...: Zapf Dingbats'
    # names, which ps2pdf's ToUnicode then states (✁ ✂ ✄ for the ideographs printed).
    pdf2ps, ps2pdf = _tool("pdf2ps"), _tool("ps2pdf")
    original = _page("TYPESET", tmp_path)
    subprocess.run([pdf2ps, str(original), str(tmp_path / "page.ps")], check=True)
    subprocess.run([ps2pdf, str(tmp_path / "page.ps"), str(tmp_path / "ps.pdf")], check=True)
    with pytest.raises(ReaderError, match="map no characters to Unicode"):
        read_pdf((tmp_path / "ps.pdf").read_bytes(), "ps.pdf")
