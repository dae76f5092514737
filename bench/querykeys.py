"""Keys per second into the search line (`/`): a paste typed as keys, base against branch.

Each run is a child process with its own code (`--base DIR` holds a `reader/` package,
as `git archive REV reader | tar -x -C DIR` makes it; the branch is this tree). The
child opens the sample issue headless at 100x30, presses `/`, queues N printable keys
at once (what a terminal delivers for an unbracketed paste: `tmux paste-buffer`
without `-p`), and times them until the query line holds all N; then one bracketed
paste of the same N characters (one `Paste` event, `paste-buffer -p`) into an empty
line; then Enter, until the search has answered. Wall and CPU of the child (its
`time.process_time`); base and branch alternate, so both see the same load.

`--tmux` runs the reader itself under tmux (`-L bench-querykeys`, 100x30) and pastes with
`paste-buffer` (keys) and `paste-buffer -p` (bracketed), timing until the query
line's last characters show (the screen polled every 50 ms).

    python bench/querykeys.py [--keys 1000 3000 9000] [--runs 3] [--base DIR] [--tmux]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "issues"
TEXT = "数据经济abc，"
MARK = "终止符"
PASTED = "粘贴完"


def text_of(count: int, mark: str = MARK) -> str:
    """`count` characters of Chinese, Latin and punctuation, the last three `mark`."""
    return (TEXT * (count // len(TEXT) + 1))[: count - len(mark)] + mark


async def until(done: Callable[[], bool], timeout: float = 900) -> None:
    """Wait for `done()`; a run that never gets there is an error, not a figure."""
    start = time.perf_counter()
    while not done():
        if time.perf_counter() - start > timeout:
            raise SystemExit("the query line never held the text")
        await asyncio.sleep(0.005)


async def child(count: int, library: Path) -> dict[str, float]:
    """Time N keys, then one paste of N characters, into the query line (headless)."""
    from textual import events
    from textual.keys import _character_to_key
    from textual.widgets import Input

    from reader.library import Library
    from reader.tui.launch import build_app

    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL")}
    app = build_app(Library(library), None, env=env)
    text = text_of(count)
    out: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(30):
            await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        box = app.query_one("#query", Input)
        driver = app._driver
        assert driver is not None
        wall, cpu = time.perf_counter(), time.process_time()
        for char in text:
            name = char if char.isalnum() else _character_to_key(char)
            key = events.Key(name, char)
            key.set_sender(app)
            driver.send_message(key)
        await until(lambda: box.value == text)
        out["keys_wall"] = time.perf_counter() - wall
        out["keys_cpu"] = time.process_time() - cpu
        box.value = ""
        await pilot.pause()
        wall, cpu = time.perf_counter(), time.process_time()
        paste = events.Paste(text)
        paste.set_sender(app)
        driver.send_message(paste)
        await until(lambda: box.value == text)
        out["paste_wall"] = time.perf_counter() - wall
        out["paste_cpu"] = time.process_time() - cpu
        wall = time.perf_counter()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        out["enter_wall"] = time.perf_counter() - wall
    return out


def run_child(code: Path, count: int, library: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(code))
    for name in ("READER_DATA_DIR", "READER_CACHE_DIR"):
        env[name] = tempfile.mkdtemp(prefix="typing-")
    env["READER_CONFIG"] = str(Path(env["READER_DATA_DIR"]) / "none.toml")
    command = [sys.executable, __file__, "--child", str(count), "--library", str(library)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(done.stderr)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


SOCKETS = itertools.count()


class Tmux:
    """The reader in a private tmux server, its screen polled."""

    def __init__(self, code: Path, library: Path) -> None:
        # A server told to exit may linger on its socket: a new socket each time.
        self.socket = f"bench-querykeys-{os.getpid()}-{next(SOCKETS)}"
        state = tempfile.mkdtemp(prefix="typing-")
        env = (
            f"env -u LANG -u LC_ALL PYTHONPATH={code} READER_DATA_DIR={state}/d "
            f"READER_CACHE_DIR={state}/c READER_CONFIG={state}/none.toml"
        )
        command = f"{env} {sys.executable} -m reader --library {library}; sleep 600"
        self.tmux("new-session", "-d", "-s", "b", "-x", "100", "-y", "30", command)

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def wait_for(self, text: str, timeout: float = 600) -> float:
        start = time.perf_counter()
        while text not in self.tmux("capture-pane", "-p", "-t", "b"):
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"{text!r} never showed")
            time.sleep(0.05)
        return time.perf_counter() - start

    def wait_gone(self, text: str, timeout: float = 600) -> None:
        start = time.perf_counter()
        while text in self.tmux("capture-pane", "-p", "-t", "b"):
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"{text!r} never went")
            time.sleep(0.05)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def run_tmux(code: Path, count: int, library: Path) -> dict[str, float]:
    """Time a paste of N keys, then a bracketed paste, into the reader under tmux."""
    term = Tmux(code, library)
    try:
        term.wait_for("/ search")
        term.wait_for("article 4 of 6")
        out = {}
        shown = "search this issue"  # the empty line's placeholder, then the last query
        for name, flags, mark in (("keys", [], MARK), ("paste", ["-p"], PASTED)):
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as file:
                file.write(text_of(count, mark))
                file.flush()
                term.tmux("load-buffer", file.name)
            term.tmux("send-keys", "-t", "b", "/")
            term.wait_for(shown)
            start = time.perf_counter()
            term.tmux("paste-buffer", *flags, "-t", "b")
            term.wait_for(mark)
            out[f"{name}_wall"] = time.perf_counter() - start
            term.tmux("send-keys", "-t", "b", "Escape")
            term.wait_gone(mark)
            shown = mark
        return out
    finally:
        term.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, nargs="+", default=[1000, 3000, 9000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--base", type=Path, help="a folder holding the base's reader/")
    parser.add_argument("--tmux", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--library", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(child(args.child, args.library))))
        return
    codes = {"branch": ROOT} | ({"base": args.base} if args.base else {})
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "issues"
        shutil.copytree(SAMPLE, library, ignore=shutil.ignore_patterns(".reader-sample"))
        run = run_tmux if args.tmux else run_child
        for count in args.keys:
            results: dict[str, list[dict[str, float]]] = {name: [] for name in codes}
            for _ in range(args.runs):
                for name, code in codes.items():
                    results[name].append(run(code, count, library))
            for name, rows in results.items():
                medians = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
                keys = count / medians["keys_wall"]
                shown = "  ".join(f"{k} {v:.2f} s" for k, v in medians.items())
                print(f"{name:6} {count:5} keys: {keys:7.0f} keys/s  {shown}", flush=True)


if __name__ == "__main__":
    main()
