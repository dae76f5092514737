"""A paper or issue folder this user may not list leaves that folder out, not the library.

On a shared server a paper kept to a group (`chmod 750`, or an import under
`umask 077`) stopped `reader list`, `reader show` of any other paper's page and
the reader for every other user with "PAPER: permission denied", exit 2. Now
the folder alone is left out, said once after the command's output (exit 2,
as grep ends after a file it could not read), and the rest is read.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library import PROBLEMS, Library


@pytest.fixture
def two_papers(library: Path) -> Path:
    shutil.copytree(library / "xuhui", library / "priv")
    return library


def _unlistable(monkeypatch: pytest.MonkeyPatch, *folders: Path) -> None:
    """Listing any of `folders` fails as it does for a user outside their group (root
    lists every folder, so the refusal is made here)."""
    real = os.scandir
    refused = {str(f) for f in folders}

    def scandir(path: str | os.PathLike[str] = ".") -> Iterator[os.DirEntry[str]]:
        if os.fspath(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_paper_that_cannot_be_listed_is_left_out_and_said_once(
    two_papers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _unlistable(monkeypatch, two_papers / "priv")
    lib = Library(two_papers)
    assert [p.key for p in lib.papers] == ["xuhui"]
    assert [i.id for i in lib.issues()] == ["xuhui/sample"]
    assert lib.issue("xuhui", "sample").page_numbers() == [1]
    assert list(PROBLEMS) == [f"{two_papers / 'priv'}: permission denied; the paper is left out"]


def test_a_paper_listed_then_refused_and_an_issue_refused_are_said(
    two_papers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library(two_papers)
    assert [p.key for p in lib.papers] == ["priv", "xuhui"]
    _unlistable(monkeypatch, two_papers / "priv", two_papers / "xuhui" / "sample")
    assert [i.id for i in lib.issues()] == ["xuhui/sample"]
    assert lib.issue_ids() == ["xuhui/sample"]
    assert lib.issue("xuhui", "sample").page_numbers() == []
    assert len(PROBLEMS) == 2, PROBLEMS
    assert any("sample: permission denied; the issue" in m for m in PROBLEMS)


def command() -> list[str]:
    script = Path(sys.executable).parent / "reader"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists every folder")
def test_list_and_show_read_the_other_papers(two_papers: Path) -> None:
    (two_papers / "priv").chmod(0o000)  # not even its owner lists it
    (two_papers / "xuhui" / "sample").chmod(0o755)
    try:
        for args in (["list", "--ids"], ["show", "xuhui/sample/01/4"]):
            done = subprocess.run(
                [*command(), "--library", str(two_papers), *args],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert done.returncode == 2
            assert done.stdout.strip(), done.stderr
            assert done.stderr.count("\n") == 1 and "priv: permission denied" in done.stderr
    finally:
        (two_papers / "priv").chmod(0o755)
