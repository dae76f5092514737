"""One malformed `issue.toml` in a library of years of issues.

It stopped `reader list`, `reader search` and the reader for the whole library with one
line on stderr. Now every command does its work on the rest, reads that issue by its
folder name, names the file in one line after its output, and exits 2, as grep does
after a file it could not read; the reader says it in its status line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tui_scenes import app_for, settle, status

BROKEN = 'title = "未完\n'


@pytest.fixture
def broken(library: Path) -> Path:
    """The sample library with two dated copies of its issue, the newer one's
    issue.toml cut off in the middle of a string."""
    for day in ("1998-01-05", "1998-01-06"):
        shutil.copytree(library / "xuhui" / "sample", library / "xuhui" / day)
        (library / "xuhui" / day / "issue.toml").write_text(f"date = {day}\n", encoding="utf-8")
    (library / "xuhui" / "1998-01-06" / "issue.toml").write_text(BROKEN, encoding="utf-8")
    return library


def reader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=120,
    )


def said_once(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("reader: ") and "1998-01-06" in lines[0], lines[0]
    assert "issue.toml" in lines[0] and "Traceback" not in done.stderr


def test_list_shows_every_issue_and_names_the_broken_file(broken: Path) -> None:
    done = reader(broken, "list")
    said_once(done)
    for key in ("xuhui/1998-01-06", "xuhui/1998-01-05", "xuhui/sample"):
        assert key in done.stdout, done.stdout
    listed = reader(broken, "list", "--json")
    said_once(listed)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    dated = {row["id"]: row["date"] for row in rows if "id" in row}
    assert dated.get("xuhui/1998-01-06") == "1998-01-06", rows


def test_search_finds_the_broken_issue_too(broken: Path) -> None:
    done = reader(broken, "search", "数据", "--paper", "xuhui")
    said_once(done)
    assert "xuhui/1998-01-06/01/" in done.stdout and "xuhui/1998-01-05/01/" in done.stdout


def test_a_library_with_no_broken_file_exits_as_before(broken: Path) -> None:
    (broken / "xuhui" / "1998-01-06" / "issue.toml").write_text(
        "date = 1998-01-06\n", encoding="utf-8"
    )
    done = reader(broken, "list")
    assert done.returncode == 0 and done.stderr == "", done.stderr


async def test_the_reader_opens_and_says_the_broken_file(broken: Path) -> None:
    app = app_for(broken)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.opened is not None
        assert app.main.opened.issue.id == "xuhui/1998-01-06"  # the newest, by its folder
        assert "issue.toml" in status(app) and "1998-01-06" in status(app)


def test_an_issue_toml_nested_past_the_decoders_depth_is_one_broken_file(broken: Path) -> None:
    """`date = [[[[…` 100,000 deep: tomllib's RecursionError was an internal error."""
    deep = broken / "xuhui" / "1998-01-06" / "issue.toml"
    deep.write_text("date = " + "[" * 100_000, encoding="utf-8")
    done = reader(broken, "list")
    said_once(done)
    assert "nested deeper than a settings file goes" in done.stderr
    assert "xuhui/1998-01-05" in done.stdout
