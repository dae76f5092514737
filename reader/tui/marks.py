"""Which characters of which field get which highlight: watch-word, hit, current hit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

WATCH, HIT, CURRENT = "watch", "hit", "current"

Mark = tuple[int, int, str]
Marks = dict[str, list[Mark]]
Spans = Mapping[str, Sequence[tuple[int, int]]]


def combine(watch: Spans | None, hits: Spans | None, current: tuple[str, int, int] | None) -> Marks:
    """Marks by field, weakest first, so later styles win where they overlap."""
    marks: Marks = {}
    for kind, spans in ((WATCH, watch), (HIT, hits)):
        for field, pairs in (spans or {}).items():
            marks.setdefault(field, []).extend((s, e, kind) for s, e in pairs)
    if current is not None:
        field, start, end = current
        marks.setdefault(field, []).append((start, end, CURRENT))
    return marks
