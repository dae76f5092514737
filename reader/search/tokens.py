"""Index tokens of an item: character bigrams for recall, jieba words for ranking.

Every run of letters and digits in the folded text gives its character bigrams
and its last character alone, so any literal occurrence of a query of two or
more characters holds all of the query's bigrams, and one of a single
character is found as a prefix. jieba words in search mode (through rjieba,
the same dictionary and algorithm, HMM off) go to a second table, per field,
where bm25 ranks them. The segmenter is imported only here, and only when
indexing.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING

from reader.search.matching import fold, item_fields

if TYPE_CHECKING:  # queries import this module for its patterns, not the model
    from reader.model import Item

COLUMNS = ("head", "body", "caption", "meta")
"""The word table's columns: headline stack, body, photo caption with credit, bylines."""

GROUP_COLUMN = {"headline": "head", "body": "body", "caption": "caption", "meta": "meta"}

RUN = re.compile(r"[^\W_]+")
"""A run of letters and digits (CJK ideographs included): the unit bigrams come from."""


def grams(text: str) -> list[str]:
    """Bigrams of each run of folded text, then the run's last character."""
    out: list[str] = []
    for run in RUN.findall(text):
        if len(run) > 1:
            out.extend(map(operator.add, run, run[1:]))
        out.append(run[-1])
    return out


@cache
def segmenter() -> tuple[str, Callable[[str], Iterable[str]]]:
    """The search-mode segmenter and a name that changes when its tokens may change."""
    from importlib.metadata import version

    try:
        import rjieba
    except ImportError:  # jieba is the reference; rjieba only makes it fast
        return _jieba()

    def cut(text: str) -> Iterable[str]:
        return rjieba.cut_for_search(text, False)

    return f"rjieba {version('rjieba')}", cut


def _jieba() -> tuple[str, Callable[[str], Iterable[str]]]:
    """Plain jieba, with its dictionary cache under the user cache dir, not /tmp."""
    import logging
    from importlib.metadata import version

    import jieba

    from reader.locations import cache_dir

    folder = cache_dir() / "jieba"
    folder.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(folder)
    jieba.setLogLevel(logging.WARNING)

    def cut(text: str) -> Iterable[str]:
        return jieba.cut_for_search(text, HMM=False)  # type: ignore[no-any-return]

    return f"jieba {version('jieba')}", cut


def words(text: str) -> list[str]:
    """Search-mode words of two or more letters or digits (single characters rank nothing)."""
    cut = segmenter()[1]
    return [w for w in cut(text) if len(w) > 1 and w.isalnum()]


def column_texts(item: Item) -> dict[str, str]:
    """The folded text of each FTS column of an item (fields joined by newlines)."""
    from reader.search.matching import field_group

    parts: dict[str, list[str]] = {column: [] for column in COLUMNS}
    for key, text in item_fields(item):
        group = field_group(item, key)
        if group is not None:
            parts[GROUP_COLUMN[group]].append(text)
    return {column: fold("\n".join(texts)) for column, texts in parts.items()}


def item_tokens(item: Item) -> tuple[str, str, str, str, str]:
    """Space-separated tokens for SQLite's ascii tokenizer: all bigrams, then words per column."""
    texts = column_texts(item)
    # Each distinct word once per field: term frequency saturates in bm25 anyway,
    # and repeats would cost a position each in the index.
    head, body, caption, meta = (
        " ".join(dict.fromkeys(words(text))) if text else "" for text in texts.values()
    )
    return " ".join(grams("\n".join(texts.values()))), head, body, caption, meta
