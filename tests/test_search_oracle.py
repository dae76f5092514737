"""Search against a brute-force oracle (`searchoracle`): every hit and every span.

The big sweep is `bench/oracle.py`; here a smaller library of corpus text, queries of
every kind drawn by hypothesis, the odd forms one by one, and the disagreements the
sweep found, each as a case of its own.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from corpuslib import CORPUS, make_library
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from oracledraw import KINDS, ODD, Drawer, build
from searchoracle import (
    Clause,
    Filters,
    Shelf,
    Verdict,
    fold,
    judge,
    query_text,
    searchable,
    typable,
)

from reader.errors import ReaderError
from reader.library import Library
from reader.search import engine

Found = dict[str, dict[str, list[tuple[int, int]]]] | str


def run(library: Library, query: str, filters: Filters | None = None) -> Found:
    try:
        hits = engine.search(
            library, query, **(filters or Filters())._asdict(), limit=None, update=False
        )
    except ReaderError as error:
        return str(error)
    return {hit.id: hit.spans for hit in hits}


def check(
    library: Library, shelf: Shelf, clauses: list[Clause], filters: Filters | None = None
) -> Verdict:
    query = query_text(clauses)
    want = shelf.answer(clauses, filters) if searchable(clauses) else None
    return judge(f"{query} {filters}", run(library, query, filters), want)


@pytest.fixture(scope="module")
def shelved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, Shelf, Drawer]:
    if not CORPUS.exists():
        pytest.skip("shared/corpus is not beside the repo")
    library = build(tmp_path_factory.mktemp("oracle") / "lib", 500)
    engine.update(library)
    shelf = Shelf(library)
    return library, shelf, Drawer(shelf, library)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(KINDS), seed=st.integers(0, 2**32 - 1))
def test_every_kind_of_query_finds_what_a_scan_finds_and_highlights_it_exactly(
    shelved: tuple[Library, Shelf, Drawer], kind: str, seed: int
) -> None:
    """Single characters, runs across words, across a wrapped line and across paragraphs,
    odd forms, the other script, stop characters, repeats, exclusions, fields, phrases,
    OR, the page header; with filters of paper, issue, dates and page or without: the hit
    set and every span are the oracle's."""
    library, shelf, drawer = shelved
    rng = random.Random(seed)
    clauses = drawer.draw(rng, kind)
    if clauses is None:
        return
    verdict = check(library, shelf, clauses, Filters.draw(rng))
    assert verdict.good, verdict


def test_the_sweep_reaches_every_kind(shelved: tuple[Library, Shelf, Drawer]) -> None:
    """The drawer gives queries of every kind that find things (the test above is no test
    of a kind that never draws), and some across wrapped lines hit."""
    _, shelf, drawer = shelved
    rng = random.Random(18)
    for kind in KINDS:
        drawn = [c for c in (drawer.draw(rng, kind) for _ in range(60)) if c]
        assert len(drawn) > 20, kind
        if kind not in ("paragraphs", "exclude"):
            assert any(shelf.answer(c) for c in drawn if searchable(c)), kind
    assert len(drawer.wraps) > 100


def test_odd_forms_are_found_from_either_side_with_their_printed_spans(tmp_path: Path) -> None:
    """Each form whose fold has another length (①, ㈠, ﬁ, Ⅻ, ｶﾞ, ㎏, ㍻, a compatibility
    ideograph, a combining accent, COVID-19 in full width, 薴 -> 苧 -> 苎), typed as printed
    and as folded, alone and with the characters beside it."""
    lines = [f"这是第{n}段，其中有{form}这样的字样。" for n, (form, _) in enumerate(ODD)]
    lines += [f"另一段写着{typed}。" for _, typed in ODD]
    library = Library(make_library(tmp_path / "lib", lines, per_page=4))
    engine.update(library)
    shelf = Shelf(library)
    hits = 0
    for form, typed in ODD:
        for text in (form, typed, "有" + form, form + "这", fold(form).replace(" ", "")):
            clauses = [Clause(text)] if typable(text) else [Clause(text, phrase=True)]
            verdict = check(library, shelf, clauses)
            assert verdict.good, verdict
            hits += len(shelf.answer(clauses))
    assert hits > 3 * len(ODD)


def test_a_field_s_term_is_highlighted_in_that_field_only(tmp_path: Path) -> None:
    """`headline:经济` matches the headline: its body's 经济 are no hits of the query, and
    were highlighted (and walked by `n` in the reader) as if they were."""
    root = make_library(
        tmp_path / "lib",
        [
            "经济工作会议在京召开",
            "本报北京电 中央经济工作会议今天在北京召开。会议总结了今年的经济工作。",
        ],
    )
    library = Library(root)
    engine.update(library)
    (hit,) = engine.search(library, "headline:经济", update=False)
    assert hit.spans == {"headline": [(0, 2)]}
    assert hit.snippet_spans == ()
    (hit,) = engine.search(library, "body:经济", update=False)
    assert hit.spans == {"paragraphs.0": [(2, 4), (24, 26)]}
    (hit,) = engine.search(library, "headline:经济 召开", update=False)
    assert hit.spans == {"headline": [(0, 2), (8, 10)], "paragraphs.0": [(13, 15)]}
