"""jieba words of an item for ranking: the only module that loads a segmenter.

jieba words in precise mode (through rjieba, the same dictionary and algorithm,
HMM off) go to the index's second table, per field, where bm25 ranks them: the
words a person reads, so 理工 is no word of 管理工作 (search mode's sub-words
would make it one). Recall never rests on them: the bigrams find every hit.
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


Cut = Callable[[str], Iterable[str]]


@cache
def segmenter() -> tuple[str, Cut, Cut]:
    """Precise and search-mode cuts, and a name that changes when their tokens may change."""
    from importlib.metadata import version

    try:
        import rjieba
    except ImportError:  # jieba is the reference; rjieba only makes it fast
        return _jieba()

    def cut(text: str) -> Iterable[str]:
        return rjieba.cut(text, False)

    def cut_for_search(text: str) -> Iterable[str]:
        return rjieba.cut_for_search(text, False)

    return f"rjieba {version('rjieba')} precise+parts", cut, cut_for_search


def _jieba() -> tuple[str, Cut, Cut]:
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
        return jieba.cut(text, HMM=False)  # type: ignore[no-any-return]

    def cut_for_search(text: str) -> Iterable[str]:
        return jieba.cut_for_search(text, HMM=False)  # type: ignore[no-any-return]

    return f"jieba {version('jieba')} precise+parts", cut, cut_for_search


def words(text: str) -> list[str]:
    """Precise-mode words of two or more letters or digits (single characters rank nothing)."""
    cut = segmenter()[1]
    return [w for w in cut(text) if len(w) > 1 and w.isalnum()]


@cache
def parts(word: str) -> tuple[str, ...]:
    """The words a long word is built of: 香港 理工 大学 in 香港理工大学, not 工大.

    Of jieba's search-mode sub-words, those of the tiling of the word with the
    fewest single characters left over, then the fewest pieces: 管理工作 is
    管理 + 工作, so 理工 is no part of it, while it is one of 香港理工大学.
    """
    if len(word) < 3:
        return ()
    subs = {s for s in segmenter()[2](word) if 1 < len(s) < len(word)}
    # best[i]: (single characters, pieces, the pieces) of the best tiling of word[:i]
    best: list[tuple[int, int, tuple[str, ...]]] = [(0, 0, ())]
    for end in range(1, len(word) + 1):
        ones, count, pieces = best[end - 1]
        choice = (ones + 1, count + 1, pieces)
        for sub in subs:
            start = end - len(sub)
            if start >= 0 and word[start:end] == sub:
                ones, count, pieces = best[start]
                choice = min(choice, (ones, count + 1, (*pieces, sub)))
        best.append(choice)
    return best[-1][2]


def item_tokens(item: Item, header: str | None = None) -> tuple[str, ...]:
    """Space-separated tokens for SQLite's ascii tokenizer: all bigrams, then words per
    column, the parts of the long words (`parts`, which rank below whole words), and
    the page `header`'s words (given with the page's first item)."""
    texts = column_texts(item, header)
    found = [words(text) if text else [] for text in texts.values()]
    head, body, caption, meta, top = (" ".join(ws) for ws in found)
    inside = dict.fromkeys(p for ws in found for w in dict.fromkeys(ws) for p in parts(w))
    bigrams = " ".join(grams("\n".join(texts.values())))
    return bigrams, head, body, caption, meta, " ".join(inside), top
