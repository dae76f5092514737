"""Bursts found under tmux in round 11: keys queued behind the one that closes a dialog.

A burst is every key queued before the App handles the first (a paste, key repeat,
SSH merging keystrokes); see tests/test_tui_burst.py for the helpers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_burst import burst, ends
from textual import events
from textual.app import App
from textual.pilot import Pilot
from tui_scenes import app_for, make_library

ISSUES = [("2025-03-21", 3), ("2025-03-28", 3)]


async def quit_seen(app: App[None], pilot: Pilot[None]) -> None:
    """Wait until the burst's `q` has quit (a fixed pause was too short at load 30),
    for at most a minute of the App's own pauses."""
    for _ in range(600):
        if app.return_code is not None:
            return
        await pilot.pause(0.1)


@pytest.mark.parametrize(
    "keys",
    [
        ["g", *"2025-03-21", "enter", "enter", "]"],
        ["g", "x", "enter", "enter", "j"],  # no such issue: a message, then the page's keys
        ["g", "enter", "enter", "]"],  # nothing typed: the dialog closes
        ["g", "escape", "enter", "]"],
        ["g", "1", "escape", "escape", "]"],
        ["g", "k", "escape", "1", "enter", "}"],  # the burst that stopped it under tmux
        ["g", "escape", "enter", "enter"],
        ["g", *"2025-03-21", "enter", "g", "escape", "enter", "]"],
    ],
)
async def test_a_key_after_the_one_that_closes_the_goto_dialog_is_the_pages(
    tmp_path: Path, keys: list[str]
) -> None:
    """`g 2025-03-21 Enter Enter` in one burst once stopped the reader: the second
    Enter reached the dialog while it was closing and closed it again
    (ScreenStackError: Can't pop screen)."""
    make_library(tmp_path, ISSUES)
    results = []
    for slow in (True, False):
        app = app_for(tmp_path, "xuhui/2025-03-28")
        async with app.run_test(size=(80, 24)) as pilot:
            results.append(await ends(app, pilot, keys, slow))
            assert len(app.screen_stack) == 1
    assert results[0] == results[1]


async def test_a_burst_that_ends_with_q_after_the_dialog_quits(tmp_path: Path) -> None:
    make_library(tmp_path, ISSUES)
    app = app_for(tmp_path, "xuhui/2025-03-28")
    async with app.run_test(size=(80, 24)) as pilot:
        await ends(app, pilot, [], False)
        burst(app, ["g", *"2025-03-21", "enter", "enter", "q"])
        await quit_seen(app, pilot)
    assert app.return_code == 0


async def test_a_key_queued_behind_the_q_that_quits_finds_no_screen_and_is_dropped(
    tmp_path: Path,
) -> None:
    """Under load the burst above ended in ScreenStackError ("No screens on stack",
    1 run in 6 with 50 `j` behind the `q`): a key reached the App's `on_key` after
    quitting had taken every screen away. Here one reaches it then, every time."""
    make_library(tmp_path, ISSUES)
    app = app_for(tmp_path, "xuhui/2025-03-28")
    async with app.run_test(size=(80, 24)) as pilot:
        await ends(app, pilot, [], False)
        burst(app, ["g", *"2025-03-21", "enter", "enter", "q"])
        await quit_seen(app, pilot)
    assert app.return_code == 0 and not app.screen_stack
    app.on_key(events.Key("j", "j"))  # queued behind the `q`, handled after the last screen


@pytest.mark.parametrize(
    ("opener", "keys"),
    [
        ("g", ["2", "0", "enter", "enter", "]"]),
        ("g", [*"2025-03-21", "enter", "]", "]", "j"]),
        ("g", ["x", "enter", "/", "a", "enter"]),
        ("g", ["escape", "]", "enter"]),
        ("question_mark", ["escape", "escape", "]", "j"]),
        ("question_mark", ["question_mark", "question_mark", "]"]),
        ("question_mark", ["escape", "g", "1", "enter", "j"]),
    ],
)
async def test_keys_typed_behind_the_key_that_closes_an_open_dialog_count(
    tmp_path: Path, opener: str, keys: list[str]
) -> None:
    """The dialog open, then a burst through its Enter: under tmux the second Enter of
    a burst stopped the reader (ScreenStackError: the closed dialog closed again), and
    the keys between were typed into the closed dialog, lost."""
    make_library(tmp_path, ISSUES)
    results = []
    for slow in (True, False):
        app = app_for(tmp_path, "xuhui/2025-03-28")
        async with app.run_test(size=(80, 24)) as pilot:
            await ends(app, pilot, [opener], True)
            at = await ends(app, pilot, keys, slow)
            results.append((at, [type(screen).__name__ for screen in app.screen_stack]))
    assert results[0] == results[1]
