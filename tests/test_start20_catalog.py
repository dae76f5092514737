"""Back at the saved position the reader opens without listing the library (DESIGN
section 8): the issues are listed after the first frame, and `{ }`, `g` and a malformed
`issue.toml` elsewhere work as before."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tui_scenes import app_for, count_listings, make_library, settle, status

from reader.fields import Ref
from reader.library import Library
from reader.state import save_position, state_file
from reader.tui import session
from reader.tui.app import ReaderApp


def _saved(root: Path, ref: Ref) -> Path:
    state = state_file(root, os.environ)
    assert save_position(state, ref)
    return state


def _opened(app: ReaderApp) -> str:
    assert app.main.opened is not None
    return app.main.opened.issue.id


def test_the_saved_issue_opens_without_listing_the_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(tmp_path, [("2025-03-21", 1), ("2025-03-26", 2), ("2025-03-28", 1)])
    state = _saved(root, Ref("xuhui", "2025-03-26", 2, 1))
    scans = count_listings(monkeypatch)
    loaded = session.read_start(Library(root), None, state)
    assert scans == [] and loaded.issues is None
    assert loaded.opened is not None and loaded.opened.issue.key == "2025-03-26"
    assert (loaded.opened.page, loaded.opened.item) == (1, 0)


@pytest.mark.parametrize("saved", ["2025-03-27", ".hidden"])
def test_a_saved_issue_gone_opens_the_latest_as_before(tmp_path: Path, saved: str) -> None:
    root = make_library(tmp_path, [("2025-03-21", 1), ("2025-03-28", 1)])
    (root / "xuhui" / ".hidden").mkdir()
    state = _saved(root, Ref("xuhui", saved, 1, 1))
    loaded = session.read_start(Library(root), None, state)
    assert loaded.issues is None  # the newest found without listing (audit25)
    assert loaded.opened is not None and loaded.opened.issue.key == "2025-03-28"


async def test_the_issues_come_after_the_first_frame_and_the_keys_walk_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(tmp_path, [("2025-03-21", 1), ("2025-03-26", 1), ("2025-03-28", 1)])
    _saved(root, Ref("xuhui", "2025-03-26", 1, 1))
    scans = count_listings(monkeypatch)
    app = app_for(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert _opened(app) == "xuhui/2025-03-26"
        assert len(scans) <= 1  # not before the first frame; a moment after it
        await pilot.press("right_curly_bracket")
        await settle(app, pilot)
        assert _opened(app) == "xuhui/2025-03-28"
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        await settle(app, pilot)
        assert _opened(app) == "xuhui/2025-03-21"
        assert len(scans) == 1


async def test_a_malformed_issue_toml_elsewhere_is_said_after_the_start(tmp_path: Path) -> None:
    root = make_library(tmp_path, [("2025-03-21", 1), ("2025-03-28", 1)])
    (root / "xuhui" / "2025-03-21" / "issue.toml").write_text("date = [\n", encoding="utf-8")
    _saved(root, Ref("xuhui", "2025-03-28", 1, 1))
    app = app_for(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert _opened(app) == "xuhui/2025-03-28"
        for _ in range(400):  # the list comes a moment after the first frame
            if "issue.toml" in status(app):
                break
            await pilot.pause(0.01)
        assert "issue.toml" in status(app) and "read without it" in status(app)
