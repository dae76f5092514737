"""A stack whose first part wraps narrower than every line under it: headline, subtitle.

A headline is the stack's display type, the largest: set over the same span it
holds the fewest characters a line of all the stack's parts. A kicker is set
smaller than its headline, so a wrapped kicker's full line is as wide as the
headline's lines or wider. When the first part of a stack is wrapped and every
line under it (but the stack's last, a wrap's rest) is wider than its full line
by more than a ragged margin, the first part is the larger type: the headline,
and what stands under it, in smaller type, its subtitle, however the wrap model
grouped those lines (`国务院召开第６５次` / `常务会议` over `李鹏主持讨论并原则通过` /
`《中华人民共和国土地管理` / `法（修订草案）》`, a subtitle wrapped at eleven ems under a
headline wrapped at nine; a headline wrapped at twelve over a subtitle wrapped at
twenty-three). Dashes decide where they stand (`stacks.split_stack`).
"""

from __future__ import annotations

from reader.parse.text import join_lines, width

_WIDER = 1.5  # ems: more than a wrap's ragged lines differ (TeX's, squeezed marks)


def head_first(grouped: list[list[str]]) -> tuple[None, str, str] | None:
    """No kicker, the first part the headline and the rest its subtitle, when the first
    part wraps narrower than every line under it but the last; else None."""
    if len(grouped) < 2 or len(grouped[0]) < 2:
        return None
    first, rest = grouped[0], [line for part in grouped[1:] for line in part]
    if len(rest) < 2 or any("—" in line for line in first + rest):
        return None
    measure = max(width(line) for line in first[:-1])
    under = [width(line) for line in rest[:-1]]
    if min(under) < measure + _WIDER or width(rest[-1]) > max(under) + _WIDER:
        return None
    return None, join_lines(first), join_lines(rest)
