"""A paragraph's first lines run into the one-line headline over them: text again.

On pages of short lines (TeX's and Writer's narrow columns) a short headline over a
paragraph whose first lines fall short of the column was read with them as one tall
stack (`编者按` / `按照…要` / `求，全国…干` / `部正在…讲学` / `习、讲政治、…为`,
whole-tex 570): each line marked because the one under it was, as a stack's lines are.
A clause's comma or list mark inside a line is a sentence's, and a headline breaks at
its clauses: when two lines under a stack's first (and its subtitle, opening with
dashes) each hold one before their last character, and the stack's last line runs on
into the text under it (`wrapmodel.glued`), every line under the first is a paragraph's.
On the read sets (whole-* 200-299 and 520-599, pooled 200-299 and 520-559) it unmarks
34 lines on 7 pages, every one text by the truth (whole-tex 570, pooled office 532, 539,
typeset 241, chromereal 557).
"""

from __future__ import annotations

from reader.parse import wrapmodel
from reader.parse.kinds import Kind
from reader.parse.lines import Line

__all__ = ["unmark_text_runs"]

_CLAUSE = ("，", "、", "；")
_LEAST = 2  # lines under the first holding a clause mark inside


def unmark_text_runs(lines: list[Line]) -> None:
    """Unmark the lines under a stack's first when two of them hold a clause mark inside."""
    i, n = 0, len(lines)
    while i < n:
        if not lines[i].head:
            i += 1
            continue
        end = i
        while end + 1 < n and lines[end + 1].head:
            end += 1
        while i < end and lines[i + 1].text.startswith("——"):
            i += 1  # a subtitle under the headline stays the stack's
        if (
            end - i >= _LEAST
            and end + 1 < n
            and lines[end + 1].kind is Kind.BODY
            and wrapmodel.glued(lines[end].text, lines[end + 1].text)
            and sum(map(_inside, lines[i + 1 : end + 1])) >= _LEAST
        ):
            for line in lines[i + 1 : end + 1]:
                line.head = False
        i = end + 1


def _inside(line: Line) -> bool:
    """The line holds a clause mark before its last character."""
    body = line.text[:-1]
    return any(mark in body for mark in _CLAUSE)
