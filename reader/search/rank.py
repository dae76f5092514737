"""Ranking as a person reads: bm25 over whole words, then the text of the best candidates.

Every candidate that holds the query's words (jieba's precise-mode words, or the
parts of a long word, `reader.search.segmenter.parts`) gets a bm25 score from the
word table. The best `WINDOW` of them, checked literally anyway, are then ordered
again by what only the text shows: the query's terms in the headline (a rare term's
share weighing more than a common one's), and how close together they stand in one
field (a phrase cut in two ranks below one kept whole); and by whether they hold the
query's words as words, which the engine asks the word table. Plain Python over
spans: no SQLite, no segmenter.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.fields import HEAD_FIELDS

WEIGHTS = (1.0, 8.0, 1.0, 0.5, 0.4, 0.5)
"""bm25 weights of the word table's columns (`reader.search.store`): body, headline stack,
caption, bylines, the parts of long words (理工 in 香港理工大学), which count less than
a whole word, and the page header."""

WINDOW = 40
"""The best candidates by bm25 that the text orders again (each is loaded and checked anyway)."""

HEAD = 3.0
"""Added when every term is in the headline stack (a share of it for some)."""
NEAR = 2.5
"""Added when the terms stand together in one field, less the further apart they are.

Tuned on bench/ranking.py (seeds 1998 and 7): a count of body hits on top of bm25's
own term frequency made things worse, so there is none."""
WHOLE = 3.0
"""Added when the item holds every query word as a word of its own, not only inside a
longer one (联合 and 行政区 as words, not 行政区 in 香港特别行政区 alone): bm25 counts such a
part at 0.4, which a short item's length makes up for. A person asking for 行政区 means the
word; a part still ranks (理工 in 香港理工大学), below the whole word."""

Spans = dict[str, list[tuple[int, int]]]


def closeness(found: Sequence[Spans]) -> float:
    """1 when the terms stand next to each other in one field, towards 0 as they part.

    The smallest window of one field holding an occurrence of every term,
    less the terms' own length, is the gap; a gap of g characters gives
    1 / (1 + g / 8).
    """
    if len(found) < 2:
        return 0.0
    best: float | None = None
    shared = set(found[0]).intersection(*found[1:])
    for key in shared:
        marks = sorted((s, e, n) for n, spans in enumerate(found) for s, e in spans[key])
        gap = _smallest_gap(marks, len(found))
        if gap is not None and (best is None or gap < best):
            best = gap
    return 0.0 if best is None else 1.0 / (1.0 + best / 8.0)


def _smallest_gap(marks: list[tuple[int, int, int]], terms: int) -> float | None:
    """The smallest gap of a window holding all `terms` (marks sorted by start)."""
    best: float | None = None
    last: dict[int, tuple[int, int]] = {}
    for start, end, n in marks:
        last[n] = (start, end)
        if len(last) == terms:
            low = min(s for s, _ in last.values())
            high = max(e for _, e in last.values())
            used = sum(e - s for s, e in last.values())
            gap = max(0, high - low - used)
            best = gap if best is None else min(best, gap)
    return best


def score(
    coarse: float,
    found: Sequence[Spans],
    worded: bool = True,
    whole: bool = False,
    weights: Sequence[float] = (),
) -> float:
    """The final score of a verified candidate: its bm25 `coarse` plus what its text shows.

    `found`: for each wanted term, its spans per field key. When some candidates hold
    the query's words (`worded`), one without them (`coarse` 0: 理工 in 管理工作) gets
    nothing for where they stand. `whole`: it holds every query word as a word (`WHOLE`).
    `weights`: each term's rarity (its IDF; equal when not given): the headline's share
    of `HEAD` is that of the terms it holds, so a common word (中国, 举办) in another
    article's headline does not outweigh the rare one the wanted article is about.
    """
    if not found or (worded and coarse <= 0):
        return coarse
    weight = list(weights) if len(weights) == len(found) and all(weights) else [1.0] * len(found)
    heads = (any(key in HEAD_FIELDS for key in spans) for spans in found)
    in_head = sum(w for w, head in zip(weight, heads, strict=True) if head)
    total = coarse + HEAD * in_head / sum(weight) + (WHOLE if whole else 0.0)
    return total + NEAR * closeness(found)
