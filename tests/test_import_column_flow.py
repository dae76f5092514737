"""Stories one after another down columns (a CSS multi-column page, WeasyPrint's).

A headline stands inside its column, beside the running text of the next: it heads the
column it stands in and no other, or the page is read row by row across both columns.
Hand-placed glyphs, the same shapes bench/weasygen.py pages showed.
"""

from __future__ import annotations

from handset import line

from reader.importing.reading_order import Glyph, page_text
from reader.importing.regions import captions
from reader.importing.typography import TypeLine

PITCH = 14.0
LEFT, RIGHT = 0.0, 115.0  # two 10-em columns, a 1.5-em gutter


def rows(texts: list[str], x: float, top: float) -> list[Glyph]:
    return [g for n, t in enumerate(texts) for g in line(t, x, top - n * PITCH)]


def _in_column_order(text: str, first: list[str], second: list[str]) -> bool:
    lines = [t.strip() for t in text.split("\n") if t.strip()]
    at = {t: n for n, t in enumerate(lines)}
    return max(at[t] for t in first) < min(at[t] for t in second)


def test_a_headline_does_not_head_a_note_in_the_column_on_its_left() -> None:
    # Column one ends a story with a short line and its source set flush right; column
    # two starts its next story right there, the headline's foot just over the note.
    left = [
        "甲一甲一甲一甲一甲一",
        "甲二甲二甲二甲二甲二",
        "甲三甲三甲三甲三甲三",
        "甲四甲四甲四甲四甲四",
        "甲五甲五甲五甲五甲五",
        "甲六甲六甲六甲六甲六",
        "要。",
    ]
    right = ["乙一乙一乙一乙一乙一", "乙二乙二乙二乙二乙二", "乙三乙三乙三乙三乙三",
             "乙四乙四乙四乙四乙四", "乙五乙五乙五乙五乙五。"]  # fmt: skip
    glyphs = rows(left, LEFT, 500) + line("（据新华社电）", LEFT + 30, 402)
    glyphs += rows(right, RIGHT, 500) + line("右栏标题", RIGHT, 420, 20)
    glyphs += rows(["丙一丙一丙一丙一丙一", "丙二丙二丙二丙二丙二"], RIGHT, 396)
    text = page_text(glyphs)
    assert _in_column_order(text, [*left, "（据新华社电）"], ["乙一乙一乙一乙一乙一", "右栏标题"])


def test_a_paragraph_after_a_short_last_line_is_no_column_top_for_a_headline() -> None:
    # A headline in column one, beside column two's running text, where a paragraph
    # ends in a short line and the next one starts two ems in.
    left = ["甲一甲一甲一甲一甲一", "甲二甲二甲二甲二甲二", "甲三甲三甲三甲三甲三。"]
    right = ["乙一乙一乙一乙一乙一", "乙二乙二乙二乙二乙二", "乙三乙三乙三乙三乙三",
             "乙四乙四乙四乙四乙四", "乙五乙五乙五乙五乙五", "完。"]  # fmt: skip
    glyphs = rows(left, LEFT, 500) + line("左栏新标题", LEFT, 420, 20)
    glyphs += rows(["丙一丙一丙一丙一丙一", "丙二丙二丙二丙二丙二", "丙三。"], LEFT, 396)
    glyphs += rows(right, RIGHT, 486) + line("丁一丁一丁一丁一", RIGHT + 20, 402)
    glyphs += rows(["丁二丁二丁二丁二丁二", "丁三。"], RIGHT, 388)
    text = page_text(glyphs)
    assert _in_column_order(text, ["甲一甲一甲一甲一甲一", "左栏新标题", "丙三。"], right)


def test_a_kicker_right_under_a_caption_is_not_part_of_it() -> None:
    # A picture (x 0-100, bottom 400), its caption in 9 pt type, a credit in two lines,
    # then the next story's kicker in bold body type one line gap further down.
    def at(text: str, top: float, size: float = 9.0, bold: bool = False) -> TypeLine:
        return TypeLine(text, False, size, bold, 0.0, 90.0, top, top - 1.45 * size)

    lines = [
        at("富润集团在１９８８年实行", 397),
        at("承包制，打破铁饭碗。", 384),
        at("本报记者 杨静", 371),
        at("摄于1月28日", 358),
        at("十年收获", 343, 10.0, bold=True),
    ]
    assert sorted(captions(lines, [(0.0, 400.0, 100.0, 500.0)], 10.0)) == [0, 1, 2, 3]
