"""A long paste into the search line (`/`): every key in, in order, the work done per run.

A 9,000-character paste typed as keys (tmux `paste-buffer` without `-p`) took a minute
to catch up: Textual's Input measures its whole value at every key. Typed text now
goes into the line once per run of keys queued together; a bracketed paste
(`paste-buffer -p`) is one event. Speed is measured by bench/querykeys.py; here the
outcome: the line holds every character, keys between them count in order, Enter
searches what was typed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from test_tui_smoke import Terminal, reader_in_tmux
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input
from tui_scenes import app_for, settle, status

from reader.tui.app import ReaderApp
from reader.tui.escape_keys import EscParser
from reader.tui.search_panel import QueryBox

TEXT = "数据经济abc，"


def text_of(count: int) -> str:
    return (TEXT * (count // len(TEXT) + 1))[:count]


def queue(app: ReaderApp, keys: Sequence[str]) -> None:
    """Queue `keys` (characters, or names of keys) as one read delivers them."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        if len(key) == 1:
            name = key if key.isalnum() else _character_to_key(key)
            driver.process_message(events.Key(name, key))
        else:
            driver.process_message(events.Key(key, {"enter": "\r"}.get(key)))


def query(app: ReaderApp) -> str:
    return app.query_one("#query", Input).value


async def test_9000_keys_pasted_into_the_search_line_are_all_in_it_then_enter_searches(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = text_of(9000)
    puts: list[str] = []
    replace = QueryBox.replace

    def counted(self: QueryBox, text: str, start: int, end: int) -> None:
        puts.append(text)
        replace(self, text, start, end)

    monkeypatch.setattr(QueryBox, "replace", counted)
    app = app_for(library, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        queue(app, ["/", *text])
        await settle(app, pilot)
        assert query(app) == text
        # The line's work is done per run of queued keys, not per key.
        assert "".join(puts) == text and len(puts) < len(text) // 20, len(puts)
        queue(app, ["enter"])
        await settle(app, pilot)
        assert app.main.finder.query_text == text
        assert "query too long: 9000 characters" in status(app)


@pytest.mark.parametrize(
    "keys",
    [
        ["/", "a", "b", "c", "backspace", "d", "left", "x", "enter"],
        ["/", *"经济数据", "home", "delete", "end", "backspace", *"新闻", "enter"],
        ["/", *"数据", "enter", "n", "/", "x", "y", "backspace", "z", "escape", "n"],
    ],
)
async def test_keys_between_typed_runs_count_in_order_as_when_typed_slowly(
    library: Path, keys: list[str]
) -> None:
    ends = []
    for slow in (True, False):
        app = app_for(library, None)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(app, pilot)
            if slow:
                for key in keys:
                    await pilot.press({"/": "slash"}.get(key, key))
                    await settle(app, pilot)
            else:
                queue(app, keys)
            await settle(app, pilot)
            walk = app.main.finder.walk
            ends.append((query(app), app.main.finder.query_text, walk.index, app.main.item_index))
    assert ends[0] == ends[1]


async def test_a_bracketed_paste_after_slash_in_one_read_is_one_event_into_the_line(
    library: Path,
) -> None:
    text = text_of(9000)
    app = app_for(library, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        driver = app._driver
        assert driver is not None
        messages = list(EscParser().feed(f"/\x1b[200~{text}\x1b[201~"))
        assert [type(m).__name__ for m in messages] == ["Key", "Paste"]
        for message in messages:
            driver.process_message(message)
        await settle(app, pilot)
        assert query(app) == text
        # Pasted over the last query (selected when `/` opens the line), as typing is.
        queue(app, ["enter", "escape", "/"])
        await settle(app, pilot)
        driver.process_message(events.Paste("数据\n第二行"))
        queue(app, ["enter"])
        await settle(app, pilot)
        assert query(app) == "数据" and len(app.main.finder.walk.hits) == 28


async def test_a_paste_on_the_page_is_no_command(library: Path) -> None:
    app = app_for(library, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        before = (app.main.page_index, app.main.item_index, app.focused)
        driver = app._driver
        assert driver is not None
        driver.process_message(events.Paste("jjjJJq"))
        await settle(app, pilot)
        assert (app.main.page_index, app.main.item_index, app.focused) == before
        assert app.is_running and app.main.finder.mounted_panel() is None


@pytest.fixture
def terminal(library: Path) -> Iterator[Terminal]:
    yield from reader_in_tmux(library, "paste")


@pytest.mark.parametrize("bracketed", [True, False])
def test_a_9000_character_paste_under_tmux(
    terminal: Terminal, tmp_path: Path, bracketed: bool
) -> None:
    pasted = tmp_path / "paste.txt"
    pasted.write_text(text_of(8997) + "终止符", encoding="utf-8")
    terminal.tmux("load-buffer", str(pasted))
    terminal.keys("/")
    terminal.wait_for("search this issue")
    terminal.tmux("paste-buffer", *(["-p"] if bracketed else []), "-t", "smoke")
    terminal.wait_for("终止符", timeout=300)  # a loaded machine: a condition, not a time
    terminal.keys("Enter")
    terminal.wait_for("query too long: 9000 characters")
    terminal.keys("Escape", "q")
    terminal.wait_for("reader-exited-0")
