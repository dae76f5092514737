"""Characters with positions -> page text in reading order, shaped for the parser.

PDF text comes as glyphs with boxes, in whatever order the producer drew them.
This module puts them back into lines and columns, pure geometry with no PDF
library: glyphs on one baseline make a segment (split at column gutters), and a
recursive XY-cut orders the segments the way modular newspaper pages are read:
side-by-side columns left to right, stacked blocks top to bottom.

The text it writes is what `reader.parse.stories` reads best: one visual line a line, a
paragraph's indented first line left short, a headline wrapped over two lines
joined into one, and a leading space where a block starts after white space
(the parser's story-start hint).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.importing import header
from reader.importing.glyphs import Glyph, Segment, body_size, segments
from reader.parse.text import join_lines

__all__ = ["Glyph", "Layout", "Line", "Segment", "arrange", "layout", "page_text", "widen_heads"]

# Thresholds in ems of the body font size.
_BLOCK_GAP = 0.8  # white space this high between blocks starts a new block
_COLUMN_GAP = 0.3  # white space this wide between segments separates columns
_HEAD = 1.15  # a font this much larger than the body is a headline's
_BOLD = 150  # this much heavier than the body (PDF font weight units) is bold
_STACK_CHARS = 40  # longer lines are running text, never part of a headline stack
_DATED = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|星期[一二三四五六日天]|第\s*\d+\s*版")


@dataclass
class Line:
    """One output line: segments of one row, and whether a block starts here."""

    segments: list[Segment]
    hint: bool

    def text(self) -> str:
        """The row's text; separate segments of a row keep a space between them."""
        return " ".join(t for t in (s.text() for s in self.segments) if t)

    @property
    def size(self) -> float:
        """The largest font size on the line."""
        return max(s.size for s in self.segments)


def _split(segs: list[Segment], vertical: bool, min_gap: float) -> list[list[Segment]]:
    """Cut where a strip at least `min_gap` wide holds no segment.

    vertical=True cuts into columns (left to right), False into bands (top down).
    """
    if vertical:
        spans = [((s.reach0, s.reach1), s) for s in segs]
    else:
        spans = [((-s.top, -s.bottom), s) for s in segs]
    spans.sort(key=lambda span: span[0])
    groups: list[list[Segment]] = [[]]
    reach = spans[0][0][1]
    for (lo, hi), seg in spans:
        if lo - reach >= min_gap and groups[-1]:
            groups.append([])
        groups[-1].append(seg)
        reach = max(reach, hi)
    return groups


def _overlap(a: Segment, b: Segment) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _block_tops(segs: list[Segment], body: float, heads: list[Segment]) -> list[Segment]:
    """Body segments with no body line right above them: where column blocks start."""
    taken = {id(h) for h in heads}
    body_segs = sorted((s for s in segs if id(s) not in taken), key=lambda s: s.bottom)
    bottoms = [s.bottom for s in body_segs]
    tops = []
    for seg in body_segs:
        lo = bisect.bisect_left(bottoms, seg.top)
        hi = bisect.bisect_right(bottoms, seg.top + body)
        if not any(o is not seg and _overlap(o, seg) > 0 for o in body_segs[lo:hi]):
            tops.append(seg)
    return tops


def _ownership(head: Segment, top: Segment, body: float) -> tuple[int, int, float]:
    """Rank headlines for a column top: one on its left first (headlines are set
    flush left and the body runs on to the right), then the nearest above, then
    the horizontally nearest."""
    rows_above = round((head.bottom - top.top) / body)
    right_of_it = 0 if head.x0 <= top.x0 else 1
    return right_of_it, rows_above, -_overlap(head, top)


def widen_heads(
    segs: list[Segment], body: float, apart: Callable[[str], bool] | None = None
) -> None:
    """Let each headline reach over the columns of the body that starts right under it.

    A short headline over a four-column body covers one column on paper; without
    this, a gutter it does not cover would cut the page in two from top to bottom.
    A column top goes to the nearest headline above it that overlaps it, else to
    the nearest one on its left; a headline never reaches over running text.
    Lines in body type that `apart` names (a byline centred over the columns of
    its story) reach over them the same way, rather than open the column under them.
    """
    heads = [
        s
        for s in segs
        if s.size >= _HEAD * body or (apart is not None and _one_line_apart(s, segs, apart))
    ]
    if not heads:
        return
    heads += _stack_members(segs, heads, body)
    for seg in heads:
        seg.apart = seg.size < _HEAD * body
    # A byline set flush with the column under it is that column's: it reaches over
    # the columns it stands over and their next ones, never back to a column beside it.
    flush = {id(h) for h in heads if h.apart and _flush(h, segs, body)}
    tops = sorted(_block_tops(segs, body, heads), key=lambda t: t.x0)
    owners: dict[int, Segment] = {}
    for top in tops:  # a headline over a column top owns it
        over = [h for h in _heads_near(heads, top, body) if _overlap(h, top) > 0]
        if over:
            owners[id(top)] = min(over, key=lambda h: _ownership(h, top, body))
    for top in tops:  # the next column of the same body: the owner of its left neighbour
        if id(top) in owners:
            continue
        left = _left_neighbour(top, tops, segs, body)
        if left is not None and id(left) in owners:
            owners[id(top)] = owners[id(left)]
            continue
        near = [h for h in _heads_near(heads, top, body) if id(h) not in flush]
        if near:
            owners[id(top)] = min(near, key=lambda h: _ownership(h, top, body))
    claims: dict[int, list[Segment]] = {}
    for top in tops:
        if id(top) in owners:
            claims.setdefault(id(owners[id(top)]), []).append(top)
    claimed = [t for t in tops if id(t) in owners]
    for head in heads:
        for top in claims.get(id(head), []):
            if _clear_between(head, top, segs, claimed):
                head.reach0 = min(head.reach0, top.x0)
                head.reach1 = max(head.reach1, top.x1)
    # The lines of a stack under a headline read before any of its columns: each
    # reaches as far as the line it hangs under.
    # Never over a line on its own row (another column's text beside it).
    stack = sorted(heads, key=lambda h: -h.top)
    for k, seg in enumerate(stack):
        if seg.apart:
            for above in stack[:k]:
                if _stacked(seg, above, body) and above.bottom >= seg.top:
                    lo, hi = min(seg.reach0, above.reach0), max(seg.reach1, above.reach1)
                    if not any(
                        o is not seg
                        and abs(o.baseline - seg.baseline) < 0.3 * seg.size
                        and o.x1 > lo
                        and o.x0 < hi
                        for o in segs
                    ):
                        seg.reach0, seg.reach1 = lo, hi


def _stack_members(segs: list[Segment], heads: list[Segment], body: float) -> list[Segment]:
    """Lines of a headline's stack in display type too small to be headlines (a bold
    subtitle or kicker at about body size): alone on their row, right under or over a
    headline or another such line, they reach over its columns as it does."""
    weights = Counter(g.weight for s in segs for g in s.glyphs if abs(g.size - body) < 0.06 * body)
    plain = weights.most_common(1)[0][0] if weights else 400
    taken = {id(h) for h in heads}
    found: list[Segment] = []
    for seg in segs:
        if id(seg) in taken or len(seg.glyphs) > _STACK_CHARS:
            continue
        heavy = sum(g.weight >= plain + _BOLD for g in seg.glyphs) * 2 > len(seg.glyphs)
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


def _stacked(seg: Segment, head: Segment, body: float) -> bool:
    """`seg` sits right under or right over `head`, within its width."""
    if _overlap(seg, head) <= 0:
        return False
    near = max(1.2 * body, 0.5 * head.size)
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
        and _overlap(o, seg) > -seg.size
        for o in segs
    )


def _heads_near(heads: list[Segment], top: Segment, body: float) -> list[Segment]:
    return [h for h in heads if 0 <= h.bottom - top.top <= 3 * body]


def _left_neighbour(
    top: Segment, tops: list[Segment], segs: list[Segment], body: float
) -> Segment | None:
    """The column top on the same line just left of `top`, with nothing between."""
    row = [t for t in tops if t.x1 <= top.x0 and abs(t.baseline - top.baseline) <= 0.3 * body]
    if not row:
        return None
    left = max(row, key=lambda t: t.x1)
    for seg in segs:
        beside = seg.bottom < top.top and seg.top > top.bottom
        if beside and seg is not left and seg.x1 > left.x1 and seg.x0 < top.x0:
            return None
    return left


def _clear_between(
    head: Segment, top: Segment, segs: list[Segment], claimed: list[Segment]
) -> bool:
    """Nothing but column tops under headlines lies beside `top` between it and the
    headline: a headline does not reach over another story's running column."""
    lo, hi = (head.x1, top.x0) if top.x0 >= head.x1 else (top.x1, head.x0)
    for seg in segs:
        if seg is top or seg is head or any(seg is c for c in claimed):
            continue
        beside = seg.bottom < top.top and seg.top > top.bottom
        if beside and seg.x1 > lo and seg.x0 < hi:
            return False
    return True


def _is_head(segs: list[Segment], body: float) -> bool:
    return all(s.size >= _HEAD * body or s.apart for s in segs)


def _rows(segs: list[Segment], hint: bool) -> list[Line]:
    """Segments that overlap every way: rows by baseline, each row one line."""
    ordered = sorted(segs, key=lambda s: (-s.baseline, s.x0))
    lines: list[Line] = []
    for seg in ordered:
        last = lines[-1].segments[0] if lines else None
        if last is not None and abs(last.baseline - seg.baseline) <= 0.3 * min(last.size, seg.size):
            lines[-1].segments.append(seg)
        else:
            lines.append(Line([seg], hint if not lines else False))
    for line in lines:
        line.segments.sort(key=lambda s: s.x0)
    return lines


def _glue_heads(bands: list[list[Segment]], body: float) -> list[list[Segment]]:
    """Keep a band that holds headlines together with the band right under it.

    Side-by-side stories whose headline stacks line up leave white space across
    the whole row between stacks and bodies; cutting there would read every
    headline of the row before any body.
    """
    out = [list(bands[0])]
    for prev, band in itertools.pairwise(bands):
        gap = min(s.bottom for s in prev) - max(s.top for s in band)
        if any(s.size >= _HEAD * body for s in prev) and gap < 3 * body:
            out[-1] += band
        else:
            out.append(list(band))
    return out


def _one_row(segs: list[Segment]) -> bool:
    base = segs[0]
    return all(abs(s.baseline - base.baseline) <= 0.3 * min(s.size, base.size) for s in segs)


def arrange(
    segs: list[Segment],
    body: float,
    hint: bool = True,
    below_head: bool = False,
    top: bool = False,
) -> list[Line]:
    """Order segments into lines by recursive XY-cut; mark where blocks start.

    Columns are cut first; where a headline spans them, the region is cut into
    bands at white space higher than the line gap; failing both, the top row
    is peeled off and the rest cut again (a headline set tight on its body).
    Columns right below a headline are one story's, so they get no hint. Only
    at the top of the page is a lone row kept whole (a header spaced out).
    """
    out: list[Line] = []
    while segs:
        if len(segs) == 1 or (top and _one_row(segs)):
            out += _rows(segs, hint)
            return out
        columns = _split(segs, vertical=True, min_gap=_COLUMN_GAP * body)
        if len(columns) > 1:
            for k, column in enumerate(columns):
                out += arrange(column, body, hint if k == 0 else not below_head)
            return out
        bands = _split(segs, vertical=False, min_gap=_BLOCK_GAP * body)
        if len(bands) > 1:
            glued = _glue_heads(bands, body)
            bands = glued if len(glued) > 1 else bands
            head = below_head
            for k, band in enumerate(bands):
                out += arrange(band, body, hint if k == 0 else True, head, top and k == 0)
                head = _is_head(band, body)
            return out
        rows = _split(segs, vertical=False, min_gap=0.01)
        if len(rows) == 1:
            out += _rows(segs, hint)
            return out
        out += arrange(rows[0], body, hint, below_head, top)
        hint, below_head, top = False, _is_head(rows[0], body), False
        segs = [s for row in rows[1:] for s in row]
    return out


def _continues_head(prev: Line, line: Line, body: float) -> bool:
    """A headline wrapped onto a second line: same large size, right below."""
    if prev.size < _HEAD * body or abs(prev.size - line.size) > 0.05 * prev.size:
        return False
    a, b = prev.segments, line.segments
    drop = a[0].baseline - b[0].baseline
    overlap = min(a[-1].x1, b[-1].x1) - max(a[0].x0, b[0].x0)
    return 0 < drop <= 1.6 * prev.size and overlap > 0


@dataclass
class Layout:
    """A page in reading order: each text line with the lines of glyphs it was made of.

    `header` counts the leading text lines that are the page's furniture (page
    header, masthead, date band).
    """

    body: float
    texts: list[str]
    groups: list[list[Line]]
    header: int = 0

    def text(self) -> str:
        """The page text, one line a line."""
        return "\n".join(self.texts) + "\n" if self.texts else ""


def _furniture(band: list[Segment], first: bool) -> bool:
    """A band at the top of the page that is furniture, not a story.

    One row alone at the top is the page header, however spaced out; the rows
    after it that give the date or the page (a date band) are too, and so is a
    first band of a few short lines that does (a masthead beside its date).
    """
    one_row = _one_row(band)
    text = "".join(g.char for s in band for g in s.glyphs)
    if any(c in text for c in "。！？"):
        return False
    dated = bool(_DATED.search(text))
    if first:
        return one_row or (dated and len(_rows(band, True)) <= 4)
    return one_row and dated


def layout(
    glyphs: Sequence[Glyph],
    drawn: Sequence[header.Box] = (),
    apart: Callable[[str], bool] | None = None,
) -> Layout:
    """Lines of the page in reading order, the header first, wrapped headlines joined.

    `drawn` are the boxes of the page's drawings: a rule across the page under its
    top rows closes the header band. `apart` names lines in body type that belong
    over the columns of a story, not in one of them (bylines, datelines).
    """
    body = body_size(glyphs)
    segs = segments(glyphs, body)
    if not segs:
        return Layout(body, [], [])
    lines: list[Line] = []
    banded = header.split(segs, drawn, body)
    if banded:
        lines += [Line(row, True) for row in banded]
        taken = {id(s) for row in banded for s in row}
        segs = [s for s in segs if id(s) not in taken]
    widen_heads(segs, body, apart)
    bands = _split(segs, vertical=False, min_gap=_BLOCK_GAP * body)
    k = 0
    while k < len(bands) - 1 and _furniture(bands[k], k == 0 and not lines):
        lines += _rows(bands[k], True)
        k += 1
    top_rows = len(lines)
    if k:
        segs = [s for band in bands[k:] for s in band]
    lines += arrange(segs, body, top=not lines)
    out = Layout(body, [], [], top_rows)
    prev: Line | None = None
    for n, line in enumerate(lines):
        text = line.text()
        if n > top_rows and prev is not None and _continues_head(prev, line, body):
            out.texts[-1] = join_lines([out.texts[-1], text])
            out.groups[-1].append(line)
        else:
            out.texts.append((" " if line.hint else "") + text)
            out.groups.append([line])
        prev = line
    out.header = min(top_rows, len(out.texts))
    return out


def page_text(glyphs: Sequence[Glyph]) -> str:
    """The page's text, one line a line, ready for `reader.parse.stories`."""
    return layout(glyphs).text()
