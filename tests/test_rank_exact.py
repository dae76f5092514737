"""Ranking every candidate (issue 15): the hits shown equal those of bm25 over all of them.

The engine reads the best postings of common words from the impact table
(`reader.search.topk`) and scores only those; these tests compare its answers with
bm25 scoring every candidate (`topk.best` answering None), where the bound matters:
more candidates than the window, the best one old, in a headline or tied.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from corpuslib import CORPUS, corpus_lines, make_library, write_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.library import Library
from reader.search import engine, heads, rank, topk

Shown = list[tuple[str, str, float, str]]


def shown(library: Library, query: str, limit: int | None = 20, **filters: Any) -> Shown:
    hits = engine.search(library, query, limit=limit, update=False, **filters)
    return [(h.issue, h.id, h.score, h.headline) for h in hits]


def everything(
    library: Library, query: str, monkeypatch: pytest.MonkeyPatch, **filters: Any
) -> Shown:
    """The hits of bm25 over every candidate."""
    with monkeypatch.context() as patch:
        patch.setattr(topk, "best", lambda *args: None)
        return shown(library, query, **filters)


class Spy:
    """How often `topk.best` answered, and how often the window fell back to scoring all."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answered = 0
        self.fallbacks = 0
        real_best, real_run = topk.best, engine._run

        def best(*args: object) -> object:
            found = real_best(*args)  # type: ignore[arg-type]
            self.answered += found is not None
            return found

        def run(*args: object, every: bool = False) -> Iterator[object]:
            self.fallbacks += every
            return real_run(*args, every=every)  # type: ignore[arg-type, misc]

        monkeypatch.setattr(topk, "best", best)
        monkeypatch.setattr(engine, "_run", run)


def article_library(root: Path, articles: list[tuple[str, str]], per_page: int = 10) -> Library:
    """`articles` (headline, body) laid out in order, `per_page` a page, a day an issue of
    four pages: the first ones are the oldest."""
    folder = root / "rmrb"
    folder.mkdir(parents=True)
    (folder / "paper.toml").write_text('name = "人民日报"\n', encoding="utf-8")
    per_issue = per_page * 4
    for n, first in enumerate(range(0, len(articles), per_issue)):
        day = date(1990, 1, 1) + timedelta(days=n)
        issue = folder / day.isoformat()
        issue.mkdir()
        (issue / "issue.toml").write_text(f"date = {day.isoformat()}\n", encoding="utf-8")
        chunk = articles[first : first + per_issue]
        for page, at in enumerate(range(0, len(chunk), per_page), start=1):
            lines = []
            for headline, body in chunk[at : at + per_page]:
                lines += [headline, body]
            (issue / f"{page:02d}.txt").write_text(
                "".join(f"{line}\n\n" for line in lines), encoding="utf-8"
            )
    library = Library(root)
    engine.update(library, rebuild=True)
    return library


@pytest.fixture
def tracked_low(monkeypatch: pytest.MonkeyPatch) -> None:
    """Words in 30 items have bands (a large archive's common words, in a small one)."""
    monkeypatch.setattr(heads, "TRACKED", 30)


def test_column_weights_are_those_the_bands_were_chosen_with() -> None:
    assert heads._WEIGHTS == rank.WEIGHTS


def test_an_old_best_match_among_many_newer_weaker_ones(
    tmp_path: Path, tracked_low: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The article most about 乡镇企业 is the oldest of 1,501 with it in the headline (the
    others longer): it comes first, as with every candidate scored, and the window equals
    that one's, read from the bands alone."""
    articles = [("乡镇企业发展迅速", "全县乡镇企业产值增长，乡镇企业吸纳劳动力。")]
    for n in range(1500):
        filler = "会议还研究了其他工作，" * (1 + n % 5)
        body = f"会议提到乡镇企业等{n}项议题，{filler}并作了安排。"
        articles.append((f"第{n}个县乡镇企业会议", body))
    library = article_library(tmp_path, articles, per_page=25)
    spy = Spy(monkeypatch)
    found = shown(library, "乡镇企业", limit=40)
    assert spy.answered and not spy.fallbacks
    assert ("1990-01-01", "乡镇企业发展迅速") in {(h[0], h[3]) for h in found[:5]}
    assert found == everything(library, "乡镇企业", monkeypatch, limit=40)


def test_few_postings_in_the_bands_fall_back_to_every_candidate(
    tmp_path: Path, tracked_low: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """乡镇企业 once in the body of 1,500 items and in one old headline: too few postings
    rank high enough to be kept, so bm25 scores every candidate, and the answer is the same."""
    articles = [("乡镇企业发展迅速", "全县乡镇企业产值增长，乡镇企业吸纳劳动力。")]
    for n in range(1500):
        body = f"会议提到乡镇企业等{n % 97}项议题，并作了安排部署。"
        articles.append((f"第{n}个县召开会议", body))
    library = article_library(tmp_path, articles, per_page=25)
    spy = Spy(monkeypatch)
    found = shown(library, "乡镇企业", limit=40)
    assert spy.answered and spy.fallbacks
    assert found[0][3] == "乡镇企业发展迅速"
    assert found == everything(library, "乡镇企业", monkeypatch, limit=40)


def test_a_word_in_an_old_headline_and_ties(
    tmp_path: Path, tracked_low: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copies of one item tie: the oldest come first, as FTS5's sort leaves them; an old
    headline above newer body mentions; two words, one of them rare."""
    articles = []
    for n in range(300):
        articles.append(("外汇储备稳定", "人民币汇率保持稳定，外汇市场运行平稳。"))
        articles.append((f"综合新闻{n}", f"本报讯 第{n}条消息说人民币汇率，另有其他内容若干。"))
    articles.insert(0, ("人民币汇率稳定", "人民币汇率稳定。"))
    articles.append(("唯一的生僻词条目", "人民币汇率与鑫淼的关系。"))
    library = article_library(tmp_path, articles)
    spy = Spy(monkeypatch)
    for query in ["人民币汇率", "外汇储备", "人民币 稳定", "汇率 鑫淼", "人民币"]:
        assert shown(library, query) == everything(library, query, monkeypatch), query
    assert spy.answered >= 4
    top = shown(library, "外汇储备")
    assert len({score for _, _, score, _ in top}) == 1  # all tied
    assert [i for i, *_ in top] == sorted(i for i, *_ in top)  # oldest first


def test_corpus_queries_and_filters_equal_every_candidate_scored(
    tmp_path: Path, tracked_low: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not CORPUS.exists():
        pytest.skip("shared/corpus is not beside the repo")
    root = make_library(tmp_path, corpus_lines(2400))
    library = Library(root)
    engine.update(library, rebuild=True)
    spy = Spy(monkeypatch)
    queries = ["经济", "中国", "发展", "经济 发展", "人民币汇率", "改革 -经济", "记者", "工作 会议"]
    for query in queries:
        assert shown(library, query) == everything(library, query, monkeypatch), query
        since = date(1998, 1, 5)
        assert shown(library, query, since=since) == everything(
            library, query, monkeypatch, since=since
        )
    assert spy.answered >= len(queries)
    # An issue added moves the average length and the counts: still the same.
    issue = root / "rmrb" / "1998-03-01"
    issue.mkdir()
    (issue / "issue.toml").write_text("date = 1998-03-01\n", encoding="utf-8")
    write_page(issue / "01.txt", ["经济发展经济发展", "中国经济", *corpus_lines(2500)[2400:]])
    engine.update(library)
    for query in queries[:4]:
        assert shown(library, query) == everything(library, query, monkeypatch), query


def test_a_bound_set_too_low_is_seen(
    tmp_path: Path, tracked_low: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comparison can fail: with a bound claiming less than postings reach, the old
    best match, in a band not read, is lost."""
    articles = [("乡镇企业发展迅速", "全县乡镇企业产值增长，乡镇企业吸纳劳动力。")]
    for n in range(400):
        articles.append((f"乡镇企业第{n}次会议", f"会议提到乡镇企业等{n}项议题，并作了安排部署。"))
    library = article_library(tmp_path, articles, per_page=25)
    right = everything(library, "乡镇企业", monkeypatch)
    assert "乡镇企业发展迅速" in {h[3] for h in right}
    assert shown(library, "乡镇企业") == right
    # The best band skipped, and every band edge taken for next to nothing.
    bands = heads.bands
    monkeypatch.setattr(heads, "bands", lambda conn, word: islice(bands(conn, word), 1, None))
    monkeypatch.setattr(heads, "TOP", 1e-6)
    monkeypatch.setattr(heads, "SCALE", 10**9)
    wrong = shown(library, "乡镇企业")
    assert wrong != right and "乡镇企业发展迅速" not in {h[3] for h in wrong}


WORDS = ["经济", "发展", "改革", "企业", "市场", "人民", "中国", "工作"]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seed=st.integers(0, 10**6), floor=st.sampled_from([1.0, 1.4, 1.6, 1.9, 2.1]))
def test_random_libraries_rank_as_every_candidate(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    seed: int,
    floor: float,
) -> None:
    """Random small libraries, the limits low (few items tracked, a small window, bands
    from varied floors and an average length that stretches the bound or not): the top
    10 equal those of every candidate scored, for random queries of one to three words."""
    rng = random.Random(seed)
    monkeypatch.setattr(heads, "TRACKED", 5)
    monkeypatch.setattr(heads, "FLOOR", floor)
    monkeypatch.setattr(heads, "AVERAGE", rng.choice([8.0, 20.0, 60.0]))
    monkeypatch.setattr(rank, "WINDOW", rng.choice([3, 5, 8]))
    monkeypatch.setattr(engine, "_SPARE", rng.choice([0, 2]))
    articles = []
    for _ in range(rng.randint(60, 160)):
        head = "".join(rng.choices(WORDS, k=rng.randint(1, 3))) + "会议"
        body = "，".join(
            "".join(rng.choices(WORDS, k=rng.randint(1, 4))) + "问题"
            for _ in range(rng.randint(1, 6))
        )
        articles.append((head, body + "。"))
    library = article_library(tmp_path_factory.mktemp("lib"), articles, per_page=rng.choice([3, 7]))
    for _ in range(4):
        query = " ".join(rng.sample(WORDS, rng.randint(1, 3)))
        assert shown(library, query, limit=10) == everything(
            library, query, monkeypatch, limit=10
        ), query
