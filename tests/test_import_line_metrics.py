"""A page whose producer states its CJK face by the line metrics (cairo, Chromium:
1.16 em over the baseline, 0.288 under) lays out as the page set with em boxes (Typst):
how near a headline stands to a column top, and whether a rule has text through it,
are told by the em boxes (issue 12: typeset seed 408 through `pdftocairo`)."""

from __future__ import annotations

from handset import line
from test_import_rewritten import CHROMIUM, TYPST, _boxed

from reader.importing.glyphs import Glyph
from reader.importing.reading_order import layout
from reader.importing.typography import byline_row, is_byline

_LEFT = [
    "李瑞环在会议结束时讲了",
    "他说人民政协已经走过近",
    "个世纪的历程创造了辉煌",
    "业绩积累了丰富的经验也",
]
_RIGHT = [
    "卢嘉和她的同学们用的是",
    "制中学生物课的新教材一",
    "本多页的生物教材讲到生",
    "物与环境的部分只有十页",
]


def _two_stories(top: float = 243.0) -> list[Glyph]:
    """Two stories side by side: a 13.7-point headline wrapped over three lines on the
    left, a 16.1-point one on the right with its baseline 2.4 points lower and a subtitle
    in body type under it, each over its own column (typeset seed 408's bottom row)."""
    glyphs = line("王伟张玉琛", 342.0, top, 10.5, 812)
    glyphs += line("江泽民会见美国客人", 495.0, top, 10.5, 812)
    glyphs += line("摩洛哥国王会见钱其", 342.0, top - 13.5, 13.7, 812)
    glyphs += line("资产重组优势互补", 495.0, top - 15.9, 16.1, 812)
    glyphs += line("琛钱其琛与菲拉利首", 342.0, top - 27.6, 13.7, 812)
    glyphs += line("雪以严冬为父", 495.0, top - 27.6, 10.5, 812)
    glyphs += line("相会谈", 342.0, top - 41.7, 13.7, 812)
    glyphs += line("本报记者于刚勇周振", 495.0, top - 39.2, 10.5)
    glyphs += line("本报记者孙静", 342.0, top - 53.2, 10.5)
    for n, (left, right) in enumerate(zip(_LEFT, _RIGHT, strict=True)):
        glyphs += line(left, 342.0, top - 66.3 - 13.5 * n, 10.5)
        glyphs += line(right, 495.0, top - 52.8 - 13.5 * n, 10.5)
    return glyphs


def test_two_headlines_side_by_side_stay_apart_when_their_boxes_are_line_metrics() -> None:
    # Through cairo the right headline's box reached 0.288 em under its baseline, past
    # the top of its subtitle: no longer "above" that column top, it went to the left
    # headline, which then reached over the right story and read on one line with its
    # headline: `摩洛哥国王会见钱其 资产重组优势互补`.
    want = layout(_boxed(_two_stories(), TYPST), [], is_byline, byline_row).text()
    got = layout(_boxed(_two_stories(), CHROMIUM), [], is_byline, byline_row).text()
    assert "摩洛哥国王会见钱其琛钱其琛与菲拉利首相会谈\n" in want
    assert "资产重组优势互补\n" in want
    assert got == want


def _ruled_page() -> tuple[list[Glyph], list[tuple[float, float, float, float]]]:
    """Two columns of a story, a rule across the page under them, and a 22-point
    headline over two columns a little under the rule, with two stories beside it."""
    glyphs: list[Glyph] = []
    top = 500.0
    for n in range(8):
        glyphs += line(_LEFT[n % 4], 36.0, top - 13.5 * n, 10.5)
        glyphs += line(_RIGHT[n % 4], 189.0, top - 13.5 * n, 10.5)
        glyphs += line(_LEFT[(n + 1) % 4], 342.0, top - 13.5 * n, 10.5)
    rule = 390.0
    glyphs += line("关于谁利用谁", 36.0, rule - 22.2, 22.0, 812)
    glyphs += line("摩洛哥国王会见钱其", 342.0, rule - 14.0, 13.7, 812)
    for n in range(4):
        glyphs += line(_RIGHT[n], 36.0, rule - 40.0 - 13.5 * n, 10.5)
        glyphs += line(_LEFT[n], 189.0, rule - 40.0 - 13.5 * n, 10.5)
        glyphs += line(_RIGHT[(n + 2) % 4], 342.0, rule - 30.0 - 13.5 * n, 10.5)
    return glyphs, [(36.0, rule - 0.3, 480.0, rule + 0.3)]


def test_a_rule_a_headline_box_reaches_through_by_line_metrics_still_cuts_the_page() -> None:
    # Through cairo a 22-point headline's box rose 1.16 em over its baseline, 3.5 points
    # over the rule drawn across the page above it: the rule no longer cut the page, the
    # headline spanned the gutter, and the columns above it were read line by line
    # across the gutter, one story's lines between the other's.
    glyphs, drawn = _ruled_page()
    want = layout(_boxed(glyphs, TYPST), drawn, is_byline, byline_row).text()
    got = layout(_boxed(glyphs, CHROMIUM), drawn, is_byline, byline_row).text()
    assert want.index(_LEFT[0]) < want.index(_LEFT[3]) < want.index(_RIGHT[0])
    assert got == want
