"""An index build that fails on a full disk leaves no WAL behind (a 2 MB tmpfs, as root)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpuslib import corpus_lines, make_library


@pytest.fixture
def tiny(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB file system; skipped where it cannot be mounted (not root, no tmpfs)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if not (sys.platform == "linux" and hasattr(os, "geteuid") and os.geteuid() == 0):
        pytest.skip("mounting a tmpfs needs root on Linux")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def index(library: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), "index"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def leftovers(library: Path) -> int:
    folder = library / ".reader"
    return sum(f.stat().st_size for f in folder.glob("index.sqlite-wal")) if folder.exists() else 0


def test_a_new_index_that_fills_the_disk_leaves_nothing_behind(tiny: Path) -> None:
    lib = make_library(tiny / "lib", corpus_lines(1500), per_page=10)
    free = shutil.disk_usage(tiny).free
    done = index(lib)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "disk is full" in done.stderr, done.stderr
    assert leftovers(lib) == 0
    assert shutil.disk_usage(tiny).free >= free - 76 * 1024  # the empty index: 19 pages


def test_an_update_that_fills_the_disk_keeps_the_last_index(tiny: Path) -> None:
    lines = corpus_lines(1500)
    lib = make_library(tiny / "lib", lines[:100], per_page=10)
    assert index(lib).returncode == 0
    make_library(tiny / "lib", lines, per_page=10)  # many more pages, no room to index them
    done = index(lib)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert leftovers(lib) == 0
