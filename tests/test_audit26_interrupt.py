"""The bare `reader` stopped by Ctrl-C before its screen says so, as every command does.

audit25 left it: `reader` reads a start issue too big to parse at once before the
screen (`session.parse_start_beside`, saying so on stderr, `Ctrl-C stops`); Ctrl-C then
ended it with exit 130 and no word, where `reader read` and every other command end
with `reader: interrupted`.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest
from test_audit26_slowload import spaced_heads
from test_tui_smoke import READER, TMUX, UNSET, Terminal, socket_name
from tui_scenes import make_library

from reader.cli import entry
from reader.tui import launch


def test_the_bare_reader_says_it_was_interrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(launch, "open_reader", interrupted)
    assert entry.open_bare(str(make_library(tmp_path, [("2025-03-28", 1)]))) == 130
    assert capsys.readouterr().err == "reader: interrupted\n"


def test_ctrl_c_while_a_heavy_start_is_read_says_interrupted(tmp_path: Path) -> None:
    """In a terminal: the start issue's 5 MB of slow page text, Ctrl-C while it is read."""
    if TMUX is None or not READER.exists():
        pytest.skip("needs tmux and the installed reader script")
    folder = tmp_path / "lib" / "xuhui" / "2025-03-28"
    folder.mkdir(parents=True)
    page = spaced_heads(5000).encode()
    for number in range(1, 9):
        (folder / f"{number:02d}.txt").write_bytes(page)
    term = Terminal(socket_name("interrupt"))
    env = {name: os.environ[name] for name in ("READER_DATA_DIR", "READER_CACHE_DIR")}
    env |= {"READER_CONFIG": os.environ["READER_CONFIG"], "TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    reader = f"{shlex.quote(str(READER))} --library {shlex.quote(str(tmp_path / 'lib'))}"
    shell = f"env {UNSET} {exports} {reader}; echo reader-exited-$?; sleep 30"
    term.tmux("new-session", "-d", "-s", "smoke", "-x", "100", "-y", "30", shell)
    try:
        term.wait_for("(Ctrl-C stops)")
        term.keys("C-c")
        screen = term.wait_for("reader-exited-", timeout=30)
        assert "reader: interrupted" in screen
        assert "reader-exited-130" in screen
        assert "Traceback" not in screen
    finally:
        term.tmux("kill-server")
