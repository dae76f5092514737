"""Per-field scores of parsed pages against a generator's truth (issue 12's figures).

Items are matched greedily by shared character bigrams, so one split or merge costs
only the items it touches. Text is compared with whitespace removed; a credit also
without its brackets. Figures:

- headlines, kickers, subtitles, bylines: of the printed ones, the share found exactly
  on the matched item;
- paragraph F1: the page's paragraphs as multisets (a dateline that the parser moved to
  the byline counts as still at the head of its paragraph);
- captions: printed captions that come back as a `caption` with their text and credit;
- furniture: items whose whole text lies in the page's header (masthead, date band);
- lost: pages whose non-whitespace characters differ from the parse's.

    python tests/pagescore.py [PAGES]   # pagegen2 and pagegen, side by side
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("kicker", "headline", "subtitle", "byline")
PageDict = dict[str, Any]


def norm(text: str | None) -> str:
    """Text with its whitespace removed."""
    return "".join((text or "").split())


def item_texts(item: dict[str, Any]) -> list[str]:
    keys = (*FIELDS, "source", "credit", "marker")
    return [item[k] for k in keys if item.get(k)] + list(item.get("paragraphs") or [])


def page_chars(page: PageDict) -> Counter[str]:
    texts = [page.get("header") or ""] + [t for it in page["items"] for t in item_texts(it)]
    return Counter(c for t in texts for c in t if not c.isspace())


def _bigrams(item: dict[str, Any]) -> Counter[str]:
    text = norm("".join(item_texts(item)))
    return Counter(text[i : i + 2] for i in range(len(text) - 1)) or Counter(text)


def match(truth: list[dict[str, Any]], got: list[dict[str, Any]]) -> dict[int, int]:
    """Truth item index -> parsed item index, greedy by shared bigrams."""
    tb, gb = [_bigrams(t) for t in truth], [_bigrams(g) for g in got]
    pairs = sorted(
        ((sum((a & b).values()), i, j) for i, a in enumerate(tb) for j, b in enumerate(gb)),
        reverse=True,
    )
    out: dict[int, int] = {}
    used: set[int] = set()
    for shared, i, j in pairs:
        if shared and i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


@dataclass
class FieldScores:
    """Counts over the pages of one generator."""

    pages: int = 0
    hits: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    lost_pages: list[int] = field(default_factory=list)
    furniture: int = 0
    misses: dict[str, list[int]] = field(default_factory=dict)

    def add(self, seed: int, truth: PageDict, got: PageDict) -> None:
        """Score one parsed page (Page JSON) against its truth."""
        self.pages += 1
        t_items, g_items = truth["items"], got["items"]
        pairs = match(t_items, g_items)
        for i, t in enumerate(t_items):
            g = g_items[pairs[i]] if i in pairs else {}
            for name in FIELDS:
                if t.get(name):
                    self._count(name, seed, norm(g.get(name)) == norm(t[name]))
        self._count("header", seed, norm(got.get("header")) == norm(truth.get("header")))
        self._paragraphs(seed, t_items, g_items)
        captions = Counter(
            (norm("".join(g["paragraphs"])), norm(g.get("credit")).strip("（）()"))
            for g in g_items
            if g["kind"] == "caption"
        )
        for t in t_items:
            if t["kind"] == "caption":
                key = (norm("".join(t["paragraphs"])), norm(t.get("credit")).strip("（）()"))
                self._count("caption", seed, captions[key] > 0)
                captions[key] -= 1
        if page_chars(truth) != page_chars(got):
            self.lost_pages.append(seed)
        header = norm(truth.get("header"))
        for g in g_items:
            text = norm("".join(item_texts(g)))
            if header and text and text in header:
                self.furniture += 1

    def _count(self, name: str, seed: int, hit: bool) -> None:
        self.totals[name] += 1
        self.hits[name] += hit
        if not hit:
            self.misses.setdefault(name, []).append(seed)

    def _paragraphs(self, seed: int, t_items: list[Any], g_items: list[Any]) -> None:
        want = Counter(norm(p) for it in t_items for p in it["paragraphs"])
        have: Counter[str] = Counter()
        for g in g_items:
            for n, par in enumerate(g["paragraphs"]):
                text = norm(par)
                joined = norm(g.get("byline")) + text
                if n == 0 and g.get("byline") and text not in want and joined in want:
                    text = joined
                have[text] += 1
        common = sum((want & have).values())
        self.hits["para"] += common
        self.totals["para_truth"] += sum(want.values())
        self.totals["para_out"] += sum(have.values())
        if common < max(sum(want.values()), sum(have.values())):
            self.misses.setdefault("para", []).append(seed)

    def percent(self, name: str) -> float:
        """The share found of one field, in percent (100 when the pages print none)."""
        return 100 * self.hits[name] / self.totals[name] if self.totals[name] else 100.0

    def paragraph_f1(self) -> float:
        """F1 of the pages' paragraphs as multisets."""
        p = self.hits["para"] / max(1, self.totals["para_out"])
        r = self.hits["para"] / max(1, self.totals["para_truth"])
        return 2 * p * r / (p + r) if p + r else 0.0

    def report(self) -> str:
        """The figures as one line each."""
        lines = [f"{self.pages} pages"]
        for name in ("headline", "kicker", "subtitle", "byline", "caption", "header"):
            lines.append(f"{name + 's':10} {self.percent(name):6.1f}% of {self.totals[name]}")
        lines.append(f"paragraph F1 {self.paragraph_f1():.3f}")
        lines.append(f"furniture as items: {self.furniture}")
        lines.append(f"pages with characters lost or invented: {len(self.lost_pages)}")
        return "\n".join(lines)


def pagegen_truth(gen: Any) -> PageDict:
    """The truth of a `tests/pagegen.py` page in the Page JSON shape."""
    items = []
    for e in gen.items:
        kind = "caption" if e.credit else "brief" if e.marker else "article"
        item = dict(e.__dict__, kind=kind, byline=None, paragraphs=list(e.paragraphs))
        items.append(item)
    return {"header": gen.header, "items": items}


def score_pagegen2(seeds: range) -> FieldScores:
    """Parse pages of `tests/pagegen2.py` and score them."""
    from pagegen2 import generate2

    from reader.parse.stories import parse_text

    scores = FieldScores()
    for seed in seeds:
        gen = generate2(seed)
        scores.add(seed, gen.truth(), parse_text(gen.text).to_dict())
    return scores


def score_pagegen(seeds: range) -> FieldScores:
    """Parse pages of `tests/pagegen.py` and score them the same way."""
    from pagegen import generate, load_corpus

    from reader.parse.stories import parse_text

    corpus = load_corpus()
    assert corpus is not None
    scores = FieldScores()
    for seed in seeds:
        gen = generate(corpus, seed)
        scores.add(seed, pagegen_truth(gen), parse_text(gen.text).to_dict())
    return scores


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    print("pagegen2:\n" + score_pagegen2(range(count)).report())
    print("pagegen:\n" + score_pagegen(range(count)).report())
