"""Import speed: pages a second for PDF pages and for text pages.

Builds multi-column Chinese pages from the corpus (tests/pdfgen.py, reportlab, about
1,000 glyphs a page) and dense Typst broadsheets (tests/typesetgen.py: 4-6 columns,
about 2,000 glyphs a page, OpenType CJK fonts from ~/.cache/reader-fonts), then times
`reader import`'s library code (read, check, plan, write; the search index is left
out, it has its own bench) into a fresh library: best of a few runs, CPU time of this
process and wall time.

    python bench/import.py [--pages 24] [--typeset 20] [--runs 3]

`--typeset 0` leaves the Typst row out (no fonts needed); `--pages 0` the reportlab
rows.

    python bench/import.py --dump OUT

writes what import makes of the check pages (Typst seeds 1-40 and 700-719,
pdfgen-typo 1-20, pdfgen 1-20): each page's text, structure JSON and a hash of its
PDF, for comparing two versions of the importer that should agree byte for byte:

    git archive BASE | tar -x -C /tmp/base
    PYTHONPATH=/tmp/base python bench/import.py --dump /tmp/a
    python bench/import.py --dump /tmp/b && cmp /tmp/a /tmp/b
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen  # noqa: E402
import pdfgen_typo  # noqa: E402
import typesetgen  # noqa: E402

from reader.importing.importer import apply, plan_import  # noqa: E402
from reader.importing.sources import read_pdf_file  # noqa: E402
from reader.library import Library  # noqa: E402


def _cpu() -> float:
    """CPU time of this process and of its children ended so far: PDFs are read in a
    child (reader/importing/bounded.py)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _time_import(source: list[Path], runs: int, work: Path) -> tuple[float, float]:
    """Best CPU time and best wall time of importing `source` into a new library."""
    cpu = wall = float("inf")
    for run in range(runs):
        root = work / f"lib{run}"
        start, start_cpu = time.perf_counter(), _cpu()
        plan = plan_import(Library(root), source, paper="bench", issue="1998-01-01")
        apply(plan)
        cpu = min(cpu, _cpu() - start_cpu)
        wall = min(wall, time.perf_counter() - start)
        shutil.rmtree(root)
    return cpu, wall


def _row(label: str, n: int, times: tuple[float, float]) -> str:
    cpu, wall = times
    return (
        f"{label:<22} {n / cpu:7.1f} pages/s CPU ({cpu * 1000 / n:5.1f} ms a page), "
        f"{n / wall:7.1f} pages/s wall ({wall * 1000 / n:5.1f} ms a page)"
    )


def _typeset_pdfs(pages: int, work: Path) -> list[Path]:
    """`pages` one-page Typst broadsheets, seeds 1 to `pages`."""
    corpus = typesetgen.load_corpus()
    if corpus is None or (not typesetgen.fonts_ready() and typesetgen.fetch_fonts() is None):
        sys.exit(f"the Typst row needs the corpus and the fonts in {typesetgen.FONT_DIR}")
    folder = work / "typeset"
    folder.mkdir()
    paths = []
    for seed in range(1, pages + 1):
        path = folder / f"p{seed:03d}.pdf"
        path.write_bytes(typesetgen.generate(seed, corpus).pdf)
        paths.append(path)
    return paths


def _dump(out: Path) -> None:
    """What import makes of each check page, in one file (see the module's doc)."""
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdfs = []
        for seed in [*range(1, 41), *range(700, 720)]:
            pdfs.append(work / f"typeset-{seed}.pdf")
            pdfs[-1].write_bytes(typesetgen.generate(seed).pdf)
        for seed in range(1, 21):
            pdfs.append(work / f"pdfgen-typo-{seed}.pdf")
            pdfs[-1].write_bytes(pdfgen_typo.build(seed)[0])
        for n, spec in enumerate(pdfgen.sample_pages(20, seed=1), start=1):
            pdfs.append(pdfgen.build_pdf(work / f"pdfgen-{n}.pdf", [spec]))
        for path in pdfs:
            for source in read_pdf_file(path):
                pdf = hashlib.sha256(source.pdf or b"").hexdigest()
                lines.append(f"== {path.name} {source.number} {source.empty} {pdf}")
                lines.append(source.text.decode("utf-8"))
                lines.append((source.structure or b"").decode("utf-8"))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(pdfs)} PDFs written to {out}")


def main() -> None:
    """Print pages a second for PDF and for text import."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=24, help="reportlab pages (tests/pdfgen)")
    parser.add_argument("--typeset", type=int, default=20, help="Typst broadsheets, one a file")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dump", type=Path, help="write the check pages' import here, no timing")
    args = parser.parse_args()
    if not pdfgen.CORPUS.exists():
        sys.exit(f"no corpus at {pdfgen.CORPUS}")
    if args.dump:
        _dump(args.dump)
        return
    from reader.importing.pdf import read_pdf

    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.pages:
            specs = pdfgen.sample_pages(args.pages, seed=1)
            pdf = pdfgen.build_pdf(work / "issue.pdf", specs)
            texts = work / "texts"
            texts.mkdir()
            pages = read_pdf(pdf.read_bytes(), pdf.name)
            for page in pages:
                (texts / f"{page.number:02d}.txt").write_text(page.text, encoding="utf-8")
            size = sum(len(p.text.encode()) for p in pages) / len(pages)
            n = len(pages)
            rows.append(f"{n} reportlab pages, {size / 1024:.1f} KB of text a page")
            rows.append(_row("PDF import:", n, _time_import([pdf], args.runs, work)))
            rows.append(_row("text import:", n, _time_import([texts], args.runs, work)))
        if args.typeset:
            typeset = _typeset_pdfs(args.typeset, work)
            rows.append(f"{len(typeset)} Typst broadsheets (tests/typesetgen.py seeds 1-)")
            times = _time_import(typeset, args.runs, work)
            rows.append(_row("Typst PDF import:", len(typeset), times))
    print(f"best of {args.runs}")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
