"""Short terminals: the search panel fits the screen (found under tmux, round 11).

At 40x12 the panel with eight hits pushed the status line up the middle of the
screen, left blank rows under it, took the article's last row and two columns for
a screen scrollbar: Textual ignores a `vh` max-height while it sizes the
auto-height box the panel sits in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_scenes import app_for, make_library, settle

from reader.tui.app import ReaderApp
from reader.tui.article import ArticleView
from reader.tui.bars import StatusBar, TitleBar
from reader.tui.search_panel import SearchPanel

pytest.importorskip("reader.search.engine")

SIZES = [(40, 12), (30, 15), (20, 10), (60, 20), (80, 24), (100, 30)]


def assert_fits(app: ReaderApp) -> None:
    width, height = app.size
    screen = app.screen
    assert screen.virtual_size.height <= height, "the screen scrolls"
    assert app.query_one(TitleBar).region.y == 0
    status = app.query_one(StatusBar).region
    assert status.y == height - 1, f"status line on row {status.y} of {height}"
    panel = app.query_one(SearchPanel).region
    assert panel.bottom == status.y, "rows between the search panel and the status line"
    article = app.query_one(ArticleView).region
    assert article.height >= 2, f"the article has {article.height} rows"
    assert article.bottom <= panel.y
    assert app.query_one(ArticleView).outer_size.width == width or width >= 100


@pytest.mark.parametrize(("width", "height"), SIZES)
async def test_the_search_panel_fits_a_short_terminal(
    tmp_path: Path, width: int, height: int
) -> None:
    make_library(tmp_path, [("2025-03-28", 4)])
    app = app_for(tmp_path, "xuhui/2025-03-28")
    async with app.run_test(size=(width, height)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"徐汇", "enter")
        await settle(app, pilot)
        assert app.query_one(SearchPanel).display
        assert_fits(app)


async def test_the_search_panel_fits_after_the_terminal_shrinks(tmp_path: Path) -> None:
    make_library(tmp_path, [("2025-03-28", 4)])
    app = app_for(tmp_path, "xuhui/2025-03-28")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"徐汇", "enter")
        await settle(app, pilot)
        for size in [(40, 12), (20, 10), (80, 24)]:
            await pilot.resize_terminal(*size)
            await settle(app, pilot)
            assert app.size == size
            assert_fits(app)
