"""The index's storage and bulk build: stored records, the parallel build, its disk."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from corpuslib import CORPUS, corpus_lines, make_library, write_page

from reader.library import Library
from reader.model import Item
from reader.search import build, pagetext, records, store
from reader.search import engine as index


def test_stored_items_give_back_every_character_the_page_holds(tmp_path: Path) -> None:
    # Traditional, astral, Latin and control characters come back as they went in, in
    # every field and in the page header, from a UTF-8 page and a GB18030 one; a character
    # the page does not hold (the space join_lines puts between Latin lines) too.
    text = "數據 𠀋𝄞 Straße é\x07\u3000——“引号”"
    items = [
        Item(id="p/i/01/1", kind="article", headline=text, paragraphs=(text, "二 Z")),
        Item(id="p/i/01/2", kind="caption", credit=text, paragraphs=()),
    ]
    for codec in ("utf-8", "gb18030"):
        data = f"{text}\n二\nZ\n".encode(codec)
        page = tmp_path / f"{codec}.txt"
        page.write_bytes(data)
        place = records.Place("p", "P", "i", None, 1, 1, 1, pagetext.encode(items, text, data))
        first, second = records.page_items(place._replace(path=str(page)))
        assert (first.headline, first.paragraphs, first.header) == (text, (text, "二 Z"), text)
        assert (second.credit, second.header) == (text, None)
        assert records.page_item(place._replace(path=str(page), number=2)) == second
        assert records.page_items(place._replace(path=str(tmp_path / "gone.txt"))) == []


QUERIES = ["经济", "改革 开放", "１９９８", "的", "新华社"]


@pytest.fixture
def two_libraries(tmp_path: Path) -> tuple[Path, Path]:
    """The same 60 pages of corpus text in two libraries."""
    lines = corpus_lines(1200)
    return make_library(tmp_path / "a", lines), make_library(tmp_path / "b", lines)


def found(root: Path) -> dict[str, list[str]]:
    library = Library(root)
    return {q: [h.id for h in index.search(library, q, update=False)] for q in QUERIES}


def integrity(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        for table in ("grams", "words"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")
def test_a_bulk_build_finds_and_updates_as_a_plain_one(
    two_libraries: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, bulk = two_libraries
    assert not index.update(Library(plain), rebuild=True).bulk
    path = bulk / ".reader" / store.NAME
    seen: list[tuple[bool, bytes]] = []

    def progress(done: int, total: int) -> None:  # inside the build's transaction
        wal = path.with_name(store.NAME + "-wal").exists()
        seen.append((wal or store.side_path(path).exists(), path.read_bytes()[18:20]))

    monkeypatch.setattr(build, "_BULK_MIN_PAGES", 10)
    stats = index.update(Library(bulk), rebuild=True, progress=progress)
    assert stats.bulk and stats.indexed == 60
    # From nothing: a rollback journal, no WAL (the index once on disk); the bigrams in
    # their side file while the pages go in, removed after.
    assert seen[-1] == (True, b"\x01\x01") and not any(b"\x02" in mode for _, mode in seen)
    assert not store.side_path(path).exists()
    assert not path.with_name(store.NAME + "-wal").exists()
    integrity(path)
    expected = found(plain)
    assert all(expected.values()) and found(bulk) == expected
    # The copied bigram segments take updates as their own: a page changed, one removed.
    for root in (plain, bulk):
        write_page(root / "rmrb" / "1998-01-02" / "03.txt", ["甲乙丙丁戊己庚辛，经济新闻。"])
        (root / "rmrb" / "1998-01-03" / "05.txt").unlink()
        assert index.update(Library(root)).indexed == 1
    integrity(path)
    assert found(bulk) == found(plain) != expected
    assert [h.id for h in index.search(Library(bulk), "丁戊己")] == ["rmrb/1998-01-02/03/1"]


@pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")
def test_a_bulk_build_whose_bigram_writer_fails_keeps_nothing(
    two_libraries: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = two_libraries[0]
    monkeypatch.setattr(build, "_BULK_MIN_PAGES", 10)
    monkeypatch.setattr(store, "INSERT_GRAMS", "INSERT INTO nosuchtable VALUES(?, ?)")
    path = root / ".reader" / store.NAME
    conn = store.connect(path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="nosuchtable"):
            build.apply(conn, Library(root), path, rebuild=True)
    finally:
        conn.close()
    assert not store.side_path(path).exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 0


@pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")
def test_an_update_gives_the_pages_it_frees_back_to_the_disk(
    two_libraries: tuple[Path, Path],
) -> None:
    root = two_libraries[0]
    index.update(Library(root))
    path = root / ".reader" / store.NAME
    size = path.stat().st_size
    for issue in sorted(p for p in (root / "rmrb").iterdir() if p.is_dir())[1:]:
        shutil.rmtree(issue)  # 52 of 60 pages gone: their stored items and tokens
    assert index.update(Library(root)).removed == 52
    with sqlite3.connect(path) as conn:  # their stored items' pages freed, then cut off
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    assert path.stat().st_size == pages * 4096 < size * 2
