"""Ranking as a person reads: bm25 over whole words, then the text of the best candidates.

Every candidate that holds the query's words (jieba's precise-mode words, or the
parts of a long word, `reader.search.segmenter.parts`) gets a bm25 score from the
word table. The best `WINDOW` of them, checked literally anyway, are then ordered
again by what only the text shows: the query's terms in the headline (a rare term's
share weighing more than a common one's), and how close together they stand in one
field (a phrase cut in two ranks below one kept whole); and by whether they hold the
query's words as words, which the engine asks the word table. Then by how much of
the text the query is (`Shape`): a headline made mostly of the typed words, a phrase
that is a clause of its own, words in a short item rather than a long one. Plain
Python over spans: no SQLite, no segmenter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple, TypeVar

from reader.fields import HEAD_FIELDS, ItemFields, field_text

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
WHOLE_APART = 9.0
"""`WHOLE` for words typed apart (two terms or more): each was typed as a word of its own,
so an item holding one only inside a longer word (优势 in 整体优势, with 本市) ranks below
one holding both as words even when it is much shorter. A lone term keeps `WHOLE`: a phrase
cut from a sentence may begin or end inside a word. Issue 13 round 6: pairs +1 or +2
queries on four of six seeds, nothing lost; flat from 6 up to a strict tier (which would ignore the
headline and closeness, so it is not one)."""

SHORT = 4.5
"""Per unit of log: when every term is in the headline stack, a stack of few words ranks
above one of many. Two words typed from a headline are most of a short one (中英外长会谈
for 外长 会谈) and a small part of a long one; bm25 measures length over the whole item,
where the body's drowns the headline's. Counted in words (the word table's own count of
the stack, `Shape.words`), not characters: 2 of 3 words is more of a headline than 2 of
6, whatever their lengths (issue 13 round 6: headline queries +0.6 point on the mean of
six seeds; characters gave less, at 2 a unit of log and at 4.5). This and the three
below were weighed on bench/ranking.py's mean over six seeds (its README, issue 13 rounds
4 and 6); the figures are flat around them (`SHORT` 4.5-8)."""
ORDER = 2.0
"""Added when every term is in the headline stack and they stand there in the order they
were typed: a headline is remembered as printed (经济 东亚 for 泰铢贬值…经济联动东亚金融…,
not 东亚经济传真)."""
BRIEF = 3.0
"""Per unit of log: when no candidate holds every term in its headline stack, a short body
ranks above a long one (words typed from a body are more of a short item than of a
long one, where they may be in passing)."""
CLAUSE = 3.0
"""Per unit of log: a lone term (a phrase) in no candidate's headline stack ranks by the
largest share of its clause, the run of letters between punctuation, that it fills:
据初步统计 typed as remembered stands as its own clause (据初步统计，) in the article it
comes from, and is cut out of a longer one elsewhere."""
CLAUSE_WHOLE = 3.0
"""Added when a lone term is a whole clause as printed (只争朝夕 in 只争朝夕，), not only the
most of one (只争朝夕忙签约): the share alone, in log units, told 1 from 0.8 by 0.7 point,
which a shorter body outweighed. Issue 13 round 6: phrases +1 query on three of six seeds,
nothing lost; flat from 2 to 7."""
UNWORDED_HEAD = 0.001
"""The score of a candidate without the query's words when others hold them, by its share
of the terms in its headline stack: it stays below every candidate with the words (理工 in
管理工作 below 香港理工大学), but a headline holding the query (新闻部 in 马拉维新闻部长, a word
of its own there) ranks above a body that holds it so, which went first by age (bench/queries.py,
round 19: 6 of 272 headline queries not first, 1 of them 25th)."""
STARTED = 0.01
"""The bm25 of a candidate without the query's words whose headline stack holds each term at
the start of a word (`query.head_starts`: 新闻部 in 马拉维新闻部长): the headline holds what
was typed, in its sense, so it ranks as holding the words, by what its text shows."""
HEAD_TIER = 20.0
"""Added when the query reads as headline words (`reads_as_headline`) and the candidate
holds every term, as words, in its headline stack: DESIGN section 5 ranks headline hits
above body hits, which a body's bm25 outweighed (红塔 as a word in two bodies above
红塔集团 in a headline, whose part counts 0.4; search24, bench/queries.py seed 21)."""
CLAUSE_BRIEF = 2.0
"""Per unit of log: the body's length for a lone term (as `BRIEF`)."""
_HEAD_ROOM = 30
"""Words in the headline stack from which `SHORT` adds nothing."""
_HEAD_CHARS = 2.5
"""Characters a word, for a `Shape` whose words were not counted."""
_BODY_ROOM = 8000
"""Characters in the body from which `BRIEF` and `CLAUSE_BRIEF` add nothing."""
_CLAUSE_ROOM = 20
"""`CLAUSE` adds nothing for a term filling 1/20 of its clause or less."""

Spans = dict[str, list[tuple[int, int]]]


class Shape(NamedTuple):
    """What a candidate's text shows beyond where the terms are: the lengths of its
    headline stack and body as printed (punctuation is about a tenth of either; counting
    only letters ranked the same and cost 2 ms a window), the largest share of its
    clause an occurrence of a term fills, and the words of its headline stack, which only
    the index counts (`reader.search.query.head_words`; None: not counted)."""

    head: int
    body: int
    fill: float
    words: int | None = None


def shape(item: ItemFields, found: Sequence[Spans]) -> Shape:
    """The `Shape` of `item`, where the terms stand at `found` (spans per field key)."""
    head = sum(len(getattr(item, key, None) or "") for key in HEAD_FIELDS)
    body = sum(map(len, item.paragraphs))
    fill = 0.0
    for spans in found:
        for key, places in spans.items():
            text = field_text(item, key)
            if text:
                fill = max(fill, _fill(text, places))
    return Shape(head, body, fill)


def _fill(text: str, places: Sequence[tuple[int, int]]) -> float:
    """The largest share of its run of letters (between punctuation) that one of the
    `places` of `text` fills.

    A run is walked once: an occurrence of letters only inside the run found for the one
    before has that run too. Walking it for each of many occurrences read a long run
    once per occurrence (a page of one unpunctuated 5 MB line searched for hours).
    """
    best = 0.0
    run: tuple[int, int] | None = None
    for start, end in places:
        if run is not None and run[0] <= start and end <= run[1]:
            low, high = run
        else:
            low, high = start, end
            while low > 0 and text[low - 1].isalnum():
                low -= 1
            while high < len(text) and text[high].isalnum():
                high += 1
            # All letters from `low` to `high`: the same run for whatever lies inside it.
            run = (low, high) if text[start:end].isalnum() else None
        if high > low:
            best = max(best, (end - start) / (high - low))
    return best


def reads_as_headline(window: Iterable[tuple[float, Sequence[Spans]]], worded: bool) -> bool:
    """Whether some candidate of the window, (its bm25, its spans), holds every term in its
    headline stack: the query then reads as words of a headline, and the headline's
    length, not the body's or a clause's, tells the candidates apart (`score`); the others
    stay below, where the headline weight puts them."""
    return any(
        found and not (worded and coarse <= 0) and all_in_head(found) for coarse, found in window
    )


H = TypeVar("H")
T = TypeVar("T")
Checked = tuple[int, float, H, list[Spans], "Shape | None", list[T]]
"""A verified candidate as the engine ranks it: rowid, bm25, hit, spans, shape, terms held."""


def started(
    checked: list[Checked[H, T]], starts: Callable[[dict[int, list[T]]], set[int]]
) -> list[Checked[H, T]]:
    """`checked` with `STARTED` for the bm25 of each candidate without the query's words
    whose headline stack holds every term at a word's start (`starts` asks the index, of
    the rowids holding every term in the headline stack, with their terms)."""
    heading = {row[0]: row[5] for row in checked if row[1] <= 0 and all_in_head(row[3])}
    up = starts(heading) if heading else set()
    return [(r, STARTED if r in up else c, h, s, f, t) for r, c, h, s, f, t in checked]


def all_in_head(found: Sequence[Spans]) -> bool:
    """Whether every term stands in the headline stack."""
    return all(any(key in HEAD_FIELDS for key in spans) for spans in found)


def in_order(found: Sequence[Spans]) -> bool:
    """Whether two or more terms stand in the headline stack in the order of `found` (the
    typed order): each one's first place there, top to bottom, after the one before."""
    if len(found) < 2:
        return False
    places = [
        min(
            (
                (HEAD_FIELDS.index(key), start)
                for key, spans in here.items()
                if key in HEAD_FIELDS
                for start, _ in spans
            ),
            default=None,
        )
        for here in found
    ]
    return all(a is not None and b is not None and a < b for a, b in pairwise(places))


def _room(size: int, room: int) -> float:
    """How far `size` is below `room`, in log units (0 from `room` on)."""
    return max(0.0, math.log(room / (1 + size)))


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
    form: Shape | None = None,
    headline: bool = False,
) -> float:
    """The final score of a verified candidate: its bm25 `coarse` plus what its text shows.

    `found`: for each wanted term, its spans per field key. When some candidates hold
    the query's words (`worded`), one without them (`coarse` 0: 理工 in 管理工作) gets
    only `UNWORDED_HEAD` for where they stand. `whole`: it holds every query word as a
    word (`WHOLE`, `WHOLE_APART`).
    `weights`: each term's rarity (its IDF; equal when not given): the headline's share
    of `HEAD` is that of the terms it holds, so a common word (中国, 举办) in another
    article's headline does not outweigh the rare one the wanted article is about.
    `form`: the candidate's `Shape`; `headline`: the query reads as headline words
    (`reads_as_headline`): its length counts, not the body's.
    """
    if not found:
        return coarse
    weight = list(weights) if len(weights) == len(found) and all(weights) else [1.0] * len(found)
    heads = (any(key in HEAD_FIELDS for key in spans) for spans in found)
    in_head = sum(w for w, head in zip(weight, heads, strict=True) if head)
    if worded and coarse <= 0:
        return coarse + UNWORDED_HEAD * in_head / sum(weight)
    bonus = (WHOLE if len(found) == 1 else WHOLE_APART) if whole else 0.0
    if headline and all_in_head(found):
        bonus += HEAD_TIER
    total = coarse + HEAD * in_head / sum(weight) + bonus
    return total + NEAR * closeness(found) + _length(found, form, headline)


def _length(found: Sequence[Spans], form: Shape | None, headline: bool) -> float:
    """What the candidate's `Shape` adds: see `SHORT` (and `ORDER`), `BRIEF` and `CLAUSE`
    (and `CLAUSE_WHOLE`)."""
    if form is None:
        return 0.0
    if headline:
        if not all_in_head(found):
            return 0.0
        words = form.words if form.words is not None else round(form.head / _HEAD_CHARS)
        return SHORT * _room(words, _HEAD_ROOM) + (ORDER if in_order(found) else 0.0)
    if len(found) == 1:
        clause = max(0.0, math.log(form.fill * _CLAUSE_ROOM)) if form.fill > 0 else 0.0
        whole = CLAUSE_WHOLE if form.fill >= 1.0 else 0.0
        return CLAUSE * clause + whole + CLAUSE_BRIEF * _room(form.body, _BODY_ROOM)
    return BRIEF * _room(form.body, _BODY_ROOM)
