"""Parsed pages kept between sessions, so the reader opens a page it has shown without the parser.

Importing the parser is 60-80 ms of CPU (its patterns and tables), a third of a
one-widget Textual app's whole start; the reader used to pay it before every first
frame. A page parsed once is kept in the cache dir (`$READER_CACHE_DIR/pages`),
named by a hash of everything its parse depends on: the page's bytes, the name,
size and time of its import sidecars (`01.structure.json`), its paper, issue and
number, and the parser itself (name, size and time of each file of `reader/parse`
and of `reader/model.py`, and the Python version, which `marshal` depends on).
Edit a page or the parser and the old entry is simply never asked for again.

Entries are `marshal` data of plain tuples (no code runs on loading them); one
that cannot be read or does not fit is ignored and the page is parsed again.
Writing is best-effort: a cache dir that cannot be written costs only the parse.
Each of its 256 folders keeps the `PER_FOLDER` entries read or written last.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

from reader.errors import ReaderError
from reader.files import read_bounded
from reader.library import Issue, Library
from reader.locations import cache_dir
from reader.model import Item, Page
from reader.parse.pages import load_page, parse_page_bytes

FORMAT = 1
"""Bump when the layout of an entry changes."""

_ITEM_FIELDS = tuple(f.name for f in fields(Item))
_PARSER: list[bytes] = []
"""The parser's fingerprint, made once a process."""


def parser_fingerprint() -> bytes:
    """Name, size and time of every file the parse depends on, and the Python version."""
    if not _PARSER:
        import reader.model as model

        parse_dir = Path(model.__file__).parent / "parse"
        parts = [f"{FORMAT}|{sys.version}|{','.join(_ITEM_FIELDS)}"]
        files = [Path(model.__file__)]
        with contextlib.suppress(OSError):
            files += sorted(Path(e.path) for e in os.scandir(parse_dir) if e.name.endswith(".py"))
        for file in files:
            try:
                stat = file.stat()
            except OSError:
                continue
            parts.append(f"{file.name}|{stat.st_size}|{stat.st_mtime_ns}")
        _PARSER.append("\n".join(parts).encode())
    return _PARSER[0]


def _sidecars(path: Path) -> str:
    """Name, size and time of the files beside a page named like it (`01.structure.json`)."""
    stem = path.name[:-4] if path.name.endswith(".txt") else path.name
    found = []
    with os.scandir(path.parent) as entries:
        for entry in entries:
            if entry.name.startswith(stem + ".") and entry.name != path.name:
                stat = entry.stat()
                found.append(f"{entry.name}|{stat.st_size}|{stat.st_mtime_ns}")
    return "\n".join(sorted(found))


def entry_key(data: bytes, path: Path, paper: str, issue: str, number: int) -> str:
    """The name of the cache entry of a page whose file at `path` holds `data`."""
    digest = hashlib.sha256(parser_fingerprint())
    head = f"\0{paper}\0{issue}\0{number}\0{_sidecars(path)}\0"
    digest.update(head.encode("utf-8", "surrogateescape"))
    digest.update(data)
    return digest.hexdigest()


def _entry_path(key: str) -> Path:
    return cache_dir() / "pages" / key[:2] / key


def page_data(page: Page) -> bytes:
    """A page as an entry of the cache (also what `parsechild` hands the screen)."""
    items = tuple(tuple(getattr(item, name) for name in _ITEM_FIELDS) for item in page.items)
    return marshal.dumps((FORMAT, page.paper, page.issue, page.page, page.header, items))


def page_from_data(raw: bytes, paper: str, issue: str, number: int) -> Page | None:
    """The page an entry holds, or None if it is not one of this page."""
    try:
        form, got_paper, got_issue, got_page, header, items = marshal.loads(raw)
        if (form, got_paper, got_issue, got_page) != (FORMAT, paper, issue, number):
            return None
        return Page(paper, issue, number, header, tuple(Item(*values) for values in items))
    except (ValueError, TypeError, EOFError):
        return None


def _read(key: str, paper: str, issue: str, number: int) -> Page | None:
    path = _entry_path(key)
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # read now: the last to go when its folder is pruned
    return page_from_data(raw, paper, issue, number)


PER_FOLDER = 64
"""Entries kept in each of the 256 folders (16,384 pages, a few KB each): a reader who
has shown years of pages keeps the ones shown last, and the cache dir stays bounded."""


def _prune(folder: Path) -> None:
    """Remove the entries of `folder` read or written longest ago, past `PER_FOLDER`."""
    try:
        with os.scandir(folder) as scan:
            entries = [(e.stat().st_mtime_ns, e.path) for e in scan if not e.name.startswith(".")]
    except OSError:
        return
    entries.sort()
    for _, path in entries[: max(0, len(entries) - PER_FOLDER)]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _write(key: str, page: Page) -> None:
    target = _entry_path(key)
    temporary = target.with_name(f".{key}.{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(page_data(page))
        os.replace(temporary, target)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return
    _prune(target.parent)


_PARSING: list[Callable[[], None]] = []
"""The wait for the child `parse_beside` started, until a page is asked for."""


def parse_beside(library: Library, issue: Issue) -> bool:
    """Parse the pages of `issue` that are not in the cache in a child process, now;
    whether one was started. `cached_page` waits for it before it reads the cache.

    A first start (nothing cached: a new user's sample, a library never opened)
    imported the parser and parsed its first issue on the way to the first frame,
    a quarter of a one-widget Textual app's start. Started before Textual is
    imported, the child does that on another core while this process imports
    Textual and builds the screen, and the frame shows the same parsed pages.
    A page the child could not do (an error, a cache dir it cannot write) is
    parsed here when it is asked for, as without the child.
    """
    from reader.startup import beside

    missing = missing_pages(issue)
    if not missing or not _writable(cache_dir() / "pages"):
        return False  # a child could not leave its pages here: they are parsed here

    def parse() -> None:
        for number in missing:
            cached_page(library, issue, number)

    wait = beside(parse)
    _PARSING.append(wait)
    return True


def missing_pages(issue: Issue) -> list[int]:
    """The numbers of the issue's pages with no entry in the cache (to be parsed)."""
    return [n for n in issue.page_numbers() if not _in_cache(issue, n)]


def _writable(folder: Path) -> bool:
    """Whether `folder`, or the nearest folder above it that exists, can be written to."""
    while not os.path.lexists(folder) and folder.parent != folder:
        folder = folder.parent
    return os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK)


def _in_cache(issue: Issue, number: int) -> bool:
    """Whether the page has an entry; a page file that cannot be read counts as one
    (there is nothing to parse ahead: `cached_page` says what is wrong)."""
    from reader.parse.text import MAX_PAGE_BYTES  # the module alone: no parser

    path = issue.page_path(number)
    try:
        data = read_bounded(path, MAX_PAGE_BYTES, "page file")
        key = entry_key(data, path, issue.paper.key, issue.key, number)
    except (ReaderError, OSError):
        return True
    return _entry_path(key).is_file()


def cached_page(library: Library, issue: Issue, number: int) -> Page:
    """Page `number` of an issue, as `reader.parse.pages.load_page` gives it, from the
    cache when it was parsed before; errors as `load_page` says them."""
    from reader.parse.text import MAX_PAGE_BYTES  # the module alone: no parser

    while _PARSING:  # a child parsing ahead: its entries first
        _PARSING.pop()()
    path = issue.page_path(number)
    paper, key_issue = issue.paper.key, issue.key
    try:
        data = read_bounded(path, MAX_PAGE_BYTES, "page file")
        key = entry_key(data, path, paper, key_issue, number)
    except (ReaderError, OSError):
        return load_page(library, issue, number)  # says what is wrong, as before
    page = _read(key, paper, key_issue, number)
    if page is None:
        page = parse_page_bytes(data, path, paper, key_issue, number)
        _write(key, page)
    return page
