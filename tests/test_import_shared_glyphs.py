"""A PDF whose ToUnicode map was written from the font's glyphs states ⼈ (a Kangxi
radical) where 人 is printed, ⺠ for 民, ― for —: cairo's `pdftocairo -pdf` does, as do
Ghostscript and office exporters, because Noto draws both with one glyph. Import writes
the characters the page prints (reader.importing.sharedglyphs)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.importing.pdf import read_pdf
from reader.importing.sharedglyphs import printed

HEAD = "人民日报社论"
TEXT = "全国人民日益关心农业生产，——这是一九九八年的大事。各地加强市场供应，保证节日需要。"


def test_radicals_and_marks_a_glyph_shares_read_as_printed() -> None:
    assert printed(0x2F08) == "人"  # KANGXI RADICAL MAN
    assert printed(0x2EA0) == "民"  # CJK RADICAL CIVILIAN: NFKC leaves it
    assert printed(0x2F47) == "日"
    assert printed(0x2F3E) == "户"  # the SC face's glyph, not NFKC's 戶
    assert printed(0xF92C) == "郎"  # a compatibility ideograph: its canonical form
    assert printed(0xFA23) == "\ufa23"  # a unified ideograph in that block stays
    assert printed(0x2015) == "—"
    assert printed(0x301C) == "\uff5e"  # FULLWIDTH TILDE
    for kept in "人民日报—\uff5e，A1":
        assert printed(ord(kept)) == kept


def _page_html(faces: str) -> str:
    body = "".join(f"<p>{TEXT}</p>" for _ in range(6))
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>{faces}
@page {{ size: 400pt 600pt; margin: 36pt; }}
body {{ font-family: 'Noto Serif SC'; font-size: 11pt; line-height: 1.5; }}
h1 {{ font-size: 24pt; text-align: center; }} p {{ text-indent: 2em; margin: 0; }}
</style></head><body><h1>{HEAD}</h1>{body}</body></html>"""


def test_a_page_rewritten_by_cairo_imports_as_the_page_chromium_wrote(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import chromegen
    import weasygen

    cairo = shutil.which("pdftocairo")
    if cairo is None or not chromegen.available():
        pytest.skip("needs Chromium, the Noto fonts and poppler's pdftocairo")
    original = tmp_path / "page.pdf"
    original.write_bytes(chromegen.print_pdf(_page_html(weasygen._font_faces())))
    rewritten = tmp_path / "cairo.pdf"
    subprocess.run([cairo, "-pdf", str(original), str(rewritten)], check=True)
    (want,) = read_pdf(original.read_bytes(), original.name)
    (got,) = read_pdf(rewritten.read_bytes(), rewritten.name)
    assert HEAD in want.text.replace("\n", "")
    # Justified lines may come with a space more or less (each producer positions glyphs
    # its own way); the parser drops spaces beside CJK. The characters are the same.
    assert "".join(got.text.split()) == "".join(want.text.split())
    assert want.structure is not None and got.structure is not None
    assert got.structure[0] == want.structure[0]
