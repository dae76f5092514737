"""Vertical type (竖排): upright glyphs stacked down the page, read as one line.

A paper sets a headline or a kicker standing beside its story (竖题), a commentary's
column name (`短评`, `今日谈`) in a box, a picture's credit up its edge: upright CJK
glyphs one under another at one x, one size, at one pitch. Read as rows, each glyph
is a line of one character, and the strip they stand in is a column of its own that
the XY-cut of `reading_order` reads before or after every story beside it.

`take` lifts such runs out of the page's glyphs (a run of two or more glyphs, none of
them with a neighbour on its own baseline nearer than the glyph under or over it),
and `insert` puts each back into the page's lines as one line, top to bottom, right
before the first line of the story it stands beside (its size and weight then give
its role, as a horizontal head's do). Two runs side by side at one top, one size,
are one head wrapped right to left. A run beside a picture is laid flat as a credit
(`reader.importing.turned`). Vertical presentation forms of punctuation (︵︶﹁﹂︒︑,
U+FE10-FE19, U+FE30-FE4F) are kept as printed. Pure geometry, no PDF library.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from reader.importing.glyphs import segments
from reader.importing.reading_order import Layout, Line
from reader.importing.segment import Glyph, moved
from reader.importing.turned import Box, lay_flat

_ALIGN = 0.2  # ems: the centres of two stacked glyphs are this close across
_GAP = 1.0  # ems: a wider white between two stacked glyphs ends the run
_TIGHT = 0.3  # ems: a glyph with a neighbour on its baseline this near is in a row
_NEXT = 1.6  # ems apart at most: two runs side by side are one head's two columns
_BESIDE = 4.0  # ems of the body: a line this near the run's side is its story's


@dataclass
class Run:
    """A vertical head: its glyphs in reading order and where it stood."""

    glyphs: list[Glyph]
    x0: float
    x1: float
    bottom: float
    top: float

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)


def _stands(char: str) -> bool:
    """Characters a Chinese typesetter stands upright in a vertical run. A glyph's
    `char` may be more than one character (⸺, a two-em dash, reads as `——`): its
    first says."""
    char = char[:1] or " "
    o = ord(char)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F  # 、。〈〉《》「」『』【】〔〕
        or 0xFE10 <= o <= 0xFE19  # vertical forms
        or 0xFE30 <= o <= 0xFE4F  # CJK compatibility forms (vertical brackets)
        or 0xFF01 <= o <= 0xFF60  # full-width forms
        or char in "“”‘’…—·"
        or (char.isascii() and char.isalnum())  # set upright, turned or two in one em
    )


def _seeds(glyphs: Sequence[Glyph]) -> list[int]:
    """Glyphs that may stand in a vertical run: each of two glyphs one after the other
    in the text layer (a writer draws a run in its order) whose middles are within
    0.4 em across and the second under the first, with the two around them (a mark
    between two ideographs is boxed by its ink, off the run's axis). One pass over
    neighbours: a page of rows has none, and the rest is never looked at."""
    pairs = [
        k
        for k, (a, b) in enumerate(itertools.pairwise(glyphs))
        if -0.8 * a.size < a.x0 + a.x1 - b.x0 - b.x1 < 0.8 * a.size
        and a.bottom - 1.2 * a.size <= b.top <= a.top - 0.3 * a.size
    ]
    near = {j for k in pairs for j in range(k - 1, k + 3)}
    return sorted(j for j in near if 0 <= j < len(glyphs) and _stands(glyphs[j].char))


def take(
    glyphs: Sequence[Glyph],
    drawn: Sequence[Box] = (),
    turned: Sequence[tuple[Glyph, bool]] = (),
) -> tuple[list[Glyph], list[Run], list[tuple[Glyph, bool]]]:
    """The page's glyphs without its vertical runs (a run by a picture laid flat as a
    credit among them), the other runs as heads to `insert`, and the `turned` glyphs
    no run holds (digits and Latin turned a quarter inside a run are read in it)."""
    down = [g for g, up in turned if not up]
    pool = [*glyphs, *down]
    seeds = _seeds(glyphs)
    if len(seeds) < 2:
        return list(glyphs), [], list(turned)
    # Each seed's white to its neighbours on its row, by boxes, not baselines: a
    # squeezed mark's origin may stand off its line's baseline. Its neighbours in the
    # text layer first: most seeds sit in a row with them.
    seeds = [k for k in seeds if not _in_row(glyphs, k)]
    if len(seeds) < 2:
        return list(glyphs), [], list(turned)
    order = sorted(range(len(pool)), key=lambda k: pool[k].bottom)
    bottoms = [pool[k].bottom for k in order]
    seeds += range(len(glyphs), len(pool))
    gaps = {k: _side_gap(pool, order, bottoms, k) for k in seeds}
    loose = [k for k in seeds if gaps[k] > _TIGHT]
    chains = _chains(pool, loose, gaps)
    runs = [c for c in chains if len(c) >= 2 and _ideographs(pool, c) >= 2]
    if not runs:
        return list(glyphs), [], list(turned)
    taken = {k for c in runs for k in c}
    rest = [g for k, g in enumerate(glyphs) if k not in taken]
    gone = {id(pool[k]) for k in taken if k >= len(glyphs)}
    heads: list[Run] = []
    credits: list[tuple[Glyph, bool]] = []
    for stack in _wrapped([[pool[k] for k in c] for c in runs]):
        run = _run(stack)
        if _by_picture(run, drawn):
            credits += [(g, False) for g in stack]
        else:
            heads.append(run)
    if credits:
        rest += lay_flat(credits, drawn, rest)
    return rest, heads, [(g, up) for g, up in turned if id(g) not in gone]


def _chains(glyphs: Sequence[Glyph], loose: list[int], gaps: dict[int, float]) -> list[list[int]]:
    """The loose glyphs in runs, top down: each glyph joins the first run it stands
    right under, judged against the run's last em-wide glyph (a mark's box is its ink)."""
    chains: list[list[int]] = []
    anchors: list[Glyph] = []
    for k in sorted(loose, key=lambda k: (-round(glyphs[k].top, 1), glyphs[k].x0)):
        g = glyphs[k]
        for n, chain in enumerate(chains):
            if _under(anchors[n], glyphs[chain[-1]], g, min(gaps[chain[-1]], gaps[k])):
                chain.append(k)
                if _wide(g):
                    anchors[n] = g
                break
        else:
            if _wide(g):  # a mark starts no run
                chains.append([k])
                anchors.append(g)
    return chains


def _in_row(glyphs: Sequence[Glyph], k: int) -> bool:
    """Glyph `k` has the glyph before or after it in the text layer beside it on its
    row, nearer than `_TIGHT` ems."""
    g = glyphs[k]
    for j in (k - 1, k + 1):
        if 0 <= j < len(glyphs):
            h = glyphs[j]
            level = min(g.top, h.top) - max(g.bottom, h.bottom)
            white = max(h.x0 - g.x1, g.x0 - h.x1)
            if _one_em(g, h, max(g.size, h.size)):
                continue
            if level > 0.5 * min(g.top - g.bottom, h.top - h.bottom) and (
                -0.6 * min(g.x1 - g.x0, h.x1 - h.x0) <= white <= _TIGHT * max(g.size, h.size)
            ):
                return True
    return False


def _side_gap(glyphs: Sequence[Glyph], order: list[int], bottoms: list[float], k: int) -> float:
    """The white, in ems, from glyph `k` to the nearest glyph level with it (their boxes
    overlapping by half the lower's height) on its left or right."""
    g = glyphs[k]
    size = g.size
    nearest = float("inf")
    for j in order[bisect_left(bottoms, g.bottom - 2 * size) : bisect_left(bottoms, g.top)]:
        h = glyphs[j]
        if j == k or min(g.top, h.top) - max(g.bottom, h.bottom) <= 0.5 * min(
            g.top - g.bottom, h.top - h.bottom
        ):
            continue
        white = max(h.x0 - g.x1, g.x0 - h.x1)
        if white < -0.6 * min(g.x1 - g.x0, h.x1 - h.x0) or _one_em(g, h, size):
            continue  # on the same spot (a run's mark over the next run's glyph), or in one em
        nearest = min(nearest, max(white, 0.0) / max(size, h.size))
    return nearest


def _one_em(a: Glyph, b: Glyph, size: float) -> bool:
    """Two narrow glyphs side by side on one row within one em (`text-combine-upright`:
    `98` set across a vertical run)."""
    return (
        a.x1 - a.x0 < 0.7 * size
        and b.x1 - b.x0 < 0.7 * size
        and abs(a.top - b.top) < 0.2 * size
        and max(a.x1, b.x1) - min(a.x0, b.x0) <= 1.1 * size
    )


def _wide(glyph: Glyph) -> bool:
    """A glyph boxed by its whole em across (an ideograph; a mark's box is its ink)."""
    return glyph.x1 - glyph.x0 > 0.7 * glyph.size


def _under(anchor: Glyph, above: Glyph, glyph: Glyph, row_gap: float) -> bool:
    """`glyph` stands right under `above` in one run: one size, within the strip of the
    run's last em-wide glyph `anchor` (centred on it when em-wide itself), and the white
    between them narrower than to any neighbour on either's baseline."""
    size = anchor.size
    if abs(anchor.size - glyph.size) > 0.05 * size:
        return False
    if _one_em(above, glyph, size):
        return glyph.x0 >= above.x1 - 0.1 * size  # the second of two set in one em
    if _wide(glyph):
        if abs(anchor.x0 + anchor.x1 - glyph.x0 - glyph.x1) / 2 > _ALIGN * size:
            return False
    elif glyph.x0 < anchor.x0 - _ALIGN * size or glyph.x1 > anchor.x1 + _ALIGN * size:
        return False
    white = (above.bottom - glyph.top) / size
    return -0.3 <= white <= min(_GAP, row_gap)


def _ideographs(glyphs: Sequence[Glyph], chain: list[int]) -> int:
    return sum(1 for k in chain if "\u4e00" <= glyphs[k].char <= "\u9fff")


def _wrapped(chains: list[list[Glyph]]) -> list[list[Glyph]]:
    """Runs side by side at one top and one size joined, the right one first (a head
    set in two columns, read right to left)."""
    chains.sort(key=lambda c: -c[0].x1)
    out: list[list[Glyph]] = []
    for chain in chains:
        prev = out[-1] if out else None
        if prev is not None:
            head, first = prev[0], chain[0]
            size = head.size
            if (
                abs(head.size - first.size) <= 0.05 * size
                and abs(head.top - first.top) <= 0.5 * size
                and 0 <= min(g.x0 for g in prev) - first.x1 <= _NEXT * size
            ):
                prev.extend(chain)
                continue
        out.append(list(chain))
    return out


def _run(chain: list[Glyph]) -> Run:
    return Run(
        chain,
        min(g.x0 for g in chain),
        max(g.x1 for g in chain),
        min(g.bottom for g in chain),
        max(g.top for g in chain),
    )


def _by_picture(run: Run, drawn: Sequence[Box]) -> bool:
    """A drawn box (a picture, four ems wide at least) the run stands right beside."""
    size = run.size
    for left, bottom, right, top in drawn:
        if min(run.top, top) - max(run.bottom, bottom) <= 0 or right - left < 4 * size:
            continue
        if top - bottom < 4 * size:
            continue
        if abs(right - run.x0) <= size or abs(left - run.x1) <= size:
            return True
    return False


def insert(page: Layout, heads: Sequence[Run]) -> None:
    """Each head as one line of `page`, right before the first line of the story it
    stands beside (left or right of it); after the page's last line when none does."""
    for run in sorted(heads, key=lambda r: (-r.top, r.x0)):
        at = _beside(page, run)
        line = _line(run, page, at)
        text = " " + line.text()
        if at is None:
            page.texts.append(text)
            page.groups.append([line])
            continue
        page.texts.insert(at, text)
        page.groups.insert(at, [line])
        if not page.texts[at + 1].startswith(" "):
            page.texts[at + 1] = " " + page.texts[at + 1]


def _beside(page: Layout, run: Run) -> int | None:
    """The text line a head stands beside: on the side (left or right) of the nearest
    line level with the run, within `_BESIDE` ems, in the columns of the lines about
    as near, the highest line that starts a block no higher than two ems over the
    run's top (a headline centred over the story a kicker stands beside counts)."""
    reach = _BESIDE * page.body
    level: list[tuple[float, float, float, float, int]] = []  # side, x0, x1, top, line
    for n, group in enumerate(page.groups):
        if n < page.header:
            continue
        segs = [s for line in group for s in line.segments]
        top, bottom = max(s.top for s in segs), min(s.bottom for s in segs)
        if top <= run.bottom or bottom >= run.top + run.size:
            continue
        x0, x1 = min(s.x0 for s in segs), max(s.x1 for s in segs)
        if x0 >= run.x1 - 0.5 * run.size:
            level.append((x0 - run.x1, x0, x1, top, n))
        elif x1 <= run.x0 + 0.5 * run.size:
            level.append((run.x0 - x1, x0, x1, top, n))
    near = min(level, default=None)
    if near is None or near[0] > reach:
        return None
    right = near[1] >= run.x1 - 0.5 * run.size
    side = [t for t in level if (t[1] >= run.x1 - 0.5 * run.size) == right]
    close = [t for t in side if t[0] <= near[0] + 2 * page.body]
    x0, x1 = min(t[1] for t in close), max(t[2] for t in close)
    starts = [
        (-top, n)
        for _, a, b, top, n in side
        if min(b, x1) > max(a, x0)
        and page.texts[n].startswith(" ")
        and top <= run.top + 2 * max(run.size, top - _bottom(page, n))
    ]
    return min(starts)[1] if starts else near[4]


def _bottom(page: Layout, n: int) -> float:
    return min(s.bottom for line in page.groups[n] for s in line.segments)


def _line(run: Run, page: Layout, at: int | None) -> Line:
    """The head laid flat: its glyphs an em apart in reading order, a space where the
    run leaves more white than its pitch (a word space), set right above the line it
    goes before (or where it stood)."""
    size = run.size
    if at is None:
        x, foot = run.x0, run.top - size
    else:
        segs = [s for line in page.groups[at] for s in line.segments]
        x, foot = min(s.x0 for s in segs), max(s.top for s in segs) + 0.5 * size
    middles = [(g.top + g.bottom) / 2 for g in run.glyphs]
    steps = [a - b for a, b in itertools.pairwise(middles) if a > b]
    pitch = sorted(steps)[len(steps) // 2] if steps else size
    placed: list[Glyph] = []
    for k, g in enumerate(run.glyphs):
        if k and middles[k - 1] - middles[k] > max(pitch, size) + 0.5 * size:
            x += 0.5 * size
        placed.append(moved(g, x, x + size, foot, foot + size, foot + 0.12 * size))
        x += size
    return Line(segments(placed, page.body), True)
