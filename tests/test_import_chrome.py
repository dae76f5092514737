"""Import round 7: shapes of Chromium's print to PDF (bench/chromegen.py), hand-placed
as the PDFs have them.

- a word space with no glyph (Skia writes none; PDFium's generated spaces are dropped):
  the font's space, under a quarter em, between two names of a byline;
- a closing and an opening mark squeezed into one em (`）（`, the fonts' `halt`) with
  one box, the opening one first in the text layer;
- rows set tighter than the font's ascent and descent (Chromium rounds line heights to
  whole pixels): each row's loose box reaches a little into the next one's.
"""

from __future__ import annotations

from handset import line, texts

from reader.importing import header
from reader.importing.glyphs import Glyph, Segment
from reader.importing.reading_order import layout
from reader.importing.typography import is_byline

SIZE = 10.0


def spaced(words: list[str], x: float, baseline: float, space: float) -> list[Glyph]:
    """Glyphs of words one em a character, `space` ems of white between words."""
    out: list[Glyph] = []
    for word in words:
        out += line(word, x, baseline, SIZE)
        x += (len(word) + space) * SIZE
    return out


def test_a_glyphless_word_space_between_names_is_a_space() -> None:
    byline = spaced(["本报记者", "傅霞", "袁伟国"], 0.0, 500.0, 0.224)
    assert texts(byline) == ["本报记者 傅霞 袁伟国"]
    assert is_byline(texts(byline)[0])
    # One glyph boxed by its ink (PDFium does so after a positioning adjustment): the
    # wider white beside it is no slack of a justified line.
    glyphs = spaced(["本报记者", "周"], 0.0, 500.0, 0.224)
    glyphs += [Glyph("宇", 53.2, 59.0, 497.5, 507.0, 500.0, SIZE)]
    glyphs += spaced(["通讯员", "高燕"], 62.24, 500.0, 0.224)
    assert texts(glyphs) == ["本报记者 周宇 通讯员 高燕"]


def test_a_justified_line_spread_evenly_gets_no_spaces() -> None:
    # A short line justified across its column: every gap alike, however wide.
    loose = spaced(list("切不可搞拍脑袋工程"), 0.0, 500.0, 0.224)
    assert texts(loose) == ["切不可搞拍脑袋工程"]


def test_slack_a_justified_line_puts_beside_digits_too_is_no_space() -> None:
    # Typst spreads a line's slack over some gaps only: between ideographs and digits
    # as well as between two ideographs.
    words = ["２９人", "２队４３次", "打", "破", "２９项"]
    assert texts(spaced(words, 0.0, 500.0, 0.2)) == ["２９人２队４３次打破２９项"]


def test_a_gap_after_a_glyph_boxed_by_its_ink_is_no_space() -> None:
    # PDFium gives some glyphs the box of their ink (`日` after digits): the white
    # beside it is the glyph's own side bearing.
    glyphs = line("本报北京", 0.0, 500.0, SIZE)
    ink = Glyph("日", 41.5, 47.5, 497.5, 507.0, 500.0, SIZE)
    glyphs += [ink, *line("讯", 49.2, 500.0, SIZE)]
    assert texts(glyphs) == ["本报北京日讯"]


def test_a_squeezed_closing_and_opening_mark_read_in_ink_order() -> None:
    glyphs = line("孙继革", 0.0, 500.0, SIZE)
    # One box for both; the opening mark comes first in the text layer.
    opening = Glyph("（", 30.0, 40.0, 497.5, 507.5, 500.0, SIZE)
    closing = Glyph("）", 30.01, 40.0, 497.5, 507.5, 500.0, SIZE)
    glyphs += [opening, closing, *line("本报记者", 40.0, 500.0, SIZE)]
    assert texts(glyphs) == ["孙继革）（本报记者"]


def tall(
    text: str, x: float, baseline: float, size: float = SIZE, weight: int = 400
) -> list[Glyph]:
    """A line whose loose boxes are as tall as Noto's ascent and descent (1.45 em)."""
    return [
        Glyph(c, x + i * size, x + (i + 1) * size, baseline - 0.29 * size,
              baseline + 1.16 * size, baseline, size, weight)
        for i, c in enumerate(text)
    ]  # fmt: skip


def test_a_headline_in_a_column_beside_tightly_set_columns_stays_in_its_column() -> None:
    # Three columns of 10 ems, a 1.5-em gutter. Columns two and three run on from
    # above; column one holds a two-line headline, then its body on their rows. Rows
    # are 14.3 pt apart, their boxes 14.5 pt high: each reaches into the next.
    pitch, left, mid, right = 14.3, 0.0, 115.0, 230.0
    glyphs: list[Glyph] = []
    for n in range(14):
        base = 700 - n * pitch
        glyphs += tall(f"乙{n:02d}乙乙乙乙乙乙乙", mid, base)
        glyphs += tall(f"丙{n:02d}丙丙丙丙丙丙丙", right, base)
    glyphs += tall("从捐献资金", left, 690, 20.0, 700) + tall("到发出倡议", left, 662, 20.0, 700)
    for n in range(8):
        glyphs += tall(f"甲{n:02d}甲甲甲甲甲甲甲", left, 700 - (n + 4) * pitch)
    text = [t.strip() for t in layout(glyphs, (), is_byline).text().splitlines()]
    assert text[0] == "从捐献资金到发出倡议"  # the headline, wrapped lines joined
    assert not any("乙" in t and ("甲" in t or "丙" in t) for t in text)
    assert not any("丙" in t and "甲" in t for t in text)
    firsts = [t[0] for t in text[1:]]
    assert firsts == ["甲"] * 8 + ["乙"] * 14 + ["丙"] * 14


def test_header_cells_aligned_at_their_tops_are_one_row() -> None:
    # A flex row: the page number in large type and the other cells in body type,
    # all hung from one top (Chromium aligns flex items so), not centred on a middle.
    number = Segment(line("11", 36.0, 482.0, 24.0, 900))
    cells = [
        Segment(line(t, x, 493.0, SIZE)) for t, x in (("国际", 120.0), ("责任编辑董刚", 400.0))
    ]
    assert [[s.text() for s in row] for row in header.rows([*cells, number])] == [
        ["11", "国际", "责任编辑董刚"]
    ]


def test_columns_set_tight_under_a_headline_are_read_column_by_column() -> None:
    # A headline across two columns, set tight on them; the columns' rows alternate
    # 14.3 and 14.6 pt apart (line heights rounded to pixels), boxes 14.5 pt high: the
    # first rows chain to the headline box by box, then a hair of white.
    glyphs = tall("中桥商场以诚待客", 0.0, 740.0, 24.0, 700)
    base = 740.0 - 0.29 * 24.0 - 1.16 * SIZE + 0.1  # the first row's box over the head's
    for n in range(6):
        glyphs += tall(f"甲{n}甲甲甲甲甲甲甲甲", 0.0, base)
        glyphs += tall(f"乙{n}乙乙乙乙乙乙乙乙", 115.0, base)
        base -= 14.3 if n % 2 == 0 else 14.6
    text = [t.strip() for t in layout(glyphs, (), is_byline).text().splitlines()]
    assert text[0] == "中桥商场以诚待客"
    assert [t[:2] for t in text[1:]] == [f"甲{n}" for n in range(6)] + [f"乙{n}" for n in range(6)]
