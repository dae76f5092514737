"""Search hits of one issue as a walkable list of occurrences (no Textual here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, Protocol

from reader.fields import field_rank, page_and_number
from reader.tui.labels import English, Labels

FieldSpans = dict[str, list[tuple[int, int]]]


class HitLike(Protocol):
    """What the reader needs of a `reader.search.engine.Hit`."""

    @property
    def id(self) -> str: ...

    @property
    def spans(self) -> Mapping[str, Sequence[tuple[int, int]]]: ...


class Occurrence(NamedTuple):
    """One literal occurrence of the query: item, field and character span."""

    page: int
    number: int
    rank: int
    start: int
    end: int
    item_id: str
    field: str


def occurrences(hits: Iterable[HitLike]) -> tuple[list[Occurrence], dict[str, FieldSpans]]:
    """Every occurrence in reading order, and the spans of each item by field.

    A derived headline repeats the lead sentence, so its spans are highlighted
    but not walked: `n` would otherwise visit the same words twice.
    """
    found: list[Occurrence] = []
    by_item: dict[str, FieldSpans] = {}
    for hit in hits:
        page, number = page_and_number(hit.id)
        fields = by_item.setdefault(hit.id, {})
        for field, spans in hit.spans.items():
            fields[field] = sorted((int(s), int(e)) for s, e in spans)
            rank = field_rank(field)
            if rank < 0:
                continue
            found.extend(
                Occurrence(page, number, rank, s, e, hit.id, field) for s, e in fields[field]
            )
    found.sort()
    return found, by_item


def snippet(text: str, start: int, end: int, before: int = 8, after: int = 30) -> tuple[str, int]:
    """A window of `text` around a span, with `…` where cut; and the span's new start."""
    left = max(0, start - before)
    right = min(len(text), end + after)
    head = "…" if left else ""
    tail = "…" if right < len(text) else ""
    return head + text[left:right] + tail, len(head) + start - left


class HitWalk:
    """The occurrences of one query in one issue, and which one is current (`n`/`N`)."""

    def __init__(self, labels: Labels = English) -> None:
        self.labels = labels
        self.hits: list[Occurrence] = []
        self.spans: dict[str, FieldSpans] = {}
        self.index: int | None = None

    def load(self, hits: list[Occurrence], spans: dict[str, FieldSpans]) -> None:
        """New hits, none current yet."""
        self.hits, self.spans, self.index = hits, spans, None

    def clear(self) -> None:
        """No search."""
        self.load([], {})

    @property
    def current(self) -> Occurrence | None:
        """The hit last jumped to."""
        return None if self.index is None else self.hits[self.index]

    def step(self, step: int) -> int:
        """The index `step` hits on, wrapping around; from none, the first or the last."""
        if self.index is None:
            return 0 if step > 0 else len(self.hits) - 1
        return (self.index + step) % len(self.hits)

    def first_in(self, item_id: str | None) -> int | None:
        """The first hit in an item."""
        return next((n for n, hit in enumerate(self.hits) if hit.item_id == item_id), None)

    def counter(self) -> str:
        """`3/12` once a hit is current, else the number of hits."""
        if self.index is not None:
            return f"{self.index + 1}/{len(self.hits)}"
        words = self.labels
        if not self.hits:
            return words.no_hits
        count = len(self.hits)
        return words.hits_count.format(count=count, noun="hit" if count == 1 else "hits")
