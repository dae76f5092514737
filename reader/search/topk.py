"""The best candidates of a query by bm25, exactly, without scoring every one of them.

bm25 over every item holding a common word took 1.7-2.0 s at 2 GB (经济: 640,000
rows). The impact table (`reader.search.heads`) keeps each common word's postings
that can rank high, by band, best first, with what bm25 reads of the row. `best`
reads the bands of the query's words from the top and scores what it reads here,
to the bit as FTS5 does, until enough items hold every word with a score no item
left unread can reach (`Best.floor`): then those are the best of all the candidates,
in the order scoring all of them gives, ties included (oldest first).

For words joined by AND (the ranking expression of most queries): an item read for
every word scores exactly; one read for some words is at most what it has plus the
bound of each word it was not read for (IDF x the word's band edge x the stretch of
the average length, `heads`); one read for none, the sum of the bounds. A word in
fewer than `heads.TRACKED` items has no bands: its share of every item comes from
FTS5, whose doclist for it is short. The caller checks the window the text orders
against `floor` (items the literal check drops) and asks FTS5 for all when it fails.

Which band next: the word whose bound weighs most, unless an item read for one of two
words holds the floor down (its share known, the other's only bounded): then the other
word's, which tells its share or lowers its bound. Two words are taken a band at a
time in bulk; three or more keep their partial items in a heap per set of words read.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from heapq import heappop, heappush, heapreplace
from typing import NamedTuple

from reader.search import heads, rank

_MARGIN = 1e-9
"""The bounds are widened by this share, for the floats' rounding."""
_SEEKS = 64
"""Items asked of FTS5 at once whether they hold a word (OR: `_State._ask`)."""
_SPEND = 16
"""Three words or more joined by AND: once the postings read are this share of the rarest
word's doclist, FTS5 scores the items holding all of them instead (at 2 GB 国有 企业 改革
read every band, 65,000 postings, and proved none; 中国 经济 发展, proven at 34,000)."""
_WALK = 100
"""OR: once this many times as many items were sought as the rarer word's doclist holds,
the items holding both are read at once (FTS5's join without bm25: with it, 农业 OR 农村
at 2 GB cost 90 ms more). An OR the bands cannot prove is joined with bm25 at the end."""


class Best(NamedTuple):
    """The items read with every word, best first (rowid, FTS5's bm25: lower is better),
    and what no other candidate scores below (`floor`)."""

    rows: list[tuple[int, float]]
    whole: set[int]
    """Those holding every word as a word (not only in the parts column)."""
    told: set[int]
    """Those `whole` answers for."""
    floor: float


def best(
    conn: sqlite3.Connection,
    words: Sequence[str],
    allows: Callable[[int], bool] | None,
    span: tuple[int, int | None],
    need: int,
    either: bool = False,
) -> Best | None:
    """The best candidates of `words` joined by AND (`either`: two words joined by OR),
    until `need` of them score below the `floor`, or every band is read; None when the
    impact table cannot say (no word in it, counts that did not fit a posting, OR of
    other than two tracked words).

    `allows`: the filters, on rowids (None: no filter); `span`: the rowids they allow,
    lowest and highest.
    """
    docs = {word: heads.documents(conn, word) for word in words}
    tracked = [word for word in dict.fromkeys(words) if docs[word] is not None]
    if not tracked:
        return None
    rows, avgdl = heads.averages(conn)
    scorers = {}
    for word in tracked:
        scorer = heads.bm25(docs[word] or 0, rows, avgdl, rank.WEIGHTS)
        if scorer is None:
            return None
        scorers[word] = scorer
    stretch = max(1.0, avgdl / heads.AVERAGE) * (1 + _MARGIN)
    if either and (len(tracked) != 2 or len(words) != 2):
        return None
    rare = {w: _shares(conn, w, *span) for w in dict.fromkeys(words) if docs[w] is None}
    state = _State(words, tracked, scorers, rare, stretch, allows, need)
    if either:
        state.holds = _Holder(conn, {word: docs[word] or 0 for word in tracked}, span)
    bands = {word: heads.bands(conn, word) for word in tracked}
    spent = 0
    fewest = min(docs[word] or 0 for word in tracked) if len(tracked) > 2 else 1 << 62
    while True:
        found = state.settle(need)
        if found is not None:
            return found
        # The next band of the word whose bound weighs most (it narrows the floor most),
        # or, when an item read for one word stands in the way, of the other word.
        pick = state.lean if state.lean in bands else None
        pick = pick or min((w for w in tracked if w in bands), key=state.bound, default=None)
        if pick is None:
            if state.holds is not None and need and state.joined is None:
                # OR, every band read, not proven: FTS5 scores the items holding both (记者
                # AND 改革 at 2 GB: 98 ms; their union took 2 s); any other holds one word.
                state.join(state.holds.scored())
                continue
            return state.settle(0)
        got = next(bands[pick], None)
        if got is None:
            del bands[pick]
            state.edge[pick] = heads.FLOOR  # postings not kept: below the floor
            continue
        level, rowids, packed, lengths = got
        if not state.read(pick, rowids, packed, lengths):
            return None
        spent += len(rowids)
        if spent * _SPEND >= fewest:
            return None  # three words or more: FTS5 scores their join for less
        state.edge[pick] = level / heads.SCALE


class _State:
    """What `best` has read: each tracked word's postings and the edge of its bands."""

    def __init__(
        self,
        words: Sequence[str],
        tracked: list[str],
        scorers: dict[str, heads.Scorer],
        rare: dict[str, dict[int, float]],
        stretch: float,
        allows: Callable[[int], bool] | None,
        need: int,
    ) -> None:
        self.words = words
        self.tracked = tracked
        self.scorers = scorers
        self.rare = rare
        self.stretch = stretch
        self.allows = allows
        self.pairs: dict[str, dict[int, tuple[int, int]]] = {word: {} for word in tracked}
        """Each word's postings read: rowid -> (packed, length) as one key of its scorer."""
        self.edge: dict[str, float] = dict.fromkeys(tracked, heads.TOP)
        """Every posting of the word not read has an impact below this."""
        self.complete: dict[int, float] = {}
        """Items read for every word (and holding every rare one): their exact score."""
        self.need = need
        self.top: list[float] = []
        """The best `need` scores of `complete`, negated: a heap, its head the worst."""
        self.times = Counter(words)
        self.solo: dict[str, list[tuple[float, int]]] = {word: [] for word in tracked}
        """Two tracked words: each one's items read (and holding every rare word), by the
        best they can score but for the other word: a heap."""
        self.pair = len(tracked) == 2 and len(words) == 2 and not rare
        self.holds: _Holder | None = None
        """Two words joined by OR: which of some items hold a word (FTS5, sought). An item
        read for one word that lacks the other scores its one share, exactly."""
        self.held: dict[str, set[int]] = {word: set() for word in tracked}
        """Items read for the other word that FTS5 says hold this one."""
        self.bits = {word: 1 << n for n, word in enumerate(tracked)}
        self.parts: dict[int, tuple[int, float]] = {}
        """Three words or more: each item read for some: the words' bits, their shares."""
        self.masks: dict[int, list[tuple[float, int]]] = {}
        """Those items by the words read for (`parts`): heaps of the shares known."""
        self.joined: dict[int, float] | None = None
        """OR, once FTS5 scored them: every item holding both words (its exact score)."""
        self.lean: str | None = None
        """The word whose bands would lift the floor most, when an item read for the other
        one holds it down (two words)."""

    def bound(self, word: str) -> float:
        """The best share of bm25 (FTS5's sign: lower is better) `word` can give an item
        it was not read for."""
        return -(self.scorers[word].idf * self.edge[word] * self.stretch)

    def _done(self, rowids: Iterable[int], scores: Iterable[float]) -> None:
        """Items become complete with these scores."""
        top, need = self.top, self.need
        for rowid, score in zip(rowids, scores, strict=True):
            self.complete[rowid] = score
            if len(top) < need:
                heappush(top, -score)
            elif top and -score > top[0]:
                heapreplace(top, -score)

    def join(self, both: dict[int, float]) -> None:
        """OR: every item holding both words, scored; those read for one word that are not
        among them lack the other and score their one share."""
        if self.allows is not None:
            both = {rowid: score for rowid, score in both.items() if self.allows(rowid)}
        self.joined = both
        fresh = [rowid for rowid in both if rowid not in self.complete]
        self._done(fresh, [both[rowid] for rowid in fresh])
        for heap in self.solo.values():
            lacking = {rowid: score for score, rowid in heap if rowid not in self.complete}
            self._done(lacking, lacking.values())
            heap.clear()

    def read(
        self, word: str, rowids: Sequence[int], packed: Sequence[int], lengths: Sequence[int]
    ) -> bool:
        """Take a band of `word`; False when a posting's counts did not fit."""
        if heads.UNKNOWN in packed:
            return False
        keys = list(zip(packed, lengths, strict=True))
        if self.allows is not None:
            kept = [n for n, rowid in enumerate(rowids) if self.allows(rowid)]
            rowids = [rowids[n] for n in kept]
            keys = [keys[n] for n in kept]
        pairs = self.pairs[word]
        scorer = self.scorers[word]
        if len(self.tracked) == 1 and not self.rare and len(self.words) == 1:
            # Every item read is complete: its one share is its score.
            pairs.update(zip(rowids, keys, strict=True))
            self._done(rowids, map(scorer.__getitem__, keys))
            return True
        if self.joined is not None:  # OR, after `join`: an item not in it holds one word
            pairs.update(zip(rowids, keys, strict=True))
            fresh = [n for n, rowid in enumerate(rowids) if rowid not in self.complete]
            self._done([rowids[n] for n in fresh], [scorer[keys[n]] for n in fresh])
            return True
        if self.pair:  # two words, in bulk: those read for both score, the others wait
            other = self.tracked[1] if word == self.tracked[0] else self.tracked[0]
            known = self.pairs[other]
            pairs.update(zip(rowids, keys, strict=True))
            both = sorted(known.keys() & set(rowids))
            first, second = (pairs, known) if word == self.words[0] else (known, pairs)
            one, two = self.scorers[self.words[0]], self.scorers[self.words[1]]
            self._done(both, (one[first[r]] + two[second[r]] for r in both))
            heap = self.solo[word]
            for rowid, score in zip(rowids, map(scorer.__getitem__, keys), strict=True):
                if rowid not in known:
                    heappush(heap, (score, rowid))
            return True
        others = [self.pairs[w] for w in self.tracked if w != word]
        rare = [(self.times[w], shares) for w, shares in self.rare.items()]
        times = self.times[word]
        for rowid, key in zip(rowids, keys, strict=True):
            pairs[rowid] = key
            if rare and any(rowid not in shares for _, shares in rare):
                continue  # lacks a rare word: no candidate
            if all(rowid in other for other in others):
                self._done((rowid,), (self._score(rowid),))
            elif len(others) == 1:
                best = times * scorer[key] + sum(n * shares[rowid] for n, shares in rare)
                heappush(self.solo[word], (best, rowid))
            else:  # three words or more: by the words it was read for
                mask, have = self.parts.get(rowid, (0, 0.0))
                if not mask:
                    have = sum(n * shares[rowid] for n, shares in rare)
                mask, have = mask | self.bits[word], have + times * scorer[key]
                self.parts[rowid] = (mask, have)
                heappush(self.masks.setdefault(mask, []), (have, rowid))
        return True

    def _score(self, rowid: int) -> float:
        """FTS5's bm25 of an item read for every word: each phrase's share in the
        expression's order, summed from the first on, to the bit."""
        total: float | None = None
        for word in self.words:
            share = (
                self.rare[word][rowid]
                if word in self.rare
                else self.scorers[word][self.pairs[word][rowid]]
            )
            total = share if total is None else total + share
        return total or 0.0

    def settle(self, need: int) -> Best | None:
        """The answer when `need` complete items score below every other's best (0: now)."""
        bounds = {word: self.bound(word) for word in self.tracked}
        unread = _sum(self.rare, bounds, self.words, None)
        if self.joined is not None:  # OR: an item not read nor joined holds one word
            unread = min(bounds.values())
        if self.rare:  # items read for no word: those holding every rare word
            common = set.intersection(*(set(shares) for shares in self.rare.values()))
            seen = set().union(*(set(p) for p in self.pairs.values()))
            best_rare = [
                _sum(self.rare, bounds, self.words, rowid)
                for rowid in common - seen
                if self.allows is None or self.allows(rowid)
            ]
            unread = min(best_rare, default=0.0)
        if self.holds is not None and need and self.joined is None:
            self._ask(bounds)
        # The need-th best complete score (`top` keeps the best `need` of them).
        worst = -self.top[0] if need and len(self.top) >= need else None
        self.lean = None
        if need and (worst is None or not worst < unread):
            # Too few items proven yet: for two words, the side that holds them down
            # (the heaps' heads; three words or more walk every item read: not here).
            if len(self.tracked) == 2 and self._partial(bounds) >= unread:
                self.lean = None  # the items read for no word do
            return None
        partial = self._partial(bounds)
        if partial >= unread:
            self.lean = None
        floor = min(unread, partial)
        if need and (worst is None or not worst < floor):
            return None
        ranked = sorted((score, rowid) for rowid, score in self.complete.items())
        told: set[int] = set()
        whole: set[int] = set()
        if not self.rare and self.holds is None:  # OR: the caller asks FTS5
            told = set(self.complete)
            whole = {
                rowid
                for rowid in told
                if all(self.pairs[w][rowid][0] & ~heads.PARTS for w in self.tracked)
            }
        return Best([(rowid, score) for score, rowid in ranked], whole, told, floor)

    def _ask(self, bounds: dict[str, float]) -> None:
        """OR: whether the items read for one word that could stand among the `need` best
        hold the other; those that do not are complete."""
        for word, other in (self.tracked, self.tracked[::-1]):
            rest = self.times[other] * bounds[other]
            heap = self.solo[word]
            held = self.held[other]
            while heap:
                score, rowid = heap[0]
                if rowid in self.complete:
                    heappop(heap)
                    continue
                worst = -self.top[0] if len(self.top) >= self.need else None
                if rowid in held or (worst is not None and score + rest > worst):
                    break  # holds it (bounded), or cannot stand in the way: not asked
                asked: list[tuple[float, int]] = []
                while heap and len(asked) < _SEEKS:
                    item = heappop(heap)
                    if item[1] not in self.complete:
                        asked.append(item)
                assert self.holds is not None
                held |= self.holds(other, [r for _, r in asked if r not in held])
                lacking = [(s, r) for s, r in asked if r not in held]
                self._done([r for _, r in lacking], [s for s, _ in lacking])
                for item in asked:
                    if item[1] in held:
                        heappush(heap, item)

    def _partial(self, bounds: dict[str, float]) -> float:
        """The best score an item read for some words but not all can have (two words:
        `lean` says which word's bands would lift it)."""
        if len(self.tracked) == 1:
            return 0.0  # none is
        if len(self.tracked) == 2:
            best = 0.0
            for word, other in (self.tracked, self.tracked[::-1]):
                rest = self.times[other] * bounds[other]
                heap = self.solo[word]
                while heap and heap[0][1] in self.complete:
                    heappop(heap)
                if heap and heap[0][0] + rest < best:
                    best = heap[0][0] + rest
                    self.lean = other
            return best
        best = 0.0  # the best known shares of each set of words read, and the others' bounds
        for mask, heap in self.masks.items():
            while heap and (heap[0][1] in self.complete or self.parts[heap[0][1]][0] != mask):
                heappop(heap)
            if heap:
                unread = [
                    self.times[w] * bounds[w] for w in self.tracked if not self.bits[w] & mask
                ]
                best = min(best, heap[0][0] + sum(unread))
        return best


def _sum(
    rare: dict[str, dict[int, float]],
    bounds: dict[str, float],
    words: Sequence[str],
    rowid: int | None,
) -> float:
    """The best score an item read for no word can have: a rare word's exact share,
    each other word's bound."""
    total = 0.0
    for word in words:
        if word in rare:
            total += rare[word][rowid] if rowid is not None else 0.0
        else:
            total += bounds[word]
    return total


def _shares(conn: sqlite3.Connection, word: str, low: int, high: int | None) -> dict[int, float]:
    """A word's share of bm25 in each item holding it (FTS5's bm25 of the word alone,
    which sums that one share): for a word the impact table does not track."""
    weights = ", ".join(str(w) for w in rank.WEIGHTS)
    top = (1 << 62) if high is None else high
    return dict(
        conn.execute(
            f"SELECT rowid, bm25(words, {weights}) FROM words "
            "WHERE words MATCH ? AND rowid BETWEEN ? AND ?",
            ['"' + word.replace('"', '""') + '"', low, top],
        )
    )


class _Holder:
    """Which of some rowids, each read for one of two words, hold the other, by FTS5's
    doclists: a seek each, without bm25 (whose IDF would walk the whole doclist again for
    every rowid), or, once the seeks would cost more (`_WALK`), every item holding both
    read at once (FTS5 joins the two doclists)."""

    def __init__(
        self, conn: sqlite3.Connection, docs: dict[str, int], span: tuple[int, int | None]
    ) -> None:
        self.conn = conn
        self.phrases = {word: '"' + word.replace('"', '""') + '"' for word in docs}
        self.fewest = min(docs.values())
        self.asked = 0
        self.span = span
        self.both: set[int] | None = None

    def scored(self) -> dict[int, float]:
        """Every item holding both words in the span, with FTS5's bm25: an item's score
        under `"A" AND "B"` is its score under `"A" OR "B"`, the same phrases summed."""
        weights = ", ".join(str(w) for w in rank.WEIGHTS)
        low, high = self.span
        return dict(
            self.conn.execute(
                f"SELECT rowid, bm25(words, {weights}) FROM words "
                "WHERE words MATCH ? AND rowid BETWEEN ? AND ?",
                [" AND ".join(self.phrases.values()), low, (1 << 62) if high is None else high],
            )
        )

    def __call__(self, word: str, rowids: list[int]) -> set[int]:
        if not rowids:
            return set()
        self.asked += len(rowids)
        if self.both is None and self.asked * _WALK >= self.fewest:
            found = self.conn.execute(
                "SELECT rowid FROM words WHERE words MATCH ?", [" AND ".join(self.phrases.values())]
            )
            self.both = {rowid for (rowid,) in found}
        if self.both is not None:
            return self.both.intersection(rowids)
        marks = ", ".join("?" * len(rowids))
        found = self.conn.execute(
            f"SELECT rowid FROM words WHERE words MATCH ? AND rowid IN ({marks})",
            [self.phrases[word], *rowids],
        )
        return {rowid for (rowid,) in found}
