"""Inputs made to be slow, each at two sizes, through `reader parse` and `reader import`.

Each input is made at size n and 2n (forms: 2^d and 2^(d+2) drawings) and run in a
fresh process; the table gives wall and CPU time and the peak resident set of that
process and the children it waited for (`os.wait4`), the ratio of the two sizes' CPU
(about 2 linear, 4 the square), the exit code and stderr's first line. `--code DIR`
runs another checkout's `reader` (PYTHONPATH=DIR, run from the temporary folder so the
current one does not come first), to set a branch against its base.

    python bench/attacks.py [--code DIR] [--only NAME ...] [--timeout 300]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from costlypdf import FONT, forms, pdf, stream

_HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
_RNG = random.Random(1)


def _words(low: int, high: int) -> str:
    return "".join(_RNG.choice(_HAN) for _ in range(_RNG.randint(low, high)))


def _text(make: Callable[[int], str]) -> Callable[[int], bytes]:
    return lambda n: make(n).encode("utf-8")


TEXTS: dict[str, tuple[int, Callable[[int], bytes]]] = {
    "one line of n/3 characters": (2_500_000, _text(lambda n: _words(n // 3, n // 3) + "\n")),
    "n one-character lines": (
        100_000,
        _text(lambda n: "".join(_words(1, 1) + "\n" for _ in range(n))),
    ),
    "n headline-shaped lines": (
        25_000,
        _text(lambda n: "".join(_words(6, 14) + "\n" for _ in range(n))),
    ),
    "n lines of ——": (10_000, _text(lambda n: "——\n" * n)),
    "n lines opening quotes": (
        2_000,
        _text(lambda n: "".join("““" + _words(3, 8) + "\n" for _ in range(n))),
    ),
    "brackets n deep": (5_000, _text(lambda n: "（" * n + "新闻" + "）" * n + "\n")),
    "n —— on one line": (50_000, _text(lambda n: "——" * n + "\n")),
    "n lines of spaces": (20_000, _text(lambda n: "  \u3000 \u3000\u3000   \n" * n)),
    "a .txt of n MB": (25, lambda n: b"\xe6\x96\xb0" * ((n << 20) // 3)),
    "n spaced heads with a subtitle": (  # parse/spacedheads.py: the slowest shape, 1 MB/s
        2_500,
        _text(
            lambda n: "".join(
                " ".join(_words(4, 4)) + " ——" + _words(8, 12) + "\n" + _words(20, 24) + "。\n"
                for _ in range(n)
            )
        ),
    ),
    "n one-line paragraphs": (20_000, _text(lambda n: "标题\n" + "　　数据。\n" * n)),
}


_RES = b"/Resources << /Font << /F1 3 0 R >> >>"


def _pages(n: int, content: Callable[[int], bytes]) -> bytes:
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: FONT}
    kids = []
    for p in range(n):
        objects[4 + 2 * p] = stream(content(p))
        objects[5 + 2 * p] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] %s /Contents %d 0 R >>"
            % (_RES, 4 + 2 * p)
        )
        kids.append(b"%d 0 R" % (5 + 2 * p))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), n)
    return pdf(objects)


def _glyphs(n: int) -> bytes:
    lines = [
        b"BT /F1 2 Tf 5 %d Td (%s) Tj ET" % (780 - (i % 390) * 2, b"abcdefghij" * 20)
        for i in range(n // 200)
    ]
    return _pages(1, lambda p: b"\n".join(lines))


def _loop(kind: str) -> bytes:
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: FONT,
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] %s /Contents 5 0 R >>" % _RES,
        5: stream(b"BT /F1 12 Tf 72 720 Td (hello) Tj ET"),
    }
    if kind == "pages":
        objects[2] = b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>"
    data = pdf(objects)
    if kind == "xref":  # the trailer's /Prev names its own xref table
        at = data.rindex(b"startxref\n") + len(b"startxref\n")
        xref = data[at:].split(b"\n")[0]
        data = data.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Prev " + xref + b" >>")
    return data


PDFS: dict[str, tuple[int, Callable[[int], bytes]]] = {
    "a PDF of n pages": (
        2_500,
        lambda n: _pages(n, lambda p: b"BT /F1 12 Tf 72 720 Td (page %d) Tj ET" % p),
    ),
    "n glyphs on a page": (100_000, _glyphs),
    "forms 2^n drawings": (16, forms),
    "forms 2^30 drawings": (30, lambda n: forms(30)),
    "an xref naming itself": (1, lambda n: _loop("xref")),
    "a page tree holding itself": (1, lambda n: _loop("pages")),
}


def run(argv: list[str], code: str | None, timeout: float) -> tuple[float, float, float, int, str]:
    """Wall s, CPU s, peak MB, exit code, stderr's first line of `reader ARGV`."""
    env = {**os.environ, "NO_COLOR": "1"}
    if code:
        env["PYTHONPATH"] = code
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "reader", *argv],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            cwd=tempfile.gettempdir(),
        )
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        first = err.read(300).decode("utf-8", "replace").strip().split("\n")[0]
    wall = time.perf_counter() - started
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode, first


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code", help="a checkout whose reader/ to run (PYTHONPATH)")
    parser.add_argument("--only", nargs="*", help="names (substrings) of the inputs to run")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    print("| input | n | wall | CPU | peak | 2n: wall | CPU | peak | CPU ratio | exit | said |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        for table, suffix in ((TEXTS, ".txt"), (PDFS, ".pdf")):
            for name, (n, make) in table.items():
                if args.only and not any(o in name for o in args.only):
                    continue
                cells: list[str] = []
                ratio: list[float] = []
                exits: list[str] = []
                said = ""
                sizes = (n,) if n in (1, 30) else (n, n + 2 if name.startswith("forms") else 2 * n)
                for size in sizes:
                    path = (
                        root / f"{'ab'[len(cells)]}{suffix}"
                    )  # no digits: a PDF named 0 is page 0
                    path.write_bytes(make(size))
                    lib = root / f"lib{size}{suffix}"
                    if suffix == ".txt":
                        argv = ["parse", str(path), "--json"]
                    else:
                        argv = [
                            "--library",
                            str(lib),
                            "import",
                            str(path),
                            "--paper",
                            "p",
                            "--issue",
                            "2025-01-01",
                        ]
                    wall, cpu, peak, code, first = run(argv, args.code, args.timeout)
                    cells.append(f"{wall:.1f} s | {cpu:.2f} s | {peak:.0f} MB")
                    ratio.append(cpu)
                    exits.append(str(code))
                    said = said or first
                    path.unlink()
                second = cells[1] if len(cells) > 1 else "- | - | -"
                growth = f"{ratio[1] / max(ratio[0], 0.01):.1f}" if len(ratio) > 1 else "-"
                row = [name, f"{n:,}", cells[0], second, growth, "/".join(exits), said[:90]]
                print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
