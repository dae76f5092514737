"""Pages and items of a library, read from their files and parsed on demand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import NotFound, ReaderError
from reader.fields import item_id, parse_id
from reader.printable import counted

if TYPE_CHECKING:
    from reader.library import Issue, Library
    from reader.model import Item, Page


def read_page(path: Path, paper: str = "", issue: str = "", page: int = 1) -> Page:
    """Read and parse one page file; any problem is a one-line `ReaderError`."""
    from reader.files import read_bounded
    from reader.parse.text import MAX_PAGE_BYTES

    data = read_bounded(path, MAX_PAGE_BYTES, "page file")
    return parse_page_bytes(data, path, paper, issue, page)


def parse_page_bytes(data: bytes, path: Path, paper: str, issue: str, page: int) -> Page:
    """The page whose file at `path` holds `data`: as import structured it, else parsed.

    A decoding problem names the file.
    """
    from reader.parse.stories import parse_bytes  # not needed to list issues or search
    from reader.parse.text import DecodeError

    structured = _structure_of(path, data, paper, issue, page)
    if structured is not None:
        return structured
    try:
        return parse_bytes(data, paper, issue, page)
    except DecodeError as err:
        raise ReaderError(f"{path}: {err}") from None


def _structure_of(path: Path, data: bytes, paper: str, issue: str, page: int) -> Page | None:
    """The page as import read it from its PDF, while its text is as import wrote it."""
    from reader.parse import structure

    side = path.with_name(structure.structure_path_name(path.name))
    try:
        if not side.is_file() or side.stat().st_size > structure.MAX_BYTES:
            return None
        raw = side.read_bytes()
    except OSError:
        return None  # unreadable: the text is still there to parse
    return structure.decode(raw, data, paper, issue, page)


def load_page(library: Library, issue: Issue, number: int) -> Page:
    """Parse page `number` of an issue."""
    path = issue.page_path(number)
    if not path.exists():
        raise NotFound(f"no page {issue.id}/{number:02d}")
    return read_page(path, issue.paper.key, issue.key, number)


def load_pages(library: Library, issue: Issue) -> list[Page]:
    """All pages of an issue, parsed, in page order."""
    return [load_page(library, issue, n) for n in issue.page_numbers()]


def load_item(library: Library, ident: str) -> Item:
    """The item with id `paper/issue/page/n`."""
    ref = parse_id(ident)
    if ref.page is None or ref.item is None:
        raise ReaderError(f"bad item id {ident!r}: expected paper/issue/page/n")
    page = load_page(library, library.issue(ref.paper, ref.issue), ref.page)
    if not 1 <= ref.item <= len(page.items):
        wanted = item_id(ref.paper, ref.issue, ref.page, ref.item)  # as every message writes ids
        raise NotFound(f"no item {wanted}: the page has {counted(len(page.items), 'item')}")
    return page.items[ref.item - 1]
