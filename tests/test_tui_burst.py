"""Every key counts: a burst of keys ends where the same keys pressed slowly end.

A burst is every key queued before the App handles the first (key repeat, typing
ahead, a paste, SSH merging keystrokes). `pilot.press` waits for the App to go idle
after each key, which is a slow typist: `burst` queues them all at once instead.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest
from corpuslib import corpus_lines, make_library
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from tui_scenes import app_for, settle, title
from typer.testing import CliRunner

from reader.cli import app as cli
from reader.state import load_position, state_file
from reader.tui import launch
from reader.tui.app import ReaderApp

PAPERS = (("rmrb", "人民日报"), ("gmrb", "光明日报"), ("jfrb", "解放日报"))
ISSUES = 14  # of 8 pages of 20 paragraphs each, per paper


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three papers of 14 daily issues from 1998-01-01, each cut from its own corpus part."""
    root = tmp_path_factory.mktemp("papers")
    per_paper = ISSUES * 8 * 20
    lines = corpus_lines(per_paper * len(PAPERS))
    for n, (key, name) in enumerate(PAPERS):
        make_library(root, lines[n * per_paper : (n + 1) * per_paper], paper=key, name=name)
    return root


def burst(app: ReaderApp, keys: Sequence[str]) -> None:
    """Queue `keys` as a terminal would deliver a burst: all before the first is handled."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        char = key if len(key) == 1 else {"enter": "\r", "tab": "\t"}.get(key)
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, char)
        event.set_sender(app)
        driver.send_message(event)


Where = tuple[str, int, int | None, str | None]


def where(app: ReaderApp) -> Where:
    """Issue, page index, item index and the focused pane."""
    assert app.opened is not None
    focused = app.focused.id if app.focused else None
    return app.opened.issue.id, app.page_index, app.item_index, focused


async def ends(app: ReaderApp, pilot: Pilot[None], keys: Sequence[str], slow: bool) -> Where:
    await settle(app, pilot)
    if slow:
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
    else:
        burst(app, keys)
        await settle(app, pilot)
    return where(app)


@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_j_then_next_pages_in_a_burst_end_on_the_last_page(papers: Path, paper: str) -> None:
    # A stale "item 6 chosen" once reached a page of fewer items: IndexError.
    app = app_for(papers, f"{paper}/1998-01-03")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.opened is not None and len(app.opened.pages) == 8
        burst(app, [*"jjjjjj", *"]" * 7])
        await settle(app, pilot)
        assert where(app) == (f"{paper}/1998-01-03", 7, 0, "headlines")
        assert "page 8 of 8" in title(app)
        assert app.item is app.opened.pages[7].items[0]


@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_every_issue_key_in_a_burst_counts(papers: Path, paper: str) -> None:
    app = app_for(papers, f"{paper}/1998-01-01")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        burst(app, "}" * 10)
        await settle(app, pilot)
        assert where(app) == (f"{paper}/1998-01-11", 0, 0, "headlines")
        assert "1998-01-11" in title(app)
        # Moves after an issue key apply to the issue it opened.
        burst(app, ["{", "{", "{", "]", "]", "j", "j"])
        await settle(app, pilot)
        assert where(app) == (f"{paper}/1998-01-08", 2, 2, "headlines")


@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_every_page_key_in_a_burst_counts_in_both_lists(papers: Path, paper: str) -> None:
    app = app_for(papers, f"{paper}/1998-01-02")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        burst(app, "]" * 7)
        await settle(app, pilot)
        assert where(app)[1:3] == (7, 0)
        # In the page list: its cursor and the page keys are one position.
        burst(app, ["shift+tab", "home", "j", "j", "]", "k", "]", "]"])
        await settle(app, pilot)
        assert where(app) == (f"{paper}/1998-01-02", 4, 0, "pages")


@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_a_burst_of_50_keys_ends_where_50_slow_presses_end(papers: Path, paper: str) -> None:
    choices = ["j", "j", "j", "k", "]", "]", "[", "}", "{", "down", "up", "end", "tab", "enter"]
    keys = random.Random(f"burst-{paper}").choices(choices, k=50)
    results = []
    for slow in (True, False):
        app = app_for(papers, f"{paper}/1998-01-05")
        async with app.run_test(size=(100, 30)) as pilot:
            results.append(await ends(app, pilot, keys, slow))
    assert results[0] == results[1], keys


def test_a_crash_exits_non_zero_and_keeps_the_position(
    papers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error in a key's handler ends the reader: exit 2, position saved at once."""

    def broken(self: ReaderApp, step: int) -> None:
        raise RuntimeError("a defect")

    async def keys(pilot: Pilot[object]) -> None:
        await pilot.press("]", "]", "}")

    run = ReaderApp.run
    monkeypatch.setattr(launch, "is_terminal", lambda: True)
    monkeypatch.setattr(ReaderApp, "action_issue", broken)
    monkeypatch.setattr(
        ReaderApp, "run", lambda self: run(self, headless=True, size=(100, 30), auto_pilot=keys)
    )
    result = CliRunner().invoke(cli, ["--library", str(papers), "read", "gmrb/1998-01-04"])
    assert result.exit_code == 2, result.output
    assert "internal error" in result.output and "the position was saved" in result.output
    saved = load_position(state_file(papers))
    assert saved is not None and (saved.paper, saved.issue, saved.page) == ("gmrb", "1998-01-04", 3)
