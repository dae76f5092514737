"""The measure a page shows for its headlines, and a wrap's last line it tells.

A headline wrapped in display type fills every line but its last to the measure
of its span: over a column of one width, the page's wrapped headlines break at
one width again and again (`建行北京市分行经营效` / `益显著`, `赣州…` ten ems over a
fourteen-em column). A plain line of the stack that is exactly that wide, over a
column of the same width, is such a full line; the shorter line under it is the
rest of its wrap, not a subtitle (`美声称不排除单独` / `对伊采取行动`, `中国民航订购７`
/ `架波音客机`). A subtitle printed in the smaller type under a one-line headline
could be as short; the page's own measure is what tells the two apart, so the
width must be shown by `_SHOWN` full lines of the page's wraps (a single other
wrap may match by chance: a headline + subtitle at the width of two lines of one
wrap, Typst 1549, TeX 421).

As the corpus prints its stacks (the whole-article pages' truth, bench/wholecorpus.py
rule 4) a subtitle is never the shorter of two plain lines: the longer line above
is a kicker then. So where the page shows the line above full, its wrap is the
one reading of the two that gives the headline whole.

A page whose stacks show no wrap (`heads.mark_heads`: Writer's narrow columns set
a wrapped headline as two plain lines) shows its measure another way: two stacks
of two one-line parts whose upper lines are as wide as each other over columns of
one width, each over a shorter line (`杭州一家流通企业全由` / `职工出资改制` and
`大干水利笑开怀各地兴` / `修水利迎春节`, ten ems over fourteen). A headline over
a subtitle at one width twice on a page that never wraps was not seen on the read
pages or the generated ones (pagegen, pagegen2 0-599 the same).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.parse.kinds import is_header
from reader.parse.roles import body_measure
from reader.parse.text import width

_SHOWN = 3  # full lines of the page's wraps at one width over one column: its measure
_PAIRS = 2  # two-line stacks at one width over one column on a page that never wraps
_RARE = 4  # a page of one-part stacks: fewer than one in this many others hold two parts
_STUB = 0.4  # of a line wider than the story's column: the most its wrap's last line holds


class Shown:
    """The widths of the page's wrapped stack lines, by the column under each story.

    Counted on first use: most pages ask nothing (`wrap_end` looks only at two
    plain parts whose lower line is the shorter), and the count needs every
    story's column (`roles.body_measure`).
    """

    def __init__(
        self, groups: Sequence[list[list[str]]], bodies: Sequence[Sequence[list[str]]]
    ) -> None:
        self._groups = groups
        self._bodies = bodies
        self._counts: Counter[tuple[float, float]] | None = None
        self._pairs: Counter[tuple[float, float]] | None = None
        self._rare: bool | None = None  # `parts_rare`, counted on first use

    def count(self, measure: float, wide: float) -> int:
        """Full lines (all but a part's last) `wide` ems wide over a `measure`-em column."""
        if self._counts is None:
            self._counts = Counter()
            for grouped, body in zip(self._groups, self._bodies, strict=True):
                if any(len(part) > 1 for part in grouped):
                    column = body_measure(body)
                    self._counts.update(
                        (column, width(line)) for part in grouped for line in part[:-1]
                    )
        return self._counts[(measure, wide)]

    def parts_rare(self) -> bool:
        """Fewer than one in `_RARE` of the page's other stacks hold two parts or more.

        `stacks._two_lines` reads two plain one-line parts as kicker + headline on a
        page that dashes its subtitles (`stacks.page_marked`): that is how the pooled
        pages print a kicker, every other story holding one part more. A page whose
        stacks are nearly all one part shows no such style; what it dashes are the
        corpus's subtitles, which it prints without dashes as often (48 subtitles,
        half after `——`, against 13 kickers in 1,097 stories, `oneparts`), so there
        the plain line under the headline is its subtitle, by position. On the read
        pages 17 such stacks were headline + subtitle or one wrap (whole-typeset,
        whole-tex), 1 a kicker (pooled TeX 530); at one in three, pooled kickers turn.
        """
        if self._rare is None:
            stacks = sum(1 for grouped in self._groups if grouped)
            multi = sum(len(grouped) >= 2 for grouped in self._groups)
            self._rare = (multi - 1) * _RARE < stacks - 1
        return self._rare

    def pairs(self, measure: float, wide: float) -> int:
        """Stacks of two plain one-line parts, the lower the shorter, the upper `wide`
        ems wide over a `measure`-em column (on a page that never groups a wrap, its
        wraps show only as such pairs). Counted once a page: asked for each such stack,
        a walk of the page each time took 9 s at 4,000 stacks (audit26)."""
        if self._pairs is None:
            self._pairs = Counter()
            for grouped, body in zip(self._groups, self._bodies, strict=True):
                if len(grouped) == 2 and all(len(part) == 1 for part in grouped):
                    above, line = grouped[0][0], grouped[1][0]
                    upper = width(above)
                    if upper > width(line) and "—" not in above + line and not is_header(line):
                        self._pairs[(body_measure(body), upper)] += 1
        return self._pairs[(measure, wide)]


def wrap_end(
    grouped: list[list[str]], body: Sequence[list[str]], shown: Shown, wrapping: bool = True
) -> bool:
    """The stack's last part is one line, the rest of the full line above it.

    The line is shorter than the one above, neither holds a dash (dashes mark
    parts), the line is no page header's (`本版责任编辑…`: a generator's stack line
    under a one-line headline), and either the page shows the upper line's width as
    its measure over the story's column (`Shown`), or the upper line is wider than
    that column and the line under it holds at most `_STUB` of it. A headline wider
    than its story's column spans more columns; the stub of its wrap is short
    (`张万年在全军纪检工作会议上强调把军队党风廉政建设` / `引向深入`, `以表示拟从黎南部撤军前提是
    双方签署` / `临时安全协定`), where a subtitle under it is a phrase of its own
    that runs longer (on the read pages the shortest under such a line held 8 of
    19, `郑州杆秤退出市场`). The stub only on a page that wraps its headlines
    (`wrapping`, `heads.mark_heads`): one that never does writes one part a line
    however long, a short subtitle under a long headline (`tests/pagegen.py`). On
    such a page, a stack of two one-line parts whose upper width another such stack
    shares over its column (`Shown.pairs`) is a wrap.
    """
    if len(grouped) < 2 or len(grouped[-1]) != 1:
        return False
    above, line = grouped[-2][-1], grouped[-1][0]
    wide = width(above)
    if width(line) >= wide or "—" in above + line or is_header(line):
        return False
    column = body_measure(body)
    if not column:
        return False
    stub = wrapping and wide > column and width(line) <= _STUB * wide
    if not wrapping and len(grouped) == 2 and shown.pairs(column, wide) >= _PAIRS:
        return True  # another stack of the page broke at this width over this column
    return stub or shown.count(column, wide) >= _SHOWN
