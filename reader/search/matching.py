"""Literal hit spans: the one definition of "a hit" for the index, the CLI and the TUI.

A term is found where its folded form (`reader.search.folding`) stands in a
field's folded text; the span is mapped back to the printed characters, so
the TUI and the CLI highlight the same places. Pure Python: no SQLite, no
segmenter.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from reader.fields import ItemFields, item_fields
from reader.search import seams
from reader.search.folding import Folded, absent, fold, folded


def literal_spans(haystack: str, needle: str) -> Iterator[tuple[int, int]]:
    """Every (overlapping) occurrence of `needle` in `haystack`."""
    if not needle:
        return
    start = haystack.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = haystack.find(needle, start + 1)


def join_spans(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def term_spans(
    item: ItemFields,
    terms: Sequence[str],
    prefixes: Sequence[bool] = (),
    fields: Sequence[str | None] = (),
) -> list[dict[str, list[tuple[int, int]]]]:
    """For each term, its literal (folded) occurrences per field; each field folded once.

    A term flagged in `prefixes` is a word's beginning (`econom` of `econom*`): it
    counts only where no letter or digit comes before it, and its span is the word.
    A term is also found across the seams of the item's printed fields (`seams`), each
    field it touches spanned; with a field in `fields`, only where all are of it.
    """
    needles = [fold(term) for term in terms]
    starts = list(prefixes) + [False] * (len(terms) - len(prefixes))
    result: list[dict[str, list[tuple[int, int]]]] = [{} for _ in terms]
    forms: dict[str, Folded] = {}
    for key, text in item_fields(item):
        form = forms[key] = folded(text)
        for n, needle in enumerate(needles):
            if needle.strip() and needle in form.text:
                found = literal_spans(form.text, needle)
                if starts[n]:
                    found = _words_started(form.text, found)
                spans = [form.span(s, e) for s, e in found]
                if spans:
                    result[n][key] = spans
    if len(forms) > 1:
        _across(item, forms, needles, starts, fields, result)
    return result


def _across(
    item: ItemFields,
    forms: dict[str, Folded],
    needles: list[str],
    starts: list[bool],
    fields: Sequence[str | None],
    result: list[dict[str, list[tuple[int, int]]]],
) -> None:
    """Add to `result` each needle's occurrences across the seams of the item's chains, the
    headline stack's and the body's (`seams.crossing`); a prefix term is a Latin word's
    start, which no seam splits."""
    wanted = [n for n, needle in enumerate(needles) if len(needle) > 1 and not starts[n]]
    if not wanted:  # a character alone crosses no seam (most of a lone character's checks)
        return
    keys = [key for key, _ in seams.chain(item) if key in forms]
    group = seams.group_of(item)
    for part in ([k for k in keys if not seams.in_body(k)], [*filter(seams.in_body, keys)]):
        if len(part) < 2:
            continue
        chained = seams.joined([(key, forms[key]) for key in part])
        for n in wanted:
            if not needles[n].strip():
                continue
            field = fields[n] if n < len(fields) else None
            for key, spans in seams.crossing(chained, needles[n], field, group).items():
                result[n].setdefault(key, []).extend(spans)
                result[n][key].sort()


_OUTSIDE = ("header", "derived_headline")
"""The fields of `item_fields` in no chain (`seams.chain`): the rest are."""


def holds_all(item: ItemFields, needles: Sequence[str]) -> bool:
    """Whether each folded needle stands somewhere in the item: what `term_spans` needs
    for a term to be found at all, tested on all fields folded as one text.

    Cheaper than `term_spans` by far on an item that fails (most of a query's candidates):
    an ideograph term is looked for in the print (`folding.absent`), other terms in the
    fields folded as one text, with no offset map back to the print. The item's chain
    of printed fields (`seams.printed`) runs on, so a needle across a seam is there too;
    a newline joins the rest. A needle with a space (which a seam of two Latin words
    may hold) is left to `term_spans`.
    """
    if not needles:
        return True
    text = "\n".join(
        [value for key, value in item_fields(item) if key in _OUTSIDE] + [seams.printed(item)]
    )
    unsure = []
    for needle in needles:
        if " " in needle:
            continue
        gone = absent(needle, text)
        if gone:
            return False
        if gone is None:
            unsure.append(needle)
    if not unsure:  # each there as printed: `term_spans` tells whether folded too
        return True
    # Each field folded on its own, as `term_spans` folds them: a field that starts with a
    # combining mark folds apart from the one before it, which folding them joined would not.
    outside = [fold(value) for key, value in item_fields(item) if key in _OUTSIDE]
    form = "\n".join([*outside, "".join(fold(value) for _, value in seams.chain(item))])
    return all(needle in form for needle in unsure)


def _words_started(text: str, found: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The occurrences that start a word, widened to the whole word."""
    for start, end in found:
        if start and text[start - 1].isalnum():
            continue
        while end < len(text) and text[end].isalnum():
            end += 1
        yield start, end


def find_spans(item: ItemFields, terms: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Literal (folded) occurrences of each term in each field of `item`.

    Keys are field names ("headline", "paragraphs.0", …); offsets index the
    field's printed text, end exclusive; overlapping hits are joined. Fields
    without a hit are left out.
    """
    result: dict[str, list[tuple[int, int]]] = {}
    for found in term_spans(item, terms):
        for key, spans in found.items():
            result.setdefault(key, []).extend(spans)
    return {key: join_spans(spans) for key, spans in result.items()}
