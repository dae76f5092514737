"""Durability with real processes: kill -9 mid-build, searching during an update, WAL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpuslib import CORPUS, corpus_lines, make_library, write_page

from reader.library import Library
from reader.search import engine as index

MARK = "甲乙丙丁戊"  # in the first library only, never in the corpus

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")


def reader(library: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--library", str(library), *args]


@pytest.fixture
def indexed(tmp_path: Path) -> Path:
    """A small indexed library with a marked page, and enough new pages to make a slow update."""
    root = tmp_path / "lib"
    make_library(root, corpus_lines(400), per_page=25)
    write_page(root / "rmrb" / "1998-01-01" / "09.txt", [f"这一版登出了{MARK}的消息。"])
    assert subprocess.run(reader(root, "index"), timeout=120).returncode == 0
    make_library(root, corpus_lines(12000)[400:], paper="more", per_page=25)
    return root


def marked(root: Path) -> set[str]:
    """Ids found for the mark by a separate process that does not update the index."""
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from reader.library import Library\nfrom reader.search import engine as index\n"
        f"hits = index.search(Library(Path(sys.argv[1])), {MARK!r}, update=False)\n"
        "print('\\n'.join(h.id for h in hits))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return set(out.stdout.split())


def wait_for_writes(root: Path, writer: subprocess.Popen[bytes], size: int = 256 * 1024) -> None:
    """Until the writer has put `size` bytes of its transaction in the WAL."""
    wal = root / ".reader" / "index.sqlite-wal"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and writer.poll() is None:
        if wal.exists() and wal.stat().st_size >= size:
            return
        time.sleep(0.02)
    pytest.fail("the update wrote nothing to the WAL before it ended")


def write_locked(root: Path) -> bool:
    """Whether another connection holds the index's write lock (an update's transaction)."""
    conn = sqlite3.connect(root / ".reader" / "index.sqlite", timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def start_update(root: Path) -> subprocess.Popen[bytes]:
    """`reader index` in its own process, its messages kept beside the library for a failure."""
    with (root.parent / "update.err").open("wb") as err:
        return subprocess.Popen(reader(root, "index"), stderr=err)


def update_said(root: Path, writer: subprocess.Popen[bytes]) -> str:
    """How the update ended, for an assertion's message (a flake once said only "never began")."""
    said = (root.parent / "update.err").read_text(errors="replace").strip()
    return f"exit {writer.poll()}, stderr: {said[-500:]!r}"


def stop_mid_update(root: Path, writer: subprocess.Popen[bytes]) -> None:
    """Let the writer work inside its transaction for a while, then freeze it there.

    The WAL is no witness: SQLite keeps the transaction in its 64 MB cache and
    may write it out only at the commit. The write lock is: the update holds it
    from its BEGIN to its COMMIT, and the new issues are not visible before.
    """
    deadline = time.monotonic() + 60
    held_since: float | None = None
    while held_since is None or time.monotonic() - held_since < 0.1:
        # The lock held for a tenth of a second: `reader index` first checks the file
        # (quick_check and FTS5's integrity-check, a brief write lock of its own); a
        # lock seen once may be that check, and stopping there finds no update yet.
        assert writer.poll() is None and time.monotonic() < deadline, (
            f"the update never began: {update_said(root, writer)}"
        )
        if write_locked(root):
            held_since = held_since if held_since is not None else time.monotonic()
        else:
            held_since = None
        time.sleep(0.01)
    os.kill(writer.pid, signal.SIGSTOP)
    with sqlite3.connect(root / ".reader" / "index.sqlite") as conn:
        committed = conn.execute("SELECT count(*) FROM issues WHERE paper='more'").fetchone()[0]
    assert write_locked(root) and not committed, (
        f"the update was over before it could be stopped: {update_said(root, writer)}"
    )


def test_index_rests_in_delete_mode_and_is_written_in_wal_mode(indexed: Path) -> None:
    # At rest a read-only open needs no -shm file (a shared index, reader.search.store);
    # while an update writes, searches read the last commit beside it (WAL).
    path = indexed / ".reader" / "index.sqlite"
    assert path.read_bytes()[18:20] == b"\x01\x01"  # the header's rollback-journal mark
    assert not path.with_name("index.sqlite-wal").exists()
    writer = start_update(indexed)
    try:
        stop_mid_update(indexed, writer)
        assert path.read_bytes()[18:20] == b"\x02\x02"  # WAL
    finally:
        os.kill(writer.pid, signal.SIGCONT)
        writer.wait(timeout=300)
    assert writer.returncode == 0
    assert path.read_bytes()[18:20] == b"\x01\x01"


def test_kill_9_in_the_middle_of_an_update_leaves_the_previous_index(indexed: Path) -> None:
    before = marked(indexed)
    assert before == {"rmrb/1998-01-01/09/1"}
    writer = start_update(indexed)
    stop_mid_update(indexed, writer)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    assert marked(indexed) == before
    with sqlite3.connect(indexed / ".reader" / "index.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM issues WHERE paper='more'").fetchone()[0] == 0
    stats = index.update(Library(indexed))
    assert stats.indexed > 0 and not stats.rebuilt
    assert marked(indexed) == before


def test_a_second_process_searches_while_the_index_is_updated(indexed: Path) -> None:
    """A search started inside the update's transaction answers from the last complete index.

    Whether it had to say so depends on how far the update got (its commit may
    come first); the lock test below pins that message down deterministically.
    """
    writer = start_update(indexed)
    try:
        wait_for_writes(indexed, writer, size=1)  # its transaction has begun
        result = subprocess.run(
            reader(indexed, "search", MARK, "--json"), capture_output=True, text=True, timeout=60
        )
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "rmrb/1998-01-01/09/1"
    ]
    assert "Traceback" not in result.stderr
    assert marked(indexed) == {"rmrb/1998-01-01/09/1"}
    assert index.update(Library(indexed)).fresh


def test_a_held_write_lock_never_blocks_a_search(indexed: Path) -> None:
    """Deterministic twin of the test above: this process holds the lock mid-transaction."""
    write_page(indexed / "rmrb" / "1998-01-01" / "10.txt", [f"又一版有{MARK}。"])
    conn = sqlite3.connect(indexed / ".reader" / "index.sqlite", isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM texts")
    try:
        result = subprocess.run(
            reader(indexed, "search", MARK), capture_output=True, text=True, timeout=60
        )
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    assert result.returncode == 0
    assert "rmrb/1998-01-01/09/1" in result.stdout
    assert "another process is updating the index" in result.stderr
    after = subprocess.run(reader(indexed, "search", MARK), capture_output=True, text=True)
    assert "rmrb/1998-01-01/10/1" in after.stdout
