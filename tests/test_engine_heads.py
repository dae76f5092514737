"""The headline word table (issue 15): FTS5's bm25 of common words, read from headline rows."""

from __future__ import annotations

import sqlite3
from datetime import date
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


def test_several_words_score_as_fts5(tmp_path: Path, small_bounds: None) -> None:
    """Words joined by AND: the items with every tracked word in the headline, scored to
    the bit as FTS5's bm25 of the whole expression scores them, ties oldest first; a word
    too rare to be tracked adds FTS5's share of it alone; other expressions are not read."""
    root = make_library(tmp_path, corpus_lines(2400))
    engine.update(Library(root), rebuild=True)
    conn = sqlite3.connect(root / ".reader" / store.NAME)
    tracked = {word for (word,) in conn.execute("SELECT word FROM counts")}
    conn.execute("CREATE VIRTUAL TABLE temp.seen USING fts5vocab(main, words, instance)")
    match = "SELECT rowid FROM words WHERE words MATCH ?"
    in_head = {r for (r,) in conn.execute(match, ("{head}:工作",))}
    rare = next(
        term
        for term, docs in conn.execute(
            "SELECT term, count(DISTINCT doc) FROM temp.seen GROUP BY term ORDER BY term"
        )
        if term not in tracked
        and '"' not in term
        and len(
            {doc for (doc,) in conn.execute("SELECT doc FROM temp.seen WHERE term = ?", (term,))}
            & in_head
        )
        >= 3
    )
    cases = [
        '("状况" AND "目前")',
        '(("单位") AND ("工作"))',
        '(("单位") AND ("工作") AND ("工作"))',  # a phrase twice: its share twice
        f'(("工作") AND ("{rare}"))',
        f'(("{rare}") AND ("工作"))',
    ]
    everything = engine._Scope(conn, engine._Filters(None, None, None, None, None))
    earlier = engine._Scope(conn, engine._Filters(None, None, None, date(1998, 1, 8), None))
    counted = []
    for ranking in cases:
        words = engine._and_words(ranking)
        assert words is not None
        head = " AND ".join('{head} : "' + word + '"' for word in words if word in tracked)
        expect = [
            r
            for (r,) in conn.execute(
                "SELECT rowid FROM words WHERE words MATCH ? ORDER BY rowid DESC",
                (f"{ranking} AND {head}",),
            )
        ]
        assert len(expect) >= 3, ranking
        fts5 = dict(
            conn.execute(
                f"SELECT rowid, bm25(words, {WEIGHTS}) FROM words WHERE words MATCH ?", (ranking,)
            )
        )
        for scope in (everything, earlier):
            kept = engine._from_heads(conn, ranking, scope)
            assert kept is not None and not kept.complete
            allowed = [r for r in expect if scope.allows(r)]
            best = sorted((fts5[r], r) for r in allowed)  # to the bit, ties oldest first
            assert list(kept) == [(r, s) for s, r in best], ranking
            assert kept.whole == (set(allowed) if rare not in words else set())
            if scope is earlier:
                counted.append((len(expect), len(kept)))
    assert 0 < sum(n for _, n in counted) < sum(n for n, _ in counted)  # the scope cut some
    for other in ('("单位" OR "工作")', '({head} : ("工作") AND ("单位"))', '("工" * AND "单位")'):
        assert engine._from_heads(conn, other, everything) is None
    conn.close()


def test_several_words_rank_as_fts5_ranked_them(
    tmp_path: Path, small_bounds: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Words joined by AND with `rank.WINDOW` items holding all of them in the headline:
    the same window, order and scores as FTS5's bm25 gave, and the same hits."""
    monkeypatch.setattr(rank, "WINDOW", 3)  # 4 items of 120 pages hold both in the headline
    library = Library(make_library(tmp_path, corpus_lines(2400)))
    engine.update(library, rebuild=True)
    queries = ["经济 发展", "发展 经济"]
    used: list[int] = []
    real = engine._from_heads

    def spy(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        used.append(-1 if found is None else len(found))
        return found

    monkeypatch.setattr(engine, "_from_heads", spy)
    quick = {q: engine.search(library, q, limit=None, update=False) for q in queries}
    assert all(n >= rank.WINDOW for n in used) and len(used) == len(queries)
    monkeypatch.setattr(engine, "_from_heads", lambda *args: None)
    slow = {q: engine.search(library, q, limit=None, update=False) for q in queries}
    for q in queries:
        top = rank.WINDOW
        assert [(h.id, h.score) for h in quick[q][:top]] == [(h.id, h.score) for h in slow[q][:top]]
        assert {h.id for h in quick[q]} == {h.id for h in slow[q]}
        assert len(quick[q]) > 100
