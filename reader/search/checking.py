"""The literal check: an item is a hit only when every term is in its folded text.

Candidates come from the index (`reader.search.candidates`); the `Checker` loads their
pages, each once, and keeps those that match the query, with the spans of its terms.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from reader.fields import field_group, paragraph_key
from reader.search import records
from reader.search.folding import absent
from reader.search.matching import holds_all, join_spans, term_spans
from reader.search.query import AnyOf, Node, Not, Term, needed, terms
from reader.search.rank import Spans
from reader.search.records import Stored
from reader.search.results import Hit, joined, make_hit

Found = tuple[Hit, dict[Term, Spans], Stored]
"""A candidate that holds the query: its hit, each term's spans and the item."""


class Checker:
    """Loads candidates' pages (each once) and makes hits of the items that hold the terms."""

    def __init__(self, conn: sqlite3.Connection, tree: Node) -> None:
        self.conn = conn
        self.tree = tree
        self.terms = terms(tree)
        self.needles = needed(tree)
        self.last = -1
        """The first rowid of the page asked for last."""
        self.page: tuple[records.Place, list[Stored | None]] | None = None
        """A page asked for twice in a row, every item cut (None: one that lacks a needle)."""
        self.keep = _keeper(self.needles)
        self.root: str | None = None
        """The library's folder, where the page files the stored items are spans of are."""
        self.rooted = False

    def expect(self, first: int) -> None:
        """The items of the page at `first` come next, together: inflate it whole."""
        self.last = first

    def hit(self, rowid: int, score: float) -> Found | None:
        """The hit for the item at `rowid`, each wanted term's spans and the item, or None
        when a term is not there literally.

        The unranked candidates come a page at a time: the second item asked of a
        page inflates all of it, once (item by item it was inflated again up to each),
        or the first, after `expect` (its last item first: inflated to it, then again).
        """
        item: Stored | None = None
        page = self.page
        if page is not None and 0 <= rowid - page[0].first < len(page[1]):
            item = page[1][rowid - page[0].first]
            if item is None:  # it lacks a needle: not cut
                return None
            found = verify(item, self.tree, self.terms, self.needles)
            if found is None:  # most candidates: no place made for them
                return None
            place = page[0]._replace(number=rowid - page[0].first + 1)
        else:
            if not self.rooted:
                self.root, self.rooted = records.library_root(self.conn), True
            found_place = records.locate(self.conn, rowid, self.root)
            data = found_place.data if found_place is not None else None
            if found_place is None or not data:
                return None
            place = found_place
            if place.first == self.last:
                self.page = (place, records.page_kept(place, self.keep))
                items = self.page[1]
                item = items[place.number - 1] if place.number <= len(items) else None
            else:
                item = records.page_item(place)
            self.last = place.first
            if item is None:
                return None
            found = verify(item, self.tree, self.terms, self.needles)
            if found is None:
                return None
        spans = {key: join_spans(value) for key, value in joined(found).items()}
        return make_hit(item, place, spans, score), found, item


def _keeper(needles: Sequence[str]) -> Callable[[str], bool] | None:
    """What an item's text must pass for its fields to be cut (`records.page_kept`): not
    surely lacking a needle (`folding.absent`, as `holds_all` tells first)."""
    if not needles:
        return None

    # A needle with a space may stand across the seam of two Latin fields, where the
    # print has none (`seams.joiner`): only `verify` tells.
    plain = [needle for needle in needles if " " not in needle]

    def keep(text: str) -> bool:
        return not any(absent(needle, text) for needle in plain)

    return keep


def verify(
    item: Stored, tree: Node, every: list[Term], needles: Sequence[str] = ()
) -> dict[Term, Spans] | None:
    """The spans of each term the item shows, when it matches the query literally.

    `needles` (`query.needed`): folded texts the item must hold to match, tested first
    in one pass over the item (`holds_all`): most candidates fail there, unmapped.
    """
    if not holds_all(item, needles):
        return None
    texts = [t.text for t in every]
    found = term_spans(item, texts, [t.prefix for t in every], [t.field for t in every])
    here = dict(zip(every, found, strict=True))
    shown: dict[Term, Spans] = {}
    return shown if _matches(tree, False, item, here, shown) else None


def _matches(
    node: Node, negated: bool, item: Stored, here: dict[Term, Spans], shown: dict[Term, Spans]
) -> bool:
    """Whether `item` matches `node`, the spans of the terms it shows put in `shown`.

    A function of its own, not one nested in `verify` calling itself: that made a
    reference cycle for every item checked, holding its text, which one-shot commands
    (run without the cyclic collector, `startup.pause_collection`) never freed: 15 GB
    for `reader search 的 --count` at 2 GB.
    """
    if isinstance(node, Term):
        inside = any(
            (group := field_group(item, key)) is not None
            and (node.field is None or group == node.field)
            for key in here[node]
        )
        if inside and not negated:
            # Derived headlines too: highlighted, never matched. A field's term only there:
            # `headline:经济` shows no 经济 of the body, which it did not match.
            found = here[node]
            shown[node] = found if node.field is None else _within(item, found, node.field)
        return inside
    if isinstance(node, Not):
        return not _matches(node.node, not negated, item, here, shown)
    results = [_matches(child, negated, item, here, shown) for child in node.nodes]  # all: spans
    return any(results) if isinstance(node, AnyOf) else all(results)


def _within(item: Stored, spans: Spans, field: str) -> Spans:
    """The spans of the keys of `field` (a search field: headline, body, caption, header),
    and of the derived headline for the field of the paragraphs it is cut from."""
    lead = field_group(item, paragraph_key(0))
    return {
        key: value
        for key, value in spans.items()
        if (field_group(item, key) or (lead if key == "derived_headline" else None)) == field
    }
