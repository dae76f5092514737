"""The one home of an item's field vocabulary and of ids (DESIGN sections 2 and 3).

The names and order of an item's fields, the keys that name a place in an item
(`headline`, `paragraphs.3`), the searchable field each key belongs to, the
labels of item kinds, and the ids `paper/issue/page/n` with their parts. The
model's `Item` and the index's stored record both satisfy `ItemFields`, so the
matcher, the tokenizer, the TUI and the CLI read an item the same way. Plain
Python that imports only the errors: the query path loads it cheaply.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple, Protocol

from reader.errors import ReaderError

ITEM_FIELDS = (
    "id",
    "kind",
    "kicker",
    "headline",
    "subtitle",
    "derived_headline",
    "paragraphs",
    "byline",
    "source",
    "credit",
    "marker",
)
"""An item's fields in the order of the model, its JSON and the stored record."""

HEAD_FIELDS = ("kicker", "headline", "subtitle")
"""The printed headline stack, top to bottom."""

META_FIELDS = ("byline", "source", "credit")
"""Who wrote or took it, and where it came from."""

SHOWN_FIELDS = (*HEAD_FIELDS, *META_FIELDS)
"""Single-text fields in the order the article pane shows them, before the paragraphs."""

SEARCH_FIELDS = ("headline", "body", "caption", "header")
"""The fields a query can be restricted to (`headline:`, `--field body`); `header` is the
page's header, which a search reports as the page's first item (key `header`)."""

KIND_LABEL = {"article": "文章", "caption": "图片说明", "brief": "简讯"}
"""How each kind of item is named to a reader."""

_PARAGRAPH = "paragraphs."


class ItemFields(Protocol):
    """What every reader of an item's text needs: `reader.model.Item` and stored records."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def kicker(self) -> str | None: ...
    @property
    def headline(self) -> str | None: ...
    @property
    def subtitle(self) -> str | None: ...
    @property
    def derived_headline(self) -> str | None: ...
    @property
    def paragraphs(self) -> tuple[str, ...]: ...
    @property
    def byline(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...
    @property
    def credit(self) -> str | None: ...


def paragraph_key(n: int) -> str:
    """The key of the n-th (0-based) paragraph: `paragraphs.n`."""
    return f"{_PARAGRAPH}{n}"


def paragraph_index(key: str) -> int | None:
    """The paragraph index a key names, or None for a single-text field."""
    if key.startswith(_PARAGRAPH):
        return int(key[len(_PARAGRAPH) :])
    return None


def item_fields(item: ItemFields) -> Iterator[tuple[str, str]]:
    """(key, printed text) of every non-empty text field, in display order.

    A stored record of a page's first item also has the page's `header`, first.
    """
    header = getattr(item, "header", None)
    if header:
        yield "header", header
    for key in ("kicker", "headline", "subtitle", "derived_headline", "byline", "source"):
        value = getattr(item, key)
        if value:
            yield key, value
    if item.credit:
        yield "credit", item.credit
    for n, paragraph in enumerate(item.paragraphs):
        if paragraph:
            yield paragraph_key(n), paragraph


def field_group(item: ItemFields, key: str) -> str | None:
    """The searchable field a key belongs to: headline, body, caption or meta.

    `derived_headline` is made up by reader, not printed, so it belongs to none
    (it is highlighted, never matched).
    """
    if key in HEAD_FIELDS:
        return "headline"
    if key == "header":
        return "header"
    if key.startswith(_PARAGRAPH):
        return "caption" if item.kind == "caption" else "body"
    if key == "credit" and item.kind == "caption":
        return "caption"
    if key in META_FIELDS:
        return "meta"
    return None


def field_rank(key: str) -> int:
    """Position of a key in reading order: headline stack, credits, then paragraphs."""
    if key in SHOWN_FIELDS:
        return SHOWN_FIELDS.index(key)
    n = paragraph_index(key)
    return -1 if n is None else len(SHOWN_FIELDS) + n


def field_text(item: ItemFields, key: str) -> str | None:
    """The printed text a key names (`paragraphs.N` included), None when there is none."""
    n = paragraph_index(key)
    if n is not None:
        return item.paragraphs[n] if 0 <= n < len(item.paragraphs) else None
    value = getattr(item, key, None)
    return value if isinstance(value, str) else None


def item_id(paper: str, issue: str, page: int, number: int) -> str:
    """The stable id `paper/issue/page/n` of DESIGN section 2 (page zero-padded)."""
    return f"{paper}/{issue}/{page:02d}/{number}"


def page_and_number(ident: str) -> tuple[int, int]:
    """The page and the 1-based item number of an item id."""
    _, page, number = ident.rsplit("/", 2)
    return int(page), int(number)


_ID = r"\A([^/]*[^/\s][^/]*)/([^/]*[^/\s][^/]*)(?:/(\d{1,3})(?:/(\d{1,5}))?)?\Z"
"""An id's pattern, compiled on first use (re's cache): a search parses no id.

A paper or issue folder's name may hold spaces (`特刊 2025`): the library lists
it and search prints its ids, so `show` and `read` take them back."""


class Ref(NamedTuple):
    """A parsed id: `paper/issue[/page[/n]]`."""

    paper: str
    issue: str
    page: int | None = None
    item: int | None = None


def parse_id(text: str) -> Ref:
    """Split an item or issue id; a malformed one is a `ReaderError`."""
    match = re.match(_ID, text.strip().strip("/"))
    if not match:
        raise ReaderError(f"bad id {text!r}: expected paper/issue[/page[/n]]")
    paper, issue, page, item = match.groups()
    return Ref(paper, issue, int(page) if page else None, int(item) if item else None)
