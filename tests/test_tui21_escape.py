"""Esc typed fast, in one write with the key after it, is Esc then that key.

Textual 8.2.8 read ESC + a letter as Alt (bound to nothing: both keys lost) and ESC +
anything else as that key alone (the Esc dropped): `? Esc K` in one write left the
help open and K lost. `reader.tui.escape_keys` reads them as two keys; here through
the parser, through Pilot (the parser's keys queued as the driver queues them, against
the same keys pressed slowly) and under tmux (`send-keys -H`, one write).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from test_tui_smoke import Terminal, reader_in_tmux
from textual import events
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.widgets import Input
from tui_scenes import app_for, settle, status

from reader.tui.app import ReaderApp
from reader.tui.escape_keys import EscParser, ReaderDriver, bound_alt_keys

# LinuxDriver.run_input_thread of Textual 8.2.8, which ReaderDriver repeats with its
# own parser: a Textual that changes it must be read before it is taken.
PINNED = "d796af6d69db337d6fa6bd463984f7d17188d991dbb22f60efb92a8a9619507c"


def parsed(parser: XTermParser, *reads: str) -> list[str]:
    """The keys (and other events, by class) `reads` make, each read fed whole."""
    out = []
    for data in reads:
        out += [getattr(e, "key", type(e).__name__) for e in parser.feed(data)]
    # The pause after the last read: an ESC waiting at the end is sent now.
    out += [getattr(e, "key", type(e).__name__) for e in parser.feed("")]
    return out


def test_the_hook_is_the_pinned_textuals() -> None:
    source = inspect.getsource(LinuxDriver.run_input_thread)
    assert hashlib.sha256(source.encode()).hexdigest() == PINNED
    # What the hook mends: if Textual reads these as Esc and the key, drop the hook.
    assert parsed(XTermParser(), "\x1bK") == ["alt+shift+k"]
    assert parsed(XTermParser(), "\x1b?") == ["question_mark"]
    assert parsed(XTermParser(), "\x1bjj") == ["alt+j", "j"]


def test_the_reader_runs_on_its_driver_where_textual_would_run_linuxs(library: Path) -> None:
    app = app_for(library, None)
    assert app.driver_class is ReaderDriver
    assert issubclass(ReaderDriver, LinuxDriver)


ONE_READ = [
    ("\x1bK", ["escape", "K"]),
    ("\x1b?", ["escape", "question_mark"]),
    ("?\x1bK", ["question_mark", "escape", "K"]),
    ("\x1bjjj", ["escape", "j", "j", "j"]),
    ("\x1b\x1bK", ["escape", "escape", "K"]),
    ("\x1b数", ["escape", "数"]),
    ("\x1b\r", ["escape", "enter"]),
    ("\x1b\t", ["escape", "tab"]),
    ("\x1b ", ["escape", "space"]),
    ("\x1bOxq", ["8", "q"]),  # ESC O x is a key (the keypad's 8)
    ("\x1bOqK", ["1", "K"]),  # ... and so is ESC O q (1)
    ("\x1bOZ", ["escape", "O", "Z"]),  # ESC O Z is none: Esc, then O
    ("\x1b[A\x1b[BK", ["up", "down", "K"]),  # the terminal's own sequences
    ("\x1b", ["escape"]),
]


@pytest.mark.parametrize(("data", "keys"), ONE_READ)
def test_esc_then_a_key_in_one_read_is_two_keys(data: str, keys: list[str]) -> None:
    assert parsed(EscParser(), data) == keys


def test_esc_at_the_end_of_one_read_and_a_key_at_the_start_of_the_next() -> None:
    assert parsed(EscParser(), "?\x1b", "K") == ["question_mark", "escape", "K"]
    assert parsed(EscParser(), "\x1b", "[A") == ["up"]


def test_a_bracketed_paste_is_one_event_and_nothing_in_it_is_split() -> None:
    text = "数据" * 4500
    keys = parsed(EscParser(), f"\x1b[200~{text}\x1b[201~\x1bK")
    assert keys == ["Paste", "escape", "K"]
    parser = EscParser()
    pastes = [e for e in parser.feed(f"/\x1b[200~{text}\x1b[201~") if isinstance(e, events.Paste)]
    assert [p.text for p in pastes] == [text]


def test_an_alt_key_bound_in_keys_stays_alt_even_in_a_burst() -> None:
    kept = bound_alt_keys({"next_article": "J,alt+j", "quit": "q"})
    assert kept == {"alt+j"}
    assert parsed(EscParser(kept=kept), "\x1bj\x1bkj") == ["alt+j", "escape", "k", "j"]
    assert parsed(EscParser(kept=kept), "\x1bj") == ["alt+j"]


# The reader, keys in one read (queued as the driver queues them) against the same
# keys pressed slowly: the same screen, item, focus, query and status.


def state(app: ReaderApp) -> tuple[object, ...]:
    assert app.main.opened is not None
    panel = app.main.finder.mounted_panel()
    query = app.query_one("#query", Input).value if panel is not None else None
    return (
        type(app.screen).__name__,
        app.main.page_index,
        app.main.item_index,
        app.focused.id if app.focused else None,
        query,
        panel.display if panel is not None else None,
        app.main.finder.query_text,
        status(app),
    )


async def ends(library: Path, data: str | None, keys: Sequence[str]) -> tuple[object, ...]:
    app = app_for(library, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        driver = app._driver
        assert driver is not None
        if data is None:
            for key in keys:
                await pilot.press(key)
                await settle(app, pilot)
        else:
            for event in EscParser().feed(data):  # one read, every key queued at once
                driver.process_message(event)
        await settle(app, pilot)
        return state(app)


SCENES = [
    # The help: closed by the Esc, the key after it is the page's.
    ("?\x1bK", ["question_mark", "escape", "K"]),
    ("?\x1b?", ["question_mark", "escape", "question_mark"]),
    ("?j\x1bJJ", ["question_mark", "j", "escape", "J", "J"]),
    # The `g` dialog: cancelled by the Esc, not given the key.
    ("g19\x1bK", ["g", "1", "9", "escape", "K"]),
    ("g\x1b]", ["g", "escape", "right_square_bracket"]),
    # The search line: closed by the Esc; the key after it moves the page or the focus.
    ("/ab\x1bK", ["slash", "a", "b", "escape", "K"]),
    ("/ab\x1b\t", ["slash", "a", "b", "escape", "tab"]),
    ("/数据\r\x1b\x1bJ", ["slash", "数", "据", "enter", "escape", "escape", "J"]),
    ("/数据\rn\x1bn", ["slash", "数", "据", "enter", "n", "escape", "n"]),
    # The panes: Esc, then Tab / Shift+Tab (ESC [ Z is Shift+Tab itself).
    ("\x1b\t\x1b\tj", ["escape", "tab", "escape", "tab", "j"]),
    ("\x1b[Zj", ["shift+tab", "j"]),
]


@pytest.mark.parametrize(("data", "keys"), SCENES)
async def test_esc_then_a_key_in_one_write_ends_where_slow_keys_end(
    library: Path, data: str, keys: list[str]
) -> None:
    assert parsed(EscParser(), data) == [{"slash": "slash"}.get(k, k) for k in keys]
    slow = await ends(library, None, keys)
    fast = await ends(library, data, keys)
    assert fast == slow


# Under tmux: the installed reader, each burst one write of bytes (`send-keys -H`).


@pytest.fixture
def terminal(library: Path) -> Iterator[Terminal]:
    yield from reader_in_tmux(library, "esc")


def write(term: Terminal, data: str) -> None:
    """`data` in one write to the reader's terminal."""
    term.tmux("send-keys", "-t", "smoke", "-H", *(f"{b:02x}" for b in data.encode()))


def test_esc_in_a_burst_under_tmux(terminal: Terminal) -> None:
    write(terminal, "?\x1bK")  # the help opens, closes, and K goes back an article
    terminal.wait_for("brief 3 of 6")
    terminal.wait_gone("reader: keys")
    write(terminal, "g19\x1bJ")  # the dialog cancelled, J on the page
    terminal.wait_for("article 4 of 6")
    assert "Go to issue" not in terminal.screen()
    write(terminal, "/ab\x1bK")  # the search line closed, K on the page
    terminal.wait_for("brief 3 of 6")
    terminal.wait_gone("/ ab")
    write(terminal, "\x1b?")  # Esc, then the help
    terminal.wait_for("reader: keys")
    write(terminal, "\x1bq")  # Esc closes it, q quits
    terminal.wait_for("reader-exited-0")


async def test_a_message_too_long_for_the_hint_beside_it_takes_the_status_line(
    library: Path,
) -> None:
    """At 40x12, read to the end: the message says which key opens the next issue."""
    from reader.tui.bars import StatusBar

    app = app_for(library, None, lang="zh_CN.UTF-8")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(app, pilot)
        for _ in range(60):
            await pilot.press("space")
        await settle(app, pilot)
        line = app.query_one(StatusBar).render().plain
        assert "本期已读完：按 } 打开下一期。" in line, line
        assert len(line) <= 40
        app.main.say("已到本期开头。")  # a message that fits: the hint beside it
        await settle(app, pilot)
        assert app.query_one(StatusBar).render().plain.endswith("? 帮助  / 搜索  q 退出")
