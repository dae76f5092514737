"""Rewrite: the same pages written again by another PDF producer, scored against one truth.

Issue 12's private PDFs come from another typesetting engine. A cheap, exact proxy: the
PDFs bench/structure.py's generators make (their truth known), written again by another
producer. Every character and box stays where it was; only the way the fonts, their
ToUnicode maps, text matrices and glyph runs are written differs. Producers, each run
where its tool is installed (else skipped with a message):

- `cairo`: `pdftocairo -pdf` (poppler's cairo backend: Tf 1 with the size in Tm, fonts
  split into a WinAnsi TrueType and a CID subset, ToUnicode from the glyph);
- `gs`: Ghostscript's `pdfwrite` (Distiller in all but name);
- `mutool`: `mutool clean -gggz` (MuPDF rewrites the objects, keeps the streams' text);
- `qpdf`: `qpdf --object-streams=generate` (structure only: the control);
- `ps`: `pdf2ps` then `ps2pdf` (a PostScript round trip: Type 3 fonts, no usable map).

and, where PyMuPDF is importable, rewrites made object by object (`_PY_PRODUCERS`):

- `objstm`: every object but the streams packed into compressed object streams, with
  an xref stream (what qpdf's `--object-streams=generate` and pikepdf write; the
  structure only, a control where qpdf is missing);
- `form`: each page drawn as one Form XObject on a new page (a page placed by an
  imposition or e-paper tool: the text lives in the form, its fonts in the form's
  resources);
- `condensed`: the page drawn at 80% of its width (`0.8 0 0 1 0 0 cm` before its content:
  长体, condensed type, and every position with it; a `Tz` alone would narrow the glyphs
  but not the places a producer set each run at);
- `untounicode`: every font's /ToUnicode taken out (a producer that writes none: what
  the reader can still read from the encodings and font programs, and what it loses).

Each row (`whole-typeset-pdf+cairo`) scores the rewritten PDFs with bench/structure.py's
`Score` against the generator's truth, beside the original row (`+orig`). `failed`
counts pages the reader refused (scored as no items), `untrusted` pages where it said
a font's map cannot be trusted.

    python bench/rewrite.py [--pages 10] [--seed 400] [--generator NAME]... \\
        [--producer NAME]... [--cache DIR] [--json]

`--cache DIR` keeps each generated PDF and its truth there (and reuses them), so two
trees are scored on the same files without generating them twice.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import structure  # bench/structure.py, beside this file (on the path as the script's)

PRODUCERS: dict[str, tuple[str, Callable[[Path, Path], list[list[str]]]]] = {
    "cairo": ("pdftocairo", lambda src, dst: [["pdftocairo", "-pdf", str(src), str(dst)]]),
    "gs": (
        "gs",
        lambda src, dst: [
            [
                "gs",
                "-q",
                "-dNOPAUSE",
                "-dBATCH",
                "-dSAFER",
                "-sDEVICE=pdfwrite",
                f"-o{dst}",
                str(src),
            ]
        ],
    ),
    "mutool": ("mutool", lambda src, dst: [["mutool", "clean", "-gggz", str(src), str(dst)]]),
    "qpdf": ("qpdf", lambda src, dst: [["qpdf", "--object-streams=generate", str(src), str(dst)]]),
    "ps": (
        "pdf2ps",
        lambda src, dst: [
            ["pdf2ps", str(src), str(dst.with_suffix(".ps"))],
            ["ps2pdf", str(dst.with_suffix(".ps")), str(dst)],
        ],
    ),
}


def _objstm(src: Path, dst: Path) -> None:
    pymupdf: Any = importlib.import_module("pymupdf")  # optional: these producers only

    with pymupdf.open(src) as doc:
        doc.save(dst, garbage=3, deflate=True, use_objstms=1)


def _form(src: Path, dst: Path) -> None:
    pymupdf: Any = importlib.import_module("pymupdf")

    with pymupdf.open(src) as doc, pymupdf.open() as out:
        for page in doc:
            new = out.new_page(width=page.rect.width, height=page.rect.height)
            new.show_pdf_page(new.rect, doc, page.number)
        out.save(dst, garbage=3, deflate=True)


def _condensed(src: Path, dst: Path) -> None:
    pymupdf: Any = importlib.import_module("pymupdf")

    with pymupdf.open(src) as doc:
        for page in doc:
            page.clean_contents()  # one content stream a page
            (xref,) = page.get_contents()
            doc.update_stream(xref, b"q 0.8 0 0 1 0 0 cm\n" + doc.xref_stream(xref) + b"\nQ\n")
        doc.save(dst, garbage=3, deflate=True)


def _untounicode(src: Path, dst: Path) -> None:
    pymupdf: Any = importlib.import_module("pymupdf")

    with pymupdf.open(src) as doc:
        for xref in range(1, doc.xref_length()):
            if doc.xref_get_key(xref, "ToUnicode")[0] != "null":
                doc.xref_set_key(xref, "ToUnicode", "null")
        doc.save(dst, garbage=3, deflate=True)


_PY_PRODUCERS: dict[str, Callable[[Path, Path], None]] = {
    "objstm": _objstm,
    "form": _form,
    "condensed": _condensed,
    "untounicode": _untounicode,
}
ROWS = (
    "whole-typeset-pdf",
    "whole-chrome-pdf",
    "typeset-pdf",
    "chrome-pdf",
    "tex-pdf",
    "office-pdf",
)


def rewrite(producer: str, src: Path, dst: Path) -> bool:
    """`src` written again by `producer` as `dst`; False where the producer failed."""
    if producer in _PY_PRODUCERS:
        _PY_PRODUCERS[producer](src, dst)
        return dst.exists()
    for cmd in PRODUCERS[producer][1](src, dst):
        done = subprocess.run(cmd, capture_output=True, timeout=300)
        if done.returncode != 0:
            return False
    return dst.exists()


def cases(name: str, pages: int, seed: int, work: Path, cache: Path | None) -> list[Any]:
    """The generator's PDFs and truths (from `cache` where it holds them)."""
    out = []
    for n in range(seed, seed + pages):
        pdf, truth = (
            (cache / f"{name}-{n}.pdf", cache / f"{name}-{n}.json") if cache else (None, None)
        )
        if pdf is not None and truth is not None and pdf.exists() and truth.exists():
            out.append(structure.Case(pdf, json.loads(truth.read_text(encoding="utf-8"))))
            continue
        for case in structure.GENERATORS[name](1, n, work):
            if pdf is not None and truth is not None:
                shutil.copyfile(case.path, pdf)
                truth.write_text(json.dumps(case.truth, ensure_ascii=False), encoding="utf-8")
                case = structure.Case(pdf, case.truth)
            out.append(case)
    return out


def score(found: list[Any], producer: str | None, work: Path) -> dict[str, Any]:
    """One row's figures: every case's PDF (rewritten by `producer`) imported and scored."""
    total = structure.Score()
    failed = untrusted = 0
    for k, case in enumerate(found):
        path = case.path
        if producer is not None:
            path = work / f"{producer}-{k}-{case.path.name}"
            if not rewrite(producer, case.path, path):
                failed += 1
                total.add(case.truth, {"header": None, "items": []})
                continue
        got, said = _imported(path, work)
        failed += got is None
        untrusted += b"cannot be trusted" in said
        total.add(case.truth, got or {"header": None, "items": []})
    return total.figures() | {"failed": failed, "untrusted": untrusted}


def _imported(path: Path, work: Path) -> tuple[Any, bytes]:
    """`structure.reader_page` for a PDF, with what the import said on stderr; None for
    a page the reader refused."""
    library = Path(tempfile.mkdtemp(dir=work))
    reader = structure._reader()
    done = subprocess.run(
        [*reader, "--library", str(library), "import", str(path), *structure.IMPORT_AS],
        capture_output=True,
    )
    if done.returncode != 0:
        return None, done.stderr
    (text,) = sorted((library / "p" / "1998-01-05").glob("*.txt"))
    parsed = subprocess.run(
        [*reader, "parse", str(text), "--json"], check=True, capture_output=True, text=True
    )
    shutil.rmtree(library, ignore_errors=True)
    return json.loads(parsed.stdout), done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--seed", type=int, default=400)
    parser.add_argument("--generator", choices=sorted(structure.GENERATORS), action="append")
    parser.add_argument("--producer", choices=sorted([*PRODUCERS, *_PY_PRODUCERS]), action="append")
    parser.add_argument("--cache", type=Path, help="keep and reuse generated PDFs here")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    producers = []
    for name in args.producer or [*PRODUCERS, *_PY_PRODUCERS]:
        if name in _PY_PRODUCERS:
            if importlib.util.find_spec("pymupdf") is None:
                print(f"{name}: PyMuPDF not installed: skipped", file=sys.stderr)
            else:
                producers.append(name)
        elif shutil.which(PRODUCERS[name][0]) is None:
            print(f"{name}: {PRODUCERS[name][0]} not installed: skipped", file=sys.stderr)
        else:
            producers.append(name)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in args.generator or list(ROWS):
            found = cases(name, args.pages, args.seed, work, args.cache)
            results[f"{name}+orig"] = score(found, None, work)
            for producer in producers:
                results[f"{name}+{producer}"] = score(found, producer, work)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    cols = [
        ("pages", "pages"),
        ("headlines", "headlines_pct"),
        ("bylines", "bylines_pct"),
        ("para-F1", "paragraph_f1"),
        ("captions", "captions_pct"),
        ("header", "header_pct"),
        ("lost", "chars_lost"),
        ("invented", "chars_invented"),
        ("failed", "failed"),
        ("untrusted", "untrusted"),
    ]
    structure.print_table(results, cols, "row")


if __name__ == "__main__":
    main()
