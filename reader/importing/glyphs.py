"""Glyphs from a PDF page and the segments they make: one baseline, no gutter between.

Pure geometry, no PDF library. A glyph is one character with its box and type; a
segment is a run of glyphs on one baseline with no gutter between them, the unit
`reader.importing.reading_order` puts into columns and reading order.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from reader.importing.segment import (
    HANGS,
    OPENS,
    WORD_SPACE,
    Glyph,
    Segment,
    body_size,
    make_glyph,
)
from reader.importing.tracking import tracked

__all__ = ["Glyph", "Segment", "body_size", "make_glyph", "segments"]

# Thresholds in ems of the body font size.
_GUTTER = 0.5  # a gap this wide inside a baseline splits it into two segments
_DISPLAY = 1.15  # of the body size: headline type
_NARROW = 0.15  # a gap this wide splits a row where the rows around show a gutter
_HEAD_GUTTER = 0.6  # in ems of the line's own size: large type keeps its ¼-em digit spaces
_STRIP_ROWS = 4.0  # ems up or down: the rows that show whether a strip is a gutter
_STRIP_PAD = 0.15  # ems of the strip's ends left out (the ink is guessed, boxes touch)
_BOLDER = 150  # this much heavier (PDF font weight units) is another type
_STRETCHED = 1.5  # ems of the type: a wider gap is a gutter unless printed across at its ends
# ems: a glyph starts flush with a column this near its start; after a closing mark (a
# line's end) up to _FLUSH_MARK: a digit set with the fonts' `palt` sits left of its em
_FLUSH = 0.05
_FLUSH_MARK = 0.15
_ABUT = 0.01  # ems: boxes this near each other are one run of advances
_STRETCHED_MAX = 3.5  # ems of the type: a wider gap is a gutter whatever the rows around print


def segments(glyphs: Sequence[Glyph], body: float) -> list[Segment]:
    """Group glyphs into segments: same baseline, same size class, no gutter between."""
    printable = [g for g in glyphs if g.x1 >= g.x0 and g.top >= g.bottom]
    ordered = sorted(printable, key=lambda g: (-g.baseline, g.x0))
    rows: list[list[Glyph]] = []
    for glyph in ordered:
        if rows and abs(rows[-1][0].baseline - glyph.baseline) <= 0.3 * min(
            rows[-1][0].size, glyph.size
        ):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    for row in rows:
        row.sort(key=lambda g: g.x0)
        _order_pairs(row)
    middles, cuts = _gutters(rows, body, _Strips(rows))
    cuts -= tracked(rows, body)
    gutters = sorted(middles)
    out: list[Segment] = []
    for row in rows:
        current: list[Glyph] = []
        for glyph in row:
            if current:
                prev = current[-1]
                if prev.char == glyph.char and _same_spot(prev, glyph):
                    continue  # fake bold: the same glyph drawn twice
                if id(glyph) in cuts:
                    out.append(Segment(current))
                    current = []
            current.append(glyph)
        if current:
            out.append(Segment(current))
    edges: _Edges | None = None
    for seg in out:
        last = seg.glyphs[-1]
        if last.ink_x1 < last.x1:
            lo = bisect.bisect_left(gutters, last.x0)
            # Body type hangs its marks into gutters: one other row showing the gutter
            # is enough; a mark at the end of a line in display type needs two.
            seen = 1 if last.size < _DISPLAY * body else 2
            edges = edges or _Edges(out)
            if bisect.bisect_right(gutters, last.x1 + body) - lo >= seen or (
                last.size < _DISPLAY * body and edges.ends(last, body)
            ):
                # Hung into a gutter other rows show: the gutter is as wide as theirs.
                seg.x1 = seg.reach1 = max(g.ink_x1 for g in seg.glyphs)
        first = seg.glyphs[0]
        if first.ink_x0 > first.x0:
            hi = bisect.bisect_right(gutters, first.x1)
            edges = edges or _Edges(out)
            if hi - bisect.bisect_left(gutters, first.x0 - body) >= 2 or edges.starts(first, body):
                # Pulled into a gutter at the line's start: measured by its ink too.
                seg.x0 = seg.reach0 = min(g.ink_x0 for g in seg.glyphs)
    return [s for s in out if s.text()]


def _order_pairs(row: list[Glyph]) -> None:
    """A closing and an opening mark squeezed together (`）（` set in one em with the
    fonts' `halt`; xeCJK's `。“`, `，“`, `。（` whose opening mark, set half wide, is
    kerned back over the closing one's box) may have boxes in the wrong order: the one
    of the opening mark starts first. Their ink tells: the closing mark prints in the
    left of its box, the opening one in the right of its own. Two closing marks squeezed
    into one box's start (xeCJK's `”，`, `。。`: the second kerned back to where the
    first starts) print alike; the order the PDF draws them in tells."""
    for k in range(len(row) - 1):
        a, b = row[k], row[k + 1]
        if (
            a.char in OPENS
            and b.char in HANGS
            and b.x0 < a.x1
            and b.x0 + 0.25 * b.size < a.x1 - 0.25 * a.size
        ) or (
            a.char in HANGS
            and b.char in HANGS
            and abs(b.x0 - a.x0) < 0.15 * a.size
            and a.index > b.index >= 0
        ):
            row[k], row[k + 1] = b, a


def _within(baselines: list[float], baseline: float, reach: float) -> tuple[int, int]:
    """The slice of rows (their baselines negated, so top down) within `reach` of `baseline`."""
    return (
        bisect.bisect_left(baselines, -baseline - reach),
        bisect.bisect_right(baselines, -baseline + reach),
    )


class _Edges:
    """Where the rows around a mark end and start: a column's edges.

    Columns side by side need not share baselines (another story's leading); then no
    row shows the gutter as a gap, but the column's own rows still end at its right
    edge and start at its left: a closing mark whose box starts where two other rows
    end hangs past that edge, and an opening mark whose ink starts where they start
    is pulled into the gutter.
    """

    def __init__(self, segs: list[Segment]) -> None:
        self.segs = sorted(segs, key=lambda s: -s.baseline)
        self.baselines = [-s.baseline for s in self.segs]

    def _near(self, glyph: Glyph, body: float) -> list[Segment]:
        lo, hi = _within(self.baselines, glyph.baseline, _STRIP_ROWS * body)
        return [s for s in self.segs[lo:hi] if s.baseline != glyph.baseline]

    def ends(self, mark: Glyph, body: float) -> bool:
        return (
            sum(
                abs(s.glyphs[-1].x1 - mark.x0) < 0.3 * body
                and s.glyphs[-1].ink_x1 == s.glyphs[-1].x1
                for s in self._near(mark, body)
            )
            >= 2
        )

    def starts(self, mark: Glyph, body: float) -> bool:
        return (
            sum(
                abs(s.x0 - mark.ink_x0) < 0.5 * body and s.glyphs[0].ink_x0 == s.glyphs[0].x0
                for s in self._near(mark, body + mark.size)
            )
            >= 2
        )


def _gutters(rows: list[list[Glyph]], body: float, strips: _Strips) -> tuple[list[float], set[int]]:
    """Where rows split: the middles of the gaps wide enough by themselves, and the
    ids of the glyphs that start a new segment (those gaps, and the narrower ones the
    rows around show to be gutters).

    A gap wider than a gutter splits, as does a change of type size. A closing mark
    hung into the gutter (or an opening one pulled into it) leaves less than that;
    the gap is measured from its ink, but only where the rows around leave that strip
    white too (`_Strips`).
    """
    middles: list[float] = []
    cuts: set[int] = set()
    least, narrow = _GUTTER * body, _NARROW * body
    for row in rows:
        prev: Glyph | None = None
        for glyph in row:
            # (max, min and _same_spot spelt out: this runs for every pair of neighbours)
            if prev is not None and (prev.char != glyph.char or not _same_spot(prev, glyph)):
                ratio = glyph.size / prev.size if prev.size else 1.0
                gutter = _HEAD_GUTTER * (prev.size if prev.size < glyph.size else glyph.size)
                if least >= gutter:
                    gutter = least
                gap = glyph.x0 - prev.x1
                if not (0.8 <= ratio <= 1.25) or (
                    gap > gutter and not strips.across(prev, glyph, body, gap)
                ):
                    middles.append((prev.x1 + glyph.x0) / 2)
                    cuts.add(id(glyph))
                elif _may_split(prev, glyph, gap, narrow) and (
                    _set_apart(prev, glyph, ratio, gap, body)
                    or _narrow_gutter(prev, glyph, gutter, gap <= least, body, strips)
                ):
                    cuts.add(id(glyph))
            prev = glyph
    return middles, cuts


def _may_split(prev: Glyph, glyph: Glyph, gap: float, narrow: float) -> bool:
    """Whether a gap under a gutter's width may still split (`_set_apart`,
    `_narrow_gutter`): wider than `narrow` (`_NARROW` ems), or beside a mark whose ink
    lies inside its box. Asked of every pair of neighbours so that most, side by side in
    a line, are passed over without the two tests: between other glyphs the gap from ink
    to ink is the gap between the boxes, and both tests ask more than `narrow` of it."""
    return gap > narrow or prev.char in HANGS or glyph.char in OPENS


def _narrow_gutter(
    prev: Glyph, glyph: Glyph, gutter: float, flush: bool, body: float, strips: _Strips
) -> bool:
    """A gap narrower than a gutter that is one all the same: measured from the ink (a
    mark hung into the gutter) where the rows around leave it white, or where the rows
    around show a gutter (two headlines side by side, a credit set up to the next column).
    A mark whose box the next glyph's box starts right at is not hung: one run of
    advances (Writer's `》出` in a subtitle centred over a gutter)."""
    return (
        glyph.ink_x0 - prev.ink_x1 > gutter
        and abs(glyph.x0 - prev.x1) > _ABUT * body
        and strips.white(prev, glyph, body)
        and not strips.printed(prev, glyph, body, (prev.ink_x1 + glyph.ink_x0) / 2)
    ) or (glyph.x0 - prev.x1 > _NARROW * body and strips.gutter(prev, glyph, body, flush=flush))


def _set_apart(prev: Glyph, glyph: Glyph, ratio: float, gap: float, body: float) -> bool:
    """Another size on another baseline, with white between: two lines set apart (two
    stories' kickers side by side), never one line."""
    return (
        gap > _NARROW * body
        and not 0.95 <= ratio <= 1.05
        and abs(glyph.baseline - prev.baseline) > 0.05 * prev.size
    )


class _Strips:
    """Whether a strip of a row is white in the rows around it too: a gutter.

    A closing mark hung into the gutter leaves a gap after its ink as wide as the
    gutter; the same mark inside a line leaves about that much before the next
    character. The rows just above and below in the same type tell the two apart:
    across a gutter they print nothing, across the middle of a column they print
    characters (a row or two may have a mark at the very same place).
    """

    def __init__(self, rows: list[list[Glyph]]) -> None:
        self.rows = rows
        self.baselines = [-row[0].baseline for row in rows]  # rows run top down
        self.starts = [[g.ink_x0 for g in row] for row in rows]
        # A glyph's own row, which shows nothing about it: its first glyph may sit a
        # little off the others' baseline (WeasyPrint sets an opening quote so).
        self.row_of = {id(g): k for k, row in enumerate(rows) for g in row}

    def white(self, mark: Glyph, glyph: Glyph, body: float) -> bool:
        lo_x, hi_x = mark.ink_x1 + _STRIP_PAD * body, glyph.ink_x0 - _STRIP_PAD * body
        if glyph.x0 - _STRIP_PAD * body > lo_x:
            # An opening mark set at a column's start has its ink in its box's right
            # half: the rows around start printing at its box, not its ink.
            hi_x = min(hi_x, glyph.x0 - _STRIP_PAD * body)
        reach = _STRETCHED * _STRIP_ROWS * body
        lo, hi = _within(self.baselines, mark.baseline, reach)
        own = self.row_of.get(id(mark), -1)
        printed = witnesses = 0
        display = mark.size >= _DISPLAY * body
        ended = display
        least = -2 * body if display else -_STRIP_PAD * body
        for k in range(lo, hi):
            row = self.rows[k]
            if k == own:
                continue
            # Glyphs that start before the strip's end; the last few may reach into it.
            end = bisect.bisect_left(self.starts[k], hi_x)
            if any(
                g.ink_x1 > lo_x
                and _same_type(g, mark)
                and not g.char.isspace()
                and not _across_face(g, mark, glyph)
                # a mark ending its line there as the mark does (squeezed otherwise)
                and not (
                    j == end - 1 and g.char in HANGS and mark.char in HANGS and _ends_line(row, j)
                )
                for j, g in enumerate(row[max(0, end - 3) : end], start=max(0, end - 3))
            ):
                printed += 1
                continue
            # A row in the same type that prints right up to the strip shows it white;
            # in body type, from right after it (a short last line that only ends before
            # it shows nothing; rows of display type are too few to be so strict).
            near = row[max(0, end - 1) : end + 1]
            witnesses += any(_same_type(g, mark) and least <= g.x0 - hi_x < 2 * body for g in near)
            ended = ended or self._ends(k, end, mark, body)
        # A line across the gutter (a byline over the columns) is outvoted. In body type a
        # row must end there too: in a CJK grid every row starts glyphs at the strip's end.
        return ended and witnesses > 0 and printed * 3 <= witnesses

    def _ends(self, k: int, end: int, mark: Glyph, body: float) -> bool:
        """Row `k`'s full line ends (a gutter after it) within an em of the mark's box."""
        row = self.rows[k]
        for j in range(max(0, end - 3), end):
            g = row[j]
            if not (mark.x0 - 1.1 * body <= g.x1 <= mark.x1 + 0.3 * body) or g.char.isspace():
                continue
            if j + 1 < len(row) and row[j + 1].x0 - g.x1 <= _GUTTER * body:
                continue
            return j >= 4 and g.x1 - row[j - 4].x0 < 5.5 * g.size  # full, not `础。`
        return False

    def across(self, left: Glyph, right: Glyph, body: float, gap: float) -> bool:
        """The rows around print across a wide gap: a justified line stretched there.

        Up to 1.5 ems its middle tells; up to 3.5 (a narrow column's one word space with
        all the slack: `（通讯员 吴艳立`) the rows around print all across it."""
        size = right.size
        if gap >= _STRETCHED_MAX * size:
            return False
        if not self.printed(left, right, body, (left.x1 + right.x0) / 2):
            return False
        if gap < _STRETCHED * size:
            return True
        steps = int(gap / (0.5 * size))
        return all(
            self.printed(left, right, body, left.x1 + 0.1 * size + k * (gap - 0.2 * size) / steps)
            for k in range(steps + 1)
        )

    def printed(self, left: Glyph, right: Glyph, body: float, mid: float) -> bool:
        """Most rows around, in the same type, print right across the gap between two
        glyphs: it lies inside a column, a justified line stretched there (after a comma
        set half wide, between Latin letters), not in a gutter. Rows are counted that
        print on both sides of the gap; those with a glyph's ink over its middle and the
        next glyph right after it print across."""
        reach = _STRETCHED * _STRIP_ROWS * body
        lo, hi = _within(self.baselines, left.baseline, reach)
        own = self.row_of.get(id(left), -1)
        printed = white = 0
        for k in range(lo, hi):
            row = self.rows[k]
            if k == own:
                continue
            end = bisect.bisect_right(self.starts[k], mid)
            before, after = row[end - 1] if end else None, row[end] if end < len(row) else None
            if before is not None and (
                not _same_type(before, left) or _other_face(before, left, right)
            ):
                continue
            if (
                before is not None
                and before.ink_x1 > mid
                and not before.char.isspace()
                and (after is None or after.x0 - before.x1 < WORD_SPACE * body)
            ):
                printed += 1  # (not by a mark's box: one hung into a gutter may fill it)
            elif (
                before is not None
                and after is not None
                and before.x1 > left.x1 - 2 * body
                and after.x0 < right.x0 + 2 * body
            ):
                white += 1
        return printed >= 2 and printed > white

    def gutter(self, left: Glyph, right: Glyph, body: float, flush: bool = False) -> bool:
        """The gap between two glyphs lines up with a gutter of the rows around,
        whatever their type: rows print up to its edges and none inside it. With
        `flush`, the right glyph must also start where those rows' column starts (a
        headline's digit space may happen to lie over a gutter; a column's left
        edge does not move)."""
        pad = min(_STRIP_PAD * body, (right.x0 - left.x1) / 4)
        lo_x, hi_x = left.x1 + pad, right.x0 - pad
        reach = _STRIP_ROWS * body + left.size
        lo, hi = _within(self.baselines, left.baseline, reach)
        own = self.row_of.get(id(left), -1)
        witnesses = 0
        for k in range(lo, hi):
            row = self.rows[k]
            if k == own:
                continue
            end = bisect.bisect_left(self.starts[k], hi_x)
            if any(g.ink_x1 > lo_x and not g.char.isspace() for g in row[max(0, end - 3) : end]):
                return False
            near_left = end > 0 and row[end - 1].ink_x1 > lo_x - 2 * body
            near_right = end < len(row) and self.starts[k][end] < hi_x + 2 * body
            if flush:
                near = (_FLUSH_MARK if left.char in HANGS else _FLUSH) * body
                witnesses += near_right and abs(self.starts[k][end] - right.ink_x0) < near
            else:
                witnesses += near_left or near_right
        return witnesses >= 2


def _other_face(g: Glyph, left: Glyph, right: Glyph) -> bool:
    """An ideograph in another face than the ideographs on both sides of the gap: a line
    of another kind (a byline in Kai centred over two columns of a Song body), no
    witness of how the body's lines are set."""
    return (
        "\u4e00" <= g.char <= "\u9fff"
        and g.face != left.face
        and left.face == right.face
        and "\u4e00" <= right.char <= "\u9fff"
    )


def _ends_line(row: list[Glyph], j: int) -> bool:
    """Glyph `j` ends its row's line: nothing after it, or a gutter's width of white."""
    return j + 1 == len(row) or row[j + 1].x0 - row[j].x1 > _GUTTER * row[j].size


def _across_face(g: Glyph, left: Glyph, right: Glyph) -> bool:
    """An ideograph in another face than the glyphs on both sides of the gap, whatever
    they are (a hung `，` and a `２` of the body's face): a byline in Sans centred over
    two columns of a Song body prints across their gutter, and shows nothing of it."""
    return "\u4e00" <= g.char <= "\u9fff" and g.face != left.face and left.face == right.face


def _same_type(g: Glyph, mark: Glyph) -> bool:
    """In about the mark's type and weight: a headline above a body row is no witness,
    nor the body under a bold subtitle."""
    return 0.8 <= g.size / mark.size <= 1.25 and abs(g.weight - mark.weight) < _BOLDER


def _same_spot(a: Glyph, b: Glyph) -> bool:
    """The same glyph drawn twice (fake bold), not the characters of one ligature.

    A ligature (`——` as one glyph in Noto fonts) gives PDFium's consecutive
    characters the very same box; a fake-bold copy comes from another text run.
    """
    if a.char != b.char or abs(a.x0 - b.x0) >= 0.2 * a.size:
        return False
    ligature = a.index >= 0 and b.index == a.index + 1 and (a.x0, a.x1) == (b.x0, b.x1)
    return not ligature
