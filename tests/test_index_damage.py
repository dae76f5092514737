"""A damaged index is found and rebuilt with one message, never searched silently wrong."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from corpuslib import corpus_lines, make_library

from reader.errors import ReaderError
from reader.library import Library
from reader.search import engine as index
from reader.search.store import IndexCorrupt, index_path

QUERIES = ("中国", "经济", "发展", "人民", "北京", "记者")
DAMAGES = 150


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_library(tmp_path_factory.mktemp("small"), corpus_lines(300), per_page=10)


def answers(lib: Library) -> dict[str, set[str]]:
    """The hits of each query, as sets.

    Sets: a byte changed in FTS5's column averages moves bm25's order alone,
    which no check sees (1 of these 150 damages); no hit is lost or made up.
    """
    return {q: {h.id for h in index.search(lib, q, limit=None, update=False)} for q in QUERIES}


def test_random_damage_never_gives_a_silently_wrong_answer(small: Path) -> None:
    lib = Library(small)
    index.update(lib, rebuild=True)
    path = index_path(lib)
    truth = answers(lib)
    assert all(truth.values())
    pristine = path.read_bytes()
    rng = random.Random(6)
    silent: list[int] = []
    for trial in range(DAMAGES):
        data = bytearray(pristine)
        at = rng.randrange(100, len(data))  # past the header: damage() sees those at once
        size = rng.choice((1, 4, 16, 64, 512))
        data[at : at + size] = rng.randbytes(min(size, len(data) - at))
        path.write_bytes(bytes(data))
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        stats = index.update(Library(small), check=True)  # what `reader index` does
        try:
            got = answers(Library(small))
        except IndexCorrupt:
            continue  # reported: the CLI rebuilds and says so
        if got != truth and not stats.notes:
            silent.append(trial)
    assert not silent, f"wrong answers without a message in trials {silent}"


def reader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("command", ["search", "index"])
def test_a_missing_fts_table_is_repaired(small: Path, command: str) -> None:
    lib = Library(small)
    index.update(lib)
    truth = {h.id for h in index.search(lib, "经济", limit=None)}
    with sqlite3.connect(index_path(lib)) as conn:
        conn.execute("DROP TABLE grams")
    args = ("search", "经济", "--limit", "0") if command == "search" else ("index",)
    done = reader(small, *args)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("\n") == 1 and "damaged" in done.stderr, done.stderr
    assert {h.id for h in index.search(Library(small), "经济", limit=None)} == truth


@pytest.mark.parametrize("command", [("search", "经济"), ("index",)])
def test_an_index_path_that_is_a_folder_is_one_line(
    small: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    lib = make_library(tmp_path / "lib", corpus_lines(20), per_page=10)
    index_path(Library(lib)).mkdir(parents=True)
    done = reader(lib, *command)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "is a directory" in done.stderr, done.stderr
    with pytest.raises(ReaderError):
        index.update(Library(lib))


@pytest.mark.parametrize("ends_after", [*range(1, 9), None])
def test_a_write_ending_between_the_looks_at_the_index_is_not_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ends_after: int | None
) -> None:
    """Two imports into one new library at once: the second's index update looked at the
    file while the first's commit was ending, read the size before and the page count
    after, and removed the index as "truncated" under the process writing it (which
    then failed: `disk I/O error`). A commit writes the header (the new page count)
    first and the pages after it, with its journal beside the file; here it ends right
    after the `ends_after`-th look at the file (a stat, an open), or not at all."""
    import io
    import os

    from reader.search.store import damage

    path = tmp_path / "index.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE t(b BLOB)")
        conn.executemany("INSERT INTO t VALUES(?)", [(bytes(3000),)] * 8)
    whole = path.read_bytes()
    page = int.from_bytes(whole[16:18], "big")
    journal = path.with_name(path.name + "-journal")
    path.write_bytes(whole[:page])  # the header written, the pages after it not yet
    journal.write_bytes(b"\0" * 512)
    real = {name: getattr(os, name) for name in ("stat", "lstat", "fstat", "open")}
    real_open = io.open
    looks = 0

    def commit_ends() -> None:
        fd = real["open"](path, os.O_WRONLY)
        try:
            os.pwrite(fd, whole[page:], page)
        finally:
            os.close(fd)
        os.unlink(journal)

    def looked(call: Callable[..., object]) -> Callable[..., object]:
        def look(*args: object, **kwargs: object) -> object:
            nonlocal looks
            result = call(*args, **kwargs)
            if isinstance(args[0], int) or str(args[0]).startswith(str(path)):
                looks += 1
                if looks == ends_after:
                    commit_ends()
            return result

        return look

    for name, call in real.items():
        monkeypatch.setattr(os, name, looked(call))
    monkeypatch.setattr(io, "open", looked(real_open))
    try:
        problem = damage(path)
    finally:
        monkeypatch.undo()
    assert problem is None  # past the last look: the write still under way
