"""bm25 over the word table: the candidates that hold a query's words, best first.

The best are read from the impact table when it can say (`reader.search.topk`), else
scored by FTS5; `whole` tells which items hold the words as words, not inside longer ones.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.search import rank, topk
from reader.search.query import whole_expression

if TYPE_CHECKING:
    from reader.search.candidates import Scope

_WALK = 500
"""Rows of the word table read in order to tell the window's whole words (`whole`)."""
_PARTS = 4
"""The place of the parts of long words among the word table's columns (`store`)."""
_PHRASE = r'\(*"((?:[^"]|"")+)"\)*'
"""One word of a ranking expression of words joined by AND, with its parentheses
(compiled on first use, by re's cache: a query of one word needs none)."""


def scored(
    conn: sqlite3.Connection,
    ranking: str,
    where: str,
    params: list[object],
    scope: Scope | None = None,
    need: int = 0,
) -> Iterable[tuple[int, float]]:
    """(rowid, bm25) of the items holding the query's words, best first: of every one,
    or (`need` > 0, words joined by AND, or two by OR) the best read from the impact table
    (`topk.best`), with the floor no other one reaches.

    bm25 costs a few microseconds a row (the item's length, its positions): over
    every item holding a common word (经济, 640,000 of them at 2 GB) it took 1.7-2.0 s.
    """
    weights = ", ".join(str(w) for w in rank.WEIGHTS)
    words = _and_words(ranking)
    either = _and_words(ranking, " OR ") if words is None else None
    if need and (words or either) and scope is not None and scope.ranges != []:
        low, high = (scope.ranges[0][0], scope.ranges[-1][1]) if scope.ranges else (0, None)
        allows = None if scope.ranges is None else scope.allows
        found = topk.best(conn, words or either or [], allows, (low, high), need, not words)
        if found is not None:
            return Ranked(found.rows, found.whole, told=found.told, floor=found.floor)
    alone = words is not None and len(words) == 1
    # A word alone: bm25 again without the parts column is 0 where the item holds it
    # only inside a longer word (`whole`'s question), and costs FTS5 next to nothing
    # more (the row's positions are read already): 2 ms of `whole` for 数据 at 2 GB.
    parts = ", ".join("0.0" if n == _PARTS else str(w) for n, w in enumerate(rank.WEIGHTS))
    bare = f", bm25(words, {parts})" if alone else ""
    select = (
        f"SELECT rowid, bm25(words, {weights}) AS score{bare} FROM words WHERE words MATCH ?{where}"
    )
    cursor = conn.execute(f"{select} ORDER BY score", [ranking, *params])
    if not alone:
        return cursor
    rows = cursor.fetchall()
    whole = {rowid for rowid, _, bare in rows if bare}  # -0.0: only in the parts column
    return Ranked(((rowid, score) for rowid, score, _ in rows), whole, told=True)


def _and_words(ranking: str, join: str = " AND ") -> list[str] | None:
    """The index words of a ranking expression that only joins words by AND (or by `join`),
    in order (FTS5's phrase order); None for any other expression (OR, a field, a prefix)."""
    words = []
    for part in ranking.split(join):
        match = re.fullmatch(_PHRASE, part)
        if match is None:
            return None
        words.append(match.group(1).replace('""', '"'))
    return words


class Ranked(list[tuple[int, float]]):
    """Scored rows, best first, and those known to hold the query's words as words."""

    def __init__(
        self,
        rows: Iterable[tuple[int, float]] = (),
        whole: set[int] | None = None,
        told: bool | set[int] = False,
        floor: float | None = None,
    ):
        super().__init__(rows)
        self.whole = whole or set()
        self.told = (
            told if isinstance(told, set) else {rowid for rowid, _ in self} if told else self.whole
        )
        """The rows known to hold the words as words or not (the others: `whole`)."""
        self.floor = floor
        """No candidate left out scores below this (None: none is left out)."""


def whole(conn: sqlite3.Connection, ranking: str | None, rowids: list[int]) -> set[int]:
    """Those of `rowids` (the window, a few dozen) that hold the query's words as words.

    The rows holding them between the window's ends, read in order up to `_WALK` of
    them (0.2-0.5 ms where the words are rare; a point lookup took 40-90 µs a row),
    then point lookups for the rows not reached: the cost is the window's, whatever
    the size of the archive.
    """
    if ranking is None or not rowids:
        return set()
    expression = whole_expression(ranking)
    walked = [
        rowid
        for (rowid,) in conn.execute(
            f"SELECT rowid FROM words WHERE words MATCH ? AND rowid BETWEEN ? AND ? "
            f"ORDER BY rowid DESC LIMIT {_WALK}",
            [expression, min(rowids), max(rowids)],
        )
    ]
    reached = min(rowids) if len(walked) < _WALK else walked[-1]
    found = set(walked).intersection(rowids)
    rest = [rowid for rowid in rowids if rowid < reached]
    if rest:
        listed = ",".join(map(str, rest))  # integers from the index
        found.update(
            rowid
            for (rowid,) in conn.execute(
                f"SELECT rowid FROM words WHERE words MATCH ? AND rowid IN ({listed})",
                [expression],
            )
        )
    return found
