"""The query language: its parser, and its hits against an independent literal oracle."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from corpuslib import make_library
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.fields import field_group, item_fields
from reader.library import Library
from reader.model import Item
from reader.parse.pages import load_pages
from reader.search import engine
from reader.search.folding import fold
from reader.search.query import AllOf, AnyOf, Not, Term, parse

WORDS = ["数据", "经济", "香港", "改革", "开放", "economy", "economic", "econ", "NEAR", "or"]
PREFIXES = ["econ*", "econom*", "eco*"]


def test_terms_are_anded_and_or_takes_either() -> None:
    assert parse("数据 经济") == AllOf((Term("数据"), Term("经济")))
    assert parse("数据 AND 经济") == parse("数据 经济")
    assert parse("数据 OR 经济") == AnyOf((Term("数据"), Term("经济")))
    assert parse("香港 (数据 OR 经济)") == AllOf(
        (Term("香港"), AnyOf((Term("数据"), Term("经济"))))
    )
    assert parse("a OR b c") == AnyOf((Term("a"), AllOf((Term("b"), Term("c")))))


def test_phrases_exclusions_fields_and_prefixes() -> None:
    assert parse('"公共 数据" -局') == AllOf((Term("公共数据"), Not(Term("局"))))
    assert parse('"economic growth"') == Term("economic growth")
    assert parse('"GDP 增长 5%"') == Term("gdp增长5%")
    assert parse("-(数据 OR 局) 香港") == AllOf(
        (Not(AnyOf((Term("数据"), Term("局")))), Term("香港"))
    )
    assert parse("headline:(数据 OR 局)") == AnyOf(
        (Term("数据", "headline"), Term("局", "headline"))
    )
    assert parse("econom*") == Term("econom", prefix=True)
    assert parse("数据*") == Term("数据*")  # prefixes are for Latin words
    assert parse('"econom*"') == Term("econom*")


def test_unknown_words_and_misplaced_operators_are_text() -> None:
    assert parse("NEAR 数据") == AllOf((Term("near"), Term("数据")))
    assert parse("OR 数据") == AllOf((Term("or"), Term("数据")))
    assert parse("数据 AND") == AllOf((Term("数据"), Term("and")))
    assert parse("数据 or 局") == AllOf((Term("数据"), Term("or"), Term("局")))
    assert parse("12:30") == Term("12:30")


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("foo:香港", "unknown field 'foo'"),
        ("headline:", "with nothing after it"),
        ("(数据", "unclosed ("),
        ("数据)", "unmatched )"),
        ("()", "empty group"),
        ("-数据", "every term is excluded"),
        ("数据 OR ！", "nothing to search for"),
        ('""', "empty phrase"),
    ],
)
def test_usage_errors_name_the_problem(query: str, says: str) -> None:
    with pytest.raises(ReaderError) as caught:
        parse(query)
    assert says in caught.value.message
    if "field" in says:
        assert "headline, body, caption" in caught.value.message


# --- the property: hits are exactly what a literal scan of the items finds ------------


@dataclass(frozen=True)
class Leaf:
    word: str
    field: str | None
    phrase: bool


Tree = Leaf | tuple[str, tuple["Tree", ...]]


def leaves() -> st.SearchStrategy[Tree]:
    return st.builds(
        Leaf,
        st.sampled_from(WORDS),
        st.sampled_from([None, None, "headline", "body"]),
        st.booleans(),
    )


trees = st.recursive(
    leaves(),
    lambda inner: st.tuples(
        st.sampled_from(["and", "or", "not"]), st.lists(inner, min_size=1, max_size=3)
    ).map(lambda t: (t[0], tuple(t[1][:1] if t[0] == "not" else t[1]))),
    max_leaves=5,
)


def render(tree: Tree) -> str:
    if isinstance(tree, Leaf):
        text = f'"{tree.word}"' if tree.phrase or tree.word in ("NEAR", "or") else tree.word
        return f"{tree.field}:{text}" if tree.field else text
    kind, children = tree
    if kind == "not":
        return f"-({render(children[0])})"
    return "(" + f" {kind.upper()} ".join(render(c) for c in children) + ")"


def holds(tree: Tree, item: Item) -> bool:
    """The oracle: the folded printed fields, scanned."""
    if isinstance(tree, Leaf):
        return any(
            _has(fold(text), fold(tree.word))
            for key, text in item_fields(item)
            if (group := field_group(item, key)) and tree.field in (None, group)
        )
    kind, children = tree
    if kind == "not":
        return not holds(children[0], item)
    found = [holds(c, item) for c in children]
    return all(found) if kind == "and" else any(found)


def _has(text: str, word: str) -> bool:
    """`word` in `text`; a prefix `w*` only at the start of a word."""
    if not word.endswith("*"):
        return word in text
    stem = word[:-1]
    return any(
        text.startswith(stem, at) and (at == 0 or not text[at - 1].isalnum())
        for at in range(len(text))
    )


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, list[Item]]:
    rng = random.Random(13)
    filler = "今天天气很好大家都来参加活动"
    lines = []
    for n in range(120):
        picked = rng.sample([*WORDS, "socioeconomic", "Economist"], rng.randint(1, 3))
        cut = rng.randint(0, len(filler))
        head = n % 3 == 0
        text = filler[:cut] + "，".join(picked) + filler[cut:] + ("" if head else "。")
        lines.append(text if not head else text[:20])
    root = make_library(tmp_path_factory.mktemp("query") / "lib", lines, per_page=10)
    lib = Library(root)
    engine.update(lib)
    items = [i for issue in lib.issues() for p in load_pages(lib, issue) for i in p.items]
    return lib, items


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(tree=trees)
def test_hits_are_what_a_literal_scan_finds(small: tuple[Library, list[Item]], tree: Tree) -> None:
    lib, items = small
    query = render(tree)
    try:
        got = {h.id for h in engine.search(lib, query, limit=None, update=False)}
    except ReaderError as err:  # nothing wanted (all under -): nothing to compare
        assert "excluded" in err.message or "nothing to search" in err.message
        return
    assert got == {i.id for i in items if holds(tree, i)}, query
