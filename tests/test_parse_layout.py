"""Page text written with its layout kept: the columns at one height on one line.

`pdftotext -layout` and PyMuPDF's `get_text("text", sort=True)` write a row of
columns as one line, the columns apart by runs of spaces (often only one, after a
full line: pdftotext gives each block of text the cell after the blocks on its left,
and a CJK character is wider than a cell). `reader.parse.layout` cuts such text back
into its columns before parsing. The hand-set pages here are laid out so; the floors
at the end hold the parser on Typst pages in both tools' shapes, emulated from
PDFium's characters (`typesetgen.layout_text`, `typesetgen.mupdfsort_text`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.parse.layout import unlayout
from reader.parse.stories import parse_text

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"
_NUMBERS = "一二三四五六七八九十"


def _column(tag: str, paragraphs: list[int]) -> list[str]:
    """A column of 12-em lines, each one unlike any other, in paragraphs of the given
    line counts: the first line set in two ems, the last short and closed by 。."""
    lines: list[str] = []
    for n, count in enumerate(paragraphs):
        for k in range(count):
            text = f"{tag}栏{_NUMBERS[n]}段{_NUMBERS[k]}行文字排得整齐"
            if k == 0:
                text = text[:10]
            if k == count - 1:
                text = text[:6] + "。"
            lines.append(text)
    return lines


def _lay(columns: list[list[str]], cells: list[int], first: int = 0) -> list[str]:
    """The columns' lines side by side, from line `first` down, as pdftotext writes
    them: each at its column's cell (two more for a paragraph's first line), or one
    space after the line before it when that one runs past the cell."""
    rows: list[str] = []
    for n in range(max(len(c) for c in columns)):
        row = ""
        for col, lines in enumerate(columns):
            if n >= len(lines):
                continue
            cell = cells[col] + (2 if len(lines[n]) == 10 else 0)
            row += " " * max(cell - len(row), 1 if row else 0) + lines[n]
        rows.append(row)
    return [""] * first + rows


def _cut(rows: list[str]) -> list[str]:
    return [line for line in unlayout("\n".join(rows) + "\n").split("\n") if line]


def test_two_columns_side_by_side_come_apart() -> None:
    left, right = _column("甲", [4, 5, 3]), _column("乙", [3, 6, 3])
    assert _cut(_lay([left, right], [0, 15])) == left + right


def test_three_columns_with_gutters_of_one_space() -> None:
    """Full lines run past their cells: the next column's line follows one space on."""
    cols = [_column("甲", [5, 5]), _column("乙", [4, 6]), _column("丙", [6, 4])]
    rows = _lay(cols, [0, 11, 22])
    assert sum(" " in row.strip() and "  " not in row.strip() for row in rows) > 5
    assert _cut(rows) == cols[0] + cols[1] + cols[2]


def test_a_column_ending_early_keeps_its_place() -> None:
    """The last column of a story is the shortest; one ending early leaves the ones on
    its right to be placed by their cells."""
    cols = [_column("甲", [4, 4, 4]), _column("乙", [5, 2]), _column("丙", [4, 4, 4])]
    rows = _lay(cols, [0, 16, 32])
    assert _cut(rows) == cols[0] + cols[1] + cols[2]


def test_a_headline_over_the_columns_comes_first() -> None:
    """A headline centred over two columns starts inside the second one's cells."""
    left, right = _column("甲", [5, 4]), _column("乙", [4, 5])
    headline = "大标题跨越两栏排在正上方"
    rows = [" " * 9 + headline, "", *_lay([left, right], [0, 15])]
    assert _cut(rows) == [headline, *left, *right]


def test_a_story_beside_a_headline_over_two_columns() -> None:
    """A row holding a two-column story (its headline over both) and a one-column
    story beside it: each story whole, the headline before its columns."""
    left, mid, right = _column("甲", [5, 4]), _column("乙", [4, 5]), _column("丙", [6, 4])
    headline = "两栏新闻的标题"
    band = "3 要闻 1998年1月5日 星期一" + " " * 20 + "责任编辑 王伟"
    # the third column's first two lines sit beside the headline and the gap under it
    rows = [band, "", " " * 8 + headline + " " * 18 + right[0], " " * 33 + right[1]]
    rows += _lay([left, mid, right[2:]], [0, 15, 33])
    out = _cut(rows)
    assert out[0] == "3 要闻 1998年1月5日 星期一 责任编辑 王伟"  # one line, as PDFium
    assert out.index(headline) < out.index(left[0])
    assert out[out.index(left[0]) : out.index(left[0]) + len(left)] == left
    assert out[out.index(mid[0]) : out.index(mid[0]) + len(mid)] == mid
    assert out.index(right[2]) == out.index(right[1]) + 1


def test_a_caption_beside_a_story_stays_whole() -> None:
    """A photo caption in the column beside a story (narrower type: more characters a
    line), with its credit on a line of its own."""
    left, right = _column("甲", [5, 5]), _column("乙", [5, 5])
    caption = [
        "图为新建成的大桥在夜色中灯火通明",
        "过往车辆川流不息市民纷纷前来观看",
        "留下这美好的一刻。",
        "本报记者 王伟 摄",
    ]
    rows = _lay([left, right, caption], [0, 15, 31])
    out = _cut(rows)
    assert out[-4:] == caption
    assert out[:-4] == left + right


def test_the_cut_page_parses_as_its_columns_do() -> None:
    """What the parser makes of the cut text is what it makes of the columns written
    one after the other, as PDFium writes them."""
    cols = [_column("甲", [4, 5, 3]), _column("乙", [3, 6, 3]), _column("丙", [5, 5, 2])]
    laid = "\n".join(_lay(cols, [0, 15, 30])) + "\n"
    plain = "\n".join(line for col in cols for line in col) + "\n"
    assert parse_text(laid) == parse_text(plain)
    assert len(parse_text(laid).items[0].paragraphs) > 1


def test_text_without_runs_of_spaces_is_untouched() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert unlayout(text) is text
    columns = "\n".join(_column("甲", [4, 4])) + "\n"
    assert unlayout(columns) is columns


def test_a_few_runs_of_spaces_are_no_layout() -> None:
    """Bylines spaced out and a pasted paragraph a line: no row of columns."""
    text = (
        "本报记者   梁晓华  通讯员   孙新\n"
        + "  ".join(_column("甲", [6]))
        + "\n"
        + "\n".join(_column("乙", [4, 4]))
        + "\n"
    )
    assert unlayout(text) == text


# --- Typst pages in the tools' shapes (emulated) ----------------------------------------


def _typeset() -> object:
    typesetgen = pytest.importorskip("typesetgen")
    pytest.importorskip("typst")
    pytest.importorskip("pypdfium2")
    if typesetgen.load_corpus() is None:
        pytest.skip("shared/corpus is not beside this checkout")
    if not typesetgen.fonts_ready():
        pytest.skip(f"Noto SC fonts not in {typesetgen.FONT_DIR}")
    return typesetgen


SEEDS = range(1, 7)
# Measured on SEEDS (seeded, so exact) with the cut: headlines 44.4% and paragraph F1
# 0.648 in pdftotext's shape, 22.2% and 0.444 in PyMuPDF's; without it (the text
# parsed as the tools write it) 4.4% / 0.0 and 11.1% / 0.0. PDFium's shape of the
# same pages reads 80% / 0.986 (tests/test_typeset_parse.py): these floors hold what
# is reached, far from that. Round 8 (para8) reads seed 1's `（广文）` under a full line
# as a source line, as the page sets `（据新华社电）` apart under a line with room for it
# (the generator prints both): layout F1 0.643 -> 0.636.
FLOORS = {"layout_text": (44.0, 0.63), "mupdfsort_text": (22.0, 0.43)}  # (headlines %, F1)


@pytest.mark.parametrize("shape", sorted(FLOORS))
def test_typeset_pages_in_layout_shapes(shape: str) -> None:
    from pagescore import FieldScores

    typesetgen: object = _typeset()
    found = FieldScores()
    for seed in SEEDS:
        page = typesetgen.generate(seed)  # type: ignore[attr-defined]
        text = getattr(typesetgen, shape)(page.pdf)
        found.add(seed, page.truth(), parse_text(text).to_dict())
    headlines, f1 = FLOORS[shape]
    assert found.lost_pages == []
    assert found.furniture == 0
    assert found.percent("headline") >= headlines, found.report()
    assert found.paragraph_f1() >= f1, found.report()
