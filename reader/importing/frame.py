"""The frame a PDF page is read in: the page as a viewer shows it, not as it is stored.

Field PDFs (scanned e-papers, pages from printers' files) are not all drawn upright
from the origin. A page may be stored on its side and shown upright by `/Rotate`
(the text drawn turned a quarter or a half, under a turning matrix); its boxes may lie
anywhere in user space, negative or offset; its CropBox may leave out printers' marks
and the slug line set around the page. PDFium gives every glyph's box in user space,
so this module says, per page, which frame to read it in:

- `turn`: the page's `/Rotate` when most of its glyphs read upright once the page is
  shown turned (their text drawn turned the other way), else 0: a page whose text is
  upright as stored and which `/Rotate` only shows on its side is read as stored, as
  a reader turning their head would read it. By the same rule a page whose text is
  mostly turned a quarter or a half, stored and shown so, is read turned (`sideways`).
- `box`: the visible page, the CropBox within the MediaBox; `trimmed` when the CropBox
  leaves part of the MediaBox out. A glyph whose centre lies outside a CropBox is not
  page text: printers' marks and the slug line, which a viewer does not show and the
  producer cropped off on purpose. Text beyond a MediaBox with no CropBox in it is kept
  (a headline run over the page's edge, cut off by the viewer): reader cannot tell it
  from junk, and nothing read is dropped unsaid.
- a spread: a sheet wider than tall with white down its middle is two pages
  (`spread_fold`), each read and filed cropped to its `half`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Frame:
    """How to read one page: turned `turn` degrees clockwise, within `box` (user space)."""

    turn: int
    box: Box
    trimmed: bool = False

    def shows(self, left: float, bottom: float, right: float, top: float) -> bool:
        """Whether a glyph with this box is on the page as cropped (its centre inside)."""
        if not self.trimmed:
            return True
        x, y = (left + right) / 2, (bottom + top) / 2
        x0, y0, x1, y1 = self.box
        return x0 <= x <= x1 and y0 <= y <= y1

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A point of user space in the page as shown, its lower left corner at 0, 0."""
        x0, y0, x1, y1 = self.box
        if self.turn == 90:
            return y - y0, x1 - x
        if self.turn == 180:
            return x1 - x, y1 - y
        if self.turn == 270:
            return y1 - y, x - x0
        return x, y

    def rect(self, left: float, bottom: float, right: float, top: float) -> Box:
        """A box of user space in the page as shown."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def unturned(self, box: Box) -> Box:
        """A box of the page as shown back in user space (regions are stored so)."""
        x0, y0, x1, y1 = self.box
        left, bottom, right, top = box
        if self.turn == 90:  # x' = y - y0, y' = x1 - x
            return x1 - top, left + y0, x1 - bottom, right + y0
        if self.turn == 180:
            return x1 - right, y1 - top, x1 - left, y1 - bottom
        if self.turn == 270:  # x' = y1 - y, y' = x - x0
            return bottom + x0, y1 - right, top + x0, y1 - left
        return box

    def direction(self, a: float, b: float) -> tuple[float, float]:
        """A glyph's writing direction (its matrix's a, b) in the page as shown."""
        if self.turn == 90:
            return b, -a
        if self.turn == 180:
            return -a, -b
        if self.turn == 270:
            return -b, a
        return a, b


def frame_of(page: Any, textpage: Any) -> Frame:
    """The frame to read `page` in (a pypdfium2 page and its text page)."""
    left, bottom, right, top = page.get_mediabox()
    c_left, c_bottom, c_right, c_top = page.get_cropbox()
    box = (
        max(min(left, right), min(c_left, c_right)),
        max(min(bottom, top), min(c_bottom, c_top)),
        min(max(left, right), max(c_left, c_right)),
        min(max(bottom, top), max(c_bottom, c_top)),
    )
    media = (min(left, right), min(bottom, top), max(left, right), max(bottom, top))
    if box[0] >= box[2] or box[1] >= box[3]:  # a CropBox off the MediaBox: PDFium's own
        box = media
    trimmed = box != media
    rotation = page.get_rotation() % 360
    if rotation and _reads_turned(textpage, Frame(rotation, box)):
        return Frame(rotation, box, trimmed)
    return Frame(0, box, trimmed)


def sideways(
    frame: Frame, turned: list[tuple[Any, bool]], upright: int, flipped: int = 0
) -> Frame | None:
    """The frame to read a page in whose text is mostly turned as stored and as shown (a
    page scanned or set on its side or upside down, no `/Rotate`): turned a quarter so
    that most of its `turned` glyphs (each with whether it reads up the page) read
    upright, or a half when most of the `upright` ones (the glyphs not turned a quarter)
    are `flipped`, drawn upside down. None when most of the text reads upright already,
    or the page is read turned anyway."""
    if frame.turn:
        return None
    if len(turned) <= upright:
        return Frame(180, frame.box, frame.trimmed) if 2 * flipped > upright else None
    up = sum(1 for _, reads_up in turned if reads_up)
    return Frame(90 if 2 * up > len(turned) else 270, frame.box, frame.trimmed)


def _reads_turned(textpage: Any, turned: Frame) -> bool:
    """Whether more of the page's glyphs read upright shown turned than as stored."""
    import ctypes

    import pypdfium2.raw as raw

    handle = textpage.raw
    matrix = raw.FS_MATRIX()
    ref = ctypes.byref(matrix)
    stored = shown = 0
    for i in range(max(raw.FPDFText_CountChars(handle), 0)):
        if raw.FPDFText_IsGenerated(handle, i) or not raw.FPDFText_GetMatrix(handle, i, ref):
            continue
        a, b = matrix.a, matrix.b
        stored += a > abs(b)
        a, b = turned.direction(a, b)
        shown += a > abs(b)
    return shown > stored


_SPREAD = 1.2  # width over height past which a newspaper page may be two side by side
_HALF = 0.1  # the share of the glyphs each half of a spread holds at least
_FOLD = 0.03  # the white down a spread's middle, as a share of its width, at least


class _Spanned(Protocol):
    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...


def spread_fold(frame: Frame, glyphs: Sequence[_Spanned]) -> float | None:
    """Where a page that is plainly two pages of an issue side by side (a spread) folds,
    as shown; None for any other page. `glyphs` have their left and right edges as
    shown. Newspaper pages are taller than wide; a spread is wider than tall, holds text
    on both halves, and no glyph comes near its middle: the two pages' inner margins lie
    there. (A single wide page is crossed by its headlines or set with a column gutter
    there, a few points wide; a spread whose headline runs across the fold is one.)
    The glyphs' edges are listed only on a page wider than tall: most pages are not."""
    x0 = frame.box[0]
    width, height = shown_size(frame)
    if width <= _SPREAD * height or not glyphs:
        return None
    spans = [(g.x0, g.x1) for g in glyphs]
    middle = (x0 if frame.turn == 0 else 0.0) + width / 2
    white = _FOLD * width / 2
    if any(left < middle + white and right > middle - white for left, right in spans):
        return None
    left = sum(1 for a, b in spans if a + b < 2 * middle)
    if min(left, len(spans) - left) < _HALF * len(spans):
        return None
    return middle


def shown_size(frame: Frame) -> tuple[float, float]:
    """The page's width and height as shown."""
    x0, y0, x1, y1 = frame.box
    return (y1 - y0, x1 - x0) if frame.turn in (90, 270) else (x1 - x0, y1 - y0)


def half(frame: Frame, fold: float, right: bool) -> Box:
    """One page of a spread folding at `fold`, as a box of user space (its CropBox)."""
    width, height = shown_size(frame)
    x0, y0 = (frame.box[0], frame.box[1]) if frame.turn == 0 else (0.0, 0.0)
    shown = (fold, y0, x0 + width, y0 + height) if right else (x0, y0, fold, y0 + height)
    return frame.unturned(shown)
