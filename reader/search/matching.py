"""Folding and literal hit spans: the one definition of "a hit" for the index, CLI and TUI.

Search text is folded (DESIGN section 5): NFKC, so full-width `１９９８` matches
`1998`, and lower-case. Folding works one printed character at a time, so
every folded character maps back to the printed character it came from and a
span found in folded text is a span of the printed field. Pure Python: no
SQLite, no segmenter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from reader.fields import ItemFields, item_fields


def _fold_char(char: str) -> str:
    """NFKC then lower-case, repeated until stable (a handful of characters need two)."""
    out = char
    for _ in range(4):
        nxt = unicodedata.normalize("NFKC", out).lower()
        if nxt == out:
            break
        out = nxt
    return out


class _Table(dict[int, str]):
    """`str.translate` table that learns each character's folding on first sight."""

    def __missing__(self, code: int) -> str:
        # CJK ideographs (U+3400 to U+9FFF) fold to themselves, as a test checks:
        # a one-shot search meets hundreds of them, each once.
        folded = self[code] = chr(code) if 0x3400 <= code <= 0x9FFF else _fold_char(chr(code))
        return folded


_TABLE = _Table()


def fold(text: str) -> str:
    """Search form of `text`: NFKC and lower-case, character by character."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


class Folded(NamedTuple):
    """Folded text with, for each folded character, the index of its printed character."""

    text: str
    origin: tuple[int, ...] | None  # None: one folded character per printed one

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to the printed text (end exclusive)."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def folded(text: str) -> Folded:
    """`fold(text)` with the offset map back to `text`."""
    out = fold(text)
    if len(out) == len(text):
        # Folding never maps a character to nothing, so equal lengths mean one to one.
        return Folded(out, None)
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(_TABLE[ord(char)]))
    return Folded(out, tuple(origin))


def occurrences(haystack: str, needle: str) -> Iterator[tuple[int, int]]:
    """Every (overlapping) occurrence of `needle` in `haystack`."""
    if not needle:
        return
    start = haystack.find(needle)
    while start >= 0:
        yield start, start + len(needle)
        start = haystack.find(needle, start + 1)


def merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def term_spans(item: ItemFields, terms: Sequence[str]) -> list[dict[str, list[tuple[int, int]]]]:
    """For each term, its literal (folded) occurrences per field; each field folded once."""
    needles = [fold(term) for term in terms]
    result: list[dict[str, list[tuple[int, int]]]] = [{} for _ in terms]
    for key, text in item_fields(item):
        form = folded(text)
        for n, needle in enumerate(needles):
            if needle.strip() and needle in form.text:
                result[n][key] = [form.span(s, e) for s, e in occurrences(form.text, needle)]
    return result


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
    return {key: merge(spans) for key, spans in result.items()}
