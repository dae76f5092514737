"""`reader import` of real PDFs: multi-column Chinese pages built from the corpus,
imported, parsed, and checked against the text that went in; bad PDFs refused."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pdfgen
import pytest
from typer.testing import CliRunner

from reader.cli.main import app
from reader.library import Library
from reader.model import Item, Page
from reader.parse.pages import load_page

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest.clean_env already points the cache and data dirs at tmp dirs."""
    monkeypatch.setattr("reader.importing.importer.update_index", lambda library, issues=None: None)


@pytest.fixture(scope="module")
def corpus() -> None:
    if not pdfgen.CORPUS.exists():
        pytest.skip("shared/corpus is not beside this checkout")


def run(lib: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--library", str(lib), "import", *args])
    return result.exit_code, result.stdout, result.stderr


def chars(*texts: str | None) -> Counter[str]:
    """Non-whitespace characters, as a multiset (DESIGN section 3)."""
    return Counter(c for t in texts if t for c in t if not c.isspace())


def printed(spec: pdfgen.PageSpec) -> Counter[str]:
    """Every character the builder put on the page."""
    out = chars(spec.header)
    for module in spec.placed:
        if isinstance(module, pdfgen.Photo):
            out += chars(module.caption, module.credit)
        else:
            s = module
            out += chars(s.kicker, s.headline, s.subtitle, s.byline, s.source, *s.paragraphs)
    return out


def parsed(page: Page) -> Counter[str]:
    out = chars(page.header)
    for item in page.items:
        fields = (item.kicker, item.headline, item.subtitle, item.byline, item.source)
        out += chars(*fields, item.credit, item.marker, *item.paragraphs)
    return out


def body_of(item: Item, story: pdfgen.Story) -> tuple[str, ...]:
    """The item's paragraphs with a dateline the parser moved to the byline put back."""
    paragraphs = list(item.paragraphs)
    byline = item.byline or ""
    if story.byline and byline.startswith(story.byline):
        byline = byline[len(story.byline) :].strip()
    if byline and paragraphs:
        paragraphs[0] = byline + paragraphs[0]
    return tuple(paragraphs)


def build(
    tmp_path: Path, name: str, pages: int, seed: int, order: pdfgen.Order = "reading"
) -> tuple[list[pdfgen.PageSpec], Path]:
    specs = pdfgen.sample_pages(pages, seed=seed)
    return specs, pdfgen.build_pdf(tmp_path / name, specs, order=order, seed=seed)


@pytest.mark.parametrize(
    "seed",
    range(1, 9),
)
def test_articles_come_back_as_they_went_in(tmp_path: Path, corpus: None, seed: int) -> None:
    specs, pdf = build(tmp_path, f"rmrb-1998-01-{seed:02d}.pdf", 3, seed)
    lib = tmp_path / "lib"
    code, out, err = run(lib, str(pdf), "--paper", "rmrb")
    assert code == 0, err
    assert out == f"rmrb/1998-01-{seed:02d}: added pages 1, 2, 3\n"
    library = Library(lib)
    issue = library.issue("rmrb", f"1998-01-{seed:02d}")
    for number, spec in enumerate(specs, start=1):
        page = load_page(library, issue, number)
        # Nothing lost, nothing invented: PDF -> text -> parser keeps every character.
        assert parsed(page) == printed(spec)
        assert page.header == spec.header
        by_headline = {item.headline: item for item in page.items if item.headline}
        stories = [m for m in spec.placed if isinstance(m, pdfgen.Story)]
        assert stories
        for story in stories:
            assert story.headline is not None
            item = by_headline[story.headline]
            assert item.subtitle == story.subtitle
            assert item.source == story.source
            assert body_of(item, story) == story.paragraphs
        captions = [i for i in page.items if i.kind == "caption"]
        photos = [m for m in spec.placed if isinstance(m, pdfgen.Photo)]
        assert [("".join((c.byline or "", *c.paragraphs)), c.credit) for c in captions] == [
            (p.caption, p.credit) for p in photos
        ]


def test_drawing_order_does_not_matter(tmp_path: Path, corpus: None) -> None:
    """Reading order comes from where text sits, not from the order it was drawn."""
    from reader.importing.pdf import read_pdf

    texts = {}
    orders: tuple[pdfgen.Order, ...] = ("reading", "reversed", "shuffled")
    for order in orders:
        _, pdf = build(tmp_path, f"{order}.pdf", 2, 5, order)
        texts[order] = [p.text for p in read_pdf(pdf.read_bytes(), pdf.name)]
    assert texts["reversed"] == texts["reading"]
    assert texts["shuffled"] == texts["reading"]


def test_each_pdf_page_is_kept_as_its_own_pdf(tmp_path: Path, corpus: None) -> None:
    import pypdfium2 as pdfium

    _, many = build(tmp_path, "issue.pdf", 2, 6)
    _, one = build(tmp_path, "page-7.pdf", 1, 7)
    lib = tmp_path / "lib"
    code, out, err = run(lib, str(many), str(one), "--paper", "p", "--issue", "1998-01-20")
    assert code == 0, err
    issue = lib / "p" / "1998-01-20"
    assert sorted(p.name for p in issue.glob("*.pdf")) == ["01.pdf", "02.pdf", "07.pdf"]
    assert (issue / "07.pdf").read_bytes() == one.read_bytes()  # a one-page PDF: the original
    for name in ("01.pdf", "02.pdf"):
        doc = pdfium.PdfDocument(issue / name)
        assert len(doc) == 1
        doc.close()
    before = {p.name: p.read_bytes() for p in issue.iterdir()}
    code, out, err = run(lib, str(many), str(one), "--paper", "p", "--issue", "1998-01-20")
    assert code == 0, err
    assert out == "p/1998-01-20: unchanged pages 1, 2, 7\n"
    assert {p.name: p.read_bytes() for p in issue.iterdir()} == before


def test_replacing_a_pdf_page_with_text_drops_the_stale_pdf(tmp_path: Path, corpus: None) -> None:
    _, pdf = build(tmp_path, "03.pdf", 1, 8)
    lib = tmp_path / "lib"
    assert run(lib, str(pdf), "--paper", "p", "--issue", "k")[0] == 0
    text = tmp_path / "03.txt"
    text.write_text("标题\n　　另一种正文。\n", encoding="utf-8")
    assert run(lib, str(text), "--paper", "p", "--issue", "k")[0] == 2
    assert (lib / "p" / "k" / "03.pdf").exists()
    assert run(lib, str(text), "--paper", "p", "--issue", "k", "--replace")[0] == 0
    assert not (lib / "p" / "k" / "03.pdf").exists()
    assert (lib / "p" / "k" / "03.txt").read_bytes() == text.read_bytes()


def _bad_pdfs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = pdfgen.build_pdf(tmp_path / "good.pdf", pdfgen.tiny_pages())
    data = good.read_bytes()
    out: dict[str, tuple[Path, str]] = {}
    locked = pdfgen.build_pdf(tmp_path / "locked.pdf", pdfgen.tiny_pages(), encrypt="secret")
    out["encrypted"] = (locked, "encrypted PDF (needs a password)")
    scan = pdfgen.blank_pdf(tmp_path / "scan.pdf")
    out["scan"] = (scan, "no text layer (a scan?); reader does no OCR")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    out["truncated"] = (cut, "damaged PDF")
    garbled = tmp_path / "garbled.pdf"
    garbled.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    out["garbled"] = (garbled, "damaged PDF")
    orphan = tmp_path / "orphan.pdf"  # the page tree counts a page but holds none
    orphan.write_bytes(data.replace(b"/Kids [", b"/Kidz [", 1))
    out["page missing"] = (orphan, "page 1: damaged PDF")
    fake = tmp_path / "fake.pdf"
    fake.write_text("标题\n正文。\n", encoding="utf-8")
    out["not a pdf"] = (fake, "not a PDF (no %PDF- header)")
    return out


@pytest.mark.parametrize(
    "case", ["encrypted", "scan", "truncated", "garbled", "page missing", "not a pdf"]
)
def test_bad_pdfs_are_refused_and_nothing_is_written(tmp_path: Path, case: str) -> None:
    bad, message = _bad_pdfs(tmp_path)[case]
    good = tmp_path / "01.txt"
    good.write_text("标题\n　　正文。\n", encoding="utf-8")
    lib = tmp_path / "lib"
    lib.mkdir()
    code, out, err = run(lib, str(good), str(bad), "--paper", "p", "--issue", "k")
    assert code == 2
    assert out == ""
    assert err.startswith(f"reader: {bad}: {message}")
    assert err.count("\n") == 1
    assert list(lib.iterdir()) == []


def test_a_page_number_clash_with_a_pdf(tmp_path: Path) -> None:
    pdf = pdfgen.build_pdf(tmp_path / "page-2.pdf", pdfgen.tiny_pages(2))  # pages 2 and 3
    text = tmp_path / "03.txt"
    text.write_text("标题\n　　正文。\n", encoding="utf-8")
    lib = tmp_path / "lib"
    code, _, err = run(lib, str(pdf), str(text), "--paper", "p", "--issue", "k")
    assert code == 2
    assert err == f"reader: page 3 of k would come from both {pdf} (page 2) and {text}\n"
    assert not lib.exists()


def test_pdf_import_through_a_real_process(tmp_path: Path) -> None:
    pdf = pdfgen.build_pdf(tmp_path / "2024-05-06_A01.pdf", pdfgen.tiny_pages())
    lib = tmp_path / "lib"
    env = dict(
        os.environ, READER_CACHE_DIR=str(tmp_path / "c"), READER_DATA_DIR=str(tmp_path / "d")
    )
    env.pop("READER_LIBRARY", None)
    command = [sys.executable, "-m", "reader", "--library", str(lib), "import", str(pdf)]
    done = subprocess.run(
        [*command, "--paper", "dz"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "dz/2024-05-06: added page 1\n"
    assert "█" not in done.stderr  # no progress bar when stderr is not a terminal
    text = (lib / "dz" / "2024-05-06" / "01.txt").read_text(encoding="utf-8")
    assert text.splitlines()[1].strip() == pdfgen.TINY_HEADLINE


@pytest.mark.parametrize("seed", range(10, 16))
def test_nothing_lost_on_more_pages(tmp_path: Path, corpus: None, seed: int) -> None:
    """Whatever the parser makes of a page, every printed character reaches a field."""
    from reader.importing.pdf import read_pdf
    from reader.parse.stories import parse_text

    specs, pdf = build(tmp_path, "p.pdf", 2, seed, "shuffled")
    for spec, page in zip(specs, read_pdf(pdf.read_bytes(), pdf.name), strict=True):
        assert chars(page.text) == printed(spec)
        assert parsed(parse_text(page.text)) == printed(spec)


def test_every_glyph_has_a_size_even_type_set_at_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A glyph whose font size and box height are both 0 still gets a size.

    Found by mutating PDFs: garbled content read as text at `Tf 0` gave glyphs of
    size 0, and the layout, which compares two glyphs' sizes by dividing one by the
    other, stopped with `internal error: ZeroDivisionError`.
    """
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from reader.importing.textpage import page_glyphs as _glyphs

    pdf = pdfgen.build_pdf(tmp_path / "01.pdf", pdfgen.tiny_pages())
    real_box = raw.FPDFText_GetLooseCharBox

    def flat_box(page: object, index: int, rect: Any) -> int:
        found = int(real_box(page, index, rect))
        box = ctypes.cast(rect, ctypes.POINTER(raw.FS_RECTF)).contents
        box.top = box.bottom = 0.0
        return found

    monkeypatch.setattr(raw, "FPDFText_GetFontSize", lambda page, index: 0.0)
    monkeypatch.setattr(raw, "FPDFText_GetLooseCharBox", flat_box)
    doc = pdfium.PdfDocument(pdf.read_bytes())
    textpage = doc[0].get_textpage()
    glyphs, _ = _glyphs(textpage)
    textpage.close()
    doc.close()
    assert glyphs
    assert min(g.size for g in glyphs) > 0
