"""A one-line headline over a paragraph's indented first line, after a story's end.

`（孙伟华）` / `美容美发登门` / `如果你准备参加重要的庆` / `典、隆重的婚礼、高层次的会议`
(whole-office pages: Writer justifies the first line in its indent, so the page's
text shows it short of the column by the indent): the line above ends a story
(a closed sentence, a note, a credit), the line below is set in by an indent and
no more, and the lines under it fill the column. A paragraph's first line never
stands between a story's end and another first line, so the short line between
them, left open, is a headline. `heads.mark_heads` lost it where the paragraph
below, all its lines open and short of a sentence's end, ran with it into a stack
too tall (`从南极到罗布泊` over a story ending `（附图片５张）`), or where no line end
tells it apart from a first line wrapped short (`特型演员出版书画集` / `曾在《毛泽东在青`).
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.parse import wrapmodel
from reader.parse.column import dateline_at, fill_after, note_end
from reader.parse.innerfirst import inner_first
from reader.parse.kinds import Kind
from reader.parse.lineends import DATELINE_FIRST
from reader.parse.lines import Line
from reader.parse.text import INDENT

__all__ = ["head_over_indent"]

_WIDEST = 20.0  # ems: no one-line headline of the page's text is wider
_MARKS = frozenset("，。、；：？！…—”’）》」』,.;:?!)")


def head_over_indent(lines: list[Line], after_end: Iterable[int] | None = None) -> list[int]:
    """Mark each short open line between a story's end and an indented first line;
    return the lines marked (`heads.mark_heads` asks the art notes of those too).

    The line above is asked first (`_over_indent`'s test): inside a paragraph (87% of
    the lines of bench pages) it ends no story. `after_end`: the lines to ask, in page
    order, when the caller has them (`mark_heads` lists each candidate under a line
    that ends a story as it walks the page: no second walk); every line by default. A
    line marked ends open, so the line under it is never asked.
    """
    body = Kind.BODY
    marked: list[int] = []
    last = len(lines) - 2
    for i in range(1, last) if after_end is None else after_end:
        prev = lines[i - 1]
        if 0 < i < last and (prev.closes or prev.kind is not body or prev.last in "）)"):
            line = lines[i]
            if (
                line.candidate
                and not line.head
                and _over_indent(lines, i)
                and not inner_first(lines, i)  # (story27's hook)
            ):
                line.head = True
                marked.append(i)
    return marked


def _over_indent(lines: list[Line], i: int) -> bool:
    prev, line, nxt = lines[i - 1], lines[i], lines[i + 1]
    body = Kind.BODY
    if line.kind is not body or line.width > _WIDEST or line.last in _MARKS:
        return False
    # The line above first: inside a paragraph (most candidates) it ends no story.
    if prev.head or (prev.kind is Kind.BYLINE and not note_end(prev)):
        return False  # a stack's part; a story's first line under its byline (not a
        # bracketed credit closing the story above: `（摄影：徐烨谢奇）`)
    if prev.kind is body and not ((prev.closes and prev.short) or note_end(prev)):
        return False  # (a story ends in a short line: `年６个月来的最低点。` fills its column)
    text = line.text  # no clause mark inside: five scans in C, not a generator a character
    if "，" in text or "。" in text or "；" in text or "？" in text or "！" in text:
        return False
    if line.first in DATELINE_FIRST and dateline_at(lines, i):
        return False
    if nxt.kind is not body or nxt.closes or nxt.hint or nxt.head or nxt.last in _MARKS:
        return False
    if nxt.text.startswith("——"):
        return False  # a subtitle under a headline (pagegen 554): the stack is `stacks`'
    if line.text.count("“") > line.text.count("”") or wrapmodel.glued(line.text, nxt.text):
        return False  # a word or a quote runs on: `两伊战争于１９８８年结束` / `后，因在…`
    column = fill_after(lines, i + 2)[0]
    if not _full(lines, i + 2, column):
        return False
    if column <= 0 or _set_in(line.width, column) or abs(line.width - column) < 1:
        return False  # (as wide as a first line: `李岚清表示很高兴` / `与萨维议长会面。他`; or
        # as the column, a paragraph's inner line; a headline wider is set larger)
    return _set_in(nxt.width, column)


def _full(lines: list[Line], j: int, column: float) -> bool:
    """Lines j and j+1 fill the column, open: a paragraph's inner lines, set alike.

    A pooled generator's mixed digits and marks measure loosely (`垛形状，钟体宽４．５米，高`
    over `５．８米，钟体面积为２６．１`); a first line set in shows against lines that agree.
    """
    if j + 1 >= len(lines):
        return False
    pair = lines[j : j + 2]
    return all(ln.kind is Kind.BODY and not ln.closes and ln.width >= column - 1 for ln in pair)


def _set_in(width: float, column: float) -> bool:
    """A line this wide is set in from the column by an indent, and no more."""
    return column - INDENT - 1 <= width <= column - INDENT + 0.5
