"""Whether a run of headline lines is a stack as a whole.

A run of marked lines is a headline stack when it starts after a boundary,
prints no more parts than a stack holds (wrapped lines count as one) and is not
set to the full column of the text below, which a paragraph is. The first line
of a run may instead be a paragraph's last: the stack then starts after the line
that ends it. `reader.parse.heads` marks the runs; this module judges them.
"""

from __future__ import annotations

from reader.parse import wrapmodel
from reader.parse.column import after_boundary, dateline_at, fill_after, note_end
from reader.parse.kinds import Kind
from reader.parse.lines import Line
from reader.parse.stacks import parts, wraps_seen
from reader.parse.text import INDENT, AnyOf

_MAX_STACK = 4
_WRAP_MAX = 20  # ems: lines wider than this are no wrapped headline's
_PLAIN = AnyOf("，,（(；;")  # not in a wrapped headline the model may join in a tall stack
_MARKS = frozenset("，。、；：？！”’）》」』…,.;:?!)")  # may hang past the column


def stack_at(lines: list[Line], i: int, end: int, wrapping: bool) -> bool:
    """Lines i..end are a headline stack: after a boundary, not too tall, not set full."""
    return (
        after_boundary(lines, i)
        and not _too_tall(lines, i, end, wrapping)
        and not _set_full(lines, i, end)
        and not _title_paragraph(lines, i, end)
    )


def _title_paragraph(lines: list[Line], i: int, end: int) -> bool:
    """Two lines, the lower the wider by an indent, one word across them: a paragraph.

    A wrapped headline's rest is never the wider of its lines, and a subtitle that
    is (set smaller) does not go on with the headline's word; a paragraph's
    indented first line over its full last line does (`中纪委第二次全体会议公` /
    `报（一九九八年一月二十二日）` between two paragraphs of a story: a title it prints
    as a paragraph). Only for lines of characters and marks, the lower one as wide
    as the column of the text above and no wider, and over more of the story's text.
    """
    if end != i + 1 or end + 1 >= len(lines) or lines[end + 1].kind is not Kind.BODY:
        return False
    upper, lower = lines[i], lines[end]
    if "—" in upper.text + lower.text or (upper.text + lower.text).encode("ascii", "ignore"):
        return False
    column = fill_after(lines, end + 1)[0]
    return (
        column > 0
        and lower.width - 2.5 <= upper.width <= lower.width - 1.5
        and column - 1 <= lower.width <= column + 0.5
        and wrapmodel.glued(upper.text, lower.text)
    )


def next_start(lines: list[Line], j: int, end: int) -> int:
    """The first line from j to end after a paragraph's end, else past end.

    A run of candidate lines is too tall or no stack as a whole when the lines of
    a paragraph (a list of names, no full stop) run into the stack below it: the
    stack starts after the line that ends the paragraph.
    """
    while j <= end and not (lines[j - 1].closes or note_end(lines[j - 1])):
        j += 1
    return j


def shows_wrap(lines: list[Line], i: int, end: int) -> bool:
    """Lines i..end are a stack by the rules alone, and a line of it wraps.

    The rules see it, or the model is sure of it without the page's evidence
    (in plain lines of headline length only, as `_too_tall` lets it guess).
    """
    if end == i:
        return False
    texts = [ln.text for ln in lines[i : end + 1]]
    seen = wraps_seen(texts)
    if not (seen or _plain(lines, i, end)) or not after_boundary(lines, i):
        return False
    by_rules = len(parts(texts, model=False))
    if by_rules > _MAX_STACK or _set_full(lines, i, end):
        return False
    return seen or len(parts(texts, seen=True)) < by_rules


def _plain(lines: list[Line], i: int, end: int) -> bool:
    """Lines of headline length without the commas and brackets of body text."""
    return all(ln.width <= _WRAP_MAX and not _PLAIN.search(ln.text) for ln in lines[i : end + 1])


def _too_tall(lines: list[Line], i: int, end: int, wrapping: bool) -> bool:
    """Lines i..end print more parts than a headline stack holds (wrapped lines are one)."""
    if end - i + 1 <= _MAX_STACK:
        return False
    # The wrap model may join only plain lines of headline length: lines of a
    # paragraph (wrapped at the column, so holding its commas) must not become a
    # few parts by a guess.
    model = _plain(lines, i, end) or _narrow(lines, i, end)
    return len(parts([ln.text for ln in lines[i : end + 1]], model, wrapping)) > _MAX_STACK


def _narrow(lines: list[Line], i: int, end: int) -> bool:
    """The lines over a subtitle fill half their column at most: large type, no paragraph.

    A headline wrapped in a narrow span may hold commas (`坚持解放生产` / `力不动摇，努` /
    `力寻找公有制` / `实现形式`); a paragraph's lines, commas and all, fill the column.
    A subtitle (`——…`) is set smaller, and wraps on to the stack's end over three
    lines at most.
    """
    for k in range(i, end + 1):
        ln = lines[k]
        if ln.text.startswith("——"):
            return k > i and end - k <= 2
        if ln.width > ln.measure() / 2 + 1:
            return False
    return True


def _set_full(lines: list[Line], i: int, end: int) -> bool:
    """Lines i+1..end fill the column of the text below: a paragraph, not a stack.

    Headline lines are as long as their words; a paragraph's lines after the
    first are set to the full column. Only stacks holding ，、： are doubted so:
    other lines without punctuation are rarely a paragraph's. Nor is a line that
    opens with a subtitle's two dashes under the first (700 lines so on the cached
    pages of four engines: 688 subtitles, 6 a title's second line set as a paragraph).
    """
    if end == i or not any(c in ln.text for ln in lines[i : end + 1] for c in "，、："):
        return False
    if lines[i + 1].text.startswith("——") and lines[i + 1].text[2:3] != "—":
        return False
    col = fill_after(lines, end + 1)[0]
    widths = [ln.width for ln in lines[i + 1 : end + 1]]
    if _paragraph_below(lines, i, end, widths):
        return False
    if len(widths) >= 2:  # as wide as each other: the column, even over a short last line
        return col > 0 and max(widths) - min(widths) <= 1 and min(widths) >= col - 1
    return col > 0 and abs(widths[0] - col) <= 1


def _paragraph_below(lines: list[Line], i: int, end: int, widths: list[float]) -> bool:
    """A paragraph starts under lines i..end, two ems in from the lines around it.

    Had the lines been a paragraph's, the last would have closed a sentence. A
    dateline below opens a story's first paragraph wherever it is set, and a
    first line ending in a dash is a kicker.
    Only for lines that start flush (a paragraph's first line is indented) and
    are not all as wide as the column above them (a paragraph that opens with a
    full line and wraps short before a number).
    """
    if end + 1 >= len(lines):
        return False
    if dateline_at(lines, end + 1) or lines[i].text.endswith("——"):
        return True  # a story's first paragraph below; a kicker above
    if lines[i].width < max(widths) - 1:
        return False
    above = max((ln.width for ln in lines[max(0, i - 3) : i] if ln.kind is Kind.BODY), default=0)
    if all(abs(ln.width - above) <= 0.5 for ln in lines[i : end + 1]):
        return False
    return _indented(lines[end + 1], min(max(widths), fill_after(lines, end + 2)[0]))


def _indented(line: Line, column: float) -> bool:
    """An open line two ems short of the column below it: a paragraph's first line.

    Not one that ends in a mark: the mark may hang past the column or sit in it,
    so its width is an em uncertain.
    """
    return (
        line.kind is Kind.BODY
        and line.text[-1] not in _MARKS
        and not line.closes
        and line.width <= column - INDENT
    )


def paragraph_inside(lines: list[Line], i: int, end: int, wrapping: bool) -> int:
    """The first line of a paragraph that lines i..end run into after a stack; 0 if none.

    A story's only paragraph that ends open (`演出前会见了参加中` / `国话剧９０年纪念活动
    的` / `艺术家（附图片１张）`) is marked with the stack above it and the one below,
    and the run is too tall: its first line is set in from the full line under it
    by the indent (1.5 to 2.5 ems), and the lines above it are a stack.
    """
    for k in range(i + 1, end):
        line, nxt = lines[k], lines[k + 1]
        if not (
            nxt.width - 2.5 <= line.width <= nxt.width - 1.5
            and abs(nxt.width - nxt.measure()) <= 0.5
        ):
            continue
        return k if stack_at(lines, i, k - 1, wrapping) else 0
    return 0


def stack_end(lines: list[Line], i: int) -> int:
    """The last line of the headline stack that starts at line i: a hint starts another."""
    end = i
    while end + 1 < len(lines) and lines[end + 1].head and not lines[end + 1].hint:
        end += 1
    return end
