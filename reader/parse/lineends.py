"""Whether a candidate headline line ends where it stands, or the next line continues it.

A short line without sentence punctuation is a headline line only if nothing
continues it: the line below is a stack line, a byline or a source, a dateline
opens a paragraph there, the line is too short to have been the indented first
line of the paragraph below, or it is set wider than that paragraph's column.
A line broken inside a word, short by the unit that did not fit, goes on below.
`reader.parse.heads` marks the stacks from these answers.
"""

from __future__ import annotations

import re

from reader.parse import wrapmodel
from reader.parse.column import (
    DATELINE_START,
    after_boundary,
    caption_below,
    dateline_at,
    fill_after,
    first_line,
    note_end,
)
from reader.parse.firstclosed import first_closed, has_ascii, inner_line, runs_full
from reader.parse.kinds import MARKERS, PHOTO_HEAD_RE, Kind
from reader.parse.lines import Line
from reader.parse.phototitle import over_caption
from reader.parse.squeeze import squeezed_marks
from reader.parse.text import INDENT, OPENING_MARKS, AnyOf, width

# The first unit of a line that no break divides: a Latin run, or a character with
# an opening mark before it and the closing marks after it (no line starts with ”，),
# and the characters that a quotation mark after it holds to it (Pango, by UAX 14,
# breaks neither before nor after a quotation mark: `一` / `份“深山奇冤”`, `并` /
# `说：“你家…`, `小` / `姐”或“先生”`).
_CLOSE = "”’）》」』，。、；：？！)\\]"
_LEAD = re.compile(
    rf"[\x21-\x7e]+|[“‘（《「『(\[]?.(?:[{_CLOSE}]*(?:(?<=[”’])|[“‘])[^\s“‘{_CLOSE}])*[{_CLOSE}]*"
)
DATELINE_FIRST = DATELINE_START | {"据"}
_STACK_ENDS = (Kind.BYLINE, Kind.SOURCE)  # (tuples built once: asked of most candidates)
_BLOCK_ENDS = (Kind.SOURCE, Kind.CREDIT)
# A line this many times its column's width is no line of that column's paragraphs: a
# subtitle set across more columns than the story's text (`牛年男篮联赛息鼓强弱各有悲喜
# 蓄势相争虎年`, 20 ems over a 13-em column and a one-line paragraph).
_FAR_WIDER = 1.4
_PLAIN = re.compile("[\u4e00-\u9fff，。、；：？！“”‘’（）《》「」『』]+")
_IDEOGRAPHS = re.compile("[\u4e00-\u9fff]+")
_NO_STOP = AnyOf("。；;！？!?…，")  # a sentence's marks: a headline set alone holds none
_CAPTION_REACH = 6  # ...unless a credit within the next lines shows a caption (pagegen2 66)


def lead_width(text: str) -> float:
    """How wide the first unit of a line is: what the line above could not take."""
    match = _LEAD.match(text)
    return width(match.group(0)) if match else 1.0


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
    return line.width + lead_width(nxt.text) + 3 <= max(nxt.width, column)


def ends_here(lines: list[Line], i: int) -> bool:
    """Candidate line i is not continued by the line after it, so it can be a headline."""
    line = lines[i]
    # (The pattern ends in a closing bracket: the search is asked only of lines that do.)
    if i + 1 >= len(lines) or (line.last in "）)" and PHOTO_HEAD_RE.search(line.text)):
        return True
    nxt = lines[i + 1]
    if nxt.head or nxt.hint or nxt.first in MARKERS or nxt.kind in _STACK_ENDS:
        return True
    at = line.text.find("——", 0, 6) if "—" in line.text else -1  # (a find's args: parsed)
    if i and 0 <= at <= 3 and line.text[at + 2 : at + 3] != "—" and lines[i - 1].candidate:
        return True  # a subtitle under its headline (`———…` opens a paragraph), or a
        # wrapped headline's last characters written on its line (`谈——『月球勘探者』…`)
    if i and lines[i - 1].last == "—" and _kicker_over(lines, i):  # (its first test, in short)
        return True  # the headline under a kicker that starts a story
    if nxt.kind is not Kind.BODY:
        return False
    if wrapmodel.runs_on(nxt.first):
        return False  # no paragraph starts so (`的关系，…`): the line runs on into it
    # ...nor does it end where it breaks a word over a full line (asked last: it is
    # rarely so, and a column's measure costs more than the rest of the tests).
    return _ends_over(lines, i, line, nxt) and not (
        _word_runs_on(lines, i) and not (nxt.first in DATELINE_FIRST and dateline_at(lines, i + 1))
    )  # (a dateline opens a paragraph, whatever pair the break makes: `…邮票` / `据新华社…`)


def _ends_over(lines: list[Line], i: int, line: Line, nxt: Line) -> bool:
    """Candidate line i over body line `nxt`: the widths show it ends there."""
    text = line.text
    # (`after_boundary(lines, i)` written out: this runs for most candidate lines.)
    prev = lines[i - 1] if i else None
    boundary = (
        prev is None
        or prev.closes
        or prev.kind is not Kind.BODY
        or prev.head
        or (prev.last in "）)" and note_end(prev))
    )
    if not boundary and nxt.first not in DATELINE_FIRST and inner_line(lines, i, line, nxt):
        return False  # (the tests below, bounded: `firstclosed.inner_line`; most leave here)
    if (
        ("“" in text and text.count("“") > text.count("”"))
        or ("《" in text and text.count("《") > text.count("》"))
        or ("（" in text and text.count("（") > text.count("）"))
    ):
        return False  # a quote or a title left open (`可以称“小` / `姐”或…`) runs on
    # (after a paragraph's end, a line with no stop and no open end: asked of few lines;
    # both tests below ask the same of the line first)
    if boundary and not _NO_STOP.search(text) and not wrapmodel.open_end(text):
        if i and _restated(lines, i, line, nxt):
            return True  # the first sentence under a headline opens with its words
        if over_caption(lines, i, lead_width):
            return True  # a picture story's title over its caption, which is not set in
    after, open_after = fill_after(lines, i + 2)
    if boundary and nxt.first not in DATELINE_FIRST and runs_full(lines, i, after, open_after):
        return False  # (the tests below, bounded: `firstclosed.runs_full`)
    # (max() of two widths written out here and below: no call, and the same float.)
    column = nxt.width if nxt.width >= after else after
    width_ = line.width
    if (
        not boundary
        and not nxt.closes
        and width_ + 3.5 > column
        and width_ > after - 1
        and nxt.width > after - 1.5
        and width_ < nxt.width + INDENT
        and width_ < _FAR_WIDER * column
        and not line.hint
        and nxt.first not in DATELINE_FIRST
    ):
        return False  # a line inside a paragraph, as wide as the one below, which is open
        # and fills the column: no test below says yes (each needs a boundary, a hint, a
        # closed line below, a dateline, or one of these widths the other way): 4,717 of
        # 7,651 calls, 200 bench pages (asked over a closed line too, it cost more: a11fc25)
    # The line, two ems in, fits it and is two ems short at most:
    if (
        not nxt.candidate  # ...over a line of a paragraph, not of a stack
        and column - 2 <= line.width + INDENT <= column + 0.5
        and wrapmodel.glued(line.text, nxt.text)
        and (nxt.closes or not _short_inner(lines, i, after))
    ):
        return False  # a first line broken inside a word, short by a unit that did not fit
        # (not over a line set in itself: `西昌农行两个文明并举` / `位于太行山南麓的泽州，`)
    if nxt.first in DATELINE_FIRST and dateline_at(lines, i + 1):
        return True  # `本报北京1月11日讯…` opens a story's first paragraph
    if prev is not None and prev.closes and _first_over_inner(lines, i):  # (its first test)
        return False  # a paragraph's first line over its inner lines, whatever the marks' width
    if line.width + 3.5 <= nxt.width and _cannot_lead(line, nxt):
        return True
    # The column below: the next lines of the paragraph; a short closing line
    # alone (a paragraph's last line) does not show how wide the column is.
    # The next line is indented: a paragraph starts there. Unless the line is that
    # paragraph's indented first line itself, as wide as the next line (short too:
    # a justified line the typesetter could not break further).
    indented = (not nxt.closes or (nxt.text[-1] in "：:" and _colon_first(lines, i, after))) and (
        nxt.width <= after - INDENT
        or (nxt.width <= after + 0.5 - INDENT and _set_in(line, nxt, after))
        or (
            not nxt.closes
            and "，" not in text
            and "、" not in text
            and _short_inner(lines, i, after)
        )
    )
    if indented and i + 2 < len(lines) and lines[i + 2].kind is Kind.BODY:
        # ...unless it is short by the unit it could not take, set in or not
        # (`让胡忠友收下，并` / `说：“你家…`: Pango keeps 说：“你 together).
        indented = nxt.width + lead_width(lines[i + 2].text) <= after
    if indented and not (boundary and first_line(line, nxt, after)):
        return True
    if nxt.closes and first_closed(lines, i):
        return True
    if after < nxt.width - 1 and not nxt.closes and _first_by_measure(lines, i):
        return True
    # ...measured against the lines after it too: the next line alone may
    # measure short of the column (its hanging comma left out).
    column = (nxt.width if nxt.width >= open_after else open_after) if not nxt.closes else 0.0
    if line.width + 3.5 <= column and _cannot_lead(line, nxt, column):
        return True
    open_full = open_after if nxt.closes or open_after > nxt.width else nxt.width
    if (
        after
        and line.width >= _FAR_WIDER * max(after, nxt.width)
        and not caption_below(lines[: i + _CAPTION_REACH], i)
    ):
        return True  # far wider than the column below, over closed lines too, no caption
    if not open_full:
        return False
    starts = i == 0 or line.hint or lines[i - 1].kind in _BLOCK_ENDS
    if starts and line.width >= open_full - 0.5 and not caption_below(lines, i + 1):
        return True  # a story's first line that is not indented (captions often are not)
    wide = not nxt.closes and (
        line.width >= open_full + INDENT  # set wider than its column
        or (boundary and line.width >= open_full + 1 and _wider_ideographs(line))
    )
    return wide and not caption_below(lines, i)  # a headline, unless a caption runs on


def _wider_ideographs(line: Line) -> bool:
    """The line, of ideographs alone, is an em wider than its block's measure too.

    Ideographs measure as printed (no mark squeezed, no digit set narrow), so such a
    line an em wider than the open lines under it and than the measure of the
    lines around it is set in larger type: a headline over the story's first line
    that is not set in (`福州开通两条招商信息热线`, 12 ems over 11, whole-typeset).
    The block's measure keeps out a line over a single open line that measures short
    by its marks (`史书记为俺邱县玩命干了` / `５年，累得生过病，住过`, 11 ems in 11).
    """
    return _IDEOGRAPHS.fullmatch(line.text) is not None and line.width >= line.measure() + 1


def _restated(lines: list[Line], i: int, line: Line, nxt: Line) -> bool:
    """Line i, after a paragraph's end, and the next line open with the same four characters.

    A story's first sentence often opens with its headline's subject (`南京长江大桥铁路桥大修竣工`
    / `南京长江大桥铁路桥大修工程，`, `短期利率和中长期利率` / `短期利率是指…`); a
    paragraph's first line and its second do not start alike. Read sets: 3 such
    headlines, and 2 paragraph lines that start so, each kept out: one ends on a word's
    first half (`世界中学生运动会是`), one opens with a quote (`“菜篮子”产销…`). Not at
    the page's top, nor where the line after opens alike too (lines in a pattern).
    """
    text = line.text  # (asked after a paragraph's end only, not at the page's top)
    if _NO_STOP.search(text) or wrapmodel.open_end(text):
        return False
    head = text[:4]
    if not nxt.text.startswith(head) or _IDEOGRAPHS.fullmatch(head) is None:
        return False
    return i + 2 >= len(lines) or not lines[i + 2].text.startswith(head)  # (no pattern)


def _first_by_measure(lines: list[Line], i: int) -> bool:
    """Line i + 1 is set in by its block's measure where the lines below show no column.

    A paragraph of two lines under a headline (`第一次打工的经历` / `我第一次出外打工，是在`
    / `大连。`): its closed last line tells nothing of the column, so the lines below
    cannot show the next line set in. The block's measure can: the next line is two
    ems short of it and could have taken the unit after it, so it is no inner line
    of a paragraph that line i began; it begins its own, and line i, after a closed
    one, ends where it stands; line i is short of a first line by an em more than
    the unit it did not take. Not for a line i with a comma or a stop, or one that
    ends on a word's first half (`６、许多灾民已在防震棚里`).
    """
    if i + 2 >= len(lines) or not after_boundary(lines, i):
        return False
    line, nxt = lines[i], lines[i + 1]
    if _NO_STOP.search(line.text) or "、" in line.text or wrapmodel.open_end(line.text):
        return False  # a paragraph's first line more likely (`荣毅仁还向客人介绍了`)
    measure = nxt.measure()
    return (
        abs(nxt.width + INDENT - measure) <= 0.5
        and nxt.width + lead_width(lines[i + 2].text) <= measure - 0.5
        and line.width + INDENT + lead_width(nxt.text) + 1 <= measure
    )  # (an em more for line i: TeX sets a paragraph's lines an em short, `荣毅仁还向客人介绍了`)


def _short_inner(lines: list[Line], i: int, after: float) -> bool:
    """Line i + 1 is 1.5 ems short of the open lines below, an em with every mark a full em.

    Had line i begun its paragraph, the next line would be an inner line of it, and
    a justified paragraph sets its inner lines to the full column: short by a unit it
    could not take at most (asked by the caller), its marks squeezed to half an em at
    most. So it is the paragraph's indented first line, set in by less than two ems
    where the column below measures short by its own squeezed marks
    (`严查套汇骗汇活动` / `华北塞外坝上突然剧` over lines of 10.5 ems: a wrapped
    headline's last line, and the paragraph under it); TeX stretches an inner line
    an em short (`有限公司自主开发的目` over 11 ems). The column is measured on
    open lines of characters and marks only (digits set narrower than counted: `哈尔滨创造的
    １５３．１９５` is no wider than the full line `分的男子短距离全能全国纪`), the
    next line without Latin (set wider than counted); and not under a line that holds a comma
    or fills the column itself: a paragraph's line (`股市以７９０８．２５点封关，道` /
    `—琼斯工业平均指数比前一年`, a dash broken over the lines, measures short).
    """
    line, nxt = lines[i], lines[i + 1]
    if "，" in line.text or "、" in line.text:
        return False
    if line.width > after - 1 and not (i and lines[i - 1].closes and _after_closed(lines, i)):
        return False
    if has_ascii(nxt.text):
        return False
    column = 0.0
    for below in lines[i + 2 : i + 5]:
        if below.kind is not Kind.BODY or below.head or below.hint:
            break
        if not below.closes and _plain(below.text) and below.width > column:
            column = below.width
    return nxt.width <= column - 1.5 and nxt.width + len(squeezed_marks(nxt.text)) / 2 <= column - 1


def _after_closed(lines: list[Line], i: int) -> bool:
    """Line i, of characters alone, follows a paragraph's line that closed a sentence.

    Were it a line of that paragraph, it would be its last (the line under it is set
    in, a paragraph starts there), and a paragraph's last line closes: it does not
    (`东移出我国大陆。` / `试验基因疗法治心脏病` / `美国医学研究人员日`, TeX's
    paragraphs set in an em and a half).
    """
    if not i:
        return False
    prev, line = lines[i - 1], lines[i]
    return prev.closes and prev.kind is Kind.BODY and line.last not in _CLOSE and _plain(line.text)


def _first_over_inner(lines: list[Line], i: int) -> bool:
    """Line i, after a closed paragraph, is the next one's first line over its inner lines.

    A justified column prints a mark in half an em to a full em, as the line needs:
    the text shows a line's width only between the page's measure (its marks
    squeezed, where the page squeezes them) and every mark a full em. Under one of
    the two, line i is set two ems in from the column the open lines below it fill
    (short at most by the next line's first unit, which it could not take), and the
    line under it fills that column (or could not take the unit after it): an inner
    line, where a paragraph starting under a headline is set in (`首先，用“正”，体现了` /
    `公民参选的民主公正。除去依`, `某企业家明明业绩平` / `平，你『上晃上晃』他，`). Not
    over a lead's opening (`本报讯…`), which is no inner line, nor under a story-start
    hint (pagegen 190), nor over a caption, which is not set in (whole-chrome pages:
    a picture's title over its caption's first line). Read on heads16's cached read
    sets (six engines) and the whole-article read seeds 400-439: 10 false stories
    gone, no headline lost.
    """
    if not i or i + 2 >= len(lines):
        return False
    prev, line, nxt = lines[i - 1], lines[i], lines[i + 1]
    if not prev.closes or prev.head or prev.kind is not Kind.BODY or line.hint or nxt.closes:
        return False
    if nxt.text.startswith("本报讯"):
        return False
    below = [nxt]
    for ln in lines[i + 2 : i + 4]:
        if ln.kind is not Kind.BODY or ln.head or ln.hint or ln.first in MARKERS:
            break
        below.append(ln)
        if ln.closes:
            below.pop()  # a paragraph's last line shows nothing of the column
            break
    if len(below) < 2:
        return False
    lead = after = -1.0  # the next lines' first units, measured when asked
    for squeezed in (True, False):  # the page's measure, then every mark a full em
        if squeezed:
            column = max(ln.width for ln in below)
            first, inner = line.width + INDENT, nxt.width
        else:
            column = max(width(ln.text) for ln in below)
            first, inner = width(line.text) + INDENT, width(nxt.text)
        if first > column + 0.5:
            continue
        if lead < 0:
            lead, after = lead_width(nxt.text), lead_width(lines[i + 2].text)
        if column - lead - 0.5 < first and (inner >= column - 0.5 or inner + after > column + 0.5):
            return not caption_below(lines[: i + _CAPTION_REACH], i + 1)  # captions: not set in
    return False


def _plain(text: str) -> bool:
    """Characters and the marks a typesetter squeezes only: its width is what is counted."""
    return _PLAIN.fullmatch(text) is not None


def _set_in(line: Line, nxt: Line, after: float) -> bool:
    """The next line is set in by the column's measure, though not by the lines after it.

    The lines after a first line may all measure short of the column by the marks
    a typesetter squeezes (`长之时，一个现象引起了`: 10.5 ems in an 11-em column), so
    the first line looks set full; the block's measure says how wide it runs, by
    half an em more at most (more is another column's). Not under a line that
    holds a comma: such a line is more often a paragraph's first line than a
    headline, measured short by its own marks. (Asked only in that half em: the
    measure costs more than the rest of these tests.)
    """
    if "，" in line.text or "、" in line.text:
        return False
    return nxt.width <= min(nxt.measure(), after + 0.5) - INDENT


def _colon_first(lines: list[Line], i: int, after: float) -> bool:
    """Line i + 1 ends at a colon two ems short of the lines after it: an indented first line.

    A colon closes a line's sentence but not its paragraph when the text goes on
    below at the full measure (`据中央气象台提供的信息：` / `预计１０日晚上…`); a
    paragraph's short last line is far shorter than that. Not before a quote (a
    line that ends `说：` is short by the `“你` it could not take) nor under a
    line of the column's full width (an inner line of the same paragraph).
    """
    line, nxt = lines[i], lines[i + 1]  # nxt ends at a colon (asked by the caller)
    return (
        nxt.width + INDENT >= after - 0.5
        and line.width + INDENT + 1 <= after
        and i + 2 < len(lines)
        and lines[i + 2].text[0] not in OPENING_MARKS
    )


def _word_runs_on(lines: list[Line], i: int) -> bool:
    """The line breaks a word over a line that fills its column: it runs on.

    `这次日方决定终止执` / `行《韩日渔业协定》，目的是`: 执|行 is a pair the corpus's
    body text holds together (PMI 3 or more). On 535 cached pages of four engines
    no stack's last line breaks so over a paragraph; 8 paragraphs' first lines
    read as stack lines did, the line below measured short by its marks. Not a
    stub over a paragraph (`…１１月５` / `日` / `本西德说，…`: 日|本 is in the
    table) nor a line over a stack's short wrapped rest (`从捐献资金支` / `持国防教育，`).
    Nor a line after a story's end (its source, a credit, a note) over a line set in
    by an indent from the lines under it (a paragraph starts there, every mark counted
    a full em) that could have taken that line's first unit, set in itself and an em to
    spare: the pair is chance (`（孙伟华）` / `…套餐年年新` / `春节将至，为…`, 9 ems over
    11.5 in a column of 13.5: a headline over an indented first line).
    """
    line, nxt = lines[i], lines[i + 1]
    if not wrapmodel.broken_word(line.text, nxt.text):
        return False
    column = nxt.measure()
    if not (nxt.width + INDENT >= column and 2 * line.width >= column):
        return False
    if not i or not (lines[i - 1].kind in _BLOCK_ENDS or note_end(lines[i - 1])):
        return True  # (after a paragraph's end it cost Writer's pooled pages paragraphs)
    below = fill_after(lines, i + 2)[0]  # (asked of few lines: a broken word is rare)
    lead = lead_width(nxt.text)
    return not (width(nxt.text) + INDENT <= below + 0.5 and line.width + INDENT + lead + 1 <= below)


def _kicker_over(lines: list[Line], i: int) -> bool:
    """Line i - 1 starts a story (a hint, or after a boundary) with a kicker's dashes.

    Then line i is its headline. Not under a sentence that a dash breaks at the
    line's end (`…野生动物种群———` / `秦皇岛野生动物园，为了…`: three dashes, a
    comma, a dash carried over).
    """
    above, line = lines[i - 1], lines[i]
    return (
        above.text.endswith("——")  # asked first: rare, and cheaper than a boundary
        and above.candidate
        and (above.hint or after_boundary(lines, i - 1))
        and not above.text.endswith("———")
        and line.text[0] != "—"
        and "，" not in line.text
    )
