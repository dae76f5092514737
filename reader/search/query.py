"""The query language, and its translation into an FTS5 expression over index tokens.

Space-separated terms are ANDed, `"…"` is a phrase, `-term` excludes, and
`headline:` `body:` `caption:` restrict a term to a field. Everything else is
text to find literally: FTS5 syntax in a query (`*`, `^`, `NEAR`, `OR`, …) never
reaches SQLite, because the expressions are built only from quoted bigrams
and words of the index (DESIGN section 5). No segmenter is loaded: the word
part of a term is split against the index's own vocabulary.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from reader.errors import ReaderError
from reader.fields import SEARCH_FIELDS as FIELDS
from reader.search.matching import fold
from reader.search.tokens import GROUP_COLUMN, RUN

MAX_QUERY = 500
"""Characters; longer queries are refused rather than turned into huge FTS expressions."""
_TOKEN = re.compile(r'(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S+))')
_MAX_WORD = 4
_MAX_BOOST = 6
_MAX_LOOKUPS = 64


class Term(NamedTuple):
    """One term of a query: folded text, an optional field, excluded or not."""

    text: str
    field: str | None = None
    exclude: bool = False

    @property
    def indexable(self) -> bool:
        """Whether the index can narrow the search for it (it has a letter or digit)."""
        return RUN.search(self.text) is not None


def parse(query: str, field: str | None = None) -> list[Term]:
    """Split a query into terms; a query with nothing to find is a `ReaderError`."""
    if field is not None and field not in FIELDS:
        raise ReaderError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")
    if len(query) > MAX_QUERY:
        raise ReaderError(f"query too long: {len(query)} characters, at most {MAX_QUERY}")
    terms: list[Term] = []
    for match in _TOKEN.finditer(fold(query)):
        minus, prefix, phrase, word = match.groups()
        text = phrase if phrase is not None else word
        term_field = field
        if prefix is not None and prefix in FIELDS:
            term_field = prefix
        elif prefix is not None:
            text = f"{prefix}:{text}"  # `foo:bar` is text, not a field
        if minus and not text:
            text = "-"
            minus = ""
        text = " ".join(text.split())
        if text:
            terms.append(Term(text, term_field, bool(minus)))
    wanted = [t for t in terms if not t.exclude]
    if not wanted:
        if terms:
            raise ReaderError("nothing to search for: every term is excluded with -")
        raise ReaderError("empty query: give a word to search for")
    if not any(t.indexable for t in wanted):
        raise ReaderError(
            f"nothing to search for in {query.strip()!r}: give a letter, digit or character"
        )
    return terms


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _core(text: str) -> list[str]:
    """FTS phrases every item holding `text` literally must contain."""
    runs = list(RUN.finditer(text))
    parts: list[str] = []
    for match in runs:
        run = match.group(0)
        if len(run) > 1:
            parts.extend(_quote(a + b) for a, b in pairwise(run))
        elif match.end() == len(text):
            # The character may go on into a longer run in the text: any token it starts.
            parts.append(_quote(run) + " *")
        else:
            parts.append(_quote(run))  # followed by a non-letter: it ends a run
    return list(dict.fromkeys(parts))


def _words(conn: sqlite3.Connection, text: str) -> list[str]:
    """Index words inside the term, longest first: the term split by the vocabulary."""
    candidates = {
        run[i:j]
        for run in RUN.findall(text)
        for i in range(len(run))
        for j in range(i + 2, min(len(run), i + _MAX_WORD) + 1)
    }
    # Is it a word of the index? The first row of its doclist says, in microseconds;
    # the fts5vocab table would count the whole doclist (2 ms for a common word).
    found = [
        word
        for word in sorted(candidates, key=lambda w: (-len(w), w))[:_MAX_LOOKUPS]
        if conn.execute(
            "SELECT rowid FROM words WHERE words MATCH ? LIMIT 1", (_quote(word),)
        ).fetchone()
    ]
    return found[:_MAX_BOOST]


def grams_expression(terms: Sequence[Term]) -> str:
    """FTS5 MATCH for the bigram table: a superset of the items holding every wanted term.

    Bigrams need not be adjacent there, and fields are not told apart; the
    caller checks each candidate literally.
    """
    clauses = [" AND ".join(_core(t.text)) for t in terms if not t.exclude and t.indexable]
    return " AND ".join(f"({c})" for c in clauses)


def words_expression(conn: sqlite3.Connection, terms: Sequence[Term]) -> str | None:
    """FTS5 MATCH for the word table, to rank: every wanted term's index words, ANDed.

    A term's words are the longest index words inside it (人民币 and 汇率 for
    人民币汇率, not 人民 too): items holding the query as words rank first, by
    bm25; the others are still found, after them. None when no term holds a
    word of the index.
    """
    clauses: list[str] = []
    for term in terms:
        if term.exclude:
            continue
        found = _words(conn, term.text)
        longest = [w for w in found if not any(w != o and w in o for o in found)]
        if not longest:
            continue
        clause = " AND ".join(_quote(w) for w in longest)
        if term.field is not None:
            clause = f"{{{GROUP_COLUMN[term.field]}}} : ({clause})"
        clauses.append(f"({clause})")
    return " AND ".join(clauses) or None
