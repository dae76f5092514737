"""What a search returns: the `Hit` of each item, its snippet, and `--count`'s `Tally`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from reader.fields import HEAD_FIELDS, field_text, page_and_number, paragraph_index, paragraph_key
from reader.search import records
from reader.search.query import Term
from reader.search.rank import Spans
from reader.search.records import Stored

_SNIPPET = 80
"""The characters of body text a snippet shows."""
_BEFORE = 16
"""Of them, at most this many before the first hit."""


class Hit(NamedTuple):
    """One item that holds every term of a query, with where the terms are."""

    id: str
    paper: str
    paper_name: str
    issue: str
    date: str | None
    page: int
    kind: str
    headline: str
    score: float
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    spans: dict[str, list[tuple[int, int]]]
    texts: dict[str, str] = {}  # noqa: RUF012 (never mutated: each hit gets its own)
    """The text of each field `spans` points into (by the same keys)."""

    @property
    def number(self) -> int:
        """The item's 1-based position on its page."""
        return page_and_number(self.id)[1]


class Tally:
    """`--count`: hits counted per issue as they stream; one hit of each issue kept, bare.

    Counting every hit of a common word (`的` at 2 GB: millions) had kept every hit,
    each with its item's text: 15 GB resident and minutes before it was killed.
    """

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = {}

    def start(self) -> None:
        """A search begins (again): nothing counted."""
        self.counts = {}

    def keep(self, hit: Hit) -> Hit | None:
        """Count `hit`; the first of its issue, without its texts, is kept."""
        where = (hit.paper, hit.issue)
        seen = self.counts.get(where, 0)
        self.counts[where] = seen + 1
        if seen:
            return None
        return hit._replace(snippet="", snippet_spans=(), spans={}, texts={})


def kept(hits: Iterable[Hit], tally: Tally | None, start: bool = True) -> list[Hit]:
    """The hits as a list, or with a `tally` only what it keeps of them."""
    if tally is None:
        return list(hits)
    if start:
        tally.start()
    return [kept for hit in hits if (kept := tally.keep(hit)) is not None]


def literal_weight(hit: Hit) -> float:
    """Hits in the headline stack count ten times those elsewhere (pages read directly)."""
    return sum(len(v) * (10.0 if k in HEAD_FIELDS else 1.0) for k, v in hit.spans.items())


def make_hit(
    item: Stored, place: records.Place, spans: dict[str, list[tuple[int, int]]], score: float
) -> Hit:
    """The hit for `item` at `place`, where the terms are at `spans`."""
    snippet, snippet_spans = _snippet(item, spans)
    return Hit(
        id=item.id,
        paper=place.paper,
        paper_name=place.paper_name,
        issue=place.issue,
        date=place.date,
        page=place.page,
        kind=item.kind,
        headline=item.title,
        score=round(score, 6),
        snippet=snippet,
        snippet_spans=snippet_spans,
        spans=spans,
        texts={key: field_text(item, key) or "" for key in spans},
    )


def joined(found: dict[Term, Spans]) -> Spans:
    """The spans of all terms, per field key."""
    spans: Spans = {}
    for here in found.values():
        for key, value in here.items():
            spans.setdefault(key, []).extend(value)
    return spans


def _snippet(
    item: Stored, spans: dict[str, list[tuple[int, int]]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of body text around the first hit, with the hits inside it."""
    body = [paragraph_key(n) for n in range(len(item.paragraphs))]
    key = next((k for k in body if k in spans), None)
    if key is None:
        text = item.paragraphs[0] if item.paragraphs else (item.credit or "")
        return text[:_SNIPPET], ()
    text = item.paragraphs[paragraph_index(key) or 0]
    first = spans[key][0][0]
    start = max(0, min(first - _BEFORE, len(text) - _SNIPPET))
    end = min(len(text), start + _SNIPPET)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans[key] if s < end and e > start
    )
    return prefix + text[start:end] + suffix, inside
