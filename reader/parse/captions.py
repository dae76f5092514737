"""Photo credits inside caption text: at the end of its sentence, or split over lines."""

from __future__ import annotations

import re

from reader.parse.lines import Kind, Line
from reader.parse.text import CLOSING_MARKS

# `…再添一金。（本报记者 吴萍磊 摄）`, `…在一起。（新华社发）`, `（资料图片）`: a credit in
# brackets closing the caption sentence.
_INLINE_CREDIT = re.compile(
    r"[（(][^（）()]{0,24}?(?:摄影?|供图|制图|绘图|资料图片|社发|摄于[^（）()]{0,16})[）)]$"
)
_STOPS = "。！？!?”’"
_MAX_CAPTION_LINES = 16


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
    if not credit:
        match = _INLINE_CREDIT.search(last)
        if match and match.start() and last[match.start() - 1] in _STOPS:
            paragraphs[-1] = last[: match.start()]
            credit.append(match.group(0))
        return
    at = max(last.rfind("（"), last.rfind("("))
    if at > 0 and len(last) - at <= 20 and last.find("）", at) < 0 and last.find(")", at) < 0:
        paragraphs[-1] = last[:at].rstrip()  # the extractor's space before the bracket
        credit.insert(0, last[at:])


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
        if start is not None and (last < c or _own_measure(lines, start, last)):
            starts.add(start)
    return starts


def _own_measure(lines: list[Line], start: int, last: int) -> bool:
    """The caption's lines are set wider or narrower than the column above it.

    A bracketed credit at the end of a paragraph set in the story's own column
    is the story's (a picture's credit kept in its text); a caption under a
    picture has the picture's measure.
    """
    mine = max(ln.width for ln in lines[start : last + 1])
    above = [ln.width for ln in lines[max(0, start - 5) : start - 1] if ln.kind is Kind.BODY]
    return not above or abs(mine - max(above)) >= 1.5


def _run_start(lines: list[Line], last: int) -> int | None:
    """The first line of the caption ending at line `last`; None when it is the story's."""
    full = lines[last].width
    j = last
    while j > 0 and last - j < _MAX_CAPTION_LINES:
        prev = lines[j - 1]
        if prev.kind is not Kind.BODY or prev.head or lines[j].hint:
            return None  # the caption is all of its story's body
        if prev.closes and prev.width <= full - 1.5 and _full_stop(prev.text):
            return j  # the last line of the paragraph before
        if not prev.closes:
            full = max(full, prev.width)
        j -= 1
    return None
