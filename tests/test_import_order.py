"""Reading order and paragraphs of PDF import, issue 12's fifth round: one test a cause.

Causes counted on Typst seeds 41-99 and 120-199 (tests/typesetgen.py), rebuilt here
from hand-placed glyphs in the shapes Typst gives with Noto SC fonts.
"""

from __future__ import annotations

from reader.importing.reading_order import Glyph, layout
from reader.importing.typography import is_byline

BODY = 10.0


def line(
    text: str, x: float, baseline: float, size: float = BODY, weight: int = 400
) -> list[Glyph]:
    """Glyphs of one line, one em apart, boxes as PDFium's loose boxes."""
    return [
        Glyph(c, x + i * size, x + (i + 1) * size, baseline - 0.25 * size, baseline + 0.75 * size,
              baseline, size, weight)
        for i, c in enumerate(text)
    ]  # fmt: skip


def ordered(glyphs: list[Glyph]) -> list[str]:
    return [t.strip() for t in layout(glyphs, (), is_byline).texts]


def test_a_headline_centred_over_three_columns_owns_the_one_on_its_left() -> None:
    # Seed 80: a one-column story on the left, its headline flush left over it; beside
    # it a story of three columns whose headline is centred over them and covers only
    # the middle one. The first column of the centred story is nearer the left
    # headline's stack, but it is the centred story's: read after its headline.
    glyphs = line("一项新纪录", 0, 700, 18, 700)
    for n in range(10):
        glyphs += line("左栏正文左栏正文左栏", 0, 672 - 14 * n)
    glyphs += line("评说潘汉年", 227, 692, 18, 700)  # middle 272 = middle of 111..433
    for k, x in enumerate((111, 222, 333)):
        glyphs += line("首行缩进首行缩进", x + 20, 664)
        for n in range(1, 6):
            glyphs += line(f"第{k}栏完。" if n == 5 else "中栏正文中栏正文中栏", x, 664 - 14 * n)
    got = ordered(glyphs)
    head = got.index("评说潘汉年")
    assert got[head + 1 :].count("首行缩进首行缩进") == 3  # no column read before it
    first = ["首行缩进首行缩进", *["中栏正文中栏正文中栏"] * 4, "第0栏完。"]
    assert got[head + 1 : head + 7] == first


def test_a_headline_centred_over_one_column_claims_no_columns_beside_it() -> None:
    # The same row of column tops under a headline centred over the middle column only,
    # with a headline over each column beside: each column keeps its own headline.
    glyphs = line("第五版", 0, 760)  # the page's header row
    glyphs += line("甲栏标题", 0, 700, 18, 700)
    glyphs += line("乙栏标题", 125, 700, 18, 700)  # middle 161 = middle of 111..211
    glyphs += line("丙栏标题", 222, 700, 18, 700)
    for k, x in enumerate((0, 111, 222)):
        for n in range(6):
            text = f"第{k}栏完。" if n == 5 else "正文正文正文正文正文"
            glyphs += line(text, x, 672 - 14 * n)
    got = ordered(glyphs)
    assert got.index("甲栏标题") < got.index("第0栏完。") < got.index("乙栏标题")
    assert got.index("乙栏标题") < got.index("第1栏完。") < got.index("丙栏标题")
