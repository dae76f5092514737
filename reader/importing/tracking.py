"""Headlines set with tracking: one line, however wide the gaps between its characters.

A short headline (`新年献词`, `短评`, `编后`) is spread over its column or the page with
½ to 2 ems of tracking, or with full-width spaces between its characters. A gap that
wide inside a row looks like a gutter, and a centred head spread over a page crosses
the gutters of the columns under it: `以 改 革 促` went to one segment, `发 展` to the next
column's. What tells a tracked line is its pitch: its characters in display type, one
size, face and weight, stand at one distance from one another, wider than they are.
"""

from __future__ import annotations

from reader.importing.segment import Glyph

_DISPLAY = 1.15  # of the body size: headline type
_TRACKED = 1.25  # ems of the type: a pitch this wide is tracking, not a run of advances
_EVEN = 0.08  # ems of the type: pitches this near one another are one
_LEAST = 3  # characters: two alone show no pitch


def _ink(g: Glyph) -> bool:
    return not g.char.isspace()


def tracked(rows: list[list[Glyph]], body: float) -> set[int]:
    """The ids of the glyphs inside tracked lines (each but the line's first): no gap
    between them splits a row."""
    out: set[int] = set()
    display = _DISPLAY * body
    for row in rows:
        marks = [g for g in row if g.size >= display and _ink(g)]
        if len(marks) < _LEAST:
            continue
        start = 0
        for k in range(1, len(marks) + 1):
            if k < len(marks) and _one_line(marks, start, k):
                continue
            if k - start >= _LEAST:
                first, last = marks[start], marks[k - 1]
                out.update(id(g) for g in row if first.x0 < g.x0 <= last.x0)
            start = k - 1 if k < len(marks) and _one_line(marks, k - 1, k) else k
    return out


def _one_line(marks: list[Glyph], start: int, k: int) -> bool:
    """Whether `marks[k]` goes on the tracked line `marks[start:k]`."""
    g, prev = marks[k], marks[k - 1]
    pitch = g.x0 - prev.x0
    if (
        abs(g.size - prev.size) > 0.02 * prev.size
        or g.face != prev.face
        or g.weight != prev.weight
        or pitch < _TRACKED * g.size
    ):
        return False
    if k - start < 2:
        return True
    return abs(pitch - (prev.x0 - marks[k - 2].x0)) <= _EVEN * g.size
