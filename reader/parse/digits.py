"""Full-width digits set narrow: whether a page prints `１９９８` under an em a digit.

The width model counts a full-width digit (`０`-`９`) a full em, as most typesetters set
it. Chromium's pages set them at about 0.6 em (the CSS font's proportional digits): a
full line of a 13-em column holding `１９６４` comes out 14.5 ems by the model, its
neighbours' column is taken from it, and their full lines look short, so a paragraph
seems to end after each that closes a sentence. Which a page does is told by the page
itself, as for squeezed marks (`reader.parse.squeeze`): lines inside a paragraph are
set to the full column, so a line holding digits comes out as wide as the line next
to it under the right digit width.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter

from reader.parse.squeeze import Measured

DIGITS = "０１２３４５６７８９"
NARROW = 0.6  # ems a digit takes on such a page (Chromium's pages of Noto CJK, measured)
_SHORT = 1.0 - NARROW
_MIN_GAIN = 2  # more pairs of equal width with digits narrow than with digits an em
_SAMPLE = 400  # pairs of lines looked at: enough to tell, bounded for big pages
_find = re.compile(f"[{DIGITS}]").findall
_text = attrgetter("text")


def count(text: str) -> int:
    """The full-width digits in `text`."""
    return len(_find(text))


def prints_narrow(lines: Sequence[Measured], body: object) -> bool:
    """Whether the page's full-width digits print narrow (see the module docstring).

    Only pairs of lines inside paragraphs that hold a different count of digits are
    compared: a body line of some length, neither it nor the line after closing a
    sentence (so it is neither a paragraph's indented first line nor its last).
    """
    counts = [len(_find(text)) for text in map(_text, lines)]  # in C: most pairs end here
    gain = pairs = 0
    for i in range(len(lines) - 1):
        apart = counts[i] - counts[i + 1]
        if not apart:
            continue
        line, nxt = lines[i], lines[i + 1]
        if line.kind is not body or nxt.kind is not body or line.closes or nxt.closes:
            continue
        if line.width < 7 or nxt.width < 7:
            continue
        pairs += 1
        narrow = abs(line.width - nxt.width - apart * _SHORT) <= 0.5
        gain += narrow - (abs(line.width - nxt.width) <= 0.5)
        if pairs >= _SAMPLE:
            break
    return gain >= _MIN_GAIN


def holds(text: str) -> bool:
    """Whether `text` holds a full-width digit. (Ten `in` scans: a third of the
    instructions of one regex search over a page, bench/README.md round 17 perf19.)"""
    return any(map(text.__contains__, DIGITS))


def narrowed(width: float, text: str) -> float:
    """`width` with the full-width digits of `text` at `NARROW` ems."""
    return width - count(text) * _SHORT
