"""Import round 13: a hung closing mark at a column's end beside an opening mark at
the next column's start whose ink is in its box's right half (pdfgen-typo's squeezed
`“`, its box overlapping the next glyph's: seeds 56 and 415 read two columns as one
from that row on), hand-set."""

from __future__ import annotations

from handset import line, texts

from reader.importing.glyphs import Glyph


def glyph(char: str, x0: float, baseline: float, size: float = 10.0) -> Glyph:
    top, bottom = baseline + 0.75 * size, baseline - 0.25 * size
    return Glyph(char, x0, x0 + size, bottom, top, baseline, size, 400)


def test_a_hung_comma_beside_an_opening_quote_at_the_next_columns_start_is_a_gutter() -> None:
    glyphs: list[Glyph] = []
    for n in range(7):
        base = 600 - 14 * n
        if n != 3:
            glyphs += line("甲" * 10, 0, base) + line("乙" * 10, 112, base)
            continue
        # Column A's line ends `分，` (the comma hung past its edge at 100); column B's
        # starts `“防伪”` at 112, the quote's box overlapping `防`'s.
        glyphs += [*line("甲" * 9 + "分", 0, base), glyph("，", 100, base)]
        glyphs += [glyph("“", 112, base), *line("防伪", 117.3, base), glyph("”", 137.3, base)]
        glyphs += line("乙" * 6, 142.6, base)
    assert "甲甲甲甲甲甲甲甲甲分，" in texts(glyphs)
    assert "“防伪”乙乙乙乙乙乙" in texts(glyphs)
