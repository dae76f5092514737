"""Reader start-up in a real terminal: first paint against a one-widget Textual app, and memory.

Each command runs in a fresh tmux window (private socket, 100x30); the clock starts
just before tmux is asked to start it and stops when a marker shows on the screen,
polled with `capture-pane` every few milliseconds. The baseline is the smallest
Textual app (one Static) measured the same way, so the ratio is what DESIGN
section 8 budgets (reader within 1.5x). Memory is the resident set of the reader
process (VmRSS, and its peak VmHWM) with a generated library of `--issues` issues.

    python bench/startup.py [--runs 7] [--issues 300] [--pages 8]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PAGE = ROOT / "issues" / "xuhui" / "sample" / "01.txt"
READER = Path(sys.executable).parent / "reader"
DIRECT = (
    "import sys\n"
    "from pathlib import Path\n"
    "from reader.library import Library\n"
    "from reader.tui.launch import build_app\n"
    "build_app(Library(Path(sys.argv[1]))).run()\n"
)
BASELINE = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class One(App[None]):\n"
    "    def compose(self):\n"
    "        yield Static('baseline ready')\n"
    "One().run()\n"
)
SIZE = ("-x", "100", "-y", "30")


class Tmux:
    """A private tmux server: start a command, read its screen, find its process."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True).stdout

    def start(self, command: str) -> None:
        self.run("new-session", "-d", "-s", "bench", *SIZE, f"exec {command}")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "bench")

    def pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", "bench", "#{pane_pid}").strip())

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "bench", *keys)

    def wait(self, done: Callable[[str], bool], timeout: float = 60) -> float:
        """Seconds until `done(screen)`, polling as fast as tmux answers."""
        start = time.perf_counter()
        while True:
            if done(self.screen()):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"timed out; screen was:\n{self.screen()}")
            time.sleep(0.002)

    def stop(self) -> None:
        self.run("kill-server")


def shows(marker: str) -> Callable[[str], bool]:
    """A test for `Tmux.wait`: `marker` is on the screen."""
    return lambda screen: marker in screen


def top_line_is_not(old: str) -> Callable[[str], bool]:
    """A test for `Tmux.wait`: the title line changed (another issue is open)."""
    return lambda screen: screen.splitlines()[0] != old


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (10 ms resolution)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory(pid: int) -> tuple[float, float]:
    """Resident and peak resident memory of a process, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def make_library(root: Path, issues: int, pages: int) -> Path:
    """`issues` dated issues of `pages` pages each (the sample page's text)."""
    paper = root / "xuhui"
    paper.mkdir(parents=True)
    (paper / "paper.toml").write_text('name = "徐汇报"\n', encoding="utf-8")
    first = date(2024, 1, 1)
    for n in range(issues):
        folder = paper / (first + timedelta(days=n)).isoformat()
        folder.mkdir()
        for page in range(1, pages + 1):
            shutil.copyfile(SAMPLE_PAGE, folder / f"{page:02d}.txt")
    return root


def environment(work: Path) -> str:
    """Variables for the measured command: throwaway state, no user config."""
    env = {
        "READER_DATA_DIR": str(work / "data"),
        "READER_CACHE_DIR": str(work / "cache"),
        "READER_CONFIG": str(work / "none.toml"),
        "TERM": "xterm-256color",
    }
    return "env -u COLUMNS -u LINES -u NO_COLOR -u TEXTUAL_THEME " + " ".join(
        f"{k}={shlex.quote(v)}" for k, v in env.items()
    )


def first_paint(
    commands: list[tuple[str, str]], runs: int, work: Path
) -> list[list[tuple[float, float]]]:
    """(wall, CPU) seconds to each (command, marker) on screen, runs interleaved.

    Wall time is what a person sees, but on a shared machine it swings with the
    load; the CPU time the process used until then hardly does.
    """
    times: list[list[tuple[float, float]]] = [[] for _ in commands]
    for run in range(runs):
        for index, (command, marker) in enumerate(commands):
            tmux = Tmux(f"reader-bench-{os.getpid()}-{run}-{index}")
            try:
                tmux.start(f"{environment(work)} {command}")
                wall = tmux.wait(shows(marker))
                times[index].append((wall, cpu_seconds(tmux.pid())))
            finally:
                tmux.stop()
    return times


def browse_memory(library: Path, work: Path, steps: int) -> list[tuple[str, float, float]]:
    """RSS of the reader after opening, after `steps` issues back, after a search."""
    tmux = Tmux(f"reader-bench-{os.getpid()}-mem")
    out = []
    try:
        tmux.start(f"{environment(work)} {READER} --library {shlex.quote(str(library))}")
        tmux.wait(shows("page 1 of"))
        pid = tmux.pid()
        out.append(("opened the latest issue", *memory(pid)))
        for _ in range(steps):
            before = tmux.screen().splitlines()[0]
            tmux.keys("{")
            tmux.wait(top_line_is_not(before))
        tmux.keys("]", "]", "]")
        time.sleep(0.5)
        out.append((f"after {steps} issues back and 3 pages on", *memory(pid)))
        tmux.keys("/")
        tmux.wait(shows("search this issue"))
        tmux.run("send-keys", "-t", "bench", "-l", "数据")
        tmux.keys("Enter")
        tmux.wait(shows(" hits"), timeout=600)
        out.append(("after the first search (index built in a child)", *memory(pid)))
        tmux.keys("Escape")
        time.sleep(0.3)
        tmux.keys("q")
    finally:
        tmux.stop()
    return out


def describe(times: list[tuple[float, float]], base: list[tuple[float, float]]) -> str:
    """Median wall and CPU milliseconds, and each as a multiple of the baseline's."""
    wall = statistics.median(t for t, _ in times)
    cpu = statistics.median(c for _, c in times)
    base_wall = statistics.median(t for t, _ in base)
    base_cpu = statistics.median(c for _, c in base)
    return (
        f"wall {wall * 1000:5.0f} ms x{wall / base_wall:.2f}   "
        f"CPU {cpu * 1000:4.0f} ms x{cpu / base_cpu:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--issues", type=int, default=300)
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--steps", type=int, default=20, help="issues to page back through")
    args = parser.parse_args()
    if shutil.which("tmux") is None or not READER.exists():
        raise SystemExit("needs tmux and the installed `reader` script")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sample = work / "sample"
        shutil.copytree(ROOT / "issues", sample)
        big = make_library(work / "big", args.issues, args.pages)
        script = work / "baseline.py"
        script.write_text(BASELINE, encoding="utf-8")
        direct = work / "direct.py"
        direct.write_text(DIRECT, encoding="utf-8")

        commands = [(f"{sys.executable} {script}", "baseline ready")]
        labels = ["one-widget Textual app (baseline)"]
        for label, lib in (("sample", sample), (f"{args.issues} issues", big)):
            command = f"{READER} --library {shlex.quote(str(lib))}"
            commands += [(command, "? help"), (command, "page 1 of")]
            labels += [f"reader, {label}: first frame", f"reader, {label}: issue shown"]
        # The same App without the typer command line in front: what the CLI layer costs.
        commands.append((f"{sys.executable} {direct} {shlex.quote(str(sample))}", "page 1 of"))
        labels.append("App alone (no CLI), sample: issue shown")
        results = first_paint(commands, args.runs, work)
        print(f"first paint in tmux 100x30, medians of {args.runs} interleaved runs")
        for label, times in zip(labels, results, strict=True):
            print(f"  {label:40} {describe(times, results[0])}")
        print(f"memory with {args.issues} issues of {args.pages} pages:")
        for label, rss, peak in browse_memory(big, work, args.steps):
            print(f"  {label:44} RSS {rss:5.1f} MB  peak {peak:5.1f} MB")


if __name__ == "__main__":
    main()
