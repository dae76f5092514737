"""A start issue with more page text than parses in a second is read before the screen.

The reader reads its start issue while it builds its first frame, in the terminal's raw
mode: `q` and Ctrl-C are keys then, read only after. An issue made to parse slowly (20
pages of 1.2 MB of spaced heads) left the terminal blank for minutes on a busy machine,
with no way to stop it but `kill` from elsewhere. Such an issue is now read before
Textual takes the terminal, with one line on stderr saying so, where Ctrl-C stops it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_scenes import make_library

from reader.library import Library
from reader.tui import session


def test_a_heavy_start_is_read_before_the_screen_and_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_library(tmp_path / "lib", [("2025-03-21", 1), ("2025-03-28", 3)])
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(session, "HEAVY", 100)  # the sample page is a few KB
    reads: list[str] = []
    real = session.load_issue

    def load(*args: object, **kwargs: object) -> session.Opened:
        reads.append("read")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session, "load_issue", load)
    lib = Library(root)
    assert session.parse_start_beside(lib, None, tmp_path / "none.json") is False
    assert reads == ["read"]  # before the screen: where Ctrl-C is a signal
    said = capsys.readouterr().err
    assert said.startswith("reader: reading xuhui/2025-03-28 first: 3 pages") and "Ctrl-C" in said
    loaded = session.read_start(lib, None, tmp_path / "none.json")
    assert reads == ["read"]
    assert loaded.opened is not None and len(loaded.opened.pages) == 3


def test_an_issue_under_the_bound_or_parsed_before_is_not_heavy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(tmp_path / "lib", [("2025-03-28", 3)])
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    lib = Library(root)
    issue = lib.issue("xuhui", "2025-03-28")
    assert session.heavy(issue) is None
    monkeypatch.setattr(session, "HEAVY", 100)
    pages, size = session.heavy(issue) or (0, 0)
    assert pages == 3 and size == 3 * (root / "xuhui" / "2025-03-28" / "01.txt").stat().st_size
    session.load_issue(lib, issue)  # parsed: in the cache now
    assert session.heavy(issue) is None


def test_a_heavy_start_with_a_folder_name_of_escapes_says_it_printable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_library(tmp_path / "lib", [("2025-03-28\x1b]0;x\x07", 1)])
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(session, "HEAVY", 100)
    session.parse_start_beside(Library(root), None, None)
    said = capsys.readouterr().err
    assert "\x1b" not in said and "\x07" not in said and said.count("\n") == 1
