"""Opening the index to read, taking its write lock, and its journal mode at rest.

Journal modes. An update writes in WAL mode, so searches in other processes
read the last committed snapshot while it works (and a rollback-mode writer
would lock every reader out once its cache spilt into the file). At rest the
file is left in rollback (DELETE) mode (`settle`): a WAL database cannot be
opened by someone who may not write its folder unless its `-shm` file is
there, and the last connection to close deletes that file. In DELETE mode a
read-only open (`open_read`, `mode=ro`) needs no file but the database, so
users of a library on a read-only mount, or in a folder only its owner may
write, search the owner's index in place. While an update runs, its `-wal`
and `-shm` exist and such readers use them read-only (SQLite 3.22 and later),
still reading the last commit. `immutable=1` is not used: it would skip the
locks, and a shared index is updated in place by its owner while others
read it, so a reader could meet pages half checkpointed.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from reader.errors import ReaderError
from reader.search.store import IndexCorrupt, is_damage, open_error

T = TypeVar("T")


_READONLY_ROLLBACK = 776
"""SQLite's SQLITE_READONLY_ROLLBACK: a read-only open found a hot journal to roll back."""


def open_read(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """Open the index at `path` to search it: `mode=ro`, so no file is created or written.

    Works for a user who may not write the index or its folder (a shared
    index, a read-only mount) while the file is in DELETE mode, or in WAL mode
    while its `-shm` file exists (during an update). `timeout`: how long to
    wait through an update's short exclusive moments (switching journal mode).

    A `-journal` left by a write that never finished (a build killed part-way) must
    be rolled back before anyone reads: a read-only open cannot, so one read-write
    open does it, as SQLite does for any writer, and the search goes on.
    """
    try:
        return _open_read(path, timeout)
    except _HotJournal:
        try:
            with contextlib.closing(sqlite3.connect(path, timeout=timeout)) as conn:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlite3.DatabaseError as err:
            raise ReaderError(
                f"{path}: a write that never finished must be rolled back by someone who "
                f"may write the index ({err})"
            ) from None
        return _open_read(path, timeout)


class _HotJournal(Exception):
    """The index has a hot journal that a read-only open cannot roll back."""


def _open_read(path: Path, timeout: float) -> sqlite3.Connection:
    name = str(path.absolute()).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    try:
        conn = sqlite3.connect(
            f"file:{name}?mode=ro",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.DatabaseError as err:
        raise open_error(path, err) from None
    try:
        conn.execute("PRAGMA cache_size=-65536")
        # Read by read() calls, not mapped (`PRAGMA mmap_size` stays 0): a page fault in a
        # mapped file reads the disk's whole read-ahead window around it (8 MB here), and
        # SQLite cannot ask for random access (madvise). A search of the 2 GB index whose
        # pages were out of the page cache read 460-560 MB from disk (0.2 s of CPU) mapped,
        # 3.5-6 MB by read(); and the kernel's proactive reclaim drops a one-shot search's
        # mapped pages between runs. Mapping saved 1-2.5 ms of CPU on a warm cache only.
        # The keys: a readable file and schema. Not the values: the caller reads them
        # next, and the folder record is 0.36 MB at 2 GB (0.4 ms a read).
        conn.execute("SELECT key FROM meta").fetchall()
    except sqlite3.DatabaseError as err:
        conn.close()
        if getattr(err, "sqlite_errorcode", None) == _READONLY_ROLLBACK:
            raise _HotJournal from None
        raise open_error(path, err) from None
    return conn


def read_snapshot(path: Path, read: Callable[[sqlite3.Connection], T], wait: float = 5.0) -> T:
    """`read(conn)` in one read transaction of the index at `path`, opened read-only.

    A user who may not write the index's folder meets the moment an update
    switches the journal mode as "unable to open database file": the header
    says WAL while the `-shm` file it needs is being removed, and such a user
    cannot make one (measured: about one open in ten thousand near switches,
    up to 50 in 6 seconds of back-to-back updates). So transient errors are
    tried again until `wait` seconds have passed; damage is not.
    """
    deadline = time.monotonic() + wait
    pause = 0.01
    while True:
        try:
            conn = open_read(path)
        except IndexCorrupt:
            raise
        except ReaderError:
            if time.monotonic() >= deadline:
                raise
        else:
            try:
                conn.execute("BEGIN")
                return read(conn)
            except sqlite3.OperationalError as err:
                if is_damage(err) or time.monotonic() >= deadline:
                    raise
            finally:
                conn.close()
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def begin_write(conn: sqlite3.Connection, wait: float, wal: bool = True) -> bool:
    """Take the write lock in WAL mode; False when another process holds it past `wait` seconds.

    Switching an index at rest (DELETE mode) to WAL waits for readers' short
    transactions. Another writer may switch the file back to DELETE between
    the switch and the lock (its `settle`), so the mode is checked under the
    lock: a long write in DELETE mode would lock every reader out. `wal=False`:
    in DELETE mode, for an index built from nothing, which no one can read yet.
    """
    mode = "wal" if wal else "delete"
    conn.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                conn.execute(f"PRAGMA journal_mode={mode}").fetchall()
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as err:
                if "locked" in str(err) or "busy" in str(err):
                    return False
                raise
            if conn.execute("PRAGMA journal_mode").fetchone()[0] == mode:
                return True
            conn.execute("ROLLBACK")
            if time.monotonic() > deadline:
                return False
    finally:
        conn.execute("PRAGMA busy_timeout=5000")


def free_pages(conn: sqlite3.Connection) -> None:
    """Give the file's free pages back to the disk, after an update's commit.

    An index made by `connect` is in incremental auto-vacuum mode: the pages at
    the end of the file move into the free ones and the file is cut short,
    without copying it whole as VACUUM does (twice the disk, one core for minutes
    at 2 GB). At 300 MB a bulk build left 37 MB free (8% of the file). A file
    made before that mode was set has none to give: VACUUM is its way. Run as a
    script: each step of the pragma frees one page, and `execute` steps once.
    Atomic on its own; a busy index keeps its free pages until the next update.
    """
    with contextlib.suppress(sqlite3.OperationalError):
        conn.executescript("PRAGMA incremental_vacuum")


SETTLE_WAIT = 30.0
"""How long an update tries to leave the index in DELETE mode while other processes read it."""


def settle(conn: sqlite3.Connection, wait: float = SETTLE_WAIT) -> bool:
    """Leave the index in DELETE mode (checkpointed, no `-wal`), readable with no write at all.

    Leaving WAL mode needs every other connection closed: SQLite refuses at
    once (no busy wait) while one is open, so this tries again until `wait`
    seconds have passed. A search holds its connection for milliseconds.
    False when it could not: the index stays in WAL mode until the next
    update, readable by those who may write its folder (and by others while
    its `-shm` file is there).
    """
    deadline = time.monotonic() + wait
    pause = 0.005
    while True:
        try:
            if conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete":
                return True
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) and "busy" not in str(err):
                return False
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def shrink_wal(conn: sqlite3.Connection) -> bool:
    """Empty the WAL after a failed update; False when that failed too.

    A full disk left up to 2 MB of rolled-back frames behind. Checkpointing
    the committed frames into the database needs room there; when even that
    fails the caller removes the index (a cache: rebuilt from the pages).
    """
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # busy: a reader cleans up
    except sqlite3.Error:
        return False
    return True


def issue_dates(path: Path) -> list[date]:
    """Every issue date the index at `path` records, newest first ([] if it cannot say)."""
    sql = "SELECT DISTINCT date FROM issues WHERE date IS NOT NULL ORDER BY date DESC"
    rows = _read_rows(path, sql)
    dates = []
    for (text,) in rows:
        with contextlib.suppress(TypeError, ValueError):
            dates.append(date.fromisoformat(str(text)))
    return dates


def page_errors(path: Path) -> list[str]:
    """Why each page the index at `path` holds no items of could not be read ([] if it
    cannot say): an index found up to date still names them, as the update that met them."""
    rows = _read_rows(path, "SELECT error FROM pages WHERE error IS NOT NULL ORDER BY first")
    return [str(error) for (error,) in rows if error]


def _read_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """The rows of one query of the index at `path`, opened read-only; [] when it cannot."""
    try:
        conn = open_read(path)
    except (ReaderError, OSError):
        return []
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.DatabaseError:
        return []
    finally:
        conn.close()
