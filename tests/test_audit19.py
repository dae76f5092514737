"""Audit 19: DESIGN.md's fixed names, codes and paths, as a second user and a checker meet them.

Real processes. Where a check needs a user who is not root (root reads every file),
the test runs `reader` as nobody through `setpriv` when this machine lets it, and as
itself when it is not root; it is skipped only where neither is possible.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"
NOBODY = 65534


@pytest.fixture
def open_dir() -> Iterator[Path]:
    """A folder any user can reach (the tests' own temp dir is private to root)."""
    top = Path(tempfile.mkdtemp(prefix="reader-audit19-", dir="/tmp"))
    os.chmod(top, 0o755)
    try:
        yield top
    finally:
        shutil.rmtree(top, ignore_errors=True)


def other_user(top: Path) -> tuple[list[str], dict[str, str]]:
    """The prefix and environment that run `reader` as a user who is not root."""
    home = top / "home"
    home.mkdir()
    os.chmod(home, 0o777)
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    command = [sys.executable, "-m", "reader"]
    if os.geteuid() != 0:
        return command, {**os.environ, **env}
    if not shutil.which("setpriv"):
        pytest.skip("root, and no setpriv to become another user")
    pairs = [f"{k}={v}" for k, v in env.items()]
    setpriv = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = subprocess.run(
        ["env", "-i", *pairs, *setpriv, sys.executable, "-c", "import reader"],
        capture_output=True,
        cwd="/",
    )
    if probe.returncode:
        pytest.skip("nobody cannot run this checkout's reader")
    return ["env", "-i", *pairs, *setpriv, *command], {}


def run(prefix: list[str], env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, *args], capture_output=True, text=True, timeout=120, env=env or None, cwd="/"
    )


def test_an_unreadable_page_is_permission_denied_for_parse_and_import(open_dir: Path) -> None:
    """`reader parse` and `reader import` of a page this user may not read said click's
    "Invalid value for 'FILE': Path '…' is not readable. (see reader parse --help)", a
    usage error, where every other command says "<path>: permission denied"
    (tests/test_error_shapes.py's test, skipped as root, failed as a user)."""
    page = open_dir / "01.txt"
    page.write_bytes(SAMPLE.read_bytes())
    page.chmod(0)
    prefix, env = other_user(open_dir)
    library = open_dir / "home" / "lib"
    for args in (
        ("parse", str(page)),
        ("--library", str(library), "import", str(page), "--paper", "p", "--issue", "2025-01-01"),
    ):
        done = run(prefix, env, *args)
        assert done.returncode == 2, done.stderr
        assert done.stderr == f"reader: {page}: permission denied\n", done.stderr
        assert done.stdout == ""
    assert not library.exists()


# The reader (DESIGN 7): keys after a search in a library with no issues.


async def test_keys_after_a_search_in_an_empty_library_still_count(tmp_path: Path) -> None:
    """`/ 经济 Enter` in a library with no issues held every key typed after the Enter
    for hits that never came (no issue, no search): Esc did not close the line and `q`
    did not quit; only Ctrl+C ended the reader (found under tmux, 80x24 and 40x12)."""
    from test_tui12_bursts import quit_seen
    from test_tui_burst import burst
    from tui_scenes import app_for, settle

    (tmp_path / "xw").mkdir()
    (tmp_path / "xw" / "paper.toml").write_text('name = "新闻"\n', encoding="utf-8")
    for slow in (True, False):
        app = app_for(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            keys = ["slash", "x", "enter", "escape"]
            if slow:
                for key in keys:
                    await pilot.press(key)
                    await settle(app, pilot)
            else:
                burst(app, ["/", "x", "enter", "escape"])
                await settle(app, pilot)
            panel = app.query_one("#search")
            assert not panel.display, slow
            burst(app, ["q"])
            await quit_seen(app, pilot)
        assert app.return_code == 0, slow


@pytest.fixture(scope="module")
def two_papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two papers of three 4-page issues, from the corpus."""
    from corpuslib import CORPUS, corpus_lines, make_library

    if not CORPUS.exists():
        pytest.skip("shared/corpus is not beside the repo")
    root = tmp_path_factory.mktemp("papers")
    lines = corpus_lines(288)
    make_library(root, lines[:144], paper="rmrb", name="人民日报", per_page=12, pages_per_issue=4)
    make_library(root, lines[144:], paper="gmrb", name="光明日报", per_page=12, pages_per_issue=4)
    return root


@pytest.mark.parametrize("after", [["J"], ["J", "J"], ["space"], ["]"], ["K", "n"]])
async def test_a_key_right_after_n_moves_from_the_hit_n_went_to(
    two_papers: Path, after: list[str]
) -> None:
    """`n J` typed fast (under tmux: `reader read ID --search 经济`, then `] n J`) ended on
    the hit: `n` announced its hit in a message, which the queued `J` overtook, so the
    `J` moved from the old place and the jump then undid it. Slowly, J went on from the
    hit."""
    from test_tui_burst import burst, ends
    from tui_scenes import app_for, settle

    results = []
    for slow in (True, False):
        app = app_for(two_papers, "gmrb/1998-01-01/02/10", search="经济")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("right_square_bracket")
            await settle(app, pilot)
            keys = ["n", *after]
            if slow:
                results.append(await ends(app, pilot, keys, slow=True))
            else:
                burst(app, keys)
                await settle(app, pilot)
                results.append(await ends(app, pilot, [], slow=False))
    assert results[0] == results[1]


def test_an_enter_typed_while_the_reader_starts_stays_enter(two_papers: Path) -> None:
    """Keys typed while the reader started (a second and more of imports before Textual
    took the terminal) met the terminal's line discipline, which turns a carriage
    return into a line feed: `/经济⏎` left the query unsearched in the search line
    (Textual read the Enter as Ctrl+J) and every key after it went into the query.

    The reader turns that translation (ICRNL) off as it starts, before Textual's raw
    mode. The test types the search in that window: once ICRNL is off while the
    terminal is still in line mode (ICANON), as a person typing ahead would.
    """
    import termios

    from test_tui_smoke import READER, TMUX, UNSET, Terminal, socket_name

    if TMUX is None or not READER.exists():
        pytest.skip("needs tmux and the installed reader script")
    term = Terminal(socket_name("typeahead"))
    work = two_papers.parent / "typeahead"
    work.mkdir(exist_ok=True)
    env = f"READER_DATA_DIR={work / 'data'} READER_CONFIG={work / 'none.toml'}"
    command = f"env {UNSET} {env} {READER} --library {two_papers}"
    try:
        go = work / "go"
        go.unlink(missing_ok=True)
        wait = f"while [ ! -e {go} ]; do sleep 0.01; done; exec {command}"
        term.tmux("new-session", "-d", "-s", "smoke", "-x", "80", "-y", "24", wait)
        tty = term.tmux("display", "-p", "-t", "smoke", "#{pane_tty}").strip()
        fd = os.open(tty, os.O_RDWR | os.O_NOCTTY)
        try:
            go.touch()  # the reader starts now
            seen = None
            deadline = time.monotonic() + 120  # only if it never comes
            while seen is None and time.monotonic() < deadline:
                iflag, _o, _c, lflag = termios.tcgetattr(fd)[:4]
                if not iflag & termios.ICRNL:  # the condition waited for
                    seen = bool(lflag & termios.ICANON)
                time.sleep(0.001)
            assert seen is not None, "ICRNL never went off"
        finally:
            os.close(fd)
        assert seen, "ICRNL went off only with raw mode: an Enter typed before is a line feed"
        term.keys("/")
        term.keys("经济", literal=True)
        term.keys("Enter")
        term.wait_for("hits for 经济", timeout=60)
        term.keys("q")
    finally:
        subprocess.run([TMUX or "tmux", "-L", term.socket, "kill-server"], capture_output=True)


def test_a_shared_index_with_no_version_yet_is_said_to_be_building(tmp_path: Path) -> None:
    """audit19: while the owner's first `reader index` runs, the index has its tables and
    no record of its version; a user's search said "built by another version of reader
    (schema ?, …)", which sends them looking for a version that is not there."""
    from reader.library import Library
    from reader.search import shared, store

    found = shared.plan(Library(tmp_path), {}, store.stale_versions({}, segmenter=False))
    assert found.problem == "the shared index is still being built by its owner"
    have = dict(store.versions(False)) | {"schema": "1"}
    older = shared.plan(Library(tmp_path), have, store.stale_versions(have, segmenter=False))
    assert older.problem is not None and "another version of reader (schema 1" in older.problem
