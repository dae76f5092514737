"""Where a query's hits may be: the filters as rowid ranges, the bigram table's candidate
pages, and the walk over the newest pages for a character alone.

Each candidate is handed to the `Checker` (`reader.search.checking`), which keeps it
only when it holds the query literally.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

from reader.search.checking import Checker, Found

_CANDIDATES = 20_000
"""At most this many bigram candidates are read to sift the word table's matches."""
_MISSES = 16
"""Ranked candidates that fail the check before the bigram candidates are read (`_found`)."""
SCAN = 400
"""A lone character in `limit` of the newest this many items is answered by them, newest first."""
_LONE_PAGES = 64
"""At most this many pages are walked newest first for a lone character (`Walk`)."""
_THIN = 8
"""After this many pages, the walk gives way to the bigram table when fewer than half
of them held the character."""


class Filters(NamedTuple):
    paper: str | None
    issue: str | None
    since: date | None
    until: date | None
    page: int | None


class Scope:
    """The filters as a test on rowids, and the rowid range that holds every allowed item."""

    def __init__(self, conn: sqlite3.Connection, filters: Filters) -> None:
        self.ranges: list[tuple[int, int]] | None = None
        if filters == Filters(None, None, None, None, None):
            return
        issues = {
            row[0]: row[1:] for row in conn.execute("SELECT id, paper, issue, date FROM issues")
        }
        since = filters.since.isoformat() if filters.since else None
        until = filters.until.isoformat() if filters.until else None
        wanted = {
            issue_id
            for issue_id, row in issues.items()
            if filters.paper in (None, row[0])
            and filters.issue in (None, row[1])
            and (since is None or (row[2] is not None and row[2] >= since))
            and (until is None or (row[2] is not None and row[2] <= until))
        }
        self.ranges = [
            (first, first + items - 1)
            for first, items, issue_id, page in conn.execute(
                "SELECT first, items, issue_id, page FROM pages ORDER BY first"
            )
            if issue_id in wanted and filters.page in (None, page) and items
        ]
        self.starts = [start for start, _ in self.ranges]
        from bisect import bisect_right  # here: a search without filters needs none

        self.bisect = bisect_right

    def allows(self, rowid: int) -> bool:
        """Whether the item at `rowid` passes the filters."""
        if self.ranges is None:
            return True
        at = self.bisect(self.starts, rowid) - 1
        return at >= 0 and rowid <= self.ranges[at][1]

    def sql(self, rowid: str = "rowid") -> tuple[str, list[object]]:
        """A rowid range for FTS5 to skip what no allowed page holds (`rowid`: its column)."""
        if self.ranges is None:
            return "", []
        if not self.ranges:
            return f" AND {rowid} < 0", []
        return f" AND {rowid} BETWEEN ? AND ?", [self.ranges[0][0], self.ranges[-1][1]]


def _found(
    conn: sqlite3.Connection,
    grams: str,
    scope: Scope,
    ranked: list[tuple[int, float]],
    checker: Checker,
    below: int | None = None,
) -> Iterator[tuple[int, float, Found]]:
    """The candidates that hold the query literally, each with its score and its check:
    the `ranked` in their order, then the bigram table's others, newest first, read
    lazily (a common word costs no more than a rare one).

    Items with the words but not the text (人民币 … 汇率 apart) fail the check. After
    `_MISSES` of them among the ranked, the bigram table's candidates, when few enough
    to hold, rule out the rest unloaded. Until then they are not read: most queries
    miss less (none of the bench's), and reading them cost 2.5-3.5 ms at 2 GB, where
    they were most often more than `_CANDIDATES` and ruled out nothing.
    `below`: the others only below this rowid (those above it were checked already).
    """
    yield from found_ranked(conn, grams, scope, ranked, checker)
    yield from found_rest(conn, grams, scope, ranked, checker, below)


def found_ranked(
    conn: sqlite3.Connection,
    grams: str,
    scope: Scope,
    ranked: list[tuple[int, float]],
    checker: Checker,
) -> Iterator[tuple[int, float, Found]]:
    """`_found`'s first part: the `ranked` that hold the query literally, in their order."""
    likely: set[int] | None = None
    misses = 0
    for rowid, coarse in ranked:
        if likely is not None and rowid not in likely:
            continue
        found = checker.hit(rowid, coarse)
        if found is not None:
            yield rowid, coarse, found
            continue
        misses += 1
        if misses == _MISSES:
            likely = _candidates(conn, grams, scope)


def found_rest(
    conn: sqlite3.Connection,
    grams: str,
    scope: Scope,
    ranked: list[tuple[int, float]],
    checker: Checker,
    below: int | None = None,
) -> Iterator[tuple[int, float, Found]]:
    """`_found`'s second part: the bigram table's candidates not `ranked`, newest first."""
    done = {rowid for rowid, _ in ranked}
    pages = _pages(conn, grams, scope, newest=True)
    for rowid, coarse in _unranked(pages, done, scope, checker, below):
        found = checker.hit(rowid, coarse)
        if found is not None:
            yield rowid, coarse, found


def _unranked(
    pages: Iterable[tuple[int, int]],
    done: set[int],
    scope: Scope,
    checker: Checker,
    below: int | None = None,
) -> Iterator[tuple[int, float]]:
    """The items of `pages` not in `done` (scored already) and below rowid `below`, each
    page's newest first, with no score; the checker is told as each page starts (it
    inflates it whole)."""
    for first, items in pages:
        end = first + items if below is None else min(first + items, below)
        if end <= first:
            continue
        checker.expect(first)
        for rowid in range(end - 1, first - 1, -1):
            if rowid not in done and scope.allows(rowid):
                yield rowid, 0.0


def _pages(
    conn: sqlite3.Connection, grams: str, scope: Scope, newest: bool = False
) -> sqlite3.Cursor:
    """The bigram table's candidate pages: each one's first item rowid and item count.

    A cursor, not a generator around one: a generator left suspended by an
    exception kept its statement, and the file's read lock, past `close`.
    """
    where, params = scope.sql("g.rowid")
    order = " ORDER BY g.rowid DESC" if newest else ""
    return conn.execute(
        "SELECT g.rowid, p.items FROM grams g JOIN pages p ON p.first = g.rowid "
        f"WHERE grams MATCH ?{where}{order}",
        [grams, *params],
    )


def _candidates(conn: sqlite3.Connection, grams: str, scope: Scope) -> set[int] | None:
    """The items of the bigram table's candidate pages, or None when there are more than
    `_CANDIDATES`."""
    found: set[int] = set()
    for first, items in _pages(conn, grams, scope):
        found.update(range(first, first + items))
        if len(found) > _CANDIDATES:
            return None
    return found


class Walk:
    """The items holding a lone character, newest first, page by page from the newest, with
    each one's place among the items the filters allow: while pages hold it often.

    For a common character the bigram table narrows little (港 is on two pages of three)
    at the cost of merging the doclists of every bigram it starts; a rare one (鑫) is on
    few pages, which the table finds for less than walking to them. So past the newest
    `SCAN` items, the walk stops after `_THIN` pages when fewer than half of them held
    it, or after `_LONE_PAGES`, and `below_it` goes on from the bigram table below the
    last page walked: the same items in the same order as the table alone would give.
    """

    def __init__(
        self, conn: sqlite3.Connection, scope: Scope, checker: Checker, every: bool = False
    ) -> None:
        self.conn = conn
        self.scope = scope
        self.checker = checker
        self.every = every
        """Every hit is wanted: no bound on the pages walked while they hold it often."""
        self.below: int | None = None
        """The first rowid of the last page walked."""
        self.ended = False
        """Every page was walked."""

    def __iter__(self) -> Iterator[tuple[int, int, Found]]:
        seen = walked = held = 0
        for first, items in self._pages():
            # Never before the newest `SCAN` items (`engine._run` answers from them alone when
            # they hold `limit`): the table below would give them without their places.
            capped = walked >= _LONE_PAGES and not self.every
            if seen >= SCAN and (capped or (walked >= _THIN and 2 * held < walked)):
                return
            self.checker.expect(first)
            holds = False
            for rowid in range(first + items - 1, first - 1, -1):
                if not self.scope.allows(rowid):
                    continue
                seen += 1
                found = self.checker.hit(rowid, 0.0)
                if found is not None:
                    holds = True
                    yield seen - 1, rowid, found
            walked += 1
            held += holds
            self.below = first
        self.ended = True

    def _pages(self) -> Iterator[tuple[int, int]]:
        """(first rowid, items) of the pages between the newest and the oldest item the
        filters allow, newest first, read a few at a time: a generator left suspended keeps
        no statement open."""
        ranges = self.scope.ranges
        if ranges == []:
            return
        top, bottom = (1 << 62, 0) if ranges is None else (ranges[-1][1] + 1, ranges[0][0])
        while True:
            pages = self.conn.execute(
                "SELECT first, items FROM pages WHERE first < ? AND first >= ? "
                "ORDER BY first DESC LIMIT 16",
                (top, bottom),
            ).fetchall()
            yield from pages
            if len(pages) < 16:
                return
            top = pages[-1][0]

    def below_it(self, grams: str) -> Iterator[tuple[int, float, Found]]:
        """The items holding it below the pages walked, from the bigram table (`_found`);
        asked only when the walk is over."""
        if not self.ended:
            yield from _found(self.conn, grams, self.scope, [], self.checker, self.below)
