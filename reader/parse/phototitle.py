"""A picture story's title over its caption, in page text.

Chromium sets a picture story as its title over a caption that is not set in, in
the caption's type: the title is short of the caption's column by more than a
paragraph's indent would make it, so it is no line of the caption. Asked by
`reader.parse.lineends` (does a candidate line end where it stands) and by
`reader.parse.heads` (a line that looks like the next paragraph's first line).
"""

from __future__ import annotations

from collections.abc import Callable

from reader.parse import wrapmodel
from reader.parse.column import after_boundary
from reader.parse.kinds import CREDIT_RE, MARKERS, Kind
from reader.parse.lines import Line
from reader.parse.text import INDENT, AnyOf

_TITLE_REACH = 16  # a picture's caption under its title: so many lines at most
_NO_STOP = AnyOf("。；;！？!?…，、")
_LOOSE = AnyOf("（）“”‘’《》「」『』")
_SPARE = 1.5  # ems a title leaves of the caption's column past its first unit, at least


def over_caption(lines: list[Line], i: int, lead_width: Callable[[str], float]) -> bool:
    """Line i, after a story's end, is short of the caption under it by more than its first unit.

    A caption is one paragraph, not set in: its first line fills the column as its
    inner lines do (Chromium's picture stories, `山西运城展开“打假”战役` /
    `为了让老百姓放心过好“两节”，` / `山西运城地区技术监督局会同有关` … `（吕` /
    `乃成任志坚摄）`). Had line i been the caption's first line, it would have taken
    the next line's first unit with an em and a half to spare: more than a line set
    in two ems leaves, with the half em a squeezed mark takes (the typesetting
    engine's titles, ten ideographs over a caption of twelve and a half: whole-typeset
    250, 556, 584, 592). A line holding digits, Latin, brackets or quotes, which
    measure loosely, must leave the indent. So the caption starts below, and line i
    is its title. The page's top is a boundary as a closed line is (whole-office 527),
    for a line of ideographs not set in. The caption: body lines from
    i + 1 that end in a photo credit within `_TITLE_REACH` lines, their open lines as
    wide as each other within two ems (a hanging comma, Chromium's loose digits); a
    line closed inside it fills the column (a short one ends a paragraph: what follows
    is another). Line i holds no comma or stop, does not end on a word's first half
    (`…的人们在`) and is not broken before a dash. Read on the read sets of every
    engine: 15 picture stories' titles found, all on whole-article pages.
    `lead_width`: how wide a line's first unit is (`lineends.lead_width`).
    """
    if i + 1 >= len(lines) or (i and (not after_boundary(lines, i) or lines[i - 1].head)):
        return False
    line = lines[i]
    if _NO_STOP.search(line.text) or wrapmodel.open_end(line.text):
        return False
    if not i and (line.hint or _loose(line.text)):
        return False  # at the page's top no story's end shows: a caption's first line
        # set in, or measured loosely, is its own (`李素丽（右二）` / `仍在…`, pagegen2 467)
    nxt = lines[i + 1]
    if nxt.first == "—":
        return False  # a dash carried over: the sentence runs on (`…种群` / `———秦皇岛…`)
    if not nxt.closes and nxt.width < line.width + 0.5:
        return False  # (an open line is two ems short of the column at most: no caption)
    column = least = closed = 0.0
    credit = Kind.CREDIT
    # (Each test is asked as the lines come: the column only grows and the least only
    # shrinks, so a caption that fails once fails for good; most stories fail early.)
    for j in range(i + 1, min(len(lines), i + 1 + _TITLE_REACH)):
        ln = lines[j]
        if ln.kind is credit:
            break
        if ln.kind is not Kind.BODY or ln.head or ln.hint or ln.first in MARKERS:
            return False
        if ln.closes:
            if CREDIT_RE.search(ln.text) or (j + 1 < len(lines) and lines[j + 1].kind is credit):
                break
            if ln.width < column - 1:
                return False  # a closed line inside the caption fills the column
            if not closed or ln.width < closed:
                closed = ln.width  # (the shortest: the column may grow below it)
            continue
        if ln.width > column:
            column = ln.width
        if not least or ln.width < least:
            least = ln.width
        if least < column - 2 or (closed and closed < column - 1):
            return False
    else:
        return False
    if not column or (closed and closed < column - 1):
        return False
    # (digits, Latin, brackets and quotes measure loosely: a line holding them is read
    # with the margin of a set-in line, `图为中国队9号孙` / `雯带球突破…`, pagegen2 16)
    spare = INDENT if _loose(line.text) else _SPARE
    return line.width + spare + lead_width(lines[i + 1].text) <= column


def _loose(text: str) -> bool:
    """The line holds digits, Latin, brackets or quotes, which measure loosely."""
    return bool(text.encode("ascii", "ignore")) or _LOOSE.search(text) is not None
