"""A picture series: numbered captions, each with its credit, under one headline; and
a numbered run of captions or points with no credits, an item a paragraph (`_mark_numbered`).

The 1998 paper prints a set of pictures as an article of its own: a headline
(`神州大地春来早`), then one caption a paragraph, numbered and credited
(`１、威风锣鼓庆丰收（孟仁泉摄）`, `２、瑞雪又报好年成（李永宏摄）`, ... or `图①国泰民安（新华社
记者胡海昕摄）`). The corpus holds twelve such runs (37 captions numbered from one, each
ending in its credit). Read one caption at a time, the first became a caption item that
swallowed the headline, the credit ended it, and the rest were captions or text of the
stories around. The page tells a series by itself: captions numbered 1, 2, ... one
after the other, each ending in a credit, two or more in a row. Then each caption opens
a paragraph (`indent`) and runs on to its credit, the series' headline is the unclosed
short line or two right above it, and no caption ends the story until the last.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter

from reader.parse.captions import INLINE_CREDIT
from reader.parse.kinds import Kind
from reader.parse.lines import Line

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩➀➁➂➃➄➅➆➇➈➉"  # (TeX's fonts print the dingbats: `图➀`)
# `１、`, `1、`, `图①`, `①`, `图１：`: the number a caption of a series opens with.
_NUMBER = re.compile(rf"^(?:图?([{_CIRCLED}])|([０-９0-9]{{1,2}})、|图([０-９0-9]{{1,2}})[：:、]?)")
_FIRSTS = frozenset("1１图①➀")  # how the first caption of a series starts
_TITLE = 24  # characters of a caption before its credit: a title, not a report
_CREDIT = 26  # characters of a credit in brackets (`captions.INLINE_CREDIT`: 24 inside)
_HEAD_LINES = 2  # lines of the series' headline


def _number(text: str) -> int:
    """The number a caption of a series opens with, else 0."""
    match = _NUMBER.match(text)
    if match is None:
        return 0
    circled, digits, pictured = match.groups()
    if circled:
        return _CIRCLED.index(circled) % 10 + 1
    return int(digits or pictured)  # (int reads full-width digits)


def _caption_end(lines: list[Line], start: int) -> int:
    """The last line of the numbered caption that opens at line `start` (its credit), else -1:
    a title (`威风锣鼓庆丰收`), not a report of its own (those the corpus prints with their
    credit in the line as often as apart, where they are captions: 40 of 133)."""
    texts = ""
    for j in range(start, len(lines)):
        line = lines[j]
        if j > start and ((line.head and line.hint) or _number(line.text)):
            return -1
        texts += line.text
        if line.last in "）)" and (credit := INLINE_CREDIT.search(texts)) is not None:
            return j if credit.start() <= _TITLE else -1
        if len(texts) > _TITLE + _CREDIT:
            return -1
    return -1


def _series(lines: list[Line], start: int) -> list[tuple[int, int]]:
    """The captions (first and last line) of the series that opens at line `start`."""
    groups: list[tuple[int, int]] = []
    at = start
    while at < len(lines) and _number(lines[at].text) == len(groups) + 1:
        end = _caption_end(lines, at)
        if end < 0:
            break
        groups.append((at, end))
        at = end + 1
    return groups


def mark_series(lines: list[Line]) -> None:
    """Set each caption of a numbered series (two or more) as a paragraph of its own, and
    the unclosed short lines right above it as its headline."""
    firsts = map(_FIRSTS.__contains__, map(attrgetter("first"), lines))  # (in C)
    body = Kind.BODY
    for start in list(compress(range(len(lines)), firsts)):
        if _number(lines[start].text) != 1:
            continue
        groups = _series(lines, start)
        if len(groups) < 2:
            continue
        end = groups[-1][1]
        closes = lines[end].closes
        for first, last in groups:
            for j in range(first, last + 1):
                line = lines[j]
                line.kind, line.head, line.hint, line.candidate = body, False, False, False
                line.indent = j == first
                line.closes = False  # a caption ends at its credit: here only the series does
        lines[end].closes = closes
        _mark_head(lines, start)
    _mark_numbered(lines)


# `１、`, `1：`, `图２`, `③`: how an item of a numbered run of captions or points opens;
# also `２·` (TeX's `２・`, `２．`), but not before a figure: `７·８` is a decimal. The
# corpus runs such points on too (`…有：１·…；２·…；３·…。`, a paragraph): a dotted item
# counts only where it ends in a full stop, as a paragraph does (`_dotted`, `_stops`).
_ITEM = re.compile(
    rf"^(?:图?([{_CIRCLED}])|图?([０-９0-9]{{1,2}})(?:[、：:]|[·・．](?![０-９0-9])))"
)
_DOTS = "·・．"
_ITEM_LINES = 8  # lines of one item at most: a caption or a point, not a report
_ITEM_FIRSTS = frozenset("1１图" + _CIRCLED)  # how an item of a numbered run starts


def _item(text: str) -> int:
    """The number an item of a numbered run opens with, else 0."""
    match = _ITEM.match(text)
    if match is None:
        return 0
    circled, digits = match.groups()
    return _CIRCLED.index(circled) % 10 + 1 if circled else int(digits)


def _dotted(text: str) -> bool:
    """The item is numbered with a dot (`２·`, `２・`, `２．`), not `２、` or `２：`."""
    match = _ITEM.match(text)
    return match is not None and match.group(0)[-1] in _DOTS


def _stops(text: str) -> bool:
    """The line ends a sentence with a stop, not a semicolon or a colon."""
    return text.rstrip("”’」』")[-1:] in "。！？…"


def _mark_numbered(lines: list[Line]) -> None:
    """Each item of a numbered run with no credits (`１、长征到达陕北` / `后的周恩来。` /
    `２、１９４８年４` …, `１：求知若渴的考生。` / `２：考生围着…`) opens a paragraph.

    The paper prints the captions of a set of pictures and a list's points a paragraph
    each; under a full closed line the first was read as going on with the paragraph
    above (a line inside a paragraph fills its column: nothing else said it opened).
    The page says it: items numbered 1, 2, … in order, each at most a few lines long,
    each opening right under a closed body line and closing its own last line.
    """
    body = Kind.BODY
    numbered = map(_ITEM_FIRSTS.__contains__, map(attrgetter("first"), lines))  # (in C)
    for start in list(compress(range(len(lines)), numbered)):
        if _item(lines[start].text) != 1 or lines[start].indent:
            continue
        items: list[int] = []
        ends: list[int] = []  # the first item's last line
        at = start
        while at < len(lines) and _item(lines[at].text) == len(items) + 1:
            above = lines[at - 1] if at else None
            if above is None or above.kind is not body or not above.closes:
                break
            if lines[at].kind is not body or (lines[at].head and items) or lines[at].hint:
                break
            items.append(at)
            end = at
            while end + 1 < len(lines) and end - at < _ITEM_LINES and not lines[end].closes:
                end += 1
            if not lines[end].closes or (_dotted(lines[at].text) and not _stops(lines[end].text)):
                break
            if not ends:
                ends.append(end)
            at = end + 1
        if len(items) >= 2:
            for k in items:
                lines[k].indent = True
            _unmark_first(lines, start, ends[0])


def _unmark_first(lines: list[Line], start: int, end: int) -> None:
    """The first item's lines read as a headline are its text: the run's second item says so.

    A caption set in a narrow box and justified by spreading its characters
    (`１： 在 北 京 电 报 局` / `营 业 大 厅 内， 每 天 前 来` / ..., XeTeX's pages through
    PDFium) measures, its spaces gone, short of the column and open: its first lines
    read as a head over the rest. A run numbered 1, 2, ... whose second item is text
    (`_mark_numbered`) makes the first one text too (the corpus prints no headline
    that opens `１：` or `１、` over a run's second item).
    """
    for line in lines[start : end + 1]:
        line.head = line.candidate = False


def _mark_head(lines: list[Line], start: int) -> None:
    """The series' headline: up to two unclosed short body lines right above it, under a
    line that ends a story (closed, a credit or a source) or at the page's top."""
    top = start
    while top > 0 and start - top < _HEAD_LINES:
        line = lines[top - 1]
        if line.kind is not Kind.BODY or line.closes or not line.short:
            break
        top -= 1
    if top == start or (top and lines[top - 1].kind is Kind.BODY and not lines[top - 1].closes):
        return
    for j in range(top, start):
        lines[j].head, lines[j].indent = True, False
