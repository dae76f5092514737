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
A break that reads as a seam is one all the same where the upper line is as wide
as a full line of another stack's wrap: the page's headline measure, which a
headline that fits is set short of (`茂名石油化工公司乙烯工程` / `短时间内产量达标` on a page
with a wrap broken at twelve ems, whole-typeset 528; branch `heads24`), and the
line under it, as long, is the wrap's second full line (`杭州一家流通企业` /
`全由职工出资改制`, whole-office 560). A part of two lines that ends as wide as it
starts ended full: the one line under it, no longer, is the rest of its wrap.
A one-line part over a part of two lines is the first line of a wrap of three when
it is as wide as the lower part's full line (within `_EVEN`), the lower part ends
shorter, and the break is no likely seam (`反对雇用童工` / `“全球大游行”` / `在菲拉开帷幕`,
Chromium's narrow column, whole-chrome-pdfium 528). The pooled pages' kickers match
their headline's measure as often (branch `heads21`, bench/README.md), so this
too is read only on a page of one-part stacks; `美国科学家扬言` / `克隆人克林顿呼` /
`吁设禁区` breaks where parts meet and stays apart (branch `heads24`). A page
that shows no wrap elsewhere is read so only when no paragraph of it is set
in with spaces: its text came out of a PDF (`专家分析指出震区更` / `强地震可能性不大`,
whole-office-pdfium 415). Typed text that never wraps a headline sets one part a
line (tests/pagegen.py: a short subtitle under a long headline; the sample page).
Two-part stacks shaped as one wrap leave a page one of one-part stacks
(`_parts_wrapped`), and on a page of one-part stacks a break that reads as a seam
joins all the same where the lines' shape and wording allow (`seamwraps`).
"""

from __future__ import annotations

from collections.abc import Sequence, Set

from reader.parse import seamwraps, wrapmodel
from reader.parse.lines import Line
from reader.parse.text import width

_SHARE = 6  # a one-part page: fewer than one in this many of its other stacks hold two parts
_SEEN = 3  # the fewest other stacks that show the page prints one part each (`measures._SHOWN`)
_FULL = 6  # characters: the least a full line of a wrapped headline holds (`stacks._FULL`)
_SAME = 0.5  # ems: a line of a wrap no wider than the one above (a digit's half em)
_LOWER = 2  # lines: the most a lower part holds that joins the one-line part above
_EVEN = 1.0  # ems: full lines of one wrap differ by no more (Chromium measures marks loosely)


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
    if stacks - 1 < _SEEN:
        return groups
    full = {width(line) for grouped in groups for part in grouped for line in part[:-1]}
    one_part = (multi - 1) * _SHARE < stacks - 1
    if not one_part and not _parts_wrapped(groups, full, stacks):
        return groups
    out = []
    for grouped in groups:
        if len(grouped) == 2 and _joins(grouped[0], grouped[1], full, one_part):
            grouped = [grouped[0] + grouped[1]]
        out.append(grouped)
    return out


def _joins(upper: list[str], lower: list[str], full: Set[float], one_part: bool) -> bool:
    """Two parts are one wrap: by every rule on a page of one-part stacks, by the
    rule of two one-line parts only where the page's other parts are wraps too
    (`_parts_wrapped`)."""
    if one_part:
        return _wrap(upper, lower, full) or seamwraps.seam_wrap(upper, lower, full)
    return len(upper) == len(lower) == 1 and _wrap(upper, lower, full)


def _parts_wrapped(groups: list[list[list[str]]], full: Set[float], stacks: int) -> bool:
    """A page whose stacks of two parts or more, all but those shaped as one wrap
    (`_wrap`), are fewer than one in `_SHARE` of its stacks: a page of one-part
    stacks whose own wraps the grouping left in two.

    The page-wide count closes the gate on a page that shows two two-part stacks
    in six, or three in ten, when they are its headlines wrapped (`中桥商场以诚待客` /
    `利税翻番` and a second such on whole-office 586, `《党建》杂志迎来创刊十周年` /
    `丁关根同志发来贺词` on 522); a stack shaped so says nothing of how the page
    prints its parts (branch `heads25`). Only two
    one-line parts are joined on such a page: a one-line kicker over a wrapped
    headline is as wide as its full line as often (`又见『歪嘴和尚』` over
    `北方交大与北京建工` / `学院联合办学`, whole-office 522).
    """
    shaped = sum(
        len(grouped) >= 2 and not (len(grouped) == 2 and _wrap(grouped[0], grouped[1], full))
        for grouped in groups
    )
    return shaped * _SHARE < stacks - 1


def _wrap(upper: list[str], lower: list[str], full: Set[float] = frozenset()) -> bool:
    """The upper part is one line, a wrap's full line, and the lower part its rest:
    one line, the shorter and no wider, across a break that is no likely seam of two
    parts or under a line as wide as a full line of the page's wraps (`full`, in ems;
    under such a line the lower may be as long: a headline of twice the measure);
    or two lines, the first as wide as the upper (`_full_over_wrap`). An upper part
    of two lines ending full goes on in a lower line of one (`_full_end`). A lower line
    as long that ends in a photographer's credit is a picture story's part, though the
    upper is full (`乡野，扬起欢笑` / `邢永臣摄影报道`, whole-chrome 253)."""
    if len(upper) == 2 and len(lower) == 1:
        return _full_end(upper, lower[0])
    if len(upper) != 1 or len(upper[0]) < _FULL or not 1 <= len(lower) <= _LOWER:
        return False
    above, line = upper[0], lower[0]
    if any("—" in text for text in (above, *lower)):
        return False
    if len(lower) == 2:
        return _full_over_wrap(above, lower)
    measure = width(above) in full  # the upper line is full: the lower may fill it too
    return (
        (
            len(line) < len(above)
            or (measure and len(line) == len(above) and not seamwraps.photo_credit(line))
        )
        and width(line) <= width(above) + _SAME
        and (measure or wrapmodel.inside(above, line))
    )


def _full_over_wrap(above: str, lower: list[str]) -> bool:
    """A one-line part over a wrapped part of two lines: one wrap of three lines when
    the upper line is as wide as the lower part's full line and the lower part ends
    shorter, across a break that is no likely seam."""
    full, last = lower
    return (
        abs(width(full) - width(above)) <= _EVEN
        and width(last) < width(full)
        and wrapmodel.inside(above, full)
    )


def _full_end(upper: list[str], line: str) -> bool:
    """A part wrapped in two lines whose last is as wide as its first, over one line
    no longer and no wider: the part's last line is full, so its wrap went on.

    A headline's wrap fills every line but its last to the measure; a part that
    ends at the measure ended there by chance or goes on in the line below, and on a
    page of one-part stacks it goes on (`王建功当选黑龙江省` / `人大主任田凤山当选` /
    `黑龙江省省长`, whole-tex 522).
    """
    first, last = upper
    if "—" in first + last + line or len(last) < _FULL:
        return False
    return (
        abs(width(first) - width(last)) <= _SAME
        and len(line) <= len(last)
        and width(line) <= width(last) + _SAME
    )
