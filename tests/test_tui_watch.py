"""Watch-words: from `--highlight` and the config, in every pane, distinct from hits, `w`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tui_scenes import app_for, prompt_kinds, settle, state, status, title

from reader.tui.article import ArticleView, CaptionsView
from reader.tui.contents import Headlines


async def test_highlight_option_marks_every_pane(library: Path) -> None:
    app = app_for(library, highlight="数据,江面")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.watch_words == ("数据", "江面")
        caption = app.main.marks_for("xuhui/sample/01/1")
        assert app.main.page is not None
        at = app.main.page.items[0].paragraphs[0].index("江面")
        assert caption["paragraphs.0"] == [(at, at + 2, "watch")]
        assert "watch" in prompt_kinds(app, 0)
        assert "watch" in prompt_kinds(app, 3)
        assert app.query_one(CaptionsView).blocks[0].item_id == "xuhui/sample/01/1"
        marks = app.main.marks_for("xuhui/sample/01/4")
        assert {kind for spans in marks.values() for _, _, kind in spans} == {"watch"}
        assert len(marks["paragraphs.3"]) == 6


async def test_config_words_join_the_option(library: Path) -> None:
    Path(os.environ["READER_CONFIG"]).write_text('highlight = ["徐汇", "数据"]\n', encoding="utf-8")
    app = app_for(library, highlight="江面，数据")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.watch_words == ("徐汇", "数据", "江面")
        assert "watch on" in state(app)


async def test_w_toggles_watch_words(library: Path) -> None:
    app = app_for(library, highlight="徐汇")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        item = "xuhui/sample/01/1"
        assert app.main.marks_for(item)
        await pilot.press("w")
        assert app.main.marks_for(item) == {} and "watch off" in state(app)
        assert "watch" not in prompt_kinds(app, 0)
        assert "Watch-words off" in status(app)
        await pilot.press("w")
        assert app.main.marks_for(item) and "watch" in prompt_kinds(app, 0)


async def test_w_without_words_explains(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("w")
        assert "No watch-words" in status(app)
        assert "watch" not in state(app)
        assert "徐汇报" in title(app)


async def test_watch_and_hit_styles_differ(library: Path) -> None:
    app = app_for(library, highlight="数据")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            view = app.query_one(ArticleView)
            watch = view.get_component_rich_style("text-pane--watch", partial=True)
            hit = view.get_component_rich_style("text-pane--hit", partial=True)
            current = view.get_component_rich_style("text-pane--current", partial=True)
            assert len({watch, hit, current}) == 3
            assert watch.underline and not hit.underline and hit.bgcolor is not None
            headlines = app.query_one(Headlines)
            assert headlines.get_component_rich_style(
                "headlines--watch", partial=True
            ) != headlines.get_component_rich_style("headlines--hit", partial=True)


async def test_watch_words_are_drawn_underlined(library: Path) -> None:
    app = app_for(library, "xuhui/sample/01/1", highlight="江面")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        view = app.query_one(ArticleView)
        lines = [view.render_line(y) for y in range(view.scrollable_content_region.height)]
        underlined = [
            seg.text for strip in lines for seg in strip if seg.style and seg.style.underline
        ]
        assert "江面" in "".join(underlined)


async def test_no_color_still_tells_hits_from_watch_words(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(library, highlight="数据")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.no_color
        view = app.query_one(ArticleView)
        watch = view.get_component_rich_style("text-pane--watch", partial=True)
        hit = view.get_component_rich_style("text-pane--hit", partial=True)
        current = view.get_component_rich_style("text-pane--current", partial=True)
        assert watch.underline and hit.reverse and current.reverse and current.bold
        assert not watch.reverse and not hit.underline


async def test_headline_highlights_follow_the_theme(library: Path) -> None:
    app = app_for(library, highlight="徐汇")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        headlines = app.query_one(Headlines)
        dark = headlines.prompt_styles["watch"]
        assert "watch" in prompt_kinds(app, 0)
        await pilot.press("t")
        await settle(app, pilot)
        light = headlines.prompt_styles["watch"]
        assert light != dark and "watch" in prompt_kinds(app, 0)
        assert light.foreground is not None and light.foreground.brightness < 0.5
