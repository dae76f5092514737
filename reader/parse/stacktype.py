"""A stack whose first part wraps narrower than every line under it: headline, subtitle.

A headline is the stack's display type, the largest: set over the same span it
holds the fewest characters a line of all the stack's parts. A kicker is set
smaller than its headline, so a wrapped kicker's full line is as wide as the
headline's lines or wider. When the first part of a stack is wrapped and every
line under it (but the stack's last, a wrap's rest) is wider than its full line
by more than a ragged margin, the first part is the larger type: the headline,
and what stands under it, in smaller type, its subtitle, however the wrap model
grouped those lines (a subtitle wrapped at eleven ems and cut in two before its
bracketed title, under a headline wrapped at nine, whole-typeset 217, whole-tex 579,
whole-chrome 596; a headline wrapped at twelve over a subtitle wrapped at
twenty-three, whole-typeset 237). Dashes decide where they stand
(`stacks.split_stack`). A part under one line that wraps at two columns of the
story's body is body type spread wide: the subtitle (`spread_below`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.parse import roles
from reader.parse.text import join_lines, width

_WIDER = 1.5  # ems: more than a wrap's ragged lines differ (TeX's, squeezed marks)
_SPREAD = 2  # columns: a part this wide is body type spread over two
_HALF = 0.5  # ems: a squeezed mark


def by_type(grouped: list[list[str]], body: Sequence[list[str]]) -> tuple[None, str, str] | None:
    """Headline and subtitle of a stack whose parts' measures tell display type from
    smaller (`head_first`, `spread_below`); None when they do not."""
    return head_first(grouped) or spread_below(grouped, body)


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


def spread_below(
    grouped: list[list[str]], body: Sequence[list[str]]
) -> tuple[None, str, str] | None:
    """No kicker, the line the headline and the part under it its subtitle, when that
    part wraps at twice the story's column (`roles.body_measure` of its paragraphs
    `body`) or wider and at twice the line over it.

    A part whose full lines hold two columns of characters is set no larger than the
    body across two columns (display type there would need nearly three), so it is
    no headline, whatever `stacks._smaller_above` reads into its wrapping first: a
    one-line headline of twelve ems over a subtitle wrapped at twenty-seven in a story
    of thirteen (whole-typeset 590). At one and a
    half times either way the pooled pages' wrapped headlines under their kickers
    turn (typeset 2 stacks); at twice, none on the read pages.
    """
    if len(grouped) != 2 or len(grouped[0]) != 1 or len(grouped[1]) < 2:
        return None
    (above,), below = grouped
    full = min(width(line) for line in below[:-1])
    if full < _SPREAD * width(above) or any("—" in line for line in grouped[0] + below):
        return None  # (dashes decide)
    measure = roles.body_measure(body)  # (measured only for the few stacks so shaped)
    if not measure or full < _SPREAD * measure - _HALF:
        return None
    return None, above, join_lines(below)
