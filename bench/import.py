"""Import speed: pages a second for PDF pages and for text pages.

Builds multi-column Chinese pages from the corpus (tests/pdfgen.py), then times
`reader import`'s library code (read, check, plan, write; the search index is
left out, it has its own bench) into a fresh library, best of a few runs.

    python bench/import.py [--pages 24] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen  # noqa: E402

from reader.importing.importer import apply, plan_import  # noqa: E402
from reader.library import Library  # noqa: E402


def _time_import(source: list[Path], runs: int, work: Path) -> float:
    """Best wall time of importing `source` into a new library."""
    best = float("inf")
    for run in range(runs):
        root = work / f"lib{run}"
        start = time.perf_counter()
        plan = plan_import(Library(root), source, paper="bench", issue="1998-01-01")
        apply(plan)
        best = min(best, time.perf_counter() - start)
        shutil.rmtree(root)
    return best


def main() -> None:
    """Print pages a second for PDF and for text import."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not pdfgen.CORPUS.exists():
        sys.exit(f"no corpus at {pdfgen.CORPUS}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        specs = pdfgen.sample_pages(args.pages, seed=1)
        pdf = pdfgen.build_pdf(work / "issue.pdf", specs)
        from reader.importing.pdf import read_pdf

        texts = work / "texts"
        texts.mkdir()
        pages = read_pdf(pdf.read_bytes(), pdf.name)
        for page in pages:
            (texts / f"{page.number:02d}.txt").write_text(page.text, encoding="utf-8")
        size = sum(len(p.text.encode()) for p in pages) / len(pages)
        pdf_time = _time_import([pdf], args.runs, work)
        txt_time = _time_import([texts], args.runs, work)
    n = len(pages)
    print(f"{n} pages, {size / 1024:.1f} KB of text a page, best of {args.runs}")
    print(f"PDF import:  {n / pdf_time:7.1f} pages/s  ({pdf_time * 1000 / n:.1f} ms a page)")
    print(f"text import: {n / txt_time:7.1f} pages/s  ({txt_time * 1000 / n:.2f} ms a page)")


if __name__ == "__main__":
    main()
