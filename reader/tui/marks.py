"""Which characters of which field get which highlight: watch-word, hit, current hit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from reader.model import Item

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


class Highlights:
    """Watch-words (on or off) and search hits of the open issue's items, as marks."""

    def __init__(self, watch_words: Sequence[str]) -> None:
        self.watch_words = tuple(watch_words)
        self.on = True
        self._items: dict[str, Item] = {}
        self._cache: dict[str, Spans] = {}

    def open(self, items: Iterable[Item]) -> None:
        """A new issue: its items, by id; the watch-words are found in them on demand."""
        self._items = {item.id: item for item in items}
        self._cache.clear()

    def has(self, item_id: str) -> bool:
        """`item_id` is an item of the open issue."""
        return item_id in self._items

    def marks(
        self, item_id: str, hits: Spans | None, current: tuple[str, int, int] | None
    ) -> Marks:
        """Watch-word, hit and current-hit (field, start, end) spans of one item, by field."""
        return combine(self._watch(item_id) if self.on else None, hits, current)

    def _watch(self, item_id: str) -> Spans:
        if not self.watch_words or item_id not in self._items:
            return {}
        if item_id not in self._cache:
            from reader.search.matching import find_spans

            self._cache[item_id] = find_spans(self._items[item_id], self.watch_words)
        return self._cache[item_id]
