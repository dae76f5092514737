"""The engine's query stages: the bigram candidates read only when the ranked ones miss."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpuslib import CORPUS, corpus_lines, make_library

from reader.library import Library
from reader.search import engine

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
    real = engine._candidates

    def spy(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        reads.append(found)
        return found

    loaded: list[int] = []
    hit = engine._Checker.hit

    def count(self: engine._Checker, rowid: int, score: float) -> object:
        loaded.append(rowid)
        return hit(self, rowid, score)

    monkeypatch.setattr(engine, "_candidates", spy)
    monkeypatch.setattr(engine._Checker, "hit", count)
    sifted = engine.search(library, "人民币汇率", limit=None, update=False)
    sifted_loads = len(loaded)
    assert len(reads) == 1 and reads[0] is not None  # read once, and it held them
    assert len(sifted) == len(held)
    monkeypatch.setattr(engine, "_MISSES", 10**9)
    checked = engine.search(library, "人民币汇率", limit=None, update=False)
    assert len(reads) == 1
    assert [(h.id, h.score) for h in checked] == [(h.id, h.score) for h in sifted]
    assert sifted_loads < len(loaded) - sifted_loads  # the items ruled out were not loaded
    assert engine.search(library, "经济 发展", update=False)
    assert len(reads) == 1
