"""The remembered state is read with a bound: a FIFO or /dev/zero in its place hangs nothing.

`reader search` in a terminal records its query in the state file (for `reader
read ID` to highlight), reading the file first; the reader reads it on start.
A FIFO there (or a symlink to /dev/zero) made both hang for ever.
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

import pytest

PAGE = " 徐汇率先完成全国首批公共数据资源登记\n 本报讯 数据资源登记工作已经完成。\n"


def _in_a_terminal(argv: list[str], env: dict[str, str], within: float) -> int | None:
    """Run `argv` on a pseudo-terminal; its exit code, or None if it did not end."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once
        os.environ.update(env)
        os.execv(argv[0], argv)
    deadline = time.monotonic() + within
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                with contextlib.suppress(OSError):  # the other end closed
                    os.read(fd, 65536)
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return None
    finally:
        os.close(fd)


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_search_in_a_terminal_ends_beside_a_fifo_state_file(tmp_path: Path, kind: str) -> None:
    library = tmp_path / "lib"
    (library / "p" / "2025-01-01").mkdir(parents=True)
    (library / "p" / "2025-01-01" / "01.txt").write_text(PAGE, encoding="utf-8")
    script = Path(sys.executable).parent / "reader"
    argv = [str(script), "--library", str(library), "search", "数据"]
    env = {"READER_DATA_DIR": str(tmp_path / "data"), "TERM": "xterm"}
    assert _in_a_terminal(argv, env, 60) == 0  # builds the index, records the query
    (state,) = (tmp_path / "data").rglob("*.json")
    state.unlink()
    if kind == "fifo":
        os.mkfifo(state)
    else:
        state.symlink_to("/dev/zero")
    assert _in_a_terminal(argv, env, 30) == 0, f"reader search hung on a {kind} state file"
