"""A list's points numbered `（一）`, `（二）`…, a law's articles: each opens a paragraph.

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

A law's articles (`第十七条…`) are paragraphs too: the corpus starts one at `第…条` 152
times and runs one on after a closed sentence 4 times, each a citation (`…。”第一百五十
九条第一款规定：`, `第…条规定`: the number followed by `第` or `规`). An article's first
line can fill the column (the gap after `条` dropped in extraction) under a full closed
line, where no width tells it (whole-chrome 599: `…给予行政处分。` / `第四十七条国家…`).
"""

from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter

from reader.parse.kinds import Kind
from reader.parse.lines import Line

POINT = re.compile("（[一二三四五六七八九十]{1,2}）")
ARTICLE = re.compile("第[一二三四五六七八九十百零]{1,5}条(?![第规])")
_FIRSTS = frozenset("（第")  # the first characters of a point and of a law's article
_ITEM_SHORT = 3.0  # ems a list item's last line ends short of its column by, at least
LEADS = frozenset("：；")  # the ends of a line a point follows as no piece of it (`pieces`)


def mark_points(lines: list[Line]) -> None:
    """Mark each body line that opens a numbered point after `；`, or after `：` short of
    the column, or a law's article after a closed line, as opening a paragraph (`indent`,
    as a first line set in is marked)."""
    body = Kind.BODY
    opens = map(_FIRSTS.__contains__, map(attrgetter("first"), lines))  # (in C: every line)
    for i in list(compress(range(len(lines)), opens)):
        line = lines[i]
        above = lines[i - 1] if i else None
        if above is None or line.kind is not body or above.kind is not body:
            continue
        if line.first == "第":
            if above.closes and ARTICLE.match(line.text):
                line.indent = True
        elif (above.last == "；" or (above.last == "：" and above.short)) and POINT.match(
            line.text
        ):
            line.indent = True


def ends_item(lines: list[Line], i: int) -> bool:
    """Line i - 1 is a list item's short last line (`…防盗报警器；` ending `器；`, 1.5 ems
    of 10.5): line i opens the next item's paragraph. (Asked by `stories._add_body` of a
    line under a closed one, so only where a paragraph may start.)

    A line inside a paragraph fills its column; one that ends at `；` 3 ems or more short
    of it ended by choice: a list's item ends there, set as a paragraph (`…报警器；` /
    `上海某某电子有限公`, items of a notice's list). The column's rules read `；` as leading
    on (`column._closes_by_itself`), so the line under it, as wide as a line inside a
    paragraph where the page sets in little, went on. On the read pages such a line ends
    a truth paragraph 102 times of 102 at 3 ems short and more; at 2 to 3 ems 8 of 14.
    """
    above = lines[i - 1]
    if above.last != "；":
        return False
    line = lines[i]
    return (
        above.kind is Kind.BODY
        and line.kind is Kind.BODY
        and not (above.head or line.head)
        and above.width + above.hangs + _ITEM_SHORT <= above.measure()
    )
