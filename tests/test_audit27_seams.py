"""A phrase across many fields is spanned in work bounded by the chain, not by its hits.

`seams.crossing` spanned every field of every occurrence that crossed a seam: a phrase
of 300 characters (`"。数据。数据…"`) over a page of 8,000 one-line paragraphs `数据。`
made 8,000 occurrences of 100 fields each, 800,000 spans (6 s of `reader search`, about
80 s at the 500-character query limit, audit26). The fields an occurrence covers whole
are now marked as a run, each start is searched once, and each span is kept once: the
same spans after `join_spans` and for ranking, as the reference below (the old code,
written here) shows on random chains.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from reader.search import seams
from reader.search.folding import Folded, folded


def _reference(
    chained: tuple[str, seams.Parts],
    needle: str,
    field: str | None,
    group: Callable[[str], str | None],
) -> seams.Spans:
    """The old `crossing`: every field of every occurrence, in the order found."""
    text, parts = chained
    found: seams.Spans = {}
    if len(parts) < 2 or len(needle) < 2:
        return found
    seen: set[int] = set()
    size = len(needle)
    for start, _, _ in parts[1:]:
        at = text.find(needle, max(0, start - size + 1), start + size - 1)
        while at >= 0:
            if at not in seen:
                seen.add(at)
                end = at + size
                pieces = [
                    (key, form.span(max(at, p) - p, min(end, p + len(form.text)) - p))
                    for p, key, form in parts
                    if p < end and at < p + len(form.text)
                ]
                if len(pieces) >= 2 and (
                    field is None or all(group(key) == field for key, _ in pieces)
                ):
                    for key, span in pieces:
                        found.setdefault(key, []).append(span)
            at = text.find(needle, at + 1, start + size - 1)
    return found


_PIECES = ["数据", "。", "数", "据", "ab", "A", "1", "１", "ﬁ", "Café", "e\u0301", " ", "數據"]


def _random_chain(rng: random.Random) -> tuple[str, seams.Parts]:
    keys = ["kicker", "headline", "subtitle", "byline"]
    keys += [f"paragraphs.{n}" for n in range(rng.randint(0, 8))]
    forms = [(key, folded("".join(rng.choices(_PIECES, k=rng.randint(0, 4))))) for key in keys]
    return seams.joined(forms)


def _group(key: str) -> str:
    return "headline" if key in seams.HEAD else "body"


@pytest.mark.parametrize("seed", range(4))
def test_the_spans_are_the_old_ones_each_once(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        chained = _random_chain(rng)
        text = chained[0]
        if len(text) < 2:
            continue
        at = rng.randrange(len(text) - 1)
        needle = text[at : at + rng.randint(2, 9)]
        for field in (None, "headline", "body"):
            old = _reference(chained, needle, field, _group)
            new = seams.crossing(chained, needle, field, _group)
            assert list(new) == list(old)  # the same fields, in the same order
            assert new == {key: sorted(set(spans)) for key, spans in old.items()}


class _Spanned:
    """Counts the folded spans mapped back to print (`Folded.span`): one per span made."""

    calls = 0

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        original = Folded.span
        _Spanned.calls = 0

        def span(self: Folded, start: int, end: int) -> Any:
            _Spanned.calls += 1
            return original(self, start, end)

        monkeypatch.setattr(Folded, "span", span)


def test_a_long_phrase_over_many_short_fields_costs_the_chain_not_its_hits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    count = 4000
    chained = seams.joined([(f"paragraphs.{n}", folded("数据。")) for n in range(count)])
    _Spanned(monkeypatch)
    made = []
    for repeats in (10, 100, 166):  # 166 x 3: the query limit's 500 characters
        _Spanned.calls = 0
        found = seams.crossing(chained, "。数据" * repeats, None, lambda _key: "body")
        assert len(found) == count
        made.append(_Spanned.calls)
        assert sum(map(len, found.values())) <= 3 * count  # the old: count x repeats
    # At most a whole, a head and a tail for each field, whatever the phrase's length:
    # spanning each field of each occurrence made 40,000, 400,000 and 664,000.
    assert max(made) <= 3 * count
    assert made[-1] <= made[0] + 10
