"""Fuzz the parser with a million random pages: no exception, nothing lost, stable output.

Run from the repository root: `python bench/fuzz.py [--inputs 1000000] [--seed 1] [--jobs 2]`.
Each input is built from the same atoms as the property tests (tests/test_properties.py):
CJK, punctuation, markers, odd spaces and line breaks, newspaper words, controls, any
character. Checked on each: parsing raises nothing, no printed character is lost or
invented, every field is stripped with single plain spaces (derived headlines too),
a second parse gives the same page, and the JSON round-trips. Exits 1 on any failure,
printing the first few inputs that failed (repr) so they can become tests.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fuzzlib import page_text, problem


def run_chunk(args: tuple[int, int]) -> tuple[int, list[tuple[str, str]]]:
    """Check inputs `start` to `start + count` of the seeded stream; (chars, failures)."""
    seed, count = args
    rng = random.Random(seed)
    failures: list[tuple[str, str]] = []
    size = 0
    for _ in range(count):
        text = page_text(rng)
        size += len(text)
        found = problem(text)
        if found is not None and len(failures) < 5:
            failures.append((text, found))
    return size, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    chunk = 10_000
    chunks = [
        (args.seed * 1_000_003 + n, min(chunk, args.inputs - at))
        for n, at in enumerate(range(0, args.inputs, chunk))
    ]
    started = time.perf_counter()
    size = 0
    failures: list[tuple[str, str]] = []
    with get_context("spawn").Pool(args.jobs) as pool:
        for got, failed in pool.imap_unordered(run_chunk, chunks):
            size += got
            failures += failed
    seconds = time.perf_counter() - started
    print(
        f"{args.inputs:,} inputs ({size / 2**20:.1f} MB of text) in {seconds:.0f} s "
        f"({args.inputs / seconds:,.0f} inputs/s, {args.jobs} jobs): {len(failures)} failures"
    )
    for text, found in failures[:10]:
        print(f"  {found}: {text!r}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
