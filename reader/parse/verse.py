"""Verse in page text: a run of short lines, each ending in a mark, a paragraph a line.

A poem or a ballad in the paper prints a line of verse as a paragraph (`演员时兴“抢银行”，`
/ `只费唇舌不用枪。` / …, `是清冽的夜，` / `在半梦半醒之间。`), well short of its column.
Prose never stops short of its column after ，；、 but at an indented first line, so a run
of four lines or more, each ending in a mark and short of the column by more than an
em and a half (every mark counted whole, the column from the prose on either side), two
of them ending open, is verse: each line after the run's first opens a paragraph. Lines
with digits or Latin are left out: their widths are guessed, and verse holds none.

A verse line longer than a narrow column wraps its last character and mark onto a line of
their own (`只有经历高温的苦` / `楚，`): such a pair, the first line short of the prose's
column too, is one line of the run, and only its first line opens a paragraph. A verse
line set in as a paragraph wraps at the column less the indent, up to two characters and
the mark (`照着远行的人回家的` / `路途。`).
"""

from __future__ import annotations

import re

from reader.parse.kinds import Kind
from reader.parse.lines import Line
from reader.parse.text import width

_ENDS = frozenset("，。！？；：、…”’")
_OPEN_ENDS = frozenset("，；、")  # ends no prose line short of its column has
_MIN_RUN = 4  # lines in a run
_MIN_OPEN = 2  # of them ending open
_AROUND = 8  # body lines each side that give the column's width
_SHORT = 1.5  # ems short of it, every mark counted whole
_TAIL = 3  # characters of a wrapped verse line's tail, its mark counted (`路途。`)
# Digits and Latin (`74.09%的企业…；`): widths the estimate gets wrong, and no verse.
_NOT_VERSE = re.compile(r"[\x00-\x7f\xa0\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def mark_verse(lines: list[Line]) -> None:
    """Mark each line of the page's verse runs after a run's first as opening a paragraph
    (`indent`, as a first line set in is marked)."""
    out: set[int] = set()
    # The body lines that end in a mark, listed by one comprehension (not a loop in
    # Python over every line of the page): a run is consecutive ones, and those of
    # `_MIN_RUN` lines or more are found as the places where the line `_MIN_RUN - 1`
    # further down the list is as far down the page.
    body = Kind.BODY
    ends = [
        i
        for i, line in enumerate(lines)
        if line.last in _ENDS and line.kind is body and not (line.head or line.hint)
    ]
    # A line ending open whose next line is a wrapped verse line's tail (`楚，`) joins the run.
    wrapped = [
        i - 1
        for i in ends
        if len(lines[i].text) <= _TAIL
        and i
        and lines[i - 1].last not in _ENDS
        and (_body(lines[i - 1]) or _open_pair_head(lines[i - 1], lines[i]))
    ]
    if wrapped:
        ends = sorted({*ends, *wrapped})
    reach = _MIN_RUN - 1
    end = -1  # the last place of the run read
    for k in [k for k in range(len(ends) - reach) if ends[k + reach] - ends[k] == reach]:
        if k <= end:
            continue  # inside the run read
        end = k + reach
        while end + 1 < len(ends) and ends[end + 1] == ends[end] + 1:
            end += 1
        _short_runs(lines, ends[k : end + 1], out)
    for k in out:
        lines[k].indent = True
        lines[k].head = False  # (a pair's first line read as a head: `_open_pair_head`)


def _body(line: Line) -> bool:
    return line.kind is Kind.BODY and not (line.head or line.hint)


def _open_pair_head(line: Line, tail: Line) -> bool:
    """A pair's first line read as a head, its tail ending open (`这个冬天格外漫长而` / `温暖，`).

    Writer spreads the few characters of a wrapped verse line over the column
    (`这 个 冬 天 …`), and a spaced line under a closed one reads as a head; but no
    headline wraps its last characters with a comma. In a run it is verse.
    """
    return line.kind is Kind.BODY and line.head and not line.hint and tail.last in _OPEN_ENDS


def _short_runs(lines: list[Line], run: list[int], out: set[int]) -> None:
    first, last = run[0], run[-1]
    before = [k for k in range(first - 1, max(-1, first - 1 - _AROUND), -1) if _body(lines[k])]
    after = [k for k in range(last + 1, min(len(lines), last + 1 + _AROUND)) if _body(lines[k])]
    # The column's width on each side, the narrower where both show one: prose on one
    # side may be another column's, set wider (`恋春、庆春、竞春、咏春，` fills its own).
    sides = [_full(lines, before), _full(lines, after)]
    column = min((w for w in sides if w is not None), default=None)
    if column is None:
        return
    short: list[int] = []
    tail = None  # the tail of the pair read, a part of the line above
    for k in [*run, -1]:
        if k == tail:
            continue
        text = lines[k].text
        if k >= 0 and width(text) <= column - _SHORT and _NOT_VERSE.search(text) is None:
            short.append(k)
            if lines[k].last not in _ENDS:  # a pair: its tail is the next line of the run
                tail = k + 1
            continue
        if len(short) >= _MIN_RUN and _open_ends(lines, short) >= _MIN_OPEN:
            out.update(short[1:])
        short = []


def _open_ends(lines: list[Line], verse: list[int]) -> int:
    """How many lines of verse end open, a wrapped one at its tail."""
    ends = (lines[k].last if lines[k].last in _ENDS else lines[k + 1].last for k in verse)
    return sum(last in _OPEN_ENDS for last in ends)


def _full(lines: list[Line], around: list[int]) -> float | None:
    """The width most of lines `around` reach, every mark whole (a quarter are wider: full
    lines, a title or a note are narrower); None for under three lines."""
    if len(around) < 3:
        return None
    return sorted((width(lines[k].text) for k in around), reverse=True)[len(around) // 4]
