"""What the index holds of the library: its issue and page rows, at the stat and hash each
page file was indexed at, read whole or for a few issues.

A full update compares every page file's stat with these rows; an import's update
reads only the rows of the issues it wrote, and carries the library's signature
across them (`freshness.resign`): the files of those issues taken out as the
rows have them, put back in as found. Whether anything else changed since the
last update is told by the folder times stored with it (`only_in`).
"""

from __future__ import annotations

import sqlite3

from reader.library import Library
from reader.search import freshness
from reader.search.freshness import Key, Scan


def delete_items(conn: sqlite3.Connection, issue_id: int, page: int) -> int:
    """Forget a page's items; how many it had.

    Their rows stay in the FTS tables (and `heads`, which mirrors the word table):
    a contentless FTS5 row is deleted with the tokens it was written with, and
    those came from text the page file no longer holds (the index keeps spans of
    it, not a copy). No page row covers their rowids, so a search skips them;
    `build.apply` rebuilds the index once they are many.
    """
    row = conn.execute(
        "SELECT first, items FROM pages WHERE issue_id=? AND page=?", (issue_id, page)
    ).fetchone()
    if row is None:
        return 0
    conn.execute("DELETE FROM texts WHERE first=?", (row[0],))
    conn.execute("DELETE FROM pages WHERE issue_id=? AND page=?", (issue_id, page))
    return int(row[1])


def issue_ids(
    conn: sqlite3.Connection,
    library: Library,
    found: Scan,
    scope: list[tuple[str, str]] | None = None,
) -> dict[tuple[str, str], int]:
    """Add, update and drop issue rows (of `scope` only, when given); return the row id of
    every scanned issue."""
    query = "SELECT id, paper, issue, stat FROM issues"
    rows = (
        conn.execute(query).fetchall()
        if scope is None
        else [r for key in scope for r in conn.execute(f"{query} WHERE paper=? AND issue=?", key)]
    )
    known = {(p, i): (rid, stat) for rid, p, i, stat in rows}
    ids: dict[tuple[str, str], int] = {}
    for key, stat in found.issues.items():
        rid, old = known.get(key, (None, None))
        if rid is not None and old == stat:
            ids[key] = rid
            continue
        issue = library.issue(*key)
        when = issue.date.isoformat() if issue.date else None
        if rid is None:
            cur = conn.execute(
                "INSERT INTO issues(paper, issue, date, stat) VALUES(?, ?, ?, ?)",
                (*key, when, stat),
            )
            rid = cur.lastrowid
            assert rid is not None
        else:
            conn.execute("UPDATE issues SET date=?, stat=? WHERE id=?", (when, stat, rid))
        ids[key] = rid
    for key, (rid, _) in known.items():
        if key not in found.issues:
            for (page,) in conn.execute(
                "SELECT page FROM pages WHERE issue_id=?", (rid,)
            ).fetchall():
                delete_items(conn, rid, page)
            conn.execute("DELETE FROM issues WHERE id=?", (rid,))
    return ids


def indexed(
    conn: sqlite3.Connection, scope: list[tuple[str, str]] | None
) -> dict[Key, tuple[str, str]]:
    """The stat and content hash of each page the index holds (of `scope`'s issues only)."""
    query = (
        "SELECT i.paper, i.issue, p.page, p.stat, p.hash FROM pages p "
        "JOIN issues i ON i.id = p.issue_id"
    )
    rows = (
        conn.execute(query)
        if scope is None
        else (
            r for key in scope for r in conn.execute(f"{query} WHERE i.paper=? AND i.issue=?", key)
        )
    )
    return {(paper, issue, page): (stat, digest) for paper, issue, page, stat, digest in rows}


def resign(
    conn: sqlite3.Connection,
    stored: str,
    scope: list[tuple[str, str]],
    old: dict[Key, tuple[str, str]],
    found: Scan,
) -> str:
    """The library's signature with `scope`'s issues as found, from the one stored."""
    before = Scan()
    for key in scope:
        for (stat,) in conn.execute("SELECT stat FROM issues WHERE paper=? AND issue=?", key):
            before.issues[key] = stat
    before.pages = {key: ("", stat) for key, (stat, _) in old.items()}
    return freshness.resign(stored, before, found)


def only_in(scope: list[tuple[str, str]], stored: str, now: str) -> bool:
    """Whether no issue folder outside `scope` was added, changed or removed since the
    folder times `stored` (a `record`) by the record `now`."""
    if not stored or not now:
        return False
    before, current = freshness.issue_times(stored), freshness.issue_times(now)
    changed = {key for key, ns in current.items() if ns == "?" or before.get(key) != ns}
    return (changed | (before.keys() - current.keys())) <= set(scope)


def page_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM pages").fetchone()[0])
