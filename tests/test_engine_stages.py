"""The engine's query stages: the bigram candidates read only when the ranked ones miss."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from corpuslib import CORPUS, corpus_lines, make_library

from reader.library import Library
from reader.search import candidates, checking, engine, heads, scoring, store

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")


def test_bigram_candidates_are_read_only_after_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Items with the words apart (人民币 … 汇率) fail the check; past `_MISSES` of them the
    bigram candidates rule out the rest unloaded, with the same hits as checking them all;
    a query whose words are its terms never reads them."""
    apart = [f"第{n}个市场的人民币交易活跃，对美元的汇率稳定。" for n in range(40)]
    held = [f"第{n}家银行公布人民币汇率中间价。" for n in range(6)]
    lines = corpus_lines(400) + apart + held
    library = Library(make_library(tmp_path, lines, per_page=10))
    engine.update(library, rebuild=True)
    reads: list[object] = []
    real = candidates._candidates

    def spy(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        reads.append(found)
        return found

    loaded: list[int] = []
    hit = checking.Checker.hit

    def count(self: checking.Checker, rowid: int, score: float) -> object:
        loaded.append(rowid)
        return hit(self, rowid, score)

    monkeypatch.setattr(candidates, "_candidates", spy)
    monkeypatch.setattr(checking.Checker, "hit", count)
    sifted = engine.search(library, "人民币汇率", limit=None, update=False)
    sifted_loads = len(loaded)
    assert len(reads) == 1 and reads[0] is not None  # read once, and it held them
    assert len(sifted) == len(held)
    monkeypatch.setattr(candidates, "_MISSES", 10**9)
    checked = engine.search(library, "人民币汇率", limit=None, update=False)
    assert len(reads) == 1
    assert [(h.id, h.score) for h in checked] == [(h.id, h.score) for h in sifted]
    assert sifted_loads < len(loaded) - sifted_loads  # the items ruled out were not loaded
    assert engine.search(library, "经济 发展", update=False)
    assert len(reads) == 1


def test_a_word_alone_is_told_whole_as_the_word_table_tells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bm25 without the parts column, beside the score: 0 exactly where the item holds the
    word only inside a longer one, as `scoring.whole` finds with the word table's column filter;
    and the counts of the impact table's postings tell the same."""
    monkeypatch.setattr(heads, "TRACKED", 5)
    library = Library(make_library(tmp_path, corpus_lines(2400)))
    engine.update(library, rebuild=True)
    conn = sqlite3.connect(library.root / ".reader" / store.NAME)
    conn.execute("CREATE VIRTUAL TABLE temp.seen USING fts5vocab(main, words, instance)")
    inside = [
        word
        for (word,) in conn.execute(
            "SELECT term FROM temp.seen WHERE col = 'parts' GROUP BY term "
            "HAVING count(DISTINCT doc) >= 5 ORDER BY count(DISTINCT doc) DESC LIMIT 12"
        )
    ]
    scope = candidates.Scope(conn, candidates.Filters(None, None, None, None, None))
    parted = 0
    read = 0
    for word in inside:
        ranking = f'("{word}")'
        for need in (0, 10**6):  # every candidate scored; read from the impact table
            rows = scoring.scored(conn, ranking, "", [], scope, need)
            assert isinstance(rows, scoring.Ranked)
            rowids = [rowid for rowid, _ in rows]
            assert rows.told == set(rowids)
            assert rows.whole == scoring.whole(conn, ranking, rowids), word
            if need:
                read += rows.floor is not None
            else:
                parted += len(rowids) - len(rows.whole)
    assert parted > 0  # some items hold a word only inside longer ones
    assert read > 0
    conn.close()
