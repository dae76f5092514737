"""Folding: the search form of text, with each folded character's place in the print.

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

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

_SIMPLIFIED: dict[str, str] = {}


@cache
def _pairs() -> str:
    """OpenCC's table (read on first use) as its pairs joined: every traditional character
    at an even place, its simplified one after it."""
    data = (Path(__file__).with_name("t2s.txt")).read_text(encoding="utf-8")
    pairs = [line for line in data.splitlines() if not line.startswith("#")]
    # The pairs are apart by single spaces: `replace`, not `split()`, which tests every
    # character for Unicode whitespace (0.3 ms of every one-shot search).
    return "".join(pairs).replace(" ", "")


def simplified() -> dict[str, str]:
    """Traditional character to simplified, from OpenCC's table (made on first use).

    `zip` pairs them in C (0.3 ms of CPU, where a loop over the pairs took 0.8).
    A search needs a few characters of it (`_simplified`): it makes no table.
    """
    if not _SIMPLIFIED:
        joined = _pairs()
        _SIMPLIFIED.update(zip(joined[0::2], joined[1::2], strict=True))
    return _SIMPLIFIED


def _simplified(char: str) -> str:
    """`simplified().get(char, char)`, found in the pairs (a few microseconds): the table
    took 0.4-0.6 ms to make in every one-shot search, which folds a dozen characters."""
    joined = _pairs()
    at = joined.find(char)
    while at % 2:  # -1 too: not found
        if at < 0:
            return char
        at = joined.find(char, at + 1)
    return joined[at + 1]


def _traditional(char: str) -> list[str]:
    """The traditional characters `simplified` maps to `char` (found in the pairs)."""
    joined = _pairs()
    found = []
    at = joined.find(char)
    while at >= 0:
        if at % 2:
            found.append(joined[at - 1])
        at = joined.find(char, at + 1)
    return found


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
        folded = self[code] = "".join(map(_simplified, out))
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


def fold_page(text: str) -> str | None:
    """`fold(text)` of a long text (a page's columns joined) when folding it one
    character at a time is its fold (nearly always), else None.

    Only the characters that may fold to another are looked up (`_changing`): most of
    a page is ideographs, and `str.translate` looked each one up in `_TABLE` (half a
    millisecond a page of a build's worker).
    """
    if text.isascii():
        return text.lower()
    pieces = _changing().split(text)
    pieces[1::2] = [piece.translate(_TABLE) for piece in pieces[1::2]]
    out = "".join(pieces)
    return out if unicodedata.is_normalized("NFKC", out) else None


_STABLE_BLOCKS = ((0x0000, 0x007F), (0x2000, 0x206F), (0x3000, 0x303F), (0x3400, 0x9FFF))
"""Blocks of the characters of Chinese print: ASCII, punctuation, CJK symbols, ideographs."""


@cache
def _changing() -> re.Pattern[str]:
    """Runs of characters that may fold to others: all but those of `_STABLE_BLOCKS` that
    fold to themselves (ASCII but A-Z, most ideographs, some punctuation), which a
    test checks against `_TABLE`. Built once a process that folds pages (15 ms)."""
    table = simplified()
    same = [
        code
        for low, high in _STABLE_BLOCKS
        for code in range(low, high + 1)
        if table.get(chr(code), chr(code)) == chr(code)
        and (0x3400 <= code <= 0x9FFF or _fold_char(chr(code)) == chr(code))
    ]
    spans: list[list[int]] = []
    for code in same:
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    ranges = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in spans)
    return re.compile(f"([^{ranges}]+)")


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
            _place(text, start, index, piece, origin, ends)
            start = index
        if index < len(text):
            piece = _fold_whole(text[index])
    return Folded("".join(parts), tuple(origin), tuple(ends))


def _place(
    text: str, start: int, stop: int, piece: str, origin: list[int], ends: list[int]
) -> None:
    """Where each character of `piece`, the fold of the segment `text[start:stop]`, was
    printed: between the cuts of the segment where its head folds to a head of `piece`.

    `Y\u0301\u0301` folds to `ý\u0301`: `ý` is the first two printed characters, not all
    three, and a mark after a space or a quote is not the space or the quote.
    """
    if stop - start == 1:  # one printed character: all of it
        origin.extend([start] * len(piece))
        ends.extend([stop] * len(piece))
        return
    cuts = [(0, start)]
    for cut in range(start + 1, stop):
        head = _fold_whole(text[start:cut])
        if piece.startswith(head):
            cuts.append((len(head), cut))
    cuts.append((len(piece), stop))
    for n in range(len(piece)):
        origin.append(max(at for size, at in cuts if size <= n))
        ends.append(min(at for size, at in cuts if size > n))


def _ideographs(text: str) -> bool:
    """Whether `text` is all ideographs of U+3400 to U+9FFF, which fold to themselves
    but for the traditional ones (OpenCC's table). Not a regex: compiling the class
    walks its 27,648 characters in Python (1.5 ms of every one-shot search)."""
    return bool(text) and all("\u3400" <= char <= "\u9fff" for char in text)


COMPOSED_IDEOGRAPHS = (
    "\u2e80-\u2fdf\u3038-\u303a\u3190-\u319f\u3220-\u3247\u3280-\u32b0\u32c0-\u32cb"
    "\u32ff\u3358-\u3370\u337b-\u337f\u33e0-\u33fe\uf900-\ufaff"
    "\U0001f200-\U0001f2ff\U0002f800-\U0002fa1f"
)
"""Every character outside U+3400 to U+9FFF whose NFKC holds an ideograph (radicals,
compatibility ideographs, enclosed and squared ones: ㈠, ㍻), as a regex class; a
test checks it against `unicodedata`."""


def absent(needle: str, text: str) -> bool | None:
    """Whether `fold(text)` surely lacks `needle` (a folded term), told from the printed
    text without folding it; None when only folding can tell.

    Folding keeps an ideograph but for the traditional ones (OpenCC's table), so a run
    of ideographs stands in the folded text only where it stands in the print, unless
    the print has a character that folds into one of its ideographs: a traditional one
    (數 for 数), or one of `COMPOSED_IDEOGRAPHS`. Most candidates of a query are told
    apart so, in C: folding them (a dictionary look-up a character) took most of a
    search whose hits are few among many candidate items.
    """
    if needle in text:
        return False
    pattern = _folding_into(needle)
    if pattern is None or pattern.search(text):
        return None
    return True


@cache
def _folding_into(needle: str) -> re.Pattern[str] | None:
    """The printed characters that fold into one of the needle's ideographs, other than
    itself; None when the needle is not all ideographs."""
    if not _ideographs(needle):
        return None
    others = sorted({t for char in set(needle) for t in _traditional(char) if t != char})
    return re.compile(f"[{COMPOSED_IDEOGRAPHS}{''.join(others)}]")
