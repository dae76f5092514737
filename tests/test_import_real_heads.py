"""Headline typography of real papers in PDF import (bench/chromereal.py's pages, hand-set).

- A short headline set with tracking (½ to 2 ems, centred over the page or justified
  over its column) is one line, however wide its gaps, even across the gutters of the
  columns under it.
- A glyph PDFium boxes outside the form it is drawn in (Chromium writes a scaled
  headline as a form XObject, and PDFium misplaces an `/ActualText` glyph inside one:
  three ems wide, 2,000 pt lower) goes back beside its neighbours in PDFium's text.
- A byline over a jump line set on a line of its own (`（上接第一版）`) stands alone, and
  the jump line is the story's first paragraph.
"""

from __future__ import annotations

from dataclasses import replace

from handset import line, texts

from reader.importing.reading_order import Glyph, layout
from reader.importing.strays import place_strays
from reader.importing.structure import build
from reader.importing.typography import is_byline
from reader.model import Page

PITCH = 14.0


def tracked(text: str, x: float, baseline: float, size: float, ems: float) -> list[Glyph]:
    """A line of `size` type with `ems` of tracking after each character."""
    step = size * (1 + ems)
    glyphs = line(text, 0, baseline, size)
    return [replace(g, x0=x + i * step, x1=x + i * step + size) for i, g in enumerate(glyphs)]


def rows(texts_: list[str], x: float, top: float) -> list[Glyph]:
    return [g for n, t in enumerate(texts_) for g in line(t, x, top - n * PITCH)]


def built(glyphs: list[Glyph]) -> Page:
    """The page of `glyphs` under a story of its own (a page's top line may be its header)."""
    glyphs = line("上篇标题", 0, 900, 20) + rows(["戊" * 14, "戊戊。"], 0, 870) + glyphs
    done = build(layout(glyphs, [], is_byline), [])
    assert done is not None
    return done[0]


def test_a_tracked_headline_across_the_gutters_under_it_is_one_line() -> None:
    # `以 改 革 促 发 展` at 30 pt with 1.5 ems of tracking, centred over four 14-em
    # columns an em apart: its gaps (45 pt) lie over two of their gutters.
    glyphs = tracked("以改革促发展", 60, 700, 30.0, 1.5)
    for k, mark in enumerate("甲乙丙丁"):
        glyphs += line(mark * 12, 150 * k + 20, 650) + rows([mark * 14, mark + "。"], 150 * k, 636)
    assert "以改革促发展" in [t.replace(" ", "") for t in texts(glyphs)]
    item = built(glyphs).items[1]
    assert item.headline == "以改革促发展"
    assert [p[0] for p in item.paragraphs] == list("甲乙丙丁")


def test_headlines_side_by_side_in_tracking_of_their_own_stay_two() -> None:
    # Two tracked heads in one row over body columns, seven ems between them: no one pitch.
    glyphs = tracked("今日谈", 0, 700, 20.0, 1.5) + tracked("编后小语", 290, 700, 20.0, 1.5)
    glyphs += rows(["甲" * 14] * 3, 0, 650) + rows(["乙" * 14] * 3, 150, 650)
    assert [t.replace(" ", "") for t in texts(glyphs)][:2] == ["今日谈", "编后小语"]
    # and heads set solid side by side across a gutter stay two, as they always did
    assert texts(line("甲乙丙", 0, 600, 20.0) + line("丁戊己", 100, 600, 20.0)) == [
        "甲乙丙",
        "丁戊己",
    ]


def _stray(g: Glyph) -> Glyph:
    """`g` as PDFium boxes an `/ActualText` glyph of a scaled form: far down, 3.7 ems wide."""
    x0 = g.x0 + 400
    return replace(g, x0=x0, x1=x0 + 3.7 * g.size, baseline=80.0, bottom=60.0, top=140.0)


def test_a_glyph_boxed_outside_its_form_goes_back_beside_its_neighbours() -> None:
    head = line("才改变世界的面", 36, 2080, 20.0) + line("貌", 36, 2056, 20.0)
    glyphs = [*head[:6], _stray(head[6]), head[7]]
    joined = [False, True, True, True, True, True, True, False]  # PDFium broke before 貌
    placed = place_strays(glyphs, joined)
    assert placed[6].baseline == 2080 and placed[6].x0 == head[5].x1
    assert placed[7] == head[7]
    # a run that starts with strays goes before its first glyph boxed as one
    run = line("生气各地", 36, 1940, 20.0)
    glyphs = [_stray(run[0]), _stray(run[1]), *run[2:]]
    placed = place_strays(glyphs, [False, True, True, True])
    assert [round(g.x0) for g in placed] == [round(g.x0) for g in run]
    assert {g.baseline for g in placed} == {1940}
    # a stray alone after a break: the last line of a wrapped head, under the one before
    lines = [*line("农业现代化助", 36, 2010, 20.0), _stray(line("力", 36, 1986, 20.0)[0])]
    placed = place_strays(lines, [False, True, True, True, True, True, False])
    assert placed[-1].x0 == 36 and 1980 < placed[-1].baseline < 1990
    # glyphs boxed as glyphs are never moved, however far apart
    far = line("甲乙", 36, 2000, 20.0) + line("丙", 300, 100, 20.0)
    assert place_strays(far, [False, True, True]) == far


def test_a_byline_over_a_jump_line_stands_alone() -> None:
    glyphs = line("荣誉全国红旗手", 0, 600, 20.0)
    glyphs += line("本报记者 邓艳 曾伟国", 0, 570) + line("（上接第一版）", 0, 556)
    glyphs += line("学术界一般都认为原始", 20, 542) + rows(["脊" * 12, "索动物。"], 0, 528)
    item = built(glyphs).items[1]
    assert item.headline == "荣誉全国红旗手"
    assert item.byline == "本报记者 邓艳 曾伟国"
    assert item.paragraphs[0] == "（上接第一版）"
    assert item.paragraphs[1].startswith("学术界")
