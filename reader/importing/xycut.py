"""One cut of the XY-cut (`reader.importing.reading_order.arrange`): a region's segments
by where their boxes start across or down the page, and the groups a strip of white at
least so wide cuts them into.

`arrange` cuts a region into bands twice, at the block gap and then between rows: both
cut the same sort, made once (a page's few hundred segments are sorted this way about a
thousand times, a third of them again for nothing).
"""

from __future__ import annotations

import operator

from reader.importing.segment import Segment

Span = tuple[tuple[float, float], Segment]  # where a segment starts and ends: it

_first = operator.itemgetter(0)


def by_box(segs: list[Segment], vertical: bool) -> list[Span]:
    """The segments left to right by their reach (`vertical`: for columns), else top
    down by their loose boxes (negated: for bands), each with that span."""
    if vertical:
        spans = [((s.reach0, s.reach1), s) for s in segs]
    else:
        spans = [((-s.top, -s.bottom), s) for s in segs]
    spans.sort(key=_first)
    return spans


def cut(spans: list[Span], min_gap: float) -> list[list[Segment]]:
    """The sorted segments cut where a strip at least `min_gap` wide holds none."""
    groups: list[list[Segment]] = [[]]
    reach = spans[0][0][1]
    for (lo, hi), seg in spans:
        if lo - reach >= min_gap and groups[-1]:
            groups.append([])
        groups[-1].append(seg)
        if hi > reach:
            reach = hi
    return groups
