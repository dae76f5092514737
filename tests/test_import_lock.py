"""Two `reader import` into one issue at once: the lock keeps every page."""

from __future__ import annotations

import os
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


def test_a_library_another_import_makes_during_the_check_is_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder appears between two looks at it: the check must not call it missing.

    Two imports into a new library at once failed one time in sixty with
    `library folder not found`: one asked `is_dir()` (not yet), the other made
    the folder, and then `exists()` (yes) read as "something else is there".
    Here the first look at the folder, whichever call it is, sees it absent and
    then makes it, as the other import would.
    """
    from reader.importing.importer import check_library

    root = tmp_path / "lib"
    looked: list[str] = []

    def racing(name: str) -> object:
        real = getattr(Path, name)

        def look(self: Path, *args: object, **kwargs: object) -> object:
            if self == root and not looked:
                looked.append(name)
                root.mkdir()
                if name == "stat":
                    raise FileNotFoundError(2, "No such file or directory", str(root))
                return False
            return real(self, *args, **kwargs)

        return look

    for name in ("is_dir", "exists", "stat"):
        monkeypatch.setattr(Path, name, racing(name))
    # `resolve` (the bundled-sample check) stats its result too: not the look meant here
    monkeypatch.setattr(Path, "resolve", lambda self, strict=False: Path(os.path.realpath(self)))
    check_library(Library(root))  # no ReaderError
    assert looked
