"""The processes of an index build: pages segmented on every core, bigrams written beside.

The main process of a build writes the index; on two cores it was the
bottleneck (FTS5 inserts took 22 of 34 s at 50 MB, the workers idled). A bulk
build (`GramWriter`) hands the bigram table to a process of its own, which
writes it into a side file; the main process copies its rows in at the end.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import threading
from collections import deque
from collections.abc import Generator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.errors import ReaderError
from reader.parse.pages import parse_page_bytes
from reader.search import store
from reader.search.freshness import Key
from reader.search.pagetext import encode

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.pool import Pool

_POOL_MIN_PAGES = 12
"""Below this many pages, starting worker processes costs more than it saves."""
_WINDOW = 64
"""Pages given to the workers ahead of the one being written to the index."""
HASH_SIZE = 32 * 2**20
"""FTS5's in-memory buffer in a bulk build (1 MB by default): fewer, larger segments
to merge. A table's buffer may take about twice this in memory."""
_BATCH = 32
"""Pages of bigram rows sent to the gram writer at a time."""

_UTF8 = ("utf-8", "surrogatepass")
"""A bigram row's bytes: a lone surrogate of a page goes through as pickle takes it."""

Tokens = tuple[str, ...]
Impact = tuple[int, str, int, int, int]
"""A kept posting of a page's row: the row's place on the page, word, band, counts, length."""


@dataclass(frozen=True)
class PageJob:
    """One page to (re)segment."""

    key: Key
    path: Path
    issue_id: int


@dataclass(frozen=True)
class PageResult:
    """A segmented page: its hash, stored items, its bigram row and its items' word rows."""

    job: PageJob
    hash: str
    blob: bytes
    rows: list[Tokens]
    error: str | None = None
    grams: bytes = b""
    """The bigram row (`tokens.gram_row`) as UTF-8 (`grams_text` reads it): the main
    process hands it to the bigram writer as it came, without decoding and encoding
    20,000 characters a page on their way through it (unpickled as a string and
    pickled again: 85 us a page there, 13 us as bytes)."""
    impacts: tuple[Impact, ...] = ()
    """The rows' kept postings (`heads.postings`), made here on every core: the main
    process, which writes the index, has none to spare."""


def segment_page(job: PageJob) -> PageResult:
    """Read, hash, parse and tokenize one page (runs in a worker process).

    Read once, with the bound every page read has: a page over the limit is
    refused before it is read whole or hashed. The page's bigram row is made
    here too (sorting its bigrams took 2 ms a page in the main process).
    """
    from reader.files import read_bounded
    from reader.parse.text import MAX_PAGE_BYTES
    from reader.search.heads import impacts
    from reader.search.segmenter import page_tokens

    paper, issue, page = job.key
    try:
        data = read_bounded(job.path, MAX_PAGE_BYTES, "page file")
    except ReaderError as err:
        return PageResult(job, "-", encode([], None, b""), [], err.message)
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    try:
        parsed = parse_page_bytes(data, job.path, paper, issue, page)
    except ReaderError as err:
        return PageResult(job, digest, encode([], None, data), [], err.message)
    grams, rows = page_tokens(parsed.items, parsed.header)
    blob = encode(parsed.items, parsed.header, data)
    return PageResult(job, digest, blob, rows, grams=grams.encode(*_UTF8), impacts=impacts(rows))


def grams_text(data: bytes) -> str:
    """A bigram row as `PageResult.grams` holds it, as the text FTS5 tokenizes."""
    return data.decode(*_UTF8)


def segment_all(jobs: list[PageJob]) -> Generator[PageResult, None, None]:
    """Segment pages in order, on every core when there are enough of them.

    Close the iterator (`contextlib.closing`) when stopping early: that ends the workers.
    """
    if len(jobs) < _POOL_MIN_PAGES or (os.cpu_count() or 1) < 2:
        yield from map(segment_page, jobs)
        return
    # A window of pages in flight, not `imap` over them all: the workers segment
    # faster than SQLite takes the rows, and imap kept every finished page in
    # memory until its turn (1 GB while building 600 MB).
    todo = iter(jobs)
    pool = _context().Pool(os.cpu_count(), initializer=worker_start, initargs=(os.getpid(),))
    try:
        flying = deque(pool.apply_async(segment_page, (job,)) for job in islice(todo, _WINDOW))
        while flying:
            result = flying.popleft().get()
            for job in islice(todo, 1):
                flying.append(pool.apply_async(segment_page, (job,)))
            yield result
    finally:
        _stop(pool)


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _stop(pool: Pool) -> None:
    """End the workers and wait for them, a second Ctrl-C held off meanwhile.

    `Pool.__exit__` only terminates; a worker that Ctrl-C killed while it held
    the task queue's lock made that wait for ever. Workers ignore SIGINT
    (`worker_start`), so terminating them cannot meet such a lock.
    """
    blocked = hasattr(signal, "pthread_sigmask")
    if blocked:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool.terminate()
        pool.join()
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def worker_start(parent: int) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle, and a worker dies with its parent.

    A Ctrl-C at the terminal reaches the whole process group: workers that took
    it printed tracebacks and could leave the pool's queue locked. A parent
    killed outright (`kill -9`) left workers that printed BrokenPipeError
    tracebacks when they handed in their next page; now they end quietly.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "setpgid"):
        # A group of its own: a hangup (SSH closed) or `timeout`'s SIGTERM sent to the
        # command's process group killed workers that held a queue's lock, and the
        # parent, ending the pool, waited for it for ever (audit21).
        os.setpgid(0, 0)
    if hasattr(signal, "SIGPIPE"):
        # The parent's end of the result pipe closes before the kernel sends the
        # death signal below: a page handed in meanwhile ends the worker, silently.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux): killed with the parent
    except (OSError, AttributeError):
        pass  # elsewhere the watch below does it, within its interval
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(0)
    watch = threading.Thread(target=_watch_parent, args=(parent,), daemon=True)
    watch.start()


def _watch_parent(parent: int) -> None:
    """End this worker quietly once its parent is gone (it is re-parented)."""
    while os.getppid() == parent:
        threading.Event().wait(0.2)
    os._exit(0)


class GramWriter:
    """The bigram table of a bulk build, written by a process of its own into a side file.

    `add` queues a page's row, `finish` waits for the writer and copies the
    table's FTS5 rows (`grams_data`, `grams_idx`: its segments and structure,
    as FTS5 wrote them) into the index on `conn`, inside the caller's
    transaction; `close` ends the process and removes the side file whatever
    happened. The side file is written without a journal: a crash leaves only
    it behind, and the next build removes it (`store.remove` too).
    """

    def __init__(self, index: Path) -> None:
        self.side = store.side_path(index)
        self.side.unlink(missing_ok=True)
        context = _context()
        self.pipe, child = context.Pipe()
        self.process = context.Process(
            target=_write_grams, args=(str(self.side), child, os.getpid()), daemon=True
        )
        self.process.start()
        child.close()
        self.batch: list[tuple[int, bytes]] = []

    def add(self, rowid: int, grams: bytes) -> None:
        """Queue a page's bigram row (sent in batches; the pipe holds the pace)."""
        self.batch.append((rowid, grams))
        if len(self.batch) >= _BATCH:
            self._send(self.batch)
            self.batch = []

    def _send(self, message: list[tuple[int, bytes]] | None) -> None:
        try:
            self.pipe.send(message)
        except OSError:  # the writer died (killed): its error, if it said one
            raise sqlite3.OperationalError(self._error() or "the bigram writer ended") from None

    def _error(self) -> str | None:
        try:
            return str(self.pipe.recv()) if self.pipe.poll(1.0) else None
        except (OSError, EOFError):
            return None

    def finish(self, conn: sqlite3.Connection) -> None:
        """Wait for the writer, then copy its table's rows into the index on `conn`."""
        self._send(self.batch)
        self.batch = []
        self._send(None)
        try:
            said = self.pipe.recv()
        except (OSError, EOFError):
            said = "the bigram writer ended"
        if said != "ok":
            raise sqlite3.OperationalError(str(said))
        self.process.join()
        side = sqlite3.connect(self.side, isolation_level=None)
        try:
            for table in ("grams_data", "grams_idx"):
                conn.execute(f"DELETE FROM {table}")  # the empty table's structure record
                width = len(side.execute(f"SELECT * FROM {table} LIMIT 0").description)
                marks = ", ".join("?" * width)
                conn.executemany(
                    f"INSERT INTO {table} VALUES({marks})", side.execute(f"SELECT * FROM {table}")
                )
        finally:
            side.close()

    def close(self) -> None:
        """End the writer (if it still runs) and remove the side file."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self.pipe.close()
        self.side.unlink(missing_ok=True)


def _write_grams(side: str, pipe: Connection, parent: int) -> None:
    """The gram writer's process: insert the rows it is sent, say "ok" or the error.

    After an error it reads on to the end, so the sender never blocks on a full pipe.
    """
    worker_start(parent)
    error: str | None = None
    try:
        conn = sqlite3.connect(side, isolation_level=None)
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute(store.GRAMS_TABLE)
        conn.execute("INSERT INTO grams(grams, rank) VALUES('hashsize', ?)", (HASH_SIZE,))
        conn.execute("BEGIN")
    except sqlite3.Error as err:
        error = str(err)
    while (batch := pipe.recv()) is not None:
        if error is None:
            try:
                conn.executemany(store.INSERT_GRAMS, [(r, grams_text(g)) for r, g in batch])
            except sqlite3.Error as err:
                error = str(err)
    if error is None:
        try:
            conn.execute("COMMIT")
            conn.close()
        except sqlite3.Error as err:
            error = str(err)
    pipe.send(error or "ok")
