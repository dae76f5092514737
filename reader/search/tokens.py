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
from array import array
from functools import cache
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


_UNIT = "I" if array("I").itemsize == 4 else "L"
"""An array type of 32-bit items: one UTF-32 code unit each."""


@cache
def _row_parts() -> tuple[re.Pattern[str], re.Pattern[str], array[int]]:
    """What `gram_row` cuts runs with, made in the processes that index (a search only
    reads `RUN`; the UTF-32 codec alone was 0.15 ms of every one-shot search's imports):
    what lies between runs (each becomes one space), the first character of each run in
    runs joined by spaces, and a space as one UTF-32 unit (from bytes: the units are only
    moved, in either byte order)."""
    return (
        re.compile(r"[\W_]+"),
        re.compile(r"(?<![^ ])[^ ]"),
        array(_UNIT, " ".encode("utf-32-le")),
    )


def gram_row(text: str) -> str:
    """The `grams` of folded text as one row for the bigram table: each run's bigrams and
    its last character, space-separated, in order and with repeats.

    Made without a string object a bigram (creating them took a fifth of a worker's
    page, the set that kept each once more): each character of a run is written with
    the one after it in the run (or a space after its last) and a space, through
    fixed-width UTF-32, so "经济 发展" becomes "经济 济  发展 展  ". Without positions
    (`detail=none`) FTS5 writes a token's doclist entry once a row however often the
    row holds it, so the table's segments are the bytes the set gave (a test checks);
    only its count of tokens inserted (the averages record, which nothing reads)
    grows, and the bigram writer tokenizes the repeats (in C).
    """
    gaps, heads, space = _row_parts()
    runs = gaps.sub(" ", text).strip(" ")
    if not runs:
        return ""
    chars = array(_UNIT, runs.replace(" ", "").encode("utf-32-le"))
    after = array(_UNIT, heads.sub("", runs + " ").encode("utf-32-le"))
    cells = space * (3 * len(chars))
    cells[0::3] = chars
    cells[1::3] = after
    return cells.tobytes().decode("utf-32-le")


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
