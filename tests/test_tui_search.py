"""In-issue search in the reader: `/`, the hit list, `n`/`N` with a counter, `--search`, ids."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from tui_scenes import (
    app_for,
    article_text,
    make_library,
    prompt_kinds,
    settle,
    state,
    status,
    title,
)

from reader.state import save_search, state_file
from reader.tui.article import ArticleView, CaptionsView
from reader.tui.search_panel import HitList, SearchPanel

pytest.importorskip("reader.search.engine")


def counter(app: object) -> str:
    from reader.tui.app import ReaderApp

    assert isinstance(app, ReaderApp)
    return str(app.query_one(SearchPanel).query_one("#counter").render())


def line_in_view(view: ArticleView, item_id: str, field: str, offset: int) -> bool:
    line = view.line_of(item_id, field, offset)
    assert line is not None
    top = view.scroll_offset.y
    return top <= line < top + view.scrollable_content_region.height


async def test_slash_searches_lists_hits_and_enter_jumps(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        panel = app.query_one(SearchPanel)
        assert panel.display and app.focused is not None and app.focused.id == "query"
        await pilot.press(*"数据", "enter")
        await settle(app, pilot)
        hits = app.query_one(HitList)
        assert hits.option_count == 28 and counter(app) == "28 hits"
        assert app.focused is hits and hits.highlighted == 0
        first = str(hits.get_option_at_index(0).prompt)
        assert first.startswith("1版#4") and "数据" in first
        await pilot.press("down", "down", "down", "down", "enter")
        assert not panel.display
        hit = app.main.finder.walk.hits[4]
        assert (hit.item_id, hit.field) == ("xuhui/sample/01/4", "paragraphs.0")
        assert app.main.item is not None and app.main.item.id == hit.item_id
        article = app.query_one(ArticleView)
        assert app.focused is article and line_in_view(article, hit.item_id, hit.field, hit.start)
        assert "数据  5/28" in state(app)


async def test_n_and_shift_n_walk_every_hit_in_order(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"徐汇", "enter")
        await settle(app, pilot)
        await pilot.press("escape")
        total = len(app.main.finder.walk.hits)
        assert total > 20
        seen = []
        for n in range(1, total + 1):
            await pilot.press("n")
            assert counter(app) == f"{n}/{total}"
            hit = app.main.finder.walk.hits[app.main.finder.walk.index or 0]
            assert app.main.item is not None and app.main.item.id == hit.item_id
            article = app.query_one(ArticleView)
            if hit.field.startswith("paragraphs.") or hit.field == "headline":
                assert line_in_view(article, hit.item_id, hit.field, hit.start)
            seen.append((hit.page, hit.number, hit.rank, hit.start))
        assert seen == sorted(seen)
        await pilot.press("n")
        assert counter(app) == f"1/{total}"
        await pilot.press("N")
        assert counter(app) == f"{total}/{total}"
        await pilot.press("N")
        assert counter(app) == f"{total - 1}/{total}"


def held_search(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Searches wait for the returned event: keys can be typed while one runs."""
    from reader.tui import issue_search

    gate = threading.Event()
    run = issue_search.run_search

    def held(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(30), "the test never let the search finish"
        return run(*args, **kwargs)

    monkeypatch.setattr(issue_search, "run_search", held)
    return gate


async def test_keys_typed_while_a_search_runs_are_commands(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enter, then `n n` typed before the hits are in: they walk, not extend the query."""
    gate = held_search(monkeypatch)
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"数据", "enter")
        await pilot.press("n")
        await pilot.press("n")
        box = app.query_one("#query", Input)
        assert box.value == "数据", "n went into the query"
        assert app.main.finder.walk.hits == [], "the search is still running"
        gate.set()
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert counter(app) == "2/28" and box.value == "数据"
        hit = app.main.finder.walk.hits[1]
        assert app.main.item is not None and app.main.item.id == hit.item_id


async def test_enter_twice_chooses_the_new_querys_first_hit(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second Enter typed while the search runs waits for its hits: it opens the first,
    as it would typed slowly, not a hit of the last query still listed."""
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"徐汇", "enter")
        await settle(app, pilot)
        before = app.main.item
        gate = held_search(monkeypatch)
        await pilot.press("slash")
        app.query_one("#query", Input).value = ""
        await pilot.press(*"数据", "enter", "enter")
        assert app.query_one(HitList).option_count == 0 and app.main.item is before
        gate.set()
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        first = app.main.finder.walk.hits[0]
        assert counter(app) == "1/28" and app.main.item is not None
        assert app.main.item.id == first.item_id and not app.query_one(SearchPanel).display


async def test_no_hits_leaves_the_cursor_in_the_query(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"不存在的词", "enter")
        await settle(app, pilot)
        box = app.query_one("#query", Input)
        assert counter(app) == "no hits" and app.focused is box
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"数据", "enter")
        await settle(app, pilot)
        assert counter(app) == "28 hits"


async def test_hits_are_highlighted_in_headlines_body_and_captions(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"江面", "enter")
        await settle(app, pilot)
        await pilot.press("enter")
        caption = "xuhui/sample/01/1"
        marks = app.main.marks_for(caption)
        assert any(kind == "current" for _, _, kind in marks["paragraphs.0"])
        assert any(kind == "hit" for _, _, kind in marks["derived_headline"])
        assert "hit" in prompt_kinds(app, 0)
        captions = app.query_one(CaptionsView)
        assert captions.line_of(caption, "paragraphs.0", 0) is not None
        assert captions.blocks[0].item_id == caption
        await pilot.press("slash")
        await pilot.press(*"数据", "enter")
        await settle(app, pilot)
        await pilot.press("enter")
        body = app.main.marks_for("xuhui/sample/01/4")
        assert {kind for _, _, kind in body["paragraphs.3"]} == {"hit"}
        assert any(kind == "hit" for _, _, kind in body["headline"])


async def test_escape_closes_then_clears(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"数据", "enter")
        await settle(app, pilot)
        await pilot.press("escape")
        assert not app.query_one(SearchPanel).display
        assert app.main.finder.walk.hits and app.main.finder.query_text == "数据"
        await pilot.press("n")
        assert counter(app) == "1/28"
        await pilot.press("escape")
        assert not app.main.finder.walk.hits and app.main.finder.query_text is None
        assert app.main.marks_for("xuhui/sample/01/4") == {}
        await pilot.press("n")
        assert "press / to search" in status(app)


async def test_a_bad_query_is_a_message(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"-数据", "enter")
        await settle(app, pilot)
        assert app.main.finder.walk.hits == [] and counter(app) == "error"
        assert "-数据" in status(app) or "exclu" in status(app), status(app)
        app.query_one("#query", Input).value = ""
        await pilot.press(*"不存在的词", "enter")
        await settle(app, pilot)
        assert counter(app) == "no hits"


async def test_read_search_opens_with_the_search_done(library: Path) -> None:
    app = app_for(library, search="数据")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.query_one(SearchPanel).display
        assert app.query_one("#query", Input).value == "数据"
        assert counter(app) == "1/28"
        assert app.main.item is not None and app.main.item.id == "xuhui/sample/01/4"
        assert app.focused is app.query_one(HitList)
        await pilot.press("enter")
        assert isinstance(app.screen.focused, ArticleView)


async def test_read_id_with_search_opens_at_that_item(library: Path) -> None:
    app = app_for(library, "xuhui/sample/01/6", search="徐汇")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.item is not None and app.main.item.id == "xuhui/sample/01/6"
        assert (
            app.main.finder.walk.index is not None
            and app.main.finder.walk.hits[app.main.finder.walk.index].item_id == app.main.item.id
        )
        assert app.main.finder.walk.hits[app.main.finder.walk.index - 1].item_id != app.main.item.id
        assert not app.query_one(SearchPanel).display


async def test_an_id_from_reader_search_opens_with_its_hits(library: Path) -> None:
    save_search(state_file(library), "数据")
    app = app_for(library, "xuhui/sample/01/4")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.item is not None and app.main.item.id == "xuhui/sample/01/4"
        assert counter(app) == "1/28" and "数据  1/28" in state(app)
    # An item the last search did not hit opens plainly.
    plain = app_for(library, "xuhui/sample/01/5")
    async with plain.run_test(size=(100, 30)) as pilot:
        await settle(plain, pilot)
        assert plain.main.finder.query_text is None and not plain.main.finder.walk.hits
        assert "数据" not in state(plain)


async def test_the_search_follows_to_the_next_issue(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib", [("2025-03-27", 1), ("2025-03-28", 2)])
    app = app_for(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"数据", "enter")
        await settle(app, pilot)
        assert len(app.main.finder.walk.hits) == 56
        await pilot.press("escape", "left_curly_bracket")
        await settle(app, pilot)
        assert app.main.opened is not None and app.main.opened.issue.key == "2025-03-27"
        assert len(app.main.finder.walk.hits) == 28 and all(
            "2025-03-27" in h.item_id for h in app.main.finder.walk.hits
        )
        assert "数据" in article_text(app) or app.main.item is not None
        assert "2025-03-27" in title(app)


def test_searching_does_not_load_jieba(library: Path) -> None:
    """Build the index first (that may segment), then search in a fresh process."""
    from reader.library import Library
    from reader.search.engine import update

    update(Library(library))
    code = f"""
import asyncio, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from tui_scenes import app_for
from pathlib import Path

async def main() -> None:
    app = app_for(Path({str(library)!r}), search="数据")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.main.finder.walk.hits:
                break
        print(len(app.main.finder.walk.hits), "jieba" in sys.modules)

asyncio.run(main())
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["28", "False"]


async def test_the_status_says_searching_once_the_index_update_is_done(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first search of a session updates the index first; once that is done the
    status line says the search runs, not that the index is still updating."""
    from reader.search import engine

    gate, entered = threading.Event(), threading.Event()
    real = engine.search

    def held(*args: Any, **kwargs: Any) -> Any:
        # Held once the index is updated (the search's `refresh`, called inside it): a
        # hold before that saw only the status `search` posted and passed with "Updating"
        # shown after the update.
        update = kwargs["refresh"]

        def updated_then_held() -> None:
            update()
            entered.set()
            assert gate.wait(30), "the test never let the search finish"

        return real(*args, **{**kwargs, "refresh": updated_then_held})

    monkeypatch.setattr(engine, "search", held)
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"数据", "enter")
        for _ in range(200):  # the update runs in a child process, then the search
            if entered.is_set():
                break
            await pilot.pause(0.05)
        assert entered.is_set(), "the search never started"
        # The status comes by messages posted before the search began; wait for them, not
        # a fixed tenth of a second (a stalled process may run the test first). The search
        # is held: "Updating" shown instead stays, and this gives up after 10 s.
        for _ in range(200):
            shown = status(app)
            if "Updating" not in shown and "Searching" in shown:
                break
            await pilot.pause(0.05)
        gate.set()
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert "Searching 数据" in shown and "Updating" not in shown, shown
        assert counter(app) == "28 hits"


async def test_a_current_index_is_searched_without_a_child_index(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first search of a session starts no `reader index` when the index is current:
    that child looks over the whole file when it cannot tell it as it left it (20 s and
    more at 2 GB), and every key waited for it."""
    from reader.library import Library
    from reader.search import engine
    from reader.tui import issue_search

    engine.update(Library(library))
    children: list[Path] = []
    monkeypatch.setattr(issue_search, "index_in_child", lambda root: children.append(root))
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"数据", "enter")
        await settle(app, pilot)
        assert counter(app) == "28 hits" and children == []
        (library / "xuhui" / "sample" / "02.txt").write_text("第二版\n\n  数据新闻\n", "utf-8")
    again = app_for(library)  # the library changed: the next session's first search updates
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        await pilot.press("slash", *"数据", "enter")
        await settle(again, pilot)
        assert children == [library], "a stale index was not brought up to date"
        assert counter(again) == "29 hits"
