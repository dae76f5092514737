"""The items the index keeps: each page's parsed items as spans of its text file.

A hit's item is read back from the `texts` table (`reader.search.pagetext` packs it)
and the library's page file it points into, so the index holds no copy of the text.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from reader.errors import ReaderError


class Place(NamedTuple):
    """Where an FTS rowid points: its issue, page and position, and its page's stored items."""

    paper: str
    paper_name: str
    issue: str
    date: str | None
    page: int
    first: int
    """The rowid of the page's first item."""
    number: int
    """The item's 1-based position on its page."""
    data: bytes | None
    """The page's items as `pagetext.encode` stored them."""
    path: str | None = None
    """The page's text file, which the stored items are spans of."""


def library_root(conn: sqlite3.Connection) -> str | None:
    """The folder of the library whose index is open on `conn` (page files are under it).

    An index inside its library (`<library>/.reader/`) is found from its own path, so
    a library moved with its index still reads; one in the cache dir from the meta table.
    """
    factory, conn.text_factory = conn.text_factory, bytes  # a path need not be UTF-8
    try:
        rows = conn.execute("PRAGMA database_list").fetchall()
    finally:
        conn.text_factory = factory
    name = next((os.fsdecode(row[2]) for row in rows if row[1] == b"main"), "")
    folder = os.path.dirname(name)
    if name and os.path.basename(folder) == ".reader":
        return os.path.dirname(folder)
    row = conn.execute("SELECT value FROM meta WHERE key='root'").fetchone()
    if row and isinstance(row[0], bytes):  # a path that is not UTF-8 (build.py)
        return os.fsdecode(row[0])
    return str(row[0]) if row else None


def locate(conn: sqlite3.Connection, rowid: int, root: str | None = None) -> Place | None:
    """The item at FTS rowid `rowid`: page rows hold the rowids `first` to `first + items - 1`.

    Rowids are handed out densely, page after page, because FTS5 stores the
    gaps between them: dense rowids keep the bigram index a third smaller.
    One query brings everything a hit shows (three took 4 ms of a search).
    """
    row = conn.execute(
        "SELECT p.first, p.items, p.page, i.paper, coalesce(n.name, i.paper), i.issue, i.date, "
        "t.data FROM pages p JOIN issues i ON i.id = p.issue_id "
        "LEFT JOIN papers n ON n.key = i.paper LEFT JOIN texts t ON t.first = p.first "
        "WHERE p.first <= ? ORDER BY p.first DESC LIMIT 1",
        (rowid,),
    ).fetchone()
    if row is None or rowid >= row[0] + row[1]:
        return None
    first, _, page, paper, name, issue, when, data = row
    path = os.path.join(root, paper, issue, f"{page:02d}.txt") if root is not None else None
    return Place(paper, name, issue, when, page, first, rowid - first + 1, data, path)


class Stored(NamedTuple):
    """An item as the index keeps it: the fields of `reader.model.Item`, in its order.

    A search makes a few of these; making them `Item`s would load the model's
    dataclasses (4 ms of a one-shot search). A test checks the fields match.
    """

    id: str
    kind: str
    kicker: str | None
    headline: str | None
    subtitle: str | None
    derived_headline: str | None
    paragraphs: tuple[str, ...]
    byline: str | None
    source: str | None
    credit: str | None
    marker: str | None
    header: str | None = None
    """The page's header, on its first item only: a header hit is reported as that item."""

    @property
    def title(self) -> str:
        """The headline as printed, else the derived one (as `Item.title`)."""
        return self.headline or self.derived_headline or ""


def page_items(place: Place) -> list[Stored]:
    """Every item of the page at `place`, from its stored spans over its text file.

    A page file changed since it was indexed (its size or CRC-32 differ), or gone,
    is parsed as it is now (`_parsed`): a hit never shows text the page does not
    hold. A damaged blob is a `sqlite3.DatabaseError`, as SQLite reports its own damage.
    """
    return [item for item in _items(place, None) if item is not None]  # None: none refused


def page_kept(place: Place, keep: Callable[[str], bool] | None) -> list[Stored | None]:
    """`page_items`, with None for each item whose text `keep` refuses, its fields not cut
    (`pagetext.load`); a page parsed again has every item."""
    return _items(place, None, keep)


def page_item(place: Place) -> Stored | None:
    """The item `place.number` of its page (`page_items`), the others' fields not cut."""
    found = _items(place, place.number)
    return found[0] if found else None


def _items(
    place: Place, number: int | None, keep: Callable[[str], bool] | None = None
) -> list[Stored | None]:
    from reader.search import pagetext

    if not place.data:
        return []
    try:
        stored = pagetext.check(place.data)
    except ValueError as err:
        raise sqlite3.DatabaseError(f"damaged stored items: {err}") from None
    data = _read(place.path, stored[1])
    spanned = pagetext.bytes_of(data, stored) if data is not None else None
    if spanned is None:
        return [*_parsed(place, data, number)]
    try:
        return [
            None if fields is None else Stored._make(fields)
            for fields in pagetext.load(stored[3], spanned, number, keep)
        ]
    except (ValueError, TypeError, IndexError, LookupError) as err:
        raise sqlite3.DatabaseError(f"damaged stored items: {err}") from None


def _read(path: str | None, size: int) -> bytes | None:
    """The page file's bytes, up to one more than the `size` indexed (None when unreadable)."""
    if path is None:
        return None
    try:  # os.read, not open(): a file object costs 5 of a hit's 60 us
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        data = os.read(fd, size + 1)
        while len(data) <= size:  # a short read, rare
            more = os.read(fd, size + 1 - len(data))
            if not more:
                break
            data += more
        return data
    except OSError:
        return None
    finally:
        os.close(fd)


def _parsed(place: Place, data: bytes | None, number: int | None) -> list[Stored]:
    """The page's items parsed from the file as it is now (it changed since the index)."""
    from reader.files import read_bounded
    from reader.parse.pages import parse_page_bytes
    from reader.parse.text import MAX_PAGE_BYTES

    if place.path is None or data is None:
        return []
    path = Path(place.path)
    try:
        data = read_bounded(path, MAX_PAGE_BYTES, "page file")
        parsed = parse_page_bytes(data, path, place.paper, place.issue, place.page)
    except (ReaderError, OSError):
        return []
    out = [
        Stored(*(getattr(item, f) for f in Stored._fields[:-1]))._replace(
            header=parsed.header if n == 1 else None
        )
        for n, item in enumerate(parsed.items, start=1)
    ]
    if number is None:
        return out
    return out[number - 1 : number] if number > 0 else []


def page_stored(blob: bytes, data: bytes) -> list[Stored]:
    """The items of a stored page whose file holds `data` (None when it holds other bytes)."""
    from reader.search import pagetext

    spanned = pagetext.bytes_of(data, pagetext.check(blob))
    if spanned is None:
        raise ValueError("not the page indexed")
    return [Stored._make(fields) for fields in pagetext.load(blob, spanned) if fields is not None]
