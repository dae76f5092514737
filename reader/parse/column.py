"""How the text runs around a line: the column's width below it, where paragraphs and stories open.

Measures shared by the marking of headline stacks (`reader.parse.heads`) and the
assembly of stories (`reader.parse.stories`): a line inside a paragraph fills its
column, a paragraph's first line is set two ems in, and a story starts after a
line that closed its paragraph.
"""

from __future__ import annotations

import re

from reader.parse import wrapmodel
from reader.parse.captions import ends_in_credit
from reader.parse.kinds import DATELINE_HEADS, DATELINE_RE, MARKERS, PHOTO_HEAD_RE, Kind
from reader.parse.leadins import leads_in
from reader.parse.lines import Line
from reader.parse.squeeze import squeezed_width
from reader.parse.text import INDENT, AnyOf, width

DATELINE_START = frozenset("本新中人")  # what DATELINE_RE matches first
_STOPS = AnyOf("。；;！？")


def caption_below(lines: list[Line], j: int) -> bool:
    """The body text from line j runs into a photo credit: it is a caption."""
    while j < len(lines) and lines[j].kind is Kind.BODY and not lines[j].hint:
        if lines[j].closes and ends_in_credit(lines[j].text):
            return True  # `…过马路。（通讯员 宋建洋 摄）`
        j += 1
    return j < len(lines) and lines[j].kind is Kind.CREDIT


def fill_after(lines: list[Line], j: int) -> tuple[float, float]:
    """How wide the column runs from line j: the widest of the next three lines, else 0.

    Only lines of the same story count, and of the same column: a paragraph after
    a closed one starts indented, so one far wider than the lines before it is
    set in another column. The second width stops before the first line that
    closes a sentence: it is most often a paragraph's short last line.
    """
    most = open_most = 0.0
    is_open = True
    # The line before's end and width, kept in locals (this runs for most candidate lines).
    if 0 < j <= len(lines):
        before = lines[j - 1]
        closed, wide = before.closes, before.width
    else:
        closed, wide = False, 0.0
    body = Kind.BODY
    for line in lines[j : j + 3]:
        if line.kind is not body or line.hint or line.head or line.first in MARKERS:
            break
        fill = line.width
        if closed and fill > 1.5 * (most if most >= wide else wide) + 2:
            break  # far wider after a closed line: text of another column (a caption)
        closed, wide = line.closes, fill
        if fill > most:
            most = fill
        if is_open and not closed:
            open_most = most
        else:
            is_open = False
    return most, open_most


def inside_bound(lines: list[Line], i: int, line: Line, nxt: Line) -> bool:
    """`lineends._ends_over`'s test for a line inside a paragraph, without `fill_after`.

    That test asks `fill_after(lines, i + 2)`'s first width only to be small enough
    (every use of it is an upper bound) and its `column`, the larger of it and the next
    line's width, only to be large enough: the largest width of the next three lines
    (never less than `fill_after`'s) and the next line's width stand in for them. Where
    this says yes, so does that test, and `_ends_over` returns False before the call
    (most candidate lines: about 60% of the calls on bench pages); where it says no,
    the caller asks as before. Speed only (perf26): no answer changes.
    """
    width_, nxt_width = line.width, nxt.width
    if (
        nxt.closes
        or line.hint
        or width_ + 3.5 <= nxt_width
        or width_ >= nxt_width + INDENT
        or width_ >= 1.4 * nxt_width  # (`_FAR_WIDER`; its column is never narrower)
    ):
        return False  # (the tests that need no line below, asked first)
    most = 0.0
    for below in lines[i + 2 : i + 5]:
        if below.width > most:
            most = below.width
    return width_ + 3.5 > most and width_ > most - 1 and nxt_width > most - 1.5


def after_boundary(lines: list[Line], i: int) -> bool:
    """Something may start at line i: page start, or the line before closed.

    A body line that ends in a lead-in's dash short of its column (`…请看———`,
    `reader.parse.leadins`) ended its paragraph as a stop does: the story under it may
    start (a story lost into the note above it, 8 headlines on the read pages).
    """
    if i == 0:
        return True
    prev = lines[i - 1]
    return (
        prev.closes
        or prev.kind is not Kind.BODY
        or prev.head
        or note_end(prev)
        or (prev.last == "—" and leads_in(lines, i - 1))
    )


def note_end(line: Line) -> bool:
    """A short line that closes a bracket: the end of a paragraph's note or credit.

    `（作者单位：光明日报）`, `（图片）`, `（张春启）` wrapped so that only their end is
    on the line: a line inside a paragraph fills its column, so a short one ended
    the paragraph, and the bracket closed it as a full stop would.
    """
    return line.last in "）)" and line.short


# A work of art's title printed as a paragraph, the artist's name below it (`细语（中国画）`
# / `（杨光利）`): the corpus prints a title so only on a line of its own (20 of 20).
_ART_NOTE = re.compile(r"（(?:中国画|国画|油画|版画|木刻|漫画|篆刻|书法|[行隶草楷]书|大篆)）$")


def title_end(lines: list[Line], k: int) -> bool:
    """Line k is short and ends a picture title's note: it ends its paragraph as a full
    stop would (a title printed as a paragraph, `…（附图` / `片１张）`, then the text)."""
    line = lines[k]
    return (
        line.text[-1] in "）)"
        and note_end(line)
        and (
            PHOTO_HEAD_RE.search(lines[k - 1].text + line.text) is not None
            or _ART_NOTE.search(line.text) is not None
        )
    )


def listed(stack: list[str], paragraphs: list[list[str]], text: str) -> bool:
    """A line opening with the bullet that opens the first paragraph of a story with a
    headline (`stack`): the next point of its list (`●由单位…` / `●公房租金…`), not a
    brief (a brief prints no headline)."""
    return text[0] in MARKERS and bool(stack and paragraphs) and text[0] == paragraphs[0][0][0]


def starts_story(lines: list[Line], i: int) -> bool:
    """Line i opens a new story: a leading-space hint after a boundary, or a marker."""
    if i >= len(lines):
        return True
    line = lines[i]
    if line.kind is Kind.BODY and line.text[0] in MARKERS:
        return True
    if line.hint or (line.text.startswith("图为") and _picture_caption(lines, i)):
        return after_boundary(lines, i)
    return False


def _picture_caption(lines: list[Line], i: int) -> bool:
    """Line i opens a caption: 图为 (this picture shows) in a new paragraph, a credit soon after.

    图为 inside a paragraph is the caption's own second sentence.
    """
    if i and not (lines[i - 1].short or opens_paragraph(lines, i)):
        return False
    for j in range(i, min(i + 12, len(lines))):
        line = lines[j]
        if line.kind is Kind.CREDIT or (line.closes and ends_in_credit(line.text)):
            return True
        if line.kind is not Kind.BODY or (j > i and line.hint):
            return False
    return False


def dateline_at(lines: list[Line], i: int) -> bool:
    """Line i opens with a dateline: `本报北京1月11日讯`, `据新华社巴黎1月19日电`.

    The dateline may wrap onto the next line (`据新华社乌兰巴托1月` / `21日电…`).
    """
    line = lines[i]
    text = line.text[1:] if line.text[0] == "据" else line.text
    if line.kind is not Kind.BODY or not text or text[0] not in DATELINE_START:
        return False
    if i + 1 < len(lines) and len(text) < 16:
        text += lines[i + 1].text
    return text.startswith(DATELINE_HEADS) and DATELINE_RE.match(text) is not None


def opens_paragraph(lines: list[Line], i: int) -> bool:
    """Line i looks like the indented first line of a paragraph.

    It is shorter than the lines that follow it, or it is short and does not
    close a sentence (a line inside a paragraph fills the column). A full
    line after a short closed one continues it: the short one was indented.
    """
    line = lines[i]
    if line.closes:  # a one-line paragraph, or the end of one with a full line before
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        return nxt is not None and fill_after(lines, i + 1)[0] >= line.width + 1.5 and not nxt.short
    if full_between(lines, i):
        return False
    if i and _last_line(lines[i - 1]):
        return True
    if i > 1 and _ended_by_choice(lines, i):
        return True
    fill = fill_after(lines, i + 1)[0]
    if i and _indented_under_end(lines[i - 1], line, fill):
        return True
    return line.width <= fill - INDENT or line.short


def _last_line(line: Line, short_by: float = INDENT + 1.5) -> bool:
    """A closed line short of its column by more than an indent, every mark in it counted
    whole: a paragraph's last line, not an indented first line that happens to close."""
    return _closes_by_itself(line) and width(line.text) <= line.measure() - short_by


def _closes_by_itself(line: Line) -> bool:
    """A closed body line, no stack's or marked, that does not lead on (`有群众说：`)."""
    return (
        line.kind is Kind.BODY
        and line.closes
        and not (line.head or line.hint or line.indent or line.first in MARKERS)
        and line.text.rstrip("”’」』）)")[-1:] not in "：:；;"
    )


def _ended_by_choice(lines: list[Line], i: int) -> bool:
    """Line i - 1 closed short of the line above it by an indent and more, though line i's
    first unit would have fitted on it: a paragraph's last line (`刮来的飕飕寒风的呼啸。`,
    11 ems under 13).

    Under a line inside its paragraph it is no first line set in. The column is the line
    above's width, not the page's measure (a wider caption nearby may set that, or a
    block too few lines); short is told with the marks of both squeezed (a line of many
    quotes holds 16 characters in a 13-em column of TeX's), the fit with every mark whole
    (the room it leaves at the least). A line that could not take the next unit
    (`视剧《三坊七巷》。` / `这“三坊七巷”犹如`: no break on either side of a quote where
    engines follow Unicode's line breaking) goes on, and a line opening with a mark that
    opens none (`”后来…`) goes on the line above. A line below as full as the column is no
    first line where the paragraph above opened set in (the closed line was one: TeX's
    `上所感受不到的温暖。` / `人物，每次起飞前…`); where that one opened flush, it is.
    """
    prev, above, line = lines[i - 1], lines[i - 2], lines[i]
    if not (_inside(above) and _closes_by_itself(prev)) or line.text[0] in _NO_START:
        return False
    below = max(line.width, lines[i + 1].width if i + 1 < len(lines) else 0.0)
    if above.width > below + 0.5:
        return False  # wider than the column below: a headline's line read as text
    if line.width > above.width - 1 and _first_set_in(lines, i - 2):
        return False  # a full line where paragraphs are set in: the closed line was one
    column = above.text[:-1] if above.hangs else above.text  # a hanging mark takes none
    if squeezed_width(prev.text) > squeezed_width(column) - INDENT:
        return False
    return width(prev.text) + _lead(lines[i].text) <= width(column)


def _first_set_in(lines: list[Line], k: int) -> bool:
    """The paragraph holding open line k opened set in: its first line an em short of k's."""
    first = k
    while first > 0 and k - first < 40 and _inside(lines[first - 1]):
        first -= 1
    return lines[first].width <= lines[k].width - 1


def _lead(text: str) -> float:
    """The width of the first unit of text that a line cannot break inside: a run of
    Latin or digits, a character with the marks that may not open a line after it
    (`效。`), an opening mark or an ellipsis or dash (`⋯⋯`, two ems that do not part)
    with the character after it, and before a quote the
    character before it too (Unicode's line breaking breaks on neither side of `“`)."""
    match = _UNIT.match(text)
    return width(match.group(0)) if match else 1.0


_NO_START = frozenset("。，、；：！？”’）》」』")  # marks no line opens with
_UNIT = re.compile(
    r"[\x21-\x7e]+|[0-9０-９．.％%]+|.?[“‘].|[（《「『].|[…⋯—]+.|.[。，、；：！？”’）》」』]*"
)


def _indented_under_end(prev: Line, line: Line, fill: float) -> bool:
    """A closed line three ems short of the column, marks counted whole, over a line short
    of it by an indent with its marks squeezed (`乘外航所感受不到的。` / `“安安小姐”是一个动画片`,
    13 ems: a line inside a paragraph fills the column, a first line set in with its
    quotes at half width). A first line that closes and goes on is set in by the indent
    and fills the rest; one a line short of that is a last line."""
    return (
        fill > 0
        and line.width <= fill - 1
        and _last_line(prev, INDENT + 1)
        and squeezed_width(line.text) <= fill - INDENT + 0.5
    )


def _inside(line: Line) -> bool:
    return line.kind is Kind.BODY and not (line.closes or line.head or line.hint)


def full_between(lines: list[Line], i: int) -> bool:
    """Line i and the closed line above it are as full as the lines around them.

    Less a character each (a justified column may stretch a line that could not
    take the next one), so neither is a paragraph's short last line nor line i
    an indented first one, whatever the column's measure among its neighbours
    says (it may come from a wider column nearby). The lines around: up to two
    above inside the paragraph (neither its first line nor its last), and those
    below up to the first that closes.
    """
    if i < 1:
        return False
    line, above = lines[i], lines[i - 1]
    body = Kind.BODY
    if above.kind is not body or line.width < above.width - 1:
        return False  # (the last test's widths, asked first: they need no fill)
    # The fill may not pass the narrower of the two by more than an em: past it, no.
    least = line.width if line.width <= above.width else above.width
    # (`_inside` and max() written out: asked of most lines that open after a closed one.)
    fill = 0.0  # a line inside a paragraph fills the column (a mark at its end may not hang)
    for below in lines[i + 1 : i + 4]:
        if below.kind is not body or below.closes or below.head or below.hint:
            break
        full = below.width + below.hangs
        if full > fill:
            if least < full - 1:
                return False  # (the fill only grows)
            fill = full
    for j in (i - 2, i - 3):
        if j < 1:
            break
        inner, upper = lines[j], lines[j - 1]  # (`_inside` of both written out)
        if not (
            inner.kind is body
            and not (inner.closes or inner.head or inner.hint)
            and upper.kind is body
            and not (upper.closes or upper.head or upper.hint)
        ):
            break
        full = inner.width + inner.hangs
        if full > fill:
            if least < full - 1:
                return False  # (the fill only grows)
            fill = full
    return fill > 0


def set_as_paragraph(lines: list[Line], i: int, end: int) -> int:
    """The first line of lines i..end (marked as a stack) after a paragraph set there; i if none.

    Under a closed line of the story above, a paragraph's first line is set two ems
    in from the column and the lines after it fill it, up to a short last line or a
    full one (`中国人民大学教授夏甄陶略` / `论人的自我认识（附图片１张）`): a title the
    story prints as its last paragraph.
    A headline is as long as its words, but one set in body type over a column wraps at
    it too, under a kicker two ems short (`技术开发是生命线` / `《景德镇瓷的故乡》在台展` /
    `出反响大`): a paragraph only where it ends in a bracket's note (a stack line ends
    in a quote as often: `某炮兵师落实“两个武装”`), and
    what follows is no story's opening (a byline, a dateline, body text) but a stack
    of its own or a note.
    """
    if end == i or i == 0:
        return i
    prev = lines[i - 1]
    if prev.kind is not Kind.BODY or prev.head or not prev.closes:
        return i
    column = prev.measure()
    # (Its first line an em and a half out: a number may not break, `明天气象预报（１月３`.)
    if abs(lines[i].width + lines[i].hangs + INDENT - column) > 1.5:
        return i
    k = i + 1
    while k <= end:
        full = lines[k].width + lines[k].hangs
        if abs(full - column) > 1 and (full > column or k == i + 1):
            return i
        if full < column - 1 or lines[k].text[-1] in "）)":
            break  # its last line
        k += 1
    if k > end or lines[k].text[-1] not in "）)":
        return i
    if k < end:
        return k + 1  # a stack of its own follows
    after = lines[k + 1] if k + 1 < len(lines) else None
    return k + 1 if after is None or after.kind in (Kind.SOURCE, Kind.CREDIT) else i


def first_line(line: Line, nxt: Line, after: float) -> bool:
    """Line, two ems short of the column below, is the indented first line above `nxt`.

    It fills the column less the indent, and the break falls inside a phrase.
    """
    return abs(line.width + INDENT - after) <= 0.5 and wrapmodel.glued(line.text, nxt.text)


def comma_line(line: Line) -> bool:
    """A body line, no candidate, that ends in ，or 、 and closes no sentence in it.

    (Whether it is short of its column, `Line.short`, is for the caller to ask last:
    measuring the column costs more than all of this.)
    """
    text = line.text
    return (
        line.last in "，、"
        and not line.candidate
        and line.kind is Kind.BODY
        and _STOPS.search(text) is None
        and line.width <= 20
    )
