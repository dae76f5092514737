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

The stored items are `reader.search.records`'; opening the index to read, the write
lock and the journal modes are `reader.search.journal`'s.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sqlite3
import stat
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reader.errors import ReaderError
from reader.locations import cache_dir, is_sample, library_key

if TYPE_CHECKING:  # a search that finds the index fresh loads neither library nor model
    from reader.library import Library

T = TypeVar("T")

SCHEMA = 19
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


def close_to(path: Path, closed: int) -> None:
    """Take the read bits `closed` (`Scan.closed`) off the index file and its journals.

    The index holds the text of every page it covers: a paper or issue kept from
    the group or others (`chmod 700`) must not be readable through an index they
    can read. Bits are only taken off, never given: the owner's `chmod` gives them
    back. Others then search a private index of the pages they may read.
    """
    if not closed:
        return
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        with contextlib.suppress(OSError):
            target = path.with_name(name)
            seen = target.lstat()  # a link is not followed: only the index's own files
            if stat.S_ISREG(seen.st_mode) and seen.st_mode & closed:
                os.chmod(target, stat.S_IMODE(seen.st_mode) & ~closed)


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
        raise open_error(path, err) from None
    return conn


def open_error(path: Path, err: sqlite3.DatabaseError) -> ReaderError:
    """What opening the index at `path` failed with, as the caller should see it."""
    text = str(err)
    if not isinstance(err, sqlite3.OperationalError):
        return IndexCorrupt(f"{path}: {text}")
    if "locked" in text or "busy" in text:
        return ReaderError(f"{path}: the index is locked by another process")
    if not is_damage(err):  # a full disk, a read-only folder: not mended by a rebuild
        return ReaderError(f"{path}: {text}")
    return IndexCorrupt(f"{path}: {text}")


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
