"""A library whose path holds a newline: `reader list` and `reader index` say it on one line.

The library's path was shown with `printable`, which pictures ESC and the other controls
but leaves a newline: a folder `lib\\n` split `reader list`'s heading and `reader index`'s
summary (the line a cron job's log keeps) in two. Now `one_line`: the newline is ␤.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from reader.cli.main import app

SAMPLE = Path(__file__).resolve().parent.parent / "issues"


def test_a_newline_in_the_library_path_stays_on_one_line(tmp_path: Path) -> None:
    root = tmp_path / "lib\n\x1b[31m"
    shutil.copytree(SAMPLE, root)
    runner = CliRunner()
    listed = runner.invoke(app, ["--library", str(root), "list"])
    assert listed.exit_code == 0, listed.output
    assert listed.output.splitlines()[0].endswith("lib␤␛[31m")
    for _ in range(2):  # built, then up to date
        indexed = runner.invoke(app, ["--library", str(root), "index"])
        assert indexed.exit_code == 0, indexed.output
        assert len(indexed.stdout.strip().splitlines()) == 1
        assert "lib␤␛[31m" in indexed.stdout
