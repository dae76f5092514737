"""A user whose cache dir cannot be made still searches a library they cannot write.

A service account's `HOME=/nonexistent` (or a read-only home) left `reader
search` and the reader's `/` nowhere to keep the private index of a library
without a shared one: "cannot create the index folder: Permission denied",
exit 2, on every search. The cache now falls back to a folder of the user's own
in the temporary dir. Root ignores permissions, so a cache dir below a regular
file stands in for the unwritable home here (as `tester` with `HOME=/nonexistent`,
the same by hand).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from reader.locations import cache_dir


def command() -> list[str]:
    script = Path(sys.executable).parent / "reader"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def _unmakeable_home(tmp_path: Path) -> dict[str, str]:
    blocker = tmp_path / "home"
    blocker.write_text("a file where the home should be\n")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "HOME": str(blocker), "XDG_CACHE_HOME": str(blocker / "cache")}
    env["XDG_STATE_HOME"] = str(blocker / "state")
    env["TMPDIR"] = str(temp)
    for name in ("READER_CACHE_DIR", "READER_LIBRARY", "READER_DATA_DIR"):
        env.pop(name, None)
    return env


def test_search_keeps_its_private_index_in_the_temporary_dir(tmp_path: Path) -> None:
    env = _unmakeable_home(tmp_path)
    done = subprocess.run(
        [*command(), "search", "数据", "--count"],  # the sample: never written into
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("xuhui/sample:")
    private = tmp_path / "tmp" / f"reader-cache-{os.getuid()}"
    assert list(private.glob("index/*/index.sqlite"))
    assert private.stat().st_mode & 0o777 == 0o700


def test_a_folder_of_that_name_made_by_someone_else_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = _unmakeable_home(tmp_path)
    for name in ("HOME", "XDG_CACHE_HOME", "TMPDIR"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.delenv("READER_CACHE_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    private = tmp_path / "tmp" / f"reader-cache-{os.getuid()}"
    private.mkdir()
    private.chmod(0o777)  # open to all: another user's trap, or a mistake
    assert cache_dir() == Path(env["XDG_CACHE_HOME"]) / "reader"
    private.chmod(0o700)
    assert cache_dir() == private


def test_a_cache_dir_that_can_be_made_is_used_and_not_made_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cachehome"))
    monkeypatch.delenv("READER_CACHE_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert cache_dir() == tmp_path / "cachehome" / "reader"
    assert not (tmp_path / "cachehome").exists()
    assert not list(tmp_path.glob("reader-cache-*"))
