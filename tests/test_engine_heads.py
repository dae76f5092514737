"""The impact table (issue 15): common words' postings that can rank, scored as FTS5 does,
and a bound on all the others that holds."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from corpuslib import CORPUS, corpus_lines, make_library, write_page

from reader.library import Library
from reader.search import candidates, engine, heads, rank, scoring, store, topk

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")

WORDS = ["经济", "中国", "发展", "工作"]
WEIGHTS = ", ".join(map(str, rank.WEIGHTS))


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bounds of a large archive, scaled to a library of 120 pages."""
    monkeypatch.setattr(heads, "TRACKED", 30)


def check_tables(path: Path) -> dict[str, set[tuple[int, int, int, int]]]:
    """Assert that `counts` and `heads` say what FTS5 says, and that the bound of the
    postings not read holds for every item; returns each word's kept postings (band,
    rowid, counts, length) of items on pages still indexed (a page changed or removed
    leaves its rows behind)."""
    conn = sqlite3.connect(path)
    live = {
        rowid
        for first, items in conn.execute("SELECT first, items FROM pages")
        for rowid in range(first, first + items)
    }
    rows, avgdl = heads.averages(conn)
    assert rows == conn.execute("SELECT count(*) FROM words_docsize").fetchone()[0]
    stretch = max(1.0, avgdl / heads.AVERAGE)
    tracked = conn.execute("SELECT word, docs FROM counts").fetchall()
    assert {w for w, _ in tracked} >= set(WORDS)
    checked = {}
    for word, docs in tracked:
        phrase = '"' + word + '"'
        fts5 = dict(
            conn.execute(
                f"SELECT rowid, bm25(words, {WEIGHTS}) FROM words WHERE words MATCH ?", (phrase,)
            )
        )
        assert docs == len(fts5), word
        scorer = heads.bm25(docs, rows, avgdl, rank.WEIGHTS)
        assert scorer is not None
        kept = {}
        levels = []
        for level, rowids, packed, lengths in heads.bands(conn, word):
            levels.append(level)
            for rowid, counts, length in zip(rowids, packed, lengths, strict=True):
                assert rowid not in kept
                kept[rowid] = (level, counts, length)
                assert scorer[counts, length] == fts5[rowid]  # to the bit
                assert -fts5[rowid] <= scorer.idf * (level + 1) / heads.SCALE * stretch
        assert levels == sorted(levels, reverse=True)
        for rowid, score in fts5.items():
            if rowid not in kept:  # the bound `topk` takes for every item not read
                assert -score < scorer.idf * heads.FLOOR * stretch, (word, rowid)
        checked[word] = {(v[0], r, v[1], v[2]) for r, v in kept.items() if r in live}
    conn.close()
    return checked


def test_kept_postings_score_as_fts5_bound_the_others_and_follow_updates(
    tmp_path: Path, small_bounds: None
) -> None:
    root = make_library(tmp_path, corpus_lines(2400))
    path = root / ".reader" / store.NAME
    engine.update(Library(root), rebuild=True)
    assert sum(map(len, check_tables(path).values())) > 100
    # An issue added, a page changed, a page removed, an issue removed: the counts and
    # postings move with FTS5's rows (those of the pages gone stay, unreachable), and the
    # postings of pages indexed are those a rebuild makes (but for their rowids).
    issue = root / "rmrb" / "1998-02-01"
    issue.mkdir()
    lines = corpus_lines(2600)[2400:]
    write_page(issue / "01.txt", lines[:100])
    write_page(issue / "02.txt", ["经济工作会议", "经济经济经济。", *lines[100:]])
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

    Kept = dict[str, set[tuple[int, int, int, int]]]

    def shapes(found: Kept) -> dict[str, list[tuple[int, ...]]]:
        return {w: sorted((b, c, n) for b, _, c, n in v) for w, v in found.items()}

    common = rebuilt.keys() & updated.keys()
    assert len(common) > 0.9 * len(rebuilt)
    assert {w: v for w, v in shapes(updated).items() if w in common} == {
        w: v for w, v in shapes(rebuilt).items() if w in common
    }


def test_several_words_score_as_fts5(tmp_path: Path, small_bounds: None) -> None:
    """Words joined by AND, read to the end: every item read for all of them scores to the
    bit as FTS5's bm25 of the whole expression, ties oldest first, and those below the
    floor are FTS5's best, in its order; a word too rare to be tracked adds FTS5's share
    of it alone; a phrase twice, its share twice; other expressions are not read."""
    root = make_library(tmp_path, corpus_lines(2400))
    engine.update(Library(root), rebuild=True)
    conn = sqlite3.connect(root / ".reader" / store.NAME)
    tracked = {word for (word,) in conn.execute("SELECT word FROM counts")}
    conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, words, row)")
    rare = next(
        term
        for term, docs in conn.execute("SELECT term, doc FROM temp.v ORDER BY doc DESC")
        if term not in tracked and '"' not in term and docs >= 5
    )
    cases = [
        '("经济")',
        '("状况" AND "目前")',
        '(("单位") AND ("工作"))',
        '(("单位") AND ("工作") AND ("工作"))',
        f'(("工作") AND ("{rare}"))',
        f'(("{rare}") AND ("发展"))',
    ]
    everything = candidates.Scope(conn, candidates.Filters(None, None, None, None, None))
    earlier = candidates.Scope(conn, candidates.Filters(None, None, None, date(1998, 1, 8), None))
    for ranking in cases:
        words = scoring._and_words(ranking)
        assert words is not None
        fts5 = dict(
            conn.execute(
                f"SELECT rowid, bm25(words, {WEIGHTS}) FROM words WHERE words MATCH ?", (ranking,)
            )
        )
        for scope in (everything, earlier):
            allowed = sorted((s, r) for r, s in fts5.items() if scope.allows(r))
            assert len(allowed) >= 3, ranking
            span = (0, None) if scope.ranges is None else (scope.ranges[0][0], scope.ranges[-1][1])
            found = topk.best(conn, words, scope.allows, span, 10**6)
            assert found is not None
            assert all(fts5[r] == s for r, s in found.rows), ranking  # to the bit
            assert found.rows == sorted(found.rows, key=lambda row: (row[1], row[0]))
            below = [(r, s) for r, s in found.rows if s < found.floor]
            assert below == [(r, s) for s, r in allowed[: len(below)]], ranking
            assert all(s >= found.floor for s, r in allowed[len(below) :])
            if rare not in words:
                assert found.told == {r for r, _ in found.rows}
    for other in ('("单位" OR "工作")', '({head} : ("工作") AND ("单位"))', '("工" * AND "单位")'):
        assert scoring._and_words(other) is None
    conn.close()
