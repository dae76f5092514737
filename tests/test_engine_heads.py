"""The headline word table (issue 15): FTS5's bm25 of common words, read from headline rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from corpuslib import CORPUS, corpus_lines, make_library, write_page

from reader.library import Library
from reader.search import engine, heads, rank, store

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")

WORDS = ["经济", "中国", "发展", "工作"]
WEIGHTS = ", ".join(map(str, rank.WEIGHTS))


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bounds of a large archive, scaled to a library of 120 pages."""
    monkeypatch.setattr(heads, "TRACKED", 30)
    monkeypatch.setattr(engine, "_RANK_ALL", 20)
    monkeypatch.setattr(rank, "WINDOW", 5)


def check_tables(path: Path) -> dict[str, int]:
    """Assert that `counts` and `heads` say what FTS5 says; returns each word's postings
    of items on pages still indexed (a page changed or removed leaves its rows behind)."""
    conn = sqlite3.connect(path)
    live = {
        rowid
        for first, items in conn.execute("SELECT first, items FROM pages")
        for rowid in range(first, first + items)
    }
    rows, avgdl = heads.averages(conn)
    assert rows == conn.execute("SELECT count(*) FROM words_docsize").fetchone()[0]
    tracked = conn.execute("SELECT word, docs FROM counts").fetchall()
    assert {w for w, _ in tracked} >= set(WORDS)
    checked = {}
    for word, docs in tracked:
        phrase = '"' + word + '"'
        match = "SELECT rowid FROM words WHERE words MATCH ?"
        assert docs == len(conn.execute(match, (phrase,)).fetchall()), word
        blocks = heads.newest(conn, word, 0, None)
        postings = [p for block in blocks for p in zip(*block, strict=True)]
        rowids = [rowid for rowid, _, _ in postings]
        assert rowids == sorted(rowids, reverse=True)
        in_head = [
            r for (r,) in conn.execute(f"{match} ORDER BY rowid DESC", ("{head}:" + phrase,))
        ]
        assert rowids == in_head, word
        scorer = heads.bm25(docs, rows, avgdl, rank.WEIGHTS)
        assert scorer is not None
        fts5 = dict(
            conn.execute(
                f"SELECT rowid, bm25(words, {WEIGHTS}) FROM words WHERE words MATCH ?", (phrase,)
            )
        )
        for rowid, packed, length in postings:
            assert scorer[packed, length] == fts5[rowid]  # to the bit
        checked[word] = sum(rowid in live for rowid in rowids)
    conn.close()
    return checked


def test_headline_postings_score_as_fts5_and_follow_updates(
    tmp_path: Path, small_bounds: None
) -> None:
    root = make_library(tmp_path, corpus_lines(2400))
    path = root / ".reader" / store.NAME
    engine.update(Library(root), rebuild=True)
    assert sum(check_tables(path).values()) > 100
    # An issue added, a page changed, a page removed, an issue removed: the counts and
    # postings move with FTS5's rows (those of the pages gone stay, unreachable), and the
    # postings of pages indexed are those a rebuild makes.
    issue = root / "rmrb" / "1998-02-01"
    issue.mkdir()
    lines = corpus_lines(2600)[2400:]
    write_page(issue / "01.txt", lines[:100])
    write_page(issue / "02.txt", lines[100:])
    write_page(root / "rmrb" / "1998-01-02" / "03.txt", ["经济工作会议召开", "中国经济发展。"])
    (root / "rmrb" / "1998-01-03" / "05.txt").unlink()
    for page in (root / "rmrb" / "1998-01-04").iterdir():
        page.unlink()
    (root / "rmrb" / "1998-01-04").rmdir()
    stats = engine.update(Library(root))
    assert not stats.rebuilt and stats.indexed == 3 and stats.removed >= 1
    updated = check_tables(path)
    engine.update(Library(root), rebuild=True)
    rebuilt = check_tables(path)  # words that crossed `TRACKED` come and go only here
    assert {w: n for w, n in updated.items() if w in rebuilt} == {
        w: n for w, n in rebuilt.items() if w in updated
    }
    assert len(rebuilt.keys() & updated.keys()) > 0.9 * len(rebuilt)


def test_a_common_word_ranks_as_fts5_ranked_it(
    tmp_path: Path, small_bounds: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same window, order and scores as FTS5's bm25, and the same hits, without its walk.

    Past the window (limit 20 of a window of 40 in a search), items with the word only
    in the body follow unranked, newest first, where FTS5 scored the newest of them.
    """
    root = make_library(tmp_path, corpus_lines(2400))
    library = Library(root)
    engine.update(library, rebuild=True)
    used: list[bool] = []
    real = engine._from_heads

    def spy(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        used.append(found is not None)
        return found

    monkeypatch.setattr(engine, "_from_heads", spy)
    quick = {w: engine.search(library, w, limit=None, update=False) for w in WORDS}
    assert used == [True] * len(WORDS)
    monkeypatch.setattr(engine, "_from_heads", lambda *args: None)
    slow = {w: engine.search(library, w, limit=None, update=False) for w in WORDS}
    for word in WORDS:
        top = rank.WINDOW
        assert [(h.id, h.score) for h in quick[word][:top]] == [
            (h.id, h.score) for h in slow[word][:top]
        ]
        assert {h.id for h in quick[word]} == {h.id for h in slow[word]}
        assert len(quick[word]) > 100
