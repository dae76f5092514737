"""A headline holding the query ranks above body hits when the query reads as headline words
(search24). The texts are invented in the shape of the cases bench/queries.py found."""

from __future__ import annotations

from pathlib import Path

from corpuslib import make_library

from reader.library import Library
from reader.search import engine, rank


def first(tmp_path: Path, lines: list[str], query: str) -> str:
    library = Library(make_library(tmp_path / "lib", lines, per_page=2))
    engine.update(library)
    return engine.search(library, query, update=False)[0].headline


def test_a_headline_holding_the_query_inside_a_longer_word_is_first(tmp_path: Path) -> None:
    """新闻部 in 新闻部长, which jieba keeps as one word: the headline holds what was typed
    at a word's start, above bodies holding 新闻部 as a word of its own."""
    lines = [
        "外长会见来访的新闻部长",
        "双方就两国关系交换了意见。",
        "志愿者走进社区",
        "市委宣传部新闻部组织志愿者走进社区，新闻部的同志们讲解了政策。",
    ]
    assert first(tmp_path, lines, "新闻部") == "外长会见来访的新闻部长"


def test_a_headline_holding_the_query_as_a_part_is_above_bodies_with_the_word() -> None:
    """红塔 as a part of 红塔集团 in a long headline (bm25 counts a part 0.4) ranks above a
    body holding 红塔 as a word many times (bm25 and `WHOLE`): headline hits above body
    hits (DESIGN section 5), when the query reads as headline words. The figures are those
    of the case bench/queries.py seed 21 found, in the order of magnitude it had."""
    head = [{"headline": [(0, 2)]}]
    body = [{"paragraphs.0": [(0, 2), (20, 22), (40, 42)]}]
    form = rank.Shape(head=27, body=900, fill=0.5, words=12)
    in_head = rank.score(2.5, head, True, False, form=form, headline=True)
    in_body = rank.score(9.0, body, True, True, form=form, headline=True)
    assert in_head > in_body
