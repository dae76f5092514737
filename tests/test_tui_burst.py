"""Every key counts: a burst of keys ends where the same keys pressed slowly end.

A burst is every key queued before the App handles the first (key repeat, typing
ahead, a paste, SSH merging keystrokes). `pilot.press` waits for the App to go idle
after each key, which is a slow typist: `burst` queues them all at once instead.
"""

from __future__ import annotations

import os
import random
import shlex
import subprocess
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from corpuslib import corpus_lines, make_library
from test_tui_smoke import READER, TMUX, UNSET, Terminal, socket_name
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input
from tui_scenes import app_for, settle, title
from typer.testing import CliRunner

from reader.cli.main import app as cli
from reader.state import load_position, state_file
from reader.tui import launch
from reader.tui.app import ReaderApp
from reader.tui.session import lead

PAPERS = (("rmrb", "人民日报"), ("gmrb", "光明日报"), ("jfrb", "解放日报"))
ISSUES = 14  # of 8 pages of 20 paragraphs each, per paper


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three papers of 14 daily issues from 1998-01-01, each cut from its own corpus part."""
    root = tmp_path_factory.mktemp("papers")
    per_paper = ISSUES * 8 * 20
    lines = corpus_lines(per_paper * len(PAPERS))
    for n, (key, name) in enumerate(PAPERS):
        make_library(root, lines[n * per_paper : (n + 1) * per_paper], paper=key, name=name)
    return root


def burst(app: ReaderApp, keys: Sequence[str]) -> None:
    """Queue `keys` as a terminal would deliver a burst: all before the first is handled."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        char = key if len(key) == 1 else {"enter": "\r", "tab": "\t", "space": " "}.get(key)
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, char)
        event.set_sender(app)
        driver.send_message(event)


Where = tuple[str, int, int | None, str | None]


def where(app: ReaderApp) -> Where:
    """Issue, page index, item index and the focused pane."""
    assert app.main.opened is not None
    focused = app.focused.id if app.focused else None
    return app.main.opened.issue.id, app.main.page_index, app.main.item_index, focused


def lead_of(app: ReaderApp, page: int) -> int | None:
    """The item page `page` of the open issue opens at."""
    assert app.main.opened is not None
    return lead(app.main.opened.pages[page])


async def ends(app: ReaderApp, pilot: Pilot[None], keys: Sequence[str], slow: bool) -> Where:
    await settle(app, pilot)
    if slow:
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
    else:
        burst(app, keys)
        await settle(app, pilot)
    return where(app)


@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_j_then_next_pages_in_a_burst_end_on_the_last_page(papers: Path, paper: str) -> None:
    # A stale "item 6 chosen" once reached a page of fewer items: IndexError.
    app = app_for(papers, f"{paper}/1998-01-03")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.opened is not None and len(app.main.opened.pages) == 8
        burst(app, [*"jjjjjj", *"]" * 7])
        await settle(app, pilot)
        # A page opens at its lead story (the first article).
        first = lead(app.main.opened.pages[7])
        assert first is not None and app.main.opened.pages[7].items[first].kind == "article"
        assert where(app) == (f"{paper}/1998-01-03", 7, first, "headlines")
        assert "page 8 of 8" in title(app)
        assert app.main.item is app.main.opened.pages[7].items[first]


async def test_a_search_typed_in_one_burst_is_searched(library: Path) -> None:
    """`/数据`, Enter, `n n` typed fast: the query goes to the box, the keys after Enter walk."""
    app = app_for(library, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        burst(app, ["/", "数", "据", "enter", "n", "n"])
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        assert app.main.finder.query_text == "数据"
        assert app.query_one("#query", Input).value == "数据", "n went into the query"
        hits = app.main.finder.walk.hits
        assert len(hits) == 28 and app.main.finder.walk.index == 1
        assert app.main.item is not None and app.main.item.id == hits[1].item_id


@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_every_issue_key_in_a_burst_counts(papers: Path, paper: str) -> None:
    app = app_for(papers, f"{paper}/1998-01-01")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        burst(app, "}" * 10)
        await settle(app, pilot)
        assert where(app) == (f"{paper}/1998-01-11", 0, lead_of(app, 0), "headlines")
        assert "1998-01-11" in title(app)
        # Moves after an issue key apply to the issue it opened.
        burst(app, ["{", "{", "{", "]", "]", "home", "j", "j"])
        await settle(app, pilot)
        assert where(app) == (f"{paper}/1998-01-08", 2, 2, "headlines")


@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_every_page_key_in_a_burst_counts_in_both_lists(papers: Path, paper: str) -> None:
    app = app_for(papers, f"{paper}/1998-01-02")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        burst(app, "]" * 7)
        await settle(app, pilot)
        assert where(app)[1:3] == (7, lead_of(app, 7))
        # In the page list: its cursor and the page keys are one position.
        burst(app, ["shift+tab", "home", "j", "j", "]", "k", "]", "]"])
        await settle(app, pilot)
        assert where(app) == (f"{paper}/1998-01-02", 4, lead_of(app, 4), "pages")


MOVES = ["j", "j", "j", "k", "]", "]", "[", "}", "{", "down", "up", "end", "tab", "enter"]
# Keys whose effect depends on the layout the key before may have changed: the
# height a pane pages by (a page with captions, `c` on a narrow screen).
PAGING = ["pageup", "pagedown", "space", "b", "c", "J", "K", "shift+tab", "home", "escape"]


@pytest.mark.parametrize("width", [100, 60])
@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_a_burst_of_50_keys_ends_where_50_slow_presses_end(
    papers: Path, paper: str, width: int
) -> None:
    keys = random.Random(f"burst-{paper}-{width}").choices(MOVES + PAGING, k=50)
    results = []
    for slow in (True, False):
        app = app_for(papers, f"{paper}/1998-01-05")
        async with app.run_test(size=(width, 30)) as pilot:
            where_ = await ends(app, pilot, keys, slow)
            results.append((where_, app.main.panes.article.scroll_offset.y))
    assert results[0] == results[1], keys


def test_a_crash_exits_non_zero_and_keeps_the_position(
    papers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error in a key's handler ends the reader: exit 2, position saved at once."""

    def broken(self: ReaderApp, step: int) -> None:
        raise RuntimeError("a defect")

    async def keys(pilot: Pilot[object]) -> None:
        await pilot.press("]", "]", "}")

    run = ReaderApp.run
    monkeypatch.setattr(launch, "is_terminal", lambda: True)
    monkeypatch.setattr(ReaderApp, "action_issue", broken)
    monkeypatch.setattr(
        ReaderApp, "run", lambda self: run(self, headless=True, size=(100, 30), auto_pilot=keys)
    )
    result = CliRunner().invoke(cli, ["--library", str(papers), "read", "gmrb/1998-01-04"])
    assert result.exit_code == 2, result.output
    assert "internal error" in result.output and "the position was saved" in result.output
    saved = load_position(state_file(papers))
    assert saved is not None and (saved.paper, saved.issue, saved.page) == ("gmrb", "1998-01-04", 3)


OSC_52 = "\x1b]52;c;aGFja2VkIQ==\x1b\\"
OSC_0 = "\x1b]0;PWNED\x1b\\"


def hostile(root: Path) -> Path:
    """A library whose paper name and issue folder carry OSC 52 (clipboard) and OSC 0 (title)."""
    folder = root / "evil"
    folder.mkdir(parents=True)
    name = f"{OSC_52}报{OSC_0}".replace("\\", "\\\\").replace("\x1b", "\\u001b")
    (folder / "paper.toml").write_text(f'name = "{name}"\n', encoding="utf-8")
    issue = folder / f"x{OSC_0}{OSC_52}"
    issue.mkdir()
    (issue / "01.txt").write_text(" 数据工作会议召开。\n", encoding="utf-8")
    return root


async def test_hostile_names_and_queries_reach_the_screen_harmlessly(tmp_path: Path) -> None:
    root = hostile(tmp_path / "lib")
    app = app_for(root, search=f"数据{OSC_0}")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.opened is not None and app.main.opened.issue.paper.name.startswith("\x1b")
        assert "␛]0;PWNED␛\\" in title(app) and "报" in title(app)
        shown = app.export_screenshot()
        assert "\x1b" not in shown and "PWNED" in shown
        app.main.say(f"无法打开 {OSC_52}")
        await pilot.pause()
        assert "\x1b" not in app.export_screenshot()


def run_in_tmux(terminal: Terminal, root: Path, args: str) -> None:
    """`reader --library ROOT ARGS` in a 100x30 window of a private tmux server."""
    names = ("READER_DATA_DIR", "READER_CACHE_DIR", "READER_CONFIG")
    env = {name: os.environ[name] for name in names} | {"TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    reader = f"{shlex.quote(str(READER))} --library {shlex.quote(str(root))} {args}"
    shell = f"env {UNSET} {exports} {reader}; echo reader-exited-$?; sleep 30"
    terminal.tmux("new-session", "-d", "-s", "smoke", "-x", "100", "-y", "30", shell)
    terminal.tmux("set-option", "-g", "set-clipboard", "on")
    terminal.wait_for(" " * 60 + "? help  / search  q quit")


@pytest.fixture
def tmux_terminal() -> Iterator[Terminal]:
    if TMUX is None or not READER.exists():
        pytest.skip("needs tmux and the installed reader script")
    term = Terminal(socket_name("burst"))
    yield term
    subprocess.run([TMUX, "-L", term.socket, "kill-server"], capture_output=True)


def test_a_burst_under_tmux_ends_where_slow_keys_end(tmux_terminal: Terminal, papers: Path) -> None:
    run_in_tmux(tmux_terminal, papers, "read rmrb/1998-01-03")
    tmux_terminal.wait_for("1998-01-03  第1版  page 1 of 8")
    # One literal string: the keys reach the terminal in one write, as typing ahead does.
    tmux_terminal.keys("jjjjjj" + "]" * 7, literal=True)
    tmux_terminal.wait_for("1998-01-03  第8版  page 8 of 8")
    tmux_terminal.keys("}" * 10 + "{" * 3 + "]]" + "}" * 4 + "[", literal=True)
    tmux_terminal.wait_for("1998-01-14  第1版  page 1 of 8")
    time.sleep(0.3)  # nothing else is still on its way
    assert "1998-01-14  第1版  page 1 of 8" in tmux_terminal.screen()
    tmux_terminal.keys("q")
    tmux_terminal.wait_for("reader-exited-0")


def test_hostile_names_leave_title_and_clipboard_alone(
    tmux_terminal: Terminal, tmp_path: Path
) -> None:
    root = hostile(tmp_path / "lib")
    run_in_tmux(tmux_terminal, root, f"read --search {shlex.quote('数据' + OSC_52)}")
    tmux_terminal.tmux("select-pane", "-t", "smoke", "-T", "before")
    tmux_terminal.keys("j", "?", "Escape")
    tmux_terminal.wait_for("PWNED")
    time.sleep(0.5)
    assert tmux_terminal.tmux("display", "-p", "-t", "smoke", "#{pane_title}").strip() == "before"
    assert tmux_terminal.tmux("list-buffers") == ""
    tmux_terminal.keys("q")
    tmux_terminal.wait_for("reader-exited-0")


async def test_keys_after_the_goto_dialog_in_a_burst_count(papers: Path) -> None:
    """`g`, a date, Enter, then moves, typed ahead: the moves apply to the issue opened."""
    keys = ["g", *"1998-01-09", "enter", "]", "]", "j"]
    results = []
    for slow in (True, False):
        app = app_for(papers, "rmrb/1998-01-02")
        async with app.run_test(size=(100, 30)) as pilot:
            results.append(await ends(app, pilot, keys, slow))
    assert results[0] == results[1]
    assert results[0][:2] == ("rmrb/1998-01-09", 2)


async def test_letters_typed_ahead_into_the_search_line_do_not_also_move(papers: Path) -> None:
    """`/jj` in one burst: `jj` is the query, and the headline list did not move too."""
    app = app_for(papers, "rmrb/1998-01-02")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        before = where(app)[:3]
        burst(app, ["/", "j", "j"])
        await settle(app, pilot)
        assert app.query_one("#query", Input).value == "jj"
        assert where(app)[:3] == before


async def test_a_key_after_letters_typed_ahead_adds_to_them(papers: Path) -> None:
    """`/jj` in one burst, then `k`: the query is `jjk`. The line's Focus event came in
    after `jj` and selected them, and `k` replaced them."""
    app = app_for(papers, "rmrb/1998-01-02")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        burst(app, ["/", "j", "j"])
        await settle(app, pilot)
        await pilot.press("k")
        assert app.query_one("#query", Input).value == "jjk"


@pytest.mark.parametrize("slow", [True, False])
async def test_slash_again_selects_the_last_query_for_typing_over(papers: Path, slow: bool) -> None:
    keys = ["/", "数", "据", "enter", "escape", "/", "港"]
    app = app_for(papers, "rmrb/1998-01-05")
    async with app.run_test(size=(80, 24)) as pilot:
        await ends(app, pilot, keys, slow)
        await app.workers.wait_for_complete()
        assert app.query_one("#query", Input).value == "港"


@pytest.mark.parametrize("key", ["pageup", "pagedown"])
async def test_a_page_key_right_after_c_on_a_narrow_screen(papers: Path, key: str) -> None:
    """`c` shows the headlines; a page key in the same burst once crashed (no size yet)."""
    keys = ["end", "c", key, "j"]
    results = []
    for slow in (True, False):
        app = app_for(papers, "rmrb/1998-01-05")
        async with app.run_test(size=(60, 30)) as pilot:
            results.append(await ends(app, pilot, keys, slow))
        assert app.return_code in (None, 0)
    assert results[0] == results[1]


@pytest.mark.parametrize("after", [["escape", "]"], ["-", "escape", "]", "j"]])
async def test_keys_after_esc_in_the_search_line_are_the_pages(
    papers: Path, after: list[str]
) -> None:
    """`/`, Esc, `]` typed fast: the page turns; `]` did not go into the closed query line."""
    keys = ["/", *after]
    results = []
    for slow in (True, False):
        app = app_for(papers, "rmrb/1998-01-05")
        async with app.run_test(size=(80, 24)) as pilot:
            results.append(await ends(app, pilot, keys, slow))
            assert "]" not in app.query_one("#query", Input).value
    assert results[0] == results[1]
    assert results[0][1] == 1, "the next page"


async def test_tab_right_after_esc_in_the_search_line_moves_from_the_article(
    papers: Path,
) -> None:
    """`/`, Esc, Tab typed fast: Esc gives the article the focus before Tab moves it
    on, as slowly; the focus was once nowhere until a message came, and Tab went to
    the first pane."""
    results = []
    for slow in (True, False):
        app = app_for(papers, "rmrb/1998-01-05")
        async with app.run_test(size=(120, 30)) as pilot:
            results.append(await ends(app, pilot, ["/", "escape", "tab"], slow))
    assert results[0] == results[1]
    assert results[0][3] == "captions", "the pane after the article"


SEARCHING = ["/", "数", "据", "enter", "escape", "n", "N", "g", "1", "9", "-"]


@pytest.mark.parametrize("seed", [201, 206, 222])
async def test_a_burst_with_searches_and_dialogs_ends_where_slow_keys_end(
    papers: Path, seed: int
) -> None:
    """Keys typed ahead into the search line and the `g` dialog, and past them (Enter,
    Esc, the hits arriving later), end where the same keys typed slowly end."""
    keys = random.Random(seed).choices(SEARCHING + MOVES + PAGING, k=40)
    results = []
    for slow in (True, False):
        app = app_for(papers, "rmrb/1998-01-05")
        async with app.run_test(size=(80, 24)) as pilot:
            where_ = await ends(app, pilot, keys, slow)
            await app.workers.wait_for_complete()
            results.append((where_, app.main.finder.query_text, app.main.finder.walk.index))
    assert results[0] == results[1], keys
