"""Search hits of one issue as a walkable list of occurrences (no Textual here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.model import Item

# The order fields are shown in the article pane; hits are walked in this order.
FIELDS = ("kicker", "headline", "subtitle", "byline", "source", "credit")

FieldSpans = dict[str, list[tuple[int, int]]]


class HitLike(Protocol):
    """What the reader needs of a `reader.index.Hit`."""

    @property
    def id(self) -> str: ...

    @property
    def spans(self) -> Mapping[str, Sequence[tuple[int, int]]]: ...


@dataclass(frozen=True, order=True)
class Occurrence:
    """One literal occurrence of the query: item, field and character span."""

    page: int
    number: int
    rank: int
    start: int
    end: int
    item_id: str
    field: str


def field_rank(field: str) -> int:
    """Position of a field in reading order: headline stack, credits, then paragraphs."""
    if field in FIELDS:
        return FIELDS.index(field)
    if field.startswith("paragraphs."):
        return len(FIELDS) + int(field.split(".", 1)[1])
    return -1


def field_text(item: Item, field: str) -> str | None:
    """The printed text of one field of an item (`paragraphs.N` included)."""
    if field.startswith("paragraphs."):
        index = int(field.split(".", 1)[1])
        return item.paragraphs[index] if 0 <= index < len(item.paragraphs) else None
    value = getattr(item, field, None)
    return value if isinstance(value, str) else None


def _page_and_number(item_id: str) -> tuple[int, int]:
    parts = item_id.rsplit("/", 2)
    return int(parts[1]), int(parts[2])


def occurrences(hits: Iterable[HitLike]) -> tuple[list[Occurrence], dict[str, FieldSpans]]:
    """Every occurrence in reading order, and the spans of each item by field.

    A derived headline repeats the lead sentence, so its spans are highlighted
    but not walked: `n` would otherwise visit the same words twice.
    """
    found: list[Occurrence] = []
    by_item: dict[str, FieldSpans] = {}
    for hit in hits:
        page, number = _page_and_number(hit.id)
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
