"""The query language, and its translation into FTS5 expressions over index tokens.

Space-separated terms are ANDed (`AND` may be written), `OR` between two terms or
groups takes either, `( … )` groups, `"…"` is a phrase, `-` before a term, phrase or
group excludes it, `headline:` `body:` `caption:` `header:` restrict a term or group
to a field, and a Latin word ending in `*` is a prefix (`econom*`: economy,
economic). Everything else is text to find literally: `NEAR`, lower-case `or`, a
lone `*` and any FTS5 syntax never reach SQLite, because the expressions are built
only from quoted bigrams and words of the index (DESIGN section 5). An unknown field
(`foo:香港`) or a field with nothing after it is a usage error. No segmenter is
loaded: the word part of a term is split against the index's own vocabulary.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

from reader.errors import ReaderError
from reader.fields import SEARCH_FIELDS as FIELDS
from reader.search.folding import fold
from reader.search.tokens import GROUP_COLUMN, RUN

MAX_QUERY = 500
"""Characters; longer queries are refused rather than turned into huge FTS expressions."""
_LEX = re.compile(
    r'(?P<space>\s+)|(?P<open>\()|(?P<close>\))|(?P<phrase>"[^"]*"?)'
    r"|(?P<minus>-(?=[^\s]))|(?P<field>[A-Za-z]+:)|(?P<word>[^\s()\"]+)"
)
_PREFIX = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*\*")
_MAX_WORD = 7
"""The longest index word looked for inside a term: jieba's dictionary has words of 5 to 7
characters (古生物学家, 中华人民共和国) that a person types whole; with 4 their items
ranked by age, not by bm25."""
_MAX_BOOST = 6
_SAMPLE = 200
"""The newest items holding a term's words that estimate how common they are (`rarity`)."""
_MAX_LOOKUPS = 64


class Term(NamedTuple):
    """One term of a query: folded text, an optional field, a prefix (`econom*`) or not."""

    text: str
    field: str | None = None
    prefix: bool = False

    @property
    def indexable(self) -> bool:
        """Whether the index can narrow the search for it (it has a letter or digit)."""
        return RUN.search(self.text) is not None


class Not(NamedTuple):
    """Items without what `node` matches."""

    node: Node


class AllOf(NamedTuple):
    """Items that every one of `nodes` matches."""

    nodes: tuple[Node, ...]


class AnyOf(NamedTuple):
    """Items that at least one of `nodes` matches."""

    nodes: tuple[Node, ...]


Node = Term | Not | AllOf | AnyOf


def wanted(node: Node, negated: bool = False) -> Iterator[Term]:
    """The terms whose presence a hit shows (not those under a `-`), in query order."""
    if isinstance(node, Term):
        if not negated:
            yield node
    elif isinstance(node, Not):
        yield from wanted(node.node, not negated)
    else:
        for child in node.nodes:
            yield from wanted(child, negated)


def needed(node: Node) -> list[str]:
    """The folded texts an item must hold for the query to match it (the terms every
    alternative requires; nothing under a `-`), for a quick test before the spans."""
    return sorted({fold(term.text) for term in _required(node)}, key=len, reverse=True)


def _required(node: Node) -> set[Term]:
    if isinstance(node, Term):
        return {node}
    if isinstance(node, Not):
        return set()
    found = [_required(child) for child in node.nodes]
    if isinstance(node, AnyOf):
        return set.intersection(*found)
    return set().union(*found)


def terms(node: Node) -> list[Term]:
    """Every term of the query, in order (each is looked for once per item)."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return terms(node.node)
    return [t for child in node.nodes for t in terms(child)]


def parse(query: str, field: str | None = None) -> Node:
    """The query as a tree; a malformed one, or one with nothing to find, is a `ReaderError`."""
    if field is not None and field not in FIELDS:
        raise ReaderError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")
    if len(query) > MAX_QUERY:
        raise ReaderError(f"query too long: {len(query)} characters, at most {MAX_QUERY}")
    tokens = [
        (m.lastgroup or "", m.group()) for m in _LEX.finditer(query) if m.lastgroup != "space"
    ]
    if not tokens:
        raise ReaderError("empty query: give a word to search for")
    parser = _Parser(tokens, field)
    node = parser.alternatives()
    if parser.at < len(tokens):  # a `)` without its `(`
        raise ReaderError("unmatched ) in the query: open a group with ( first")
    node = _simplify(node)
    if not any(True for _ in wanted(node)):
        raise ReaderError("nothing to search for: every term is excluded with -")
    if grams_expression(node) is None:
        raise ReaderError(
            f"nothing to search for in {query.strip()!r}: give a letter, digit or character"
            " (in each side of an OR)"
        )
    return node


def _simplify(node: Node) -> Node:
    """Groups of one are their member; groups inside groups of their kind are joined."""
    if isinstance(node, Not):
        return Not(_simplify(node.node))
    if isinstance(node, AllOf | AnyOf):
        kind = type(node)
        flat: list[Node] = []
        for child in map(_simplify, node.nodes):
            flat.extend(child.nodes if isinstance(child, kind) else (child,))
        return flat[0] if len(flat) == 1 else kind(tuple(flat))
    return node


class _Parser:
    """Recursive descent over the tokens: alternatives of sequences of (negated) atoms."""

    def __init__(self, tokens: list[tuple[str, str]], field: str | None) -> None:
        self.tokens = tokens
        self.at = 0
        self.field = field

    def peek(self, ahead: int = 0) -> tuple[str, str] | None:
        at = self.at + ahead
        return self.tokens[at] if at < len(self.tokens) else None

    def operator(self, word: str) -> bool:
        """Whether the next token is `word` (OR, AND) used as an operator: between two terms."""
        token, after = self.peek(), self.peek(1)
        return (
            token == ("word", word) and after is not None and after[0] not in ("close",)
        ) and after != ("word", "OR")

    def alternatives(self, field: str | None = None) -> Node:
        nodes = [self.sequence(field)]
        while self.operator("OR"):
            self.at += 1
            nodes.append(self.sequence(field))
        return AnyOf(tuple(nodes)) if len(nodes) > 1 else nodes[0]

    def sequence(self, field: str | None) -> Node:
        nodes: list[Node] = []
        while (token := self.peek()) is not None and token[0] != "close":
            if nodes and self.operator("OR"):
                break
            if nodes and self.operator("AND"):
                self.at += 1
                continue
            nodes.append(self.unary(field))
        if not nodes:
            raise ReaderError("empty group in the query: put a word between ( and )")
        return AllOf(tuple(nodes)) if len(nodes) > 1 else nodes[0]

    def unary(self, field: str | None) -> Node:
        kind, text = self.tokens[self.at]
        self.at += 1
        if kind == "minus":
            if self.peek() == ("close", ")"):
                return self.term("-", field)
            return Not(self.unary(field))
        if kind == "open":
            node = self.alternatives(field)
            if self.peek() != ("close", ")"):
                raise ReaderError("unclosed ( in the query: close the group with )")
            self.at += 1
            return node
        if kind == "field":
            name = fold(text[:-1])
            if name not in FIELDS:
                raise ReaderError(
                    f"unknown field {name!r} in {text!r}: use one of {', '.join(FIELDS)}"
                )
            after = self.peek()
            if after is None or after[0] in ("close", "field"):
                raise ReaderError(f"{text} with nothing after it: give a word, as in {text}数据")
            return self.unary(name)
        if kind == "phrase":
            return self.term(text.strip('"'), field, phrase=True)
        return self.term(text, field)

    def term(self, text: str, field: str | None, phrase: bool = False) -> Term:
        folded = " ".join(fold(text).split())
        if phrase and " " in folded:
            # The page text has no space next to a CJK character (DESIGN section 4):
            # `"数据 资源"` is the phrase 数据资源, as `"economic growth"` keeps its space.
            from reader.parse.text import clean_line

            folded = clean_line(folded)
        field = field or self.field
        if not phrase and _PREFIX.fullmatch(folded):
            return Term(folded[:-1], field, prefix=True)
        if not folded:
            raise ReaderError('empty phrase in the query: put words between the quotes ""')
        return Term(folded, field)


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


def grams_expression(node: Node) -> str | None:
    """FTS5 MATCH for the bigram table: a superset of the items the query matches.

    Bigrams need not be adjacent there, fields are not told apart, and what a `-`
    excludes narrows nothing; the caller checks each candidate literally. None
    when the index cannot narrow the query (a term with no letter or digit).
    """
    if isinstance(node, Term):
        return " AND ".join(_core(node.text)) if node.indexable else None
    if isinstance(node, Not):
        return None
    parts = [grams_expression(child) for child in node.nodes]
    if isinstance(node, AnyOf):
        if any(p is None for p in parts):
            return None
        return "(" + " OR ".join(f"({p})" for p in parts) + ")"
    found = [f"({p})" for p in parts if p is not None]
    return " AND ".join(found) or None


def words_expression(conn: sqlite3.Connection, node: Node) -> str | None:
    """FTS5 MATCH for the word table, to rank: the query's index words, as the query joins them.

    A term's words are the longest index words inside it (人民币 and 汇率 for
    人民币汇率, not 人民 too); a prefix term takes the words it starts. Items
    holding the query as words rank first, by bm25; the others are still found,
    after them. None when no term holds a word of the index.
    """
    if isinstance(node, Term):
        phrases = _term_words(conn, node)
        if not phrases:
            return None
        clause = " AND ".join(phrases)
        if node.field is not None:
            clause = f"{{{GROUP_COLUMN[node.field]}}} : ({clause})"
        return f"({clause})"
    if isinstance(node, Not):
        return None
    parts = [p for p in (words_expression(conn, child) for child in node.nodes) if p]
    if not parts:
        return None
    return "(" + (" OR " if isinstance(node, AnyOf) else " AND ").join(parts) + ")"


def whole_expression(ranking: str) -> str:
    """The word table's `ranking` expression with its words as whole words: not in the
    column of the parts of long words (行政区 inside 特别行政区)."""
    return f"- {{parts}} : ({ranking})"


def rarity(conn: sqlite3.Connection, node: Node) -> dict[Term, float]:
    """bm25's IDF of each wanted term's words taken together, estimated: a rare word
    weighs more than a common one where the ranking counts terms (`reader.search.rank`).

    The share of items holding them among the newest, from the `_SAMPLE`-th newest
    such item on, so the cost is the same in any archive (a count over the whole
    doclist of 经济 would grow with it). Empty when some term holds no index word
    (it could not be weighed against the others).
    """
    top = conn.execute("SELECT first + items FROM pages ORDER BY first DESC LIMIT 1").fetchone()
    total = top[0] if top else 0
    weights: dict[Term, float] = {}
    for term in wanted(node):
        phrases = _term_words(conn, term)
        if not phrases or total <= 0:
            return {}
        # Below `total`: rows of pages changed or removed since may stand above every
        # page's (an issue removed), and are no items.
        rows = conn.execute(
            "SELECT rowid FROM words WHERE words MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?",
            (" AND ".join(phrases), total, _SAMPLE),
        ).fetchall()
        if not rows:
            return {}
        held = len(rows) if len(rows) < _SAMPLE else _SAMPLE * total / (total - rows[-1][0])
        weights[term] = max(math.log((total - held + 0.5) / (held + 0.5)), 0.1)
    return weights


def _term_words(conn: sqlite3.Connection, term: Term) -> list[str]:
    """The FTS5 phrases of a term's longest index words (its prefix, for a prefix term)."""
    if term.prefix:
        return [_quote(term.text) + " *"]
    found = _words(conn, term.text)
    return [_quote(w) for w in found if not any(w != o and w in o for o in found)]


def head_starts(conn: sqlite3.Connection, found: dict[int, list[Term]]) -> set[int]:
    """The rowids of `found` (each with the terms it holds in its headline stack) whose
    headline stack holds, for every term, an index word that starts with it: 新闻部 in
    马拉维新闻部长, where jieba made 新闻部长 one word. 理工 in 管理工作 starts none (管理 工作).
    A term of more than one run of letters is no word's start."""
    out = set()
    for rowid, held in found.items():
        texts = [term.text for term in held]
        if not texts or not all(RUN.fullmatch(text) for text in texts):
            continue
        expression = " AND ".join(f"head : {_quote(text)} *" for text in dict.fromkeys(texts))
        if conn.execute(
            "SELECT 1 FROM words WHERE words MATCH ? AND rowid = ?", (expression, rowid)
        ).fetchone():
            out.add(rowid)
    return out


def head_words(conn: sqlite3.Connection, rowids: list[int]) -> dict[int, int]:
    """How many words the headline stack of each item of `rowids` (a window's) holds: the
    word table's own count of its `head` column, which bm25 reads too (one row a item of
    its docsize table: a varint per column, in the table's column order)."""
    if not rowids:
        return {}
    listed = ",".join(map(str, rowids))  # integers from the index
    rows = conn.execute(f"SELECT id, sz FROM words_docsize WHERE id IN ({listed})")
    return {rowid: _varints(sz)[_HEAD_COLUMN] for rowid, sz in rows if sz}


_HEAD_COLUMN = 1
"""The `head` column's place in the word table (body, head, caption, meta, parts, header)."""


def _varints(blob: bytes) -> list[int]:
    """SQLite's varints (7 bits a byte, most significant first, the high bit going on)."""
    found: list[int] = []
    value = 0
    for byte in blob:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            found.append(value)
            value = 0
    return found
