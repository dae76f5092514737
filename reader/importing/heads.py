"""Headlines and the lines stacked with them reach over the columns of their story.

The XY-cut of `reading_order` reads side-by-side columns left to right; a short
headline over a four-column body covers one column on paper, and a gutter it does
not cover would cut the page in two from top to bottom. Before cutting, each
headline (and each line of its stack: a bold subtitle, a kicker, a byline centred
over the columns) is given the reach of the column tops right under it.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Sequence

from reader.importing.centring import EM_TOP as EM_TOP
from reader.importing.centring import HEAD as HEAD
from reader.importing.centring import centred, column_edges, heads_near, overlap
from reader.importing.glyphs import Glyph, Segment

_BOLD = 150  # this much heavier than the body (PDF font weight units) is bold
_STACK_CHARS = 40  # longer lines are running text, never part of a headline stack
_INDENT = 2.5  # ems: a paragraph's first line is indented less than this
_OVERLAP = 0.4  # ems a row's loose box may reach down into the next row's
_STACK_NEAR = 0.75  # of a stack's larger type: a line this near is of the same stack,
_CLEAR = 0.5  # ems: a stack line widened stays this far from text on its row
_STACK_BODY = 1.5  # and in ems of the body: Writer's 115% of Noto CJK's line is 1.67 ems
_NOTE_REACH = 2.6  # ems above a note: the full line of its column over the short last one


def _block_tops(segs: list[Segment], body: float, heads: list[Segment]) -> list[Segment]:
    """Body segments with no body line right above them: where column blocks start."""
    taken = {id(h) for h in heads}
    body_segs = sorted((s for s in segs if id(s) not in taken), key=lambda s: s.bottom)
    bottoms = [s.bottom for s in body_segs]
    tops = []
    for seg in body_segs:
        # Rows set tighter than the font's ascent and descent (Chromium rounds a line's
        # height to whole pixels) have loose boxes that overlap the row above a little.
        lo = bisect.bisect_left(bottoms, seg.top - _OVERLAP * body)
        hi = bisect.bisect_right(bottoms, seg.top + body)
        if any(
            o is not seg
            and o.baseline - seg.baseline > 0.5 * seg.size
            and _above_in_column(o, seg, body)
            for o in body_segs[lo:hi]
        ):
            continue
        up = bisect.bisect_right(bottoms, seg.top + _NOTE_REACH * body)
        if hi > lo and _noted(seg, body_segs[lo:hi], body_segs[hi:up], body):
            continue
        tops.append(seg)
    return tops


def _noted(seg: Segment, right_above: list[Segment], higher: list[Segment], body: float) -> bool:
    """`seg` is set flush right under a paragraph's short last line, in the column whose
    full lines end where it ends: a source note (`（何松）`, `（据新华社电）`), not the
    top of a column for a headline on its left to claim. The full line starts where the
    short one does or left of it, by their boxes (an opening mark's ink starts an em's
    half in)."""
    return any(
        o.x0 <= seg.x0
        and abs(o.x1 - seg.x1) < body
        and o.glyphs[0].x0 <= a.glyphs[0].x0 + 0.1 * body
        and a.x1 < seg.x0
        for o in higher
        for a in right_above
    )


def _above_in_column(above: Segment, seg: Segment, body: float) -> bool:
    """`above` (a line right above `seg`) is in its column: over it, or the short last
    line of the paragraph before it, which ends left of an indented first line."""
    return overlap(above, seg) > 0 or seg.x0 - _INDENT * body <= above.x0 < seg.x1


def _text_beside(head: Segment, top: Segment, segs: list[Segment], body: float) -> bool:
    """The column of `top` runs on beside `head`, a headline wholly right of it: the
    headline stands inside the next column (stories one after another down columns)
    and heads its own, not a line further down this one."""
    return any(
        o is not top
        and o is not head
        and o.x0 < top.x1
        and o.x1 > top.x0 - _INDENT * body
        and o.bottom < head.top
        and o.top > head.bottom
        for o in segs
    )


def _ownership(head: Segment, top: Segment, body: float) -> tuple[int, int, float]:
    """Rank headlines for a column top: one on its left first (headlines are set
    flush left and the body runs on to the right), then the nearest above, then
    the horizontally nearest."""
    rows_above = round((head.bottom - top.top) / body)
    right_of_it = 0 if head.x0 <= top.x0 else 1
    return right_of_it, rows_above, -overlap(head, top)


def widen_heads(
    segs: list[Segment],
    body: float,
    apart: Callable[[str], bool] | None = None,
    rules: Sequence[tuple[float, float, float]] = (),
) -> None:
    """Let each headline reach over the columns of the body that starts right under it.

    A short headline over a four-column body covers one column on paper; without
    this, a gutter it does not cover would cut the page in two from top to bottom.
    A column top goes to the nearest headline above it that overlaps it, else to
    the nearest one on its left; a headline never reaches over running text.
    Lines in body type that `apart` names (a byline centred over the columns of
    its story) reach over them the same way, rather than open the column under them.
    A column top right under a rule drawn over its column (`rules`: height, left and
    right) starts a module there: no headline on its left takes it for its next column.
    """
    heads = [
        s
        for s in segs
        if s.size >= HEAD * body
        or (apart is not None and not s.caption and _one_line_apart(s, segs, apart))
    ]
    if not heads:
        return
    heads += _stack_members(segs, heads, body)
    for seg in heads:
        seg.apart = seg.size < HEAD * body
    # A byline set flush with the column under it is that column's: it reaches over
    # the columns it stands over and their next ones, never back to a column beside it.
    flush = {id(h) for h in heads if h.apart and _flush(h, segs, body)}
    tops = sorted((t for t in _block_tops(segs, body, heads) if not t.caption), key=lambda t: t.x0)
    owners = centred(heads, tops, segs, body)  # a headline centred over columns owns them
    for top in tops:  # a headline over a column top owns it
        if id(top) in owners:
            continue
        near = heads_near(heads, top, body)
        over = [h for h in near if overlap(h, top) > 0]
        if not over:
            # An indented first line right of a headline's short last line (`里`): its column.
            lo, hi = column_edges(top, segs, body)
            over = [h for h in near if min(h.x1, hi) - max(h.x0, lo) > 0]
        if over:
            owners[id(top)] = min(over, key=lambda h: _ownership(h, top, body))
    for top in tops:  # the next column of the same body: the owner of its left neighbour
        if id(top) in owners:
            continue
        # Right under a line over its column that a headline owns (a byline set over
        # the story's columns, white space under it): that headline's column.
        lined = [
            t
            for t in tops
            if id(t) in owners and overlap(t, top) > 0 and 0 < t.bottom - top.top <= 3 * body
        ]
        if lined:
            owners[id(top)] = owners[id(min(lined, key=lambda t: t.bottom))]
            continue
        left = _left_neighbour(top, tops, segs, body)
        if left is not None and id(left) in owners:
            owners[id(top)] = owners[id(left)]
            continue
        if _under_rule(top, rules, body):
            continue
        near = [
            h
            for h in heads_near(heads, top, body)
            if id(h) not in flush
            and (h.x0 < top.x1 or not _text_beside(h, top, segs, body))
            and not _headline_between(h, top, heads, body)
        ]
        if near:
            owners[id(top)] = min(near, key=lambda h: _ownership(h, top, body))
    claims: dict[int, list[Segment]] = {}
    for top in tops:
        if id(top) in owners:
            claims.setdefault(id(owners[id(top)]), []).append(top)
    claimed = {id(t) for t in tops if id(t) in owners}
    for head in heads:
        for top in claims.get(id(head), []):
            if _clear_between(head, top, segs, claimed, body):
                head.reach0 = min(head.reach0, top.x0)
                head.reach1 = max(head.reach1, top.x1)
    # The lines of a stack under a headline read before any of its columns: each
    # (a headline's centred second line too) reaches as far as the line it hangs under.
    # Never over a line on its own row (another column's text beside it), nor up to
    # less than a gutter from one.
    stack = sorted(heads, key=lambda h: -h.top)
    clear = _CLEAR * body
    for k, seg in enumerate(stack):
        for above in stack[:k]:
            if _hangs_under(seg, above, body):
                lo, hi = min(seg.reach0, above.reach0), max(seg.reach1, above.reach1)
                if not any(
                    o is not seg
                    and abs(o.baseline - seg.baseline) < 0.3 * seg.size
                    and o.x1 > lo - clear
                    and o.x0 < hi + clear
                    for o in segs
                ):
                    seg.reach0, seg.reach1 = lo, hi


def _under_rule(top: Segment, rules: Sequence[tuple[float, float, float]], body: float) -> bool:
    """A rule drawn right over `top`, across its column and not far past it (one across
    the page is a row's, with the headlines of the row under it)."""
    return any(
        0 <= y - top.top <= 1.5 * body
        and x0 <= top.x0 + body
        and x1 >= top.x1 - body
        and x1 - x0 <= (top.x1 - top.x0) + 3 * body
        for y, x0, x1 in rules
    )


def _stack_members(segs: list[Segment], heads: list[Segment], body: float) -> list[Segment]:
    """Lines of a headline's stack in display type too small to be headlines (a bold
    subtitle or kicker at about body size): alone on their row, right under or over a
    headline or another such line, they reach over its columns as it does."""
    weights = Counter(g.weight for s in segs for g in s.glyphs if abs(g.size - body) < 0.06 * body)
    plain = weights.most_common(1)[0][0] if weights else 400
    # The body's face: most body-type lines'. A line in another (a Kai subtitle at body
    # size and weight) is set apart as a bold one is.
    faces: Counter[int] = Counter()
    for s in segs:
        middle = s.glyphs[len(s.glyphs) // 2]  # an ideograph, more likely than the ends
        if abs(s.size - body) < 0.06 * body and middle.weight < plain + _BOLD:
            faces[middle.face] += len(s.glyphs)
    face = faces.most_common(1)[0][0] if len(faces) > 1 else None
    taken = {id(h) for h in heads}
    found: list[Segment] = []
    for seg in segs:
        if id(seg) in taken or len(seg.glyphs) > _STACK_CHARS:
            continue
        heavy = sum(g.weight >= plain + _BOLD for g in seg.glyphs) * 2 > len(seg.glyphs)
        if face is not None and not heavy and not seg.caption and _mixed(seg.glyphs, face):
            ideographs = [g.face for g in seg.glyphs if _ideograph(g.char)]
            heavy = sum(f != face for f in ideographs) * 2 > len(ideographs)
        if (heavy or seg.size >= 1.06 * body) and _one_line_apart(seg, segs, lambda _: True):
            found.append(seg)
    members: list[Segment] = []
    grown = True
    while grown:
        grown = False
        for seg in found:
            if any(seg is m for m in members):
                continue
            if any(_stacked(seg, h, body) for h in itertools.chain(heads, members)):
                members.append(seg)
                grown = True
    return members


def _ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _mixed(glyphs: list[Glyph], face: int) -> bool:
    """Some of the line is set in another face than `face`, by its first, middle and
    last glyph (a line mostly in another face shows it there; walking every glyph of
    every line would cost the page's whole text again)."""
    return any(glyphs[k].face != face for k in (0, len(glyphs) // 2, -1))


def _hangs_under(seg: Segment, above: Segment, body: float) -> bool:
    """`seg` sits right under `above` (`_stacked`); where their loose boxes overlap, their
    em boxes do not (cairo states Typst's type by its line metrics, 1.45 em tall: a
    headline's line set 1.03 em apart reaches into the next, and into a dateline)."""
    if above.bottom >= seg.top:
        return _stacked(seg, above, body)
    if overlap(seg, above) <= 0:
        return False
    gap = max(above.bottom, above.baseline - (1 - EM_TOP) * above.size) - min(
        seg.top, seg.baseline + EM_TOP * seg.size
    )
    near = max(_STACK_BODY * body, _STACK_NEAR * max(above.size, seg.size))
    return 0 <= gap <= near


def _stacked(seg: Segment, head: Segment, body: float) -> bool:
    """`seg` sits right under or right over `head`, within its width: as near as a line
    of the larger type's own would, or a line and a half of the body (Writer sets a
    body-size subtitle 0.73 of a 16 pt headline's size under its box, 1.33 ems of the
    body under a 15 pt one: the headline's margin and line heights between)."""
    if overlap(seg, head) <= 0:
        return False
    near = max(_STACK_BODY * body, _STACK_NEAR * max(head.size, seg.size))
    return 0 <= head.bottom - seg.top <= near or 0 <= seg.bottom - head.top <= near


def _flush(seg: Segment, segs: list[Segment], body: float) -> bool:
    """Body lines just under the segment start where it starts."""
    return any(
        o is not seg and abs(o.x0 - seg.x0) < 1.0 and 0 < seg.bottom - o.top < 6 * body
        for o in segs
    )


def _one_line_apart(seg: Segment, segs: list[Segment], apart: Callable[[str], bool]) -> bool:
    """A line `apart` names, with nothing beside it on its row within its reach."""
    if not apart(seg.text()):
        return False
    return not any(
        o is not seg
        and abs(o.baseline - seg.baseline) < 0.3 * seg.size
        and overlap(o, seg) > -seg.size
        for o in segs
    )


def _left_neighbour(
    top: Segment, tops: list[Segment], segs: list[Segment], body: float
) -> Segment | None:
    """The column top on the same line just left of `top`, with nothing between."""
    row = [t for t in tops if t.x1 <= top.x0 and abs(t.baseline - top.baseline) <= 0.3 * body]
    if not row:
        return None
    left = max(row, key=lambda t: t.x1)
    for seg in segs:  # (the box tests first: they rule out most segments for less)
        if seg.x0 < top.x0 and seg.x1 > left.x1 and seg is not left and _beside(seg, top, body):
            return None
    return left


def _beside(seg: Segment, top: Segment, body: float) -> bool:
    """`seg` stands on the row of `top`: their boxes overlap more than the rows of one
    column set tight do (`_OVERLAP`)."""
    return min(seg.top, top.top) - max(seg.bottom, top.bottom) > _OVERLAP * body


def _headline_between(head: Segment, top: Segment, heads: list[Segment], body: float) -> bool:
    """Another headline stands between a column top and a headline right of it, above
    the top and no lower than the headline: a headline never reaches over another."""
    return head.x0 >= top.x1 and any(
        g is not head
        and top.x1 <= g.x0
        and g.x1 <= head.x0
        and not g.apart
        and top.top < g.bottom < head.top + 2 * body
        for g in heads
    )


def _clear_between(
    head: Segment, top: Segment, segs: list[Segment], claimed: set[int], body: float
) -> bool:
    """Nothing but column tops under headlines lies beside `top` between it and the
    headline: a headline does not reach over another story's running column. `claimed`
    holds the ids of the column tops some headline owns."""
    lo, hi = (head.x1, top.x0) if top.x0 >= head.x1 else (top.x1, head.x0)
    for seg in segs:  # (the box tests first: they rule out most segments for less)
        if seg.x1 <= lo or seg.x0 >= hi or seg is top or seg is head or id(seg) in claimed:
            continue
        if _beside(seg, top, body):
            return False
    return True
