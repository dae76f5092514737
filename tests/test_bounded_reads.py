"""Page reads have a bound: FIFOs, devices, symlink loops and huge files end in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.files import TooBig, read_bounded
from reader.search.build import PageJob, segment_page

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"
posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev files")


def reader(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """Run `python -m reader ARGS` in a real process: exit code and stderr.

    No bound on its seconds: niced on a loaded machine a start alone took 6-11 s
    (a `seconds < 5` failed so). The old code hung for ever, which the timeout
    catches; a page read before it is refused says so in other words (the tests'
    `words` are those of the refusal made before any read).
    """
    done = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )
    return done.returncode, done.stderr


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
        # "17 MB is over": the size fstat gives, so refused before a byte is read
        ("huge.txt", lambda p: os.truncate(_touch(p), 17 * 2**20), "17 MB is over the 16 MB limit"),
    ],
)
def test_parse_refuses_what_is_not_a_page_file_at_once(
    tmp_path: Path, name: str, make: object, words: str
) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    code, err = reader("parse", str(path))
    assert code == 2
    assert one_line(err), err
    assert words in err


def _touch(path: Path) -> Path:
    path.touch()
    return path


@posix
def test_a_fifo_for_paper_toml_does_not_hang_list(tmp_path: Path) -> None:
    paper = tmp_path / "lib" / "p"
    (paper / "2025-01-01").mkdir(parents=True)
    os.mkfifo(paper / "paper.toml")
    code, err = reader("--library", str(tmp_path / "lib"), "list")
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


def test_the_index_build_refuses_a_huge_page_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It read and hashed a 1.5 GB page before refusing it (1.6 GB of memory)."""
    huge = tmp_path / "01.txt"
    with huge.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(1536 * 2**20)
    read: list[int] = []
    real_read = os.read

    def counted(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        read.append(len(data))
        assert sum(read) <= 2**20, "the huge page is being read"  # not 1.5 GB of zeros
        return data

    monkeypatch.setattr(os, "read", counted)
    result = segment_page(PageJob(("p", "i", 1), huge, 1))
    assert sum(read) == 0  # not a wall-clock bound: under load even a refusal took seconds
    assert result.error is not None and "over the 16 MB limit" in result.error
    assert result.rows == []


def test_the_index_build_reads_a_page_once_and_parses_it(tmp_path: Path) -> None:
    page = tmp_path / "01.txt"
    page.write_bytes(SAMPLE.read_bytes())
    result = segment_page(PageJob(("xuhui", "sample", 1), page, 1))
    assert result.error is None and len(result.rows) == 6
