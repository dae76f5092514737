"""Ctrl-C and `kill -9` during an index build: no hang, no traceback, no orphaned worker."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpuslib import corpus_lines, make_library

RUNS = int(os.environ.get("READER_INTERRUPT_RUNS", "3"))
"""Ctrl-C trials per test; the issue's bar is 20 (`READER_INTERRUPT_RUNS=20`)."""


@pytest.fixture(scope="module")
def big_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """800 pages: over a second to index on two cores, with worker processes."""
    return make_library(tmp_path_factory.mktemp("big"), corpus_lines(8000), per_page=10)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(n) for n in text.split()]


def _start_index(library: Path, stderr: Path) -> subprocess.Popen[bytes]:
    """`reader index --rebuild` in its own process group, as a shell runs a job."""
    with stderr.open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "reader", "--library", str(library), "index", "--rebuild"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )


def _wait_for_workers(proc: subprocess.Popen[bytes]) -> list[int]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if len(workers) >= 2:
            return workers
        time.sleep(0.01)
    pytest.fail("the index build started no worker processes")


def _group_gone(pgid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.02)
    return False


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir() or sys.platform != "linux", reason="reads /proc"
)


@needs_proc
def test_ctrl_c_during_index_ends_with_one_line_and_no_orphan(
    big_library: Path, tmp_path: Path
) -> None:
    rng = random.Random(10)
    for run in range(RUNS):
        log = tmp_path / f"stderr-{run}"
        proc = _start_index(big_library, log)
        try:
            _wait_for_workers(proc)
            time.sleep(rng.uniform(0.0, 0.6))
            os.killpg(proc.pid, signal.SIGINT)  # the terminal sends it to the whole job
            code = proc.wait(timeout=20)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
        gone = _group_gone(proc.pid, 5)
        if not gone:
            os.killpg(proc.pid, signal.SIGKILL)
        err = log.read_text()
        assert gone, f"run {run}: worker processes outlived `reader index`"
        assert "Traceback" not in err, f"run {run}: {err}"
        if code == 0:  # the build finished before the signal came
            continue
        assert code == 130, f"run {run}: exit {code}: {err}"
        assert err == "reader: interrupted\n", f"run {run}: {err!r}"


@needs_proc
def test_workers_end_quietly_when_the_index_build_is_killed(
    big_library: Path, tmp_path: Path
) -> None:
    for run in range(RUNS):
        log = tmp_path / f"stderr-{run}"
        proc = _start_index(big_library, log)
        try:
            _wait_for_workers(proc)
            time.sleep(0.2 * run)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
        gone = _group_gone(proc.pid, 5)
        if not gone:
            os.killpg(proc.pid, signal.SIGKILL)
        assert gone, f"run {run}: orphaned workers kept running"
        err = log.read_text()
        assert "Traceback" not in err and "Error" not in err, f"run {run}: {err}"


def test_ctrl_c_while_the_commands_load_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C in the first tenth of a second, while `reader.cli.main` imports: exit 130
    and one line, as a command's own handler ends it; it once printed a traceback."""
    import types

    from reader.cli import entry

    class Loading(types.ModuleType):
        def __getattr__(self, name: str) -> object:
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "reader.cli.main", Loading("reader.cli.main"))
    monkeypatch.setattr(sys, "argv", ["reader", "list"])
    with pytest.raises(SystemExit) as ended:
        entry.main()
    assert ended.value.code == 130
    assert capsys.readouterr().err == "reader: interrupted\n"
