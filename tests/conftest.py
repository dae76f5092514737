"""Shared fixtures: a clean environment and throwaway libraries."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.library import PROBLEMS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_LIBRARY = ROOT / "issues"
CORPUS = ROOT.parent / "shared" / "corpus" / "pd199801.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        default=False,
        help="Rewrite screenshots/*.svg instead of comparing against them.",
    )


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test sees the user's library, config, data, cache, colour or theme settings."""
    home = tmp_path_factory.mktemp("home")
    for name in ("READER_LIBRARY", "NO_COLOR", "TEXTUAL_THEME", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("READER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("READER_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("READER_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(home / "etc-xdg"))  # not this machine's /etc/xdg
    PROBLEMS.clear()  # issue.toml files another test left unread


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A writable copy of the sample library."""
    target = tmp_path / "issues"
    # A copy is an ordinary library, not the sample: reader may write its index there.
    shutil.copytree(SAMPLE_LIBRARY, target, ignore=shutil.ignore_patterns(".reader-sample"))
    return target
