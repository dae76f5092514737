"""Errors are one line on stderr: usage mistakes, symlink loops, permission denied."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.files import read_bounded

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60
    )


def one_line(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("reader: ") and "internal error" not in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--bogus"),
        ("bogus-command",),
        ("show",),
        ("show", "a/b/1/1", "--format", "nope"),
        ("search", "数据", "--limit", "many"),
        ("--library",),
    ],
)
def test_usage_errors_are_one_line(args: tuple[str, ...]) -> None:
    done = reader(*args)
    one_line(done)
    assert "--help" in done.stderr  # where to look next


def test_help_still_prints_and_exits_zero() -> None:
    done = reader("list", "--help")
    assert done.returncode == 0 and "Usage:" in done.stdout


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_a_library_that_is_a_symlink_loop_is_one_line(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    done = reader("--library", str(loop), "import", str(SAMPLE), "--paper", "x", "--issue", "k")
    one_line(done)
    assert "symlink loop" in done.stderr
    one_line(reader("parse", str(loop)))


def test_permission_denied_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As root nothing is denied: the error is made, as the kernel would give it."""
    page = tmp_path / "01.txt"
    page.write_bytes(SAMPLE.read_bytes())

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(page))

    monkeypatch.setattr("reader.files.os.open", denied)
    with pytest.raises(ReaderError) as caught:
        read_bounded(page, 100)
    assert caught.value.message == f"{page}: permission denied"


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads all")
def test_permission_denied_page_through_the_cli(tmp_path: Path) -> None:
    page = tmp_path / "01.txt"
    page.write_bytes(SAMPLE.read_bytes())
    page.chmod(0)
    done = reader("parse", str(page))
    one_line(done)
    assert "permission denied" in done.stderr
