"""jieba words of an item for ranking: the only module that loads a segmenter.

jieba words in search mode (through rjieba, the same dictionary and algorithm,
HMM off) go to the index's second table, per field, where bm25 ranks them.
Only indexing imports this module: a query splits its words against the
index's stored vocabulary instead (DESIGN section 5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING

from reader.search.tokens import column_texts, grams

if TYPE_CHECKING:
    from reader.model import Item


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


def item_tokens(item: Item) -> tuple[str, str, str, str, str]:
    """Space-separated tokens for SQLite's ascii tokenizer: all bigrams, then words per column."""
    texts = column_texts(item)
    # Each distinct word once per field: term frequency saturates in bm25 anyway,
    # and repeats would cost a position each in the index.
    head, body, caption, meta = (
        " ".join(dict.fromkeys(words(text))) if text else "" for text in texts.values()
    )
    return " ".join(grams("\n".join(texts.values()))), head, body, caption, meta
