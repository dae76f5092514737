"""The search index of a library: `update` it, `search` it; one engine for the CLI and TUI.

The index (SQLite FTS5 over character bigrams and jieba words, `reader.search.store`)
narrows a query to candidate items ranked by bm25; each candidate is then
checked literally on its folded text (`reader.search.checking`), so every hit holds
every term and the spans are the same ones the TUI highlights.

Its stages: `candidates` (filters, the bigram table, the walk for a character alone),
`scoring` (bm25), `checking` (the literal check), `results` (hits, snippets), run in order.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.search import candidates, checking, journal, rank, results, scoring, store
from reader.search.candidates import Filters
from reader.search.freshness import fresh
from reader.search.matching import join_spans
from reader.search.query import (
    Node,
    Term,
    grams_expression,
    head_starts,
    head_words,
    needed,
    parse,
    rarity,
    terms,
    words_expression,
)
from reader.search.rank import Spans
from reader.search.results import Hit, Tally

if TYPE_CHECKING:  # the build code loads only when the index needs updating
    from reader.library import Library
    from reader.search.build import UpdateStats

__all__ = ["Hit", "Tally", "replace_damaged", "search", "update"]

Progress = Callable[[int, int], None]
_SPARE = 16
"""Items read beyond the window (`topk.best`): some fail the literal check."""


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
                if journal.shrink_wal(conn):
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


def replace_damaged(library: Library, refresh: Callable[[], object]) -> None:
    """Remove the index a search found damaged (`store.IndexCorrupt`); `refresh` builds it."""
    store.remove(store.index_path(library))
    refresh()


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
    filters = Filters(paper, issue, since, until, page)
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


def _newest(hits: list[Hit]) -> list[Hit]:
    """`hits` newest issue first, in their order (the rank's) within a day."""
    return sorted(hits, key=lambda hit: hit.date or "", reverse=True)


def _starts(library: Library, since: date | None) -> list[date]:
    """The dates a search by date tries from, newest first: the 2nd newest issue date
    the index knows, the 16th, the 128th and so on, each after `since` (none without an
    index: the search then finds every hit, and updates the index first)."""
    dates = journal.issue_dates(store.shared_path(library) or store.index_path(library))
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
    filters: Filters,
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
    conn = journal.open_read(path)
    try:
        conn.execute("BEGIN")  # one read snapshot for the meta and the query
        if current is None:
            return results.kept(_run(conn, tree, filters, limit), tally)
        have = store.search_meta(conn)
        if store.stale_versions(have, segmenter=False):
            return None
        hits = results.kept(_run(conn, tree, filters, limit), tally)
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
    filters: Filters,
    limit: int | None,
    note: Callable[[str], None] | None,
    tally: Tally | None = None,
) -> list[Hit] | None:
    """Search the library owner's index in place; None when a private copy must serve.

    The plan (fresh, behind by a few issue folders, or unusable) is
    `reader.search.shared`'s; the hits are this module's, so they rank and
    span as every other search does. When behind, the index answers for the
    unchanged issues (its hits in changed or removed issues dropped) and the
    changed issues' pages are parsed and checked with the same `checking.verify`.
    """
    from reader.search import shared

    def read(conn: sqlite3.Connection) -> tuple[shared.Plan, list[Hit]]:
        have = store.meta(conn)
        plan = shared.plan(library, have, store.stale_versions(have, segmenter=False))
        if plan.problem is not None:
            return plan, []
        if not plan.skip:
            return plan, results.kept(_run(conn, tree, filters, limit), tally)
        kept = (h for h in _run(conn, tree, filters, None) if (h.paper, h.issue) not in plan.skip)
        return plan, results.kept(islice(kept, limit), tally)

    try:
        plan, indexed = journal.read_snapshot(path, read)
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
        found = checking.verify(item, tree, every, needles)
        if found is not None:
            spans = {key: join_spans(value) for key, value in results.joined(found).items()}
            direct.append(results.make_hit(item, place, spans, 0.0))
    direct = results.kept(direct, tally, start=False)  # counted on after the index's
    # Newest first among equals, as the index orders candidates it does not rank.
    direct.reverse()
    direct.sort(key=results.literal_weight, reverse=True)
    return shared.merge_hits(indexed, direct, results.literal_weight, limit)


def _run(
    conn: sqlite3.Connection,
    tree: Node,
    filters: Filters,
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
    scope = candidates.Scope(conn, filters)
    where, params = scope.sql()
    grams = grams_expression(tree) or ""  # `parse` refuses a query the index cannot narrow
    ranking = words_expression(conn, tree)
    ranked: list[tuple[int, float]] = []
    known: set[int] = set()
    told: set[int] = set()
    floor: float | None = None
    if ranking is not None:
        rows = scoring.scored(conn, ranking, where, params, scope, 0 if every else size + _SPARE)
        ranked = (
            [(rowid, -float(score)) for rowid, score in rows]
            if scope.ranges is None
            else [(rowid, -float(score)) for rowid, score in rows if scope.allows(rowid)]
        )
        if isinstance(rows, scoring.Ranked):
            known, told, floor = rows.whole, rows.told, rows.floor
    checker = checking.Checker(conn, tree)
    lone = ranking is None and grams.endswith(" *")  # a character alone: by age (below)
    order: Iterator[tuple[int, float, checking.Found]]
    if lone:
        # A character alone (的, 港) is a prefix of hundreds of bigrams: their doclists
        # took 0.65 s to merge at 300 MB, 15 ms for 港 at 2 GB. Nothing ranks it but age,
        # and common ones are on most pages: the newest pages are checked first (`candidates.Walk`),
        # the bigram table only below them, once they hold it too seldom. Every hit
        # (`--count`, no limit) walks every page that holds it often: the merge of 的's
        # doclists took 1.7 GB at 300 MB.
        walk = candidates.Walk(conn, scope, checker, every=limit is None)
        steps = iter(walk)
        early: list[tuple[int, float, checking.Found]] = []
        for position, rowid, found in steps:
            early.append((rowid, 0.0, found))
            if position >= candidates.SCAN:
                break
            if limit is not None and len(early) >= limit:  # among the newest `candidates.SCAN`
                yield from (found[0] for _, _, found in early)
                return
        rest = ((rowid, 0.0, found) for _, rowid, found in steps)
        order = chain(early, rest, walk.below_it(grams))
    else:
        first = candidates.found_ranked(conn, grams, scope, ranked, checker)
        order = chain(first, candidates.found_rest(conn, grams, scope, ranked, checker))
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
    if floor is not None and len(checked) < size:  # one not read may be in the window: all
        yield from _run(conn, tree, filters, limit, every=True)
        return
    whole = known.union(scoring.whole(conn, ranking, [r for r, *_ in checked if r not in told]))
    rare = rarity(conn, tree) if ranking is not None and checked else {}
    # Some candidates hold the query's words: those without them rank below, by bm25 alone;
    # when none does (a phrase the index cut otherwise: 的不安全因素), the text ranks them all.
    worded = ranking is not None and any(coarse > 0 for _, coarse, *_ in checked)
    if worded:  # a headline holding each term at a word's start has the words (`rank.started`)
        checked = rank.started(checked, functools.partial(head_starts, conn))
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
