"""Headline stacks in page text: which lines are headline lines, and where stories start.

Short lines without sentence punctuation that nothing continues are marked as
headline lines (`mark_heads`); a run of them is a stack, unless it is too tall or
set to the full column of the text below. What the page shows around a line
decides, not the line alone: a dateline or an indented line below it, a note's
closing bracket or a kicker's dashes above it, a byline under a quote, and
whether the page's other stacks wrap. The measures of the column around a line
are in `reader.parse.column`.
"""

from __future__ import annotations

import re

from reader.parse import wrapmodel
from reader.parse.column import (
    DATELINE_START,
    INDENT,
    after_boundary,
    caption_below,
    comma_line,
    dateline_at,
    fill_after,
    first_line,
    note_end,
)
from reader.parse.lines import MARKERS, PHOTO_HEAD_RE, Kind, Line
from reader.parse.stacks import parts, wraps_seen
from reader.parse.text import width

# The first unit of a line that no break divides: a Latin run, or a character with
# an opening mark before it and the closing marks after it (no line starts with ”，),
# and with an opening quote after it and the character it opens (Pango, by UAX 14,
# breaks neither before nor after a quotation mark: `一` / `份“深山奇冤”`).
_LEAD = re.compile(r"[\x21-\x7e]+|[“‘（《「『(\[]?.(?:[“‘][^\s“‘])?[”’）》」』，。、；：？！)\]]*")
_MAX_STACK = 4
_WRAP_MAX = 20  # ems: lines wider than this are no wrapped headline's
_PLAIN = frozenset("，,（(；;")  # not in a wrapped headline the model may join in a tall stack
_DATELINE_FIRST = DATELINE_START | {"据"}  # ...and 据 (据新华社…电) before it
_MARKS = frozenset("，。、；：？！”’）》」』…,.;:?!)")  # may hang past the column


def _cannot_lead(line: Line, nxt: Line, column: float = 0.0) -> bool:
    """The line is too short to be the indented first line of the next line's paragraph.

    Text is set line by line to the full column, the first line of a paragraph
    two ems in: had the line begun that paragraph, the next line's first
    character would have fitted on it. A margin of one more em absorbs the
    uneven spacing of real pages. `column`: how wide the paragraph's next lines
    run, when the next line measures short (a comma at its end hangs, or the
    line was not indented).
    """
    if nxt.kind is not Kind.BODY:
        return False
    match = _LEAD.match(nxt.text)
    lead = width(match.group(0)) if match else 1.0
    return line.width + lead + 3 <= max(nxt.width, column)


def _ends_here(lines: list[Line], i: int) -> bool:
    """Candidate line i is not continued by the line after it, so it can be a headline."""
    line = lines[i]
    if i + 1 >= len(lines) or PHOTO_HEAD_RE.search(line.text):
        return True
    nxt = lines[i + 1]
    if nxt.head or nxt.hint or nxt.text[0] in MARKERS or nxt.kind in (Kind.BYLINE, Kind.SOURCE):
        return True
    if i and line.text.startswith("——") and lines[i - 1].candidate:
        return True  # a subtitle under its headline
    if i and _kicker_over(lines, i):
        return True  # the headline under a kicker that starts a story
    if nxt.kind is not Kind.BODY:
        return False
    after, open_after = fill_after(lines, i + 2)
    column = max(nxt.width, after)  # the line, two ems in, fits it and is two ems short at most:
    if (
        not nxt.candidate  # ...over a line of a paragraph, not of a stack
        and column - 2 <= line.width + INDENT <= column + 0.5
        and wrapmodel.glued(line.text, nxt.text)
    ):
        return False  # a first line broken inside a word, short by a unit that did not fit
    if nxt.text[0] in _DATELINE_FIRST and dateline_at(lines, i + 1):
        return True  # `本报北京1月11日讯…` opens a story's first paragraph
    if line.width + 3.5 <= nxt.width and _cannot_lead(line, nxt):
        return True
    # The column below: the next lines of the paragraph; a short closing line
    # alone (a paragraph's last line) does not show how wide the column is.
    # The next line is indented: a paragraph starts there. Unless the line is that
    # paragraph's indented first line itself, as wide as the next line (short too:
    # a justified line the typesetter could not break further).
    indented = not nxt.closes and nxt.width <= max(nxt.width, after) - INDENT
    if indented and not (after_boundary(lines, i) and first_line(line, nxt, after)):
        return True
    # ...measured against the lines after it too: the next line alone may
    # measure short of the column (its hanging comma left out).
    column = max(nxt.width, open_after) if not nxt.closes else 0.0
    if line.width + 3.5 <= column and _cannot_lead(line, nxt, column):
        return True
    open_full = open_after if nxt.closes else max(nxt.width, open_after)
    if not open_full:
        return False
    starts = i == 0 or line.hint or lines[i - 1].kind in (Kind.SOURCE, Kind.CREDIT)
    if starts and line.width >= open_full - 0.5 and not caption_below(lines, i + 1):
        return True  # a story's first line that is not indented (captions often are not)
    wide = not nxt.closes and line.width >= open_full + INDENT  # set wider than its column
    return wide and not caption_below(lines, i)  # a headline, unless a caption runs on


def _comma_wrap(lines: list[Line], i: int) -> bool:
    """A short line ending in ，or 、 over a stack line: a headline broken at its comma.

    `第二，提高产品科技含量，` / `增强产品市场竞争能力` over a dateline. A line of a
    paragraph that ends so runs on into lines of that paragraph, not into a stack
    line no wider than itself and with no comma of its own.
    """
    return i + 1 < len(lines) and lines[i + 1].head and comma_line(lines[i]) and lines[i].short


def _bullet_head(lines: list[Line], i: int) -> bool:
    """A line that starts with ● heads a stack only over a stack line or a byline.

    `●单程运行８小时以上列` / `车“夕发朝至”` over an indented paragraph is a headline of
    the corpus's list kind; a brief's first line after its marker runs into the
    lines of its paragraph.
    """
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    return nxt.head or nxt.kind in (Kind.BYLINE, Kind.SOURCE)


def _kicker_over(lines: list[Line], i: int) -> bool:
    """Line i - 1 starts a story (a hint, or after a boundary) with a kicker's dashes.

    Then line i is its headline. Not under a sentence that a dash breaks at the
    line's end (`…野生动物种群———` / `秦皇岛野生动物园，为了…`: three dashes, a
    comma, a dash carried over).
    """
    above, line = lines[i - 1], lines[i]
    return (
        above.candidate
        and (above.hint or after_boundary(lines, i - 1))
        and above.text.endswith("——")
        and not above.text.endswith("———")
        and line.text[0] != "—"
        and "，" not in line.text
    )


def mark_heads(lines: list[Line]) -> bool:
    """Mark headline-stack lines: short unpunctuated lines that nothing continues.

    Returns whether the page wraps its headlines: the rules see a wrap (a stub
    of a last line, a bracket closed on the next line) in one of its stacks, or
    the wrap model joins two lines of one without that evidence.
    Typeset pages set headlines in large type over a narrow span and wrap many;
    pages that set each part on a line of its own never show one.
    """
    body = Kind.BODY
    heads: list[int] = []
    quotes = _quotes(lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line.candidate and line.text[-1] in "，、" and _comma_wrap(lines, i):
            line.candidate = True
        if not line.candidate or (line.text[0] in _DATELINE_FIRST and dateline_at(lines, i)):
            continue  # `据新华社乌兰巴托1月` / `21日电…` opens a paragraph
        if line.text[0] == "●" and not _bullet_head(lines, i):
            continue  # a brief's marker before its paragraph's first line
        # A stack starts after a boundary: skip lines inside a paragraph at once.
        prev = lines[i - 1] if i else None
        boundary = (
            prev is None or prev.closes or prev.kind is not body or prev.candidate or note_end(prev)
        )
        # ...or a line ending at a comma over this one, no wider and with no comma of its own
        comma = (
            prev is not None
            and not boundary
            and line.width <= prev.width + 0.5
            and "，" not in line.text
            and comma_line(prev)
        )
        if (
            (boundary or comma)
            and _ends_here(lines, i)
            and (boundary or prev is None or prev.short)
        ):
            line.head = True
            heads.append(i)
    _subtitle_rests(lines, heads)
    if quotes:
        _keep_quotes(lines, quotes, heads)
    starts = [i for i in reversed(heads) if not (i and lines[i - 1].head and not lines[i].hint)]
    wrapping = any(_shows_wrap(lines, i, stack_end(lines, i)) for i in starts)
    for i in starts:
        if not lines[i].head:
            continue  # unmarked already
        end = stack_end(lines, i)
        at = i
        while at <= end and not _stack_at(lines, at, end, wrapping):
            at = _next_start(lines, at + 1, end)
        for j in range(i, at):
            lines[j].head = False
    return wrapping


def _subtitle_rests(lines: list[Line], heads: list[int]) -> None:
    """A subtitle (`——…`) under a headline that fills its measure wrapped: the rest is in the stack.

    The rest is short of its column and closes no sentence, so it is no line of a
    paragraph (which fills the column, or closes it); and nothing but a subtitle's
    rest follows a subtitle in its stack. The subtitle line itself may end in a
    comma (`——八十高龄亲率众学生在沪连演三场，` / `然后又直奔北京`).
    """
    for i in list(heads):
        sub = i + 1
        if sub + 1 >= len(lines) or lines[sub + 1].head:
            continue
        line, rest = lines[sub], lines[sub + 1]
        if not (
            line.kind is Kind.BODY
            and line.text.startswith("——")
            and not line.text.startswith("———")
            and not line.closes
            and "。" not in line.text
            and line.width >= line.measure() - 1
        ):
            continue
        if (
            rest.kind is Kind.BODY
            and not rest.head
            and not rest.hint
            and rest.candidate
            and rest.width <= rest.measure() - 3
            and _ends_here(lines, sub + 1)
        ):
            for j in (sub, sub + 1):
                if not lines[j].head:
                    lines[j].head = True
                    heads.append(j)
    heads.sort(reverse=True)


def _stack_at(lines: list[Line], i: int, end: int, wrapping: bool) -> bool:
    """Lines i..end are a headline stack: after a boundary, not too tall, not set full."""
    return (
        after_boundary(lines, i)
        and not _too_tall(lines, i, end, wrapping)
        and not _set_full(lines, i, end)
    )


def _next_start(lines: list[Line], j: int, end: int) -> int:
    """The first line from j to end after a paragraph's end, else past end.

    A run of candidate lines is too tall or no stack as a whole when the lines of
    a paragraph (a list of names, no full stop) run into the stack below it: the
    stack starts after the line that ends the paragraph.
    """
    while j <= end and not (lines[j - 1].closes or note_end(lines[j - 1])):
        j += 1
    return j


def _quotes(lines: list[Line]) -> list[tuple[int, int, list[int]]]:
    """Quoted exclamations and questions of headline length, made candidates for now.

    `“旅人！别泄气，别急着回去……”` is a headline or a subtitle as often as a line
    of dialogue: it closes a sentence, so it is no candidate by itself.
    `_keep_quotes` keeps it in a stack only next to lines that are one. Each quote
    comes with the lines that were made candidates for it.
    """
    out = []
    for i, line in enumerate(lines):
        text = line.text
        if text[-1] != "”" or line.candidate or line.kind is not Kind.BODY or len(text) < 3:
            continue
        if text[-2] not in "！？…!?" or "。" in text:
            continue
        start = i
        while (
            start > max(0, i - 2) and lines[start].text[0] != "“" and _runs_into(lines[start - 1])
        ):
            start -= 1  # the quote wrapped
        if lines[start].text[0] == "“" and sum(ln.width for ln in lines[start : i + 1]) <= 24:
            made = [j for j in range(start, i + 1) if not lines[j].candidate]
            out.append((start, i, made))
            for j in made:
                lines[j].candidate = True
    return out


def _runs_into(line: Line) -> bool:
    """A line of a quote that goes on on the next line: body text, no sentence closed in it."""
    return line.kind is Kind.BODY and not line.closes and "。" not in line.text


def _keep_quotes(
    lines: list[Line], quotes: list[tuple[int, int, list[int]]], heads: list[int]
) -> None:
    """A quote stays in a stack over a byline or over a subtitle (`——…`).

    Dialogue is never followed by a byline. Under a headline and over body text
    a quote may be the story's first paragraph.
    Above a headline it is the line of dialogue that ends the story before
    (the sample page's `“俺老孙来也！”`), so it is let go, and so is a line
    above it that ended only because the quote was taken for a stack line;
    unless the quote wraps short of the column (`_display`).
    """
    for start, end, made in quotes:
        for j in made:
            lines[j].candidate = False
        above = lines[start - 1] if start else None
        below = lines[end + 1] if end + 1 < len(lines) else None
        if lines[start].head and (
            (below is not None and below.kind is Kind.BYLINE)
            or (below is not None and below.head and below.text.startswith("——"))
            or (below is None and above is not None and above.head)
            or (below is not None and below.head and _display(lines, start, end))
        ):
            continue
        for j in range(start, end + 1):
            lines[j].head = False
        if above is not None and above.head and not _ends_here(lines, start - 1):
            above.head = False
    heads[:] = [i for i in heads if lines[i].head]


def _display(lines: list[Line], start: int, end: int) -> bool:
    """A line of the quote ends short of the column, though the next line's first word fitted.

    A paragraph fills its lines to the column (its first line two ems in); a
    quote set in display type breaks where its measure or its phrases end
    (`“种田比以前轻快了，` / `剩下的时间，你们去` / `干什么？”`). The column is the
    widest of the lines of text above it.
    """
    if end == start:
        return False
    column = max(
        (
            ln.width
            for ln in lines[max(0, start - 3) : start]
            if ln.kind is Kind.BODY and not ln.head
        ),
        default=0.0,
    )
    for j in range(start, end):
        match = _LEAD.match(lines[j + 1].text)
        lead = width(match.group(0)) if match else 1.0
        indent = INDENT if j == start else 0.0  # the first line may be set in
        if lines[j].width + indent + lead + 1 <= column:
            return True  # no line of a paragraph
    return False


def _shows_wrap(lines: list[Line], i: int, end: int) -> bool:
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
    return seen or len(parts(texts)) < by_rules


def _plain(lines: list[Line], i: int, end: int) -> bool:
    """Lines of headline length without the commas and brackets of body text."""
    return all(ln.width <= _WRAP_MAX and _PLAIN.isdisjoint(ln.text) for ln in lines[i : end + 1])


def _too_tall(lines: list[Line], i: int, end: int, wrapping: bool) -> bool:
    """Lines i..end print more parts than a headline stack holds (wrapped lines are one)."""
    if end - i + 1 <= _MAX_STACK:
        return False
    # The wrap model may join only plain lines of headline length: lines of a
    # paragraph (wrapped at the column, so holding its commas) must not become a
    # few parts by a guess.
    model = _plain(lines, i, end)
    return len(parts([ln.text for ln in lines[i : end + 1]], model, wrapping)) > _MAX_STACK


def _set_full(lines: list[Line], i: int, end: int) -> bool:
    """Lines i+1..end fill the column of the text below: a paragraph, not a stack.

    Headline lines are as long as their words; a paragraph's lines after the
    first are set to the full column. Only stacks holding ，、： are doubted so:
    other lines without punctuation are rarely a paragraph's.
    """
    if end == i or not any(c in ln.text for ln in lines[i : end + 1] for c in "，、："):
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


def stack_end(lines: list[Line], i: int) -> int:
    """The last line of the headline stack that starts at line i: a hint starts another."""
    end = i
    while end + 1 < len(lines) and lines[end + 1].head and not lines[end + 1].hint:
        end += 1
    return end
