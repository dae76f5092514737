"""Ctrl+Z, then the shell's `fg`: the reader is drawn again (found by audit21, round 19).

Textual 8.2.8 gives the terminal back to the shell on Ctrl+Z and takes it again on
SIGCONT, but paints nothing: the screen stayed blank until a key was pressed.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_tui_smoke import READER, TMUX, UNSET, Terminal, socket_name
from tui_scenes import app_for, settle

BASH = shutil.which("bash")


@pytest.fixture
def shell(library: Path) -> Iterator[Terminal]:
    """An interactive shell in tmux with the reader started from it (job control on)."""
    if TMUX is None or BASH is None or not READER.exists():
        pytest.skip("needs tmux, bash and the installed reader script")
    term = Terminal(socket_name("resume"))
    env = {name: os.environ[name] for name in ("READER_DATA_DIR", "READER_CACHE_DIR")}
    env |= {"READER_CONFIG": os.environ["READER_CONFIG"], "TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    start = f"env {UNSET} {exports} PS1='$ ' {BASH} --norc --noprofile -i"
    term.tmux("new-session", "-d", "-s", "smoke", "-x", "100", "-y", "30", start)
    term.wait_for("$")
    reader = f"{shlex.quote(str(READER))} --library {shlex.quote(str(library))}"
    term.keys(reader, "Enter")
    term.wait_for("article 4 of 6")
    yield term
    term.tmux("kill-server")


def test_the_reader_is_drawn_again_after_ctrl_z_and_fg(shell: Terminal) -> None:
    # `}` lists the library at once (else a timer lists it after the first frame, and
    # that repaint, landing after `fg`, would hide a reader that paints nothing).
    shell.keys("}")
    shell.wait_for("No later issue.")
    shell.keys("C-z")
    shell.wait_gone("article 4 of 6")  # the shell's screen, the job stopped
    shell.wait_for("$")
    shell.keys("fg", "Enter")
    shell.wait_for("article 4 of 6")  # drawn without a key pressed
    shell.keys("q")
    shell.wait_gone("article 4 of 6")
    shell.keys("echo reader-exited-$?", "Enter")  # after `fg`, the job's own status
    shell.wait_for("reader-exited-0")


async def test_the_resume_signal_repaints_the_whole_screen(library: Path) -> None:
    """The hook itself, through Pilot: Textual publishes `app_resume_signal` on SIGCONT."""
    app = app_for(library, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        calls: list[dict[str, object]] = []
        real = app.refresh

        def refresh(*args: object, **kwargs: object) -> object:
            calls.append(kwargs)
            return real(*args, **kwargs)  # type: ignore[arg-type]

        app.refresh = refresh  # type: ignore[method-assign, assignment]
        app.app_resume_signal.publish(app)
        await pilot.pause()
        assert {"layout": True, "repaint": True} in calls
