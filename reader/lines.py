"""Line-level facts for the parser: what each line of a page looks like.

Each line of page text is classified once (header, source, credit, byline,
cross-reference, marker, body) and measured against its column, so the parser
can decide where paragraphs, headline stacks and stories begin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from reader.text import clean_line, ends_sentence, width


class Kind(Enum):
    """What a line is, by its own pattern."""

    BODY = "body"
    SOURCE = "source"
    CREDIT = "credit"
    BYLINE = "byline"
    CROSSREF = "crossref"


MARKERS = "□■●"
_ROLE = r"(?:本报|新华社|中新社|特约|见习|实习|首席)?(?:记者|通讯员|摄影|编辑)"
SOURCE_RE = re.compile(r"^[（(]\s*(?:来源|稿件来源|信息来源)\s*[：:].*[）)]$")
CREDIT_RE = re.compile(r"(?:摄影?|供图|制图|绘图|摄于\S{0,16})[）)]?$")
_CREDIT_SHAPE = re.compile(rf"^摄于|\s(?:摄影?|供图)[）)]?$|{_ROLE}|^[（(].*[）)]$")
CREDIT_NAME_RE = re.compile(rf"^(?:{_ROLE}(?:\s*\S{{1,6}}){{1,3}}|\S{{2,4}})$")
BYLINE_RE = re.compile(rf"^(?:{_ROLE}\s+\S.{{0,24}}|[（(]{_ROLE}.{{1,24}}[）)])$")
_NAMELESS_CREDIT = re.compile(r"^(?:摄影?|供图|制图|绘图)(?:于|$)")
DATELINE_RE = re.compile(
    r"^(?:本报|新华社|中新社|人民网|新华网)[^，。：:\s]{0,12}?(?:电|讯)"
    r"(?:\s*[（(][^）)]{1,30}[）)])?"
)
CROSSREF_RE = re.compile(r"^[（(]?(?:[上下]转第?\S{1,3}版|见第?\S{1,3}版)[）)]?$")
HEADER_RE = re.compile(r"责任编辑|美术编辑|版式设计|星期[一二三四五六日天]")
# A closing mark at the end of a line may hang past the column: not counted in its fill.
_HANGING = frozenset("，。、；：？！”’）》」』…")
_PUNCT_INSIDE = re.compile(r"[、：:]$|[。；;，,]")
_NO_HEAD_START = re.compile(r"^[（(【\[]")


@dataclass
class Line:
    """One non-blank line of a page: the cleaned text and what it looks like."""

    raw: str
    text: str
    hint: bool
    width: float
    """How much of the column the line fills, in ems (a closing mark at the end hangs)."""
    kind: Kind = Kind.BODY
    closes: bool = False
    column: float = 0.0
    head: bool = False

    @property
    def short(self) -> bool:
        """Shorter than its column by more than a character: first or last line."""
        return self.width <= self.column - 1.5

    @property
    def candidate(self) -> bool:
        """Could be a headline line: body text with no sentence punctuation."""
        return (
            self.kind is Kind.BODY
            and not self.closes
            and self.width <= 40
            and _PUNCT_INSIDE.search(self.text) is None
            and _NO_HEAD_START.match(self.text) is None
            and self.text[0] not in MARKERS
        )


def make_lines(raw_lines: list[str]) -> list[Line]:
    """Build the non-blank lines of a page with their kind and column width."""
    lines: list[Line] = []
    for raw in raw_lines:
        text = clean_line(raw)
        if text:
            fill = width(text) - (text[-1] in _HANGING)
            lines.append(Line(raw, text, raw[:1] == " ", fill, closes=ends_sentence(text)))
    for line in lines:
        line.kind = _kind_of(line.raw, line.text)
    _mark_credit_names(lines)
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or _block_break(lines[i - 1], lines[i]):
            block = lines[start:i]
            for j, line in enumerate(block):
                line.column = _column(block, j)
            start = i
    return lines


def _block_break(prev: Line, line: Line) -> bool:
    """Column widths change between stories: after a source or credit, or at a hint."""
    if prev.kind in (Kind.SOURCE, Kind.CREDIT) and line.kind is not prev.kind:
        return True
    return (line.hint and prev.closes) or line.text[0] in MARKERS


def is_header(text: str) -> bool:
    """A page header line: page number, section, date, weekday, editor."""
    return HEADER_RE.search(text) is not None and len(text) <= 80


def _kind_of(raw: str, text: str) -> Kind:
    if SOURCE_RE.match(text):
        return Kind.SOURCE
    if CROSSREF_RE.match(text):
        return Kind.CROSSREF
    if len(text) <= 30 and not re.search(r"[，。；！？,;!?]", text):
        if CREDIT_RE.search(text) and _CREDIT_SHAPE.search(raw.strip()):
            return Kind.CREDIT
        if len(text) <= 16 and BYLINE_RE.match(raw.strip()):
            return Kind.BYLINE
        if (match := DATELINE_RE.match(text)) and match.end() == len(text):
            return Kind.BYLINE
    return Kind.BODY


def _mark_credit_names(lines: list[Line]) -> None:
    """A credit without a name (`摄于 3 月 25 日`) has it on the line before (`通讯员 倪修龙`)."""
    for i in range(1, len(lines)):
        prev = lines[i - 1]
        if (
            lines[i].kind is Kind.CREDIT
            and _NAMELESS_CREDIT.match(lines[i].text)
            and prev.kind in (Kind.BODY, Kind.BYLINE)
            and not prev.closes
            and CREDIT_NAME_RE.match(prev.text)
            and not CREDIT_RE.search(prev.text)
        ):
            prev.kind = Kind.CREDIT


def _column(lines: list[Line], i: int) -> float:
    """The column width around line i: a high width among its neighbours.

    Headlines are wider than their column, so outliers well above the median
    are left out before taking the second-largest width.
    """
    lo, hi = max(0, i - 4), min(len(lines), i + 5)
    near = sorted(lines[j].width for j in range(lo, hi) if j != i)
    if not near:
        return lines[i].width
    median = near[len(near) // 2]
    kept = [w for w in near if w <= median * 1.25 + 1]
    return kept[-2] if len(kept) >= 2 else kept[-1]
