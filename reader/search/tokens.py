"""Index tokens that need no segmenter: character bigrams, and the text of each column.

Every run of letters and digits in the folded text gives its character bigrams
and its last character alone, so any literal occurrence of a query of two or
more characters holds all of the query's bigrams, and one of a single
character is found as a prefix. Queries use this module; the words of the
second table come from `reader.search.segmenter`, which only indexing loads.
"""

from __future__ import annotations

import operator
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # queries import this module for its patterns, not the model
    from reader.model import Item

COLUMNS = ("head", "body", "caption", "meta", "header")
"""The word table's columns (the parts of long words aside): headline stack, body, photo
caption with credit, bylines, and the page header (on the page's first item)."""

GROUP_COLUMN = {
    "headline": "head",
    "body": "body",
    "caption": "caption",
    "meta": "meta",
    "header": "header",
}

RUN = re.compile(r"[^\W_]+")
"""A run of letters and digits (CJK ideographs included): the unit bigrams come from."""


def grams(text: str) -> list[str]:
    """Bigrams of each run of folded text, then the run's last character."""
    out: list[str] = []
    for run in RUN.findall(text):
        if len(run) > 1:
            out.extend(map(operator.add, run, run[1:]))
        out.append(run[-1])
    return out


def add_grams(seen: set[str], text: str) -> None:
    """Add the `grams` of folded text to `seen`, a page's: its `grams` row is each once.

    In no particular order: the bigram table keeps no positions (`detail=none`), so
    FTS5 writes the same bytes whatever the order, and a contentless delete of the
    same set removes exactly what was inserted (a test checks both). Sorting them
    took nearly a tenth of a page's segmenting.
    """
    add = operator.add
    for run in RUN.findall(text):
        seen.update(map(add, run, run[1:]))
        seen.add(run[-1])


def column_fields(item: Item, header: str | None = None) -> tuple[str, ...]:
    """The printed text of each FTS column of an item (in `COLUMNS` order), fields joined
    by newlines: the grouping of `reader.fields.field_group` over `item_fields`, written
    out: going through them key by key made a key string and a lookup a paragraph,
    for every item a build segments (a test checks the two agree)."""
    paragraphs = "\n".join([p for p in item.paragraphs if p])
    head = "\n".join([v for v in (item.kicker, item.headline, item.subtitle) if v])
    credit = item.credit
    if item.kind == "caption":
        caption = f"{credit}\n{paragraphs}" if credit and paragraphs else credit or paragraphs
        body, credit = "", None
    else:
        body, caption = paragraphs, ""
    meta = "\n".join([v for v in (item.byline, item.source, credit) if v])
    return head, body, caption, meta, header or ""
