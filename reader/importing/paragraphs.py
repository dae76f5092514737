"""A story's paragraphs from the geometry of its lines, as the PDF sets them.

A paragraph starts where a line is indented against its column's left edge, or after
a short line that closes a sentence (where no paragraph starts indented); a story's
body runs on from the foot of one column to the head of the next. All measured from
glyph boxes, in ems of the body type.
"""

from __future__ import annotations

from collections import Counter

from reader.importing import regions
from reader.importing.typography import TypeLine

INDENT = 0.8  # ems of body type in from the column edge: a paragraph's first line
_MOST_INDENT = 2.6  # ems: deeper than any paragraph's indent
_SHORT = 1.2  # ems short of the column's right edge: a paragraph's last line
_OPENING_MARKS = frozenset("“‘（《「『〔【")
_GLUED = frozenset("“‘”’，。、；：？！）》」』")  # after a line's first character, kept with it


def next_column(prev: TypeLine, line: TypeLine, body: float) -> bool:
    """`line` tops the column right of the one `prev` ends: the story's body running on
    from the foot of one column to the head of the next (no stack, picture or source
    note between them), as every broadsheet sets a story longer than one column."""
    return line.top > prev.top + body and line.x0 >= prev.x1 - 0.5 * body


def paragraph_lines(lines: list[TypeLine], body: float) -> list[list[str]]:
    """Paragraphs by geometry: indented first lines, else short closing last lines."""
    if not lines:
        return []
    col = regions.columns(lines)
    count: Counter[int] = Counter(col)
    left = _flush(_edge(col, [t.x0 for t in lines], -1.0), col, lines, body)
    right = _edge(col, [t.x1 for t in lines], 1.0)
    xs = zip(col, lines, strict=True)
    indents = [count[k] > 1 and t.x0 - left[k] >= INDENT * body for k, t in xs]
    # Where paragraphs start indented, a short last line ends none by itself: a line
    # broken early before `这“…` (no break inside a quote's first characters), or a
    # writer's name `（张悦）` wrapped from the sentence it closes, runs on flush.
    by_indent = any(indents)
    out: list[list[str]] = []
    prev: TypeLine | None = None
    prev_col = -1
    for k, line, indented in zip(col, lines, indents, strict=True):
        text = " ".join(line.text.split())
        short_before = (
            not by_indent
            and prev is not None
            and prev_col == k
            and prev.closes
            and count[k] > 1
            and prev.x1 <= right[k] - _SHORT * body
            and not _kept_together(prev, line, right[k])
        )
        # At the head of the next column a paragraph starts only where it is indented.
        hinted = (
            line.hint
            and prev is not None
            and prev.closes
            and (count[k] < 2 or not next_column(prev, line, body))
        )
        if not out or indented or short_before or hinted:
            out.append([text])
        else:
            out[-1].append(text)
        prev, prev_col = line, k
    return out


def _kept_together(prev: TypeLine, line: TypeLine, right: float) -> bool:
    """`prev` ends short only because the start of `line` could not be broken: an opening
    mark never ends a line (`《中`), and quotes glue to both neighbours in Unicode's line
    breaking (`以“三`). Wider than the room left (the last mark's blank half counted),
    the line broke early there, inside a paragraph."""
    text = line.text
    n = 0
    while n < len(text) and text[n] in _OPENING_MARKS:
        n += 1
    n += 1
    while n < len(text) and text[n] in _GLUED:
        n += 2 if text[n] in "“‘" else 1
    return n >= 2 and right - prev.x1 < min(n, len(text)) * prev.size


def _edge(col: list[int], xs: list[float], side: float) -> dict[int, float]:
    """Each column's edge where most of its lines start (or end), the outermost of ties:
    a line set wider than the column (a byline across it, a pull quote) that went to it
    moves no edge, so the column's own lines are not all read as indented or short."""
    seen: dict[int, Counter[float]] = {}
    for k, x in zip(col, xs, strict=True):
        seen.setdefault(k, Counter())[round(x * 2) / 2] += 1
    return {k: max(c, key=lambda x: (c[x], side * x)) for k, c in seen.items()}


def _flush(
    left: dict[int, float], col: list[int], lines: list[TypeLine], body: float
) -> dict[int, float]:
    """A column whose lines mostly start indented (a poem, a list: a paragraph a line)
    still has its flush edge where at least two lines start one indent further out."""
    out = dict(left)
    for k, edge in left.items():
        flush = [t.x0 for c, t in zip(col, lines, strict=True) if c == k]
        out_by = [x for x in flush if INDENT * body <= edge - x <= _MOST_INDENT * body]
        if len(out_by) >= 2:
            out[k] = min(out_by)
    return out


def at_indent(line: TypeLine, lines: list[TypeLine], body: float) -> bool:
    """`line` starts where the story's paragraphs start (the indent of the first lines
    among `lines`, its body so far, from their column's left edge) and ends short of
    its column's right edge: set as a paragraph of its own, not flush right as a
    closing note is."""
    *col, own = regions.columns([*lines, line])
    if own not in col:
        return False
    # Each column's left edge, as paragraph_lines finds it (a hung `“` starts left of
    # it, a first line right of it).
    left = _edge(col, [t.x0 for t in lines], -1.0)
    starts = [t.x0 - left[k] for k, t in zip(col, lines, strict=True)]
    starts = [s for s in starts if s >= INDENT * body]
    right = max(t.x1 for k, t in zip(col, lines, strict=True) if k == own)
    return any(abs(line.x0 - left[own] - s) < 0.5 * body for s in starts) and line.x1 < right - body


def wraps_on(line: TypeLine, prev: TypeLine, around: list[TypeLine], body: float) -> bool:
    """`line` (a credit, `（包旭东摄）`) is the last line of the paragraph `prev` opens,
    not a credit set apart: `prev` starts one indent in from the column's left edge, runs
    full to its right edge and ends no sentence, and `line` starts back at the left edge
    right under it (a numbered series of photos, each with its credit run on:
    `１、威风锣鼓庆丰收` / `（孟仁泉摄）`). `around`: the lines near, the column's edges."""
    col = [
        t
        for t in around
        if t is not line
        and abs(t.size - line.size) < 0.06 * body
        and t.x0 < prev.x1
        and t.x1 > prev.x0
    ]
    if prev.closes or not col or not 0 < prev.top - line.top < 2 * body:
        return False
    # (an opening mark's box may start up to half an em left of the edge, pulled out)
    left = min(t.x0 + (0.5 * t.size if t.text[:1] in _OPENING_MARKS else 0.0) for t in col)
    right = max(t.x1 for t in col)
    return (
        INDENT * body <= prev.x0 - left <= _MOST_INDENT * body
        and prev.x1 >= right - 0.5 * body
        and line.x0 <= left + 0.5 * body
    )
