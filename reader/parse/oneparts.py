"""Pages whose headline stacks print one part each: two parts there are one wrapped headline.

How many of a page's stacks hold more than one part (kicker, headline, subtitle) is a
fact of the page as a whole. The corpus prints few: of 1,097 stories on the
whole-article read pages (`bench/wholegen.py`, the corpus as printed) 13 hold a kicker
and 48 a subtitle, half of those after `——`; the pooled generators give every other
story one. As the parse groups them, 101 of 120 whole-article read pages show at most
one stack in seven of two parts or more, 3 of 100 of Typst's pooled pages do; on the
former most such stacks are a wrapped headline the rules could not join
(`北方交大与北京建` / `工学院联合办学`).

So on a page that wraps its headlines (`heads.mark_heads`) and whose other stacks
print one part each (`_SEEN` of them at least, fewer than one in `_SHARE` holding
more), a stack of two one-line parts is one headline wrapped when the upper line is
of a wrap's length and the lower one is the shorter and no wider, across a break
that is no likely seam of two parts (`wrapmodel.inside`). The corpus prints a subtitle
under a headline only as the longer line (bench/wholecorpus.py rule 4). Parts
marked by a dash stay apart, and pages that print many parts are left as they are.
A one-line part over a wrap of its own width stays apart (`美国科学家扬言` /
`克隆人克林顿呼` / `吁设禁区` is one headline, but the pooled pages' kickers match
their headline's measure as often: branch `heads21`, bench/README.md). A page
that shows no wrap elsewhere is read so only when no paragraph of it is set
in with spaces: its text came out of a PDF (`专家分析指出震区更` / `强地震可能性不大`,
whole-office-pdfium 415). Typed text that never wraps a headline sets one part a
line (tests/pagegen.py: a short subtitle under a long headline; the sample page).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.parse import wrapmodel
from reader.parse.lines import Line
from reader.parse.text import width

_SHARE = 6  # a one-part page: fewer than one in this many of its other stacks hold two parts
_SEEN = 3  # the fewest other stacks that show the page prints one part each (`measures._SHOWN`)
_FULL = 6  # characters: the least a full line of a wrapped headline holds (`stacks._FULL`)
_SAME = 0.5  # ems: a line of a wrap no wider than the one above (a digit's half em)


def join_wraps(
    groups: list[list[list[str]]], wrapping: bool, lines: Sequence[Line] = ()
) -> list[list[list[str]]]:
    """The page's grouped stacks, two parts of one wrap joined (the module's rule)."""
    if not any(len(grouped) == 2 for grouped in groups):
        return groups
    if not wrapping and (not lines or any(line.hint for line in lines)):
        return groups  # typed text that never wraps a headline: one part a line
    stacks = sum(1 for grouped in groups if grouped)
    multi = sum(len(grouped) >= 2 for grouped in groups)
    if stacks - 1 < _SEEN or (multi - 1) * _SHARE >= stacks - 1:
        return groups
    out = []
    for grouped in groups:
        if len(grouped) == 2 and _wrap(*grouped):
            grouped = [grouped[0] + grouped[1]]
        out.append(grouped)
    return out


def _wrap(upper: list[str], lower: list[str]) -> bool:
    """The two parts are one line each, the lower the shorter and no wider, across a
    break that is no likely seam of two parts; the upper holds a wrap's full line."""
    if len(upper) != 1 or len(lower) != 1 or len(upper[0]) < _FULL:
        return False
    above, line = upper[0], lower[0]
    if "—" in above + line:
        return False
    return (
        len(line) < len(above)
        and width(line) <= width(above) + _SAME
        and wrapmodel.inside(above, line)
    )
