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

from reader.fields import field_group, item_fields
from reader.search.folding import fold

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


def column_texts(item: Item, header: str | None = None) -> dict[str, str]:
    """The folded text of each FTS column of an item (fields joined by newlines).

    `header`: the page's header, given with the page's first item.
    """
    parts: dict[str, list[str]] = {column: [] for column in COLUMNS}
    if header:
        parts["header"].append(header)
    for key, text in item_fields(item):
        group = field_group(item, key)
        if group is not None:
            parts[GROUP_COLUMN[group]].append(text)
    return {column: fold("\n".join(texts)) for column, texts in parts.items()}
