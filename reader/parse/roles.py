"""Roles inside a headline stack, told by the story's own column.

A headline is display type: at least about 1.3 times the body size, so set in
one column it holds no more than about three quarters of a body line's
characters. A kicker or a subtitle is set smaller, often at the body size
itself, and may fill the column. So of two plain one-line parts in a story
whose lines are no wider than its column, an upper line nearly as wide as the
column is no headline: it is the kicker, and the line below the headline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from reader.parse.text import width

_SMALL = 0.8  # of the column: wider than a one-column headline at 1.3 times the body
_HEAD = 0.85  # ...and a line that may be one (squeezed marks print narrower than counted)
_MIN_LINES = 3  # body lines needed to know the column


def body_measure(paragraphs: Sequence[list[str]]) -> float:
    """The story's column in ems: the median width of its paragraphs' full lines.

    A paragraph's last line is left out (it is short by choice); 0.0 when there
    are too few lines to tell.
    """
    widths = sorted(width(line) for lines in paragraphs for line in lines[:-1])
    if len(widths) < _MIN_LINES:
        return 0.0
    return widths[len(widths) // 2]


def small_above(above: str, below: str, measure: float) -> bool:
    """Of two one-line parts, the upper is small type and the lower a one-column headline.

    The upper line is nearly as wide as the column, too wide for display type
    there, and no wider (a wider line says the story spans more columns, where
    a headline may be as wide as a body line); the lower line is narrow enough
    to be the headline. Headline + subtitle read the other way round needs the
    story to span more than one column. On the pages read (Typst 600-719, TeX and
    Chromium 280-309, WeasyPrint 200-229) 13 such pairs were kicker + headline and
    1 headline + subtitle.
    """
    if not measure:
        return False
    return _SMALL * measure < width(above) <= measure and width(below) <= _HEAD * measure


def small_wrapped(above: list[str], below: list[str], measure: float) -> bool:
    """An upper part wrapped at the story's column over a narrower part: kicker, headline.

    Display type set in one column holds no more than about three quarters of a
    body line, so a part whose full lines (all but its last) are as wide as the
    column is set at about the body size: a kicker over the headline, not the
    headline over a subtitle, when the part below is narrower than the column
    in every line (`春节期间香港将举行盛大烟花` / `汇演` / `坚定信心稳步前进`). On
    the pages read (Typst 1500-1599, Chromium 420-479) 18 such stacks were kicker +
    headline, 2 headline + subtitle (a headline across columns as wide as one).
    """
    if len(above) < 2 or not measure or "—" in above[-1] + below[0]:
        return False  # dashes decide
    return all(abs(width(line) - measure) <= 0.5 for line in above[:-1]) and all(
        width(line) < measure - 0.5 for line in below
    )


def small_below(above: list[str], below: list[str], measure: float) -> bool:
    """A lower part wrapped at the story's column under a narrower part: headline, subtitle.

    The mirror of `small_wrapped`: a part whose full lines are as wide as the column
    is set near the body size, so under a part narrower than the column in every
    line it is the subtitle, however many lines it takes (`栾老寨的奇迹` /
    `建设防洪屏障江苏决定投` / `入四十亿`: a wrapped part under a line is read as the
    headline by `stacks._smaller_above` otherwise). On the pages read (Typst
    1500-1599, Chromium 420-479) 17 such stacks were headline + subtitle, none
    kicker + headline.
    """
    if len(below) < 2 or not measure or "—" in above[-1] + below[0]:
        return False
    return all(abs(width(line) - measure) <= 0.5 for line in below[:-1]) and all(
        width(line) < measure - 0.5 for line in above
    )


_SAID = ("？”", "！”", "。”", "…”", "⋯”")


def quote_part(stack: list[str], k: int) -> bool:
    """Stack line k starts a part by a quoted utterance: one opens on it or ended above it.

    A headline quoting what someone said (`“现在除了养` / `牛以外，还种` / `些什么
    不？”`) under a kicker starts at its quote, and the line after such a quote
    starts the next part (`“我叫童志成，是珠江钢琴……”` / `乘着生肖的纸鸢`). A
    headline wrapped at a quoted name closes it before a line's end (`上海光明乳业
    有限公司` / `“光明”牌婴儿助长奶粉`): no utterance.
    """
    return quote_parts(stack)[k]


def quote_parts(stack: list[str]) -> list[bool]:
    """`quote_part` for every line of the stack, in one pass over its characters.

    A quote opening a line is matched to its close as a stack of open quotes
    matches them (a close with none open is passed over, as counting from the
    opening line passes over it), so a run of thousands of candidate lines costs
    its length, not its square: asked line by line, 20,000 lines of `——` took 46 s.
    """
    if not any(line.startswith("“") for line in stack):
        return [False] * len(stack)  # (most stacks: only a line opening a quote is a part)
    ends: dict[int, int | None] = {}  # line opening on its first char -> where it closes, said
    opened: list[tuple[int, int]] = []
    for j, line in enumerate(stack):
        if "“" not in line and "”" not in line:
            continue  # (most lines hold no quote: asked in C)
        for at, char in enumerate(line):
            if char == "“":
                opened.append((j, at))
            elif char == "”" and opened:
                i, column = opened.pop()
                if column == 0:
                    ends[i] = j if at == len(line) - 1 and line.endswith(_SAID) else None
    last = len(stack) - 1
    said = {end for end in ends.values() if end is not None}
    return [
        k > 0 and (ends.get(k) == last if line.startswith("“") else k - 1 in said)
        for k, line in enumerate(stack)
    ]


_ROMAN = re.compile("[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_RAGGED = 1.0  # ems: full lines of one wrap differ by no more (TeX's ragged lines, squeezed marks)


def measure_cut(part: list[str], apart: Callable[[list[str], str], bool]) -> int | None:
    """Where a part of three lines or more is two parts: its full lines are of two measures.

    A wrapped part fills every line but its last to one measure, so a line wider
    or narrower than the next full line by more than `_RAGGED` is no line of the
    same wrap (`盼望好年成的乡村农民` / `镜头之二：民办` / `医院，各具特色`: a kicker
    the wrap model joined to the headline). The cut is the first where both sides
    hold to one measure each, the wrap below shows its measure twice (`_shown`: a
    full line over a stub shows it once, and TeX breaks a justified display line
    a character or two short of the one above: `中国市场已不再是自` / `己独有，目光必` /
    `须向外`), and `apart(lines, line)` allows a new part at `line` under `lines` (no
    bracket left open, no word broken); None when there is none. On PDFium's text
    of the pages read, 8 kicker stories right that were wrong (Chromium 420-479;
    MuPDF's text the same), none lost there nor on Typst 1500-1599, TeX 400-459,
    Office 400-439, ChromeReal 300-329 or the whole-article pages; a tolerance of
    half an em cut 3 wraps for 3 more kickers.
    """
    if len(part) < 3 or _one_measure(part) or any(map(_ROMAN.search, part)):
        return None  # (digits and Latin print wider or narrower than counted, by the font)
    widths = [width(line) for line in part]
    heads, tails = _measured_ends(widths)
    cuts = [
        k
        for k in range(1, len(part) - 1)
        if heads[k] and tails[k] and abs(widths[k] - widths[k + 1]) <= _RAGGED  # `_shown`
    ]
    return next((k for k in cuts if apart(part[:k], part[k])), None)


def _measured_ends(widths: list[float]) -> tuple[list[bool], list[bool]]:
    """`_one_measure` of every part[:k] and of every part[k:] (k from 1), in one pass each.

    Asked cut by cut, a part of thousands of lines (a page of lines opening quotes
    never closed, all joined) cost the square of its lines: 4,000 took 30 s.
    """
    n = len(widths)
    heads, tails = [True] * n, [True] * n
    low, high = math.inf, -math.inf  # the full lines of part[:k]: widths[: k - 1]
    for k in range(2, n):
        low, high = min(low, widths[k - 2]), max(high, widths[k - 2])
        heads[k] = high - low <= _RAGGED and widths[k - 1] <= high + _RAGGED
    low, high = math.inf, -math.inf  # the full lines of part[k:]: widths[k : n - 1]
    for k in range(n - 2, 0, -1):
        low, high = min(low, widths[k]), max(high, widths[k])
        tails[k] = high - low <= _RAGGED and widths[n - 1] <= high + _RAGGED
    return heads, tails


def _shown(line: str, below: str) -> bool:
    """The wrap's measure is shown twice: its second line is about as wide as its first."""
    return abs(width(line) - width(below)) <= _RAGGED


def _one_measure(lines: list[str]) -> bool:
    """Every line but the last is as wide as the others within `_RAGGED`, the last no wider."""
    full = [width(line) for line in lines[:-1]]
    return not full or (
        max(full) - min(full) <= _RAGGED and width(lines[-1]) <= max(full) + _RAGGED
    )
