"""The title bar's count while the first search of a session runs.

audit25 left it: the index is brought up to date before the first search of a
session (minutes for a big library never indexed), and all the while the title bar
said `徐汇 no hits`, as if the search had found nothing, while the status line said
the index was being updated. The title now says what is going on: `building the
index…`, then `searching…`, then the count.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from tui_scenes import app_for, make_library, settle, state

from reader.tui import issue_search

pytest.importorskip("reader.search.engine")


@pytest.mark.parametrize(
    ("lang", "building", "searching", "none"),
    [
        (None, "building the index…", "searching…", "no hits"),
        ("zh_CN.UTF-8", "正在建立索引…", "搜索中…", "无结果"),
    ],
)
async def test_the_title_says_the_index_is_being_built_not_no_hits(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str | None,
    building: str,
    searching: str,
    none: str,
) -> None:
    go_on = threading.Event()
    started = threading.Event()
    real = issue_search.index_in_child  # type: ignore[attr-defined]

    def slow_build(root: Path) -> bool:
        started.set()
        go_on.wait(60)  # a first index of a big library
        return real(root)

    monkeypatch.setattr(issue_search, "index_in_child", slow_build)
    make_library(tmp_path, [("2025-03-28", 2)])
    app = app_for(tmp_path, "xuhui/2025-03-28", lang=lang)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(app, pilot)
            await pilot.press("slash", *"徐汇", "enter")
            for _ in range(200):
                if started.is_set():
                    break
                await pilot.pause(0.05)
            assert started.is_set(), "no index build began"
            for _ in range(40):
                await pilot.pause(0.05)
                if building in state(app):
                    break
            assert building in state(app)
            assert none not in state(app)
            go_on.set()
            await settle(app, pilot)
            assert building not in state(app) and searching not in state(app)
            assert "/" in state(app) or "hits" in state(app) or "处" in state(app)
            # A later search: the index is current, the count comes straight after.
            await pilot.press("escape", "slash", *"没有这个词", "enter")
            await settle(app, pilot)
            assert none in state(app)
    finally:
        go_on.set()
