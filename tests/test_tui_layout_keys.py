"""Issue 9 leftovers: the status hint follows `[keys]`; Space after `c` pages the new layout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_tui_burst import burst, where
from test_tui_burst import papers as papers  # the fixture
from tui_scenes import app_for, settle

from reader.tui.article import ArticleView
from reader.tui.bars import StatusBar


def config(text: str) -> None:
    Path(os.environ["READER_CONFIG"]).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "table", "hint"),
    [
        (None, "", "? help  / search  q quit"),
        (
            None,
            '[keys]\nhelp = "h,?"\nsearch = "s"\nquit = "ctrl+q"\n',
            "h help  s search  Ctrl+Q quit",
        ),
        ("zh_CN.UTF-8", '[keys]\nsearch = "f"\n', "? 帮助  f 搜索  q 退出"),
    ],
)
async def test_the_status_hint_names_the_keys_bound_in_the_config(
    library: Path, lang: str | None, table: str, hint: str
) -> None:
    config(table)
    app = app_for(library, lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert str(app.query_one(StatusBar).right) == hint


@pytest.mark.parametrize("size", [(60, 20), (40, 12), (73, 24)])
async def test_space_in_the_burst_after_c_pages_the_layout_after_c(
    papers: Path, size: tuple[int, int]
) -> None:
    """The headlines beside the article narrow it: Space must page it at its new width."""
    keys = ["c", "space", "space", "space", "c", "space", "b", "c", "space", "space"]
    results = []
    for slow in (True, False):
        app = app_for(papers, "rmrb/1998-01-02/01/1")
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            if slow:
                for key in keys:
                    await pilot.press(key)
                    await settle(app, pilot)
            else:
                burst(app, keys)
                await settle(app, pilot)
            results.append((*where(app), app.query_one(ArticleView).scroll_offset.y))
    assert results[0] == results[1]


@pytest.mark.parametrize("width", [40, 41, 57, 60, 73, 88, 99])
async def test_the_article_expects_the_width_the_layout_gives_it_after_c(
    library: Path, width: int
) -> None:
    app = app_for(library, "xuhui/sample/01/4")
    async with app.run_test(size=(width, 20)) as pilot:
        await settle(app, pilot)
        article = app.query_one(ArticleView)
        for _ in range(2):  # the headlines shown, then hidden again
            app.main.action_toggle_contents()
            expected = article.text_width  # before any layout
            await pilot.pause()
            await settle(app, pilot)
            assert article.text_width == expected
