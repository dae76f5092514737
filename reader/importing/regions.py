"""Where things sit on a PDF page: picture boxes, the captions under them, columns.

A picture is an image, or a filled or framed rectangle with no text inside (what a
layout leaves for a photo); the lines right under it, within its width, are its
caption. Columns of a story are found from the lines' own boxes, so paragraph
starts are measured, not guessed from how many characters a line holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.importing.captions import CAPTION_DROP, LINE_DROP, OVERHANG, ruled
from reader.importing.segment import OPENS
from reader.importing.typography import TypeLine, credit_tail, is_credit

Box = tuple[float, float, float, float]  # x0, bottom, x1, top in PDF points, y upwards

_MIN_SIDE = 3.0  # ems of body type: smaller drawings are rules, bullets, ornaments


def pictures(drawn: Sequence[Box], lines: Sequence[TypeLine], body: float) -> list[Box]:
    """The drawn boxes that leave room for a picture: big enough, with no text inside."""
    out: list[Box] = []
    for box in drawn:
        x0, y0, x1, y1 = box
        if x1 - x0 < _MIN_SIDE * body or y1 - y0 < _MIN_SIDE * body:
            continue
        if any(_inside(line, box) for line in lines):
            continue  # a frame around a story or a tinted band: not a picture
        if box not in out:
            out.append(box)
    return out


def _inside(line: TypeLine, box: Box) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return box[0] < cx < box[2] and box[1] < cy < box[3]


def captions(
    lines: Sequence[TypeLine], boxes: Sequence[Box], body: float, drawn: Sequence[Box] = ()
) -> dict[int, int]:
    """Line index -> picture index, for the lines set as a picture's caption (not past a
    rule among `drawn` under it)."""
    out: dict[int, int] = {}
    order = sorted(range(len(lines)), key=lambda i: -lines[i].top)
    for n, (x0, y0, x1, _) in enumerate(boxes):
        reach = y0
        first = True
        type_ = (0.0, False)  # the caption's size and weight, as its first line has them
        title: list[int] = []  # a picture story's title in headline type over the caption
        mine: list[int] = []  # the lines taken, title and caption
        for i in order:
            line = lines[i]
            if i in out or line.top > y0 + 0.3 * body:
                continue
            drop = CAPTION_DROP if first else LINE_DROP
            if line.top < reach - drop * body:
                break
            if not first and ruled(drawn, x0, x1, line.top, reach):
                break  # a rule under the caption: the next row starts
            # An opening mark pulled into the margin at a line's start (`（约…`) prints
            # in the right of its box: it starts within the picture's width all the same.
            pulled = 0.6 * line.size if line.text[:1] in OPENS else 0.0
            within = line.x0 >= x0 - 0.5 * body - pulled and line.x1 <= x1 + OVERHANG * body
            if not within:
                continue
            if line.size > 1.15 * body:
                if len(title) == len(mine) < 2 and not line.closes:
                    title.append(i)  # perhaps a picture story's title: checked below
                    mine.append(i)
                    out[i] = n
                    reach = line.bottom
                    continue
                break  # a headline under the picture: its story, not a caption
            if not first and (line.size > 1.06 * type_[0] or (line.bold and not type_[1])):
                break  # larger or bolder than the caption: the next story's kicker
            out[i] = n
            mine.append(i)
            reach = line.bottom
            if first:
                type_ = (line.size, line.bold)
            first = False
        if title and not _titles_caption(lines, sorted(mine)[len(title) :], body):
            for i in mine:
                del out[i]  # a headline under the picture: its story, not a caption
    return out


def _titles_caption(lines: Sequence[TypeLine], under: list[int], body: float) -> bool:
    """Headline type over a picture's caption is a picture story's title only over text
    in caption type (smaller than the body) that ends in its credit (`…（新华社记者…摄）`)."""
    if not under or any(lines[i].size > 0.97 * body for i in under):
        return False
    last = lines[under[-1]].text
    return is_credit(last) or credit_tail("".join(lines[i].text.strip() for i in under)) >= 0


def titles(lines: Sequence[TypeLine], caption_of: dict[int, int]) -> set[int]:
    """The lines that are a picture story's title: one or two bold lines opening a
    caption whose text runs on under them in a lighter weight (`外籍家庭在上海` in bold
    at the caption's size over `近几年来，…`). A caption set bold throughout has none."""
    out: set[int] = set()
    for n in set(caption_of.values()):
        own = sorted(i for i, p in caption_of.items() if p == n)
        k = 0
        while k < len(own) and lines[own[k]].bold and not lines[own[k]].closes:
            k += 1
        title, rest = own[:k], own[k:]
        runs_on = bool(rest) and not lines[rest[0]].bold and not is_credit(lines[rest[0]].text)
        if 0 < k <= 2 and runs_on and not any(is_credit(lines[i].text) for i in title):
            out.update(title)
    return out


def columns(lines: Sequence[TypeLine]) -> list[int]:
    """A column number for each line: lines that overlap across at all share a column
    (the columns of one story never do: a gutter lies between them). The columns are
    drawn by the lines near a full column's width; a shorter line (one centred over a
    gutter) or a wider one (a line set across them) goes to the column it overlaps
    most and never joins two."""
    widths = sorted(t.x1 - t.x0 for t in lines)
    full = widths[len(widths) * 3 // 4] if widths else 0.0
    spans: list[tuple[float, float]] = []
    for line in lines:
        if 0.7 * full <= line.x1 - line.x0 <= 1.2 * full:
            _place(spans, line, merge=True)
    return [_place(spans, line, merge=False) for line in lines]


def _place(spans: list[tuple[float, float]], line: TypeLine, merge: bool) -> int:
    """The span `line` falls in (widened by it when `merge`), else a new one."""
    best, most = -1, 1.0
    for k, (lo, hi) in enumerate(spans):
        overlap = min(hi, line.x1) - max(lo, line.x0)
        if overlap > most:
            best, most = k, overlap
            if merge:
                break
    if best < 0:
        spans.append((line.x0, line.x1))
        return len(spans) - 1
    if merge:
        lo, hi = spans[best]
        spans[best] = (min(lo, line.x0), max(hi, line.x1))
    return best


def bounds(lines: Sequence[TypeLine]) -> Box:
    """The box around some lines."""
    return (
        min(t.x0 for t in lines),
        min(t.bottom for t in lines),
        max(t.x1 for t in lines),
        max(t.top for t in lines),
    )
