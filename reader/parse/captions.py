"""Photo credits inside caption text: at the end of its sentence, or split over lines."""

from __future__ import annotations

import re

from reader.parse.lines import MARKERS, Kind, Line
from reader.parse.text import CLOSING_MARKS, join_lines

# `…再添一金。（本报记者 吴萍磊 摄）`, `…在一起。（新华社发）`, `（资料图片）`,
# `（新华社发美联社照片）`: a credit in brackets closing the caption sentence.
_INLINE_CREDIT = re.compile(
    r"[（(][^（）()]{0,24}?(?:摄影?|供图|制图|绘图|资料图片|照片|社发|摄于[^（）()]{0,16})[）)]$"
)
_STOPS = "。！？!?”’"
_MAX_CAPTION_LINES = 24
_INDENT = 1.5  # ems a paragraph's first line is set in
# How captions open: `图为`, `这是`, a picture's number (`１、`, `２：`), a pointer (`▲`).
_CAPTION_OPENING = re.compile(r"^(?:图为|图中|这是|上图|下图|[▲△←→↑↓]|[0-9０-９][、：:])")


def ends_in_credit(text: str) -> bool:
    """A line (or paragraph) that ends with a bracketed photo credit."""
    return text[-1] in "）)" and _INLINE_CREDIT.search(text) is not None


def split_credit(paragraphs: list[str], credit: list[str]) -> None:
    """Move a credit printed inside the caption text into `credit`, in place.

    A bracketed credit after the caption's last sentence is the credit; an opening
    bracket left open at the end of the text starts the credit line below it
    (`…（本报记者 吴萍` / `磊 摄）`).
    """
    if not paragraphs:
        return
    last = paragraphs[-1]
    match = _INLINE_CREDIT.search(last)
    if match and match.start() and last[match.start() - 1] in _STOPS:
        # Also over a credit line of its own: `…气氛。（新华社记者戴浩摄）` / `（传真照片）`.
        paragraphs[-1] = last[: match.start()]
        credit.insert(0, match.group(0))
        return
    if not credit:
        return
    at = max(last.rfind("（"), last.rfind("("))
    if at > 0 and len(last) - at <= 20 and last.find("）", at) < 0 and last.find(")", at) < 0:
        paragraphs[-1] = last[:at].rstrip()  # the extractor's space before the bracket
        # `（新华社记者陈天` + `湖摄）`: the break fell inside the credit, no space there.
        credit[0] = join_lines([last[at:], credit[0]])


def _full_stop(text: str) -> bool:
    """A closed line that does not end in a colon or semicolon (those lead on)."""
    body = text.rstrip(CLOSING_MARKS)
    return bool(body) and body[-1] not in "：；:;"


def caption_starts(lines: list[Line]) -> set[int]:
    """Lines where a photo caption starts that nothing else marks (no hint, no 图为).

    A caption is one paragraph that ends at its credit (a credit line below it,
    or in brackets at its end). Its lines run back from there to the line after
    a paragraph's short last line: set under a picture, often wider than the
    columns, and not indented, it follows the story before it with no other sign.
    """
    starts: set[int] = set()
    credit, body = Kind.CREDIT, Kind.BODY
    for c, line in enumerate(lines):
        kind = line.kind
        if kind is credit:
            if not c or lines[c - 1].kind is not body:
                continue  # the second line of a credit split over two, or no caption
            last = c - 1
        elif line.text[-1] in "）)" and kind is body and line.closes and ends_in_credit(line.text):
            last = c
        else:
            continue
        start = _run_start(lines, last)
        if start is not None:
            starts.add(start)
    return starts


def _run_start(lines: list[Line], last: int) -> int | None:
    """The first line of the caption ending at line `last`; None when it is the story's.

    The caption starts after a paragraph's short last line. Set in the story's own
    column under a paragraph whose last line is full, it starts after a line that
    closes a sentence: of those above it, the latest, or one that opens as captions
    do (`图为`, `２、`); the search stops at a paragraph's indented first line.
    """
    full = lines[last].width
    cut = None
    j = last
    while j > 0 and last - j < _MAX_CAPTION_LINES:
        prev = lines[j - 1]
        if prev.kind is not Kind.BODY or prev.head or lines[j].hint:
            return cut if prev.kind is Kind.BODY and not prev.head else None
        if lines[j].text[0] in MARKERS:
            return cut  # a brief starts there
        if prev.closes and _full_stop(prev.text):
            if prev.width <= full - 1.5:
                return j  # the last line of the paragraph before
            if cut is None or _CAPTION_OPENING.match(lines[j].text):
                cut = j
        elif cut is not None and prev.width <= full - _INDENT:
            return cut  # the indented first line of the story's paragraph
        if not prev.closes:
            full = max(full, prev.width)
        j -= 1
    return cut
