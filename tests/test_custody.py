"""`reader index` reads the whole index file only when something other than reader changed it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpuslib import corpus_lines, make_library

from reader.library import Library
from reader.search import custody, store
from reader.search import engine as index
from reader.search.store import index_path


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(make_library(tmp_path / "lib", corpus_lines(120), per_page=10))


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each whole-file check made, by the file's path."""
    made: list[Path] = []
    real = store.check

    def counted(conn: object) -> str | None:
        made.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))  # type: ignore[attr-defined]
        return real(conn)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "check", counted)
    return made


def test_an_index_left_as_checked_is_not_read_whole_again(lib: Library, checks: list[Path]) -> None:
    index.update(lib, check=True)
    assert len(checks) == 1
    index.update(lib, check=True)
    index.update(lib, check=True)
    assert len(checks) == 1, "the file was read whole though nothing but reader wrote it"


def test_updates_made_from_a_checked_file_keep_it_in_custody(
    lib: Library, checks: list[Path]
) -> None:
    index.update(lib, check=True)
    page = next((lib.root / "rmrb").rglob("01.txt"))
    page.write_text(page.read_text(encoding="utf-8") + "\n新增一段文字。\n", encoding="utf-8")
    stats = index.update(lib)  # what an import or a search does
    assert stats.indexed == 1
    index.update(lib, check=True)
    assert len(checks) == 1


def test_an_update_of_a_file_never_checked_leaves_it_to_be_checked(
    lib: Library, checks: list[Path]
) -> None:
    index.update(lib)
    index.update(lib, check=True)
    assert len(checks) == 1


@pytest.mark.parametrize("restore_time", [False, True])
def test_bytes_written_by_anything_else_are_checked(
    lib: Library, checks: list[Path], restore_time: bool
) -> None:
    index.update(lib, check=True)
    path = index_path(lib)
    before = os.stat(path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, same inode
    path.write_bytes(bytes(data))
    if restore_time:  # set the modification time back: the change time still moves
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert not custody.held(path)
    index.update(lib, check=True)
    assert len(checks) == 2


def test_a_file_replaced_by_a_copy_is_checked(
    lib: Library, checks: list[Path], tmp_path: Path
) -> None:
    index.update(lib, check=True)
    path = index_path(lib)
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)
    index.update(lib, check=True)
    assert len(checks) == 2


def test_a_stamp_is_not_taken_while_sqlite_has_a_journal_beside_the_file(lib: Library) -> None:
    index.update(lib, check=True)
    path = index_path(lib)
    assert custody.held(path)
    journal = Path(f"{path}-journal")
    journal.write_bytes(b"")
    try:
        assert not custody.held(path)
    finally:
        journal.unlink()


def test_reader_index_finds_damage_after_its_own_stamp(lib: Library) -> None:
    """Through the CLI: stamped by one run, damaged, the next run says so and rebuilds."""

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", "--library", str(lib.root), "index"],
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run().returncode == 0
    path = index_path(lib)
    assert custody.held(path)
    before = os.stat(path)
    with path.open("r+b") as handle:  # a page of the FTS tables, zeroed in place
        handle.seek(before.st_size // 2)
        handle.write(bytes(4096))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    second = run()
    assert second.returncode == 0, second.stderr
    assert "damaged" in second.stderr, second.stderr
