"""Parsing throughput on corpus-generated pages, next to just decoding them (DESIGN 8).

Run from the repository root: `python bench/parse.py [--mb 10] [--repeat 3]`.
Exits 1 when parsing runs under the budget of 5 MB of page text a second.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pagegen import CORPUS, generate, load_corpus

from reader.parse.stories import parse_bytes
from reader.parse.text import decode

BUDGET_MB_S = 5.0
DISTINCT = 400


def best_time(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The fastest of `repeat` runs: CPU seconds of this process, and wall seconds.

    The budget is judged on CPU time: on a shared machine the wall clock also
    counts the time other processes had the CPU.
    """
    cpu, wall = [], []
    for _ in range(repeat):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        run()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return min(cpu), min(wall)


def main(argv: list[str] | None = None) -> int:
    """Generate pages, time decoding and parsing them, print MB/s."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10.0, help="MB of page text (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs, best is kept (default 3)")
    args = parser.parse_args(argv)
    corpus = load_corpus()
    if corpus is None:
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    distinct = [generate(corpus, seed).text.encode("utf-8") for seed in range(DISTINCT)]
    pages: list[bytes] = []
    size = 0
    while size < args.mb * 1e6:
        page = distinct[len(pages) % DISTINCT]
        pages.append(page)
        size += len(page)
    mb = size / 1e6

    def decode_all() -> None:
        for page in pages:
            decode(page)

    def parse_all() -> None:
        for page in pages:
            parse_bytes(page)

    cpu_decode, wall_decode = best_time(decode_all, args.repeat)
    cpu_parse, wall_parse = best_time(parse_all, args.repeat)
    print(f"page text: {mb:.1f} MB in {len(pages)} pages ({DISTINCT} distinct, from {CORPUS.name})")
    print(f"{'':16} {'CPU s':>7} {'MB/s':>8} {'wall s':>8} {'MB/s':>8}")
    for name, cpu, wall in (
        ("decode only", cpu_decode, wall_decode),
        ("parse (+decode)", cpu_parse, wall_parse),
    ):
        print(f"{name:16} {cpu:7.3f} {mb / cpu:8.1f} {wall:8.3f} {mb / wall:8.1f}")
    ok = mb / cpu_parse >= BUDGET_MB_S
    print(f"budget >= {BUDGET_MB_S:g} MB/s of CPU time: {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
