"""The search bench's arithmetic (bench/search.py): CPU from wait4, ratios taken round by
round, their quartiles, without building a library."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import search as bench


def test_once_reports_the_child_cpu_not_the_wall() -> None:
    """A child that sleeps takes wall time but next to no CPU; one that spins takes both."""
    sleeper = [sys.executable, "-c", "import time; time.sleep(0.3)"]
    spinner = [
        sys.executable,
        "-c",
        "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass",
    ]
    wall, cpu = bench.once(sleeper)
    assert wall >= 0.3
    assert cpu < 0.25
    wall, cpu = bench.once(spinner)
    assert cpu >= 0.3


def test_once_stops_on_a_failed_command_with_its_error() -> None:
    failing = [sys.executable, "-c", "import sys; sys.exit('no index here')"]
    with pytest.raises(SystemExit, match="exit status 1: no index here"):
        bench.once(failing, check=True)
    assert bench.once(failing)[0] > 0  # unchecked (grep finding nothing): a time


def test_ratios_are_paired_round_by_round() -> None:
    """A burst of load that slows one round slows the floor too: the ratio stays."""
    search = [0.080, 0.160, 0.082]
    floor = [0.064, 0.128, 0.066]
    assert bench.paired(search, floor) == pytest.approx([1.25, 1.25, 0.082 / 0.066])
    with pytest.raises(ValueError):
        bench.paired(search, floor[:2])


def test_quartiles_and_spread() -> None:
    assert bench.quartiles([1.0, 2.0, 3.0, 4.0, 5.0]) == (2.0, 3.0, 4.0)
    assert bench.quartiles([1.3]) == (1.3, 1.3, 1.3)
    assert bench.spread([1.1, 1.2, 1.3, 1.4, 1.5]) == "1.30x (1.20-1.40)"


def test_overall_is_each_rounds_median_over_the_queries() -> None:
    by_query = [[1.0, 2.0], [3.0, 4.0], [5.0, 9.0]]
    assert bench.overall(by_query) == [3.0, 4.0]


def test_summary_names_the_worst_query() -> None:
    floor = bench.Runs([0.06] * 3, [0.05] * 3)
    took = {"floor": floor}
    for n, q in enumerate(bench.QUERIES):
        cpu = 0.06 + 0.001 * n  # the last query is the slowest
        took[f"search {q}"] = bench.Runs([0.08] * 3, [cpu] * 3)
        took[f"scan {q}"] = bench.Runs([0.5] * 3, [0.4] * 3)
    row = bench.summary(took, "search")
    assert row["worst_query"] == len(bench.QUERIES) - 1
    assert row["worst"] == pytest.approx((0.06 + 0.001 * (len(bench.QUERIES) - 1)) / 0.05)
    assert row["floor_cpu"] == pytest.approx(0.05)
    assert row["search"] == pytest.approx(0.08)
    assert row["scan"] == pytest.approx(0.5)
    assert row["cpu_low"] <= row["cpu_ratio"] <= row["cpu_high"]
