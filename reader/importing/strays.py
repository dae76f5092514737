"""Glyphs PDFium reports away from where they are drawn, put back beside their neighbours.

Chromium (Skia) writes a transformed element (`transform: scaleX()`, a condensed or
expanded headline) as a form XObject, and a glyph whose Unicode it cannot map one to one
inside a marked-content span with `/ActualText`. For such a glyph inside such a form,
PDFium's character box and origin miss the form's placement: `面` of a headline drawn at
the top of the page comes back 2,000 pt lower, at the foot, in a box three ems wide, a
line of its own. PDFium itself still knows where it was drawn: it puts no break between
it and its neighbours in its text, as it would had the pen jumped to another line.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.importing.segment import Glyph, moved

_OFF_LINE = 2.0  # baselines this many ems apart are no one line
_WIDE = 1.6  # no glyph of one character is this many ems wide (expanded type: 1.3)


def _stray(g: Glyph) -> bool:
    return g.x1 - g.x0 > _WIDE * g.size


def _apart(a: Glyph, b: Glyph) -> bool:
    return abs(a.baseline - b.baseline) > _OFF_LINE * max(a.size, b.size)


def place_strays(glyphs: list[Glyph], joined: Sequence[bool]) -> list[Glyph]:
    """`glyphs` with each stray put on its line, next to its neighbours; `joined[k]`:
    glyph k follows glyph k - 1 in PDFium's text with no break between. A stray is a
    glyph boxed wider than any one character, ems off the line of the nearest glyph of
    the same run (glyphs joined one to the next) that is boxed as a glyph is; a run of
    strays alone goes on the line under the run before it."""
    out = list(glyphs)
    # Each glyph's `_stray` asked once, in one pass: runs are then sliced of it (a page
    # of 3,000 glyphs, nearly none a stray, made a call of each through a generator).
    strays = [g.x1 - g.x0 > _WIDE * g.size for g in glyphs]
    start = previous = 0
    for end in range(1, len(glyphs) + 1):
        if end < len(glyphs) and joined[end]:
            continue
        if any(strays[start:end]):
            if all(strays[start:end]):
                if start and _apart(glyphs[start], out[start - 1]):
                    _next_line(out, previous, start, end)
            else:
                _place_run(out, start, end)
        start, previous = end, start
    return out


def _next_line(out: list[Glyph], previous: int, start: int, end: int) -> None:
    """Put a run of strays alone (the last line of a wrapped headline, one glyph long) on
    the line under the run before it, from where that one starts."""
    first, last = out[previous], out[start - 1]
    pitch = 1.2 * (last.top - last.bottom)
    width = last.x1 - last.x0
    for k in range(start, end):
        x0 = first.x0 + (k - start) * width
        out[k] = moved(
            out[k], x0, x0 + width, last.bottom - pitch, last.top - pitch, last.baseline - pitch
        )


def _place_run(out: list[Glyph], start: int, end: int) -> None:
    """Put the strays of the run `out[start:end]` beside its other glyphs, in place."""
    sound = [k for k in range(start, end) if not _stray(out[k])]
    if not sound:
        return
    for k in range(start, end):  # after the glyph before, left to right
        if _stray(out[k]) and k > sound[0] and _apart(out[k], out[k - 1]):
            out[k] = _moved(out[k], out[k - 1], after=True)
    for k in range(sound[0] - 1, start - 1, -1):  # before the glyph after, right to left
        if _apart(out[k], out[k + 1]):
            out[k] = _moved(out[k], out[k + 1], after=False)


def _moved(g: Glyph, anchor: Glyph, after: bool) -> Glyph:
    """`g` set on `anchor`'s line, right after it or right before it, as wide as it."""
    width = anchor.x1 - anchor.x0
    x0 = anchor.x1 if after else anchor.x0 - width
    return moved(g, x0, x0 + width, anchor.bottom, anchor.top, anchor.baseline)
