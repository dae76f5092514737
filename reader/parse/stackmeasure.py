"""Two parts of a stack set at one measure: one headline wrapped where its phrases meet.

A headline in display type fills each line but its last to the measure of its span;
a kicker or a subtitle, set smaller over the same span, holds more characters a line
(`stacktype`). Two parts whose full lines are of one width are then of one type: one
headline that the line breaker happened to break where its two phrases meet
(`祝愿祖国明天` / `更加繁荣昌盛` / `香港大学生在` / `京度佳节`, Chromium's narrow
column), which the wrap model reads as a seam of two parts, and the position rule as
headline + subtitle. The corpus prints such two-phrase headlines as one line, and so
do real papers' one-line 主题 broken over a narrow column.

- `full_over`: a part wrapped over two lines or more that ends as wide as it starts
  ended full, so its wrap went on; a part under it whose first line is as wide again,
  and no line of it wider, is that wrap's rest (whole-chrome 595, 209, 205, 549).
- `shown_over`: one line over a wrapped part whose full line is as wide: the line is
  the wrap's first where the width is the page's own measure over the story's column
  (`_SHOWN` full lines of the other stacks' wraps there), and the page prints few parts
  (`measures.Shown.parts_rare`). The pooled pages print kickers as wide as their
  headline's measure (`山西大同市闻诚` over `只要人人都献出` / `爱`), every other story
  with a part more: there the gate stays closed (`stacks._one_measure` asks the
  wording then). One other wrap at that width may match by chance (`一场雪不仅仅是一场雪`
  over `中国足协将加速培养青` / `年队员` beside one wrap of ten ems,
  tests/test_stack_one_part_page.py); two are the page's habit.

On the read pages (whole-* and pooled rows, seeds 1-599, both engines) `full_over`
fired on 5 whole-article stacks, all one headline, and on no pooled stack;
`shown_over` on 7 whole-article stacks (6 one headline, one a neighbour's line glued
on before) and 2 pooled ones, one headline each (at one other line 10 and 8, and a
pooled kicker joined too).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.parse import measures, roles
from reader.parse.text import join_lines, width

_EVEN = 0.5  # ems: full lines of one wrap differ by no more (a digit's half em)
_LEAST = 4  # characters: the least a full line of a wrapped headline holds here
_SHOWN = 2  # full lines of the page's other wraps at the width: its measure


def full_over(grouped: list[list[str]]) -> tuple[None, str, None] | None:
    """One headline of two parts when the upper is wrapped and ends full and the lower
    starts at that measure and runs no wider; else None."""
    if len(grouped) != 2 or len(grouped[0]) < 2:
        return None
    upper, lower = grouped
    if any("—" in line for line in upper + lower) or len(upper[0]) < _LEAST:
        return None
    measure = width(upper[0])
    if any(abs(width(line) - measure) > _EVEN for line in upper):
        return None  # the upper part ends short: it ended where its phrase did
    if abs(width(lower[0]) - measure) > _EVEN:
        return None
    if any(width(line) > width(lower[0]) + _EVEN for line in lower):
        return None
    return None, join_lines(upper + lower), None


def shown_over(
    grouped: list[list[str]], body: Sequence[list[str]], shown: measures.Shown | None
) -> tuple[None, str, None] | None:
    """One headline of a line over a wrapped part at its width, where the page shows that
    width as its measure over the story's column and prints few parts; else None."""
    if shown is None or len(grouped) != 2 or len(grouped[0]) != 1 or len(grouped[1]) < 2:
        return None
    (above,), lower = grouped
    if any("—" in line for line in (above, *lower)) or len(above) < _LEAST:
        return None
    full = width(lower[0])
    if abs(width(above) - full) > _EVEN or any(width(line) > full + _EVEN for line in lower):
        return None
    if not shown.parts_rare():
        return None
    column = roles.body_measure(body)  # (measured only for the few stacks so shaped)
    if not column:
        return None
    for wide in {width(above), full}:
        own = sum(width(line) == wide for line in lower[:-1])
        if shown.count(column, wide) - own >= _SHOWN:
            return None, join_lines([above, *lower]), None
    return None
