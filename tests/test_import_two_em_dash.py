"""A glyph read as more than one character (issue 12): ⸺ (TWO-EM DASH) reads as `——`.

LuaLaTeX's ToUnicode states Noto CJK's dash ligature as the code point the font's cmap
gives it, U+2E3A, and `reader.importing.sharedglyphs` reads it as the two dashes printed:
one glyph whose `char` is two characters. Import took every glyph's `char` for one
character in two places (`ord`): a page with such a glyph next to characters standing one
under another (the vertical-run seeds) stopped with a TypeError, a traceback for the user.
"""

from __future__ import annotations

import fieldpdf as F

from reader.importing.glyphs import make_glyph
from reader.importing.pdf import read_pdf
from reader.importing.producers import dashes

H = F.HEIGHT


def test_a_two_em_dash_under_two_stacked_characters_is_read() -> None:
    extra, font = F.bitmap_font("评论\u2e3a丁")
    lines = "".join(
        f"BT /F2 14 Tf 250 {H - y:g} Td ({code}) Tj ET\n"
        for code, y in (("A", 150), ("B", 166), ("C", 182))
    )
    (page,) = read_pdf(F.pdf([F.Page(F.article() + lines)], fonts=[font], extra=extra), "x")
    assert "——" in page.text
    assert "".join(page.text.split()).count("—") == 2


def test_dash_ligatures_pass_over_a_glyph_of_two_characters() -> None:
    """Ghostscript's made-up unit after a dash (`—ᐨ`) on a page that also holds a ⸺
    glyph read as `——`: the ligature is mended, the other glyph left as it is."""
    glyphs = [
        make_glyph("\u2014", 30, 50, 0, 10, 2, 10, 400, 1, 1),
        make_glyph("\u1428", 30, 50, 0, 10, 2, 10, 400, 2, 1),
        make_glyph("——", 60, 80, 0, 10, 2, 10, 400, 3, 1),
    ]
    joined = [False, True, False]
    dashes(glyphs, joined)
    assert [g.char for g in glyphs] == ["\u2014", "\u2014", "——"]
    assert len(joined) == 3
