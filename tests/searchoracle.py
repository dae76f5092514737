"""An oracle for search (DESIGN section 5): the hits and spans a query must give, by brute force.

The library and the queries are `oracledraw`'s. The oracle folds each field on its own
terms - NFKC of the whole field, each character lower-cased, traditional to simplified
from `t2s.txt` followed to its end (a table entry may point at another) - and says which
items hold the query and where: a folded occurrence covers exactly the printed characters
whose folds it needs, found from the folds of the field's prefixes, not from the
engine's offset map. Nothing here imports `reader.search`'s folding or matching.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import NamedTuple

from reader.fields import field_group, item_fields
from reader.library import Library
from reader.model import Item
from reader.parse.pages import load_pages

T2S = Path(__file__).resolve().parents[1] / "reader" / "search" / "t2s.txt"
_RUN = re.compile(r"[^\W_]")
Spans = dict[str, list[tuple[int, int]]]


@cache
def t2s() -> dict[str, str]:
    """Traditional to simplified, each entry followed to a character the table leaves alone."""
    lines = [line for line in T2S.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    pairs = [pair for line in lines for pair in line.split(" ") if pair]
    table = {pair[0]: pair[1] for pair in pairs}
    for trad, simp in list(table.items()):
        seen = {trad}
        while simp in table and simp not in seen:
            seen.add(simp)
            simp = table[simp]
        table[trad] = simp
    return table


def fold(text: str) -> str:
    """NFKC of the whole text, each character lower-cased, traditional to simplified, until
    nothing changes."""
    table = t2s()
    for _ in range(4):
        out = unicodedata.normalize("NFKC", text)
        out = "".join(table.get(low, low) for char in out for low in char.lower())
        if out == text:
            break
        text = out
    return text


def printed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The printed characters of `text` whose folds the folded span `start`-`end` needs."""
    cuts = _cuts(text)
    first = max(n for folded, n in cuts if folded <= start)
    last = min(n for folded, n in cuts if folded >= end)
    return first, last


def chains_of(item: Item) -> list[list[tuple[str, str]]]:
    """(key, printed text) of an item's printed fields in reading order, as a run across them
    is read (search24): the headline stack (kicker, headline, subtitle), and apart from it
    the body (byline, the paragraphs, source, credit); the header and a derived headline
    are in none."""
    body = ["byline", *(f"paragraphs.{n}" for n in range(len(item.paragraphs)))]
    texts = dict(item_fields(item))
    return [
        [(key, texts[key]) for key in keys if texts.get(key)]
        for keys in (["kicker", "headline", "subtitle"], [*body, "source", "credit"])
    ]


def chain_of(item: Item) -> list[tuple[str, str]]:
    """Both chains of `chains_of`, one after the other (for drawing runs across seams)."""
    return [pair for chain in chains_of(item) for pair in chain]


def across(
    rows: Sequence[tuple[str, str, str, str | None]], needle: str, field: str | None
) -> Spans:
    """The spans of each occurrence of `needle` in the folds of a chain's `rows` (key, printed,
    folded, group) joined - nothing between them but a space between two ASCII letters or
    digits - that touches two fields or more, all of `field` when given."""
    joined = ""
    places = []
    for key, text, folded, group in rows:
        if not folded:
            continue
        if joined and (joined[-1] + folded[0]).isascii() and (joined[-1] + folded[0]).isalnum():
            joined += " "
        places.append((len(joined), key, text, folded, group))
        joined += folded
    found: Spans = {}
    at = joined.find(needle) if needle else -1
    while at >= 0:
        end = at + len(needle)
        touched = [p for p in places if p[0] < end and at < p[0] + len(p[3])]
        if len(touched) > 1 and (field is None or all(p[4] == field for p in touched)):
            for start, key, text, folded, _ in touched:
                piece = printed_span(
                    text, max(at, start) - start, min(end, start + len(folded)) - start
                )
                found.setdefault(key, []).append(piece)
        at = joined.find(needle, at + 1)
    return found


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    """The printed spans of every occurrence of `needle` (folded) in fold(`text`), joined
    where they overlap: from the first printed character its fold needs to the last."""
    whole = fold(text)
    found = []
    at = whole.find(needle) if needle else -1
    while at >= 0:
        found.append((at, at + len(needle)))
        at = whole.find(needle, at + 1)
    if not found:
        return []
    out: list[tuple[int, int]] = []
    for start, end in found:
        first, last = printed_span(text, start, end)
        if out and first < out[-1][1]:
            out[-1] = (out[-1][0], max(last, out[-1][1]))
        else:
            out.append((first, last))
    return out


@cache
def _cuts(text: str) -> tuple[tuple[int, int], ...]:
    """(folded length, printed length) of every cut in the print that is a cut in the fold:
    where the prefix folds to a prefix of the whole's fold. Each character folding to one
    character of the whole's fold, alone and in place, makes every place a cut."""
    whole = fold(text)
    if len(whole) == len(text) and all(fold(c) == f for c, f in zip(text, whole, strict=True)):
        return tuple((n, n) for n in range(len(text) + 1))
    cuts = []
    for n in range(len(text) + 1):
        head = fold(text[:n])
        if whole.startswith(head):
            cuts.append((len(head), n))
    return tuple(cuts)


class Filters(NamedTuple):
    """`engine.search`'s filters: paper (folder), issue (folder), date range, page."""

    paper: str | None = None
    issue: str | None = None
    since: date | None = None
    until: date | None = None
    page: int | None = None

    def allows(self, ident: str) -> bool:
        paper, issue, page, _ = ident.split("/")
        day = date.fromisoformat(issue)
        return (
            self.paper in (None, paper)
            and self.issue in (None, issue)
            and (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
            and self.page in (None, int(page))
        )

    @staticmethod
    def draw(rng: random.Random) -> Filters:
        """No filter half the time, else one or two of them."""
        if rng.random() < 0.5:
            return Filters()
        day = date(1998, 1, 1) + timedelta(days=rng.randrange(0, 8))
        every = Filters(
            rng.choice(["rmrb", "whb"]),
            day.isoformat(),
            day,
            day + timedelta(days=rng.randrange(0, 4)),
            rng.randrange(1, 9),
        )
        keys = set(rng.sample(Filters._fields, rng.randint(1, 2)))
        return Filters(*(v if k in keys else None for k, v in every._asdict().items()))


class Clause(NamedTuple):
    """One term of a query as typed: its text, excluded or not, a field or none, quoted or not."""

    text: str
    negated: bool = False
    field: str | None = None
    phrase: bool = False
    either: bool = False  # OR with the clause before it (`X OR Y`, of two clauses only)

    def typed(self) -> str:
        body = f'"{self.text}"' if self.phrase else self.text
        body = ("-" if self.negated else "") + (f"{self.field}:" if self.field else "") + body
        return f"OR {body}" if self.either else body

    @property
    def needle(self) -> str:
        return " ".join(fold(self.text).split())


def query_text(clauses: Sequence[Clause]) -> str:
    return " ".join(clause.typed() for clause in clauses)


def typable(text: str) -> bool:
    """Whether `text` can be typed as one plain term: the query language reads it as itself."""
    return (
        bool(text)
        and not any(c.isspace() or c in '()"' for c in text)
        and text[0] != "-"
        and not re.match(r"[A-Za-z]+:", text)
        and text not in ("OR", "AND")
        and not re.fullmatch(r"[a-z0-9]*[a-z][a-z0-9]*\*", fold(text))
    )


def searchable(clauses: Sequence[Clause]) -> bool:
    """Whether the engine may answer (else the query is refused): a wanted term with a
    letter or digit, and something wanted at all; each side of an OR with one."""
    if any(c.either for c in clauses):
        return all(_RUN.search(c.needle) for c in clauses)
    return any(not c.negated and _RUN.search(c.needle) for c in clauses)


def fields(item: Item) -> list[tuple[str, str, str | None]]:
    """(key, printed text, searchable field) of every field of an item (header included)."""
    return [(key, text, field_group(item, key)) for key, text in item_fields(item)]


class Shelf:
    """The library's items as the index stores them, folded once, for the brute-force scan."""

    def __init__(self, library: Library) -> None:
        self.items: dict[str, Item] = {}
        self.header: dict[str, str] = {}
        for issue in library.issues():
            for page in load_pages(library, issue):
                for item in page.items:
                    self.items[item.id] = item
                if page.header and page.items:
                    self.header[page.items[0].id] = page.header
        self.folded: dict[str, list[tuple[str, str, str, str | None]]] = {}
        for ident, item in self.items.items():
            rows = fields(item)
            if ident in self.header:
                rows.insert(0, ("header", self.header[ident], "header"))
            self.folded[ident] = [(key, text, fold(text), group) for key, text, group in rows]
        self.chains: dict[str, list[list[tuple[str, str, str, str | None]]]] = {}
        for ident, item in self.items.items():
            keyed = {row[0]: row for row in self.folded[ident]}
            self.chains[ident] = [[keyed[k] for k, _ in chain] for chain in chains_of(item)]

    def holds(self, ident: str, clause: Clause) -> bool:
        return any(
            clause.needle in folded
            for _, _, folded, group in self.folded[ident]
            if group is not None and clause.field in (None, group)
        ) or any(across(chain, clause.needle, clause.field) for chain in self.chains[ident])

    def answer(self, clauses: Sequence[Clause], filters: Filters | None = None) -> dict[str, Spans]:
        """The items the query matches, each with its joined spans by field key."""
        wanted = [c for c in clauses if not c.negated]
        unwanted = [c for c in clauses if c.negated]
        found: dict[str, Spans] = {}
        for ident in filter((filters or Filters()).allows, self.items):
            if any(c.either for c in clauses):
                if any(self.holds(ident, c) for c in clauses):
                    found[ident] = self.spans(ident, wanted)
                continue
            if all(self.holds(ident, c) for c in wanted) and not any(
                self.holds(ident, c) for c in unwanted
            ):
                found[ident] = self.spans(ident, wanted)
        return found

    def spans(self, ident: str, wanted: Iterable[Clause]) -> Spans:
        every: dict[str, list[tuple[int, int]]] = {}
        lead = "caption" if self.items[ident].kind == "caption" else "body"
        for key, text, folded, group in self.folded[ident]:
            for clause in wanted:  # a derived headline is cut from the paragraphs
                place = lead if key == "derived_headline" else group
                if clause.field is not None and place != clause.field:
                    continue
                if clause.needle and clause.needle in folded:
                    every.setdefault(key, []).extend(spans(text, clause.needle))
        for clause in wanted:
            for chain in self.chains[ident] if clause.needle else []:
                for key, found in across(chain, clause.needle, clause.field).items():
                    every.setdefault(key, []).extend(found)
        return {key: _joined(value) for key, value in every.items()}


def _joined(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


class Verdict(NamedTuple):
    """What the engine did against what the oracle says, for one query."""

    query: str
    missing: list[str]  # items the oracle finds and the engine does not
    extra: list[str]  # items the engine finds and the oracle does not
    spans: list[tuple[str, Spans, Spans]]  # (id, engine's, oracle's) where they differ
    refused: str | None = None  # the engine's error, when the oracle expected hits or a refusal

    @property
    def good(self) -> bool:
        return not (self.missing or self.extra or self.spans or self.refused)


def judge(query: str, got: dict[str, Spans] | str, want: dict[str, Spans] | None) -> Verdict:
    """Compare: `got` is the engine's hits (id to spans) or its error; `want` None: a refusal."""
    if isinstance(got, str) or want is None:
        ok = isinstance(got, str) and want is None
        return Verdict(query, [], [], [], None if ok else f"engine {got!r}, oracle {want!r}"[:300])
    spans = [
        (ident, got[ident], want[ident])
        for ident in sorted(set(got) & set(want))
        if got[ident] != want[ident]
    ]
    return Verdict(query, sorted(set(want) - set(got)), sorted(set(got) - set(want)), spans)
