"""Line breaking for Chinese text measured in cells, with offsets back into the text.

Rich and Textual fold unspaced Chinese at the cell width with no line-breaking
rules, so a line may begin with `，`. This layer keeps closing punctuation off the
start of a line and opening brackets off its end (kinsoku), keeps Latin words
whole when it can, and returns `(start, end)` string offsets so that search spans
map straight onto screen lines.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size

# Never at the start of a line.
NO_START = frozenset("，。、；：！？）】》」』〕”’…—·．,.;:!?)]}%\uff5e")
# Never at the end of a line.
NO_END = frozenset("（【《「『〔“‘([{")


def cells(char: str) -> int:
    """Terminal cells taken by one character (two for Chinese)."""
    return get_character_cell_size(char)


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
    size = len(text)
    start = 0
    used = min(first, width - 2)
    while True:
        pos, fill, brk = start, used, -1
        while pos < size:
            char = text[pos]
            if char == "\n":
                break
            if pos > start and _can_break(text[pos - 1], char):
                brk = pos
            step = cells(char)
            if fill + step > width and pos > start:
                break
            fill += step
            pos += 1
        if pos >= size or text[pos] == "\n":
            lines.append((start, _rstrip(text, start, pos)))
            if pos >= size:
                return lines
            start = pos + 1
        else:
            end = brk if brk > start else pos
            lines.append((start, _rstrip(text, start, end)))
            start = end
            while start < size and text[start] == " ":
                start += 1
            if start >= size:
                return lines
        used = 0


def _rstrip(text: str, start: int, end: int) -> int:
    """`end` moved left past trailing spaces, never before `start`."""
    while end > start and text[end - 1] == " ":
        end -= 1
    return end
