"""Line breaking for Chinese text measured in cells, with offsets back into the text.

Rich and Textual fold unspaced Chinese at the cell width with no line-breaking
rules, so a line may begin with `，`. This layer keeps closing punctuation off the
start of a line and opening brackets off its end (kinsoku), keeps Latin words
whole when it can, and returns `(start, end)` string offsets so that search spans
map straight onto screen lines.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from rich.cells import get_character_cell_size

# Never at the start of a line.
NO_START = frozenset("，。、；：！？）】》」』〕”’…—·．,.;:!?)]}%\uff5e")
# Never at the end of a line.
NO_END = frozenset("（【《「『〔“‘([{")


_CELLS: dict[str, int] = {}


def cells(char: str) -> int:
    """Terminal cells taken by one character (two for Chinese)."""
    width = _CELLS.get(char)
    if width is None:
        width = _CELLS[char] = get_character_cell_size(char)
    return width


def _can_break(prev: str, char: str) -> bool:
    """May a line end between `prev` and `char`?"""
    if char in NO_START or prev in NO_END:
        return False
    if prev.isspace() or char.isspace():
        return True
    return cells(prev) == 2 or cells(char) == 2 or prev in "-/"


def wrap(text: str, width: int, first: int = 0) -> list[tuple[int, int]]:
    """Lines of at most `width` cells as `(start, end)` offsets into `text`.

    `first` cells are reserved at the start of the first line (an indent). A
    newline always breaks; spaces at a soft break are dropped from both lines.
    An empty text is one empty line.
    """
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    offset = 0
    for number, part in enumerate(text.split("\n")):
        used = min(first, width - 2) if number == 0 else 0
        lines.extend((offset + s, offset + e) for s, e in _wrap_line(part, width, used))
        offset += len(part) + 1
    return lines


def _wrap_line(text: str, width: int, used: int) -> list[tuple[int, int]]:
    """Wrap text without newlines; cell positions are summed once, then bisected.

    Finding where a line overflows is a binary search over the running cell
    count, so a 100,000-character paragraph wraps in milliseconds.
    """
    size = len(text)
    if not size:
        return [(0, 0)]
    known = _CELLS.get
    cum = list(accumulate([known(char) or cells(char) for char in text], initial=0))
    lines: list[tuple[int, int]] = []
    start = 0
    while start < size:
        end = bisect_right(cum, cum[start] + width - used) - 1
        end = max(end, start + 1)
        if end >= size:
            lines.append((start, _rstrip(text, start, size)))
            break
        brk = end
        while brk > start and not _can_break(text[brk - 1], text[brk]):
            brk -= 1
        if brk == start:
            brk = end  # no place to break (a long Latin word): cut it
        lines.append((start, _rstrip(text, start, brk)))
        start = brk
        while start < size and text[start] == " ":
            start += 1
        used = 0
    return lines


def _rstrip(text: str, start: int, end: int) -> int:
    """`end` moved left past trailing spaces, never before `start`."""
    while end > start and text[end - 1] == " ":
        end -= 1
    return end
