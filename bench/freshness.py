"""How long a one-shot search's freshness check takes, by the number of issue folders.

    python bench/freshness.py [--sizes 1000,11000,30000] [--papers 2] [--runs 31]

Makes libraries of empty page files in `bench/out/freshness/` (kept for the
next run), then times, in this process with warm caches, medians of `--runs`
interleaved rounds: the stat of one folder three ways, the check before issue
15 round 3 (every folder's time, joined and compared with the stored string:
the baseline, its code copied below), the new full check (`record`) and the
quick one (`fresh` within a minute of a full check, with 20 hits' folders),
and reading the stored record from SQLite. Then the first check in a new
process, old and new, as a one-shot search makes it (median of 5).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from reader.search import freshness

OUT = Path(__file__).resolve().parent / "out" / "freshness"
HITS = 20


def old_folders(root: Path) -> str:
    """The check before issue 15 round 3 (`folders`), kept as the baseline."""
    parts: list[str] = []
    settled = time.time_ns() - 2_000_000_000

    def line(name: str, ns: int) -> str:
        return f"{name}:{ns}" if ns <= settled else f"{name}:?"

    try:
        with os.scandir(root) as found:
            papers = [e for e in found if e.is_dir() and not e.name.startswith(".")]
        for paper in papers:
            with os.scandir(paper.path) as found:
                names = [e.name for e in found if e.is_dir() and not e.name.startswith(".")]
            folder = os.open(paper.path, os.O_RDONLY)
            try:
                times = [os.stat(name, dir_fd=folder).st_mtime_ns for name in names]
            finally:
                os.close(folder)
            parts.append(line(paper.name, paper.stat().st_mtime_ns))
            parts.extend("\t" + line(n, ns) for n, ns in zip(names, times, strict=True))
    except OSError:
        return ""
    text = "\n".join(parts)
    return "" if not text or ":?" in text else text


def make(issues: int, papers: int) -> Path:
    """A library of `issues` issue folders over `papers` papers, all dated a day back."""
    root = OUT / f"{issues}x{papers}"
    if (root / ".done").exists():
        return root
    past = time.time() - 86400
    for p in range(papers):
        paper = root / f"paper{p}"
        start = date(1950, 1, 1)
        for n in range(issues // papers + (p < issues % papers)):
            folder = paper / (start + timedelta(days=n)).isoformat()
            folder.mkdir(parents=True, exist_ok=True)
            for name in ("issue.toml", "01.txt", "02.txt"):
                (folder / name).touch()
            os.utime(folder, (past + n, past + n))
        os.utime(paper, (past, past))
    (root / ".done").touch()
    return root


def stored_index(root: Path, new: str, old: str) -> Path:
    """An index file whose meta table holds both records, written a minute back."""
    path = root.parent / f"{root.name}.sqlite"
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
        conn.executemany("INSERT INTO meta VALUES(?, ?)", [("folders", new), ("old", old)])
    conn.close()
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


def read_meta(path: Path, key: str) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()[0])
    finally:
        conn.close()


def per_folder(root: Path) -> tuple[int, dict[str, Callable[[], object]]]:
    """One stat a folder, three ways, over the first paper's issue folders."""
    paper = next(p for p in sorted(root.iterdir()) if p.is_dir())
    names = sorted(e.name for e in os.scandir(paper))
    paths = [os.path.join(paper, n) for n in names]

    def by_path() -> object:
        return [os.stat(p).st_mtime_ns for p in paths]

    def by_entry() -> object:
        with os.scandir(paper) as found:
            return [e.stat().st_mtime_ns for e in found if e.is_dir()]

    def by_dir_fd() -> object:
        folder = os.open(paper, os.O_RDONLY)
        try:
            return [os.stat(n, dir_fd=folder).st_mtime_ns for n in names]
        finally:
            os.close(folder)

    def listing() -> object:
        with os.scandir(paper) as found:
            return [e.name for e in found if e.is_dir()]

    return len(names), {
        "os.stat(path)": by_path,
        "scandir + DirEntry.stat()": by_entry,
        "os.stat(name, dir_fd=)": by_dir_fd,
        "scandir names only": listing,
    }


FIRST = """
import sys, time
from pathlib import Path
from bench_freshness_old import old_folders
from reader.search.freshness import fresh
root, stored, index = Path(sys.argv[1]), Path(sys.argv[2]).read_text(), Path(sys.argv[3])
hits = [(h.split("/")[0], h.split("/")[1]) for h in sys.argv[5:]]
t = time.perf_counter()
ok = old_folders(root) == stored if sys.argv[4] == "old" else fresh(root, stored, index, hits)
print(ok, (time.perf_counter() - t) * 1e3)
"""


def first_in_process(root: Path, stored: str, index: Path, old: bool, hits: list[str]) -> float:
    """The first check in a new Python (imports done), as a one-shot search makes it, in ms."""
    text = OUT / f"{root.name}.{'old' if old else 'new'}.txt"
    text.write_text(stored, encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:  # not under bench/: mypy reads that
        source = Path(__file__).read_text(encoding="utf-8")
        body = source[source.index("def old_folders") : source.index("def make(")]
        shim = "import os, time\nfrom pathlib import Path\n\n" + body
        Path(folder, "bench_freshness_old.py").write_text(shim, encoding="utf-8")
        script = Path(folder, "first.py")
        script.write_text(FIRST, encoding="utf-8")
        args = [sys.executable, str(script), str(root), str(text), str(index)]
        run = [*args, "old" if old else "new", *hits]
        out = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    ok, ms = out.split()
    assert ok == "True", out
    return float(ms)


def measure(size: int, papers: int, runs: int) -> dict[str, float]:
    """The figures of one library: ms a check, µs a folder for the ways to stat one."""
    root = make(size, papers)
    new, old = freshness.record(root), old_folders(root)
    index = stored_index(root, new, old)
    witness = Path(f"{index}.checked")
    witness.unlink(missing_ok=True)
    assert freshness.fresh(root, new, index)  # the full check, remembered
    issues = [(p.name, i.name) for p in root.iterdir() if p.is_dir() for i in p.iterdir()]
    hits = random.Random(size).sample(issues, HITS)
    checks: dict[str, Callable[[], object]] = {
        "old: folders() == stored": lambda: old_folders(root) == old,
        "new, full: record() == stored": lambda: freshness.record(root) == new,
        "new, quick: fresh()": lambda: freshness.fresh(root, new, index, hits),
        "read the old record": lambda: read_meta(index, "old"),
        "read the new record": lambda: read_meta(index, "folders"),
    }
    count, stats = per_folder(root)
    found: dict[str, list[float]] = {name: [] for name in [*checks, *stats]}
    for _ in range(runs):  # interleaved: a burst of load hits them all alike
        now = time.time_ns()  # as if a full check had just passed: the quick one serves
        os.utime(witness, ns=(now, now))
        for name, fn in [*checks.items(), *stats.items()]:
            start = time.perf_counter()
            fn()
            found[name].append((time.perf_counter() - start) * 1e3)
    row = {name: statistics.median(times) for name, times in found.items()}
    for name in stats:
        row[f"{name} (µs a folder)"] = row.pop(name) * 1e3 / count
    hit_args = [f"{p}/{i}" for p, i in hits]
    for label, stored, is_old in (("old", old, True), ("new", new, False)):
        row[f"first in a process, {label}"] = statistics.median(
            first_in_process(root, stored, index, is_old, hit_args) for _ in range(5)
        )
    row["record (KB)"] = len(new.encode()) / 1e3
    print(f"{size} issue folders done", file=sys.stderr)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,11000,30000")
    parser.add_argument("--papers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=31)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.1f}, {os.cpu_count()} cores", file=sys.stderr)
    rows = [(size, measure(size, args.papers, args.runs)) for size in sizes]
    names = list(rows[0][1])
    print("| issue folders | " + " | ".join(str(size) for size, _ in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for name in names:
        unit = "" if name.endswith(")") and "fresh()" not in name else " (ms)"
        cells = " | ".join(f"{row[name]:.2f}" for _, row in rows)
        print(f"| {name}{unit} | {cells} |")
    print(f"load average {os.getloadavg()[0]:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
