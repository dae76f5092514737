"""Page text written with its layout kept, cut back into its columns.

`pdftotext -layout` (poppler) and PyMuPDF's `get_text("text", sort=True)` write the
lines of all columns at one height as one line, the columns apart by runs of spaces:
`公社时，刚下学的娃子，想   『上晃』易给人…  举凡这些…`. Read as it is, every line
is a paragraph of nonsense. This module finds such text and writes it again as
PDFium writes a page: each column's lines top to bottom, the columns left to right,
a headline over several columns before the columns under it.

What the tools write (measured on Typst broadsheets): a position in a line is a
character, not a place on the page. pdftotext gives each block of text the cell after
the blocks on its left (a cell is about 0.8 em, a CJK character a whole em), and
writes a line that runs over a story's columns with one space at each gutter; the
same column starts some cells apart from block to block. PyMuPDF writes about one
space an em of gap, and runs a line on after the one above when their boxes
overlap. So the cut works on pieces, not on cells:

1. Pieces: text between runs of two spaces, or between single spaces where the two
   would not fit one column (the measure `W`: the most common width of a run of text)
   or where the first is a full line set solid.
2. Columns: a piece after a run of spaces (or first on its line) goes to the column
   of its cell on a grid whose pitch is found per block of text (lines between empty
   ones); one after a single space to the column after its neighbour's; a line's first
   piece set in with nothing on its left to the column of the pieces it lines up with.
   A short piece centred in its column, or one ending no sentence, reaches over the
   columns beside it that the next line fills (a headline over its story's columns);
   a header band on the first line reaches over all.
3. An XY-cut over lines and columns: gutters no piece reaches over split a region into
   strips; a region with none is split at the page's empty lines, then at gutters few
   lines reach over (a piece over one goes to the strip of its first column), then
   into runs of lines that reach over a gutter and runs that do not. Each strip is
   written top to bottom, its pieces one line each.

Text without such runs passes untouched, at the cost of one substring search.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from reader.parse.text import width

_TOKEN = re.compile(r"\S+")
_CLOSED = "。！？；：，、…”」』）)》"
"""A line ending so ends a sentence or runs on: no headline."""
_BAND = re.compile(
    r"[0-9０-９]\s*年\s*[0-9０-９]+\s*月|星期[一二三四五六日天]|责任编辑|第\s*[0-9０-９]+\s*版"
)
"""What a header or date band prints: a date, the weekday, the editor, the page."""
_MAX_CHARS = 1_000_000
"""Past this no page is cut: a page of news is 5-50 K characters, and a megabyte of
short runs of text would take a second and hundreds of MB as pieces for nothing."""
_INNER_RUN = re.compile(r"\S {2,}\S")


class _Piece:
    """Text between gaps of one line: where it starts, and the columns it covers."""

    __slots__ = ("col", "end", "gap", "hi", "line", "lo", "start", "text", "width")

    def __init__(self, line: int, start: int, end: int, text: str, gap: int) -> None:
        self.line = line
        self.start = start
        self.end = end
        self.text = text
        self.width = width(text)
        self.gap = gap  # spaces before it (its start cell when first on the line)
        self.col = self.lo = self.hi = 0


def may_be_layout(text: str) -> bool:
    """The cheap test: layout-kept text has runs of spaces between printed characters on
    a tenth of its lines or more (a fifth at least, as the tools write it); PDFium's and
    MuPDF's plain text have none, and a spaced byline or two do not count."""
    if "  " not in text or len(text) > _MAX_CHARS:
        return False
    return len(_INNER_RUN.findall(text)) >= max(4, (text.count("\n") + 1) // 10)


def unlayout(text: str) -> str:
    """`text` with its columns cut apart when it is layout-kept, else `text` itself."""
    if not may_be_layout(text):
        return text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tokens = _unrun([_tokens(n, line) for n, line in enumerate(lines)])
    measure = _measure(tokens)
    if measure is None:
        return text
    pitch = _pitch(tokens, measure) or 1.3 * measure
    room = measure + max(1.5, 0.12 * measure)
    pieces = [_pieces(row, room) for row in tokens]
    if sum(1 for row in pieces if _columns_side_by_side(row, measure, room)) < max(
        4, sum(1 for row in pieces if row) // 10
    ):
        return text
    pitches = _block_pitches(tokens, measure, pitch)
    top = max(
        max(len(row) - 1, int((row[-1].start + 1) / pitches[n]))
        for n, row in enumerate(pieces)
        if row
    )
    if top < 1:
        return text
    for n, row in enumerate(pieces):
        _place(row, pitches[n], top, room)
    for n, row in enumerate(pieces):
        if row and row[0].start > 3:
            _align(row, pieces[max(0, n - _NEAR) : n + _NEAR + 1], top)
    for n, row in enumerate(pieces):
        _reach(row, pieces[n + 1 : n + 4], top, measure, pitches[n])
    _head(pieces, measure, top)
    blank = {n for n, row in enumerate(pieces) if not row}
    out: list[str] = []
    _cut([p for row in pieces for p in row], 0, top, blank, out)
    return "\n".join(out) + "\n"


def _columns_side_by_side(row: list[_Piece], measure: float, room: float) -> bool:
    """Whether a line holds full column lines side by side: two apart by a run of
    spaces, or three."""
    full = [p for p in row if 0.7 * measure <= p.width <= room]
    return len(full) >= 3 or (len(full) >= 2 and any(p.gap >= 2 for p in row[1:]))


def _tokens(n: int, line: str) -> list[_Piece]:
    out: list[_Piece] = []
    end = 0
    for m in _TOKEN.finditer(line):
        out.append(_Piece(n, m.start(), m.end(), m.group(), m.start() - end))
        end = m.end()
    return out


def _unrun(rows: list[list[_Piece]]) -> list[list[_Piece]]:
    """Lines that ran together split again, each at the piece that starts past the
    page's width (the lines are numbered anew).

    PyMuPDF's `sort=True` writes no line break before a line whose box overlaps the
    one above (columns set on baselines a little apart): the line goes on after it,
    from its own indent, so its pieces stand past the right edge of the page.
    """
    ends = sorted(row[-1].end for row in rows if row)
    if not ends:
        return rows
    edge = 1.2 * ends[len(ends) * 3 // 4] + 4
    if ends[-1] <= edge:
        return rows
    out: list[list[_Piece]] = []
    for row in rows:
        part: list[_Piece] = []
        shift = 0
        if _BAND.search(" ".join(t.text for t in row)):
            out.append(row)  # a header band runs from edge to edge
            continue
        for t in row:
            if part and t.gap >= 2 and t.start - shift > edge:
                out.append(part)
                part, shift = [], t.start - t.gap
            part.append(t)
        out.append(part)
    for n, row in enumerate(out):
        if row:
            shift = row[0].start - row[0].gap
            for t in row:
                t.line, t.start, t.end = n, t.start - shift, t.end - shift
    return out


def _measure(tokens: list[list[_Piece]]) -> float | None:
    """The most common width of a run of text 5 ems or wider: a full column line."""
    counts = Counter(round(t.width) for row in tokens for t in row if t.width >= 5)
    if sum(counts.values()) < 8:
        return None
    return float(counts.most_common(1)[0][0])


def _pitch(tokens: list[list[_Piece]], measure: float) -> float | None:
    """Cells from one column's start to the next's: the grid that column-wide runs start on.

    Only runs first on their line or after two spaces count (after one space a line
    was pushed by a full one), and not those of the first column (every grid holds
    them). Of the pitches from one column measure to 2.2, the one
    whose grid holds the most such starts beyond what chance would put there.
    """
    starts = [
        t.start
        for row in tokens
        for i, t in enumerate(row)
        if t.width >= 0.6 * measure and (i == 0 or t.gap >= 2) and t.start > 3
    ]
    if len(starts) < 6:
        return None
    best, pitch = 0.0, None
    step = measure
    while step <= 2.2 * measure:
        hits = sum(1 for s in starts if (s + 1) % step <= 4.5)
        value = hits - len(starts) * 4.5 / step
        if value > best:
            best, pitch = value, step
        step += 0.25
    return pitch


def _block_pitches(tokens: list[list[_Piece]], measure: float, pitch: float) -> list[float]:
    """Each line's pitch: its block's (lines between empty ones), else the page's.

    pdftotext sets the cells of one block of text apart from another's: columns that
    start 20 cells apart in one row may start 14 apart in the row above.
    """
    out = [pitch] * len(tokens)
    first = 0
    for n in range(len(tokens) + 1):
        if n < len(tokens) and tokens[n]:
            continue
        if n > first:
            own = _pitch(tokens[first:n], measure)
            out[first:n] = [own or pitch] * (n - first)
        first = n + 1
    return out


def _pieces(row: list[_Piece], room: float) -> list[_Piece]:
    """Runs joined across single spaces while the two fit one column (a full line
    set solid is followed by the next column's, however short)."""
    out: list[_Piece] = []
    for tok in row:
        last = out[-1] if out else None
        if (
            last is not None
            and tok.gap == 1
            and last.width + tok.width <= room
            and (" " in last.text or last.width < room - 2)
        ):
            joined = _Piece(last.line, last.start, tok.end, f"{last.text} {tok.text}", last.gap)
            joined.width = last.width + tok.width  # spaces of a line spaced out: no width
            out[-1] = joined
            continue
        out.append(tok)
    return out


def _place(row: list[_Piece], pitch: float, top: int, room: float) -> None:
    """The column of each piece of a line: by its cell after a gap, else the next one's."""
    prev = -1
    for p in row:
        col = min(top, int((p.start + 1) / pitch)) if prev < 0 or p.gap >= 2 else prev + 1
        col = min(top, max(col, prev + 1))
        p.col = p.lo = col
        # wider than a column (a caption in smaller type): over the cells it spans
        reach = int((p.start + 1 + (p.end - p.start) * 0.8) / pitch)
        p.hi = min(top, max(col, reach)) if p.width > room else col
        prev = p.hi


_NEAR = 4
"""Lines above and below looked at for a piece that a line's first piece lines up with."""


def _align(row: list[_Piece], near: list[list[_Piece]], top: int) -> None:
    """A line's first piece, set in with nothing on its left, takes the column of the
    pieces on the lines about it that start at its cell after a neighbour (the grid's
    pitch only guesses it), and the pieces after it follow on."""
    first = row[0]
    votes = Counter(q.col for other in near for q in other[1:] if abs(q.start - first.start) <= 1)
    if not votes:
        return
    col = votes.most_common(1)[0][0]
    if col == first.col:
        return
    first.col = first.lo = col
    first.hi = max(col, first.hi)
    for prev, p in itertools.pairwise(row):
        if p.col <= prev.hi:
            p.col = p.lo = min(top, prev.hi + 1)
            p.hi = max(p.col, p.hi)


def _reach(
    row: list[_Piece], next_rows: list[list[_Piece]], top: int, measure: float, pitch: float
) -> None:
    """A short piece set in from its column's start (centred), or one at the start
    that reads as no sentence's end, reaches over the columns beside it that are empty
    on its line and filled on the next line that fills its own column: a headline (or
    a kicker, a byline) over the columns its story starts under it.
    """
    for i, p in enumerate(row):
        if p.width >= measure - 1 or (i and p.gap == 1):
            continue
        if p.start <= p.col * pitch + 3 and (p.width >= 0.8 * measure or p.text[-1] in _CLOSED):
            continue
        below = next((r for r in next_rows if any(q.lo <= p.col <= q.hi for q in r)), [])
        filled = {c for q in below for c in range(q.lo, q.hi + 1)}
        left = row[i - 1].hi if i else -1
        right = row[i + 1].lo if i + 1 < len(row) else top + 1
        while p.lo - 1 > left and p.lo - 1 in filled:
            p.lo -= 1
        while p.hi + 1 < right and p.hi + 1 in filled:
            p.hi += 1


def _head(pieces: list[list[_Piece]], measure: float, top: int) -> None:
    """A header band (or a date band under the masthead) among the page's first lines
    is a band of its own: one piece over every column, so it is written first and on
    one line. Known by its date, page or editor, or, on the first line, by short
    pieces apart over a line that is no row like it."""
    printed = [n for n, row in enumerate(pieces) if row][:3]
    for k, n in enumerate(printed):
        row = pieces[n]
        if len(row) < 2 or sum(p.width for p in row) >= 2.5 * measure:
            continue
        band = bool(_BAND.search(" ".join(p.text for p in row)))
        if not band and k == 0:
            after = pieces[printed[1]] if len(printed) > 1 else []
            band = len(printed) < 2 or printed[1] > n + 1 or len(after) != len(row)
        if band:  # one line each, as PDFium writes them, with the masthead above
            for m in printed[: k + 1]:
                line = pieces[m]
                whole = _Piece(m, line[0].start, line[-1].end, " ".join(p.text for p in line), 0)
                whole.lo, whole.hi = 0, top
                pieces[m] = [whole]
            return


def _cut(pieces: list[_Piece], lo: int, hi: int, blank: set[int], out: list[str]) -> None:
    """Write a region's pieces in reading order (see the module's step 4)."""
    if not pieces:
        return
    if lo < hi:
        crossing: dict[int, set[int]] = {}
        for p in pieces:
            for j in range(p.lo, p.hi):
                crossing.setdefault(j, set()).add(p.line)
        lines = len({p.line for p in pieces})
        # Gutters no piece runs over, then groups apart; else the tolerant kind of each.
        for tolerant in (False, True):
            over = max(2, lines // 8) if tolerant else 0
            cuts = [j for j in range(lo, hi) if len(crossing.get(j, ())) <= over]
            if cuts:
                _strips(pieces, lo, hi, cuts, blank, out)
                return
            groups = _groups(pieces, blank, tolerant)
            if len(groups) > 1:
                for group in groups:
                    _cut(group, lo, hi, blank, out)
                return
    _write(pieces, lo == hi, out)


def _strips(
    pieces: list[_Piece], lo: int, hi: int, cuts: list[int], blank: set[int], out: list[str]
) -> None:
    """The region cut at the gutters after columns `cuts`; a piece over one goes left."""
    edges = [lo, *(j + 1 for j in cuts)]
    for a, b in zip(edges, [*cuts, hi], strict=True):
        inside = [p for p in pieces if a <= p.lo <= b]
        for p in inside:
            p.hi = min(p.hi, b)
        _cut(inside, a, b, blank, out)


def _groups(pieces: list[_Piece], blank: set[int], spans: bool) -> list[list[_Piece]]:
    """A region's pieces split at the page's empty lines, else into runs that span or not.

    A line empty only in the region is no cut: lines beside it on other baselines
    leave such lines in a column's run.
    """
    groups: list[list[_Piece]] = []
    last = -2
    for p in pieces:
        if last < 0 or any(n in blank for n in range(last + 1, p.line)):
            groups.append([])
        groups[-1].append(p)
        last = p.line
    if len(groups) > 1 or not spans:
        return groups
    over = {p.line for p in pieces if p.hi > p.lo}
    groups = []
    was: bool | None = None
    for p in pieces:
        now = p.line in over
        if now != was:
            groups.append([])
            was = now
        groups[-1].append(p)
    return groups


def _write(pieces: list[_Piece], one_column: bool, out: list[str]) -> None:
    """Lines top to bottom; a line's pieces one line each, or joined within one column."""
    line = -1
    for p in sorted(pieces, key=lambda p: (p.line, p.start)):
        if one_column and p.line == line:
            out[-1] += " " + p.text
        else:
            out.append(p.text)
        line = p.line
