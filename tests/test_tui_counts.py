"""A count typed before a move, as less takes one: `3J`, `2l`, `2}`, `3n`, and `5g` for 第5版."""

from __future__ import annotations

from pathlib import Path

from tui_scenes import app_for, make_library, settle, status

from reader.tui.reading import Reading
from reader.tui.session import Opened


def where(app: object) -> tuple[str, int, int | None]:
    from reader.tui.app import ReaderApp

    assert isinstance(app, ReaderApp)
    main = app.main
    assert main.opened is not None
    return main.opened.issue.key, main.reading.page, main.reading.item


async def test_a_count_moves_as_far_as_that_many_keys(tmp_path: Path) -> None:
    make_library(tmp_path, [("2025-03-26", 3), ("2025-03-27", 3), ("2025-03-28", 5)])
    slow = app_for(tmp_path, "xuhui/2025-03-28")
    async with slow.run_test(size=(100, 30)) as pilot:
        await settle(slow, pilot)
        await pilot.press("J", "J", "J")
        await settle(slow, pilot)
        three_j = where(slow)
        await pilot.press("l", "l")
        await settle(slow, pilot)
        two_l = where(slow)
    fast = app_for(tmp_path, "xuhui/2025-03-28")
    async with fast.run_test(size=(100, 30)) as pilot:
        await settle(fast, pilot)
        start = where(fast)
        await pilot.press("3")
        assert "Count 3" in status(fast)
        await pilot.press("J")
        await settle(fast, pilot)
        assert where(fast) == three_j != start
        assert "Count" not in status(fast), "the count's line outlived its move"
        await pilot.press("2", "l")
        await settle(fast, pilot)
        assert where(fast) == two_l
        await pilot.press("5", "g")  # 第5版: the last page of this issue
        await settle(fast, pilot)
        assert where(fast)[1] == 4 and fast.main.reading.current_page is not None
        assert fast.main.reading.current_page.page == 5
        await pilot.press("1", "g")
        await settle(fast, pilot)
        assert where(fast)[1] == 0
        await pilot.press("9", "g")  # no such page: a message, no move
        await settle(fast, pilot)
        assert where(fast)[1] == 0 and "no page 9" in status(fast)
        await pilot.press("2", "left_curly_bracket")  # two issues back
        await settle(fast, pilot)
        assert where(fast)[0] == "2025-03-26"
        await pilot.press("9", "9", "right_curly_bracket")  # as far as there are
        await settle(fast, pilot)
        assert where(fast)[0] == "2025-03-28"


async def test_another_key_drops_the_count(tmp_path: Path) -> None:
    make_library(tmp_path, [("2025-03-28", 2)])
    app = app_for(tmp_path, "xuhui/2025-03-28")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        _, page, item = where(app)
        await pilot.press("3", "i", "J")  # `i` takes no count: J moves one item
        await settle(app, pilot)
        assert where(app)[1:] == (page, (item or 0) + 1)
        assert app.main.count == 0


async def test_digits_typed_into_the_search_are_the_query(tmp_path: Path) -> None:
    make_library(tmp_path, [("2025-03-28", 1)])
    app = app_for(tmp_path, "xuhui/2025-03-28")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"2025", "enter")
        await settle(app, pilot)
        assert app.main.finder.query_text == "2025" and app.main.count == 0


def test_counted_moves_stop_at_the_ends(tmp_path: Path) -> None:
    from reader.library import Library
    from reader.tui.session import read_issue

    make_library(tmp_path, [("2025-03-28", 3)])
    library = Library(tmp_path)
    loaded = read_issue(library, library.issues()[0])
    assert isinstance(loaded.opened, Opened)
    reading = Reading()
    reading.open(loaded.opened)
    reading.page, reading.item = 0, 0
    per_page = len(reading.pages[0].items)
    assert reading.step_items(1, 2) == (0, 2)
    assert reading.step_items(1, per_page + 1) == (1, 1)
    assert reading.step_items(1, 10_000) == (2, per_page - 1)
    assert (reading.page, reading.item) == (0, 0), "counting moved the position"
    assert reading.step_items(-1, 3) is None
    assert reading.turn(1, 99) == reading.at_lead(2)
    assert reading.turn(-1, 5) is None
    assert reading.page_numbered(2) == reading.at_lead(1) and reading.page_numbered(7) is None
