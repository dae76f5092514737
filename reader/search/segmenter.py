"""jieba words of an item for ranking: the only module that loads a segmenter.

jieba words in precise mode (through rjieba, the same dictionary and algorithm,
HMM off) go to the index's second table, per field, where bm25 ranks them: the
words a person reads, so 理工 is no word of 管理工作 (search mode's sub-words
would make it one). Recall never rests on them: the bigrams find every hit.
Only indexing imports this module: a query splits its words against the
index's stored vocabulary instead (DESIGN section 5).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

from reader.search.folding import fold, fold_page
from reader.search.seams import seam_grams
from reader.search.tokens import COLUMNS, column_fields, gram_row

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


_SEP = "\v"
"""Between the columns of a page cut in one call: whitespace, so jieba ends a block there
(every segmenter call costs, and an item has five columns), and never in folded text."""

_CHUNK = 2**17
"""Characters of a page's columns cut in one segmenter call: a page of news many times
over, while a page of megabytes (a million one-line items) is not all in lists at once."""

_LONG = re.compile(r"[^ ]{3,}")
"""A word of three or more characters in a column's space-separated words: one with parts."""

Row = tuple[str, ...]
"""An item's row of the word table: head, body, caption, meta, parts and header words."""


def page_tokens(items: Sequence[Item], header: str | None = None) -> tuple[str, list[Row]]:
    """A page's `grams` row (`tokens.gram_row`, then its items' `seams.seam_grams`) and its
    items' word rows.

    Space-separated tokens for SQLite's ascii tokenizer: the words of each column,
    the parts of the long words (`parts`, which rank below whole words) and the page
    `header`'s words (on the first item's row). The folded columns of the page's items,
    up to `_CHUNK` characters of them, are joined by `_SEP`, bigrammed and cut in one
    call each (a test checks the rows equal those of cutting column by column). A page
    of more than one chunk keeps each bigram once, so its row stays as small as its
    vocabulary (a page of megabytes of markers).
    """
    row = ""
    seen: set[str] = set()
    rows: list[Row] = []
    flat: list[str] = []
    size = 0
    across: list[str] = []
    for n, item in enumerate(items, start=1):
        for text in column_fields(item, header if n == 1 else None):
            flat.append(text)
            size += len(text) + 1
        across += seam_grams(item)
        if size >= _CHUNK or n == len(items):
            flat, joined = _fold_columns(flat)
            row = gram_row(joined)
            if across:  # the runs across an item's fields (`seams`)
                row += " ".join(across) + " "
                across = []
            if n < len(items) or seen:
                seen.update(row.split())
            rows.extend(_rows(_cut_together(flat, joined)))
            flat, size = [], 0
    return (" ".join(seen) if seen else row), rows


def _fold_columns(texts: list[str]) -> tuple[list[str], str]:
    """The folded `texts` and them joined by `_SEP`: folded joined in one call (`fold_page`),
    else one by one (a text holding the separator, combining marks)."""
    joined = _SEP.join(texts)
    if joined.count(_SEP) == len(texts) - 1:
        whole = fold_page(joined)
        if whole is not None and whole.count(_SEP) == len(texts) - 1:
            return whole.split(_SEP), whole
    flat = [fold(text) for text in texts]
    return flat, _SEP.join(flat)


def _rows(columns: list[str]) -> Iterator[Row]:
    """The word rows of items from their columns' words (`COLUMNS` order, item by item)."""
    width = len(COLUMNS)
    for at in range(0, len(columns), width):
        head, body, caption, meta, top = columns[at : at + width]
        long = _LONG.findall(" ".join(columns[at : at + width]))
        inside = " ".join(dict.fromkeys(chain.from_iterable(map(parts, dict.fromkeys(long)))))
        yield head, body, caption, meta, inside, top


def _cut_together(flat: list[str], joined: str) -> list[str]:
    """The `words` of each folded text of `flat`, space-separated, cut in one call
    (`joined` by `_SEP`).

    Column by column when a text holds the separator itself, or the segmenter did
    not give each separator as a token of its own.
    """
    if joined.count(_SEP) == len(flat) - 1:
        tokens = segmenter()[1](joined)
        kept = [w for w in tokens if (len(w) > 1 and w.isalnum()) or w == _SEP]
        columns = " ".join(kept).split(_SEP)
        if len(columns) == len(flat):
            return [column.strip(" ") for column in columns]
    return [" ".join(words(text)) if text else "" for text in flat]
