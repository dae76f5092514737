"""Two `reader import` into one issue at once: the lock keeps every page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli.main import app
from reader.importing.importer import import_lock
from reader.library import Library

TRIALS = 20


def _start(lib: Path, page: Path) -> subprocess.Popen[str]:
    args = ["--library", str(lib), "import", str(page), "--paper", "p", "--issue", "2025-01-01"]
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_imports_at_once_lose_no_page(tmp_path: Path) -> None:
    lost = []
    for trial in range(TRIALS):
        lib = tmp_path / f"lib{trial}"
        texts = []
        for name in ("left", "right"):
            page = tmp_path / f"{name}{trial}" / f"{name}.txt"  # no page number in the name
            page.parent.mkdir()
            text = f"{name} 第{trial}次的标题\n　　这是{name}的正文，内容不同。\n"
            page.write_text(text, encoding="utf-8")
            texts.append(text)
        procs = [_start(lib, tmp_path / f"{n}{trial}" / f"{n}.txt") for n in ("left", "right")]
        results = [(proc.wait(timeout=60), *proc.communicate()) for proc in procs]
        for code, _, err in results:
            assert code == 0, err
            assert "Traceback" not in err
        issue = lib / "p" / "2025-01-01"
        kept = {f.read_text(encoding="utf-8") for f in issue.glob("*.txt")}
        if set(texts) - kept:
            lost.append(trial)
    assert not lost, f"pages lost in trials {lost} of {TRIALS}"


def test_an_import_waits_a_bounded_time_then_refuses_in_one_line(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    page = tmp_path / "a.txt"
    page.write_text("标题\n　　正文。\n", encoding="utf-8")
    with import_lock(Library(lib)):
        result = CliRunner().invoke(
            app, ["--library", str(lib), "import", str(page), "--paper", "p", "--issue", "k"]
        )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "another import into" in result.stderr
    assert not (lib / "p").exists()


@pytest.fixture(autouse=True)
def _short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.importing.importer.LOCK_WAIT", 0.3)
