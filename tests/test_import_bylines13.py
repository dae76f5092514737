"""Import round 13: a byline broken inside its role word whose names are set an em
after the role's rest (TeX's `\\quad`, no space glyph: tex-pdf seed 38, where the
rows around cut `员` from `王国平` as a gutter would), hand-set."""

from __future__ import annotations

from collections.abc import Callable

from handset import line

from reader.importing.glyphs import Segment
from reader.importing.segment import join_spaced
from reader.importing.typography import byline_row, is_byline


def joined(named: Callable[[str], bool]) -> list[str]:
    segs = [Segment(line("员", 0, 526)), Segment(line("王国平", 20, 526))]
    return [s.text() for s in join_spaced(segs, 10.0, named)]


def test_the_rest_of_a_role_word_an_em_before_the_names_is_one_line() -> None:
    # One line, `员 王国平`: the byline's wrapped rest (tests/test_import_faces.py has
    # `本报记者 高志松 通讯` / `员 曾杰明` read as one byline).
    assert joined(byline_row) == ["员 王国平"]
    assert joined(is_byline) == ["员", "王国平"]  # bylines alone: two segments


def test_only_a_role_words_rest_and_names_make_such_a_row() -> None:
    assert byline_row("员 王国平") and byline_row("者 李 张")
    assert byline_row("本报记者 王国平")
    assert not byline_row("员工 王国平")  # a word, not the rest of a role
    assert not byline_row("员 王国平说，今年")  # running text
