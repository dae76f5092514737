"""The search index of a library: `update` it, `search` it; one engine for the CLI and TUI.

The index (SQLite FTS5 over character bigrams and jieba words, `reader.search.store`)
narrows a query to candidate items ranked by bm25; each candidate is then
checked literally on its folded text (`reader.search.matching`), so every hit holds
every term and the spans are the same ones the TUI highlights.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reader.errors import ReaderError
from reader.fields import (
    HEAD_FIELDS,
    field_group,
    field_text,
    page_and_number,
    paragraph_index,
    paragraph_key,
)
from reader.search import rank, store, topk
from reader.search.folding import absent
from reader.search.freshness import fresh
from reader.search.matching import holds_all, join_spans, term_spans
from reader.search.query import (
    AnyOf,
    Node,
    Not,
    Term,
    grams_expression,
    head_words,
    needed,
    parse,
    rarity,
    terms,
    whole_expression,
    words_expression,
)
from reader.search.rank import Spans
from reader.search.store import Stored

if TYPE_CHECKING:  # the build code loads only when the index needs updating
    from reader.library import Library
    from reader.search.build import UpdateStats

__all__ = ["Hit", "search", "update"]

Progress = Callable[[int, int], None]
_SNIPPET = 80
_BEFORE = 16


_CANDIDATES = 20_000
"""At most this many bigram candidates are read to sift the word table's matches."""
_MISSES = 16
"""Ranked candidates that fail the check before the bigram candidates are read (`_found`)."""
_SCAN = 400
"""A lone character in `limit` of the newest this many items is answered by them, newest first."""
_LONE_PAGES = 64
"""At most this many pages are walked newest first for a lone character (`_Walk`)."""
_THIN = 8
"""After this many pages, the walk gives way to the bigram table when fewer than half
of them held the character."""
_SPARE = 16
"""Items read beyond the window (`topk.best`): some fail the literal check."""
_WALK = 500
"""Rows of the word table read in order to tell the window's whole words (`_whole`)."""
_PARTS = 4
"""The place of the parts of long words among the word table's columns (`store`)."""
_PHRASE = r'\(*"((?:[^"]|"")+)"\)*'
"""One word of a ranking expression of words joined by AND, with its parentheses
(compiled on first use, by re's cache: a query of one word needs none)."""


class Hit(NamedTuple):
    """One item that holds every term of a query, with where the terms are."""

    id: str
    paper: str
    paper_name: str
    issue: str
    date: str | None
    page: int
    kind: str
    headline: str
    score: float
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    spans: dict[str, list[tuple[int, int]]]
    texts: dict[str, str] = {}  # noqa: RUF012 (never mutated: each hit gets its own)
    """The text of each field `spans` points into (by the same keys)."""

    @property
    def number(self) -> int:
        """The item's 1-based position on its page."""
        return page_and_number(self.id)[1]


class Tally:
    """`--count`: hits counted per issue as they stream; one hit of each issue kept, bare.

    Counting every hit of a common word (`的` at 2 GB: millions) had kept every hit,
    each with its item's text: 15 GB resident and minutes before it was killed.
    """

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = {}

    def start(self) -> None:
        """A search begins (again): nothing counted."""
        self.counts = {}

    def keep(self, hit: Hit) -> Hit | None:
        """Count `hit`; the first of its issue, without its texts, is kept."""
        where = (hit.paper, hit.issue)
        seen = self.counts.get(where, 0)
        self.counts[where] = seen + 1
        if seen:
            return None
        return hit._replace(snippet="", snippet_spans=(), spans={}, texts={})


def _kept(hits: Iterable[Hit], tally: Tally | None, start: bool = True) -> list[Hit]:
    """The hits as a list, or with a `tally` only what it keeps of them."""
    if tally is None:
        return list(hits)
    if start:
        tally.start()
    return [kept for hit in hits if (kept := tally.keep(hit)) is not None]


def update(
    library: Library,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    wait: float = 0.5,
    check: bool = False,
    only: Iterable[tuple[str, str]] | None = None,
) -> UpdateStats:
    """Bring the library's index up to date (or rebuild it); damaged files are replaced.

    `only`: the (paper, issue) folders just written, when nothing else is to be looked
    at (an import); `build.apply` says what that spares.

    When another process is updating it, wait up to `wait` seconds for it,
    then give up with `busy` set (the last complete index stays searchable).
    `check`: look over the whole file first (`store.check`), as `reader index` does.

    A user who cannot write the library, whose owner keeps an index that
    searches can use (`reader.search.shared`), builds no private copy: it
    would never be searched. Its state is reported instead.
    """
    shared = None if rebuild else store.shared_path(library)
    if shared is not None:
        from reader.search.shared import update_status

        stats = update_status(library, shared)
        if stats is not None:
            return stats
    return _refresh(library, rebuild, progress, wait, check, only)


def _refresh(
    library: Library,
    rebuild: bool,
    progress: Progress | None,
    wait: float = 0.5,
    check: bool = False,
    only: Iterable[tuple[str, str]] | None = None,
) -> UpdateStats:
    """`update` under another name: in `search` its `update` parameter hides it."""
    from reader.search import custody
    from reader.search.build import apply  # here: a fresh index needs no build code

    path = store.index_path(library)
    notes: list[str] = []
    # A file as reader left it after its last whole-file check needs no other (`custody`).
    kept = custody.held(path)
    checked = check and not kept
    stats: UpdateStats | None = None
    conn = store.open_index(path, notes, thorough=checked)
    try:
        try:
            stats = apply(
                conn,
                library,
                path,
                rebuild=rebuild,
                progress=progress,
                notes=notes,
                wait=wait,
                only=only,
            )
        except sqlite3.DatabaseError as err:
            if not store.is_damage(err):  # locked, disk full: not damage
                if store.shrink_wal(conn):
                    raise ReaderError(f"{path}: {err}") from None
                conn.close()  # the WAL could not be emptied: the disk is full
                store.remove(path)
                raise ReaderError(
                    f"{path}: {err}; the index was removed to free its space "
                    "(`reader index` builds it again)"
                ) from None
            notes.append(f"the index {path} is damaged ({err}): rebuilding it")
    finally:
        conn.close()
    if stats is None:
        store.remove(path)
        conn = store.open_index(path, notes)
        try:
            stats = apply(
                conn, library, path, rebuild=True, progress=progress, notes=notes, wait=wait
            )
        finally:
            conn.close()
        checked = True  # built afresh here
    if (checked or kept) and not stats.busy:
        custody.keep(path)
    return stats


def search(
    library: Library,
    query: str,
    *,
    paper: str | None = None,
    issue: str | None = None,
    since: date | None = None,
    until: date | None = None,
    page: int | None = None,
    field: str | None = None,
    limit: int | None = 20,
    update: bool = True,
    progress: Progress | None = None,
    refresh: Callable[[], object] | None = None,
    sort: str = "rank",
    note: Callable[[str], None] | None = None,
    tally: Tally | None = None,
) -> list[Hit]:
    """Items holding every term of `query`, best first; a bad query is a `ReaderError`.

    With `update`, a missing or stale index is brought up to date first, by
    `refresh` when given (the CLI's shows progress and notes), else quietly.
    A damaged index is reported as `IndexCorrupt` (the caller rebuilds it).

    A user who cannot write the library searches its owner's index in place
    (`reader.search.shared`), reading the pages of issues changed since it
    was built directly; `note` is told once when it is behind, or when a
    private copy has to serve instead.

    The staleness test is the quick one (`reader.search.freshness.fresh`: folder
    times against those the last update recorded; past `RECENT` issue folders,
    only the recent ones and the hits' each time, the rest once a minute). The
    hits are returned when the index they came from is current; else it is
    updated and asked again. (A thread for the folder times, beside the query,
    gained nothing: both want the interpreter lock more than they let it go.)

    `sort="date"`: newest issue first, in rank order within an issue's date
    (every hit is found before `limit` applies).

    With a `tally` (`limit` None), hits are counted per issue as they come and only
    the first of each issue is returned, bare (`Tally`).
    """
    if sort not in ("rank", "date"):
        raise ReaderError(f"--sort {sort!r}: use rank or date")
    if sort == "date":
        every = functools.partial(
            search,
            library,
            query,
            paper=paper,
            issue=issue,
            until=until,
            page=page,
            field=field,
            limit=None,
            progress=progress,
            refresh=refresh,
            tally=tally,
        )
        # The newest days first: once the issues from a date on hold `limit` hits, no
        # hit of an older issue (or of one without a date) can be among the newest.
        # Finding every hit first took minutes for a common word at 2 GB.
        for first in _starts(library, since) if limit is not None else ():
            recent = every(since=first, update=update)
            update = False  # brought up to date by the first search
            if len(recent) >= (limit or 0):
                return _newest(recent)[:limit]
        return _newest(every(since=since, update=update))[:limit]
    tree = parse(query, field)
    filters = _Filters(paper, issue, since, until, page)
    shared = store.shared_path(library)
    if shared is not None:
        found = _search_shared(library, shared, tree, filters, limit, note, tally)
        if found is not None:
            return found
    path = store.index_path(library)
    if update and path.is_file():
        hits = _search(path, tree, filters, limit, current=library.root, tally=tally)
        if hits is not None:
            return hits
    if update:
        (refresh or (lambda: _refresh(library, False, progress)))()
    return _search(path, tree, filters, limit, tally=tally) or []


class _Filters(NamedTuple):
    paper: str | None
    issue: str | None
    since: date | None
    until: date | None
    page: int | None


def _newest(hits: list[Hit]) -> list[Hit]:
    """`hits` newest issue first, in their order (the rank's) within a day."""
    return sorted(hits, key=lambda hit: hit.date or "", reverse=True)


def _starts(library: Library, since: date | None) -> list[date]:
    """The dates a search by date tries from, newest first: the 2nd newest issue date
    the index knows, the 16th, the 128th and so on, each after `since` (none without an
    index: the search then finds every hit, and updates the index first)."""
    dates = store.issue_dates(store.shared_path(library) or store.index_path(library))
    starts: list[date] = []
    at = 2
    while at < len(dates):
        start = dates[at - 1]
        if since is not None and start <= since:
            break
        starts.append(start)
        at *= 8
    return starts


def _search(
    path: Path,
    tree: Node,
    filters: _Filters,
    limit: int | None,
    current: Path | None = None,
    tally: Tally | None = None,
) -> list[Hit] | None:
    """The hits, read in one snapshot with the index's meta table.

    With `current` (the library's folder), None unless the index is of this
    version and current with the folders there (`fresh`, in the same snapshot:
    the whole folder record, read by its full check alone, is the one the hits
    came with).
    """
    problem = store.damage(path)
    if problem:
        raise store.IndexCorrupt(f"the index {path} is damaged ({problem})")
    if not path.is_file() or not path.stat().st_size:
        return [] if current is None else None  # no index (an update was busy)
    conn = store.open_read(path)
    try:
        conn.execute("BEGIN")  # one read snapshot for the meta and the query
        if current is None:
            return _kept(_run(conn, tree, filters, limit), tally)
        have = store.search_meta(conn)
        if store.stale_versions(have, segmenter=False):
            return None
        hits = _kept(_run(conn, tree, filters, limit), tally)
        issues = ((hit.paper, hit.issue) for hit in hits)
        whole = functools.partial(store.folder_record, conn)
        return hits if fresh(current, have.get("folders", ""), path, issues, whole) else None
    except sqlite3.DatabaseError as err:
        if not store.is_damage(err):  # locked, disk full: not damage
            raise ReaderError(f"{path}: {err}") from None
        raise store.IndexCorrupt(f"the index {path} is damaged ({err})") from None
    finally:
        conn.close()


def _search_shared(
    library: Library,
    path: Path,
    tree: Node,
    filters: _Filters,
    limit: int | None,
    note: Callable[[str], None] | None,
    tally: Tally | None = None,
) -> list[Hit] | None:
    """Search the library owner's index in place; None when a private copy must serve.

    The plan (fresh, behind by a few issue folders, or unusable) is
    `reader.search.shared`'s; the hits are this module's, so they rank and
    span as every other search does. When behind, the index answers for the
    unchanged issues (its hits in changed or removed issues dropped) and the
    changed issues' pages are parsed and checked with the same `_verify`.
    """
    from reader.search import shared

    def read(conn: sqlite3.Connection) -> tuple[shared.Plan, list[Hit]]:
        have = store.meta(conn)
        plan = shared.plan(library, have, store.stale_versions(have, segmenter=False))
        if plan.problem is not None:
            return plan, []
        if not plan.skip:
            return plan, _kept(_run(conn, tree, filters, limit), tally)
        kept = (h for h in _run(conn, tree, filters, None) if (h.paper, h.issue) not in plan.skip)
        return plan, _kept(islice(kept, limit), tally)

    try:
        plan, indexed = store.read_snapshot(path, read)
    except ReaderError as err:
        shared.say(note, f"cannot read the shared index ({err.message}): {shared.PRIVATE}")
        return None
    except sqlite3.DatabaseError as err:
        shared.say(note, f"the shared index {path} cannot be searched ({err}): {shared.PRIVATE}")
        return None
    if plan.problem is not None:
        shared.say(note, f"{plan.problem}: {shared.PRIVATE}")
        return None
    if not plan.skip:
        return indexed
    shared.say(note, shared.behind_message(path, plan))
    direct = []
    every, needles = terms(tree), needed(tree)
    for place, item in shared.changed_items(library, plan, *filters):
        found = _verify(item, tree, every, needles)
        if found is not None:
            spans = {key: join_spans(value) for key, value in _joined(found).items()}
            direct.append(_hit(item, place, spans, 0.0))
    direct = _kept(direct, tally, start=False)  # counted on after the index's
    # Newest first among equals, as the index orders candidates it does not rank.
    direct.reverse()
    direct.sort(key=_literal_weight, reverse=True)
    return shared.merge_hits(indexed, direct, _literal_weight, limit)


def _literal_weight(hit: Hit) -> float:
    """Hits in the headline stack count ten times those elsewhere (pages read directly)."""
    return sum(len(v) * (10.0 if k in HEAD_FIELDS else 1.0) for k, v in hit.spans.items())


class _Scope:
    """The filters as a test on rowids, and the rowid range that holds every allowed item."""

    def __init__(self, conn: sqlite3.Connection, filters: _Filters) -> None:
        self.ranges: list[tuple[int, int]] | None = None
        if filters == _Filters(None, None, None, None, None):
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


def _run(
    conn: sqlite3.Connection,
    tree: Node,
    filters: _Filters,
    limit: int | None,
    every: bool = False,
) -> Iterator[Hit]:
    """Candidates in rank order, kept when every term is there literally.

    Candidates come from the bigram table. Every one that holds the query's
    words is ranked by bm25 over the word table (`reader.search.rank`); the
    best `rank.WINDOW` of those, topped up with the others when there are not
    enough, are checked and ordered again by their text. The rest follow:
    by bm25, then the candidates without the words, newest first.

    The items bm25 scores are the best read from the impact table (`topk`), unless
    `every` or it cannot say: when fewer than the window of them hold the query
    literally with a score below its floor, bm25 scores every candidate instead.
    """
    size = max(rank.WINDOW, limit or 0)
    scope = _Scope(conn, filters)
    where, params = scope.sql()
    grams = grams_expression(tree) or ""  # `parse` refuses a query the index cannot narrow
    ranking = words_expression(conn, tree)
    ranked: list[tuple[int, float]] = []
    known: set[int] = set()
    told: set[int] = set()
    floor: float | None = None
    if ranking is not None:
        rows = _scored(conn, ranking, where, params, scope, 0 if every else size + _SPARE)
        ranked = (
            [(rowid, -float(score)) for rowid, score in rows]
            if scope.ranges is None
            else [(rowid, -float(score)) for rowid, score in rows if scope.allows(rowid)]
        )
        if isinstance(rows, _Ranked):
            known, told, floor = rows.whole, rows.told, rows.floor
    checker = _Checker(conn, tree)
    lone = ranking is None and grams.endswith(" *")  # a character alone: by age (below)
    order: Iterator[tuple[int, float, tuple[Hit, dict[Term, Spans], Stored]]]
    if lone:
        # A character alone (的, 港) is a prefix of hundreds of bigrams: their doclists
        # took 0.65 s to merge at 300 MB, 15 ms for 港 at 2 GB. Nothing ranks it but age,
        # and common ones are on most pages: the newest pages are checked first (`_Walk`),
        # the bigram table only below them, once they hold it too seldom. Every hit
        # (`--count`, no limit) walks every page that holds it often: the merge of 的's
        # doclists took 1.7 GB at 300 MB.
        walk = _Walk(conn, scope, checker, every=limit is None)
        steps = iter(walk)
        early: list[tuple[int, float, tuple[Hit, dict[Term, Spans], Stored]]] = []
        for position, rowid, found in steps:
            early.append((rowid, 0.0, found))
            if position >= _SCAN:
                break
            if limit is not None and len(early) >= limit:  # among the newest `_SCAN`: by age
                yield from (found[0] for _, _, found in early)
                return
        rest = ((rowid, 0.0, found) for _, rowid, found in steps)
        order = chain(early, rest, walk.below_it(grams))
    else:
        first = _found_ranked(conn, grams, scope, ranked, checker)
        order = chain(first, _found_rest(conn, grams, scope, ranked, checker))
    checked: list[tuple[int, float, Hit, list[Spans], rank.Shape | None, list[Term]]] = []
    # Read from the impact table: the window from the items read alone, or not at all.
    for rowid, coarse, (hit, shown, item) in order if floor is None else first:
        if floor is not None and -coarse >= floor:
            break  # a candidate not read might score as well: the window is not proven
        spans = [*shown.values()]
        form = None if lone else rank.shape(item, spans)
        checked.append((rowid, coarse, hit, spans, form, [*shown]))
        if len(checked) >= size:
            break
    if floor is not None and len(checked) < size:
        # Some candidate not read may stand in the window: bm25 scores them all.
        yield from _run(conn, tree, filters, limit, every=True)
        return
    whole = known.union(_whole(conn, ranking, [r for r, *_ in checked if r not in told]))
    rare = rarity(conn, tree) if ranking is not None and checked else {}
    # Some candidates hold the query's words: those without them rank below, by bm25 alone.
    # When none does (a phrase the index cut otherwise: 的不安全因素), the text ranks them all.
    worded = ranking is not None and any(coarse > 0 for _, coarse, *_ in checked)
    heads = rank.reads_as_headline(((c, spans) for _, c, _, spans, *_ in checked), worded)
    # The headline word counts `rank.SHORT` compares: of the items holding every term there.
    tops = [rowid for rowid, _, _, spans, *_ in checked if heads and rank.all_in_head(spans)]
    sizes = head_words(conn, tops) if len(tops) > 1 else {}
    window: list[tuple[float, int, Hit]] = []
    for rowid, coarse, hit, spans, form, held in checked:
        if form is not None and rowid in sizes:
            form = form._replace(words=sizes[rowid])
        weights = [rare[term] for term in held if term in rare]
        final = rank.score(coarse, spans, worded, rowid in whole, weights, form, heads)
        window.append((final, -len(window), hit._replace(score=round(final, 6))))
    window.sort(reverse=True)
    hits: Iterator[Hit] = (hit for _, _, hit in window)
    if len(window) >= size:
        hits = chain(hits, (found[0] for _, _, found in order))
    yield from islice(hits, limit)


def _found(
    conn: sqlite3.Connection,
    grams: str,
    scope: _Scope,
    ranked: list[tuple[int, float]],
    checker: _Checker,
    below: int | None = None,
) -> Iterator[tuple[int, float, tuple[Hit, dict[Term, Spans], Stored]]]:
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
    yield from _found_ranked(conn, grams, scope, ranked, checker)
    yield from _found_rest(conn, grams, scope, ranked, checker, below)


def _found_ranked(
    conn: sqlite3.Connection,
    grams: str,
    scope: _Scope,
    ranked: list[tuple[int, float]],
    checker: _Checker,
) -> Iterator[tuple[int, float, tuple[Hit, dict[Term, Spans], Stored]]]:
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


def _found_rest(
    conn: sqlite3.Connection,
    grams: str,
    scope: _Scope,
    ranked: list[tuple[int, float]],
    checker: _Checker,
    below: int | None = None,
) -> Iterator[tuple[int, float, tuple[Hit, dict[Term, Spans], Stored]]]:
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
    scope: _Scope,
    checker: _Checker,
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


class _Checker:
    """Loads candidates' pages (each once) and makes hits of the items that hold the terms."""

    def __init__(self, conn: sqlite3.Connection, tree: Node) -> None:
        self.conn = conn
        self.tree = tree
        self.terms = terms(tree)
        self.needles = needed(tree)
        self.last = -1
        """The first rowid of the page asked for last."""
        self.page: tuple[store.Place, list[Stored | None]] | None = None
        """A page asked for twice in a row, every item cut (None: one that lacks a needle)."""
        self.keep = _keeper(self.needles)
        self.root: str | None = None
        """The library's folder, where the page files the stored items are spans of are."""
        self.rooted = False

    def expect(self, first: int) -> None:
        """The items of the page at `first` come next, together: inflate it whole."""
        self.last = first

    def hit(self, rowid: int, score: float) -> tuple[Hit, dict[Term, Spans], Stored] | None:
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
            found = _verify(item, self.tree, self.terms, self.needles)
            if found is None:  # most candidates: no place made for them
                return None
            place = page[0]._replace(number=rowid - page[0].first + 1)
        else:
            if not self.rooted:
                self.root, self.rooted = store.library_root(self.conn), True
            found_place = store.locate(self.conn, rowid, self.root)
            data = found_place.data if found_place is not None else None
            if found_place is None or not data:
                return None
            place = found_place
            if place.first == self.last:
                self.page = (place, store.page_kept(place, self.keep))
                items = self.page[1]
                item = items[place.number - 1] if place.number <= len(items) else None
            else:
                item = store.page_item(place)
            self.last = place.first
            if item is None:
                return None
            found = _verify(item, self.tree, self.terms, self.needles)
            if found is None:
                return None
        spans = {key: join_spans(value) for key, value in _joined(found).items()}
        return _hit(item, place, spans, score), found, item


def _keeper(needles: Sequence[str]) -> Callable[[str], bool] | None:
    """What an item's text must pass for its fields to be cut (`store.page_kept`): not
    surely lacking a needle (`folding.absent`, as `holds_all` tells first)."""
    if not needles:
        return None

    def keep(text: str) -> bool:
        return not any(absent(needle, text) for needle in needles)

    return keep


def _hit(
    item: Stored, place: store.Place, spans: dict[str, list[tuple[int, int]]], score: float
) -> Hit:
    """The hit for `item` at `place`, where the terms are at `spans`."""
    snippet, snippet_spans = _snippet(item, spans)
    return Hit(
        id=item.id,
        paper=place.paper,
        paper_name=place.paper_name,
        issue=place.issue,
        date=place.date,
        page=place.page,
        kind=item.kind,
        headline=item.title,
        score=round(score, 6),
        snippet=snippet,
        snippet_spans=snippet_spans,
        spans=spans,
        texts={key: field_text(item, key) or "" for key in spans},
    )


def _verify(
    item: Stored, tree: Node, every: list[Term], needles: Sequence[str] = ()
) -> dict[Term, Spans] | None:
    """The spans of each term the item shows, when it matches the query literally.

    `needles` (`query.needed`): folded texts the item must hold to match, tested first
    in one pass over the item (`holds_all`): most candidates fail there, unmapped.
    """
    if not holds_all(item, needles):
        return None
    texts = [t.text for t in every]
    here = dict(zip(every, term_spans(item, texts, [t.prefix for t in every]), strict=True))
    shown: dict[Term, Spans] = {}
    return shown if _matches(tree, False, item, here, shown) else None


def _matches(
    node: Node, negated: bool, item: Stored, here: dict[Term, Spans], shown: dict[Term, Spans]
) -> bool:
    """Whether `item` matches `node`, the spans of the terms it shows put in `shown`.

    A function of its own, not one nested in `_verify` calling itself: that made a
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


def _scored(
    conn: sqlite3.Connection,
    ranking: str,
    where: str,
    params: list[object],
    scope: _Scope | None = None,
    need: int = 0,
) -> Iterable[tuple[int, float]]:
    """(rowid, bm25) of the items holding the query's words, best first: of every one,
    or (`need` > 0, words joined by AND, or two by OR) the best read from the impact table
    (`topk.best`), with the floor no other one reaches.

    bm25 costs a few microseconds a row (the item's length, its positions): over
    every item holding a common word (经济, 640,000 of them at 2 GB) it took 1.7-2.0 s.
    """
    weights = ", ".join(str(w) for w in rank.WEIGHTS)
    words = _and_words(ranking)
    either = _and_words(ranking, " OR ") if words is None else None
    if need and (words or either) and scope is not None and scope.ranges != []:
        low, high = (scope.ranges[0][0], scope.ranges[-1][1]) if scope.ranges else (0, None)
        allows = None if scope.ranges is None else scope.allows
        found = topk.best(conn, words or either or [], allows, (low, high), need, not words)
        if found is not None:
            return _Ranked(found.rows, found.whole, told=found.told, floor=found.floor)
    alone = words is not None and len(words) == 1
    # A word alone: bm25 again without the parts column is 0 where the item holds it
    # only inside a longer word (`_whole`'s question), and costs FTS5 next to nothing
    # more (the row's positions are read already): 2 ms of `_whole` for 数据 at 2 GB.
    parts = ", ".join("0.0" if n == _PARTS else str(w) for n, w in enumerate(rank.WEIGHTS))
    bare = f", bm25(words, {parts})" if alone else ""
    select = (
        f"SELECT rowid, bm25(words, {weights}) AS score{bare} FROM words WHERE words MATCH ?{where}"
    )
    cursor = conn.execute(f"{select} ORDER BY score", [ranking, *params])
    if not alone:
        return cursor
    rows = cursor.fetchall()
    whole = {rowid for rowid, _, bare in rows if bare}  # -0.0: only in the parts column
    return _Ranked(((rowid, score) for rowid, score, _ in rows), whole, told=True)


def _and_words(ranking: str, join: str = " AND ") -> list[str] | None:
    """The index words of a ranking expression that only joins words by AND (or by `join`),
    in order (FTS5's phrase order); None for any other expression (OR, a field, a prefix)."""
    words = []
    for part in ranking.split(join):
        match = re.fullmatch(_PHRASE, part)
        if match is None:
            return None
        words.append(match.group(1).replace('""', '"'))
    return words


class _Ranked(list[tuple[int, float]]):
    """Scored rows, best first, and those known to hold the query's words as words."""

    def __init__(
        self,
        rows: Iterable[tuple[int, float]] = (),
        whole: set[int] | None = None,
        told: bool | set[int] = False,
        floor: float | None = None,
    ):
        super().__init__(rows)
        self.whole = whole or set()
        self.told = (
            told if isinstance(told, set) else {rowid for rowid, _ in self} if told else self.whole
        )
        """The rows known to hold the words as words or not (the others: `_whole`)."""
        self.floor = floor
        """No candidate left out scores below this (None: none is left out)."""


def _whole(conn: sqlite3.Connection, ranking: str | None, rowids: list[int]) -> set[int]:
    """Those of `rowids` (the window, a few dozen) that hold the query's words as words.

    The rows holding them between the window's ends, read in order up to `_WALK` of
    them (0.2-0.5 ms where the words are rare; a point lookup took 40-90 µs a row),
    then point lookups for the rows not reached: the cost is the window's, whatever
    the size of the archive.
    """
    if ranking is None or not rowids:
        return set()
    expression = whole_expression(ranking)
    walked = [
        rowid
        for (rowid,) in conn.execute(
            f"SELECT rowid FROM words WHERE words MATCH ? AND rowid BETWEEN ? AND ? "
            f"ORDER BY rowid DESC LIMIT {_WALK}",
            [expression, min(rowids), max(rowids)],
        )
    ]
    reached = min(rowids) if len(walked) < _WALK else walked[-1]
    found = set(walked).intersection(rowids)
    rest = [rowid for rowid in rowids if rowid < reached]
    if rest:
        listed = ",".join(map(str, rest))  # integers from the index
        found.update(
            rowid
            for (rowid,) in conn.execute(
                f"SELECT rowid FROM words WHERE words MATCH ? AND rowid IN ({listed})",
                [expression],
            )
        )
    return found


def _pages(
    conn: sqlite3.Connection, grams: str, scope: _Scope, newest: bool = False
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


def _candidates(conn: sqlite3.Connection, grams: str, scope: _Scope) -> set[int] | None:
    """The items of the bigram table's candidate pages, or None when there are more than
    `_CANDIDATES`."""
    found: set[int] = set()
    for first, items in _pages(conn, grams, scope):
        found.update(range(first, first + items))
        if len(found) > _CANDIDATES:
            return None
    return found


class _Walk:
    """The items holding a lone character, newest first, page by page from the newest, with
    each one's place among the items the filters allow: while pages hold it often.

    For a common character the bigram table narrows little (港 is on two pages of three)
    at the cost of merging the doclists of every bigram it starts; a rare one (鑫) is on
    few pages, which the table finds for less than walking to them. So past the newest
    `_SCAN` items, the walk stops after `_THIN` pages when fewer than half of them held
    it, or after `_LONE_PAGES`, and `below_it` goes on from the bigram table below the
    last page walked: the same items in the same order as the table alone would give.
    """

    def __init__(
        self, conn: sqlite3.Connection, scope: _Scope, checker: _Checker, every: bool = False
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

    def __iter__(self) -> Iterator[tuple[int, int, tuple[Hit, dict[Term, Spans], Stored]]]:
        seen = walked = held = 0
        for first, items in self._pages():
            # Never before the newest `_SCAN` items (`_run` answers from them alone when
            # they hold `limit`): the table below would give them without their places.
            capped = walked >= _LONE_PAGES and not self.every
            if seen >= _SCAN and (capped or (walked >= _THIN and 2 * held < walked)):
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

    def below_it(
        self, grams: str
    ) -> Iterator[tuple[int, float, tuple[Hit, dict[Term, Spans], Stored]]]:
        """The items holding it below the pages walked, from the bigram table (`_found`);
        asked only when the walk is over."""
        if not self.ended:
            yield from _found(self.conn, grams, self.scope, [], self.checker, self.below)


def _joined(found: dict[Term, Spans]) -> Spans:
    """The spans of all terms, per field key."""
    spans: Spans = {}
    for here in found.values():
        for key, value in here.items():
            spans.setdefault(key, []).extend(value)
    return spans


def _snippet(
    item: Stored, spans: dict[str, list[tuple[int, int]]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of body text around the first hit, with the hits inside it."""
    body = [paragraph_key(n) for n in range(len(item.paragraphs))]
    key = next((k for k in body if k in spans), None)
    if key is None:
        text = item.paragraphs[0] if item.paragraphs else (item.credit or "")
        return text[:_SNIPPET], ()
    text = item.paragraphs[paragraph_index(key) or 0]
    first = spans[key][0][0]
    start = max(0, min(first - _BEFORE, len(text) - _SNIPPET))
    end = min(len(text), start + _SNIPPET)
    prefix = "…" if start else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans[key] if s < end and e > start
    )
    return prefix + text[start:end] + suffix, inside
