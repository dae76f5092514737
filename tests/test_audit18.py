"""Round-16 audit: damaged input files and a damaged library, in real processes.

Each case failed before its fix: one malformed `paper.toml` stopped every command
for the whole library; `reader import` filed pages only their owner could read; a
folder where a page file goes left a temporary file and half an import behind.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = " 徐汇率先完成全国首批公共数据资源登记\n 本报讯 数据资源登记工作已经完成。\n"


def reader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
        cwd=library.parent,
        check=False,
    )


def lines(done: subprocess.CompletedProcess[str]) -> list[str]:
    """stderr's lines, each `reader: …`, never a traceback."""
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    found = done.stderr.splitlines()
    assert all(line.startswith("reader: ") for line in found), done.stderr
    return found


def two_papers(root: Path) -> Path:
    for paper in ("a", "b"):
        folder = root / paper / "2025-01-01"
        folder.mkdir(parents=True)
        (folder / "01.txt").write_text(PAGE, encoding="utf-8")
        (root / paper / "paper.toml").write_text(f'name = "{paper.upper()}"\n', encoding="utf-8")
    return root


@pytest.mark.parametrize("command", [("list",), ("search", "登记", "--ids"), ("index",)])
def test_a_malformed_paper_toml_spoils_only_its_paper(tmp_path: Path, command: tuple[str]) -> None:
    """A malformed `issue.toml` was said and its issue read by its folder name; a malformed
    `paper.toml` stopped `list`, `search` and `index` for every paper of the library, with
    nothing printed. Now the paper is read by its folder name, the file said at the end."""
    root = two_papers(tmp_path / "lib")
    (root / "b" / "paper.toml").write_text('name = "B"\nname = "again"\n', encoding="utf-8")
    done = reader(root, *command)
    assert done.returncode == 2, done
    said = lines(done)
    assert len(said) == 1 and "b/paper.toml" in said[0] and "read without it" in said[0]
    if command[0] == "list":
        assert "A" in done.stdout and "b" in done.stdout, done.stdout
    if command[0] == "search":
        assert set(done.stdout.split()) == {"a/2025-01-01/01/1", "b/2025-01-01/01/1"}
