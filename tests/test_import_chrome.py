"""Import round 7: shapes of Chromium's print to PDF (bench/chromegen.py), hand-placed
as the PDFs have them.

- a word space with no glyph (Skia writes none; PDFium's generated spaces are dropped):
  the font's space, under a quarter em, between two names of a byline;
- a closing and an opening mark squeezed into one em (`）（`, the fonts' `halt`) with
  one box, the opening one first in the text layer;
- rows set tighter than the font's ascent and descent (Chromium rounds line heights to
  whole pixels): each row's loose box reaches a little into the next one's;
- header cells hung from one top (a flex row), not centred on one middle;
- a full line opening with `（`, its ink half an em in, over a note flush right;
- a `palt` digit placed left of its em at the head of the next column, after a `，`
  whose em box overhangs the gutter;
- a bold kicker right under a caption's credit.
"""

from __future__ import annotations

from handset import line, texts

from reader.importing import header
from reader.importing.glyphs import Glyph, Segment
from reader.importing.reading_order import layout
from reader.importing.structure import build
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


def test_a_note_under_a_line_opening_with_a_bracket_is_no_column_top() -> None:
    # Column two: a full line opening with `（` (its ink starts half an em in), a short
    # last line, a note flush right. Column one: a headline whose last line `位` ends
    # just over the note's row; it must not claim the note as the top of its columns.
    pitch = 14.0
    glyphs = [g for n in range(4) for g in line("甲" * 10, 0, 700 - n * pitch)]
    glyphs += line("叶利钦总统", 0, 630, 20.0) + line("召开会议努", 0, 606, 20.0)
    glyphs += line("位", 0, 582, 20.0)
    glyphs += [g for n in range(4) for g in line("丙" * 10, 0, 558 - n * pitch)]
    right = ["乙" * 10] * 6 + ["（海马牌）乙乙乙乙乙", "１张）"]
    glyphs += [g for n, t in enumerate(right) for g in line(t, 115.0, 700 - n * pitch)]
    glyphs += line("（袁洋）", 175.0, 700 - 8 * pitch)
    glyphs += [g for n in range(3) for g in line("丁" * 10, 115.0, 548 - n * pitch)]
    text = [t.strip() for t in layout(glyphs, (), is_byline).text().splitlines()]
    assert "叶利钦总统召开会议努位" in text
    firsts = "".join(t[0] for t in text)
    assert firsts == "甲甲甲甲叶丙丙丙丙乙乙乙乙乙乙（１（丁丁丁"


def test_a_palt_digit_starting_the_next_column_after_a_comma_is_cut_there() -> None:
    # Columns of 10 ems, a 1-em gutter. A line ends in `，` whose em box overhangs the
    # column's edge (its ink does not); beside it the next column's line starts with
    # `８`, placed 1.2 pt left of the column's start as `palt` sets it.
    left_rows = ["甲" * 10] * 3 + ["乙" * 10]
    right_rows = ["丙" * 10] * 3 + ["丁" * 10]
    glyphs = [g for n, t in enumerate(left_rows) for g in line(t, 0, 700 - n * 14.0)]
    glyphs += [g for n, t in enumerate(right_rows) for g in line(t, 110.0, 700 - n * 14.0)]
    base = 700 - 4 * 14.0
    glyphs += [g for k in range(9) for g in line("戊", k * 10.5, base)]
    glyphs += [Glyph("，", 94.4, 104.4, base - 2.5, base + 7.5, base, SIZE)]
    glyphs += line("８·５％。", 108.8, base)
    assert "戊戊戊戊戊戊戊戊戊，" in texts(glyphs)
    assert "８·５％。" in texts(glyphs)


def test_a_centred_headline_owns_every_column_of_rows_set_tight() -> None:
    # A headline centred over four columns set 3 pt under it, rows 14.3 pt apart,
    # boxes 14.5 pt high: each column's second row reaches a little beside the next
    # column's top (no more than the rows of one column overlap).
    glyphs = tall("证券公司", 162.5, 760.0, 30.0, 700)
    for k in range(4):
        glyphs += [
            g
            for n in range(5)
            for g in tall(f"{'甲乙丙丁'[k]}{n}" + "文" * 8, k * 115.0, 736.7 - n * 14.3)
        ]
    text = [t.strip() for t in layout(glyphs, (), is_byline).text().splitlines()]
    assert text[0] == "证券公司"
    assert [t[:2] for t in text[1:]] == [f"{c}{n}" for c in "甲乙丙丁" for n in range(5)]


def test_a_kicker_right_under_a_caption_credit_is_the_next_storys() -> None:
    # A picture, its caption and credit, then a kicker in bold body type over a headline.
    glyphs = line("图为王嘉廉在模型前。", 0, 600, 9.0)
    glyphs += line("通讯员 冯霞 摄", 0, 586, 9.0)
    glyphs += line("纳西古乐亮相音乐厅", 5, 572, SIZE, 700)
    glyphs += line("平均租金上涨", 0, 545, 17.5, 700)
    glyphs += line("其实，这歌很平凡。", 20, 522)
    glyphs += [g for n in range(3) for g in line("论词论词论词论词论词", 0, 508 - n * 14.0)]
    picture = (0.0, 612.0, 100.0, 700.0)
    done = build(layout(glyphs, [picture], is_byline), [picture])
    assert done is not None
    (story,) = [it for it in done[0].items if it.headline == "平均租金上涨"]
    assert story.kicker == "纳西古乐亮相音乐厅"
    (caption,) = [it for it in done[0].items if it.kind == "caption"]
    assert caption.credit == "通讯员 冯霞 摄"


def test_a_note_ending_a_column_beside_the_first_rows_is_read_with_its_column() -> None:
    # As above, three columns; the third opens with the note that ends its story
    # (`（何磊）`, short) on the first row: still a row of columns, not a stack line.
    glyphs = tall("邢台读书广告走上大屏幕", 0.0, 740.0, 24.0, 700)
    base = 740.0 - 0.29 * 24.0 - 1.16 * SIZE + 0.1
    glyphs += tall("（何磊）", 290.0, base)
    for n in range(6):
        glyphs += tall(f"甲{n}甲甲甲甲甲甲甲甲", 0.0, base)
        glyphs += tall(f"乙{n}乙乙乙乙乙乙乙乙", 115.0, base)
        if n:
            glyphs += tall(f"丙{n}丙丙丙丙丙丙丙丙", 230.0, base)
        base -= 14.3 if n % 2 == 0 else 14.6
    text = [t.strip() for t in layout(glyphs, (), is_byline).text().splitlines()]
    want = [f"甲{n}" for n in range(6)] + [f"乙{n}" for n in range(6)]
    assert [t[:2] for t in text[1:]] == [*want, "（何", *(f"丙{n}" for n in range(1, 6))]
