"""The `reader` command in a real process over a test library, as the audit tests run it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

PAGE = " 徐汇率先完成全国首批公共数据资源登记\n 本报讯 数据资源登记工作已经完成。\n"
"""A page of one story: a headline and a dateline paragraph."""


def reader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`reader --library LIBRARY ARGS...`, uncoloured, run beside the library."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
        cwd=library.parent,
        check=False,
    )


def signal_running(proc: subprocess.Popen[bytes], signum: int, group: bool = False) -> bool:
    """Send `signum` to `proc` (or to its process group) while it is surely running.

    The process (its group) is stopped first: if it has ended by then the signal
    would come too late, and False is said, for the caller to try again. A stopped
    process can finish nothing, so the signal, pending until it goes on, arrives in
    the middle of its work even when the machine is loaded and the test's own checks
    run late (a build that ended between `poll()` and the signal read as a signal
    ignored, under load 20).
    """
    send = (lambda sig: os.killpg(proc.pid, sig)) if group else proc.send_signal
    send(signal.SIGSTOP)
    try:
        if proc.poll() is not None:
            return False
        send(signum)
        return True
    finally:
        with contextlib.suppress(ProcessLookupError):  # (a group whose leader has ended)
            send(signal.SIGCONT)
