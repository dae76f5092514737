"""Libraries and queries for the search oracle (`searchoracle`): what it is asked.

A library is laid out from corpus paragraphs (read in place): two papers, every fifth
line in traditional print, some with a form whose NFKC changes its length (`ODD`), every
third page wrapped as extractors write, a page header on every fourth. `Drawer` draws
queries of each of `KINDS` from the items' printed text.
"""

from __future__ import annotations

import random
import re
from itertools import pairwise
from pathlib import Path

from corpuslib import make_library
from searchoracle import Clause, Shelf, chains_of, fold, t2s, typable

from reader.library import Library


def _cjk_space(text: str) -> bool:
    """A space beside a character past ASCII: in a phrase the query drops it (DESIGN 4)."""
    return re.search(r"[^\x00-\x7f]\s|\s[^\x00-\x7f]", text) is not None


# Printed forms whose fold is not one character for one, and what a reader types.
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
    for trad, simp in sorted(t2s().items()):
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
    cut = len(lines) * 3 // 4  # a second paper, on the same days
    make_library(root, lines[:cut])
    make_library(root, lines[cut:], paper="whb", name="文汇报", per_page=10)
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
    "seams",
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
        self.seams = [  # across any two fields printed one after the other (a byline's end)
            before[-3:] + after[:3]
            for item in shelf.items.values()
            for chain in chains_of(item)
            for (key, before), (_, after) in pairwise(chain)
            if not key.startswith("paragraphs.")
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
        clauses: list[Clause] = getattr(self, f"_{kind}")(rng)
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

    def _seams(self, rng: random.Random) -> list[Clause]:
        return [Clause(rng.choice(self.seams))] if self.seams else []

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
        field = rng.choice([None, None, "headline", "body"])
        return [Clause(piece), Clause(other, negated=True, field=field)]

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
