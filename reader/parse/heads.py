"""Headline stacks in page text: which lines are headline lines, and where stories start.

Short lines without sentence punctuation that nothing continues are marked as
headline lines (`mark_heads`); a run of them is a stack, unless it is too tall or
set to the full column of the text below. What the page shows around a line
decides, not the line alone: a dateline or an indented line below it, a note's
closing bracket or a kicker's dashes above it, a byline under a quote, and
whether the page's other stacks wrap. Whether a line ends where it stands is
`reader.parse.lineends`'s question, whether a run is a stack as a whole
`reader.parse.stackshape`'s; the measures of the column around a line are in
`reader.parse.column`. Quoted lines of headline length are decided here.
"""

from __future__ import annotations

import re

from reader.parse.artnotes import unmark_art_notes
from reader.parse.column import (
    after_boundary,
    comma_line,
    dateline_at,
    note_end,
    set_as_paragraph,
)
from reader.parse.dashruns import unmark_dash_runs
from reader.parse.innerfirst import unmark_inner_firsts
from reader.parse.kinds import Kind
from reader.parse.leadends import dash_end
from reader.parse.leadins import leads_in, starts_under
from reader.parse.lineends import DATELINE_FIRST, ends_here, lead_width
from reader.parse.lines import Line
from reader.parse.overindent import head_over_indent
from reader.parse.phototitle import over_caption
from reader.parse.stackshape import (
    next_start,
    paragraph_inside,
    shows_wrap,
    stack_at,
    stack_end,
)
from reader.parse.stackwraps import (
    after_open_end,
    bullet_head,
    colon_wrap,
    comma_wrap,
    wrap_over_dateline,
)
from reader.parse.text import INDENT

__all__ = ["mark_heads", "stack_end"]


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
    after_end: list[int] = []  # candidates under a story's end, bottom up
    ends = "".join([line.last for line in lines])  # (set by `make_lines`, never changed)
    quotes = _quotes(lines, ends) if "”" in ends else []
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line.candidate:  # (a candidate's own wrap tests would only set it again)
            if not (
                (line.last in "，、" and comma_wrap(lines, i))
                or (line.last == "：" and colon_wrap(lines, i))
            ):
                continue
            line.candidate = True
        if line.first in DATELINE_FIRST and dateline_at(lines, i):
            continue  # `据新华社乌兰巴托1月` / `21日电…` opens a paragraph
        prev = lines[i - 1] if i else None
        if prev is not None and (prev.closes or prev.kind is not body or prev.last in "）)"):
            after_end.append(i)  # (`head_over_indent` asks these candidates only)
        if line.first == "●" and not bullet_head(lines, i):
            continue  # a brief's marker before its paragraph's first line
        if line.last == "—" and dash_end(lines, i):
            continue  # a paragraph's lead-in dashes end it (`…这方面已` / `留下不少———`)
        # A stack starts after a boundary: skip lines inside a paragraph at once.
        if prev is not None and prev.kind is Kind.BYLINE and not _credit_end(lines, i - 1):
            continue  # a byline or a dateline stands over its story's first paragraph
            # (a name cut off a byline, `本报记者` / `张超桂` / `马立`, is no such line)
        if (
            prev is not None
            and prev.closes
            and _next_paragraph(lines, i)
            and not over_caption(lines, i, lead_width)
        ):
            continue  # (unless a caption is under it, which is not set in: its title)
        boundary = (
            (
                prev is None
                or prev.closes
                or prev.kind is not body
                or prev.candidate
                or (prev.last in "）)" and note_end(prev))  # (its first test, before the call)
                or (prev.last == "—" and leads_in(lines, i - 1))  # `…请看———`
            )
            # (each asked only where its own first width test lets the line through: speed)
            or (line.width < prev.width - 0.5 and wrap_over_dateline(lines, i))
            or (i > 1 and prev.width <= lines[i - 2].width - INDENT and after_open_end(lines, i))
        )
        # ...or a line ending at a comma over this one, no wider and with no comma of its own
        comma = (
            prev is not None
            and not boundary
            and "，" not in line.text
            and comma_line(prev)
            and (line.width <= prev.width + 0.5 or _phrase_break(lines, i))
        )
        if (boundary or comma) and ends_here(lines, i) and (boundary or prev is None or prev.short):
            line.head = True
            heads.append(i)
    _subtitle_rests(lines, heads)
    _table_titles(lines, heads)
    if quotes:
        _keep_quotes(lines, quotes, heads)
    starts = [i for i in reversed(heads) if not (i and lines[i - 1].head and not lines[i].hint)]
    wrapping = any(shows_wrap(lines, i, stack_end(lines, i)) for i in starts)
    for i in starts:
        if not lines[i].head:
            continue  # unmarked already
        end = stack_end(lines, i)
        at = set_as_paragraph(lines, i, end)  # a paragraph's lines, then the stack
        kept = range(0)
        if at <= end and not stack_at(lines, at, end, wrapping):
            cut = paragraph_inside(lines, at, end, wrapping)  # the stack, a paragraph, a stack
            after = next_start(lines, cut + 1, end) if cut else end + 1
            if after <= end:  # (only where the paragraph is seen to end inside the run)
                kept, at = range(at, cut), after
        while at <= end and not stack_at(lines, at, end, wrapping):
            at = next_start(lines, at + 1, end)
        if at > end:  # ...but a wrapped headline over a dateline stands after an open line
            at = next((k for k in range(i, end + 1) if _open_start(lines, k)), at)
        for j in range(i, at):
            if j not in kept:
                lines[j].head = False
    overs = head_over_indent(lines, after_end[::-1])
    # (it asks only headline lines that end in `）`: each marked one is in heads or overs)
    if "）" in ends and any(ends[i] == "）" for i in (*heads, *overs)):
        unmark_art_notes(lines)
    unmark_inner_firsts(lines, heads)  # (story27's hooks: a paragraph's first line running
    unmark_dash_runs(lines, heads)  # on; a paragraph's dash at a stack line's end)
    return wrapping


def _open_start(lines: list[Line], k: int) -> bool:
    """A stack starts at line k after a paragraph left open (`reader.parse.stackwraps`)."""
    return wrap_over_dateline(lines, k) or after_open_end(lines, k) or starts_under(lines, k)


def _next_paragraph(lines: list[Line], i: int) -> bool:
    """Line i, after a paragraph's closed last line, is the next paragraph's first line.

    It is the column the paragraph above filled less the indent (an em either
    way, Chromium's digits and marks measure loosely), and the line under it
    fills that column and holds a comma: an inner line of a paragraph
    (`出了血，全然不顾。` / `某团“卫国先锋连”冲` / `上来了，当天就救出２０多名`).
    A stack under a story is seldom set so with a line of text at the full
    column under it. Read on Chromium, TeX and Typst pages: 14 false stories
    gone in 420, no stack lost (`bench/README.md`, branch `para14`).
    Not over a lead's opening (`本报讯…`, a dateline): it opens a story, so the
    line over it is that story's headline (`…赴山区义诊` / `本报讯春节前夕，…`).
    """
    if i < 4 or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    if nxt.kind is not Kind.BODY or nxt.closes or nxt.hint:
        return False  # (a hint: set in, `一、镇区规模` / `　毋庸讳言，“输`: a paragraph starts)
    if nxt.text.startswith(_LEADS) or (nxt.first in DATELINE_FIRST and dateline_at(lines, i + 1)):
        return False  # a story's lead opens there (`本报讯…`, `据新华社…电`): no inner line
    if "，" not in nxt.text[:-1] and "、" not in nxt.text:
        return False
    widths = [
        ln.width
        for ln in lines[i - 4 : i - 1]
        if ln.kind is Kind.BODY and not ln.head and not ln.closes
    ]
    if len(widths) < 2:
        return False
    column = max(widths)
    if not (-1.5 <= column - INDENT - lines[i].width <= 1 and -1.5 <= column - nxt.width <= 1):
        return False
    # ...and the paragraph goes on under it: a full line or its closed last line, no
    # stub of a wrapped stack (`福建又有二十七万人脱贫` / `目前状况办学校，当老师，也` /
    # `当学生`: a headline over a wrapped kicker), and no wider line that shows the line
    # under it set in (`特殊的省委常委扩大会` / `这么多年来，一包又一包的` over 14 ems: a
    # stack between columns of 13 and 14)
    third = lines[i + 2] if i + 2 < len(lines) else None
    if third is None or third.kind is not Kind.BODY or third.width > column + 1.5:
        return False
    if third.closes:
        return third.last in "。！？"
    return third.width >= column - 1.5 and third.width <= nxt.width + 1


_LEADS = ("本报讯", "本报电")  # a story's lead opens so: no inner line of a paragraph does
# A table's title that names the hours it covers: `明天气象预报（１月２日２０时—３日２０时）`.
_HOURS = re.compile(r"（[^（）]{0,24}[0-9０-９]时[—\uff0d\u2015-][^（）]{0,24}时）$")


def _credit_end(lines: list[Line], k: int) -> bool:
    """Byline line k is a bracketed credit under a closed sentence: it ends the story above.

    A byline that stands over its story's first paragraph stands under a headline
    or a stack, which closes no sentence; one in brackets under a paragraph's closed
    last line (`民对你寄予厚望。` / `（摄影：徐烨谢奇）`) closes that story, as a
    note's bracket does, and the next story's stack may start under it
    (`以土美举行联合海军演习` / `据新华社耶路撒冷１月７` / `日电…`).
    """
    above = lines[k - 1] if k else None
    return (
        note_end(lines[k])
        and lines[k].first in "（("
        and above is not None
        and above.kind is Kind.BODY
        and above.closes
        and not above.head
    )


def _table_titles(lines: list[Line], heads: list[int]) -> None:
    """A run of stack lines that ends a bracketed span of hours is a table's title: text.

    `明天气象预报（１月２日２０` / `时—３日２０时）` over `新年足坛打响第一炮广东` / `女足捧得
    李宁杯`: the forecast's table is not in the text, its title is, and it joined the
    next story's stack as its headline (the next headline became the subtitle). No
    headline of the corpus ends so (31 such lines in January 1998, each a table's
    title). Where a stack goes on under it, the title's lines are let go (from the
    line that opens the bracket): its bracket closes as a paragraph closes, and the
    stack under it starts there. (A title alone over text, or under a stack line,
    stays: the pooled generators set it as a headline.)
    """
    for i in heads:
        if lines[i].last != "）" or i + 1 >= len(lines) or not lines[i + 1].head:
            continue
        start, text = i, lines[i].text
        while "（" not in text and start and lines[start - 1].head and not lines[start].hint:
            start -= 1  # back to the line that opens the bracket: the title's first
            text = lines[start].text + text
        if (start and lines[start - 1].head) or _HOURS.search(text) is None:
            continue  # (inside a stack, under a line of it: the pooled pages' headline)
        for j in range(start, i + 1):
            lines[j].head = False
    heads[:] = [i for i in heads if lines[i].head]


def _phrase_break(lines: list[Line], i: int) -> bool:
    """Line i - 1 ends at a comma too short to lead a paragraph, after a boundary: a stack's.

    A headline broken at its comma (`抢占市场制高点，` / `靠的是不断进取精神`) may
    be wider below; a paragraph's first line that ends at a comma is set two ems
    in and full: it would have taken the next line's first unit. Both lines must
    be short of their column by more than that unit (an inner line of a
    paragraph fills it).
    """
    prev, line = lines[i - 1], lines[i]
    return (
        after_boundary(lines, i - 1)
        and prev.width + lead_width(line.text) <= prev.measure() - INDENT - 1
        and line.short
    )


def _subtitle_rests(lines: list[Line], heads: list[int]) -> None:
    """A subtitle (`——…`) under a headline that fills its measure wrapped: the rest is in the stack.

    The rest is short of its column and closes no sentence, so it is no line of a
    paragraph (which fills the column, or closes it); and nothing but a subtitle's
    rest follows a subtitle in its stack. The subtitle line itself may end in a
    comma (`——八十高龄亲率众学生在沪连演三场，` / `然后又直奔北京`) or a colon, which
    closes its sentence: then the subtitle line is marked over a rest marked already
    (`——《小老鼠漂流记》封面设计：` / `牟淼` over a byline).
    """
    for i in list(heads):
        sub = i + 1
        if sub + 1 >= len(lines):
            continue
        line, rest = lines[sub], lines[sub + 1]
        if not (
            line.kind is Kind.BODY
            and line.text.startswith("——")
            and not line.text.startswith("———")
            and (not line.closes or line.last == "：")
            and "。" not in line.text
            and line.width >= line.measure() - 1
        ):
            continue
        if rest.head:
            if line.closes and not line.head:
                line.head = True
                heads.append(sub)
            continue
        if (
            rest.kind is Kind.BODY
            and not rest.head
            and not rest.hint
            and rest.candidate
            and rest.width <= rest.measure() - 3
            and ends_here(lines, sub + 1)
        ):
            for j in (sub, sub + 1):
                if not lines[j].head:
                    lines[j].head = True
                    heads.append(j)
    heads.sort(reverse=True)


def _quotes(lines: list[Line], ends: str) -> list[tuple[int, int, list[int]]]:
    """Quoted exclamations and questions of headline length, made candidates for now.

    `“旅人！别泄气，别急着回去……”` is a headline or a subtitle as often as a line
    of dialogue: it closes a sentence, so it is no candidate by itself.
    `_keep_quotes` keeps it in a stack only next to lines that are one. Each quote
    comes with the lines that were made candidates for it. `ends`: each line's last
    character (`mark_heads`): the lines that end in `”` are found in C, in page order
    (a quote makes candidates only of its own lines and those above it).
    """
    out = []
    for i in [found.start() for found in re.finditer("”", ends)]:
        line = lines[i]
        text = line.text
        if line.candidate or line.kind is not Kind.BODY or len(text) < 3:
            continue
        exclaims = text[-2] in "！？…⋯!?"
        if "。" in text[:-2] or not (exclaims or text[-2] == "。"):
            continue
        start = i
        while (
            start > max(0, i - 3)
            and not _opens_quote(lines[start].text)
            and _runs_into(lines[start - 1])
        ):
            start -= 1  # the quote wrapped, over four lines at most in a narrow span
            # (`“看到这个栏，` / `就像看到了警` / `察，感到安全多` / `了！”`); 24 ems in all
        if (
            _opens_quote(lines[start].text)
            and sum(ln.width for ln in lines[start : i + 1]) <= 24
            and (exclaims or _stated(lines, start, i))
        ):
            made = [j for j in range(start, i + 1) if not lines[j].candidate]
            out.append((start, i, made))
            for j in made:
                lines[j].candidate = True
    return out


def _opens_quote(text: str) -> bool:
    """The line opens a quote, or a subtitle's dashes and a quote (`——“那么多钱，…`)."""
    return text[0] == "“" or (text.startswith("——“") and not text.startswith("———"))


def _stated(lines: list[Line], start: int, end: int) -> bool:
    """A quote that ends on `。”` over a byline, after a subtitle's dashes or a story's end.

    No line of a paragraph stands over a byline (none of 12,469 paragraphs on the
    cached pages of four engines, against 2,474 stack lines), and a line that
    opens with two dashes under a headline is its subtitle (688 of 700). After a
    story's source or a picture's credit the next story starts with its stack: 3
    of 3 such quotes on the cached pages are a headline (`（据新华社电）` /
    `“我希望你不要轻易放弃自己的追求。”`), or with a line of headline length over
    the quote (`（吕宇）` / `欢欢喜喜迎接虎年` / `“豁出命根子，` / `刨除穷根子。”`):
    `_keep_quotes` then keeps it only where it breaks short of the column.
    """
    below = lines[end + 1] if end + 1 < len(lines) else None
    return (
        (below is not None and below.kind is Kind.BYLINE)
        or lines[start].text.startswith("——“")
        or (start > 0 and _after_story(lines[start - 1]))
        or (start > 1 and lines[start - 1].candidate and _after_story(lines[start - 2]))
    )


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
            or (above is not None and above.head and below is not None and below.head)
            or (lines[start].text.startswith("——") and above is not None and above.head)
            or (below is not None and below.kind is Kind.BODY and _display(lines, start, end))
            or (_after_story(above) and below is not None and below.kind is Kind.BODY)
        ):
            continue
        for j in range(start, end + 1):
            lines[j].head = False
        if above is not None and above.head and not ends_here(lines, start - 1):
            above.head = False
    heads[:] = [i for i in heads if lines[i].head]


def _after_story(above: Line | None) -> bool:
    """The page starts here, or a story's source or a picture's credit ended just above.

    Dialogue goes on in its story; a quote that opens a story is its headline
    (`（来源：新华社）` / `“花好多钱吧？”` / `这次西藏雪灾发生早、范…`).
    """
    return above is None or above.kind in (Kind.SOURCE, Kind.CREDIT)


def _display(lines: list[Line], start: int, end: int) -> bool:
    """A line of the quote ends short of the column, though the next line's first word fitted.

    A paragraph fills its lines to the column (its first line two ems in); a
    quote set in display type breaks where its measure or its phrases end
    (`“种田比以前轻快了，` / `剩下的时间，你们去` / `干什么？”`). The column is the
    widest of the lines of text above it.
    """
    if end == start:
        return False
    near = [*lines[max(0, start - 3) : start], *lines[end + 1 : end + 4]]
    column = max((ln.width for ln in near if ln.kind is Kind.BODY and not ln.head), default=0.0)
    for j in range(start, end):
        lead = lead_width(lines[j + 1].text)
        indent = INDENT if j == start else 0.0  # the first line may be set in
        if lines[j].width + indent + lead + 1 <= column:
            return True  # no line of a paragraph
    return False
