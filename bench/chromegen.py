"""Broadsheet pages printed by a fourth engine, Chromium (Blink + Skia's PDF backend).

Issue 12 holds PDF import to a private set "set by another typesetting engine". The
importer was tuned on reportlab, Typst and WeasyPrint pages; Chromium's print to PDF
is none of them: Blink lays the text out (LayoutNG, HarfBuzz, its own CSS multi-column
balancing and justification) and Skia writes the PDF (its own text runs, ToUnicode
maps, glyph positioning and font subsets). A page here holds the seeded content and
truth of bench/weasygen.py's page of the same seed (`weasygen._Page`), printed with
`chromium --headless --print-to-pdf`, with what Chromium's CSS allows and real papers
vary, seeded apart from the content (so the truth is weasygen's):

- a sans body in some pages (`Noto Sans SC`), serif in the others;
- squeezed punctuation: Chromium has no `hanging-punctuation`, so `text-spacing-trim`
  (`normal`, `trim-start`, `space-all`) or the fonts' `halt` / `palt` features;
- `text-autospace` (an eighth of an em between CJK and Latin or digits) or none;
- `text-justify: inter-character` or the default;
- rules in the gutters (`column-rule`) or none;
- pictures as an image (a PNG) or a filled box.

`--variant` (the `chromevar-pdf` row): bench/weasygen.py's variant pages (other faces,
sizes, measures) printed so, the look's body face left out.

Optional: it runs only where a Chromium binary is found (`available()`); it is no
dependency of the project (`apt-get install chromium`; as root it needs
`--no-sandbox`, which is passed).

    python bench/chromegen.py --seed 3 --pages 2 --out /tmp/chrome
"""

from __future__ import annotations

import base64
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import typesetgen  # noqa: E402
import weasygen  # noqa: E402

BINARIES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PUNCTUATION = (
    "text-spacing-trim: normal;",
    "text-spacing-trim: trim-start;",
    "text-spacing-trim: space-all;",
    'font-feature-settings: "halt";',
    'font-feature-settings: "palt";',
)


def binary() -> str | None:
    """The Chromium (or Chrome) executable on PATH, if any."""
    return first_on_path(BINARIES)


def first_on_path(names: tuple[str, ...]) -> str | None:
    """The first of `names` that is an executable on PATH, if any."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def available() -> bool:
    """Whether Chromium, the fonts and the corpus are all here."""
    return (
        binary() is not None
        and typesetgen.fetch_fonts() is not None
        and typesetgen.load_corpus() is not None
    )


def _png(width: int = 48, height: int = 32) -> bytes:
    """A small grey gradient as a PNG (the picture of a `<img>`), written by hand."""
    rows = b"".join(
        b"\x00" + bytes(90 + (x * 3 + y * 4) % 120 for x in range(width)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    head = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit grey
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@dataclass(frozen=True)
class Look:
    """What a page's CSS varies beyond weasygen's HTML."""

    sans_body: bool
    punctuation: str
    autospace: bool
    inter_character: bool
    column_rule: bool
    image: bool

    @classmethod
    def draw(cls, seed: int) -> Look:
        rng = random.Random(f"chrome-{seed}")
        return cls(
            sans_body=rng.random() < 0.4,
            punctuation=rng.choice(PUNCTUATION),
            autospace=rng.random() < 0.5,
            inter_character=rng.random() < 0.5,
            column_rule=rng.random() < 0.4,
            image=rng.random() < 0.5,
        )

    def css(self, fonts: bool = True) -> str:
        """The look as CSS; `fonts`: its body face too (a variant page keeps its own)."""
        body = "Noto Sans SC" if self.sans_body else "Noto Serif SC"
        family = f"font-family: '{body}'; " if fonts else ""
        out = [
            f"body {{ {family}print-color-adjust: exact; -webkit-print-color-adjust: exact; }}",
            f"p {{ {self.punctuation} }}",
            f"body {{ text-autospace: {'normal' if self.autospace else 'no-autospace'}; }}",
        ]
        if self.inter_character:
            out.append("p { text-justify: inter-character; }")
        if self.column_rule:
            out.append(".cols { column-rule: 0.5pt solid #000; }")
        if self.image:
            uri = "data:image/png;base64," + base64.b64encode(_png()).decode("ascii")
            out.append(f".photo {{ background: url('{uri}') center / 100% 100% no-repeat; }}")
        return "\n".join(out)


def html(seed: int, variant: bool = False) -> tuple[int, str, str, tuple[typesetgen.Item, ...]]:
    """The page number, HTML, header text and items of a seed (weasygen's, restyled;
    `variant`: weasygen's variant page, its faces kept)."""
    corpus = typesetgen.load_corpus()
    if corpus is None:
        raise FileNotFoundError(typesetgen.CORPUS)
    rng = random.Random(seed)
    page = 1 if rng.random() < 0.35 else rng.randint(2, 16)
    layout = weasygen._Page(corpus, rng, weasygen.Variant.draw(seed) if variant else None)
    doc, header = layout.html(page)
    css = Look.draw(seed).css(fonts=not variant)
    doc = doc.replace("</head>", f"<style>{css}</style></head>", 1)
    return page, doc, header, tuple(layout.items)


def print_pdf(doc: str) -> bytes:
    """The HTML printed to PDF by headless Chromium."""
    exe = binary()
    if exe is None:
        raise FileNotFoundError("chromium")
    with tempfile.TemporaryDirectory(prefix="chromegen-") as tmp:
        src, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        src.write_text(doc, encoding="utf-8")
        subprocess.run(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return out.read_bytes()


def generate(seed: int, variant: bool = False) -> typesetgen.TypesetPage:
    """One Chromium page, seeded; the truth of weasygen's page of the same seed.
    `variant`: weasygen's variant page (other faces; a bold asked of a face that has
    none is Chromium's synthetic bold, which Skia writes as Type 3 glyphs)."""
    page, doc, header, items = html(seed, variant)
    return typesetgen.TypesetPage(seed, page, header, items, doc, print_pdf(doc))


class _Variant:
    """The variant pages as an engine of their own (`generate`), for bench/structure.py."""

    @staticmethod
    def generate(seed: int) -> typesetgen.TypesetPage:
        return generate(seed, variant=True)


VARIANT = _Variant()


def main() -> None:
    """Write PDFs, their HTML and ground truth to a folder."""
    missing = "Chromium, the fonts or the corpus are missing"
    var_missing = "the variant's system CJK fonts (see bench/weasygen.py) are missing"
    weasygen.write_pages(
        "chrome",
        generate,
        None if available() else missing,
        look=Look.draw,
        variant=(
            VARIANT.generate,
            weasygen.Variant.draw,
            None if available() and weasygen.variant_available() else var_missing,
        ),
    )


if __name__ == "__main__":
    main()
