"""Pathological pages cost time and memory in proportion to their size, within budget."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from reader.parse.stories import MAX_LINES, parse_text

LINE = "□ 中\n"
# The peak resident memory of this process, in KB: VmHWM, which starts afresh at exec. Not
# `ru_maxrss`: Linux carries that over from the process that forked this one, so a pytest
# run grown past a budget showed as a reader over it (540 MB for a 200 MB `reader index`).
PEAK = """
def peak_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""
MEASURE = (
    PEAK
    + """
import json, sys, time
from reader.parse.stories import parse_bytes
data = open(sys.argv[1], "rb").read()
before = peak_kb()
started = time.process_time()
page = parse_bytes(data)
seconds = time.process_time() - started
grown = peak_kb() - before
print(json.dumps({"seconds": seconds, "grown_kb": grown, "items": len(page.items)}))
"""
)


def test_sixteen_mb_of_marker_lines_parse_at_budget(tmp_path: Path) -> None:
    """It took 13 s and 440 MB a MB of text; the budget is 5 MB/s."""
    page = tmp_path / "01.txt"
    size = 16 * 2**20 - 16
    page.write_bytes((LINE * (size // len(LINE.encode()))).encode())
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(page)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    megabytes = size / 2**20
    assert megabytes / found["seconds"] >= 5, found
    assert found["grown_kb"] < 8 * size / 1024, found  # a few copies of the text, no more


def test_indexing_an_eight_mb_page_of_markers_stays_small(tmp_path: Path) -> None:
    """`reader index` used 1.5 GB (and 95 s) on it."""
    issue = tmp_path / "lib" / "p" / "2025-01-01"
    issue.mkdir(parents=True)
    (issue / "01.txt").write_bytes((LINE * (8 * 2**20 // len(LINE.encode()))).encode())
    script = PEAK + (
        "import sys; from reader.cli.main import run; "
        "code = run(sys.argv[1:]); print(peak_kb()); sys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--library", str(tmp_path / "lib"), "index"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.split()[-1]) < 400 * 1024  # KB


def test_past_the_line_bound_nothing_is_lost() -> None:
    text = "".join(f"□ 中{n}\n　x  y\r\n" for n in range(MAX_LINES))
    page = parse_text(text)
    printed = "".join(p for item in page.items for p in item.paragraphs)
    printed += "".join(item.marker or "" for item in page.items)
    printed += "".join(item.headline or "" for item in page.items)
    assert Counter(c for c in printed if not c.isspace()) == Counter(
        c for c in text if not c.isspace()
    )
    for item in page.items:
        for paragraph in item.paragraphs:
            assert paragraph == paragraph.strip() and "  " not in paragraph


def test_a_long_page_in_any_line_shape_is_parsed_line_by_line() -> None:
    """Blank lines between printed ones (MuPDF, PDFium, CRLF) do not count toward the bound."""
    count = 10_000  # a page of small-type listings: well under the bound
    for sep in ("\n", "\n\n", "\r\n\r\n"):
        page = parse_text(sep.join(f"□ 新闻{n}" for n in range(count)))
        assert [item.marker for item in page.items] == ["□"] * count, repr(sep)
