"""Searching a library's index that this user cannot write: in place, and when it is behind.

On a server an administrator keeps the library (a read-only mount, or a folder
only they may write) and runs `reader index`; every user searches that one
index read-only (`journal.open_read`: the update leaves it in DELETE mode so a
read-only open needs no write) instead of building a private copy each.

Behind, not broken: when issue folders changed since the index was built (the
folder times `reader.search.freshness.record` stored, against today's), the
index answers for the unchanged issues and the changed issues' pages are read
and parsed here, then checked by the engine with the same literal matching
(`reader.search.engine`). Said once on stderr. Only when that would be slow
(more than `MAX_FOLDERS` changed folders, or `MAX_BYTES` of their pages) does a
private copy serve, and that is said too.

No SQLite and no engine here: the engine calls this module (its plan, the
changed pages, the merge), so the hits are made and ranked in one place.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from reader.errors import ReaderError
from reader.files import is_file
from reader.search.freshness import changed_issues
from reader.search.records import Place, Stored

if TYPE_CHECKING:
    from reader.library import Library
    from reader.search.build import UpdateStats

MAX_FOLDERS = 50
"""More changed issue folders than this: a private copy, not the pages read on every search."""
MAX_BYTES = 10_000_000
"""More page text than this in the changed folders: a private copy. Reading and parsing
pages runs at 10-20 MB/s on one core (bench/README.md, Search): a search reading
this much takes about a second more."""
PRIVATE = "searching a private copy of the index instead (the owner's `reader index` mends this)"

IssueKey = tuple[str, str]
T = TypeVar("T")

_said: set[str] = set()


def say(note: Callable[[str], None] | None, message: str) -> None:
    """Tell `note` the message once per process (a reader searches many times)."""
    if note is not None and message not in _said:
        _said.add(message)
        note(message)


class Plan(NamedTuple):
    """How to search a shared index: in place, around changed issues, or not at all."""

    changed: frozenset[IssueKey] = frozenset()
    """Issue folders added or changed since the build: their pages are read directly."""
    gone: frozenset[IssueKey] = frozenset()
    """Issue folders the index holds that are no longer there."""
    problem: str | None = None
    """Why a private copy must serve instead (another version's index, too far behind)."""

    @property
    def skip(self) -> frozenset[IssueKey]:
        """The issues whose hits the index must not give."""
        return self.changed | self.gone


def plan(library: Library, have: dict[str, str], stale: dict[str, str]) -> Plan:
    """The plan for a shared index whose meta table is `have` (`stale`: versions it lacks)."""
    if stale and not stale.keys() & have.keys():
        # Tables and no record of a version: the owner's first build has not ended.
        return Plan(problem="the shared index is still being built by its owner")
    if stale:
        what = ", ".join(f"{k} {have.get(k, '?')}, this reader {v}" for k, v in stale.items())
        return Plan(problem=f"the shared index was built by another version of reader ({what})")
    found = changed_issues(library.root, have.get("folders", ""))
    if found is None:
        return Plan(problem="the library's folders cannot be read")
    changed, gone = found
    if len(changed) > MAX_FOLDERS:
        return Plan(problem=f"the shared index is behind by {len(changed)} issue folders")
    size = sum(_page_bytes(library.root / paper / issue) for paper, issue in changed)
    if size > MAX_BYTES:
        return Plan(
            problem=f"the shared index is behind by {size / 1e6:.0f} MB of pages "
            f"in {len(changed)} issue folders"
        )
    return Plan(frozenset(changed), frozenset(gone))


def _page_bytes(folder: Path) -> int:
    """The size of the page files in an issue folder."""
    from reader.library import page_number

    total = 0
    try:
        with os.scandir(folder) as found:
            for entry in found:
                if page_number(entry.name) is not None and is_file(entry):
                    total += entry.stat().st_size
    except OSError:
        pass
    return total


def behind_message(path: Path, plan: Plan) -> str:
    """The one line that says the shared index is behind and what brings it up to date."""
    changed = len(plan.changed)
    folders = f"{changed} issue folder{'s' if changed != 1 else ''} changed"
    gone = f", {len(plan.gone)} removed" if plan.gone else ""
    return (
        f"the index {path} is behind the pages ({folders}{gone} since it was built): "
        "reading those pages directly; `reader index` (by the library's owner) "
        "brings it up to date"
    )


def changed_items(
    library: Library,
    plan: Plan,
    paper: str | None,
    issue: str | None,
    since: date | None,
    until: date | None,
    page: int | None,
) -> Iterator[tuple[Place, Stored]]:
    """Every item on the pages of the changed issues that pass the filters, parsed as the
    build parses them (the same bounded read and parser), in the build's order."""
    from reader.errors import NotFound
    from reader.files import read_bounded
    from reader.parse.pages import parse_page_bytes
    from reader.parse.text import MAX_PAGE_BYTES

    for paper_key, issue_key in sorted(plan.changed):
        if paper not in (None, paper_key) or issue not in (None, issue_key):
            continue
        try:
            found = library.issue(paper_key, issue_key)
            numbers = found.page_numbers()
        except (NotFound, OSError):
            continue  # not an issue of a paper (a stray folder), or gone meanwhile
        when = found.date
        if (since and (when is None or when < since)) or (until and (when is None or when > until)):
            continue
        day = when.isoformat() if when else None
        for number in numbers:
            if page not in (None, number):
                continue
            path = found.page_path(number)
            try:
                data = read_bounded(path, MAX_PAGE_BYTES, "page file")
                parsed = parse_page_bytes(data, path, paper_key, issue_key, number)
            except (ReaderError, OSError):
                continue  # the build skips such a page too (and `reader index` says why)
            for n, item in enumerate(parsed.items, start=1):
                place = Place(paper_key, found.paper.name, issue_key, day, number, 0, n, None)
                # As the index stores them: the page's header goes with its first item.
                stored = Stored(*(getattr(item, f) for f in Stored._fields[:-1]))
                yield place, stored._replace(header=parsed.header if n == 1 else None)


def merge_hits(
    indexed: Sequence[T], direct: Sequence[T], weight: Callable[[T], float], limit: int | None
) -> list[T]:
    """The index's hits in their order, with the directly read ones (best first) among them.

    The pages read directly have no bm25 score (that needs the index's word
    statistics and a segmenter no search loads), so each goes just before the
    first index hit that holds its terms less: by the engine's literal weight,
    headline hits counting ten times (the order the engine gives candidates it
    does not rank by bm25). The index's own order is never changed.
    """
    out: list[T] = []
    pending = list(direct)
    for hit in indexed:
        mine = weight(hit)
        while pending and weight(pending[0]) > mine:
            out.append(pending.pop(0))
        out.append(hit)
    out.extend(pending)
    return out if limit is None else out[:limit]


def update_status(library: Library, path: Path) -> UpdateStats | None:
    """What `reader index` by a user who cannot write the library does: nothing, if it can.

    A usable shared index is the one every search reads, so a private copy
    built beside it would never be searched: it is reported as up to date,
    or as behind (with what brings it up to date). None when a private copy
    must serve (it cannot be read, another version built it, far behind).
    """
    import sqlite3

    from reader.search import journal, store
    from reader.search.build import UpdateStats
    from reader.search.freshness import fingerprint

    try:
        have = journal.read_snapshot(path, store.meta)
    except (ReaderError, sqlite3.DatabaseError):
        return None
    found = plan(library, have, store.stale_versions(have, segmenter=False))
    pages = int(have.get("pages", "0"))
    if found.problem is not None:
        return None
    if not found.skip and have.get("signature") == fingerprint(library):
        return UpdateStats(path, pages=pages, unchanged=pages, fresh=True)
    what = (
        f"{len(found.changed)} issue folders changed since it was built, read directly by searches"
        if found.skip
        else "a page was rewritten in place since it was built"
    )
    return UpdateStats(
        path,
        pages=pages,
        unchanged=pages,
        notes=(
            f"the index {path} is the library owner's ({what}): "
            "their `reader index` brings it up to date",
        ),
    )
