"""A first start parses its issue in a child process while the reader imports Textual
(DESIGN section 8): the reader itself never imports the parser on the way to its first
frame, the frame has the same pages, and nothing is lost when the child cannot help."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tui_scenes import count_listings, make_library

from reader import startup
from reader.library import Library
from reader.state import state_file
from reader.tui import pagecache, session

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def _two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two cores and one of them idle, whatever the machine running the test has."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.5, 0.5, 0.5), raising=False)


@needs_fork
def test_the_work_runs_in_a_child_and_the_wait_reaps_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_cores(monkeypatch)
    mark = tmp_path / "done"
    wait = startup.beside(lambda: mark.write_text(str(os.getpid())))
    wait()
    assert mark.read_text() != str(os.getpid())  # written, by another process
    wait()  # a second wait is harmless
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind


@needs_fork
def test_an_error_in_the_child_stays_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _two_cores(monkeypatch)

    def fails() -> None:
        raise RuntimeError("in the child")

    startup.beside(fails)()  # neither raised here nor a second copy of this test running on


@needs_fork
def test_ctrl_c_ends_the_child_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C reaches the whole process group: the child ends by it, without a word
    and without running the parent's code on (its "interrupted", its terminal restored)."""
    _two_cores(monkeypatch)
    handler, blocked = signal.getsignal(signal.SIGINT), signal.pthread_sigmask(signal.SIG_BLOCK, [])
    started, mark = tmp_path / "pid", tmp_path / "done"

    def slow() -> None:
        started.write_text(str(os.getpid()))
        time.sleep(20)
        mark.write_text("ran on")

    begun = time.monotonic()
    wait = startup.beside(slow)
    while not started.exists() or not started.read_text():
        time.sleep(0.01)
    os.kill(int(started.read_text()), signal.SIGINT)
    wait()
    assert time.monotonic() - begun < 10 and not mark.exists()
    assert signal.getsignal(signal.SIGINT) is handler  # the parent's own is untouched
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == blocked  # nothing left blocked


def test_with_one_core_nothing_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    mark = tmp_path / "done"
    startup.beside(lambda: mark.write_text("ran"))()
    assert not mark.exists()  # the caller does the work when it needs it


def test_with_no_core_to_spare_nothing_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every core busy: a child only shares the reader's cores; the reader parses."""
    _two_cores(monkeypatch)
    monkeypatch.setattr(os, "getloadavg", lambda: (1.5, 0.2, 0.2), raising=False)
    mark = tmp_path / "done"
    startup.beside(lambda: mark.write_text("ran"))()
    assert not mark.exists()


_FIRST_START = """
import os, sys
from pathlib import Path
os.sched_getaffinity = lambda _pid: {{0, 1}}
os.getloadavg = lambda: (0.5, 0.5, 0.5)
from reader.library import Library
from reader.state import state_file
from reader.tui import session
lib = Library(Path({root!r}))
state = state_file(lib.root)
started = session.parse_start_beside(lib, None, state)
loaded = session.read_start(lib, None, state)
again = session.parse_start_beside(lib, None, state)
pages = loaded.opened.pages
print(started, again, len(pages), sum(len(p.items) for p in pages),
      "reader.parse.stories" in sys.modules)
"""


@needs_fork
def test_a_first_start_has_its_pages_parsed_by_the_child(library: Path) -> None:
    """No page cached: the child parses them, the reader reads them without the
    parser; once cached, no child is started again."""
    code = _FIRST_START.format(root=str(library))
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lib = Library(library)
    parsed = session.load_issue(lib, lib.issue("xuhui", "sample")).pages
    count = sum(len(p.items) for p in parsed)
    assert count > 0
    assert run.stdout.split() == ["True", "False", str(len(parsed)), str(count), "False"]


def test_the_start_chosen_ahead_is_the_one_opened_without_a_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no saved place the latest issue is found without listing the library
    (`Library.newest_issue`): the choice made for the child is the one the screen
    opens, not made again."""
    root = make_library(tmp_path, [("2025-03-21", 1), ("2025-03-28", 2)])
    monkeypatch.setattr(session, "parse_beside", lambda _lib, _issue: False)
    scans = count_listings(monkeypatch)
    lib = Library(root)
    state = state_file(root)
    session.parse_start_beside(lib, None, state)
    loaded = session.read_start(lib, None, state)
    assert scans == []
    assert loaded.opened is not None and loaded.opened.issue.key == "2025-03-28"
    assert loaded.issues is None


def test_a_child_that_did_nothing_costs_only_the_parse(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child that failed (or never ran) leaves the pages to be parsed here, as before."""
    waited: list[bool] = []

    def idle(_work: object) -> object:
        return lambda: waited.append(True)

    monkeypatch.setattr(startup, "beside", idle)
    lib = Library(library)
    state = state_file(library)
    assert session.parse_start_beside(lib, None, state)
    loaded = session.read_start(lib, None, state)
    assert waited == [True]  # the page was read only after the wait
    assert loaded.opened is not None
    fresh = Library(library)
    issue = fresh.issue("xuhui", "sample")
    assert loaded.opened.pages == session.load_issue(fresh, issue).pages
    assert pagecache._in_cache(issue, 1)  # parsed here and kept


def test_the_child_starts_before_textual_is_imported(library: Path) -> None:
    """The overlap is the point: forked after Textual's imports it would have none."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reader.library import Library\n"
        "from reader.tui import launch, session\n"
        "seen = []\n"
        "session.parse_start_beside = lambda *a: seen.append('textual' in sys.modules)\n"
        f"launch.build_app(Library(Path({str(library)!r})), parse_ahead=True)\n"
        "print(seen)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[False]"


def test_no_child_when_the_cache_cannot_be_written(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its parse would be lost: the reader parses the pages itself, at once."""
    blocked = library.parent / "blocked"
    blocked.write_text("a file where the cache dir should be")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocked / "cache"))
    monkeypatch.setattr(startup, "beside", lambda _work: pytest.fail("forked"))
    lib = Library(library)
    assert not pagecache.parse_beside(lib, lib.issue("xuhui", "sample"))
