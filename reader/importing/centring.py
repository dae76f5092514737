"""Which column tops a headline stands over: the geometry `heads.widen_heads` reads.

A headline centred over the run of column tops under it owns them all, whatever
headline stands on their left; the edges of a column are its first lines' ink, a
paragraph's indent aside. Pure geometry on segments, no PDF library.
"""

from __future__ import annotations

from reader.importing.glyphs import Segment

HEAD = 1.15  # a font this much larger than the body is a headline's
_DESCENT = 0.15  # ems of a headline's size its box may reach below its baseline
_CENTRED = 1.0  # ems: a headline's middle this near the middle of some columns is centred
_GUTTER_MAX = 3.0  # ems: columns further apart than this are not side by side
EM_TOP = 0.88  # of the size: the top of a CJK face's em box over the baseline


def overlap(a: Segment, b: Segment) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def centred(
    heads: list[Segment], tops: list[Segment], segs: list[Segment], body: float
) -> dict[int, Segment]:
    """Column tops under a headline centred over them, with that headline.

    A headline centred over a story of three columns may cover only the middle one;
    the columns on either side are its story's all the same, whatever headline stands
    on their left (the nearest-on-the-left rule would hand them to the story beside).
    The PDF states it: the headline's middle is the middle of the run of column tops
    side by side under it, measured from the columns' edges. Only runs of two columns
    or more count, and none where another headline, not centred there, stands over one
    of the tops; a headline set flush with a column's left edge is not centred (filling
    one column, its middle is also the middle of that column and its two neighbours).
    """
    out: dict[int, Segment] = {}
    if not tops:
        return out
    by_row: list[list[Segment]] = []
    for top in sorted(tops, key=lambda t: (-t.baseline, t.x0)):
        if by_row and abs(by_row[-1][0].baseline - top.baseline) <= 0.3 * body:
            by_row[-1].append(top)
        else:
            by_row.append([top])
    for row in (sorted(r, key=lambda t: t.x0) for r in by_row if len(r) > 1):
        near = _lines(_stack_over(heads, heads_near(heads, row[0], body), body), body)
        if not near:
            continue
        edges = [column_edges(t, segs, body) for t in row]
        side = [
            edges[k + 1][0] - edges[k][1] <= _GUTTER_MAX * body
            and not _between(row[k], edges[k][1], edges[k + 1][0], segs)
            for k in range(len(row) - 1)
        ]
        for head, (x0, x1) in near:
            if any(_flush_left(x0, x1, lo, hi, body) for lo, hi in edges):
                continue  # set flush left over a column: its middle says nothing
            best: tuple[int, int] | None = None
            for i in range(len(row)):
                for j in range(i + 1, len(row)):
                    if not side[j - 1]:
                        break
                    lo, hi = edges[i][0], edges[j][1]
                    middle = (lo + hi) / 2
                    if abs(middle - (x0 + x1) / 2) > _CENTRED * body or x0 < lo - body:
                        continue
                    if x1 > hi + body or (best and best[1] - best[0] >= j - i):
                        continue
                    if any(
                        min(b, row[k].x1) > max(a, row[k].x0)
                        and abs((a + b) / 2 - middle) > _CENTRED * body
                        for _, (a, b) in near
                        for k in range(i, j + 1)
                    ):
                        continue  # another headline stands over one of them
                    best = (i, j)
            if best:
                for k in range(best[0], best[1] + 1):
                    out.setdefault(id(row[k]), head)
    return out


def _stack_over(heads: list[Segment], near: list[Segment], body: float) -> list[Segment]:
    """The heads near a row of column tops and the lines of their stacks above them: a
    headline over a subtitle set a column wide is more than three ems above the tops,
    and its middle tells where the story's columns are."""
    out = list(near)
    for seg in out:
        out += [
            h
            for h in heads
            if all(h is not o for o in out)
            and 0 <= h.bottom - seg.top <= 1.5 * body
            and overlap(h, seg) > 0
        ]
    return out


def _flush_left(x0: float, x1: float, lo: float, hi: float, body: float) -> bool:
    """A headline from `x0` to `x1` set flush left over the column from `lo` to `hi`:
    within half an em of its edge, but not centred in it a point or more in from both
    edges (a headline about a column wide centred over three columns is also centred
    over the middle one; TeX set one 1.5 and one 3.7 pt in)."""
    left, right = x0 - lo, hi - x1
    if abs(left) >= 0.5 * body:
        return False
    return not (left > 0.1 * body and abs(left - right) < 0.2 * body)


def _lines(heads: list[Segment], body: float) -> list[tuple[Segment, tuple[float, float]]]:
    """Headline segments on one baseline with less than an em between them (one line
    split at a mark) as one line: its largest segment and its extent, largest type first."""
    out: list[tuple[Segment, tuple[float, float]]] = []
    for seg in sorted(heads, key=lambda h: h.x0):
        for k, (head, (x0, x1)) in enumerate(out):
            if abs(head.baseline - seg.baseline) < 0.3 * seg.size and -body < seg.x0 - x1 < body:
                out[k] = (head if head.size >= seg.size else seg, (x0, max(x1, seg.x1)))
                break
        else:
            out.append((seg, (seg.x0, seg.x1)))
    return sorted(out, key=lambda line: -line[0].size)


def column_edges(top: Segment, segs: list[Segment], body: float) -> tuple[float, float]:
    """The left and right edges of the column a top opens: its first few lines' outer
    edges, measured by ink (a paragraph's indent and marks in the gutters count little)."""
    lo, hi = top.glyphs[0].ink_x0, top.glyphs[-1].ink_x1
    for seg in segs:
        if 0 < top.top - seg.top <= 4 * body and overlap(seg, top) > 0 and seg.size < HEAD * body:
            lo = min(lo, seg.glyphs[0].ink_x0)
            hi = max(hi, seg.glyphs[-1].ink_x1)
    return lo, hi


def _between(row: Segment, lo: float, hi: float, segs: list[Segment]) -> bool:
    """Some segment on the row of a column top lies between `lo` and `hi`: the columns
    on either side are not side by side."""
    return any(lo < s.x1 and s.x0 < hi and row.bottom < s.top and s.bottom < row.top for s in segs)


def heads_near(heads: list[Segment], top: Segment, body: float) -> list[Segment]:
    # A headline's loose box reaches below its baseline by the font's descent, maybe
    # into the first row of a column it heads (a centred headline set tight on it).
    # Where the producer states the face by its line metrics (cairo: 0.288 em under the
    # baseline, Typst's own box 0.12), their em boxes tell how near they are.
    crest = top.baseline + EM_TOP * top.size
    return [
        h
        for h in heads
        if h.bottom - top.top <= 3 * body
        and (0 if h.apart else -_DESCENT * h.size)
        <= max(h.bottom, h.baseline - (1 - EM_TOP) * h.size) - min(top.top, crest)
    ]
