"""Whether a candidate line stands over a paragraph's indented first line that closes.

Moved from `reader.parse.lineends` unchanged (that module was at its size limit):
`first_closed` is one of the tests by which a candidate headline line ends where it
stands; `has_ascii` says a line's width is measured loosely.
"""

from __future__ import annotations

from reader.parse.column import after_boundary, inside_bound
from reader.parse.kinds import Kind
from reader.parse.lines import Line
from reader.parse.text import INDENT


def has_ascii(text: str) -> bool:
    """Latin letters or digits, counted half an em: they may be set wider."""
    return bool(text.encode("ascii", "ignore"))


def first_closed(lines: list[Line], i: int) -> bool:
    """Line i + 1 closes a sentence two ems short of the full lines that go on below it.

    It is a paragraph's indented first line that happens to end at a full stop
    (`充分发挥教育的功能。` over `教育对于提高国民素质主要` and a column of 12 ems):
    a last line would be followed by the next paragraph's indented first line, and
    an inner line fills the column. So line i is no line of that paragraph, and
    after a paragraph's end it is no line of the one above: it ends where it
    stands (`那片还没有长出的`, TeX; `针线活全做完了`, Typst). Two open lines below,
    as wide as each other, set the column (a first line over a last one does not:
    pagegen 66). Not for a line i that is as wide as a first line itself (the
    two may be a paragraph of two lines, on pages whose lines are not justified:
    pagegen 239), nor with digits or Latin (measured loosely), nor under a wider
    column, nor under a full line of a paragraph, whose last line, set in another
    column, looks so (`力，避免包括民族和宗教` / `在内的任何冲突发生。`): only after
    a boundary or under a short candidate (a stack line above).
    """
    if i + 3 >= len(lines):
        return False
    nxt, below, third = lines[i + 1], lines[i + 2], lines[i + 3]
    body = Kind.BODY
    if below.kind is not body or below.closes or below.hint or below.head:
        return False
    if third.kind is not body or third.hint or third.head or third.closes:
        return False
    column = below.width if below.width >= third.width else third.width
    if not (
        column - INDENT - 1 <= nxt.width <= column - INDENT + 0.5
        and below.width >= column - 0.5
        and third.width >= column - 1
    ):
        return False
    if abs(lines[i].width + INDENT - column) <= 1 or has_ascii(lines[i].text + nxt.text):
        return False  # as wide as a first line itself, or measured loosely (digits, Latin)
    for above in lines[max(0, i - 4) : i]:
        if above.kind is body and not above.closes and above.width > column + 1:
            return False  # a wider column above: the lines below may be set in
    prev = lines[i - 1] if i else None
    return prev is None or after_boundary(lines, i) or (prev.candidate and prev.short)


def inner_line(lines: list[Line], i: int, line: Line, nxt: Line) -> bool:
    """`lineends._ends_over` says no for candidate line i inside a paragraph: asked first.

    The caller asks it of a line with no boundary above it (the line above is an open
    body line, no stack's, no note's end) and no dateline below. Over an open line it is
    `column.inside_bound`. Over a closed one (the paragraph's last line) every test of
    `_ends_over` that may say yes needs one of these: a hint on the line, the next line
    ending at a colon, the line 3.5 ems short of it (`_cannot_lead`), the line 1.4 times
    as wide as it (far wider than the column below), or `first_closed`; each of the others
    needs a boundary, a dateline or an open line below. So where none holds, `_ends_over`
    says no, and this says so before its measures of the column below (`fill_after`,
    `_first_over_inner`, `caption_below`...). Speed only (perf27): no answer changes.
    """
    if not nxt.closes:
        return inside_bound(lines, i, line, nxt)
    width_ = line.width
    return (
        not line.hint
        and nxt.last not in "：:"
        and width_ + 3.5 > nxt.width
        and width_ < 1.4 * nxt.width  # (`_FAR_WIDER` of the larger of it and the column)
        and not first_closed(lines, i)
    )


def runs_full(lines: list[Line], i: int, after: float, open_after: float) -> bool:
    """`lineends._ends_over` says no for candidate line i: a paragraph's first line, asked first.

    The caller asks it after a boundary with no dateline below, where `after` and
    `open_after` are `fill_after(lines, i + 2)`. A line that holds a comma is no line
    that `_first_by_measure`, `_set_in`, `_short_inner` or `_wider_ideographs` says yes
    to; then every other test of `_ends_over` that may say yes needs one of these: the
    line 3.5 ems short of the next line or of the open column below (`_cannot_lead`), 1.4
    times as wide as the next line, two ems wider than it, the next line two ems short of
    the column below (set in) but not closed, a hint, the line after a source or credit,
    or `first_closed` under a closed next line. Where none holds, `_ends_over` says no,
    and this says so before its measures (`_first_over_inner`, `caption_below`...).
    Speed only (perf27): no answer changes.
    """
    line, nxt = lines[i], lines[i + 1]
    text, width_, below = line.text, line.width, nxt.width
    if not ("，" in text or "、" in text) or line.hint or not i or width_ + 3.5 <= below:
        return False
    if width_ >= 1.4 * below or lines[i - 1].kind in (Kind.SOURCE, Kind.CREDIT):
        return False
    if nxt.closes:
        return (nxt.last not in "：:" or below > after - INDENT) and not first_closed(lines, i)
    return (
        below > after - INDENT
        and width_ + 3.5 > open_after
        and width_ < below + INDENT  # (never wider than the open column by two ems)
    )
