"""Common words joined by AND (issue 15): what `topk.best` proves (the items it read that
score below its floor) equals bm25 over every candidate, item for item and to the bit,
whichever word's bands it reads first."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_rank_exact import article_library

from reader.search import heads, rank, store, topk

WORDS = ["经济", "发展", "改革", "企业", "市场", "人民", "中国", "工作"]
WEIGHTS = ", ".join(map(str, rank.WEIGHTS))
Proven = list[tuple[int, float]]


def every_candidate(
    conn: sqlite3.Connection,
    words: list[str],
    allows: Callable[[int], bool] | None,
    either: bool = False,
) -> Proven:
    """(rowid, bm25) of every item holding the words (`either`: one of them), best first,
    ties oldest first."""
    expression = (" OR " if either else " AND ").join(f'"{word}"' for word in words)
    rows = conn.execute(
        f"SELECT rowid, bm25(words, {WEIGHTS}) FROM words WHERE words MATCH ?", (expression,)
    )
    return sorted(
        ((r, s) for r, s in rows if allows is None or allows(r)), key=lambda p: (p[1], p[0])
    )


def proven(found: topk.Best) -> Proven:
    """The items `best` read that score below its floor: no other can."""
    return [(rowid, score) for rowid, score in found.rows if score < found.floor]


def random_library(root: Path, rng: random.Random) -> sqlite3.Connection:
    """Articles of the common words, some in long items that hold one word often and
    seldom the other (items read for one word that lack the other)."""
    articles = []
    for _ in range(rng.randint(80, 200)):
        head = "".join(rng.choices(WORDS, k=rng.randint(1, 3))) + "会议"
        body = "，".join(
            "".join(rng.choices(WORDS, k=rng.randint(1, 4))) + "问题"
            for _ in range(rng.randint(1, 6))
        )
        if rng.random() < 0.3:  # one word repeated, nothing else of the list
            word = rng.choice(WORDS)
            head, body = word + "会议", "，".join([word + "问题"] * rng.randint(2, 6))
        articles.append((head, body + "。"))
    library = article_library(root, articles, per_page=rng.choice([3, 7]))
    return sqlite3.connect(library.root / ".reader" / store.NAME)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seed=st.integers(0, 10**6), floor=st.sampled_from([1.0, 1.4, 1.6, 1.9]))
def test_pairs_prove_what_every_candidate_scored_says(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    seed: int,
    floor: float,
) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(heads, "TRACKED", 5)
    monkeypatch.setattr(topk, "_SPEND", 0)  # three words read their bands to the end
    monkeypatch.setattr(heads, "FLOOR", floor)
    monkeypatch.setattr(heads, "AVERAGE", rng.choice([8.0, 20.0, 60.0]))
    conn = random_library(tmp_path_factory.mktemp("lib"), rng)
    for _ in range(8):
        words = rng.choice([rng.sample(WORDS, 2), rng.sample(WORDS, 3), [rng.choice(WORDS)] * 2])
        either = len(set(words)) == 2 and rng.random() < 0.5
        need = rng.choice([1, 3, 8, 20])
        allows = None if rng.random() < 0.5 else (lambda rowid: rowid % 3 != 1)
        span = (0, None)
        found = topk.best(conn, words, allows, span, need, either)
        truth = every_candidate(conn, words, allows, either)
        assert found is not None
        got = proven(found)
        assert got == [(r, s) for r, s in truth if s < found.floor], (words, either)
    conn.close()


def test_a_bound_that_forgets_items_read_for_one_word_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comparison can fail: without the bound of the items read for one word only,
    some of those that hold both and rank are left out of what is proven."""
    monkeypatch.setattr(heads, "TRACKED", 5)
    rng = random.Random(7)
    conn = random_library(tmp_path, rng)
    pairs = [rng.sample(WORDS, 2) for _ in range(30)]
    right = [every_candidate(conn, words, None) for words in pairs]
    for words, truth in zip(pairs, right, strict=True):
        found = topk.best(conn, words, None, (0, None), 8)
        assert found is not None and proven(found) == [p for p in truth if p[1] < found.floor]
    monkeypatch.setattr(topk._State, "_partial", lambda self, bounds: 0.0)
    wrong = 0
    for words, truth in zip(pairs, right, strict=True):
        found = topk.best(conn, words, None, (0, None), 8)
        wrong += found is not None and proven(found) != [p for p in truth if p[1] < found.floor]
    assert wrong > 0
    conn.close()


def test_or_items_read_for_one_word_that_lack_the_other_score_their_one_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """经济 OR 发展: items with 经济 in the headline and 发展 nowhere are the best; FTS5 is
    asked whether they hold 发展 (a seek, then, past `_WALK`, the items holding both read
    at once), and they are proven with their one share. A seek that says every item holds
    the other word proves none of them."""
    monkeypatch.setattr(heads, "TRACKED", 5)
    # 发展 in nearly half the items (a low IDF), 经济 in a few: their one share outranks
    # any item's both shares of the postings not kept.
    articles = [("人民会议", "市场问题，工作问题，人民问题，市场工作问题。")] * 200
    articles += [("工作会议", "发展问题，工作问题，人民问题，市场工作问题。")] * 200
    rng = random.Random(3)
    rng.shuffle(articles)
    for n in range(12):  # one a page, among the others
        articles.insert(n * 30 + 10, (f"经济{n}", "经济。"))
    library = article_library(tmp_path, articles, per_page=5)
    conn = sqlite3.connect(library.root / ".reader" / store.NAME)
    truth = every_candidate(conn, ["经济", "发展"], None, either=True)
    found = topk.best(conn, ["经济", "发展"], None, (0, None), 8, True)
    assert found is not None and len(proven(found)) >= 8
    assert proven(found) == [p for p in truth if p[1] < found.floor]
    for walk in (10**6, 1):  # seeks only; the items holding both read at once
        monkeypatch.setattr(topk, "_WALK", walk)
        again = topk.best(conn, ["经济", "发展"], None, (0, None), 8, True)
        assert again is not None and proven(again) == proven(found)
    # Seeks that say every item holds the other word prove none of them, until the bands
    # are read and the items holding both scored at once (none here) tell the truth.
    monkeypatch.setattr(topk, "_WALK", 10**6)
    monkeypatch.setattr(topk._Holder, "__call__", lambda self, word, rowids: set(rowids))
    late = topk.best(conn, ["经济", "发展"], None, (0, None), 8, True)
    assert late is not None and proven(late) == [p for p in truth if p[1] < late.floor]
    monkeypatch.setattr(topk._Holder, "scored", lambda self: dict.fromkeys(range(400), 0.0))
    wrong = topk.best(conn, ["经济", "发展"], None, (0, None), 8, True)
    assert wrong is not None and len(proven(wrong)) < 8
    conn.close()


def test_an_or_the_bands_cannot_prove_scores_the_items_holding_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """香港 OR 回归: items holding both words once in a short body, below the kept postings,
    outrank those with one word in the headline, so no band proves them. FTS5 scores the
    items holding both (`_Holder.scored`) and every other is proven by its one share; a
    join that leaves some out is seen."""
    monkeypatch.setattr(heads, "TRACKED", 5)
    filler = "，".join(["市场工作问题"] * 12)
    articles = [("人民会议", "市场问题，工作问题。")] * 150
    articles += [("经济会议", filler + "。")] * 40
    articles += [("工作会议", "经济发展问题，市场问题。")] * 40
    articles += [("发展会议", filler + "。")] * 10
    random.Random(5).shuffle(articles)
    library = article_library(tmp_path, articles, per_page=6)
    conn = sqlite3.connect(library.root / ".reader" / store.NAME)
    truth = every_candidate(conn, ["经济", "发展"], None, either=True)
    joins = []
    real = topk._Holder.scored

    def spy(self: topk._Holder) -> dict[int, float]:
        joins.append(real(self))
        return joins[-1]

    monkeypatch.setattr(topk._Holder, "scored", spy)
    for walk in (10**6, 1):  # seeks only; the unscored join at the first seek: then scored
        monkeypatch.setattr(topk, "_WALK", walk)
        found = topk.best(conn, ["经济", "发展"], None, (0, None), 20, True)
        assert found is not None and len(proven(found)) >= 20
        assert proven(found) == [p for p in truth if p[1] < found.floor]
    assert len(joins) == 2
    best_both = min(joins[0], key=joins[0].__getitem__)
    monkeypatch.setattr(
        topk._Holder, "scored", lambda self: {r: s for r, s in real(self).items() if r != best_both}
    )
    wrong = topk.best(conn, ["经济", "发展"], None, (0, None), 20, True)
    assert wrong is not None and proven(wrong) != [p for p in truth if p[1] < wrong.floor]
    conn.close()


def test_three_words_leave_the_bands_once_they_cost_more_than_fts5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three words joined by AND are proven from the bands (each item by the words it was
    read for) until their postings read reach the rarest doclist over `_SPEND`; then
    `best` answers None and the engine has FTS5 score them all."""
    monkeypatch.setattr(heads, "TRACKED", 5)
    conn = random_library(tmp_path, random.Random(11))
    words = WORDS[:3]
    truth = every_candidate(conn, words, None)
    monkeypatch.setattr(topk, "_SPEND", 0)
    found = topk.best(conn, words, None, (0, None), 3)
    assert found is not None and proven(found) == [p for p in truth if p[1] < found.floor]
    monkeypatch.setattr(topk, "_SPEND", 10**9)
    assert topk.best(conn, words, None, (0, None), 3) is None
    assert topk.best(conn, words[:2], None, (0, None), 3) is not None  # two: no limit
    conn.close()
