"""A paragraph that leads into the text below with a dash (`…的变化？请看———`): its end.

An editor's lead-in ends its paragraph with a dash, not a stop, and the paper sets the
paragraph below apart (`请看———` / `浙江省中部，有一个台州…`, set in). A line inside a
paragraph fills its column, so a body line that ends in a dash short of its column by
more than a character ended its paragraph there, as a line that closes a sentence does;
whether the line below opens the next is then told as after a stop (its indent, its
width). A headline's kicker ends in a dash too: it is a stack line, never asked here.
"""

from __future__ import annotations

import re

from reader.parse.kinds import Kind
from reader.parse.lines import Line
from reader.parse.text import INDENT, width

_EVEN = 0.5  # ems two lines' widths may differ and still be one column's measure
# What a line's end cannot split: a dash's run, a character with the mark opening on it.
_UNIT = re.compile(r"—+|[“‘（《「『(\[]?.")


def leads_in(lines: list[Line], k: int) -> bool:
    """Line k is a body line, no stack's, that ends in a dash of two or more short of its
    column (`Line.short`, asked last: it measures the column), over a body line that
    goes on (a paragraph's first line; a caption's dash inside its sentence, `的住宅小区———`
    / `方庄小区。`, is over its short last line)."""
    line = lines[k]
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    return (
        line.last == "—"
        and nxt is not None
        and nxt.kind is Kind.BODY
        and not nxt.closes
        and line.text.endswith("——")
        and line.kind is Kind.BODY
        and not (line.head or line.hint)
        and (line.short or _set_in_under(lines, k))
    )


def _set_in_under(lines: list[Line], k: int) -> bool:
    """Under line k, full and ending in a dash, the next line is set in by an indent and a
    full one follows it: a paragraph's first line. The dash that fills its line ends the
    lead-in there as well (`…这么大的变化？请看———` / `浙江省中部，有一个台州市路` /
    `桥区，…`, XeTeX's 15-em column); a line inside a paragraph fills the column, and a
    paragraph's short last line is followed by no full one of its own. Short by what
    the line under it opens with, that did not fit, it is short at its end, not set in
    (`启迪是：一、投入———` / `播种希望；二、途径` / `———联办之路；…`, Writer's 11 ems)."""
    if k + 2 >= len(lines):
        return False
    line, nxt, after = lines[k], lines[k + 1], lines[k + 2]
    unit = _UNIT.match(after.text)
    return (
        abs(nxt.width + INDENT - line.width) <= _EVEN
        and after.kind is Kind.BODY
        and not (after.head or after.hint or after.closes)
        and after.width >= line.width - _EVEN
        and unit is not None
        and nxt.width + width(unit.group(0)) <= line.width + _EVEN
    )


def starts_under(lines: list[Line], k: int) -> bool:
    """A stack starts at line k under a paragraph's last line that ends in a lead-in's dash.

    `…邀请几位评论家对` / `此做了一番点评———` / `本周天气展望`: the dash line was
    marked with the run under it (a kicker ends in a dash too), but it stands inside a
    paragraph, under an open line of it, where no kicker stands: the run was no stack
    from its first line, and the paragraph ends at the dash. Asked only of such runs. The
    dash line is short of its column (`leads_in`), or the line under it
    stands over a byline (TeX sets the dash line full: `…回顾———` / `音乐能够温暖人心` / `孙立民`).
    """
    if k < 2 or k + 1 >= len(lines):
        return False
    above, prev = lines[k - 2], lines[k - 1]
    return (
        prev.text.endswith("——")
        and prev.kind is Kind.BODY
        and not prev.hint
        and above.kind is Kind.BODY
        and not (above.closes or above.head or (above.last in "）)" and above.short))
        and (lines[k + 1].kind is Kind.BYLINE or prev.short)
    )
