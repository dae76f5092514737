"""Roles in a headline stack told by its parts' measures: display type, smaller type, one wrap.

A stack whose first part wraps narrower than every line under it: headline, subtitle.

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
story's body is body type spread wide: the subtitle (`spread_below`). A line one
character short of the wrap under it, where a mark forced the break early, is that
wrap's first line (`kinsoku_wrap`). Parts of one measure are one headline wrapped
(`stackmeasure`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.parse import measures, roles, stackmeasure
from reader.parse.text import OPENING_MARKS, join_lines, width

_WIDER = 1.5  # ems: more than a wrap's ragged lines differ (TeX's, squeezed marks)
_SPREAD = 2  # columns: a part this wide is body type spread over two
_HALF = 0.5  # ems: a squeezed mark


def by_type(
    grouped: list[list[str]],
    body: Sequence[list[str]],
    shown: measures.Shown | None = None,
) -> tuple[None, str, str | None] | None:
    """Headline and subtitle of a stack whose parts' measures tell display type from
    smaller (`head_first`, `spread_below`) or one wrap (`kinsoku_wrap`,
    `stackmeasure`); else None. `shown`: the page's measures (`measures.Shown`)."""
    if len(grouped[0]) >= 2:
        return stackmeasure.full_over(grouped) or head_first(grouped)
    if len(grouped) == 2 and len(grouped[0]) == 1 and len(grouped[1]) >= 2:
        return (
            spread_below(grouped, body)
            or kinsoku_wrap(grouped)
            or stackmeasure.shown_over(grouped, body, shown)
        )
    return None  # (most stacks: parts of one line each, asked no further)


def head_first(grouped: list[list[str]]) -> tuple[None, str, str] | None:
    """No kicker, the first part the headline and the rest its subtitle, when the first
    part wraps narrower than every line under it but the last; else None.

    Not over one wrapped part taking more lines than the first: the pooled Typst pages
    print a kicker wrapped in two short lines over a headline of three so
    (`stacks._smaller_above`, tests/test_stack_roles.py), and the page text shows no
    more than that; a subtitle the wrap model cut in two, or the first part as long
    as the part under it, is read here.
    """
    if len(grouped) < 2 or len(grouped[0]) < 2:
        return None
    if len(grouped) == 2 and len(grouped[1]) > len(grouped[0]):
        return None  # one wrap below taking more lines: `stacks._smaller_above` reads it
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


_CLOSE = "，。、；：！？”’》）)」』〉"  # marks a line may not start with
_SHORT = 1.5  # ems: a line cut short by one character and a mark, at most


def kinsoku_wrap(grouped: list[list[str]]) -> tuple[None, str, None] | None:
    """One headline of a line over a part wrapped at one measure, when the line is a
    character short of that measure and the part starts where a line breaker must
    break early: at an opening mark, or a character before a closing one.

    A line may not end on an opening bracket or quote nor start with a comma or a
    closing mark, so a wrap whose measure falls there breaks a character early: its
    first line comes out one em short of the lines under it (a line of five ems over a
    film's title of six in brackets and the rest, Chromium's narrow column,
    whole-chrome 594; a noun broken before its last character and a comma, 524).
    `stacks._one_measure` asks the two to be as wide within half an em and reads the
    line as a kicker. On the read pages 5 stacks
    right (whole-chrome 4, pooled chrome 1) and one pooled kicker joined to its
    headline (typeset 297: a kicker a character short of the headline's measure
    over a headline opening on a quoted word prints the same).
    """
    if len(grouped) != 2 or len(grouped[0]) != 1 or len(grouped[1]) < 2:
        return None
    (above,), below = grouped
    first = below[0]
    if (
        len(first) < 2
        or not (first[0] in OPENING_MARKS or first[1] in _CLOSE)
        or "—" in above + first
    ):
        return None
    full = [width(line) for line in below[:-1]]
    if max(full) - min(full) > _HALF or width(below[-1]) > max(full) + _HALF:
        return None  # the part below is no wrap of one measure
    if not _HALF <= min(full) - width(above) <= _SHORT:
        return None
    return None, join_lines([above, *below]), None
