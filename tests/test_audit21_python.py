"""`python -m reader` run from a folder holding modules named like reader's libraries.

`python -m` puts the current directory first on `sys.path`: a user's own
`textual.py`, `rjieba.py` or `jieba.py` (a file named after the library one is
trying out) was imported, and run, in place of the real one, and `python -m
reader` ended with that file's doing (exit 1). The `reader` script never had
the current directory on its path; `python -m reader` now does as it does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SHADOWS = ("textual", "rich", "typer", "rjieba", "jieba", "platformdirs", "opencc")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in SHADOWS:
        (tmp_path / f"{name}.py").write_text(f'raise SystemExit("shadow {name} ran")\n')
    return tmp_path


def run(folder: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
    env.pop("READER_LIBRARY", None)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [("--help",), ("list",), ("search", "数据", "--count"), ("show", "xuhui/sample/01/4")],
)
def test_python_m_reader_imports_its_libraries_not_the_folders_files(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, args: tuple[str, ...]
) -> None:
    home = tmp_path_factory.mktemp("home")
    done = run(folder, *args, home=home)
    assert "shadow" not in done.stdout + done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()


def test_python_m_reader_runs_from_a_folder_removed_meanwhile(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The guard above asked for the current directory, which a removed folder has not:
    `python -m reader --help` ended in a FileNotFoundError traceback."""
    gone = tmp_path / "gone"
    gone.mkdir()
    home = tmp_path_factory.mktemp("home")
    code = "import os, runpy, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
    code += "sys.argv = ['reader', '--help']; runpy.run_module('reader', run_name='__main__')"
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", code, str(gone)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    assert "reader" in done.stdout
