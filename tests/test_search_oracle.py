"""Search against a brute-force oracle (`searchoracle`): every hit and every span.

The big sweep is `bench/oracle.py`; here a smaller library of corpus text, queries of
every kind drawn by hypothesis, the odd forms one by one, and the disagreements the
sweep found, each as a case of its own.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from corpuslib import CORPUS, make_library
from hypothesis import HealthCheck, example, given, settings
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
from searchoracle import spans as oracle_spans

from reader.errors import ReaderError
from reader.library import Library
from reader.model import Item
from reader.search import engine
from reader.search.matching import holds_all, join_spans, term_spans
from reader.search.query import grams_expression, needed, parse, terms
from reader.search.segmenter import _fold_columns
from reader.search.tokens import gram_row

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
    set and every span are the oracle's, and the best 5 are hits of it with their spans."""
    library, shelf, drawer = shelved
    rng = random.Random(seed)
    clauses = drawer.draw(rng, kind)
    if clauses is None:
        return
    filters = Filters.draw(rng)
    verdict = check(library, shelf, clauses, filters)
    assert verdict.good, verdict
    every = run(library, query_text(clauses), filters)
    if isinstance(every, dict):  # the best 5 are hits of the whole list, with its spans
        best = engine.search(
            library, query_text(clauses), **filters._asdict(), limit=5, update=False
        )
        assert len(best) == min(5, len(every))
        assert all(every.get(hit.id) == hit.spans for hit in best)


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


def test_a_body_term_is_highlighted_in_the_headline_derived_from_the_body(tmp_path: Path) -> None:
    """A derived headline is the body's lead, never matched but highlighted: with `body:`
    as without a field (the hit's first line in the CLI), not with `headline:`."""
    root = make_library(
        tmp_path / "lib", ["中央经济工作会议今天在北京召开，会议总结了今年的经济工作。"]
    )
    library = Library(root)
    engine.update(library)
    for query in ("中央", "body:中央"):
        (hit,) = engine.search(library, query, update=False)
        assert hit.spans == {"derived_headline": [(0, 2)], "paragraphs.0": [(0, 2)]}
    assert engine.search(library, "headline:中央", update=False) == []


ODD_TEXT = (
    "经济数据发后後干乾幹發髮薴苧苎人金一平成香港"
    "abcXYZ019１２\uff21\uff41①⑫㈠ﬁⅫｶﾞｽ㎏㍻\uf90a\u2f08\u2fa6"
    "\u0301\u0308\u3099\u1100\u1161\u11a8Σ\u03c3ςİßẞΩ"
    "，。“”·・-_/ \u00a0\u200b…"
)


@settings(max_examples=400, deadline=None)
@example(text="00000000Y\u0301\u0301", at=4, size=6, folded=False)  # ý, then a second accent
@example(text="\u00a0\u0301\uff11", at=1, size=2, folded=False)  # an accent on a space
@example(text="据\u03a3①”\u0301", at=0, size=4, folded=False)  # an accent on a quote
@given(
    text=st.text(alphabet=ODD_TEXT, min_size=1, max_size=30),
    at=st.integers(0, 29),
    size=st.integers(1, 6),
    folded=st.booleans(),
)
def test_a_field_of_odd_text_matches_as_the_oracle_says_at_every_layer(
    text: str, at: int, size: int, folded: bool
) -> None:
    """For any text of odd characters and a piece of it (as printed or as folded): the
    matcher finds it where the oracle does, with the oracle's spans; the quick test before
    it (`holds_all`) lets it through; and the index's bigram row holds every token the
    query asks the bigram table for, so the item is a candidate at all."""
    term = text[at : at + size] or text
    assert layers(text, fold(term) if folded else term) in ("", "no hit", "no query"), (text, term)


def layers(text: str, term: str) -> str:
    """Where the search of `term` in a field printed `text` parts from the oracle: "" when
    nowhere and the oracle finds it, "no hit" when nowhere and it does not, "no query" when
    it is no single typable term; else "refused", "spans" (a hit too many or too few
    included), "quick test" or "grams" (`bench/oracle.py --odd` counts them)."""
    term = term.strip()
    if not typable(term) or any(c.isspace() for c in term):
        return "no query"
    try:
        tree = parse(term)
    except ReaderError:
        return "refused" if searchable([Clause(term)]) else "no query"
    (wanted,) = terms(tree)
    item = Item(id="p/i/01/1", kind="brief", paragraphs=(text,))
    want = oracle_spans(text, Clause(term).needle)
    if join_spans(term_spans(item, [wanted.text])[0].get("paragraphs.0", [])) != want:
        return "spans"
    if not want:
        return "no hit"
    if not holds_all(item, needed(tree)):
        return "quick test"
    expression = grams_expression(tree) or ""
    tokens = set(gram_row(_fold_columns([text])[1]).split())
    for word, prefix in re.findall(r'"((?:[^"]|"")+)"( \*)?', expression):
        word = word.replace('""', '"')
        if not (word in tokens or (prefix and any(t.startswith(word) for t in tokens))):
            return "grams"
    return "" if expression else "grams"
