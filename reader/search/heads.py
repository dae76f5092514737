"""The headline word table: bm25 of a common word's headline items without FTS5's walk.

FTS5's bm25 costs what grows with the archive: the IDF of each query word is
counted over its whole doclist (经济: 96,000 rows at 300 MB, 640,000 at 2 GB,
2 ms and 13 ms), and the newest items with the word in the headline reach back
over tens of thousands of body rows that it reads to reach them. So the index
keeps, for each word in 1,000 items or more (`TRACKED`), two things of its own:

- `counts`: how many items hold it in any column (FTS5's IDF count), filled from
  `fts5vocab` when the index is built and kept by each update;
- `heads`: each item with the word in its headline column, with the word's count
  in every column and the item's length in tokens: what bm25 reads of a row.
  One blob of postings per word and block of 65,536 rowids, newest last.

A search for such a word reads the newest headline postings and scores them
here, to the bit as FTS5 does (`bm25`; the column weights are the caller's), so
the cost is the number of headline items asked for, whatever the archive.
"""

from __future__ import annotations

import math
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

TRACKED = 1_000
"""Words in at least this many items get `counts` and `heads` rows (rarer ones: FTS5's
own bm25 counts their doclists cheaply)."""
_BLOCK = 16
"""A `heads` blob holds the postings of 2**16 consecutive rowids."""
_K1 = 1.2
_B = 0.75
UNKNOWN = 0xFFFFFFFF
"""A posting whose counts do not fit its 32 bits: that word is scored by FTS5."""
_FIELDS = ((0, 12), (12, 5), (17, 5), (22, 4), (26, 1), (27, 5))
"""(shift, bits) of each column's count in a posting, in FTS5's column order: body,
head, caption, meta, parts, header."""

Row = Sequence[str]
"""A word-table row as inserted: head, body, caption, meta, parts, header tokens."""


def postings(rowid: int, row: Row) -> Iterator[tuple[str, tuple[int, int, int]]]:
    """(word, (rowid, packed counts, length)) for each distinct word of the row's headline.

    Tokens are joined by single spaces (`reader.search.segmenter.page_tokens`), so a
    column's length is its spaces and one; a column is split only when it holds the word.
    """
    head, body, caption, meta, parts, header = row
    if not head:
        return
    texts = (body, head, caption, meta, parts, header)  # FTS5's column order
    length = sum(text.count(" ") + 1 for text in texts if text)
    split: list[list[str] | None] = [None] * len(texts)
    for word in dict.fromkeys(head.split()):
        packed = 0
        for n, ((shift, bits), text) in enumerate(zip(_FIELDS, texts, strict=True)):
            if word not in text:
                continue
            tokens = split[n]
            if tokens is None:
                tokens = split[n] = text.split()
            count = tokens.count(word)
            if count >= 1 << bits:
                packed = UNKNOWN
                break
            packed |= count << shift
        yield word, (rowid, packed, length)


class HeadWriter:
    """Keeps `heads` and `counts` in step with the rows an update inserts and deletes.

    `fresh` (the index rebuilt from nothing): postings of every headline word are
    set aside as their blocks fill; `finish` counts every word's items from FTS5
    and writes the tracked words' in key order (as blocks filled, the table's
    pages were half empty: 14 MB for 7.7 MB of postings at 300 MB). Otherwise only
    tracked words are touched: their blobs rewritten, their counts moved by the rows
    added and removed.
    """

    def __init__(self, conn: sqlite3.Connection, fresh: bool) -> None:
        self.conn = conn
        self.fresh = fresh
        self.tracked: set[str] = (
            set() if fresh else {word for (word,) in conn.execute("SELECT word FROM counts")}
        )
        self.added: dict[tuple[str, int], array[int]] = {}
        self.removed: dict[tuple[str, int], set[int]] = {}
        self.deltas: Counter[str] = Counter()
        self.block = -1
        if fresh:  # written in key order at the end: inserted as blocks fill, half-full pages
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS head_postings(word, block, data)")

    def add(self, first: int, rows: Iterable[Row]) -> None:
        """The rows inserted at rowids `first`, `first + 1`, ..."""
        for rowid, row in enumerate(rows, start=first):
            if self.fresh and rowid >> _BLOCK != self.block:
                self._flush()
                self.block = rowid >> _BLOCK
            for word, posting in postings(rowid, row):
                if self.fresh or word in self.tracked:
                    self.added.setdefault((word, rowid >> _BLOCK), array("I")).extend(posting)
            if not self.fresh:
                self.deltas.update(self.tracked.intersection(" ".join(row).split()))

    def remove(self, first: int, rows: Iterable[Row]) -> None:
        """The rows deleted from rowids `first`, `first + 1`, ... (never in a fresh build)."""
        for rowid, row in enumerate(rows, start=first):
            for word in dict.fromkeys(row[0].split()):
                if word in self.tracked:
                    self.removed.setdefault((word, rowid >> _BLOCK), set()).add(rowid)
            self.deltas.subtract(self.tracked.intersection(" ".join(row).split()))

    def _flush(self) -> None:
        """Set aside the postings gathered (a fresh build: blocks not written before)."""
        self.conn.executemany(
            "INSERT INTO temp.head_postings(word, block, data) VALUES(?, ?, ?)",
            ((word, block, data.tobytes()) for (word, block), data in self.added.items()),
        )
        self.added = {}

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
                "INSERT INTO heads(word, block, data) SELECT word, block, data "
                "FROM temp.head_postings WHERE word IN (SELECT word FROM counts) "
                "ORDER BY word, block"
            )
            self.conn.execute("DROP TABLE temp.head_postings")
            return
        for key in self.added.keys() | self.removed.keys():
            old = self.conn.execute(
                "SELECT data FROM heads WHERE word = ? AND block = ?", key
            ).fetchone()
            data = array("I", old[0] if old else b"")
            gone = self.removed.get(key, set())
            kept = [data[n : n + 3] for n in range(0, len(data), 3) if data[n] not in gone]
            merged = array("I", (v for posting in kept for v in posting))
            merged.extend(self.added.get(key, array("I")))
            if merged:
                self.conn.execute(
                    "INSERT OR REPLACE INTO heads(word, block, data) VALUES(?, ?, ?)",
                    (*key, merged.tobytes()),
                )
            elif old:
                self.conn.execute("DELETE FROM heads WHERE word = ? AND block = ?", key)
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


def newest(
    conn: sqlite3.Connection, word: str, low: int, high: int | None
) -> Iterator[tuple[Sequence[int], Sequence[int], Sequence[int]]]:
    """`word`'s headline postings from rowid `high` (None: the newest) down to `low`,
    a block at a time, newest first: its rowids, packed counts and lengths."""
    top = (1 << 62) if high is None else high
    for (data,) in conn.execute(
        "SELECT data FROM heads WHERE word = ? AND block BETWEEN ? AND ? ORDER BY block DESC",
        (word, low >> _BLOCK, top >> _BLOCK),
    ):
        values = array("I", data)
        rowids, packed, lengths = values[-3::-3], values[-2::-3], values[-1::-3]
        if rowids and (rowids[-1] < low or rowids[0] > top):  # a block at an end of the range
            keep = [n for n, rowid in enumerate(rowids) if low <= rowid <= top]
            rowids = array("I", [rowids[n] for n in keep])
            packed = array("I", [packed[n] for n in keep])
            lengths = array("I", [lengths[n] for n in keep])
        yield rowids, packed, lengths


def together(
    conn: sqlite3.Connection, words: Sequence[str], low: int, high: int | None
) -> Iterator[tuple[Sequence[int], list[Sequence[int]], Sequence[int]]]:
    """The items with every one of `words` in the headline, from rowid `high` (None: the
    newest) down to `low`, a block at a time, newest first: their rowids, each word's
    packed counts (in the order of `words`) and their lengths.

    The words' blobs are read side by side, newest block first; a block one of them
    lacks is skipped for all (no item there has them all), so the cost is the blocks
    read, whatever the archive holds below the last item wanted.
    """
    if len(words) == 1:
        for rowids, packed, lengths in newest(conn, words[0], low, high):
            yield rowids, [packed], lengths
        return
    from bisect import bisect_left  # here: a word alone needs none (0.25 ms of imports)

    top = (1 << 62) if high is None else high
    cursors = [
        conn.execute(
            "SELECT block, data FROM heads WHERE word = ? AND block BETWEEN ? AND ? "
            "ORDER BY block DESC",
            (word, low >> _BLOCK, top >> _BLOCK),
        )
        for word in words
    ]
    current = [cursor.fetchone() for cursor in cursors]
    while all(row is not None for row in current):
        block = min(row[0] for row in current)
        if any(row[0] != block for row in current):  # move the others down to it
            pairs = zip(current, cursors, strict=True)
            current = [row if row[0] == block else cursor.fetchone() for row, cursor in pairs]
            continue
        values = [array("I", row[1]) for row in current]
        current = [cursor.fetchone() for cursor in cursors]
        columns = [v[0::3] for v in values]  # each word's rowids, ascending
        shared = set(columns[0]).intersection(*columns[1:])
        found = sorted((r for r in shared if low <= r <= top), reverse=True)
        if not found:
            continue
        spots = [[bisect_left(rowids, r) * 3 for r in found] for rowids in columns]
        counts: list[Sequence[int]] = [
            [v[n + 1] for n in at] for v, at in zip(values, spots, strict=True)
        ]
        yield found, counts, [values[0][n + 2] for n in spots[0]]
    for cursor in cursors:
        cursor.close()


def bm25(
    docs: int, rows: int, avgdl: float, weights: Sequence[float]
) -> dict[tuple[int, int], float] | None:
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
    return _Scorer(idf, avgdl, weights)


class _Scorer(dict[tuple[int, int], float]):
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
