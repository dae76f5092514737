"""The index database: where it lives, its schema, opening it, noticing corruption.

One SQLite file per library (DESIGN section 5). Two contentless FTS5 tables hold
only inverted indexes of the tokens of `reader.search.tokens`: `grams` (bigrams, no
positions, one row a page at the rowid of its first item: it finds candidate
pages, whose items a search checks; a page's items share most of their bigrams,
so this is 40% smaller than a row an item) and `words` (jieba's precise-mode words and the
parts of long words, per field, with counts and positions: bm25 ranks every
candidate by them, `reader.search.rank`). The body is the word table's first
column: FTS5 marks every posting outside column 0 with its column number, and
most postings are the body's (the table is a quarter smaller than with the
headline first). bm25 needs `detail=full`: with `detail=column` it scores 0.
The parsed items are kept per page in `texts` as spans of the page's text file
(`reader.search.pagetext`: the text itself is the library's, read again for a
hit); `pages` says which FTS rowids each page's items hold. `counts` and `heads`
(the impact table) let bm25 rank every candidate of a common word by reading only its
postings that can rank high (`reader.search.heads`, `reader.search.topk`). A page
changed or removed leaves its rows in the FTS tables (deleting a contentless row
needs its old tokens, and its old text is gone with the file): no page row covers
them, so a search skips them, and `build` rebuilds the index once they are many
(`meta` key `orphans`).

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
import marshal
import os
import sqlite3
import stat
import time
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from reader.errors import ReaderError
from reader.locations import cache_dir, is_sample, library_key

if TYPE_CHECKING:  # a search that finds the index fresh loads neither library nor model
    from reader.library import Library

T = TypeVar("T")

SCHEMA = 18
"""Bumped whenever tables, tokens or the stored items (the fields of `Item`) change;
an index of another version is rebuilt."""

NAME = "index.sqlite"

GRAMS_TABLE = """CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5(
    text, content='', tokenize='ascii', detail=none, columnsize=0)"""

TABLES = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issues(
    id INTEGER PRIMARY KEY, paper TEXT NOT NULL, issue TEXT NOT NULL,
    date TEXT, stat TEXT NOT NULL, UNIQUE(paper, issue));
CREATE TABLE IF NOT EXISTS pages(
    issue_id INTEGER NOT NULL, page INTEGER NOT NULL, stat TEXT NOT NULL,
    hash TEXT NOT NULL, first INTEGER NOT NULL, items INTEGER NOT NULL,
    error TEXT, PRIMARY KEY(issue_id, page)) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS pages_first ON pages(first);
CREATE TABLE IF NOT EXISTS texts(first INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS papers(key TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
{GRAMS_TABLE};
CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(
    body, head, caption, meta, parts, header, content='', tokenize='ascii', detail=full);
CREATE TABLE IF NOT EXISTS counts(word TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS heads(
    word TEXT NOT NULL, band INTEGER NOT NULL, block INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY(word, band, block)) WITHOUT ROWID;
"""

DROP = """
DROP TABLE IF EXISTS heads; DROP TABLE IF EXISTS counts;
DROP TABLE IF EXISTS vocab; DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS grams;
DROP TABLE IF EXISTS texts; DROP TABLE IF EXISTS papers; DROP TABLE IF EXISTS pages;
DROP TABLE IF EXISTS issues; DROP TABLE IF EXISTS meta;
"""

INSERT_GRAMS = "INSERT INTO grams(rowid, text) VALUES(?, ?)"
INSERT_WORDS = (
    "INSERT INTO words(rowid, head, body, caption, meta, parts, header) VALUES(?, ?, ?, ?, ?, ?, ?)"
)
DELETE_GRAMS = "INSERT INTO grams(grams, rowid, text) VALUES('delete', ?, ?)"
DELETE_WORDS = (
    "INSERT INTO words(words, rowid, head, body, caption, meta, parts, header) "
    "VALUES('delete', ?, ?, ?, ?, ?, ?, ?)"
)

_MAGIC = b"SQLite format 3\x00"


class IndexCorrupt(ReaderError):
    """The index file is damaged; the caller rebuilds it."""


def script(conn: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one: `executescript` would commit the open transaction."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


def create(conn: sqlite3.Connection) -> None:
    """Create the tables (inside the caller's transaction)."""
    script(conn, TABLES)


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
    rows = conn.execute("PRAGMA database_list").fetchall()
    name = next((str(row[2]) for row in rows if row[1] == "main"), "")
    folder = os.path.dirname(name)
    if name and os.path.basename(folder) == ".reader":
        return os.path.dirname(folder)
    row = conn.execute("SELECT value FROM meta WHERE key='root'").fetchone()
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


def _writable(folder: Path) -> bool:
    target = folder / ".reader"
    return os.access(target if target.is_dir() else folder, os.W_OK | os.X_OK)


def index_path(library: Library) -> Path:
    """`<library>/.reader/index.sqlite` when writable, else a per-library cache file.

    A sample library always uses the cache dir: never write into site-packages
    or among the repository's own files.
    """
    root = library.root.resolve()
    if not is_sample(root) and root.is_dir() and _writable(root):
        return root / ".reader" / NAME
    return cache_dir() / "index" / library_key(root) / NAME


def shared_path(library: Library) -> Path | None:
    """The library's own index when this user cannot write the library: searched in place.

    None when the library is writable (`index_path` is its index), a sample,
    or has no readable `.reader/index.sqlite`.
    """
    root = library.root.resolve()
    if is_sample(root) or not root.is_dir() or _writable(root):
        return None
    path = root / ".reader" / NAME
    return path if path.is_file() and os.access(path, os.R_OK) else None


def versions(segmenter: bool = True) -> dict[str, str]:
    """What the tokens depend on: the schema, the Unicode tables, the segmenter.

    Naming the segmenter imports it, so a search that finds the index fresh
    asks without it: queries never segment, only updates do.
    """
    found = {
        "schema": str(SCHEMA),
        "unicode": unicodedata.unidata_version,
        "marshal": str(marshal.version),
    }
    if segmenter:
        from reader.search.segmenter import segmenter as current

        found["segmenter"] = current()[0]
    return found


def stale_versions(have: dict[str, str], segmenter: bool = True) -> dict[str, str]:
    """The `versions` that the meta table `have` does not match, with their current values."""
    return {key: value for key, value in versions(segmenter).items() if have.get(key) != value}


_TABLE_NAMES = ("meta", "issues", "pages", "texts", "papers", "grams", "words")
_DAMAGE_WORDS = (
    "no such table",
    "no such column",
    "malformed",
    "corrupt",
    "vtable",
    "not a database",
    "could not decode",  # random bytes in a text value: every one written was UTF-8
)


def is_damage(err: sqlite3.DatabaseError) -> bool:
    """Whether SQLite's error means a damaged index (rebuild it), not a busy or full disk.

    A missing FTS table is an OperationalError (`no such table: grams`) like a
    lock, but only a rebuild mends it.
    """
    if not isinstance(err, sqlite3.OperationalError):
        return True
    text = str(err).lower()
    return any(word in text for word in _DAMAGE_WORDS)


def check(conn: sqlite3.Connection) -> str | None:
    """What `PRAGMA quick_check` finds wrong with the index on `conn`, if anything.

    It reads every page of the file and checks both FTS indexes (about 10 ms a
    megabyte), so it runs where that is cheap beside the work: on `reader
    index`. Random bytes inside a table left searches short of hits with no error.
    """
    try:
        rows = conn.execute("PRAGMA quick_check(3)").fetchall()
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as err:
        if not is_damage(err):
            raise
        return str(err)
    found = [str(row[0]) for row in rows]
    if found != ["ok"]:
        return "; ".join(found)[:200]
    missing = sorted(set(_TABLE_NAMES) - names)
    if missing:
        return f"no table {', '.join(missing)}"
    try:  # quick_check reads the FTS segments as opaque blobs: bytes changed there go unseen
        for table in ("grams", "words"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
    except sqlite3.DatabaseError as err:
        if not is_damage(err):
            raise
        return str(err)
    return None


def damage(path: Path) -> str | None:
    """Why the file at `path` cannot be an intact SQLite database, if it cannot.

    A folder in its place cannot be replaced for the user: a `ReaderError`.
    """
    if path.is_dir():
        raise ReaderError(f"{path}: is a directory where the index file goes: move it away")
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO's open() waits for a writer for ever
            raise ReaderError(f"{path}: is not a file where the index file goes: move it away")
        with path.open("rb") as handle:
            # Another process may be writing: a commit or a checkpoint writes the header
            # (the new page count) first and the pages after it, its journal or WAL beside
            # the file until they are all there. So the header, then the journal, then the
            # size: read in the other order, a write ending between the looks read as a
            # file cut short, and the index was removed under the process writing it.
            header = handle.read(100)
            writing = any(
                path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal")
            )
            size = os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        return None
    except OSError as err:
        return err.strerror or str(err)
    if not header:
        return None  # created, nothing written yet
    if len(header) < 100 or not header.startswith(_MAGIC):
        return "not an SQLite database"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if size % page_size or (pages * page_size > size and not writing):
        return f"truncated ({size} of {pages * page_size} bytes)"
    return None


def issue_dates(path: Path) -> list[date]:
    """Every issue date the index at `path` records, newest first ([] if it cannot say)."""
    try:
        conn = open_read(path)
    except (ReaderError, OSError):
        return []
    try:
        rows = conn.execute(
            "SELECT DISTINCT date FROM issues WHERE date IS NOT NULL ORDER BY date DESC"
        ).fetchall()
    except sqlite3.DatabaseError:
        return []
    finally:
        conn.close()
    dates = []
    for (text,) in rows:
        with contextlib.suppress(TypeError, ValueError):
            dates.append(date.fromisoformat(text))
    return dates


def side_path(path: Path) -> Path:
    """The bigram table a bulk build writes beside the index, in another process."""
    return path.with_name(path.stem + "-grams" + path.suffix)


def remove(path: Path) -> None:
    """Delete the index file, its WAL and shared-memory files and a bulk build's side file."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    side_path(path).unlink(missing_ok=True)


def connect(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """Open (creating) the index at `path` for an update: autocommit, the schema in place.

    The journal mode is left as found: `begin_write` switches to WAL for the
    write, `settle` back to DELETE after it (see the module's docstring).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ReaderError(
            f"{path.parent}: cannot create the index folder: {err.strerror}"
        ) from None
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA journal_size_limit=67108864")
        conn.execute("PRAGMA cache_size=-65536")  # 64 MB: FTS5 merges spill less to the WAL
        present = conn.execute("SELECT count(*) FROM sqlite_master WHERE name='papers'").fetchone()[
            0
        ]
        if not present:
            # Free pages (FTS5's merges leave them) go back to the disk at the end of each
            # update (`free_pages`): a new file only, the mode is set before its first table.
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
            conn.execute("BEGIN IMMEDIATE")
            create(conn)
            conn.execute("COMMIT")
        conn.execute("SELECT key, value FROM meta").fetchall()
    except sqlite3.DatabaseError as err:
        conn.close()
        raise _open_error(path, err) from None
    return conn


def _open_error(path: Path, err: sqlite3.DatabaseError) -> ReaderError:
    """What opening the index at `path` failed with, as the caller should see it."""
    text = str(err)
    if not isinstance(err, sqlite3.OperationalError):
        return IndexCorrupt(f"{path}: {text}")
    if "locked" in text or "busy" in text:
        return ReaderError(f"{path}: the index is locked by another process")
    if not is_damage(err):  # a full disk, a read-only folder: not mended by a rebuild
        return ReaderError(f"{path}: {text}")
    return IndexCorrupt(f"{path}: {text}")


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
        raise _open_error(path, err) from None
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
        raise _open_error(path, err) from None
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


def meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The meta table as a dict."""
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def search_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The meta table as a search reads it: `folders` only the folder record's head.

    The whole record is 0.36 MB at 2,000 MB, read by every search for its head
    (0.35-0.44 ms): the head has a key of its own (`folders_head`), and the rest
    is read by the full freshness check alone (`folder_record`). An index written
    before that key was there gives the whole record, as before.
    """
    have = dict(conn.execute("SELECT key, value FROM meta WHERE key != 'folders'").fetchall())
    head = have.pop("folders_head", None)
    have["folders"] = folder_record(conn) if head is None else head
    return have


def folder_record(conn: sqlite3.Connection) -> str:
    """The whole folder record of the index (`reader.search.freshness.record`)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'folders'").fetchone()
    return str(row[0]) if row is not None else ""


def open_index(path: Path, notes: list[str], thorough: bool = False) -> sqlite3.Connection:
    """Connect, replacing a damaged file by a new empty index (noted in `notes`).

    `thorough`: also run `check` (quick_check) on it.
    """
    problem = damage(path)
    if problem is None:
        try:
            conn = connect(path)
        except IndexCorrupt as err:
            problem = err.message.removeprefix(f"{path}: ")
        else:
            problem = check(conn) if thorough else None
            if problem is None:
                return conn
            conn.close()
    notes.append(f"the index {path} is damaged ({problem}): rebuilding it")
    remove(path)
    return connect(path)
