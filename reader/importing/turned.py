"""Type turned a quarter (a credit set up a picture's edge): laid flat where it stands.

A paper sets a photo's credit (`新华社记者 王伟 摄`) up or down the edge of the picture as
often as under it. PDFium gives each glyph of such a run its own box, one above the
other, and read as lines each glyph was a line of one character, the run's order
reversed, glued to whatever story stood nearest: `摄` / `伟` / `王` / … .

Here a run of turned glyphs becomes one line of upright glyphs, in the order it is read
(up the page for type turned left, down for type turned right). Beside a picture it is
set as the last line of the picture's caption, flush with the picture's right edge,
where a credit under a picture stands; elsewhere where it stood. The gaps along the run
(the spaces of `新华社记者 王伟 摄`) stay gaps. Pure geometry, no PDF library.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.importing.captions import CAPTION_DROP, LINE_DROP
from reader.importing.segment import Glyph, moved

Box = tuple[float, float, float, float]  # left, bottom, right, top

_RUN_GAP = 1.5  # ems along the run: a wider gap between two turned glyphs ends the run
_BESIDE = 1.0  # ems: a drawn box this near the run's side is the picture it stands by
_ASCENT = 0.88  # of the size: where an upright glyph's box reaches above its baseline


def lay_flat(
    turned: Sequence[tuple[Glyph, bool]], drawn: Sequence[Box], glyphs: Sequence[Glyph]
) -> list[Glyph]:
    """Upright glyphs for `turned` (each with whether it reads up the page), in runs;
    `glyphs` are the page's upright ones (a picture's caption lines among them)."""
    out: list[Glyph] = []
    for run, up in _runs(turned):
        out.extend(_flat(run, up, drawn, glyphs))
    return out


def _runs(turned: Sequence[tuple[Glyph, bool]]) -> list[tuple[list[Glyph], bool]]:
    """Consecutive glyphs (PDFium's order is the run's) turned the same way, side by side,
    each starting where the one before ends (within `_RUN_GAP` ems)."""
    runs: list[tuple[list[Glyph], bool]] = []
    for glyph, up in sorted(turned, key=lambda t: t[0].index):
        if runs and runs[-1][1] == up and _continues(runs[-1][0][-1], glyph, up):
            runs[-1][0].append(glyph)
        else:
            runs.append(([glyph], up))
    return runs


def _continues(prev: Glyph, glyph: Glyph, up: bool) -> bool:
    across = min(prev.x1, glyph.x1) - max(prev.x0, glyph.x0)
    if across < 0.3 * min(prev.x1 - prev.x0, glyph.x1 - glyph.x0):
        return False  # not in one strip
    gap = glyph.bottom - prev.top if up else prev.bottom - glyph.top
    return -0.3 * prev.size <= gap <= _RUN_GAP * max(prev.size, glyph.size)


def _flat(run: list[Glyph], up: bool, drawn: Sequence[Box], glyphs: Sequence[Glyph]) -> list[Glyph]:
    size = max(g.size for g in run)
    first = run[0]
    # Offsets along the run from its first glyph's leading edge, and each glyph's extent.
    spans = [
        (g.bottom - first.bottom, g.top - g.bottom) if up else (first.top - g.top, g.top - g.bottom)
        for g in run
    ]
    length = max(offset + extent for offset, extent in spans)
    x0, x1 = min(g.x0 for g in run), max(g.x1 for g in run)
    foot = min(g.bottom for g in run)
    picture = _picture_beside(x0, x1, foot, foot + length, size, drawn)
    if picture is None:
        start, top = x0, foot + size
    else:  # under the picture's caption, flush with its right edge, as credits are set
        start, top = picture[2] - length, _caption_foot(picture, glyphs, size) - 0.3 * size
    baseline = top - _ASCENT * size
    bottom = baseline - (1 - _ASCENT) * size
    return [
        moved(g, start + offset, start + offset + extent, bottom, top, baseline)
        for g, (offset, extent) in zip(run, spans, strict=True)
    ]


def _picture_beside(
    x0: float, x1: float, bottom: float, top: float, size: float, drawn: Sequence[Box]
) -> Box | None:
    """A drawn box (a picture) whose left or right edge the run stands by, beside it."""
    for box in drawn:
        left, box_bottom, right, box_top = box
        if min(top, box_top) - max(bottom, box_bottom) <= 0 or right - left < 4 * size:
            continue
        if abs(right - x0) <= _BESIDE * size or abs(left - x1) <= _BESIDE * size:
            return box
    return None


def _caption_foot(picture: Box, glyphs: Sequence[Glyph], size: float) -> float:
    """The foot of the lines right under `picture` that start within its width (its
    caption), or its own foot when none is."""
    left, bottom, right, _ = picture
    under = sorted(
        (g for g in glyphs if left <= g.x0 < right and g.top <= bottom + 0.3 * g.size),
        key=lambda g: -g.top,
    )
    foot, drop = bottom, CAPTION_DROP
    for glyph in under:
        if glyph.top < foot - drop * max(size, glyph.size):
            break
        foot, drop = min(foot, glyph.bottom), LINE_DROP
    return foot
