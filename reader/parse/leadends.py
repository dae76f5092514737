"""A paragraph's last line of lead-in dashes under a full line of its text: no stack line.

A kicker's dashes (`…——`) stand over its headline after a story's end. A line that
ends in dashes and goes on from a full open line of text above it is that paragraph's
last line instead (`…这方面已` / `留下不少———`), and the headline under it starts the
next story. Asked by `reader.parse.heads.mark_heads` of candidate lines ending in a dash.
"""

from __future__ import annotations

from reader.parse.kinds import Kind
from reader.parse.lines import Line

__all__ = ["dash_end"]


def dash_end(lines: list[Line], i: int) -> bool:
    """Line i ends a paragraph in lead-in dashes: under a full open line of it, no stack's.

    A kicker's dashes stand over its headline after a story's end; a line that goes
    on from a full line above it, open at its end, is that paragraph's last, and
    its dashes lead into what follows (`也会被拉下水去，这方面已` / `留下不少———` /
    `到祖国内地过年`): marked with the headline under it, it made a stack that the
    paragraph's lines then unmade whole, and the headline was lost in the text. The
    line above holds a clause mark: text, not a stack line (read pages: 62 lines of
    text let go, 4 stack lines: a long subtitle's wrapped end, whole-typeset 245 and 305,
    missed before and after).
    """
    prev = lines[i - 1] if i else None
    return (
        prev is not None
        and prev.kind is Kind.BODY
        and not prev.closes
        and not prev.hint
        and not lines[i].hint  # (set in: a story starts, `　有了新岗位并非完事大吉——`)
        and lines[i].text.endswith("——")
        and not lines[i].text.startswith("——")
        and not prev.short
        and ("，" in prev.text or "、" in prev.text)  # (a line of text, no stack's)
    )
