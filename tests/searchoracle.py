"""An oracle for search (DESIGN section 5): the hits and spans a query must give, by brute force.

A library is laid out from corpus paragraphs (read in place), some printed in traditional
characters, some wrapped over several lines, some with characters whose NFKC changes
their length (①, ㈠, ﬁ, Ⅻ, ｶﾞ, ㎏, ㍻, compatibility ideographs, a combining accent).
Queries are drawn from the items' printed text. The oracle folds each field on its own
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
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from corpuslib import make_library

from reader.fields import field_group, item_fields
from reader.library import Library
from reader.model import Item
from reader.parse.pages import load_pages

T2S = Path(__file__).resolve().parents[1] / "reader" / "search" / "t2s.txt"
_RUN = re.compile(r"[^\W_]")
Spans = dict[str, list[tuple[int, int]]]


@cache
def _t2s() -> dict[str, str]:
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
    table = _t2s()
    for _ in range(4):
        out = unicodedata.normalize("NFKC", text)
        out = "".join(table.get(low, low) for char in out for low in char.lower())
        if out == text:
            break
        text = out
    return text


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
    cuts = _cuts(text)
    out: list[tuple[int, int]] = []
    for start, end in found:
        first = max(n for folded, n in cuts if folded <= start)
        last = min(n for folded, n in cuts if folded >= end)
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


def _cjk_space(text: str) -> bool:
    """A space beside a character past ASCII: in a phrase the query drops it (DESIGN 4)."""
    return re.search(r"[^\x00-\x7f]\s|\s[^\x00-\x7f]", text) is not None


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

    def holds(self, ident: str, clause: Clause) -> bool:
        return any(
            clause.needle in folded
            for _, _, folded, group in self.folded[ident]
            if group is not None and clause.field in (None, group)
        )

    def answer(self, clauses: Sequence[Clause]) -> dict[str, Spans]:
        """The items the query matches, each with its joined spans by field key."""
        wanted = [c for c in clauses if not c.negated]
        unwanted = [c for c in clauses if c.negated]
        found: dict[str, Spans] = {}
        for ident in self.items:
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
        for key, text, folded, group in self.folded[ident]:
            for clause in wanted:
                if clause.field is not None and group != clause.field:
                    continue
                if clause.needle and clause.needle in folded:
                    every.setdefault(key, []).extend(spans(text, clause.needle))
        return {key: _joined(value) for key, value in every.items()}


def _joined(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


# Printed forms whose fold is not one character for one, and what a reader types for them.
ODD = [
    ("①", "1"),
    ("⑫", "12"),
    ("㈠", "(一)"),
    ("ﬁ", "fi"),
    ("Ⅻ", "xii"),
    ("ｶﾞｽ", "ガス"),
    ("5㎏", "5kg"),
    ("㍻", "平成"),
    ("\uf90a", "金"),  # a compatibility ideograph
    ("\u2f08", "人"),  # a Kangxi radical
    ("Cafe\u0301", "café"),
    ("\uff23\uff2f\uff36\uff29\uff24\uff0d\uff11\uff19", "covid-19"),  # full-width COVID-19
    ("G20峰会", "g20峰会"),
    ("5G", "5g"),
    ("１９９８年", "1998年"),
    ("İstanbul", "i̇stanbul"),
    ("“三个代表”", "“三个代表”"),
    ("中美·关系", "中美·关系"),
    ("薴麻", "苎麻"),
    ("後髮幹乾發", "后发干干发"),
]


def _traditional() -> dict[str, str]:
    table: dict[str, str] = {}
    for trad, simp in sorted(_t2s().items()):
        table.setdefault(simp, trad)
    return table


def dressed(lines: list[str], rng: random.Random) -> list[str]:
    """Corpus lines with every fifth in traditional print and some with an `ODD` form put in."""
    trad = _traditional()
    out = []
    for n, line in enumerate(lines):
        if n % 5 == 0:
            line = "".join(trad.get(c, c) for c in line)
        if n % 7 == 3 and len(line) > 8:
            odd = rng.choice(ODD)[0]
            at = rng.randrange(1, len(line) - 1)
            line = line[:at] + odd + line[at:]
        out.append(line)
    return out


def wrapped(path: Path, paragraphs: list[str], width: int) -> None:
    """A page of paragraphs wrapped at `width`, each first line indented, as extractors write."""
    rows = []
    for paragraph in paragraphs:
        pieces = [paragraph[i : i + width] for i in range(0, len(paragraph), width)] or [""]
        rows.append("\u3000\u3000" + pieces[0])
        rows.extend(pieces[1:])
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def build(root: Path, count: int, seed: int = 18) -> Library:
    """A library of `count` dressed corpus lines (from a seeded place), every third page wrapped."""
    from corpuslib import corpus_lines

    rng = random.Random(seed)
    lines = corpus_lines()
    first = rng.randrange(0, max(1, len(lines) - count))
    lines = dressed(lines[first : first + count], rng)
    make_library(root, lines)
    editors = ["赵磊", "錢其琛", "王伟明", "李岚清"]
    for n, path in enumerate(sorted(root.glob("*/*/*.txt"))):
        if n % 3 == 1:
            paragraphs = [line[1:] for line in path.read_text(encoding="utf-8").splitlines()]
            wrapped(path, paragraphs, 18 + n % 9)
        if n % 4 == 0:  # a page header on some, as papers print them
            band = f"1998年1月{n % 28 + 1}日 星期五 第{n % 8 + 1}版 要闻 责任编辑 {editors[n % 4]}"
            path.write_text(band + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    return Library(root)


def wraps(library: Library) -> list[str]:
    """Text across each line break of the wrapped pages (two to four characters each side)."""
    found = []
    for path in sorted(library.root.glob("*/*/*.txt")):
        rows = path.read_text(encoding="utf-8").splitlines()
        for top, bottom in pairwise(rows):
            if top and bottom and not bottom.startswith("\u3000"):
                found.append(top[-2:] + bottom[:2])
    return found


KINDS = (
    "single",
    "sub",
    "wrap",
    "paragraphs",
    "odd",
    "script",
    "stop",
    "repeat",
    "exclude",
    "field",
    "phrase",
    "either",
    "header",
)


class Drawer:
    """Queries of each kind drawn from the printed text of a `Shelf`."""

    def __init__(self, shelf: Shelf, library: Library) -> None:
        self.shelf = shelf
        self.texts = [
            (ident, key, text, group)
            for ident, rows in shelf.folded.items()
            for key, text, _, group in rows
            if group is not None
        ]
        self.wraps = wraps(library)
        self.joins = [
            item.paragraphs[n][-3:] + item.paragraphs[n + 1][:3]
            for item in shelf.items.values()
            for n in range(len(item.paragraphs) - 1)
        ]
        self.odd = [
            (ident, key, text)
            for ident, key, text, _ in self.texts
            if any(form in text for form, _ in ODD)
        ]
        self.trad = _traditional()

    def piece(self, rng: random.Random, low: int = 2, high: int = 8, text: str = "") -> str:
        if not text:
            text = rng.choice(self.texts)[2]
        size = rng.randint(low, min(high, max(low, len(text))))
        at = rng.randint(0, max(0, len(text) - size))
        return text[at : at + size]

    def draw(self, rng: random.Random, kind: str) -> list[Clause] | None:
        """A query of `kind`, or None when this draw gave nothing typable."""
        clauses = getattr(self, f"_{kind}")(rng)
        if not clauses or not all(typable(c.text) or c.phrase for c in clauses):
            return None
        if any(c.phrase and ('"' in c.text or not c.needle or _cjk_space(c.text)) for c in clauses):
            return None
        return clauses

    def _single(self, rng: random.Random) -> list[Clause]:
        return [Clause(self.piece(rng, 1, 1))]

    def _sub(self, rng: random.Random) -> list[Clause]:
        return [Clause(self.piece(rng))]

    def _wrap(self, rng: random.Random) -> list[Clause]:
        return [Clause(rng.choice(self.wraps))] if self.wraps else []

    def _paragraphs(self, rng: random.Random) -> list[Clause]:
        return [Clause(rng.choice(self.joins))] if self.joins else []

    def _odd(self, rng: random.Random) -> list[Clause]:
        form, typed = rng.choice(ODD)
        pick = rng.random()
        if pick < 0.3:
            return [Clause(typed if rng.random() < 0.5 else form)]
        if not self.odd:
            return []
        _, _, text = rng.choice([row for row in self.odd if form in row[2]] or self.odd)
        at = max(0, text.find(form) - rng.randint(0, 3))
        piece = text[at : at + len(form) + rng.randint(0, 6)]
        if pick < 0.6:
            return [Clause(piece)]
        return [Clause(fold(piece).replace(" ", ""))]  # typed as the fold: `1` for ①

    def _script(self, rng: random.Random) -> list[Clause]:
        piece = self.piece(rng)
        trad = "".join(self.trad.get(c, c) for c in piece)
        return [Clause(trad if rng.random() < 0.7 else fold(piece))]

    def _stop(self, rng: random.Random) -> list[Clause]:
        return [Clause(c) for c in rng.sample("的了是在和有也就都", rng.randint(1, 3))]

    def _repeat(self, rng: random.Random) -> list[Clause]:
        piece = self.piece(rng)
        return [Clause(piece), Clause(piece, phrase=rng.random() < 0.5)]

    def _exclude(self, rng: random.Random) -> list[Clause]:
        piece = self.piece(rng, 2, 6)
        other = rng.choice([piece, piece[: rng.randint(1, len(piece))], self.piece(rng, 1, 3)])
        return [Clause(piece), Clause(other, negated=True)]

    def _field(self, rng: random.Random) -> list[Clause]:
        _, _, text, group = rng.choice(self.texts)
        field = group if group in ("headline", "body", "caption", "header") else "headline"
        return [Clause(self.piece(rng, 2, 4, text), field=field)]

    def _either(self, rng: random.Random) -> list[Clause]:
        return [Clause(self.piece(rng, 1, 4)), Clause(self.piece(rng, 1, 4), either=True)]

    def _header(self, rng: random.Random) -> list[Clause]:
        headers = [text for _, key, text, _ in self.texts if key == "header"]
        if not headers:
            return []
        piece = self.piece(rng, 2, 6, rng.choice(headers))
        return [Clause(piece, field="header" if rng.random() < 0.5 else None)]

    def _phrase(self, rng: random.Random) -> list[Clause]:
        return [Clause(self.piece(rng, 2, 10), phrase=True)]


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
