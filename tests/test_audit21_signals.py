"""A signal to the whole process group of `reader index` ends it; it does not hang it.

A closed SSH session hangs up the terminal, and the kernel sends SIGHUP to its
whole foreground process group; `timeout 600 reader index` in a cron job, `kill
-- -PGID` and a service manager's stop send SIGTERM to the group. The index
build's worker processes took the default action and died, one of them holding a
lock of the pool's queues (an idle worker waits for its next page holding the
task queue's): the build said `interrupted`, then waited for that lock for ever,
its index's `-journal` beside it (4 hangs in 4 tries, 3.5-5 s into a 160-page
build, both signals). The workers now run in a process group of their own, so a
signal meant for the command reaches the command, which ends them itself.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clirun import signal_running
from corpuslib import corpus_lines, make_library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 pages of 60 paragraphs: seconds to index, its workers busy when the signal comes."""
    return make_library(tmp_path_factory.mktemp("group"), corpus_lines(18000), per_page=60)


def command() -> list[str]:
    script = Path(sys.executable).parent / "reader"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def children(pid: int) -> list[tuple[int, int]]:
    """The processes whose parent is `pid`, each with its CPU ticks (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append((int(entry.name), int(fields[11]) + int(fields[12])))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def _as_a_background_job() -> None:
    os.setsid()  # its own session and group, as a session's job is
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell starts `reader index &`


@pytest.mark.parametrize("background", [False, True])
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_to_the_process_group_ends_an_index_build(
    library: Path, tmp_path: Path, signum: int, background: bool
) -> None:
    log = tmp_path / "err"
    with log.open("wb") as err:
        proc = subprocess.Popen(
            [*command(), "--library", str(library), "index", "--rebuild"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=not background,  # its own group, as a session's job is
            preexec_fn=_as_a_background_job if background else None,
        )
    try:
        deadline = time.monotonic() + 120
        # Workers that have segmented pages (30 ticks of CPU between them): an idle
        # one then holds the task queue's lock as it waits for the next page.
        while sum(ticks for _, ticks in children(proc.pid)) < 30 and proc.poll() is None:
            assert time.monotonic() < deadline, "no index workers started"
            time.sleep(0.01)
        if not signal_running(proc, signum, group=True):
            pytest.skip("the build ended before its workers were seen")
        code = proc.wait(timeout=120)  # a hang, not a speed
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert code == 128 + signum, log.read_text()
    assert log.read_text() == "reader: interrupted\n"
    assert not (library / ".reader" / "index.sqlite-journal").exists()
