"""Runs across an item's fields: a paste over a dateline and its paragraph is a hit.

The parser cuts one printed run into fields: `本报北京1月5日电 记者王伟 今天…` is a byline
and a first paragraph, a phrase may go on from a headline into its subtitle, and a
paragraph may end where the print went on. A reader who pastes what is printed expects
the item, highlighted on both sides. So an item's printed fields are also read as two
chains, in reading order: its headline stack (kicker, headline, subtitle), and its body
(the byline, the paragraphs, then the source and the credit). Each field is folded on its
own and the folds are joined with nothing, but for a space between two Latin letters or
digits (as wrapped Latin lines are joined). The two chains are not joined: a headline
stack is set apart from its body (DESIGN section 4: before or after it), and a headline
ending in 建成 over a byline 本报讯 is no 成本 (bench/queries.py seed 21: four false pages
for 成本 when they were). The page header and a derived headline are in no chain: a run
across the header and an item, or across two items, is no hit. The bigram row of a page
holds each chain's seam bigrams (`seam_grams`), so such an item is a candidate at all.

A term restricted to a field (`headline:`) matches a run across fields only when every
field it touches is of that field: across the kicker, headline and subtitle it is in the
headline, across the byline and a paragraph it is in no field but the item.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reader.fields import ItemFields, field_group, paragraph_key
from reader.search.folding import Folded, fold
from reader.search.tokens import RUN

HEAD = ("kicker", "headline", "subtitle")
"""The headline stack's chain, top to bottom."""
BEFORE = ("byline",)
"""The body chain's fields before the paragraphs."""
AFTER = ("source", "credit")
"""The body chain's fields after the paragraphs."""

Spans = dict[str, list[tuple[int, int]]]


def chain(item: ItemFields) -> Iterator[tuple[str, str]]:
    """(key, printed text) of the item's non-empty printed fields in reading order: its
    headline stack's chain, then its body's (`in_body` tells where that begins)."""
    for key in (*HEAD, *BEFORE):
        value = getattr(item, key)
        if value:
            yield key, value
    for n, paragraph in enumerate(item.paragraphs):
        if paragraph:
            yield paragraph_key(n), paragraph
    for key in AFTER:
        value = getattr(item, key)
        if value:
            yield key, value


def in_body(key: str) -> bool:
    """Whether the field `key` is in the body's chain (not the headline stack's)."""
    return key not in HEAD


def joiner(before: str, after: str) -> str:
    """What stands between two folded fields of a chain: a space between two Latin letters
    or digits (`WTO` and `China` are two words), else nothing."""
    a, b = before[-1:], after[:1]
    return " " if a.isascii() and b.isascii() and a.isalnum() and b.isalnum() else ""


def printed(item: ItemFields) -> str:
    """The item's chains as printed, joined with nothing: what the quick tests look in (the
    two chains run together show more than either, never less; a needle with a space,
    which a Latin seam may hold, is not looked for there)."""
    return "".join(text for _, text in chain(item))


_EDGE = 16
"""Printed characters at each end of a field folded for its seams: the fold of a field's
end is the end of its fold unless a letter carries more combining marks than this."""


def seam_grams(item: ItemFields) -> list[str]:
    """The bigrams across the seams of the item's chains (their folded fields joined), for the
    page's bigram row: each where the letters or digits of two fields run on.

    Only the fields' ends are folded: folding them whole again was an eighth of a
    build's tokenizing (`page_tokens`, rjieba included).
    """
    out: list[str] = []
    body = (item.byline, *item.paragraphs, item.source, item.credit)
    for texts in ((item.kicker, item.headline, item.subtitle), body):  # `chain`, without keys
        last = ""
        for text in texts:
            if not text:
                continue
            if len(text) > _EDGE:
                head, tail = fold(text[:_EDGE]), fold(text[-_EDGE:])
            else:
                head = tail = fold(text)
            if not head:
                continue
            if last and RUN.match(last) and RUN.match(head) and not joiner(last, head):
                out.append(last + head[0])
            last = tail[-1:]
    return out


Parts = list[tuple[int, str, Folded]]
"""A chain's fields, folded: where each starts in the joined text, its key, its fold."""


def joined(forms: list[tuple[str, Folded]]) -> tuple[str, Parts]:
    """The chain of `forms` ((key, folded) of the chain's fields, in order) as one folded
    text (`joiner` between them), and its `Parts`; folds of nothing are left out."""
    parts: Parts = []
    text = ""
    for key, form in forms:
        if not form.text:
            continue
        if text:
            text += joiner(text, form.text)
        parts.append((len(text), key, form))
        text += form.text
    return text, parts


def crossing(
    chained: tuple[str, Parts],
    needle: str,
    field: str | None,
    group: Callable[[str], str | None],
) -> Spans:
    """The spans, field by field, of the occurrences of `needle` in a `joined` chain that
    touch two fields or more (each span once, sorted); only near the seams is it looked for.

    With `field`, only the occurrences whose every field is in it (`group` tells a key's).
    Occurrences inside one field are the caller's (`matching.term_spans`).

    Bounded by the chain's length, not by occurrences x the fields each covers: the fields
    an occurrence runs over whole are marked as a run (`_spanned`), not spanned one by one,
    and each start is searched once, not once for each seam it is near. Spanning every field
    of every occurrence held `reader search '"。数据。数据…"'` (300 characters) 6 s on a page
    of 8,000 one-line paragraphs `数据。`, about 80 s at the query limit (audit26). The
    spans are those of every occurrence less repeats, which no caller counts.
    """
    text, parts = chained
    if len(parts) < 2 or len(needle) < 2:
        return {}
    size = len(needle)
    ends: dict[int, set[tuple[int, int]]] = {}  # a run's first and last part: folded pieces
    runs: dict[int, int] = {}  # +1 / -1 where a run of parts spanned whole starts / ends
    outside: list[int] | None = None
    searched = 0  # every start before this is searched
    for start, _, _ in parts[1:]:  # each seam: occurrences that start before it, end after
        at = text.find(needle, max(searched, start - size + 1), start + size - 1)
        while at >= 0:
            first, last = _part_at(parts, at), _part_at(parts, at + size - 1)
            if parts[first][0] + len(parts[first][2].text) <= at:  # starts in a joiner
                first += 1
            if field is not None and outside is None:
                outside = _outside(parts, field, group)
            if last > first and (outside is None or outside[last + 1] == outside[first]):
                for n in (first, last):
                    begin, form = parts[n][0], parts[n][2]
                    piece = (max(at, begin) - begin, min(at + size, begin + len(form.text)) - begin)
                    ends.setdefault(n, set()).add(piece)
                runs[first + 1] = runs.get(first + 1, 0) + 1
                runs[last] = runs.get(last, 0) - 1
            at = text.find(needle, at + 1, start + size - 1)
        searched = max(searched, start)
    return _spanned(parts, ends, runs) if ends else {}


def _spanned(parts: Parts, ends: dict[int, set[tuple[int, int]]], runs: dict[int, int]) -> Spans:
    """The printed spans of each part, in the order of the parts: its pieces in `ends`, and
    the whole part where a run of `runs` covers it."""
    found: Spans = {}
    depth = 0
    for n in range(min(ends), max(ends) + 1):
        depth += runs.get(n, 0)
        _, key, form = parts[n]
        pieces = {form.span(s, e) for s, e in ends.get(n, ())}
        if depth:
            pieces.add(form.span(0, len(form.text)))
        if pieces:
            found[key] = sorted(pieces)
    return found


def _outside(parts: Parts, field: str, group: Callable[[str], str | None]) -> list[int]:
    """How many of the first n parts are not of `field`, for each n: a run of parts is all
    of it when the count is the same at both its ends."""
    counts = [0]
    for _, key, _ in parts:
        counts.append(counts[-1] + (group(key) != field))
    return counts


def _part_at(parts: Parts, at: int) -> int:
    """The index of the last part that starts at or before `at` (0 if none), by bisection
    (by hand: the query path imports no `bisect`, tests/test_index.py)."""
    low, high = 0, len(parts)
    while low < high:
        middle = (low + high) // 2
        if parts[middle][0] <= at:
            low = middle + 1
        else:
            high = middle
    return max(low - 1, 0)


def group_of(item: ItemFields) -> Callable[[str], str | None]:
    """The searchable field of each of the item's keys (`fields.field_group`)."""
    return lambda key: field_group(item, key)
