"""The page's header band, found by the rule that closes it.

Broadsheets close their furniture with a rule across the page: the masthead and
its date band on the front page, the header row (page number, section, date,
editor) on the others. The text above such a rule, near the top of the page and
with no sentence in it, is the header; its cells are read left to right even
when they are set in different sizes on different baselines (a grid row aligned
on its middle), and the rows top down.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.importing.glyphs import Segment

Box = tuple[float, float, float, float]  # x0, bottom, x1, top

_RULE_HEIGHT = 0.4  # ems of body type: a drawn box this thin is a rule
_RULE_SPAN = 0.6  # of the text's width: a rule this long runs across the page
_TOP_SHARE = 0.25  # at most this share of the page's characters lies above the rule
_MAX_ROWS = 4
_MAX_CHARS = 80
_SENTENCE = frozenset("。！？；")


def rules(drawn: Sequence[Box], segs: Sequence[Segment], body: float) -> list[float]:
    """The heights of the rules that run across the text, top down."""
    if not segs:
        return []
    left = min(s.x0 for s in segs)
    right = max(s.x1 for s in segs)
    out = {
        round((y0 + y1) / 2, 1)
        for x0, y0, x1, y1 in drawn
        if y1 - y0 <= _RULE_HEIGHT * body
        and min(x1, right) - max(x0, left) >= _RULE_SPAN * (right - left)
    }
    return sorted(out, reverse=True)


def split(segs: list[Segment], drawn: Sequence[Box], body: float) -> list[list[Segment]] | None:
    """The header's rows and nothing else, when a rule closes a header band; else None.

    The first rule under some text qualifies when little of the page lies above it
    and that little is furniture: a few short rows, no sentence.
    """
    total = sum(len(s.glyphs) for s in segs)
    for y in rules(drawn, segs, body):
        above = [s for s in segs if s.baseline > y]  # loose boxes hang below the type
        if not above:
            continue
        chars = sum(len(s.glyphs) for s in above)
        text = "".join(s.text() for s in above)
        if chars > min(_MAX_CHARS, _TOP_SHARE * total) or any(c in _SENTENCE for c in text):
            return None
        if any(s.baseline < y < s.baseline + 0.5 * s.size for s in segs):
            return None  # text runs through the rule: not a band's edge
        found = rows(above)
        return found if len(found) <= _MAX_ROWS else None
    return None


def rows(segs: list[Segment]) -> list[list[Segment]]:
    """Segments into rows by their vertical overlap (cells of a grid row share its
    middle or its top, not their baselines: one cell's middle lies within the other),
    each row left to right, rows top down."""
    out: list[list[Segment]] = []
    span: list[tuple[float, float]] = []
    for seg in sorted(segs, key=lambda s: -s.top):
        middle = (seg.top + seg.bottom) / 2
        for k, (lo, hi) in enumerate(span):
            if lo <= middle <= hi or seg.bottom <= (lo + hi) / 2 <= seg.top:
                out[k].append(seg)
                span[k] = (min(lo, seg.bottom), max(hi, seg.top))
                break
        else:
            out.append([seg])
            span.append((seg.bottom, seg.top))
    for row in out:
        row.sort(key=lambda s: s.x0)
    return out
