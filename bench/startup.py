"""Reader start-up in a real terminal: first paint against a one-widget Textual app, and memory.

Each command runs in a fresh tmux window (private socket, 100x30); the clock starts
just before tmux is asked to start it and stops when a marker shows on the screen,
polled with `capture-pane` every few milliseconds through one control-mode client
(`tmux -C`): a `tmux capture-pane` process per poll would cost about half a core,
taken from the command being timed on a small machine. The baseline is the
smallest Textual app (one Static) measured the same way, so the ratio is what
DESIGN section 8 budgets (reader within 1.5x). "The issue's text" is the title's
`page 1 of`, the second item's headline in the headline list and the first line of
the lead story's body in the article, all three on screen. Memory is the resident set of the reader
process (VmRSS, and its peak VmHWM) with a generated library of `--issues` issues.

Every command runs once untimed first (compiling its bytecode; the reader is then
quit with `q`, so it reopens where it was, with the pages it parsed kept); the
"first time" rows give the reader fresh state and cache folders at every run: no
saved place (the library is listed to find the latest issue) and no parsed page.

    python bench/startup.py [--runs 7] [--issues 300] [--pages 8] [--papers 1]
                            [--base DIR] [--quick]
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
        self.control: subprocess.Popen[str] | None = None

    def run(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True).stdout

    def start(self, command: str) -> float:
        """Start `command`; the clock reading (perf_counter) just before."""
        started = time.perf_counter()
        self.run("new-session", "-d", "-s", "bench", *SIZE, f"exec {command}")
        self.control = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach", "-t", "bench"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self._reply()  # the attach's own (empty) reply
        self._ask("refresh-client -f no-output")  # no copy of the pane's output
        return started

    def _reply(self) -> list[str]:
        """The lines of the next %begin ... %end block from the control client."""
        assert self.control is not None and self.control.stdout is not None
        lines: list[str] | None = None
        while True:
            line = self.control.stdout.readline()
            if not line:
                raise SystemExit("tmux control client ended (the command exited?)")
            if line.startswith("%begin"):
                lines = []
            elif lines is not None and line.startswith(("%end", "%error")):
                return lines
            elif lines is not None:
                lines.append(line.rstrip("\n"))

    def _ask(self, command: str) -> list[str]:
        assert self.control is not None and self.control.stdin is not None
        self.control.stdin.write(command + "\n")
        self.control.stdin.flush()
        return self._reply()

    def screen(self) -> str:
        if self.control is None:
            return self.run("capture-pane", "-p", "-t", "bench")
        return "\n".join(self._ask("capture-pane -p -t bench"))

    def pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", "bench", "#{pane_pid}").strip())

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "bench", *keys)

    def wait(
        self, done: Callable[[str], bool], timeout: float = 60, since: float | None = None
    ) -> float:
        """Seconds until `done(screen)` (from `since`, else from now), polling every 2 ms."""
        start = time.perf_counter() if since is None else since
        while True:
            if done(self.screen()):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"timed out; screen was:\n{self.screen()}")
            time.sleep(0.002)

    def stop(self) -> None:
        if self.control is not None:
            self.control.kill()
            self.control.wait()
            self.control = None
        self.run("kill-server")


def shows(*markers: str) -> Callable[[str], bool]:
    """A test for `Tmux.wait`: every one of `markers` is on the screen."""
    return lambda screen: all(marker in screen for marker in markers)


def text_markers() -> tuple[str, ...]:
    """What shows that the sample page's text is on screen (both libraries use it).

    The title's page count, the start of the second item's headline (only the
    headline list shows it: the article shows the lead story) and the first
    characters of the lead story's body, after the article's paragraph indent.
    """
    from reader.library import Library
    from reader.parse.pages import load_page
    from reader.tui.article import INDENT
    from reader.tui.session import lead

    library = Library(SAMPLE_PAGE.parent.parent.parent)
    issue = library.issue("xuhui", "sample")
    page = load_page(library, issue, 1)
    first, second = page.items[lead(page) or 0], page.items[1]
    headline = second.headline or second.derived_headline or ""
    return ("page 1 of", headline[:5], INDENT + first.paragraphs[0][:5])


def top_line_is_not(old: str) -> Callable[[str], bool]:
    """A test for `Tmux.wait`: the title line changed (another issue is open)."""
    return lambda screen: screen.splitlines()[0] != old


def cpu_seconds(pid: int) -> tuple[float, float]:
    """User plus system CPU time a process has used so far (10 ms resolution): with its
    children's it has waited for (a first start parses its issue in a child), and its own."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return sum(int(n) for n in fields[11:15]) / tick, sum(int(n) for n in fields[11:13]) / tick


def memory(pid: int) -> tuple[float, float]:
    """Resident and peak resident memory of a process, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def make_library(root: Path, issues: int, pages: int, papers: int = 1) -> Path:
    """`issues` dated issues of `pages` pages each (the sample page's text), per paper.

    One paper (xuhui) by default; with `papers` > 1 also p02, p03 … with the same
    dates, their pages hard links to one copy (an archive of 10 papers x 3 years is
    43,800 page files at 4 pages an issue).
    """
    first = date(2024, 1, 1)
    template = root.parent / f"{root.name}-page.txt"  # beside the library, to link to
    shutil.copyfile(SAMPLE_PAGE, template)
    for number in range(1, papers + 1):
        key, name = ("xuhui", "徐汇报") if number == 1 else (f"p{number:02d}", f"第{number}报")
        paper = root / key
        paper.mkdir(parents=True)
        (paper / "paper.toml").write_text(f'name = "{name}"\n', encoding="utf-8")
        for n in range(issues):
            folder = paper / (first + timedelta(days=n)).isoformat()
            folder.mkdir()
            for page in range(1, pages + 1):
                target = folder / f"{page:02d}.txt"
                if papers > 1:
                    os.link(template, target)
                else:
                    shutil.copyfile(SAMPLE_PAGE, target)
    return root


def environment(work: Path) -> str:
    """Variables for the measured command: throwaway state, no user config.

    Bytecode for every command alike, as an installed package has it: each
    command's modules are compiled once (the warm-up run) into one folder of the
    run (`PYTHONPYCACHEPREFIX`). With PYTHONDONTWRITEBYTECODE set in the shell
    (as on the shared dev machine) an editable `reader` was compiled from source
    at every start while Textual's installed bytecode was read: 30-45 ms of the
    reader's start and 45 ms of the parser's, charged to the reader alone.
    """
    env = {
        "READER_DATA_DIR": str(work / "data"),
        "READER_CACHE_DIR": str(work / "cache"),
        "READER_CONFIG": str(work / "none.toml"),
        "PYTHONPYCACHEPREFIX": str(work / "bytecode"),
        "TERM": "xterm-256color",
    }
    unset = (
        "-u COLUMNS -u LINES -u NO_COLOR -u TEXTUAL_THEME -u LANG -u LC_ALL -u LC_MESSAGES"
        " -u PYTHONDONTWRITEBYTECODE"
    )
    return f"env {unset} " + " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())


def quit_reader(tmux: Tmux, timeout: float = 60) -> None:
    """Press `q` and wait for the reader to end (it saves where it was as it goes)."""
    pid = tmux.pid()
    tmux.keys("q")
    start = time.perf_counter()
    while True:
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                return
        except (FileNotFoundError, ProcessLookupError):
            return  # gone: before the open, or between the open and the read (ESRCH)
        if time.perf_counter() - start > timeout:
            raise SystemExit("the reader did not quit on q")
        time.sleep(0.01)


def first_paint(
    commands: list[tuple[str, tuple[str, ...]]], runs: int, work: Path
) -> list[list[tuple[float, float, float]]]:
    """(wall, CPU, own CPU) seconds to each (command, marker) on screen, runs interleaved.

    Wall time is what a person sees, but on a shared machine it swings with the
    load; the CPU time the process used until then hardly does.
    """
    times: list[list[tuple[float, float, float]]] = [[] for _ in commands]
    for run in range(-1, runs):  # run -1 is the warm-up: it compiles, it is not counted
        for index, (command, markers) in enumerate(commands):
            tmux = Tmux(f"reader-bench-{os.getpid()}-{run}-{index}")
            try:
                this = command.replace("{run}", str(run + 1))
                started = tmux.start(f"{environment(work)} {this}")
                wall = tmux.wait(shows(*markers), since=started)
                if run >= 0:
                    times[index].append((wall, *cpu_seconds(tmux.pid())))
                elif index > 0:
                    quit_reader(tmux)  # a session ended as a person ends it: `q`
            finally:
                tmux.stop()
    return times


def browse_memory(
    library: Path, work: Path, steps: int, fresh: str = ""
) -> list[tuple[str, float, float]]:
    """RSS of the reader after opening, after `steps` issues back, after a search.

    `fresh`: a folder for state and cache of their own (a first start; its index too).
    """
    # A socket of its own for each library: a server told to exit by the last call's
    # `stop` may still hold the name, and the next session then fails to start.
    tmux = Tmux(f"reader-bench-{os.getpid()}-mem-{library.name}")
    out = []
    first = f"env READER_CACHE_DIR={fresh}/cache READER_DATA_DIR={fresh}/data " if fresh else ""
    try:
        command = f"{environment(work)} {first}{READER} --library {shlex.quote(str(library))}"
        tmux.start(command)
        tmux.wait(shows(*text_markers()))
        pid = tmux.pid()
        out.append(("opened the latest issue", *memory(pid)))
        for _ in range(steps):
            before = tmux.screen().splitlines()[0]
            tmux.keys("{")
            tmux.wait(top_line_is_not(before))
        if steps:
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


def describe(
    times: list[tuple[float, float, float]], base: list[tuple[float, float, float]]
) -> str:
    """Median wall and CPU milliseconds, and each as a multiple of the baseline's; the
    process's own CPU when a child's differs."""
    wall = statistics.median(t for t, _, _ in times)
    cpu = statistics.median(c for _, c, _ in times)
    own = statistics.median(o for _, _, o in times)
    base_wall = statistics.median(t for t, _, _ in base)
    base_cpu = statistics.median(c for _, c, _ in base)
    mine = f"  (own {own * 1000:.0f} ms x{own / base_cpu:.2f})" if own != cpu else ""
    return (
        f"wall {wall * 1000:5.0f} ms x{wall / base_wall:.2f}   "
        f"CPU {cpu * 1000:4.0f} ms x{cpu / base_cpu:.2f}{mine}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--issues", type=int, default=300)
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--papers", type=int, default=1, help="papers of --issues issues each")
    parser.add_argument("--steps", type=int, default=20, help="issues to page back through")
    parser.add_argument(
        "--base", help="a folder holding another `reader` package (`git archive REV reader`)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the sample's issue shown only, reopened and first time; no memory",
    )
    args = parser.parse_args()
    if shutil.which("tmux") is None or not READER.exists():
        raise SystemExit("needs tmux and the installed `reader` script")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sample = work / "sample"
        shutil.copytree(ROOT / "issues", sample)
        big = make_library(work / "big", 0 if args.quick else args.issues, args.pages, args.papers)
        script = work / "baseline.py"
        script.write_text(BASELINE, encoding="utf-8")

        text = text_markers()
        commands: list[tuple[str, tuple[str, ...]]] = [
            (f"{sys.executable} {script}", ("baseline ready",))
        ]
        labels = ["one-widget Textual app (baseline)"]
        size = f"{args.papers} papers x {args.issues} issues" if args.papers > 1 else ""
        libraries = [("sample", sample), (size or f"{args.issues} issues", big)]
        shown = ["issue shown"] if args.quick else ["first frame", "issue shown"]
        for label, lib in libraries[:1] if args.quick else libraries:
            command = f"{READER} --library {shlex.quote(str(lib))}"
            based = f"env PYTHONPATH={shlex.quote(args.base or '')} {command}"
            # The base (if any) is the same reader script on other code, interleaved with it.
            for who, run_it in (("reader", command), ("base", based if args.base else "")):
                for what in shown if run_it else []:
                    commands.append((run_it, text if what == "issue shown" else ("? help",)))
                    labels.append(f"{who}, {label}: {what}")
            # The first time: no place saved, no page parsed before (fresh folders each run).
            for who, run_it in (("reader", command), ("base", based if args.base else "")):
                if not run_it:
                    continue
                fresh = shlex.quote(str(work / f"fresh-{{run}}-{len(commands)}"))
                first = f"env READER_CACHE_DIR={fresh}/cache READER_DATA_DIR={fresh}/data"
                commands.append((f"{first} {run_it}", text))
                labels.append(f"{who}, {label}: issue shown, first time")
        results = first_paint(commands, args.runs, work)
        print(f"first paint in tmux 100x30, medians of {args.runs} interleaved runs")
        for label, times in zip(labels, results, strict=True):
            print(f"  {label:40} {describe(times, results[0])}")
        if args.quick:
            return
        print("memory, the sample, a first start (no state, cache or index):")
        for label, rss, peak in browse_memory(sample, work, 0, str(work / "fresh-mem")):
            print(f"  {label:44} RSS {rss:5.1f} MB  peak {peak:5.1f} MB")
        print(f"memory with {args.papers} paper(s) x {args.issues} issues of {args.pages} pages:")
        for label, rss, peak in browse_memory(big, work, args.steps):
            print(f"  {label:44} RSS {rss:5.1f} MB  peak {peak:5.1f} MB")


if __name__ == "__main__":
    main()
