"""Folding and literal hit spans: the one definition of "a hit" for the index, CLI and TUI.

Search text is folded (DESIGN section 5): NFKC, so full-width `１９９８` matches
`1998`, lower-case, and traditional characters to simplified ones, one character
to one (OpenCC's character table, `t2s.txt`), so `數據` matches `数据` and back.
Folding works one printed character at a time where that is NFKC of the
whole (nearly always), else one character and its combining marks at a time,
so every folded character maps back to the printed characters it came from
and a span found in folded text is a span of the printed field. Pure Python: no
SQLite, no segmenter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from reader.fields import ItemFields, item_fields

_SIMPLIFIED: dict[str, str] = {}


def simplified() -> dict[str, str]:
    """Traditional character to simplified, from OpenCC's table (read on first use, 1 ms)."""
    if not _SIMPLIFIED:
        data = (Path(__file__).with_name("t2s.txt")).read_text(encoding="utf-8")
        for line in data.splitlines():
            if not line.startswith("#"):
                _SIMPLIFIED.update((pair[0], pair[1]) for pair in line.split())
    return _SIMPLIFIED


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
        # CJK ideographs (U+3400 to U+9FFF) are NFKC and lower-case already, as a test
        # checks: a one-shot search meets hundreds of them, each once.
        char = chr(code)
        out = char if 0x3400 <= code <= 0x9FFF else _fold_char(char)
        table = simplified()
        folded = self[code] = "".join(table.get(c, c) for c in out)
        return folded


_TABLE = _Table()


def fold(text: str) -> str:
    """Search form of `text`: NFKC and lower-case (of the whole string, see `folded`)."""
    if text.isascii():
        return text.lower()
    out = text.translate(_TABLE)
    if unicodedata.is_normalized("NFKC", out):
        return out
    return folded(text).text


class Folded(NamedTuple):
    """Folded text with, for each folded character, where its printed characters are."""

    text: str
    origin: tuple[int, ...] | None  # None: one folded character per printed one
    ends: tuple[int, ...] | None = None
    """Where each folded character's printed characters end, when not `origin` + 1."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text back to the printed text (end exclusive)."""
        if self.origin is None:
            return start, end
        if self.ends is not None:
            return self.origin[start], self.ends[end - 1]
        return self.origin[start], self.origin[end - 1] + 1


def folded(text: str) -> Folded:
    """`fold(text)` with the offset map back to `text`.

    Folding one character at a time is quick and maps back simply, but a
    combining mark then stays apart from its letter: `Cafe\u0301` did not
    find `café`. When the characters folded one by one are not NFKC as a
    whole, the text is folded in segments (a character and the marks that
    combine with it), each folded as a whole and mapped back as one piece.
    """
    if text.isascii():
        return Folded(text.lower(), None)
    out = text.translate(_TABLE)
    if not unicodedata.is_normalized("NFKC", out):
        return _by_segments(text)
    if len(out) == len(text):
        # Folding never maps a character to nothing, so equal lengths mean one to one.
        return Folded(out, None)
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(_TABLE[ord(char)]))
    return Folded(out, tuple(origin))


def _fold_whole(text: str) -> str:
    """NFKC of the whole text, then lower-case, repeated until stable."""
    out = text
    for _ in range(4):
        nxt = unicodedata.normalize("NFKC", out).translate(_TABLE)
        if nxt == out:
            break
        out = nxt
    return out


def _by_segments(text: str) -> Folded:
    """`folded` for text where folding joins characters (combining marks, jamo)."""
    parts: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    start = 0
    piece = ""
    for index in range(len(text) + 1):
        if start < index < len(text):
            head = _TABLE[ord(text[index])][:1]
            # A new segment where nothing composes across: a starter that NFKC
            # leaves apart from the segment before it (jamo compose three deep).
            if unicodedata.combining(head) or not unicodedata.is_normalized("NFKC", piece + head):
                piece = _fold_whole(text[start : index + 1])
                continue
        if index > start:
            parts.append(piece)
            origin.extend([start] * len(piece))
            ends.extend([index] * len(piece))
            start = index
        if index < len(text):
            piece = _fold_whole(text[index])
    return Folded("".join(parts), tuple(origin), tuple(ends))


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


def term_spans(
    item: ItemFields, terms: Sequence[str], prefixes: Sequence[bool] = ()
) -> list[dict[str, list[tuple[int, int]]]]:
    """For each term, its literal (folded) occurrences per field; each field folded once.

    A term flagged in `prefixes` is a word's beginning (`econom` of `econom*`): it
    counts only where no letter or digit comes before it, and its span is the word.
    """
    needles = [fold(term) for term in terms]
    starts = list(prefixes) + [False] * (len(terms) - len(prefixes))
    result: list[dict[str, list[tuple[int, int]]]] = [{} for _ in terms]
    for key, text in item_fields(item):
        form = folded(text)
        for n, needle in enumerate(needles):
            if needle.strip() and needle in form.text:
                found = occurrences(form.text, needle)
                if starts[n]:
                    found = _words_started(form.text, found)
                spans = [form.span(s, e) for s, e in found]
                if spans:
                    result[n][key] = spans
    return result


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
    return {key: merge(spans) for key, spans in result.items()}
