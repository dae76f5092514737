"""Building the index: scan the library, segment changed pages on every core, one transaction.

A page is segmented again only when its file's size, mtime or inode changed and
its content hash did too. The whole update is one transaction, so a crash
(even `kill -9`) leaves the previous index as it was, and searches in other
processes read the previous snapshot until the commit (WAL).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.library import Library
from reader.search import freshness, journal, ledger, store
from reader.search.freshness import (
    Key,
    Scan,
    record,
    scan,
    settled_record,
    shared_with_others,
)
from reader.search.heads import HeadWriter
from reader.search.workers import (
    HASH_SIZE,
    GramWriter,
    Impact,
    PageJob,
    PageResult,
    Tokens,
    grams_text,
    segment_all,
    segment_page,
)

__all__ = ["PageJob", "PageResult", "UpdateStats", "apply", "segment_page"]

_BULK_MIN_PAGES = 400
"""A rebuild of at least this many pages is a bulk build: its bigrams are written by a
process of their own (`workers.GramWriter`), and its segments are left as FTS5 merged
them as it went (no `optimize`: one core for minutes at 2 GB, and twice a table's
disk while it runs; 6 segments a table at 50 MB searched as fast as one)."""
_ORPHANS = 20_000
"""Items of pages changed or removed that may stay in the FTS tables however small the index."""
_SETTLE_WAIT = 60.0
"""An update that may wait this long for the write lock (`reader index`) also waits out
the clock tick of folders changed just now, so its recorded folder times are exact."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class UpdateStats:
    """What an update did: pages segmented, unchanged, removed; notes for the user."""

    path: Path
    pages: int = 0
    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    items: int = 0
    rebuilt: bool = False
    bulk: bool = False
    fresh: bool = False
    busy: bool = False
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


def _rows(
    conn: sqlite3.Connection,
    first: int,
    grams: bytes,
    rows: list[Tokens],
    writer: GramWriter | None = None,
    heads: HeadWriter | None = None,
    impacts: Sequence[Impact] | None = None,
) -> None:
    """Insert a page's tokens: its items' words from rowid `first` on, and the bigrams
    of the whole page as one row at rowid `first` (`tokens.gram_row`), or to the bulk
    build's `writer`; the headline words' postings go to `heads`."""
    if rows and writer is not None:
        writer.add(first, grams)
    elif rows:
        conn.execute(store.INSERT_GRAMS, (first, grams_text(grams)))
    conn.executemany(store.INSERT_WORDS, [(first + n, *row) for n, row in enumerate(rows)])
    if heads is not None:
        heads.add(first, rows, impacts)


def apply(
    conn: sqlite3.Connection,
    library: Library,
    path: Path,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    wait: float = 0.5,
    notes: Iterable[str] = (),
    only: Iterable[tuple[str, str]] | None = None,
) -> UpdateStats:
    """Bring the index on `conn` up to date with `library` in one transaction.

    `only`: the (paper, issue) folders an import just wrote; the others are taken
    to be as the index has them (an index behind elsewhere stays so, and its
    signature says so), so the update costs what those issues cost, not a stat
    of every page file of the archive. A full update or rebuild scans them all.
    """
    notes = list(notes)
    # Before the files: a change meanwhile shows next time. `reader index` (a long
    # `wait`) on a library others read waits out the clock tick of folders just changed.
    settle = wait >= _SETTLE_WAIT and shared_with_others(library.root)
    times = (settled_record if settle else record)(library.root)
    have = store.meta(conn)
    # Asked without the segmenter first: naming it imports it, which a fresh index spares.
    quick = store.stale_versions(have, segmenter=False)
    scope = None  # to build, or changed elsewhere too since the last update: all of it
    if only is not None and not rebuild and not quick and have.get("signature"):
        wanted = sorted(set(only))
        scope = wanted if ledger.only_in(wanted, have.get("folders", ""), times) else None
    found = scan(library, scope)
    store.close_to(path, found.closed)
    signature = "" if scope is not None else freshness.signature(found)
    # Read afresh: a long-lived Library keeps the paper.toml it read first.
    names = {p.key: p.name for p in Library(library.root).papers}
    if not rebuild and not quick and have.get("signature") == signature:
        # An index written before the record's head had a key of its own gets one; so
        # does one whose record a version before that rewrote without its head.
        kept = have.get("folders", "")
        stored = kept if have.get("folders_head") == freshness.head_of(kept) else None
        _note_quick(conn, stored, times, names)
        _settle(conn, wait, notes)  # also an index a version before this one left in WAL mode
        return UpdateStats(path, pages=int(have.get("pages", "0")), fresh=True, notes=tuple(notes))
    stale = store.stale_versions(have)
    if have and stale and not rebuild:
        what = ", ".join(f"{k} {have.get(k, '?')} → {v}" for k, v in stale.items())
        notes.append(f"the index was built by another version ({what}): rebuilding it")
    if not rebuild and not stale and _littered(conn, have):
        notes.append("many items of pages changed or removed since are still indexed: rebuilding")
        rebuild = True
    rebuild = rebuild or bool(stale)
    if rebuild and scope is not None:
        scope, found = None, scan(library)
        store.close_to(path, found.closed)
        signature = freshness.signature(found)
    # Built from nothing, the index is written with a rollback journal, not the WAL: pages
    # added to a file are not journaled, so the disk holds the index once, not twice (a
    # WAL of 3.3 GB beside the file at 2 GB). There was no snapshot for others to read.
    scratch = rebuild and _empty(conn)
    if not journal.begin_write(conn, wait, wal=not scratch):
        return UpdateStats(path, busy=True, notes=tuple(notes))
    try:
        stats = _apply_locked(
            conn, library, path, (found, signature, times, names), (rebuild, scope), progress
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        journal.settle(conn, 0.0)  # one try: a Ctrl-C or a full disk is not kept waiting
        raise
    journal.free_pages(conn)
    if _slack(conn, stats, scratch):
        # Merging segments leaves half-empty pages behind; repack them (atomic on its
        # own, and only worth it: a busy database keeps its slack until next time).
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute("VACUUM")
    _settle(conn, wait, notes)
    notes += [f"{path}: left out, its name is not UTF-8: rename it" for path in found.unnamed]
    return UpdateStats(**{**stats.__dict__, "notes": tuple(notes)})


def _littered(conn: sqlite3.Connection, have: dict[str, str]) -> bool:
    """Whether a quarter of the FTS rows (and more than `_ORPHANS`) are of pages changed or
    removed since they were indexed (`ledger.delete_items` leaves them): rowids handed out that
    no page covers. Below that they cost the tables a little room and bm25's counts a
    little weight; a rebuild sheds them."""
    handed = int(have.get("next_rowid", "1")) - 1
    try:
        live = int(conn.execute("SELECT coalesce(sum(max(items, 1)), 0) FROM pages").fetchone()[0])
    except sqlite3.DatabaseError:
        return False
    return handed - live > max(_ORPHANS, handed // 4)


def _empty(conn: sqlite3.Connection) -> bool:
    """Whether the index on `conn` holds no page (new, or left empty)."""
    try:
        return conn.execute("SELECT 1 FROM pages LIMIT 1").fetchone() is None
    except sqlite3.DatabaseError:
        return False  # another version's tables: rebuilt in WAL mode, as an update


def _slack(conn: sqlite3.Connection, stats: UpdateStats, scratch: bool) -> bool:
    """Whether the update left enough free pages to repack the file (`VACUUM`).

    VACUUM copies the whole file (in WAL mode into the WAL), in one core: after a
    bulk build only when a quarter of the file is free (a rebuild over a larger
    index), never after one from scratch, whose free pages are few (FTS5 merges
    reuse them).
    """
    if not (stats.rebuilt or stats.indexed > stats.pages // 2) or (scratch and stats.bulk):
        return False
    if not stats.bulk:
        return True
    free, total = (
        conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("freelist_count", "page_count")
    )
    return bool(free * 4 > total)


def _settle(conn: sqlite3.Connection, wait: float, notes: list[str]) -> None:
    """Leave the index in DELETE mode, so users who cannot write its folder can read it.

    `journal.settle` says why. An update started by a search (`wait` short) tries
    for 2 seconds, `reader index` for `journal.SETTLE_WAIT`.
    """
    if not journal.settle(conn, min(journal.SETTLE_WAIT, max(2.0, wait))):
        notes.append(
            "other processes kept the index open: it stays in WAL mode, which users who "
            "cannot write its folder cannot read until the next `reader index`"
        )


def _note_quick(
    conn: sqlite3.Connection, stored: str | None, times: str, names: dict[str, str]
) -> None:
    """Record what a search reads (folder times, paper names) of a library found fresh.

    The pages are as indexed, but a folder's time moves also when a file comes
    and goes (an editor's backup), and paper.toml is not a page. Skipped when
    another process holds the write lock.
    """
    if stored == times and _names(conn) == names:
        return
    if not journal.begin_write(conn, 0.0):
        return
    try:
        _write_quick(conn, times, names)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _names(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, name FROM papers").fetchall())


def _write_quick(conn: sqlite3.Connection, times: str, names: dict[str, str]) -> None:
    """The folder times and the papers' display names, for searches (in a transaction)."""
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('folders', ?)", (times,))
    # What a search reads of it (`store.search_meta`): not the whole 0.36 MB at 2 GB.
    head = freshness.head_of(times)
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('folders_head', ?)", (head,))
    conn.execute("DELETE FROM papers")
    conn.executemany("INSERT INTO papers(key, name) VALUES(?, ?)", names.items())


def _path_value(path: Path) -> str | bytes:
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text)
    return text


def _apply_locked(
    conn: sqlite3.Connection,
    library: Library,
    path: Path,
    taken: tuple[Scan, str, str, dict[str, str]],
    how: tuple[bool, list[tuple[str, str]] | None],
    progress: Progress | None,
) -> UpdateStats:
    """The body of `apply`, inside the write transaction.

    `taken`: the files found (`scan`), their signature, the folder times and paper
    names, read before. `how`: a rebuild, and the issues an update is limited to.
    """
    found, signature, times, names = taken
    rebuild, scope = how
    if rebuild:
        store.script(conn, store.DROP)
        store.create(conn)
    elif scope is None and store.meta(conn).get("signature") == signature:  # updated meanwhile
        return UpdateStats(path, pages=int(store.meta(conn).get("pages", "0")), fresh=True)
    old = ledger.indexed(conn, scope)
    if scope is not None:  # the issues' files out of the signature as indexed, back in as found
        signature = ledger.resign(conn, store.meta(conn).get("signature", ""), scope, old, found)
    heads = HeadWriter(conn, fresh=rebuild)
    ids = ledger.issue_ids(conn, library, found, scope)  # drops the pages of issues that are gone
    gone = old.keys() - found.pages.keys()
    for key in gone:
        if key[:2] in ids:
            ledger.delete_items(conn, ids[key[:2]], key[2])
    jobs = [
        PageJob(key, Path(page_path), ids[key[:2]])
        for key, (page_path, stat) in sorted(found.pages.items())
        if old.get(key, ("", ""))[0] != stat
    ]
    bulk = rebuild and len(jobs) >= _BULK_MIN_PAGES and (os.cpu_count() or 1) > 1
    with contextlib.ExitStack() as stack:
        writer = None
        if bulk:
            writer = stack.enter_context(contextlib.closing(GramWriter(path)))
            conn.execute("INSERT INTO words(words, rank) VALUES('hashsize', ?)", (HASH_SIZE,))
        counts = _write_pages(conn, jobs, found, old, (writer, heads), progress)
        total = len(found.pages) if scope is None else ledger.page_count(conn)
        if writer is not None:
            writer.finish(conn)
        elif rebuild or counts[0] > total // 2:
            for table in ("grams", "words"):  # one segment per table: smaller, faster to query
                conn.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")
    heads.finish()  # after the word table is complete: a fresh build counts its words there
    indexed, items, next_rowid, errors = counts
    values = {
        **store.versions(),
        "signature": signature,
        "next_rowid": str(next_rowid),
        "pages": str(total),
        # Where the page files are, for an index elsewhere; as bytes when the path is not
        # UTF-8 (a folder name in GBK bytes), which SQLite's text cannot hold (audit21).
        "root": _path_value(library.root.resolve()),
    }
    conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", values.items())
    _write_quick(conn, times, names)
    return UpdateStats(
        path,
        pages=total,
        indexed=indexed,
        unchanged=total - indexed,
        removed=len(gone),
        items=items,
        rebuilt=rebuild,
        bulk=bulk,
        errors=tuple(errors),
    )


def _write_pages(
    conn: sqlite3.Connection,
    jobs: list[PageJob],
    found: Scan,
    old: dict[Key, tuple[str, str]],
    writers: tuple[GramWriter | None, HeadWriter],
    progress: Progress | None,
) -> tuple[int, int, int, list[str]]:
    """Segment the pages of `jobs` and write them; pages indexed, items, the next rowid, errors.

    `writers`: where the bigram rows go in a bulk build (else into the index on `conn`),
    and the headline postings.
    """
    writer, heads = writers
    indexed = items = 0
    next_rowid = int(store.meta(conn).get("next_rowid", "1"))
    errors: list[str] = []
    if progress:
        progress(0, len(jobs))
    with contextlib.closing(segment_all(jobs)) as results:  # closed: no worker outlives
        for done, result in enumerate(results, start=1):
            key, issue_id, page = result.job.key, result.job.issue_id, result.job.key[2]
            stat = found.pages[key][1]
            if old.get(key, ("", ""))[1] == result.hash:
                conn.execute(
                    "UPDATE pages SET stat=? WHERE issue_id=? AND page=?", (stat, issue_id, page)
                )
            else:
                if key in old:
                    ledger.delete_items(conn, issue_id, page)
                first = next_rowid
                next_rowid += max(1, len(result.rows))  # `first` is a key, even for an empty page
                _rows(
                    conn,
                    first,
                    result.grams,
                    result.rows,
                    writer=writer,
                    heads=heads,
                    impacts=result.impacts,
                )
                conn.execute(
                    "INSERT INTO pages(issue_id, page, stat, hash, first, items, error) "
                    "VALUES(?, ?, ?, ?, ?, ?, ?)",
                    (issue_id, page, stat, result.hash, first, len(result.rows), result.error),
                )
                conn.execute("INSERT INTO texts(first, data) VALUES(?, ?)", (first, result.blob))
                indexed += 1
                items += len(result.rows)
            if result.error:
                errors.append(result.error)
            if progress:
                progress(done, len(jobs))
    return indexed, items, next_rowid, errors
