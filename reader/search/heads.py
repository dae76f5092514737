"""The impact table: the postings of common words that can rank, best first, for bm25.

FTS5's bm25 costs what grows with the archive: the IDF of each query word is
counted over its whole doclist (经济: 96,000 rows at 300 MB, 640,000 at 2 GB,
2 ms and 13 ms), and ranking every item holding a common word scores each row
(1.7-2.0 s for 经济 at 2 GB). So the index keeps, for each word in 1,000 items or
more (`TRACKED`), two things of its own:

- `counts`: how many items hold it in any column (FTS5's IDF count), filled from
  `fts5vocab` when the index is built and kept by each update;
- `heads`: each item whose posting of the word can rank high, with the word's
  count in every column and the item's length in tokens: what bm25 reads of a row.
  A posting is kept when its term-frequency part of bm25 (`impact`: bm25 without
  the IDF) at the average length `AVERAGE` is `FLOOR` or more; kept postings are
  filed by `band` (that impact in hundredths) and block of 65,536 rowids, so a
  search reads the best bands first.

Why that is enough to rank every candidate exactly (`reader.search.topk`): the
impact grows with the word's weighted count and falls with the item's length;
at any average length A the impact of a posting is at most its impact at
`AVERAGE` times max(1, A / `AVERAGE`) (the length term scales by at most that).
So an item not read, in a band below b or not kept at all, has a share of bm25
of at most IDF x b/100 x that stretch: when enough items read score better,
no other can come before them. Every headline posting of a common word is kept
in practice (weight 8), and a body posting only when the word is repeated in a
short item: 4% of the postings of the bench's corpus.

A search scores kept postings here, to the bit as FTS5 does (`bm25`; the column
weights are the caller's), so its cost is the bands it reads, whatever the archive.
`AVERAGE`, `FLOOR`, `SCALE` and `_WEIGHTS` say what an index holds: changing one is a
change of `store.SCHEMA` (an index made with others would answer with a wrong bound).
"""

from __future__ import annotations

import math
import sqlite3
from array import array
from collections import Counter, _count_elements  # type: ignore[attr-defined]
from collections.abc import Iterable, Iterator, Sequence

TRACKED = 1_000
"""Words in at least this many items get `counts` and `heads` rows (rarer ones: FTS5's
own bm25 counts their doclists cheaply)."""
_BLOCK = 16
"""A `heads` blob holds the postings of one band and 2**16 consecutive rowids."""
_K1 = 1.2
_B = 0.75
TOP = _K1 + 1.0
"""No impact reaches this (a count without end in an item of no length)."""
AVERAGE = 48.0
"""The item length (tokens) the kept postings are chosen at: about the bench corpus's
(45.2); the bound stretches by A / AVERAGE where the average A is longer."""
FLOOR = 1.6
"""The impact from which a posting is kept (one word once in a headline of an item of
three times the average length; twice in the body of one of half of it)."""
SCALE = 100
"""Bands a unit of impact."""
UNKNOWN = 0xFFFFFFFF
"""A posting whose counts do not fit its 32 bits: that word is scored by FTS5."""
_FIELDS = ((0, 12), (12, 5), (17, 5), (22, 4), (26, 1), (27, 5))
"""(shift, bits) of each column's count in a posting, in FTS5's column order: body,
head, caption, meta, parts (each part once a row: `segmenter`), header."""
_WEIGHTS = (1.0, 8.0, 1.0, 0.5, 0.4, 0.5)
"""The column weights the impact is chosen with (`reader.search.rank.WEIGHTS`; a test
checks they are the same)."""
PARTS = ((1 << _FIELDS[4][1]) - 1) << _FIELDS[4][0]
"""The bits of the parts column's count."""

Row = Sequence[str]
"""A word-table row as inserted: head, body, caption, meta, parts, header tokens."""


def impact(freq: float, length: int) -> float:
    """bm25's term-frequency part at `AVERAGE`: what `FLOOR` and the bands compare."""
    return (freq * TOP) / (freq + _K1 * (1 - _B + _B * float(length) / AVERAGE))


def band(value: float) -> int:
    """The band of an impact."""
    return int(value * SCALE)


def postings(rowid: int, row: Row) -> Iterator[tuple[str, int, tuple[int, int, int]]]:
    """(word, band, (rowid, packed counts, length)) for each word of the row whose
    impact is `FLOOR` or more (`kept`)."""
    for _, word, level, packed, length in kept(0, row):
        yield word, level, (rowid, packed, length)


def impacts(rows: Sequence[Row]) -> tuple[tuple[int, str, int, int, int], ...]:
    """The kept postings of a page's rows: (the row's place, word, band, counts, length)."""
    return tuple(posting for n, row in enumerate(rows) for posting in kept(n, row))


def kept(n: int, row: Row) -> list[tuple[int, str, int, int, int]]:
    """(n, word, band, packed counts, length) for each word of the row whose impact is
    `FLOOR` or more.

    Tokens are joined by single spaces (`reader.search.segmenter.page_tokens`), so a
    column's length is its spaces and one. Outside the headline a token weighs 1 or
    less, so only the headline's words and those the other columns hold `need` times
    are looked at (a repeated word, or any in an item of a few words). Most of the
    cost is counting the words outside the headline (hashing each new string): a
    plain dict filled by `_count_elements`, not a `Counter` (3.6 -> 2.8 us a row).
    """
    head, body, caption, meta, parts, header = row
    texts = (body, head, caption, meta, parts, header)  # FTS5's column order
    length = sum(text.count(" ") + 1 for text in texts if text)
    need = FLOOR * _K1 * (1 - _B + _B * float(length) / AVERAGE) / (TOP - FLOOR)
    words = dict.fromkeys(head.split()) if head and need <= _WEIGHTS[1] * 31 else {}
    rest = f"{body} {caption} {meta} {parts} {header}".split()
    if need <= 1:  # every word counts
        words.update(dict.fromkeys(rest))
    elif len(rest) >= need:  # not `most_common`: sorting every word took 2.6 of 14 us a row
        counts: dict[str, int] = {}
        _count_elements(counts, rest)
        words.update(dict.fromkeys([w for w, count in counts.items() if count >= need]))
    if not words:
        return []
    norm = _K1 * (1 - _B + _B * float(length) / AVERAGE)  # `impact`'s, step for step
    split: list[list[str] | None] = [None] * len(texts)
    found = []
    for word in words:
        packed = 0
        freq = 0.0
        for i, text in enumerate(texts):
            if not text or word not in text:
                continue
            column = split[i]
            if column is None:
                column = split[i] = text.split()
            count = column.count(word)
            if not count:
                continue
            freq += count * _WEIGHTS[i]
            if packed != UNKNOWN:
                shift, bits = _FIELDS[i]
                packed = UNKNOWN if count >= 1 << bits else packed | count << shift
        value = (freq * TOP) / (freq + norm)
        if value >= FLOOR:
            found.append((n, word, int(value * SCALE), packed, length))
    return found


class HeadWriter:
    """Keeps `heads` and `counts` in step with the rows an update inserts and deletes.

    `fresh` (the index rebuilt from nothing): postings of every word are set aside
    as their blocks fill; `finish` counts every word's items from FTS5 and writes
    the tracked words' in key order (as blocks filled, the table's pages were half
    empty). Otherwise only tracked words are touched: their blobs rewritten, their
    counts moved by the rows added and removed.
    """

    def __init__(self, conn: sqlite3.Connection, fresh: bool) -> None:
        self.conn = conn
        self.fresh = fresh
        self.tracked: set[str] = (
            set() if fresh else {word for (word,) in conn.execute("SELECT word FROM counts")}
        )
        self.added: dict[tuple[str, int, int], array[int]] = {}
        self.removed: dict[tuple[str, int, int], set[int]] = {}
        self.deltas: Counter[str] = Counter()
        self.block = -1
        if fresh:  # written in key order at the end: inserted as blocks fill, half-full pages
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS head_postings(word, band, block, data)")

    def add(
        self,
        first: int,
        rows: Sequence[Row],
        found: Iterable[tuple[int, str, int, int, int]] | None = None,
    ) -> None:
        """The rows inserted at rowids `first`, `first + 1`, ..., and their kept postings
        when made already (`found`: row's place, word, band, counts, length)."""
        if self.fresh and first >> _BLOCK != self.block:
            self.block = first >> _BLOCK
            self._flush(self.block)  # the blocks no row to come falls in
        if found is None:
            found = impacts(rows)
        for n, word, level, packed, length in found:
            if self.fresh or word in self.tracked:
                rowid = first + n
                key = (word, level, rowid >> _BLOCK)
                self.added.setdefault(key, array("I")).extend((rowid, packed, length))
        if not self.fresh:
            for row in rows:
                self.deltas.update(self.tracked.intersection(" ".join(row).split()))

    def remove(self, first: int, rows: Iterable[Row]) -> None:
        """The rows deleted from rowids `first`, `first + 1`, ... (never in a fresh build)."""
        for rowid, row in enumerate(rows, start=first):
            for word, level, _ in postings(rowid, row):
                if word in self.tracked:
                    self.removed.setdefault((word, level, rowid >> _BLOCK), set()).add(rowid)
            self.deltas.subtract(self.tracked.intersection(" ".join(row).split()))

    def _flush(self, below: int | None = None) -> None:
        """Set aside the postings gathered of blocks below `below` (None: all), which no
        row to come falls in (a fresh build: its rowids only grow)."""
        done = [key for key in self.added if below is None or key[2] < below]
        self.conn.executemany(
            "INSERT INTO temp.head_postings(word, band, block, data) VALUES(?, ?, ?, ?)",
            ((*key, self.added.pop(key).tobytes()) for key in done),
        )

    def finish(self) -> None:
        """Write what is left; count the tracked words (fresh) or move their counts."""
        if self.fresh:
            self._flush()
            self.conn.execute("DELETE FROM counts")
            self.conn.execute(
                "CREATE VIRTUAL TABLE temp.word_rows USING fts5vocab(main, words, row)"
            )
            try:
                self.conn.execute(
                    "INSERT INTO counts(word, docs) SELECT term, doc FROM temp.word_rows "
                    "WHERE doc >= ?",
                    (TRACKED,),
                )
            finally:
                self.conn.execute("DROP TABLE temp.word_rows")
            self.conn.execute(
                "INSERT INTO heads(word, band, block, data) SELECT word, band, block, data "
                "FROM temp.head_postings WHERE word IN (SELECT word FROM counts) "
                "ORDER BY word, band, block"
            )
            self.conn.execute("DROP TABLE temp.head_postings")
            return
        for key in self.added.keys() | self.removed.keys():
            old = self.conn.execute(
                "SELECT data FROM heads WHERE word = ? AND band = ? AND block = ?", key
            ).fetchone()
            data = array("I", old[0] if old else b"")
            gone = self.removed.get(key, set())
            kept = [data[n : n + 3] for n in range(0, len(data), 3) if data[n] not in gone]
            merged = array("I", (v for posting in kept for v in posting))
            merged.extend(self.added.get(key, array("I")))
            if merged:
                self.conn.execute(
                    "INSERT OR REPLACE INTO heads(word, band, block, data) VALUES(?, ?, ?, ?)",
                    (*key, merged.tobytes()),
                )
            elif old:
                self.conn.execute(
                    "DELETE FROM heads WHERE word = ? AND band = ? AND block = ?", key
                )
        self.conn.executemany(
            "UPDATE counts SET docs = docs + ? WHERE word = ?",
            ((n, word) for word, n in self.deltas.items() if n),
        )


def _varints(blob: bytes) -> Iterator[int]:
    """SQLite's varints, one after another (FTS5's averages record)."""
    at = 0
    while at < len(blob):
        value = 0
        for n in range(9):
            byte = blob[at]
            at += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                break
        yield value


def averages(conn: sqlite3.Connection) -> tuple[int, float]:
    """The word table's row count and average length in tokens, as FTS5's bm25 takes them."""
    row = conn.execute("SELECT block FROM words_data WHERE id = 1").fetchone()
    values = list(_varints(row[0])) if row else [0]
    rows, tokens = values[0], sum(values[1:])
    return rows, (tokens / rows if rows else 0.0)


def documents(conn: sqlite3.Connection, word: str) -> int | None:
    """How many items hold `word` in any column; None when it is not tracked."""
    row = conn.execute("SELECT docs FROM counts WHERE word = ?", (word,)).fetchone()
    return None if row is None else int(row[0])


def bands(
    conn: sqlite3.Connection, word: str
) -> Iterator[tuple[int, Sequence[int], Sequence[int], Sequence[int]]]:
    """`word`'s kept postings a band at a time, best band first: the band, its rowids,
    packed counts and lengths. Each band is read whole (`fetchall`): a generator left
    suspended keeps no statement open."""
    level = SCALE * 10
    while True:
        rows = conn.execute(
            "SELECT band, data FROM heads WHERE word = ?1 AND band = "
            "(SELECT max(band) FROM heads WHERE word = ?1 AND band < ?2) ORDER BY block",
            (word, level),
        ).fetchall()
        if not rows:
            return
        level = rows[0][0]
        values = array("I")
        for _, data in rows:
            values.frombytes(data)
        yield level, values[0::3], values[1::3], values[2::3]


def bm25(docs: int, rows: int, avgdl: float, weights: Sequence[float]) -> Scorer | None:
    """A scorer for one word in `docs` of `rows` items: (packed, length) -> FTS5's bm25.

    FTS5's arithmetic step for step (fts5_aux.c): the IDF clamped to 1e-6, the
    term frequency summed instance by instance in column order, so the floats
    are the same to the last bit and ties fall as they did.
    """
    if rows <= 0 or avgdl <= 0:
        return None
    idf = math.log((rows - docs + 0.5) / (docs + 0.5))
    if idf <= 0.0:
        idf = 1e-6
    return Scorer(idf, avgdl, weights)


class Scorer(dict[tuple[int, int], float]):
    """bm25 by (packed counts, length), each pair computed once."""

    def __init__(self, idf: float, avgdl: float, weights: Sequence[float]) -> None:
        super().__init__()
        self.idf = idf
        self.avgdl = avgdl
        self.weights = list(weights) + [1.0] * (len(_FIELDS) - len(weights))

    def __missing__(self, key: tuple[int, int]) -> float:
        packed, length = key
        freq = 0.0
        for (shift, bits), weight in zip(_FIELDS, self.weights, strict=False):
            for _ in range((packed >> shift) & ((1 << bits) - 1)):
                freq += weight
        score = 0.0
        score += self.idf * (
            (freq * (_K1 + 1.0)) / (freq + _K1 * (1 - _B + _B * float(length) / self.avgdl))
        )
        value = -1.0 * score
        self[key] = value
        return value
