"""Whether a candidate line stands over a paragraph's indented first line that closes.

Moved from `reader.parse.lineends` unchanged (that module was at its size limit):
`first_closed` is one of the tests by which a candidate headline line ends where it
stands; `has_ascii` says a line's width is measured loosely.
"""

from __future__ import annotations

from reader.parse.column import after_boundary
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
