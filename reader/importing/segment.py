"""A glyph (one character with its box and type) and a segment (glyphs on one baseline
with no gutter between them) with its text: where the word spaces are.

Pure geometry, no PDF library; `reader.importing.glyphs` finds the segments of a page.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

# In ems of the type.
WORD_SPACE = 0.25  # a gap this wide between glyphs is a space
# A gap of exactly WORD_SPACE is none: Typst sets a quarter em between an ideograph and
# a digit (`1998年`), which another producer's rounding (cairo's) leaves a hair wider.
_ROUNDING = 0.001
_NAME_SPACE = 0.15  # between ideographs, this much wider than the line's usual gap too
_AUTO = 0.005  # a quarter em this near is the autospace between a digit and an ideograph
HANGS = frozenset("，。、；：？！”’）》」』．")  # ．: a full-width decimal point at line end
OPENS = frozenset("“‘（《「『〔【")  # ink in the right of the box: pulled left at line start


@dataclass(frozen=True)
class Glyph:
    """One character with its box (PDF points, y upwards) and font size."""

    char: str
    x0: float
    x1: float
    bottom: float
    top: float
    baseline: float
    size: float
    weight: int = 400
    index: int = -1  # PDFium's character index: glyphs of one ligature are neighbours
    face: int = 0  # the font it is set in, numbered per page (a subset's tag aside)

    @property
    def ink_x1(self) -> float:
        """The right edge of what is printed: a closing mark sits in the left of its box,
        so one hung into the gutter does not narrow it."""
        if self.char in HANGS:
            return min(self.x1, self.x0 + 0.4 * self.size)
        return self.x1

    @property
    def ink_x0(self) -> float:
        """The left edge of what is printed: an opening mark sits in the right of its box,
        so one pulled into the gutter at a line's start does not narrow it."""
        if self.char in OPENS:
            return max(self.x0, self.x1 - 0.4 * self.size)
        return self.x0


_new = object.__new__


def _ideograph(glyph: Glyph) -> bool:
    """A CJK ideograph whose box is its whole em (PDFium gives some glyphs their ink's
    box instead: a gap after one is no gap in the line)."""
    return "\u4e00" <= glyph.char <= "\u9fff" and glyph.x1 - glyph.x0 > 0.9 * glyph.size


def _autospace(a: Glyph, b: Glyph) -> bool:
    """A quarter em (cairo's rounding aside) between a digit and an ideograph."""
    if not ((a.char.isascii() and a.char.isdigit()) ^ (b.char.isascii() and b.char.isdigit())):
        return False
    size = max(a.size, b.size)
    return (_ideograph(a) or _ideograph(b)) and abs(b.x0 - a.x1 - WORD_SPACE * size) <= _AUTO * size


def _inked(glyph: Glyph) -> bool:
    """An ideograph PDFium boxed by its ink: the white beside it tells nothing."""
    return "\u4e00" <= glyph.char <= "\u9fff" and glyph.x1 - glyph.x0 <= 0.9 * glyph.size


def make_glyph(
    char: str,
    x0: float,
    x1: float,
    bottom: float,
    top: float,
    baseline: float,
    size: float,
    weight: int,
    index: int,
    face: int = 0,
) -> Glyph:
    """`Glyph(...)` at half the cost: the same object, its fields set in one dict update
    rather than the frozen dataclass's nine `object.__setattr__` calls (a broadsheet
    page makes two to four thousand glyphs)."""
    glyph: Glyph = _new(Glyph)
    glyph.__dict__.update(
        char=char,
        x0=x0,
        x1=x1,
        bottom=bottom,
        top=top,
        baseline=baseline,
        size=size,
        weight=weight,
        index=index,
        face=face,
    )
    return glyph


def moved(glyph: Glyph, x0: float, x1: float, bottom: float, top: float, baseline: float) -> Glyph:
    """`glyph` in another box, on another baseline: the same character in the same type."""
    return make_glyph(
        glyph.char, x0, x1, bottom, top, baseline, glyph.size, glyph.weight, glyph.index, glyph.face
    )


@dataclass
class Segment:
    """Glyphs on one baseline with no gutter between them."""

    glyphs: list[Glyph]
    x0: float = field(init=False)
    x1: float = field(init=False)
    bottom: float = field(init=False)
    top: float = field(init=False)
    baseline: float = field(init=False)
    size: float = field(init=False)
    # The reach used for cutting: a headline reaches over the columns it heads.
    reach0: float = field(init=False)
    reach1: float = field(init=False)
    apart: bool = field(init=False, default=False)  # body type set over a story's columns
    caption: bool = field(init=False, default=False)  # set under a picture, within its width
    # text(), kept: the layout asks for it three times a segment; glyphs never change
    _text: str | None = field(init=False, default=None, repr=False, compare=False)
    # its height within its type's em box (`reading_order._em_span`), kept: the XY-cut
    # asks for it at every rule of every region it cuts; its glyphs never change
    em: tuple[float, float] | None = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # One pass, the comparisons `min` and `max` make (a page makes a few hundred
        # segments, each measured five ways): a later value replaces on `<` (`>`) only.
        g = self.glyphs
        first = g[0]
        x0, x1, bottom, top, size = first.x0, first.x1, first.bottom, first.top, first.size
        for c in g:
            if c.x0 < x0:
                x0 = c.x0
            if c.x1 > x1:
                x1 = c.x1
            if c.bottom < bottom:
                bottom = c.bottom
            if c.top > top:
                top = c.top
            if c.size > size:
                size = c.size
        self.x0 = self.reach0 = x0
        self.x1 = self.reach1 = x1
        self.bottom = bottom
        self.top = top
        self.baseline = first.baseline
        self.size = size

    def text(self) -> str:
        """The glyphs left to right, with a space where the gap is a word space."""
        if self._text is not None:
            return self._text
        out: list[str] = []
        prev: Glyph | None = None
        usual: dict[bool, tuple[float, float]] = {}  # `_gaps`, by `spacing`
        for glyph in self.glyphs:
            if prev is not None and glyph.char != " " and prev.char != " ":
                gap = glyph.x0 - prev.x1
                size = prev.size if prev.size > glyph.size else glyph.size
                if gap > (WORD_SPACE + _ROUNDING) * size:
                    out.append(" ")
                elif gap > _NAME_SPACE * size and _ideograph(prev) and _ideograph(glyph):
                    # A word space with no glyph of its own (Chromium writes none): the
                    # font's space, under a quarter em, between two names; wider than
                    # the line's usual gap (a justified line spreads its slack alike)
                    # and than any gap beside a non-ideograph (where a justified line
                    # puts slack too: `４３次 打 破２９项`). A quarter em between digit
                    # and ideograph is no slack, but for a gap of a quarter em itself
                    # (xeCJK's between 日 and 星期, none in its truth).
                    spacing = abs(gap - WORD_SPACE * size) > _AUTO * size
                    if spacing not in usual:
                        usual[spacing] = self._gaps(spacing)
                    median, widest = usual[spacing]
                    if gap - median > _NAME_SPACE * size and widest < gap - 0.05 * size:
                        out.append(" ")
            out.append(glyph.char)
            prev = glyph
        self._text = "".join(out).strip()
        return self._text

    def _gaps(self, spacing: bool = True) -> tuple[float, float]:
        """The median gap between neighbouring glyphs, and the widest beside a glyph
        that is no ideograph; with `spacing`, neither counts a quarter em between a
        digit and an ideograph (Typst, xeCJK and Chromium set it there: not slack)."""
        pairs = [
            (a, b) for a, b in itertools.pairwise(self.glyphs) if not (spacing and _autospace(a, b))
        ]
        gaps = sorted(b.x0 - a.x1 for a, b in pairs)
        mixed = [
            b.x0 - a.x1
            for a, b in pairs
            if not (_ideograph(a) and _ideograph(b)) and not (_inked(a) or _inked(b))
        ]
        return (gaps[len(gaps) // 2] if gaps else 0.0), max(mixed, default=0.0)


def body_size(glyphs: Sequence[Glyph]) -> float:
    """The font size most of the page's characters are set in."""
    counts: dict[float, int] = {}
    for glyph in glyphs:
        key = round(glyph.size * 2) / 2
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return 10.0
    return max(counts, key=lambda k: (counts[k], -k))


_FULL_SPACE = 1.3  # ems of the type: a full-width space (or an em quad) and its glue


def join_spaced(segs: list[Segment], body: float, named: Callable[[str], bool]) -> list[Segment]:
    """Segments of one row that `named` reads as one line once joined, a full-width
    space apart: a byline's names set an em from the role (`本报记者　马明雪`, TeX's
    `\\quad`), which cuts the row as a gutter would.

    Only runs of body-type segments that close up to `_FULL_SPACE` ems are tried, and
    only all of a run from one of its segments on (a column's text beside the byline
    makes the whole no byline, so nothing is joined)."""
    rows: dict[float, list[Segment]] = {}
    for seg in segs:
        if seg.size < 1.15 * body:
            rows.setdefault(round(seg.baseline, 1), []).append(seg)
    joined: dict[int, Segment] = {}
    dropped: set[int] = set()
    for row in rows.values():
        if len(row) < 2:
            continue
        row.sort(key=lambda s: s.x0)
        chain = [row[0]]
        for nxt in row[1:]:
            prev = chain[-1]
            if (
                nxt.x0 - prev.x1 <= _FULL_SPACE * max(nxt.size, prev.size)
                and 0.8 <= nxt.size / prev.size <= 1.25
            ):
                chain.append(nxt)
            else:
                _join_chain(chain, named, joined, dropped)
                chain = [nxt]
        _join_chain(chain, named, joined, dropped)
    if not joined:
        return segs
    return [joined.get(id(s), s) for s in segs if id(s) not in dropped]


def _join_chain(
    chain: list[Segment],
    named: Callable[[str], bool],
    joined: dict[int, Segment],
    dropped: set[int],
) -> None:
    for start in range(len(chain) - 1):
        for end in range(len(chain), start + 1, -1):
            run = chain[start:end]
            if named(" ".join(s.text() for s in run)):
                whole = Segment([g for s in run for g in s.glyphs])
                joined[id(run[0])] = whole
                dropped.update(id(s) for s in run[1:])
                return
