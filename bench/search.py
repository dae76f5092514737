"""Search benchmark: build time, index size, and one-shot `reader search` against rg and a floor.

Libraries of about 5, 50 and 300 MB of page text are generated from the
People's Daily corpus (`../shared/corpus/pd199801.txt`, replicated under later
dates) in `bench/out/` (not committed), page by page. For each: `reader index` wall
time and the peak disk of the index folder while it runs (polled), index size
against text size, the median wall time of one-shot processes: `reader search Q`,
`rg -F -c Q` (or `grep -rcF`) over the same pages, and `python -c "import typer,
rich"`, the floor of any typer CLI (DESIGN section 8); beside it the median CPU
time (user + system, `os.wait4`) of the searches and the floor, run in the same
rounds, and their ratio round by round with its interquartile range (the wall
time of the floor alone moves a third between runs on a shared machine; its
CPU time much less); then `reader import` of one
more issue (8 pages, the index updated with it), which is removed after. The disk
is checked up front: each size needs its text and about twice that for the index.

Usage: python bench/search.py [--sizes 5,50,300] [--runs 7] [--reuse] [--shared] [--cold]
  [--write]
`--cold` also times every search with the index dropped from the page cache first.
`--write` replaces the `## Search` section of bench/README.md with the table.
`--shared` also times `reader search Q` on a read-only bind mount of the library (a
user who cannot write it searching the owner's index in place; needs root) and
checks that it built no private copy.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus" / "pd199801.txt"
OUT = HERE / "out"
README = HERE / "README.md"
QUERIES = ["经济", "香港回归", "数据", "人民币汇率", "１９９８", "乡镇企业 改革"]
LINES_PER_PAGE = 80
PAGES_PER_ISSUE = 8


def needed(megabytes: int) -> int:
    """Bytes of disk a size still needs: its text unless generated, and room for the index.

    The index is at most 2x the text (DESIGN section 8) and its build needs at most
    1.5x the index at its peak; 2x the text is the room asked for, as the disk is
    checked before a build that takes minutes, not in its middle.
    """
    root = OUT / f"lib{megabytes}"
    text = 0 if (root / ".complete").exists() else megabytes * 1_000_000
    index = root / ".reader"
    have = folder_size(index) if index.exists() else 0
    return text + max(0, 2 * megabytes * 1_000_000 - have)


def check_disk(sizes: list[int]) -> None:
    """Stop with one clear line when bench/out cannot hold the libraries asked for."""
    OUT.mkdir(parents=True, exist_ok=True)
    want = sum(needed(size) for size in sizes)
    free = shutil.disk_usage(OUT).free
    if want > free:
        sys.exit(
            f"bench/search.py: --sizes {','.join(map(str, sizes))} needs about "
            f"{want / 1e9:.1f} GB free in {OUT} (the text and twice it for the index); "
            f"{free / 1e9:.1f} GB are. Free some space, or remove bench/out/lib* of other sizes."
        )


def generate(root: Path, megabytes: int, lines_per_page: int = LINES_PER_PAGE) -> int:
    """A library of at least `megabytes` MB of page text; returns its text size in bytes.

    Written page by page as it is made (2 GB of text is never in memory at once).
    """
    marker = root / ".complete"
    if marker.exists():
        return int(marker.read_text())
    shutil.rmtree(root, ignore_errors=True)
    print(f"generating {megabytes} MB of pages in {root}", file=sys.stderr, flush=True)
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    paper = root / "rmrb"
    paper.mkdir(parents=True)
    (paper / "paper.toml").write_text('name = "人民日报"\n', encoding="utf-8")
    total, day = 0, date(1998, 1, 1)
    per_issue = lines_per_page * PAGES_PER_ISSUE
    while total < megabytes * 1_000_000:
        for first in range(0, len(lines), per_issue):
            issue = paper / day.isoformat()
            issue.mkdir()
            (issue / "issue.toml").write_text(f"date = {day.isoformat()}\n", encoding="utf-8")
            chunk = lines[first : first + per_issue]
            for page, at in enumerate(range(0, len(chunk), lines_per_page), start=1):
                text = "".join(f" {p}\n" for p in chunk[at : at + lines_per_page])
                data = text.encode("utf-8")
                (issue / f"{page:02d}.txt").write_bytes(data)
                total += len(data)
            day += timedelta(days=1)
            if total >= megabytes * 1_000_000:
                break
    marker.write_text(str(total))
    return total


# Measure the installed steady state: modules compiled once to bytecode, as pip does.
# (With PYTHONDONTWRITEBYTECODE set, every run would compile reader's sources again,
# while typer and rich come precompiled from site-packages.)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Runs(NamedTuple):
    """One command's timed runs, in round order: wall seconds and CPU seconds (user + system)."""

    wall: list[float]
    cpu: list[float]


def once(command: list[str], check: bool = False) -> tuple[float, float]:
    """Wall time and CPU time (the process's user + system, from `os.wait4`) of one run of
    a command, output discarded; with `check`, a failed run stops the bench (a search that
    fails fast is no figure: at 2 GB, 经济 once did).

    CPU time is what the process itself did: the wait for a core while other work runs
    on the machine is not in it, which moves the wall time of the floor 59-84 ms between
    runs of the same minute at 2 GB (round 9).
    """
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=ENV)
        _, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if check and child.returncode:
            errors.seek(0)
            error = errors.read().decode(errors="replace").strip()
            sys.exit(f"{' '.join(command)}: exit status {child.returncode}: {error}")
    return took, usage.ru_utime + usage.ru_stime


def interleaved(
    commands: dict[str, list[str]], runs: int, before: Callable[[str], None] | None = None
) -> dict[str, Runs]:
    """Wall and CPU times of each command over `runs` rounds, after a warm-up round.

    Every round runs every command once, in turn, so a burst of load from
    elsewhere on the machine hits the floor and the searches alike (and a
    search's ratio to the floor can be taken round by round: `paired`).
    `before(name)` runs before each command, untimed.
    """
    times: dict[str, Runs] = {name: Runs([], []) for name in commands}
    for n in range(runs + 1):
        for name, command in commands.items():
            if before is not None:
                before(name)
            wall, cpu = once(command, check=not name.startswith("scan"))  # grep: 1 = none
            if n:
                times[name].wall.append(wall)
                times[name].cpu.append(cpu)
    return times


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """The lower quartile, median and upper quartile of `values` (one value: itself thrice)."""
    if len(values) < 2:
        return values[0], values[0], values[0]
    low, mid, high = statistics.quantiles(values, n=4, method="inclusive")
    return low, mid, high


def paired(top: list[float], bottom: list[float]) -> list[float]:
    """Round-by-round ratios of two commands' times taken in the same rounds."""
    return [a / b for a, b in zip(top, bottom, strict=True)]


def overall(by_query: list[list[float]]) -> list[float]:
    """Each round's median over the queries (the queries' values of one round side by side)."""
    return [statistics.median(round_) for round_ in zip(*by_query, strict=True)]


def spread(values: list[float]) -> str:
    """`1.22x (1.18-1.26)`: the median ratio and its interquartile range."""
    low, mid, high = quartiles(values)
    return f"{mid:.2f}x ({low:.2f}-{high:.2f})"


def uncache(path: Path) -> None:
    """Drop `path`'s pages from the page cache: what a search meets after a while (the
    kernel reclaims them; this machine's reclaim does so within a minute)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def reader_command() -> list[str]:
    """The installed `reader` script beside this interpreter (what users run), else -m."""
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def folder_size(path: Path) -> int:
    """Bytes of the files under `path` (files that vanish meanwhile count nothing)."""
    total = 0
    for folder, _, names in os.walk(path):
        for name in names:
            with contextlib.suppress(FileNotFoundError):
                total += os.stat(os.path.join(folder, name)).st_size
    return total


def timed_with_peak(command: list[str], folder: Path) -> tuple[float, int]:
    """Wall time of `command` and the largest size of `folder` seen while it ran (every 0.2 s)."""
    peak = [0]
    done = threading.Event()

    def poll() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], folder_size(folder) if folder.exists() else 0)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    took = time.perf_counter() - started
    done.set()
    watcher.join()
    return took, max(peak[0], folder_size(folder))


def add_issue(root: Path, reader: list[str]) -> float:
    """Wall time of `reader import` of one more issue (8 pages, index updated), undone after.

    Its pages are a copy of the library's first issue, under a date after the last.
    """
    paper = root / "rmrb"
    first = min(p for p in paper.iterdir() if p.is_dir())
    key = "2999-01-01"
    with tempfile.TemporaryDirectory() as tmp:
        pages = []
        for page in sorted(first.glob("*.txt")):
            pages.append(Path(tmp) / page.name)
            shutil.copyfile(page, pages[-1])
        started = time.perf_counter()
        command = [*reader, "import", *map(str, pages), "--paper", "rmrb", "--issue", key]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        took = time.perf_counter() - started
    shutil.rmtree(paper / key)
    subprocess.run([*reader, "index"], check=True, stdout=subprocess.DEVNULL)
    return took


@contextlib.contextmanager
def read_only_view(root: Path) -> Iterator[Path]:
    """`root` bind-mounted read-only beside it (root only), unmounted after."""
    view = root.with_name(root.name + "-ro")
    view.mkdir(exist_ok=True)
    subprocess.run(["mount", "--bind", str(root), str(view)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
        yield view
    finally:
        subprocess.run(["umount", str(view)], check=False)
        view.rmdir()


def bench(
    megabytes: int, runs: int, reuse: bool = False, shared: bool = False, cold: bool = False
) -> dict[str, float]:
    """Measure one library size (`cold`: also each search with the index out of the page cache)."""
    root = OUT / f"lib{megabytes}"
    text = generate(root, megabytes)
    reader = [*reader_command(), "--library", str(root)]
    timing = root / ".build-seconds"
    recorded = timing.read_text().split() if timing.exists() else []
    if reuse and len(recorded) == 3 and (root / ".reader").exists():
        build, peak, load = map(float, recorded)
        subprocess.run([*reader, "index"], check=True, stdout=subprocess.DEVNULL)  # up to date
    else:
        shutil.rmtree(root / ".reader", ignore_errors=True)
        print(f"{megabytes} MB: building the index", file=sys.stderr, flush=True)
        build, peak_bytes = timed_with_peak([*reader, "index"], root / ".reader")
        peak, load = peak_bytes / 1e6, os.getloadavg()[0]
        timing.write_text(f"{build:.3f} {peak:.1f} {load:.2f}")
    index = folder_size(root / ".reader")
    grep = ["rg", "-F", "-c"] if shutil.which("rg") else ["grep", "-rcF"]
    commands = {"floor": [sys.executable, "-c", "import typer, rich"]}
    for q in QUERIES:
        commands[f"search {q}"] = [*reader, "search", q]
        commands[f"scan {q}"] = [*grep, q.split()[0], str(root)]
    with contextlib.ExitStack() as stack:
        cache = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        if shared:
            view = stack.enter_context(read_only_view(root))
            ENV["READER_CACHE_DIR"] = str(cache)  # a user's cache: must stay empty
            for q in QUERIES:
                commands[f"shared {q}"] = [*reader_command(), "--library", str(view), "search", q]
        took = interleaved(commands, runs)
        ENV.pop("READER_CACHE_DIR", None)
        if shared and any(cache.iterdir()):
            sys.exit("a search of the read-only view built a private index")
    if cold:  # the warm searches above hid a search that read 0.5 GB out of the cache
        index_file = root / ".reader" / "index.sqlite"
        # (not the read-only view's: it is unmounted by now)
        searches = {
            name: c for name, c in commands.items() if name.split()[0] in ("floor", "search")
        }

        def chilled(name: str) -> None:
            if name != "floor":
                uncache(index_file)

        chill = interleaved(searches, runs, chilled)
        print(
            f"{text / 1e6:.0f} MB, the index out of the page cache, by query: "
            + by_query(chill, "search"),
            file=sys.stderr,
        )
    added = add_issue(root, reader)
    sums = summary(took, "search")
    print(f"{text / 1e6:.0f} MB, by query: {by_query(took, 'search')}", file=sys.stderr)
    if shared:
        shared_search = summary(took, "shared")["search"]
        print(f"{text / 1e6:.0f} MB, shared, by query: {by_query(took, 'shared')}", file=sys.stderr)
    return {
        **({"shared": shared_search} if shared else {}),
        "mb": text / 1e6,
        "pages": sum(1 for _ in root.rglob("*.txt")),
        "build": build,
        "build_load": load,
        "peak_mb": peak,
        "add": added,
        "load": os.getloadavg()[0],
        "index_mb": index / 1e6,
        "ratio": index / text,
        **sums,
    }


def summary(took: dict[str, Runs], kind: str) -> dict[str, float]:
    """A size's row: medians over the queries of each query's median, wall and CPU, and the
    CPU ratio to the floor taken round by round (each round's median over the queries)
    with its interquartile range, and the worst query's."""
    wall = [statistics.median(took[f"{kind} {q}"].wall) for q in QUERIES]
    cpu = [statistics.median(took[f"{kind} {q}"].cpu) for q in QUERIES]
    floor = took["floor"]
    ratios = [paired(took[f"{kind} {q}"].cpu, floor.cpu) for q in QUERIES]
    low, mid, high = quartiles(overall(ratios))
    worst = max(ratios, key=statistics.median)
    w_low, w_mid, w_high = quartiles(worst)
    row = {
        "search": statistics.median(wall),
        "floor": statistics.median(floor.wall),
        "search_cpu": statistics.median(cpu),
        "floor_cpu": statistics.median(floor.cpu),
        "cpu_ratio": mid,
        "cpu_low": low,
        "cpu_high": high,
        "worst": w_mid,
        "worst_low": w_low,
        "worst_high": w_high,
        "worst_query": float(ratios.index(worst)),
    }
    if f"scan {QUERIES[0]}" in took:
        row["scan"] = statistics.median(statistics.median(took[f"scan {q}"].wall) for q in QUERIES)
    return row


def by_query(took: dict[str, Runs], kind: str) -> str:
    """Each query's wall ratio (of medians) and CPU ratio (round by round, with its IQR)."""
    floor = took["floor"]
    return ", ".join(
        f"{q} {statistics.median(took[f'{kind} {q}'].wall) / statistics.median(floor.wall):.2f}x"
        f" wall, CPU {spread(paired(took[f'{kind} {q}'].cpu, floor.cpu))}"
        for q in QUERIES
    )


def table(rows: list[dict[str, float]], tool: str) -> str:
    """The size rows. CPU columns: user + system of each process; `CPU search / floor` is
    the median of the rounds' ratios (each round's median over the queries) and, in
    brackets, their interquartile range; `worst query` the same for the query whose
    median ratio is highest."""
    head = (
        "| text | pages | `reader index` (load) | peak disk / index | index size | index / text "
        f"| `reader search` | floor | search / floor | search CPU | floor CPU "
        "| CPU search / floor | worst query, CPU "
        f"| `{tool}` | search / {tool.split()[0]} | import 1 issue | load |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    body = "".join(
        f"| {r['mb']:.0f} MB | {r['pages']:.0f} | {r['build']:.1f} s ({r['build_load']:.1f}) "
        f"| {r['peak_mb'] / r['index_mb']:.2f}x | {r['index_mb']:.0f} MB "
        f"| {r['ratio']:.2f}x | {r['search'] * 1000:.0f} ms | {r['floor'] * 1000:.0f} ms "
        f"| {r['search'] / r['floor']:.2f}x | {r['search_cpu'] * 1000:.0f} ms "
        f"| {r['floor_cpu'] * 1000:.0f} ms "
        f"| {r['cpu_ratio']:.2f}x ({r['cpu_low']:.2f}-{r['cpu_high']:.2f}) "
        f"| {QUERIES[int(r['worst_query'])]} {r['worst']:.2f}x "
        f"({r['worst_low']:.2f}-{r['worst_high']:.2f}) | {r['scan'] * 1000:.0f} ms "
        f"| {r['search'] / r['scan']:.2f}x | {r['add']:.2f} s | {r['load']:.1f} |\n"
        for r in rows
    )
    return head + body


def shared_table(rows: list[dict[str, float]]) -> str:
    """The `--shared` rows: a search of a read-only mount against the writable library."""
    return (
        "| text | `reader search`, writable | on a read-only mount | floor "
        "| writable / floor | read-only / floor |\n|---|---|---|---|---|---|\n"
    ) + "".join(
        f"| {r['mb']:.0f} MB | {r['search'] * 1000:.0f} ms | {r['shared'] * 1000:.0f} ms "
        f"| {r['floor'] * 1000:.0f} ms | {r['search'] / r['floor']:.2f}x "
        f"| {r['shared'] / r['floor']:.2f}x |\n"
        for r in rows
    )


def write_section(table_text: str, header: str) -> None:
    """Put the table in the `## Search` section of bench/README.md, leaving the rest.

    An existing section keeps its prose: only its table is replaced.
    """
    old = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    start = old.find("## Search")
    if start < 0:
        README.write_text(old.rstrip("\n") + "\n\n" + header + table_text, encoding="utf-8")
        return
    end = old.find("\n## ", start + 1)
    end = len(old) if end < 0 else end + 1
    lines = old[start:end].splitlines(keepends=True)
    rows = [n for n, line in enumerate(lines) if line.startswith("|")]
    if rows:
        lines[rows[0] : rows[-1] + 1] = [table_text]
    else:
        lines.append("\n" + table_text)
    README.write_text(old[:start] + "".join(lines) + old[end:], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="5,50,300", help="library sizes in MB")
    parser.add_argument("--runs", type=int, default=7, help="runs per timing (median)")
    parser.add_argument("--write", action="store_true", help="update bench/README.md")
    parser.add_argument(
        "--reuse", action="store_true", help="keep a built index and its recorded build time"
    )
    parser.add_argument(
        "--shared", action="store_true", help="also search a read-only bind mount (root)"
    )
    parser.add_argument(
        "--cold", action="store_true", help="also search with the index out of the page cache"
    )
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"no corpus at {CORPUS}")
    sizes = [int(s) for s in args.sizes.split(",")]
    check_disk(sizes)
    rows = []
    for size in sizes:
        rows.append(bench(size, args.runs, args.reuse, args.shared, args.cold))
        print(f"{size} MB: {rows[-1]}", file=sys.stderr, flush=True)
    tool = "rg -F -c" if shutil.which("rg") else "grep -rcF"
    result = table(rows, tool)
    print(result)
    if args.shared:
        print(shared_table(rows))  # kept in bench/README.md by hand, under the main table
    if args.write:
        queries = ", ".join(f"`{q}`" for q in QUERIES)
        header = (
            "## Search\n\n"
            f"`python bench/search.py --sizes {args.sizes} --runs {args.runs} --write` on "
            f"{os.cpu_count()} cores; medians over the queries {queries}.\n\n"
        )
        write_section(result, header)


if __name__ == "__main__":
    main()
