"""A paragraph's first line, set in under a closed line, whose sentence runs on: no headline.

Short and with no stop at its end, a paragraph's first line reads as a one-line
headline after the paragraph above closes (`…地方占２０％。` / `为满足市场供应，全` /
`市各水果批发货栈先后从`): the story is cut there, and the real headline above matched
to the wrong text. A headline stands over its story's first line, which is set in
by the indent, or over a byline or a dateline; a paragraph's first line stands over
its inner lines, which fill the column. So the line is let go when it is set in by
the indent from the column the lines above it fill, the line under it fills that
column too and is no lead (`本报讯…`, a dateline) and no line set in, the line under
that goes on at the column or closes the paragraph (an inner line, or its last),
and the words show a sentence's line: a clause mark inside it (`为满足市场供应，全`), a
number cut at its end, or the sentence running on across the break: the line ends
on a character that ends no headline (`在`, `的`, `不`), the pair across is one the
corpus's body text holds together, or a corpus phrase runs across. (Without the
words, a picture's title over a caption not set in reads the same: 24 of them on
the read pages, `北京各大商场喜迎新春` / `春节前夕，北京各大商场装饰一`.)
"""

from __future__ import annotations

from reader.parse.column import dateline_at
from reader.parse.kinds import Kind
from reader.parse.lineends import DATELINE_FIRST
from reader.parse.lines import Line
from reader.parse.seam import phrase_across
from reader.parse.text import INDENT
from reader.parse.wrapmodel import glued, open_end, runs_on

__all__ = ["inner_first", "unmark_inner_firsts"]

_LEADS = ("本报讯", "本报电")  # a story's lead opens so: no inner line of a paragraph does


def unmark_inner_firsts(lines: list[Line], heads: list[int]) -> None:
    """Unmark each stack that starts at a paragraph's first line running on (module doc);
    `heads`: the lines `heads.mark_heads` marked (some unmarked since), the only ones asked."""
    for i in heads:
        line = lines[i]
        if line.head and not lines[i - 1].head and inner_first(lines, i):
            line.head = lines[i + 1].head = False  # (the line under it: an inner line)


def inner_first(lines: list[Line], i: int) -> bool:
    """Line i is a paragraph's first line over its inner lines, its sentence running on."""
    if not 4 <= i < len(lines) - 2:
        return False
    prev, line, nxt, third = lines[i - 1], lines[i], lines[i + 1], lines[i + 2]
    if not (prev.closes and prev.kind is Kind.BODY) or line.hint or line.kind is not Kind.BODY:
        return False
    if nxt.kind is not Kind.BODY or nxt.hint or nxt.closes or third.kind is not Kind.BODY:
        return False
    if third.hint or nxt.text.startswith(_LEADS):
        return False
    if nxt.first in DATELINE_FIRST and dateline_at(lines, i + 1):
        return False
    widths = [
        ln.width
        for ln in lines[i - 4 : i - 1]
        if ln.kind is Kind.BODY and not (ln.head or ln.closes or ln.short)
    ]  # (inner lines that fill their measure: not verse, `…的夜风，` / `…的呵护，`)
    if len(widths) < 2:
        return False
    column = max(widths)
    if not -1.5 <= column - INDENT - line.width <= 1:
        return False  # no line set in by the indent
    if not column - 1 <= nxt.width <= column + 1.5:
        return False  # the line under it fills the column: not one set in, nor another
        # column's (`…灯如海` over 18 ems, in a column of 10)
    if third.head or (not third.closes and third.width < column - 1.5):
        return False  # the third goes on at the column or closes: no stack goes on there
    text = line.text
    return (
        "，" in text  # a clause closed inside the line: a sentence's, seldom a title's
        or "：" in text
        or text[-1].isdigit()  # a number cut at the line's end (`…《戊寅年》２` / `枚…`)
        or open_end(text)
        or glued(text, nxt.text)
        or runs_on(nxt.text)
        or phrase_across(text, nxt.text)
    )
