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

import itertools
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.importing import captions, header
from reader.importing.glyphs import Glyph, Segment, body_size, segments
from reader.importing.heads import EM_TOP as _EM_TOP
from reader.importing.heads import HEAD as _HEAD
from reader.importing.heads import widen_heads
from reader.importing.segment import join_spaced
from reader.importing.xycut import by_box, cut
from reader.parse.text import join_lines

__all__ = ["Glyph", "Layout", "Line", "Segment", "arrange", "layout", "page_text", "widen_heads"]

# Thresholds in ems of the body font size.
_BLOCK_GAP = 0.8  # white space this high between blocks starts a new block
_BLOCK_MORE = 0.15  # or this much more than the white between most of a column's lines
_COLUMN_GAP = 0.3  # white space this wide between segments separates columns
_RULE_HEIGHT = 0.4  # a drawing this thin is a rule
_RULE_SPAN = 0.6  # a rule across this share of a region's width cuts it into bands
_RULE_ACROSS = 0.9  # one across this share is cut at before the columns are
_HEAD_PITCH = 1.75  # ems of a headline's size: its wrapped line is at most this far below
_TIGHT = 0.3  # boxes of rows set tight may overlap this much and still be two rows
_first = operator.itemgetter(0)
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


def _split(
    segs: list[Segment], vertical: bool, min_gap: float, em: bool = False
) -> list[list[Segment]]:
    """Cut where a strip at least `min_gap` wide holds no segment.

    vertical=True cuts into columns (left to right), False into bands (top down);
    `em`: bands by the segments' em boxes (`_em_span`), not their loose boxes.
    """
    if not em:
        return cut(by_box(segs, vertical), min_gap)
    spans = [(_em_span(s), s) for s in segs]
    spans.sort(key=_first)
    return cut(spans, min_gap)


def _em_span(seg: Segment) -> tuple[float, float]:
    """A segment's height (negated, top down) within its type's em box: a CJK face's
    em runs from 0.12 em under the baseline to 0.88 em over it. The loose box is the
    font's stated ascent and descent, which producers state differently for one font
    (Typst the em box, Chromium and cairo the face's line metrics, 1.16 and 0.288 em
    for Noto CJK): rows set tight overlap by the difference. Kept on the segment."""
    if seg.em is None:
        top = min(seg.top, seg.baseline + _EM_TOP * seg.size)
        bottom = max(seg.bottom, seg.baseline - (1 - _EM_TOP) * seg.size)
        seg.em = -top, -bottom
    return seg.em


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


def _stack_parts(parts: list[list[Segment]], body: float) -> int:
    """Parts of a row cut where boxes overlap a little: a headline's row (a kicker's
    over it, maybe), then rows of body text in several columns right under it (not a
    line of its stack, such as a subtitle split at a comma). How many parts the stack
    is (up to its last headline), or 0 if the row is not that shape. Rows set tighter
    than their boxes (Chromium rounds line heights to pixels) chain several rows."""
    heads = [k for k, part in enumerate(parts) if any(s.size >= _HEAD * body for s in part)]
    if not heads or heads[-1] == len(parts) - 1:
        return 0
    under = parts[heads[-1] + 1 :]
    if all(
        _one_row(part)
        and all(abs(s.size - body) <= 0.06 * body and not s.apart for s in part)
        and sum(s.x1 - s.x0 >= 6 * body for s in part) >= 2  # (a note may end a column)
        for part in under
    ):
        return heads[-1] + 1
    return 0


def _head_lines(parts: list[list[Segment]], body: float) -> list[list[Segment]]:
    """The first of rows cut by their em boxes, with the rows under it that wrap its
    headline (one size of headline type, right below): a headline's box may reach as far
    into its wrapped line as into the body (cairo states Typst's type by its line metrics,
    1.45 em tall, set at 1.03 em), and its short last line, read on its own after a
    column, would be a headline of its own."""
    taken = parts[:1]
    size = max(s.size for s in parts[0])
    for part in parts[1:]:
        prev = taken[-1]
        if not (
            size >= _HEAD * body
            and all(abs(s.size - size) <= 0.05 * size for s in part)
            and _one_row(part)
            and 0 < prev[0].baseline - part[0].baseline <= _HEAD_PITCH * size
            and min(max(s.x1 for s in prev), max(s.x1 for s in part))
            > max(min(s.x0 for s in prev), min(s.x0 for s in part))
        ):
            break
        taken.append(part)
    return taken


def _one_row(segs: list[Segment]) -> bool:
    base = segs[0]
    return all(abs(s.baseline - base.baseline) <= 0.3 * min(s.size, base.size) for s in segs)


def arrange(
    segs: list[Segment],
    body: float,
    hint: bool = True,
    below_head: bool = False,
    top: bool = False,
    rules: Sequence[Rule] = (),
    gap: float | None = None,
) -> list[Line]:
    """Order segments into lines by recursive XY-cut; mark where blocks start.

    Columns are cut first; where a headline spans them, the region is cut into
    bands at white space higher than the line gap; failing both, the top row
    is peeled off and the rest cut again (a headline set tight on its body).
    Columns right below a headline are one story's, so they get no hint. Only
    at the top of the page is a lone row kept whole (a header spaced out). A rule
    drawn across the region (`rules`) cuts it into bands however little white
    space lies around it. `gap`: white space this high starts a new block (by default
    `_BLOCK_GAP` ems; more where the body's own lines are set further apart).
    """
    gap = _BLOCK_GAP * body if gap is None else gap
    out: list[Line] = []
    while segs:
        if len(segs) == 1 or (top and _one_row(segs)):
            out += _rows(segs, hint)
            return out
        measured = _Measured(segs) if rules else None  # for both rule tests below
        ruled = _ruled(segs, rules, body, _RULE_ACROSS, measured)
        if len(ruled) > 1:  # a rule across the whole region: what is above comes first
            out += arrange(ruled[0], body, hint, below_head, top, rules, gap)
            hint, below_head, top = True, False, False
            segs = ruled[1]
            continue
        columns = _split(segs, vertical=True, min_gap=_COLUMN_GAP * body)
        if len(columns) > 1:
            for k, column in enumerate(columns):
                out += arrange(
                    column, body, hint if k == 0 else not below_head, rules=rules, gap=gap
                )
            return out
        down = by_box(segs, vertical=False)  # (cut twice: at the block gap, into rows)
        bands = cut(down, gap)
        if len(bands) == 1:
            bands = _ruled(segs, rules, body, measured=measured)
        if len(bands) > 1:
            glued = _glue_heads(bands, body)
            bands = glued if len(glued) > 1 else bands
            head = below_head
            for k, band in enumerate(bands):
                out += arrange(
                    band, body, hint if k == 0 else True, head, top and k == 0, rules, gap
                )
                head = _is_head(band, body)
            return out
        rows = cut(down, 0.01)
        # A headline's loose box may reach into the row under it: still two rows. Where
        # that row is the first of several columns, they are not peeled with it.
        tight = _split(rows[0], vertical=False, min_gap=-_TIGHT * body, em=True)
        stack = _stack_parts(tight, body) if len(rows) > 1 else 0
        if len(rows) == 1:  # peeled a row at a time, but a headline's wrapped lines together
            first = [s for part in _head_lines(tight, body) for s in part]
        elif stack:  # the stack (a kicker over it too) without them
            first = [s for part in tight[:stack] for s in part]
        else:
            first = rows[0]
        if len(rows) == 1 and len(first) == len(segs):
            out += _rows(segs, hint)
            return out
        out += arrange(first, body, hint, below_head, top, rules, gap)
        hint, below_head, top = False, _is_head(first, body), False
        peeled = {id(s) for s in first}
        segs = [s for s in segs if id(s) not in peeled]
    return out


Rule = tuple[float, float, float]  # a rule drawn across: its height, left and right


def rules_of(drawn: Sequence[header.Box], body: float) -> list[Rule]:
    """The thin horizontal rules among the page's drawings."""
    return [
        ((y0 + y1) / 2, x0, x1)
        for x0, y0, x1, y1 in drawn
        if y1 - y0 <= _RULE_HEIGHT * body and x1 - x0 >= 3 * body
    ]


class _Measured:
    """What `_ruled` measures of a region, once for `arrange`'s two rule tests of it:
    its reach; when a rule is tried, its segments' em spans and lowest and highest em
    bottom."""

    def __init__(self, segs: list[Segment]) -> None:
        self.lo, self.hi = min([s.reach0 for s in segs]), max([s.reach1 for s in segs])
        self.ems: list[tuple[float, float]] = []
        self.bottoms = (0.0, 0.0)


def _ruled(
    segs: list[Segment],
    rules: Sequence[Rule],
    body: float,
    span: float = _RULE_SPAN,
    measured: _Measured | None = None,
) -> list[list[Segment]]:
    """The region cut at the topmost rule drawn across most of its width with no
    segment through it (by their em boxes: cairo states a headline's box 1.16 em over
    its baseline, through a rule drawn an em over it), else the region whole."""
    if not rules:
        return [segs]
    m = measured or _Measured(segs)
    lo, hi = m.lo, m.hi
    for y, x0, x1 in sorted(rules, key=lambda r: -r[0]):
        if min(x1, hi) - max(x0, lo) < span * (hi - lo):
            continue
        if not m.ems:  # they tell which rules have segments on both sides
            m.ems = ems = [_em_span(s) for s in segs]
            lows = [-e[1] for e in ems]  # (a list: `min` walks one faster than a generator)
            m.bottoms = min(lows), max(lows)
        ems, bottoms = m.ems, m.bottoms
        if bottoms[1] < y - 0.2 * body or bottoms[0] >= y - 0.2 * body:
            continue  # nothing above it, or nothing below
        above = [s for s, e in zip(segs, ems, strict=True) if -e[1] >= y - 0.2 * body]
        below = [
            s
            for s, e in zip(segs, ems, strict=True)
            if -e[0] <= y + 0.2 * body and -e[1] < y - 0.2 * body
        ]
        if above and below and len(above) + len(below) == len(segs):
            return [above, below]
    return [segs]


def _block_gap(segs: list[Segment], body: float) -> float:
    """The white space that starts a new block: `_BLOCK_GAP` ems, or more where the
    body's lines are set further apart than their boxes are high (a face whose boxes are
    an em high, under a leading of 1.8, leaves 0.8 em of white between every two lines
    of a column: each would be a block of its own)."""
    rows = sorted(
        (s for s in segs if abs(s.size - body) <= 0.05 * body and not s.apart),
        key=lambda s: -s.baseline,
    )
    whites: list[float] = []
    for k, seg in enumerate(rows):
        for below in itertools.islice(rows, k + 1, k + 40):
            drop = seg.baseline - below.baseline
            if drop > 3 * body:
                break
            if drop > 0.5 * body and min(seg.x1, below.x1) - max(seg.x0, below.x0) > 4 * body:
                whites.append(seg.bottom - below.top)
                break
    if len(whites) < 20:
        return _BLOCK_GAP * body
    whites.sort()
    most = whites[int(0.9 * len(whites))]  # nine in ten of a column's lines are this near
    return max(_BLOCK_GAP * body, most + _BLOCK_MORE * body)


def _continues_head(prev: Line, line: Line, body: float) -> bool:
    """A headline wrapped onto a second line: same large size, right below."""
    if prev.size < _HEAD * body or abs(prev.size - line.size) > 0.05 * prev.size:
        return False
    a, b = prev.segments, line.segments
    drop = a[0].baseline - b[0].baseline
    overlap = min(a[-1].x1, b[-1].x1) - max(a[0].x0, b[0].x0)
    # Writer sets Noto CJK's lines at 115% of its 1.45-em ascent and descent: 1.67 ems.
    return 0 < drop <= _HEAD_PITCH * prev.size and overlap > 0


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
    spaced: Callable[[str], bool] | None = None,
) -> Layout:
    """Lines of the page in reading order, the header first, wrapped headlines joined.

    `drawn` are the boxes of the page's drawings: a rule across the page under its
    top rows closes the header band. `apart` names lines in body type that belong
    over the columns of a story, not in one of them (bylines, datelines); `spaced`
    (`apart` unless given) the lines whose words an em apart are one line.
    """
    body = body_size(glyphs)
    segs = segments(glyphs, body)
    if apart is not None:
        segs = join_spaced(segs, body, spaced or apart)
    if not segs:
        return Layout(body, [], [])
    lines: list[Line] = []
    banded = header.split(segs, drawn, body)
    if banded:
        lines += [Line(row, True) for row in banded]
        taken = {id(s) for row in banded for s in row}
        segs = [s for s in segs if id(s) not in taken]
    captions.hold(segs, drawn, body)
    widen_heads(segs, body, apart, rules_of(drawn, body))
    bands = _split(segs, vertical=False, min_gap=_BLOCK_GAP * body)
    k = 0
    while k < len(bands) - 1 and _furniture(bands[k], k == 0 and not lines):
        lines += _rows(bands[k], True)
        k += 1
    top_rows = len(lines)
    if k:
        segs = [s for band in bands[k:] for s in band]
    lines += arrange(
        segs, body, top=not lines, rules=rules_of(drawn, body), gap=_block_gap(segs, body)
    )
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
