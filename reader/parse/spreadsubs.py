"""A subtitle set across a story's columns, read as the first line of its text.

A long subtitle (`勉励广大职工发挥工人阶级主力军作用，为企业改革发展建功立业`, 29
characters) is set in smaller type across all the columns of its story, under the
headline; the text under it runs in the story's column, 10 to 15 ems. Its commas and
colons keep it out of the headline stack (a head line holds no sentence punctuation),
so it comes out as the first line of the story's text, or a paragraph of its own over
the byline. A body line is never twice as wide as its column; a line under a headline
that is, and ends no sentence (no `。`, nor a closing mark of one), is the subtitle:
the corpus prints its subtitles as head lines of at most 40 characters that end no
sentence (bench/wholecorpus.py rules 1 and 4), and a lead paragraph set wide ends one.
A subtitle that leads into the text ends with dashes (`…入网许可证就行——`); where those
wrapped onto a short line of their own, that line is the subtitle's too.

On the read pages (whole-* and pooled rows, seeds 1-599, both engines) the rule took
20 subtitles, all printed so, and nothing on a pooled page; at 1.3 columns it took a
pooled page's bulleted headline line, at 2 it missed Chromium's subtitle of two
columns less a character.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.parse.roles import body_measure
from reader.parse.text import join_lines, width

_SPREAD = 1.5  # columns: a body line is never this much wider than its column
_HEAD_MAX = 40  # characters: the longest head line of the corpus (bench/wholecorpus.py)
_ENDS = "。！？…”」』）"  # a line ending so ends a sentence: a lead paragraph's
_MARKS = 1.5  # ems: a body line may run past its column by squeezed marks


def spread_subtitle(paragraphs: Sequence[list[str]]) -> tuple[str, list[list[str]]] | None:
    """The subtitle spread over the story's columns and the paragraphs under it, when the
    story's text (as printed lines) opens with one; else None."""
    if not paragraphs or not (lead := paragraphs[0]):
        return None
    first = lead[0]
    nxt = paragraphs[1] if len(paragraphs) > 1 else ()
    under = lead[1] if len(lead) > 1 else nxt[0] if nxt else ""
    if not under or width(first) < _SPREAD * (width(under) - _MARKS):
        return None  # the line under it is as wide: no column to measure (most stories)
    if len(first) > _HEAD_MAX or "。" in first or first[-1] in _ENDS:
        return None
    column = body_measure(paragraphs)
    if not column or width(first) < _SPREAD * column:
        return None
    lines = _dashed_rest(lead, column)
    rest = [lead[lines:], *paragraphs[1:]]
    rest = rest[1:] if not rest[0] else rest  # the subtitle was the paragraph: it goes
    if not rest or width(rest[0][0]) > column + _MARKS:
        return None  # the text under it is no narrower: it is set wide itself
    return join_lines(lead[:lines]), rest


def _dashed_rest(paragraph: list[str], column: float) -> int:
    """Lines of the paragraph the subtitle takes: its first, and a short second that ends
    the paragraph with the dashes that lead into the text (`行——`)."""
    if len(paragraph) == 2 and paragraph[1].endswith("——") and width(paragraph[1]) <= column:
        return 2
    return 1
