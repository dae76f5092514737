"""Page reads have a bound: FIFOs, devices, symlink loops and huge files end in one line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.files import TooBig, read_bounded
from reader.search.build import PageJob, segment_page

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"
posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev files")


def reader(*args: str, cwd: Path | None = None) -> tuple[int, str, float]:
    """Run `python -m reader ARGS` in a real process: exit code, stderr, seconds."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=20,  # the old code hung here for ever
        cwd=cwd,
    )
    return done.returncode, done.stderr, time.monotonic() - started


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("reader: ") and "internal error" not in err


@posix
@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        ("fifo.txt", lambda p: os.mkfifo(p), "not a regular file"),
        ("zero.txt", lambda p: p.symlink_to("/dev/zero"), "not a regular file"),
        ("random.txt", lambda p: p.symlink_to("/dev/urandom"), "not a regular file"),
        ("loop.txt", lambda p: p.symlink_to(p), "symlink loop"),
        ("folder.txt", lambda p: p.mkdir(), "is a directory"),
        ("huge.txt", lambda p: os.truncate(_touch(p), 17 * 2**20), "over the 16 MB limit"),
    ],
)
def test_parse_refuses_what_is_not_a_page_file_at_once(
    tmp_path: Path, name: str, make: object, words: str
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    code, err, seconds = reader("parse", str(path))
    assert code == 2
    assert one_line(err), err
    assert words in err
    assert seconds < 5


def _touch(path: Path) -> Path:
    path.touch()
    return path


@posix
def test_a_fifo_for_paper_toml_does_not_hang_list(tmp_path: Path) -> None:
    paper = tmp_path / "lib" / "p"
    (paper / "2025-01-01").mkdir(parents=True)
    os.mkfifo(paper / "paper.toml")
    code, err, _ = reader("--library", str(tmp_path / "lib"), "list")
    assert code == 2
    assert one_line(err) and "paper.toml" in err


def test_read_bounded_reads_at_most_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100
    with pytest.raises(TooBig):
        read_bounded(path, 99)
    with pytest.raises(ReaderError, match="no such file"):
        read_bounded(tmp_path / "gone.txt", 10)


def test_the_index_build_refuses_a_huge_page_without_reading_it(tmp_path: Path) -> None:
    """It read and hashed a 1.5 GB page before refusing it (1.6 GB of memory)."""
    huge = tmp_path / "01.txt"
    with huge.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(1536 * 2**20)
    started = time.monotonic()
    result = segment_page(PageJob(("p", "i", 1), huge, 1))
    assert time.monotonic() - started < 1
    assert result.error is not None and "over the 16 MB limit" in result.error
    assert result.rows == []


def test_the_index_build_reads_a_page_once_and_parses_it(tmp_path: Path) -> None:
    page = tmp_path / "01.txt"
    page.write_bytes(SAMPLE.read_bytes())
    result = segment_page(PageJob(("xuhui", "sample", 1), page, 1))
    assert result.error is None and len(result.rows) == 6
