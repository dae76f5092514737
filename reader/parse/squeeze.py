"""Squeezed punctuation: whether a page was set with half-width marks, and line widths then.

Typesetters of Chinese (and Typst) set ，。、；：“”（）《》 in half an em when they
meet another mark or the end of a line, and justification squeezes them further:
a full column of 13 ems holds 13 characters with no mark and 14 or 15 with two or
three. Other pages (and text wrapped by a program) give every mark a full em and
let a closing mark hang past the column. Which of the two a page follows is told
by the page itself: the lines inside paragraphs are all set to the full column, so
under the right measure neighbouring ones come out the same width.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import Protocol


class Measured(Protocol):
    """What is measured of a line (`reader.parse.lines.Line` has it; no import, no cycle).

    `width` counts every mark a full em and leaves out a closing mark at the end (`hangs`).
    """

    @property
    def text(self) -> str: ...
    @property
    def width(self) -> float: ...
    @property
    def closes(self) -> bool: ...
    @property
    def hangs(self) -> bool: ...
    @property
    def kind(self) -> object: ...


# Marks a typesetter squeezes to half an em (not dashes or ellipses: those stay two ems).
SQUEEZED = frozenset("，。、；：？！“”‘’（）《》「」『』〈〉")
_SAMPLE = 400  # pairs of lines looked at: enough to tell, bounded for big pages
_EARLY = 40  # pairs after which a page that gains nothing by squeezing is let be
_MIN_GAIN = 10  # more pairs of equal width under the squeezed measure than under the other...
_MIN_SHARE = 0.12  # ...and this share of the pairs looked at


def squeezed_width(text: str) -> float:
    """Width in ems with squeezable marks at half an em (ASCII half, the rest 1)."""
    if text.isascii():
        return len(text) / 2
    marks = len(_marks().findall(text))
    return len(text) - len(text.encode("ascii", "ignore")) / 2 - marks / 2


def squeezed_marks(text: str) -> list[str]:
    """The squeezable marks of a line, in order."""
    return _marks().findall(text)


@cache
def _marks() -> re.Pattern[str]:
    """The squeezable marks as a regex class, built on first use (~0.4 ms: a class of
    scattered CJK characters), not at import. Counted with it, a line takes an eighth
    of the time `str.translate` takes to drop them (its non-ASCII path looks up each
    character)."""
    return re.compile(f"[{''.join(sorted(SQUEEZED))}]")


def measure_among(widths: list[float]) -> float:
    """The column's measure among neighbouring lines' widths (at least one): headlines
    are wider than their column, so widths well above the median are left out before
    taking the second-largest."""
    return measure_sorted(sorted(widths))


def measure_sorted(near: list[float]) -> float:
    """`measure_among` of widths sorted already (ascending)."""
    median = near[len(near) // 2]
    kept = near[: bisect_right(near, median * 1.25 + 1)]  # those up to the bound: a prefix
    return kept[-2] if len(kept) >= 2 else kept[-1]


def is_squeezed(lines: Sequence[Measured], body: object) -> bool:
    """Whether the page's marks were set at half an em (see the module docstring).

    Only lines inside paragraphs are compared: a body line of some length with
    neither it, the line before nor the line after closing a sentence (so it is
    neither a paragraph's indented first line nor its short last line).
    """
    marks = _marks().findall
    gain = pairs = 0
    prev_ok = False
    ok = bool(lines) and lines[0].kind is body and lines[0].width >= 7 and not lines[0].closes
    half = -1.0  # the squeezed width of `line`, carried over from the pair before
    for line, nxt in pairwise(lines):
        nxt_ok = nxt.kind is body and nxt.width >= 7 and not nxt.closes
        if prev_ok and ok and nxt_ok:
            pairs += 1
            # A line's squeezed width (`squeezed_width`): its hanging mark back, each mark half.
            if half < 0:
                half = line.width + line.hangs - len(marks(line.text)) / 2
            nxt_half = nxt.width + nxt.hangs - len(marks(nxt.text)) / 2
            gain += (abs(half - nxt_half) <= 0.5) - (abs(line.width - nxt.width) <= 0.5)
            half = nxt_half
            if pairs >= _SAMPLE or (pairs >= _EARLY and gain <= 0):
                break  # enough seen, or plainly not squeezed
        else:
            half = -1.0
        prev_ok, ok = ok, nxt_ok
    return gain >= max(_MIN_GAIN, _MIN_SHARE * pairs)
