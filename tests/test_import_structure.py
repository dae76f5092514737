"""PDF import keeps each page's structure from its typography beside the page text.

Pages from tests/pdfgen_typo.py (squeezed punctuation, digit spaces, hung marks,
several type sizes, pictures with credits, masthead and date band, briefs beside a
lead) come back with their stacks, captions and header; the structure file is used
while the text is as import wrote it, and the text parser takes over once a person
edits it. Import refuses a different PDF for existing pages unless --replace, which
then replaces exactly the pages the PDF holds.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pdfgen
import pdfgen_typo
import pytest
from typer.testing import CliRunner

from reader.cli.main import app
from reader.importing.reading_order import Glyph, page_text
from reader.library import Library
from reader.model import Page
from reader.parse.pages import load_page
from reader.parse.stories import parse_bytes

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.importing.importer.update_index", lambda library, issues=None: None)


@pytest.fixture(scope="module")
def corpus() -> None:
    if not pdfgen.CORPUS.exists():
        pytest.skip("shared/corpus is not beside this checkout")


def run(lib: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--library", str(lib), "import", *args])
    return result.exit_code, result.stdout, result.stderr


def norm(text: str | None) -> str:
    return "".join((text or "").split())


def chars(texts: list[str | None]) -> Counter[str]:
    return Counter(c for t in texts if t for c in t if not c.isspace())


def fields(page: Page) -> Counter[str]:
    texts: list[str | None] = [page.header]
    for it in page.items:
        texts += [it.kicker, it.headline, it.subtitle, it.byline, it.source, it.credit, it.marker]
        texts += it.paragraphs
    return chars(texts)


def imported(tmp_path: Path, seed: int) -> tuple[Page, dict[str, Any], Path]:
    pdf, truth = pdfgen_typo.build(seed)
    source = tmp_path / "src" / "rmrb-1998-01-05.pdf"
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(pdf)
    lib = tmp_path / "lib"
    code, _, err = run(lib, str(source), "--paper", "rmrb")
    assert code == 0, err
    library = Library(lib)
    page = load_page(library, library.issue("rmrb", "1998-01-05"), 1)
    return page, truth, lib / "rmrb" / "1998-01-05"


@pytest.mark.parametrize("seed", range(1, 9))
def test_typography_gives_stacks_captions_and_header(
    tmp_path: Path, corpus: None, seed: int
) -> None:
    page, truth, issue = imported(tmp_path, seed)
    assert (issue / "01.structure.json").is_file()
    text = (issue / "01.txt").read_text(encoding="utf-8")
    assert fields(page) == chars([text])  # nothing lost, nothing invented
    assert norm(page.header) == norm(truth["header"])  # masthead and date band, no items
    stacks = {(it.kicker, it.headline, it.subtitle) for it in page.items}
    for item in truth["items"]:
        if item["kind"] != "caption":
            assert (item["kicker"], item["headline"], item["subtitle"]) in stacks
    captions = [
        (norm("".join(c.paragraphs)), norm(c.credit)) for c in page.items if c.kind == "caption"
    ]
    assert captions == [
        (norm("".join(c["paragraphs"])), norm(c["credit"]))
        for c in truth["items"]
        if c["kind"] == "caption"
    ]


def test_the_structure_is_used_until_the_text_is_edited(tmp_path: Path, corpus: None) -> None:
    page, _, issue = imported(tmp_path, 2)
    txt = issue / "01.txt"
    assert page.items[0].kicker is not None  # set in smaller type: the text cannot say so
    assert page != parse_bytes(txt.read_bytes(), "rmrb", "1998-01-05", 1)
    assert page.items[0].id == "rmrb/1998-01-05/01/1"
    edited = txt.read_bytes().replace("菜篮子".encode(), "菜 篮子".encode(), 1)
    txt.write_bytes(edited)
    library = Library(tmp_path / "lib")
    again = load_page(library, library.issue("rmrb", "1998-01-05"), 1)
    assert again == parse_bytes(edited, "rmrb", "1998-01-05", 1)
    # Only import writes beside the page: the source folder holds just the PDF.
    assert [p.name for p in (tmp_path / "src").iterdir()] == ["rmrb-1998-01-05.pdf"]
    assert sorted(p.name for p in issue.iterdir()) == [
        "01.pdf",
        "01.structure.json",
        "01.txt",
        "issue.toml",
    ]


@pytest.mark.parametrize("damage", ["{not json", '{"items": ' + "[" * 200_000])
def test_a_damaged_structure_file_falls_back_to_the_text(
    tmp_path: Path, corpus: None, damage: str
) -> None:
    """Not JSON, or arrays nested deeper than the decoder goes (a RecursionError)."""
    _, _, issue = imported(tmp_path, 3)
    (issue / "01.structure.json").write_text(damage, encoding="utf-8")
    library = Library(tmp_path / "lib")
    page = load_page(library, library.issue("rmrb", "1998-01-05"), 1)
    assert page == parse_bytes((issue / "01.txt").read_bytes(), "rmrb", "1998-01-05", 1)


def test_replacing_a_pdf_page_with_text_drops_its_structure(tmp_path: Path, corpus: None) -> None:
    _, _, issue = imported(tmp_path, 4)
    text = tmp_path / "01.txt"
    text.write_text("标题\n　　另一种正文。\n", encoding="utf-8")
    lib = tmp_path / "lib"
    assert run(lib, str(text), "--paper", "rmrb", "--issue", "1998-01-05", "--replace")[0] == 0
    assert sorted(p.name for p in issue.iterdir()) == ["01.txt", "issue.toml"]


def test_a_different_pdf_needs_replace_and_replaces_exactly_its_pages(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    first = pdfgen.build_pdf(tmp_path / "a" / "2024-05-06.pdf", pdfgen.tiny_pages(2), seed=1)
    other = pdfgen.tiny_pages(2)
    other[0].header = "1 综合新闻 星期二"
    (tmp_path / "b").mkdir()
    second = pdfgen.build_pdf(tmp_path / "b" / "2024-05-06.pdf", other)
    lib = tmp_path / "lib"
    assert run(lib, str(first), "--paper", "p") == (0, "p/2024-05-06: added pages 1, 2\n", "")
    code, out, err = run(lib, str(second), "--paper", "p")
    assert code == 2
    assert "page 1 of 2024-05-06 exists with other content" in err
    code, out, err = run(lib, str(second), "--paper", "p", "--replace")
    assert (code, err) == (0, "")
    assert out == "p/2024-05-06: replaced page 1; unchanged page 2\n"
    issue = lib / "p" / "2024-05-06"
    assert sorted(p.name for p in issue.glob("*.txt")) == ["01.txt", "02.txt"]
    assert "星期二" in (issue / "01.txt").read_text(encoding="utf-8")


def _row(text: str, x: float, baseline: float, size: float, start: int) -> list[Glyph]:
    return [
        Glyph(c, x + i * size, x + (i + 1) * size, baseline - 0.25 * size,
              baseline + 0.75 * size, baseline, size, 400, start + i)
        for i, c in enumerate(text)
    ]  # fmt: skip


def test_a_two_em_dash_ligature_keeps_both_dashes() -> None:
    body = _row("他说", 0, 500, 10, 0)
    dash = [Glyph("—", 20, 40, 497.5, 507.5, 500, 10, 400, n) for n in (2, 3)]
    tail = _row("好。", 40, 500, 10, 4)
    assert page_text(body + dash + tail) == " 他说——好。\n"


def test_a_headline_with_digits_stays_one_line() -> None:
    size = 24.0
    head = _row("举报过期食品被奖", 0, 800, size, 0)
    x = head[-1].x1 + 0.25 * size
    digit = [Glyph("2", x, x + 0.5 * size, 794, 818, 800, size, 400, 8)]
    x = digit[0].x1 + 0.25 * size
    rest = _row("毛", x, 800, size, 9)
    body = _row("正文正文正文正文正文。", 0, 760, 10, 10)
    lines = page_text(head + digit + rest + body).split("\n")
    assert lines[0].replace(" ", "") == "举报过期食品被奖2毛"


def test_a_line_wider_than_its_column_moves_neither_of_its_edges() -> None:
    """A byline set across two columns goes to one of them; the column's paragraphs
    are still found against its own line starts and ends, not the wide line's."""
    from reader.importing.paragraphs import paragraph_lines as _paragraphs
    from reader.importing.typography import TypeLine

    def line(text: str, x0: float, x1: float, n: int) -> TypeLine:
        return TypeLine(text, False, 10.0, False, x0, x1, 700.0 - 12 * n, 690.0 - 12 * n)

    rows = [
        ("本报记者陈娜 本报记者罗志", 0.0, 300.0),
        ("甲段第一行缩进两字", 56.0, 176.0),
        ("甲段第二行排满整栏", 36.0, 176.0),
        ("甲段末行。", 36.0, 100.0),
        ("乙段第一行缩进两字", 56.0, 176.0),
        ("乙段第二行排满整栏", 36.0, 176.0),
        ("乙段第三行排满整栏", 36.0, 176.0),
        ("乙段末行。", 36.0, 90.0),
    ]
    got = _paragraphs([line(t, a, b, n) for n, (t, a, b) in enumerate(rows)], 10.0)
    assert [len(p) for p in got] == [1, 3, 4]


def test_a_poem_under_its_lead_is_a_paragraph_a_line() -> None:
    """A column whose lines mostly start indented (a poem after a short lead, a line a
    paragraph, each set in by the paragraph indent): its edge is still where the lead's
    lines start flush, so each poem line starts a paragraph (Writer's page of whole 1998
    articles, read seed 404, had 15 lines of verse run into one paragraph)."""
    from reader.importing.paragraphs import paragraph_lines as _paragraphs
    from reader.importing.typography import TypeLine

    def line(text: str, x0: float, n: int) -> TypeLine:
        x1 = x0 + 10.0 * len(text)
        return TypeLine(text, False, 10.0, False, x0, x1, 700.0 - 12 * n, 690.0 - 12 * n)

    rows = [("导语第一行缩进两字", 20.0), ("导语第二行排满整栏啊", 0.0), ("导语末行。", 0.0)]
    rows += [(f"诗句第{n}行，", 20.0) for n in "一二三四五六"]
    got = _paragraphs([line(t, x, n) for n, (t, x) in enumerate(rows)], 10.0)
    assert [len(p) for p in got] == [3, 1, 1, 1, 1, 1, 1]


def test_a_note_under_a_last_line_ending_in_brackets_is_the_source() -> None:
    """`（据新华社电）` set apart under `…纠正的。（本版法律顾问）`: the story's source,
    not a paragraph of its own."""
    from reader.importing.structure import _assemble
    from reader.importing.typography import TypeLine

    def line(text: str, x0: float, x1: float, n: int, hint: bool = False) -> TypeLine:
        return TypeLine(text, hint, 10.0, False, x0, x1, 700.0 - 12 * n, 690.0 - 12 * n)

    rows = [
        line("厂可与其交涉，相信环保局会", 36.0, 166.0, 0),
        line("依法纠正的。（本版法律顾问）", 36.0, 166.0, 1),
        line("（据新华社电）", 101.0, 166.0, 2),
    ]
    (item,) = _assemble(rows, 10.0, {})
    assert item.source == "（据新华社电）"
    assert [t.text for t in item.body] == [rows[0].text, rows[1].text]
