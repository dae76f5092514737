"""Stored items as spans of the page files (issue 15): exact, small, and never stale text."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from corpuslib import CORPUS, corpus_lines, make_library, write_page
from hypothesis import given, settings
from hypothesis import strategies as st
from pagegen import Corpus, generate
from pagegen2 import generate2, load_pools

from reader.library import Library
from reader.model import Item, Page
from reader.parse import structure
from reader.parse.pages import parse_page_bytes
from reader.search import build, journal, pagetext, records, store
from reader.search import engine as index

needs_corpus = pytest.mark.skipif(
    not CORPUS.exists(), reason="shared/corpus is not beside the repo"
)


def stored(page: Page) -> list[records.Stored]:
    """The page's items as `records.Stored` records, the header on the first."""
    return [
        records.Stored._make(
            (
                *(getattr(item, f) for f in records.Stored._fields[:-1]),
                page.header if n == 0 else None,
            )
        )
        for n, item in enumerate(page.items)
    ]


def texts_kept(blob: bytes, data: bytes) -> list[str]:
    """The text `pagetext.load` shows `keep` of each item, checked to hold every field the
    item has (the header on the first), so no item holding a term is ever refused."""
    spanned = pagetext.bytes_of(data, pagetext.check(blob))
    assert spanned is not None
    seen: list[str] = []

    def keep(text: str) -> bool:
        seen.append(text)
        return True

    loaded = pagetext.load(blob, spanned, keep=keep)
    assert loaded == pagetext.load(blob, spanned)
    assert pagetext.load(blob, spanned, keep=lambda text: False) == [None] * len(loaded)
    for fields, text in zip(loaded, seen, strict=True):
        assert fields is not None
        item = records.Stored._make(fields)
        shown = [item.header, *item[2:6], *item.paragraphs, *item[7:11]]
        for value in shown:
            assert value is None or value in text
    return seen


def round_trip(tmp_path: Path, data: bytes, page: Page) -> list[records.Stored]:
    """The page's items as a search reads them back from the spans over the file."""
    path = tmp_path / "01.txt"
    path.write_bytes(data)
    blob = pagetext.encode(page.items, page.header, data)
    texts_kept(blob, data)
    place = records.Place("p", "P", "i", None, 1, 1, 1, blob, str(path))
    items = records.page_items(place)
    for n, item in enumerate(items, start=1):
        assert records.page_item(place._replace(number=n)) == item
    return items


@needs_corpus
def test_parsed_pages_come_back_exact_from_spans(tmp_path: Path) -> None:
    # Generated pages wrap their lines and carry an extractor's spaces (NBSP, U+3000,
    # spaces beside CJK), which the parser drops and joins: the fields are not lines.
    corpus = Corpus.read()
    text_bytes = spans = 0
    for seed in range(40):
        gen = generate(corpus, seed)
        data = gen.text.encode("gb18030" if seed % 3 == 0 else "utf-8")
        page = parse_page_bytes(data, tmp_path / "01.txt", "p", "i", 1)
        assert page.items
        assert round_trip(tmp_path, data, page) == stored(page)
        text_bytes += len(data)
        spans += len(pagetext.encode(page.items, page.header, data))
    assert spans < 0.15 * text_bytes  # the copy they replace was 0.45x


@needs_corpus
def test_pages_with_import_structure_come_back_exact(tmp_path: Path) -> None:
    # A structure file's fields are as import read them from the PDF, not cut by the
    # parser: joins, spaces and characters the text file may not hold come back too.
    pools = load_pools()
    for seed in range(20):
        gen = generate2(seed, pools=pools)
        data = gen.text.encode()
        items = tuple(
            Item.from_dict({**t.to_dict(), "id": f"p/i/01/{n}"})
            for n, t in enumerate(gen.items, start=1)
        )
        odd = ("不在页面上的字：龘 Ω",)
        items = (*items, Item(id=f"p/i/01/{len(items) + 1}", kind="brief", paragraphs=odd))
        page = Page(paper="p", issue="i", page=1, header=gen.header, items=items)
        (tmp_path / "01.structure.json").write_bytes(structure.encode(page, data))
        read = parse_page_bytes(data, tmp_path / "01.txt", "p", "i", 1)
        assert read.items == items  # the structure stands for the page
        assert round_trip(tmp_path, data, read) == stored(read)


@settings(max_examples=200, deadline=None)
@given(
    st.text(min_size=0, max_size=300),
    st.lists(st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=6), max_size=8),
    st.text(max_size=5),
)
def test_any_fields_come_back_exact(
    text: str, cuts: list[list[tuple[int, int]]], extra: str
) -> None:
    # Fields cut from anywhere in the text, glued, with characters it does not hold.
    fields = ["".join(text[a : a + n] for a, n in pieces) + extra for pieces in cuts]
    items = [
        Item(
            id=f"p/i/01/{n}" if n % 2 else f"q{n}",
            kind="article",
            headline=f or None,
            paragraphs=(f, extra),
        )
        for n, f in enumerate(fields, start=1)
    ]
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates are no page's text
        return
    blob = pagetext.encode(items, extra or None, data)
    assert pagetext.check(blob)[0] == 0  # UTF-8
    texts_kept(blob, data)
    loaded = records.page_stored(blob, data)
    assert [s.paragraphs for s in loaded] == [(f, extra) for f in fields]
    assert [s.headline for s in loaded] == [f or None for f in fields]
    assert [s.id for s in loaded] == [i.id for i in items]


def test_a_changed_page_is_read_as_it_is_now(tmp_path: Path) -> None:
    items = [Item(id="p/i/01/1", kind="article", headline="旧标题", paragraphs=("旧的正文。",))]
    old = " 旧标题\n 旧的正文。\n".encode()
    path = tmp_path / "01.txt"
    place = records.Place(
        "p", "P", "i", None, 1, 1, 1, pagetext.encode(items, None, old), str(path)
    )
    # The same size, other text: the spans would cut wrong text from it.
    new = " 新的正文。\n 新标题\n".encode()
    assert len(new) == len(old)
    path.write_bytes(new)
    assert records.page_items(place) == stored(parse_page_bytes(new, path, "p", "i", 1))
    path.unlink()
    assert records.page_items(place) == [] and records.page_item(place) is None


@needs_corpus
def test_a_page_overwritten_in_place_shows_no_text_it_lost(tmp_path: Path) -> None:
    # An in-place write the freshness test cannot see (the folder's time put back):
    # the index still lists the old words, the hit is checked on the text as it is now.
    root = make_library(tmp_path / "lib", corpus_lines(320))
    library = Library(root)
    index.update(library)
    page = root / "rmrb" / "1998-01-01" / "01.txt"
    folder = page.parent
    before = os.stat(folder)
    lines = corpus_lines(20)
    old = lines[0]
    assert any(h.id.startswith("rmrb/1998-01-01/01/") for h in index.search(library, old[:6]))
    write_page(page, ["今天的改版文字，与旧文毫不相干。", "第二段也是新的。"])
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))
    for query in (old[:6], lines[1][:6], lines[5][:6]):
        hits = index.search(library, query, update=False)
        assert not [h for h in hits if h.id.startswith("rmrb/1998-01-01/01/")], query
    index.update(library)
    (hit,) = index.search(library, "改版文字")
    assert hit.id == "rmrb/1998-01-01/01/1"


def left_behind(library: Library) -> tuple[int, int]:
    """FTS rows of items no page holds now, and rows handed out in all."""
    conn = sqlite3.connect(store.index_path(library))
    handed = int(store.meta(conn)["next_rowid"]) - 1
    live = conn.execute("SELECT sum(max(items, 1)) FROM pages").fetchone()[0]
    conn.close()
    return handed - live, handed


@needs_corpus
def test_rows_of_pages_changed_stay_unreachable_and_many_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(tmp_path / "lib", corpus_lines(640))
    library = Library(root)
    index.update(library)
    queries = ["经济", "中国", "改革", "发展"]
    conn = sqlite3.connect(store.index_path(library))
    old = conn.execute(
        "SELECT sum(items) FROM pages p JOIN issues i ON i.id = p.issue_id WHERE "
        "(i.issue = '1998-01-01' AND p.page = 2) OR (i.issue = '1998-01-02' AND p.page = 3)"
    ).fetchone()[0]
    conn.close()
    write_page(root / "rmrb" / "1998-01-01" / "02.txt", ["经济改革的新消息。", "中国发展很快。"])
    (root / "rmrb" / "1998-01-02" / "03.txt").unlink()
    stats = index.update(library)
    assert not stats.rebuilt and stats.indexed == 1
    assert left_behind(library)[0] == old > 10  # the two pages' old items
    updated = {q: {h.id for h in index.search(library, q, limit=None)} for q in queries}
    assert "rmrb/1998-01-01/02/1" in updated["经济"]
    index.update(library, rebuild=True)
    assert left_behind(library)[0] == 0
    assert {q: {h.id for h in index.search(library, q, limit=None)} for q in queries} == updated
    # Once a quarter of the rows (and more than _ORPHANS) are left behind, an update rebuilds.
    monkeypatch.setattr(build, "_ORPHANS", 10)
    pages = sorted((root / "rmrb").glob("*/0[1-8].txt"))
    for n, page in enumerate(pages):
        behind, handed = left_behind(library)
        write_page(page, [f"第{n}版换了。"])
        stats = index.update(library)
        assert stats.rebuilt == (behind * 4 > handed), (n, behind, handed)
        if stats.rebuilt:
            assert any("rebuilding" in note for note in stats.notes)
            assert left_behind(library)[0] == 0
            break
    else:
        raise AssertionError("never rebuilt")


@needs_corpus
def test_an_index_outside_its_library_finds_the_page_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(tmp_path / "lib", corpus_lines(160))
    elsewhere = tmp_path / "cache" / store.NAME
    monkeypatch.setattr(store, "index_path", lambda library: elsewhere)
    library = Library(root)
    index.update(library)
    assert elsewhere.is_file() and not (root / ".reader").exists()
    hits = index.search(library, "经济")
    assert hits and all(hit.snippet for hit in hits)
    conn = journal.open_read(elsewhere)
    assert records.library_root(conn) == str(root.resolve())
    conn.close()


def test_fields_kept_as_text_are_shown_to_keep_too() -> None:
    """A field the page's encoding cannot hold (a lone surrogate a structure file gave) is
    kept as text, not as spans: `keep` sees it all the same."""
    data = "香港回归\n新华社电\n".encode()
    items = [
        Item(id="p/i/01/1", kind="article", headline="香港回归", paragraphs=("新华社电",)),
        Item(id="p/i/01/2", kind="brief", paragraphs=("\ud800港口",)),
    ]
    blob = pagetext.encode(items, "第一版", data)
    assert [len(text) for text in texts_kept(blob, data)] == [len("香港回归新华社电第一版") + 1, 4]


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc/self/maps")
def test_a_search_reads_the_index_without_mapping_it(tmp_path: Path) -> None:
    """A page fault in a mapped file reads the disk's read-ahead window around it (8 MB on
    the bench's machine): a search of a 2 GB index out of the page cache read 0.5 GB that
    way, a few MB by read() calls. The read connection must not map the file."""
    root = tmp_path / "lib"
    folder = root / "rmrb" / "1998-01-01"
    folder.mkdir(parents=True)
    write_page(folder / "01.txt", ["本报讯 数据局今天成立。", "另一段讲的是人民币汇率。"])
    library = Library(root)
    assert index.search(library, "数据")  # builds the index, then searches it
    path = store.index_path(library)
    conn = journal.open_read(path)
    try:
        assert conn.execute("SELECT count(*) FROM texts").fetchone()[0] == 1
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            mapped = [line for line in maps if line.rstrip().endswith(str(path.resolve()))]
    finally:
        conn.close()
    assert mapped == []
