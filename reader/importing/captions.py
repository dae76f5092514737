"""A picture's caption is read within the picture's width.

A credit set flush right under a picture may stick out past the picture's edge, up to
a point or two from the column beside it; the XY-cut of `reading_order` would then
find no gutter between the picture's column and that column, and read them row by
row. The lines right under a picture that start within its width are its caption:
for cutting they reach as far as the picture does, no further and no less (a credit
set flush right under a shorter caption line must not read as a column of its own).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.importing.glyphs import Segment

Box = tuple[float, float, float, float]  # x0, bottom, x1, top in PDF points, y upwards

_MIN_SIDE = 3.0  # ems of body type: smaller drawings are rules, bullets, ornaments
CAPTION_DROP = 2.5  # ems: a caption's first line starts this close under its picture
LINE_DROP = 1.2  # ems: white space between the lines of one caption
OVERHANG = 1.5  # ems: a caption line may reach this far past the picture's right edge
_RULE = 0.1  # a drawing this much flatter than it is long is a rule


def pictures(drawn: Sequence[Box], segs: Sequence[Segment], body: float) -> list[Box]:
    """The drawn boxes that leave room for a picture: big enough, with no text inside."""
    out: list[Box] = []
    for box in drawn:
        x0, y0, x1, y1 = box
        if x1 - x0 < _MIN_SIDE * body or y1 - y0 < _MIN_SIDE * body or box in out:
            continue
        if not any(_inside(s, box) for s in segs):
            out.append(box)
    return out


def _inside(seg: Segment, box: Box) -> bool:
    cx, cy = (seg.x0 + seg.x1) / 2, (seg.top + seg.bottom) / 2
    return box[0] < cx < box[2] and box[1] < cy < box[3]


def ruled(drawn: Sequence[Box], x0: float, x1: float, below: float, above: float) -> bool:
    """A rule is drawn between two heights across some of a picture's width: what is
    under it is the next row's, never the picture's caption."""
    return any(
        r[3] - r[1] <= _RULE * (r[2] - r[0]) and r[0] < x1 and r[2] > x0 and below <= r[1] <= above
        for r in drawn
    )


def hold(segs: Sequence[Segment], drawn: Sequence[Box], body: float) -> None:
    """Keep the reach of each picture's caption lines within the picture's width, and
    mark them: no headline beside the picture claims them as a column of its story."""
    order = sorted(segs, key=lambda s: -s.top)
    for x0, y0, x1, _ in pictures(drawn, segs, body):
        reach = y0
        first = True
        for seg in order:
            if seg.top > y0 + 0.3 * body or seg.x0 < x0 - 0.5 * body or seg.x0 >= x1:
                continue
            if seg.top < reach - (CAPTION_DROP if first else LINE_DROP) * body:
                break
            if not first and ruled(drawn, x0, x1, seg.top, reach):
                break
            if seg.size > 1.15 * body:
                break  # a headline under the picture: its story, not a caption
            if seg.x1 > x1 + OVERHANG * body:
                continue  # a wider line: not the picture's
            # The picture's whole width: a credit set flush right under a caption that
            # ends further left is cut from neither it nor the picture's column.
            seg.reach0, seg.reach1 = x0, x1
            seg.caption = True
            reach = seg.bottom
            first = False
