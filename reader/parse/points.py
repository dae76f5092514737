"""A list's points numbered `（一）`, `（二）`…: each opens a paragraph.

A law's or a notice's list (`…并采取必要的抗震加固措施：` / `（一）属于重大建设工程的…；` /
`（二）可能发生严重次生灾害的…；`) prints each point as a paragraph. The 1998 corpus
starts a paragraph at such a point after the colon that leads the list or the semicolon
that ends the point before 109 times (81 after ；, 28 after ：) and runs one on there
once (`…这十大新闻是：（一）江泽民…`, the colon at a full line's end, as pagegen2 80
draws it). So such a line opens a paragraph after ；, and after ：short of the column,
also where the line above is a point's short last line that the next line would fit
beside (`物；` / `（三）有重大文物价`: read by width as one printed line in two). Points
numbered in digits (`（１）`) run on after a colon often (11 of the corpus's 25), and
after a full stop either way: left alone.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter

from reader.parse.kinds import Kind
from reader.parse.lines import Line

POINT = re.compile("（[一二三四五六七八九十]{1,2}）")
LEADS = frozenset("：；")  # the ends of a line a point follows as no piece of it (`pieces`)


def mark_points(lines: list[Line]) -> None:
    """Mark each body line that opens a numbered point after `；`, or after `：` short of
    the column, as opening a paragraph (`indent`, as a first line set in is marked)."""
    body = Kind.BODY
    opens = map("（".__eq__, map(attrgetter("first"), lines))  # (in C: asked of every line)
    for i in list(compress(range(len(lines)), opens)):
        line = lines[i]
        above = lines[i - 1] if i else None
        if (
            above is not None
            and line.kind is body
            and above.kind is body
            and (above.last == "；" or (above.last == "：" and above.short))
            and POINT.match(line.text)
        ):
            line.indent = True
