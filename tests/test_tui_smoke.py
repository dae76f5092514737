"""Smoke test: the installed `reader` in a real terminal (tmux): open, keys, search, quit."""

from __future__ import annotations

import itertools
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
# COLUMNS and LINES, if the test runner set them, would pin the terminal size; the
# locale would change the interface's language.
UNSET = "-u COLUMNS -u LINES -u LANG -u LC_ALL -u LC_MESSAGES"
READER = Path(sys.executable).parent / "reader"

pytestmark = pytest.mark.skipif(
    TMUX is None or not READER.exists(), reason="needs tmux and the installed reader script"
)


class Terminal:
    """One tmux server on a private socket, one window running a command."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        command = [TMUX, "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "smoke")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on:\n{screen}")
            time.sleep(0.05)

    def wait_gone(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen():
            assert time.monotonic() < deadline, f"{text!r} stayed on screen"
            time.sleep(0.05)

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "smoke", *(["-l"] if literal else []), *keys)


# One socket per terminal: a server that `kill-server` has told to exit may still
# be there when the next test starts one on the same socket ("server exited
# unexpectedly", the new session fails).
SOCKETS = itertools.count()


def socket_name(kind: str) -> str:
    """A tmux socket no other terminal of this run has used."""
    return f"reader-{kind}-{os.getpid()}-{next(SOCKETS)}"


def reader_in_tmux(library: Path, kind: str) -> Iterator[Terminal]:
    """The installed reader on `library` in a 100x30 tmux window, at its lead story; the
    window prints `reader-exited-N` when it ends."""
    if TMUX is None or not READER.exists():
        pytest.skip("needs tmux and the installed reader script")
    term = Terminal(socket_name(kind))
    env = {name: os.environ[name] for name in ("READER_DATA_DIR", "READER_CACHE_DIR")}
    env |= {"READER_CONFIG": os.environ["READER_CONFIG"], "TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    reader = f"{shlex.quote(str(READER))} --library {shlex.quote(str(library))}"
    shell = f"env {UNSET} {exports} {reader}; echo reader-exited-$?; sleep 30"
    term.tmux("new-session", "-d", "-s", "smoke", "-x", "100", "-y", "30", shell)
    term.wait_for("article 4 of 6")
    yield term
    term.tmux("kill-server")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(socket_name("smoke"))
    yield term
    subprocess.run([TMUX or "tmux", "-L", term.socket, "kill-server"], capture_output=True)


def test_reader_runs_in_a_real_terminal(terminal: Terminal, library: Path) -> None:
    env = {name: os.environ[name] for name in ("READER_DATA_DIR", "READER_CACHE_DIR")}
    env |= {"READER_CONFIG": os.environ["READER_CONFIG"], "TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    reader = f"{shlex.quote(str(READER))} --library {shlex.quote(str(library))}"
    command = f"env {UNSET} {exports} {reader}"
    shell = f"{command}; echo reader-exited-$?; sleep 30"
    terminal.tmux("new-session", "-d", "-s", "smoke", "-x", "100", "-y", "30", shell)
    # tmux may start the command before the window takes its size: wait for 100 columns.
    screen = terminal.wait_for(" " * 70 + "? help  / search  q quit")
    screen = terminal.wait_for("倪修龙")
    assert "徐汇报" in screen and "page 1 of 1" in screen and "Headlines" in screen
    # The lead story, by page and place; its id one key away.
    terminal.wait_for("第1版 · article 4 of 6")
    terminal.keys("i")
    terminal.wait_for("Id: xuhui/sample/01/4")
    terminal.keys("?")
    terminal.wait_for("reader: keys")
    terminal.keys("Escape")
    # A lone Esc is told from Alt+key by a pause: wait before the next key.
    terminal.wait_gone("reader: keys")
    terminal.keys("/")
    terminal.wait_for("search this issue")
    terminal.keys("数据", literal=True)
    terminal.keys("Enter")
    terminal.wait_for("28 hits")
    terminal.keys("Enter")
    terminal.wait_for("1/28")
    terminal.keys("n")
    terminal.wait_for("2/28")
    terminal.keys("q")
    terminal.wait_for("reader-exited-0")
