"""An issue slow to parse, opened with `}`, `{` or `g`, is read by a child: the screen stays live.

audit25 left it: the issue opened from the screen was parsed on Textual's loop, so an
issue made to parse slowly froze the screen, with `q`, Esc and Ctrl-C unread until the
parse ended (minutes on a busy machine). Now (`reader.tui.slowload`): a line says it
is being read; `q` and Ctrl-C quit at once and the child goes; Esc stops the reading;
every other key typed meanwhile is kept and applied, in order, to the issue it opens.
"""

from __future__ import annotations

import os
import random
import shlex
import sys
import time
from pathlib import Path

import pytest
from test_tui_burst import Where, burst, where
from test_tui_smoke import READER, TMUX, UNSET, Terminal, socket_name
from textual.pilot import Pilot
from tui_scenes import app_for, make_library, settle, status

from reader.library import Library
from reader.tui import parsechild, session
from reader.tui.app import ReaderApp

ISSUES = [("2025-03-21", 1), ("2025-03-28", 3)]
SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


def gone(pid: int, timeout: float = 10) -> bool:
    """Whether process `pid` ended (gone, or a zombie not yet reaped) within `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        except OSError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


async def reading_started(app: ReaderApp, pilot: Pilot[None]) -> int:
    """Wait until the child is running; its pid."""
    for _ in range(400):
        process = app.main.slow.process
        if process is not None:
            return process.pid
        await pilot.pause(0.05)
    raise AssertionError(f"no child started; status: {status(app)!r}")


@pytest.fixture
def slow_issues(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The library of ISSUES, every issue slow to parse (the bound at 100 bytes)."""
    monkeypatch.setattr(parsechild, "SLOW", 100)
    return make_library(tmp_path / "lib", ISSUES)


async def test_q_quits_at_once_while_the_next_issue_is_read_and_the_child_goes(
    slow_issues: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsechild, "command", lambda *_: SLEEPER)  # a parse of minutes
    app = app_for(slow_issues, "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_curly_bracket")
        pid = await reading_started(app, pilot)
        assert status(app).startswith("Reading xuhui/2025-03-28: 3 pages")
        assert "Esc" in status(app)
        assert app.main.opened is not None and app.main.opened.issue.key == "2025-03-21"
        await pilot.press("j", "q")
        for _ in range(100):
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
        assert app.return_code == 0
    assert gone(pid), "the child outlived the reader"


async def test_ctrl_c_quits_at_once_while_an_issue_is_read(
    slow_issues: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsechild, "command", lambda *_: SLEEPER)
    app = app_for(slow_issues, "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_curly_bracket")
        pid = await reading_started(app, pilot)
        await pilot.press("ctrl+c")
        for _ in range(100):
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
        assert app.return_code == 0
    assert gone(pid)


async def test_esc_stops_the_reading_and_the_keys_typed_for_it_go(
    slow_issues: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsechild, "command", lambda *_: SLEEPER)
    app = app_for(slow_issues, "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = where(app)
        await pilot.press("right_curly_bracket")
        pid = await reading_started(app, pilot)
        await pilot.press("J", "J", "escape")
        assert gone(pid)
        await pilot.pause(0.2)
        assert status(app) == "Stopped reading xuhui/2025-03-28."
        assert where(app) == before  # the Js were for the issue that did not open
        await pilot.press("J")  # the screen takes keys again
        assert where(app) != before


def wrapped(delay: float) -> list[str]:
    """A command that waits `delay` seconds, then runs the real child."""
    return ["sh", "-c", f'sleep {delay}; exec "$@"', "sh"]


def ended(app: ReaderApp) -> tuple[Where, str | None, int | None]:
    """Where the reader is, and its search: the query and the current hit."""
    return where(app), app.main.finder.query_text, app.main.finder.walk.index


async def ends_after(
    app: ReaderApp, pilot: Pilot[None], keys: list[str]
) -> tuple[Where, str | None, int | None]:
    await settle(app, pilot)
    burst(app, keys)
    for _ in range(600):
        await pilot.pause(0.05)
        if app.main.slow.process is None and not app.main.slow.holding:
            break
    await settle(app, pilot)
    return ended(app)


@pytest.mark.parametrize(
    "keys",
    [
        ["right_curly_bracket", "J", "J", "right_square_bracket"],
        ["right_curly_bracket", "right_square_bracket", "left_curly_bracket", "J"],
        ["right_curly_bracket", "tab", "j", "j", "enter"],
        ["g", *"2025-03-28", "enter", "]", "slash", "徐", "汇", "enter", "n", "n", "N"],
    ],
)
async def test_keys_typed_while_an_issue_is_read_apply_to_it_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys: list[str]
) -> None:
    """The same keys in a burst, with every issue read by a child that takes a second
    to start, end where they end pressed slowly with every issue read at once."""
    make_library(tmp_path / "lib", ISSUES)
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "fresh-cache"))
    app = app_for(tmp_path / "lib", "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        expected = ended(app)
    real = parsechild.command
    monkeypatch.setattr(parsechild, "SLOW", 100)
    monkeypatch.setattr(parsechild, "command", lambda *a: [*wrapped(1.0), *real(*a)])
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "other-cache"))  # nothing parsed
    app = app_for(tmp_path / "lib", "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        got = await ends_after(app, pilot, keys)
    assert got == expected


async def test_an_issue_the_child_cannot_read_is_read_here_as_before(
    slow_issues: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child that fails (no Python to run, the folder gone): the issue is read in
    the screen's process, and what is wrong said as it was."""
    monkeypatch.setattr(parsechild, "command", lambda *_: [sys.executable, "-c", "exit(2)"])
    app = app_for(slow_issues, "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_curly_bracket")
        for _ in range(200):
            await settle(app, pilot)
            if not app.main.slow.holding:
                break
        assert app.main.opened is not None and app.main.opened.issue.key == "2025-03-28"
        assert len(app.main.opened.pages) == 3


def test_the_child_hands_over_the_pages_the_screen_parses(
    slow_issues: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's records give the issue `load_issue` gives; a page that cannot be read
    comes as its message; a record cut off ends the reading (those pages read here)."""
    import subprocess

    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "cache"))
    (slow_issues / "xuhui" / "2025-03-28" / "02.txt").write_bytes(b"\xff\xfe\x00bad" * 10)
    library = Library(slow_issues)
    issue = library.issue("xuhui", "2025-03-28")
    run = parsechild.command(library, issue)
    done = subprocess.run(run, capture_output=True, env=parsechild.child_env(), check=True)
    given = parsechild.read_pages(done.stdout, issue)
    assert sorted(given) == [1, 2, 3]
    here = session.load_issue(library, issue)
    there = session.load_issue(library, issue, given=given)
    assert there == here
    assert parsechild.read_pages(done.stdout[:-5], issue).keys() == {1, 2}


def test_the_child_says_a_missing_issue_in_one_line(tmp_path: Path) -> None:
    import subprocess

    library = Library(make_library(tmp_path / "lib", ISSUES))
    issue = library.issue("xuhui", "2025-03-28")
    run = parsechild.command(library, issue)
    (tmp_path / "lib" / "xuhui" / "2025-03-28").rename(tmp_path / "elsewhere")
    done = subprocess.run(run, capture_output=True, text=True, env=parsechild.child_env())
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("reader: ") and done.stderr.count("\n") == 1


# Under tmux, the installed reader on an issue that really parses slowly.

RNG = random.Random(26)
HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def spaced_heads(count: int) -> str:
    """A page of `count` spaced heads with subtitles: the slowest shape found (1 MB/s)."""

    def words(low: int, high: int) -> str:
        return "".join(RNG.choice(HAN) for _ in range(RNG.randint(low, high)))

    return "".join(
        " ".join(words(4, 4)) + " ——" + words(8, 12) + "\n" + words(20, 24) + "。\n"
        for _ in range(count)
    )


def heavy_library(root: Path, pages: int) -> Path:
    """The sample as the newest issue; the one before it `pages` pages of 0.6 MB of
    spaced heads (0.7 s of parse a page here at the least)."""
    make_library(root, [("2025-03-28", 1)])
    folder = root / "xuhui" / "2025-03-21"
    folder.mkdir()
    page = spaced_heads(5000).encode()
    for number in range(1, pages + 1):
        (folder / f"{number:02d}.txt").write_bytes(page)
    return root


def reader_on(library: Path) -> Terminal:
    """The installed reader on `library` in a 100x30 tmux window, at the sample's lead."""
    if TMUX is None or not READER.exists():
        pytest.skip("needs tmux and the installed reader script")
    term = Terminal(socket_name("slowload"))
    env = {name: os.environ[name] for name in ("READER_DATA_DIR", "READER_CACHE_DIR")}
    env |= {"READER_CONFIG": os.environ["READER_CONFIG"], "TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    reader = f"{shlex.quote(str(READER))} --library {shlex.quote(str(library))}"
    shell = f"env {UNSET} {exports} {reader}; echo reader-exited-$?; sleep 30"
    term.tmux("new-session", "-d", "-s", "smoke", "-x", "100", "-y", "30", shell)
    return term


def test_the_terminal_answers_q_while_a_slow_issue_is_read(tmp_path: Path) -> None:
    """`{` into the slow issue, then `q`: the shell's prompt comes back at once (before,
    after the whole parse: seven seconds at the least, minutes at load 50)."""
    term = reader_on(heavy_library(tmp_path / "lib", 10))
    try:
        term.wait_for("article 4 of 6")
        term.keys("{")
        term.wait_for("Reading xuhui/2025-03-21: 10 pages", timeout=10)
        started = time.monotonic()
        term.keys("q")
        term.wait_for("reader-exited-0", timeout=60)
        assert time.monotonic() - started < 3.0
    finally:
        term.tmux("kill-server")


def test_the_terminal_shows_the_slow_issue_and_a_key_typed_meanwhile(tmp_path: Path) -> None:
    """`{` then `]`: the slow issue opens, and the `]` typed while it was read turns its page."""
    term = reader_on(heavy_library(tmp_path / "lib", 2))
    try:
        term.wait_for("article 4 of 6")
        term.keys("{")
        term.keys("]")
        term.wait_for("page 2 of 2", timeout=120)
        term.keys("q")
        term.wait_for("reader-exited-0", timeout=20)
    finally:
        term.tmux("kill-server")
