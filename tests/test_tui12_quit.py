"""Quitting while a search runs (found under tmux, round 11).

`/文新` in a page of one 5 MB line searched for hours (see
tests/test_tui12_search_cost.py); Ctrl+C cleared the screen, but the process stayed:
the search ran on Textual's worker thread, in asyncio's default executor, which
`asyncio.run` joins before `App.run` returns. A shell got its prompt back only when
the search ended.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from tui_scenes import app_for, make_library, settle

from reader.tui import issue_search

pytest.importorskip("reader.search.engine")


async def test_a_search_still_running_does_not_keep_the_reader_from_ending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    searching: list[threading.Thread] = []
    real = issue_search.run_search

    def slow(*args: object, **kwargs: object) -> issue_search.SearchResult:
        searching.append(threading.current_thread())
        release.wait(60)  # a search that takes minutes
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(issue_search, "run_search", slow)
    make_library(tmp_path, [("2025-03-28", 2)])
    app = app_for(tmp_path, "xuhui/2025-03-28")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("slash", *"徐汇", "enter")
            for _ in range(100):
                if searching:
                    break
                await pilot.pause(0.05)
            assert searching, "the search did not start"
            await pilot.press("ctrl+c")
            for _ in range(100):  # the worker lets go once cancelled, the search thread runs on
                if not app.workers._workers:
                    break
                await asyncio.sleep(0.05)
        assert app.return_code == 0
        # What `asyncio.run` joins at the end of `App.run`: the loop's executor threads.
        stuck = [t for t in threading.enumerate() if not t.daemon and t in searching]
        assert not stuck, "a search thread the interpreter waits for at exit"
        assert not app.workers._workers, "a worker still running after quit"
    finally:
        release.set()
