"""Vertical type (竖排): the pages of tests/verticalpages.py through PDF import and page text.

For each page (Chromium's, and reportlab's glyph by glyph) and each way in (PDF import's
structure; the parser on PDFium's page text; on MuPDF's, where PyMuPDF is installed):
the heads found as headlines, the stacks right (kicker too), the stories whose
paragraphs are exactly the printed ones, the items made, and characters lost and
invented against the page text. To compare two versions of the reader:

    PYTHONPATH=/tmp/base python bench/vertical.py
    python bench/vertical.py
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import verticalpages as vp  # noqa: E402

from reader.importing.pdf import read_pdf  # noqa: E402
from reader.model import Page  # noqa: E402
from reader.parse.stories import parse_text  # noqa: E402


def _texts(pdf: bytes) -> dict[str, str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    out = {"pdfium text": doc[0].get_textpage().get_text_range()}
    doc.close()
    try:
        mupdf: Any = importlib.import_module("pymupdf")
    except ImportError:
        return out
    out["mupdf text"] = mupdf.open(stream=pdf)[0].get_text()
    return out


def main() -> None:
    pages: tuple[
        tuple[str, Callable[[], bytes | None], dict[str, tuple[str, ...]], dict[str, str]], ...
    ] = (
        ("chromium", vp.chromium_pdf, vp.STORIES, {vp.UNDER_KICKER: vp.KICKER}),
        ("glyphwise", vp.reportlab_pdf, vp.FORMS_STORIES, {}),
    )
    print("| page | way in | headlines | stacks right | paragraphs exact | items | lost/invented |")
    print("|---|---|---|---|---|---|---|")
    for name, make, stories, kickers in pages:
        pdf = make()
        if pdf is None:
            print(f"| {name} | (engine or face missing) | | | | | |")
            continue
        (read,) = read_pdf(pdf, f"{name}.pdf")
        ways: dict[str, tuple[str, Page | None]] = {
            "import": (read.text, read.structure[0] if read.structure else None)
        }
        ways.update({how: (text, parse_text(text)) for how, text in _texts(pdf).items()})
        for how, (text, page) in ways.items():
            items = page.items if page else ()
            heads = stacks = paras = 0
            for head, printed in stories.items():
                got = [it for it in items if it.headline == head]
                heads += bool(got)
                stacks += bool(got) and got[0].kicker == kickers.get(head)
                paras += bool(got) and got[0].paragraphs == printed
            made = vp.page_chars(page) if page else Counter()
            lost = sum((vp.visible(text) - made).values())
            invented = sum((made - vp.visible(text)).values())
            n = len(stories)
            print(
                f"| {name} | {how} | {heads}/{n} | {stacks}/{n} | {paras}/{n} | {len(items)} "
                f"| {lost}/{invented} |"
            )


if __name__ == "__main__":
    main()
