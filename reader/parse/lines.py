"""Line-level facts for the parser: what each line of a page looks like.

Each line of page text is classified once (header, source, credit, byline,
cross-reference, marker, body: the patterns are in `reader.parse.kinds`), its
kind corrected by the lines around it, and measured against its column, so the
parser can decide where paragraphs, headline stacks and stories begin.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from operator import attrgetter

from reader.parse.digits import narrowed, prints_narrow
from reader.parse.kinds import (
    CREDIT_NAME_RE,
    CREDIT_RE,
    DATELINE_HEADS,
    DATELINE_RE,
    MARKERS,
    NAMELESS_CREDIT_RE,
    NOTE_RE,
    OUTLET_ROLE,
    REST_RE,
    ROLE_REST_RE,
    Kind,
    is_header,
    kind_of,
)
from reader.parse.names import mark_name_bylines
from reader.parse.notes import aside_over_three, room_for_note
from reader.parse.squeeze import is_squeezed, measure_among, measure_sorted, squeezed_width
from reader.parse.text import CLOSING_MARKS, SENTENCE_STOPS, clean_line, ends_sentence

# A closing mark at the end of a line may hang past the column: not counted in its fill.
HANGING = frozenset("，。、；：？！”’）》」』…⋯")
# Every line of a kind other than body starts with one of these or holds one of the
# words tested in `make_lines`; most body lines do neither.
_SPECIAL_START = frozenset("（(本新中人")
_NO_HEAD_START = frozenset("（(【[□■")  # ● too, unless a stack follows (heads.py)
_ENDS_BLOCK = (Kind.SOURCE, Kind.CREDIT)
_CONTINUES_TEXT = "，。、；：？！”’）》」』"
_CONTINUES = frozenset(_CONTINUES_TEXT)
_PASTED_WIDTH = 24.0  # ems: a pasted page's median line is wider than any column
_WIDTH = attrgetter("width")
_DATELINE_FIRST = frozenset(head[0] for head in DATELINE_HEADS)
_SPACED_MIN = 6  # lines set in after a closed one: a page that indents its paragraphs


class Line:
    """One non-blank line of a page: the cleaned text and what it looks like.

    A plain class with slots, not a dataclass: @dataclass compiles its methods
    at import, ~1 ms. No `__init__` either: `make_lines` makes every line with
    `object.__new__` and sets its fields in place, half the time of calling a class
    whose `__init__` is Python (CPython 3.11 inlines no such call).
    """

    __slots__ = (
        "block",
        "candidate",
        "closes",
        "column",
        "first",
        "hangs",
        "head",
        "hint",
        "indent",
        "kind",
        "last",
        "pos",
        "raw",
        "text",
        "width",
    )

    raw: str
    text: str
    first: str
    last: str
    """`text[0]` and `text[-1]`, kept: indexing a CJK string makes a new string each
    time, and the passes after this one ask them of every line."""
    hint: bool
    width: float
    """How much of the column the line fills, in ems (a closing mark at the end hangs)."""
    closes: bool
    hangs: bool
    """It ends in a closing mark left out of `width` (it may hang past the column)."""
    kind: Kind
    block: list[float]
    """The widths of the lines in this line's block (one column), shared between them;
    negative for a line that ends in a closing mark (its width is less certain)."""
    pos: int
    indent: bool
    """Set in with a space on a page whose paragraphs all are: a paragraph starts here."""
    candidate: bool
    """Could be a headline line: body text with no sentence punctuation."""
    head: bool
    column: float

    @property
    def short(self) -> bool:
        """Shorter than its column by more than a character: first or last line."""
        column = self.column  # `measure()` inlined: asked of many lines, often measured
        if column < 0:
            column = self.column = _column(self.block, self.pos)
        return self.width <= column - 1.5

    def measure(self) -> float:
        """The width of the line's column, in ems (measured once)."""
        if self.column < 0:
            self.column = _column(self.block, self.pos)
        return self.column


def make_lines(raw_lines: list[str], digits: bool = True) -> list[Line]:
    """Build the non-blank lines of a page with their kind and column width.

    Lines are grouped into blocks that share a column: a block ends after a
    source or credit line, before a hinted line after a closed one, and before
    a marker. `digits`: the lines may hold full-width digits (`digits.holds` of the
    page's text; where they cannot, whether they print narrow is not asked).
    """
    lines: list[Line] = []
    block: list[float] = []
    prev: Line | None = None
    body = Kind.BODY
    credits: list[int] = []
    specials: list[int] = []  # lines of a kind other than body
    notes: list[int] = []  # body lines in brackets
    hints = 0
    new = object.__new__
    # The line before's kind and end, kept in locals: read for every line.
    prev_kind, prev_closes = body, False
    for raw in raw_lines:
        text = raw.strip()
        if not text:
            continue
        first = text[0]
        if first in _CONTINUES and prev is not None and _set_apart(text):
            # Rare: start again with the marks moved back (see `_rejoin_marks`).
            return make_lines(_rejoin_marks(raw_lines), digits)
        if " " in text:
            text = clean_line(text)  # the same first and last character: text is stripped
        last = text[-1]
        kind = body
        stop = "。" in text or "；" in text or ";" in text  # (asked once: `candidate` too)
        punct = stop or "，" in text or "," in text
        if (
            first in _SPECIAL_START
            or "版" in text
            or (
                not punct  # credits and bylines have no sentence punctuation
                and (
                    "摄" in text
                    or "图" in text
                    or "记者" in text
                    or "通讯员" in text
                    or "编辑" in text
                )
            )
        ):
            kind = kind_of(raw, text)
            if kind is not body:
                specials.append(len(lines))
                if kind is Kind.CREDIT:
                    credits.append(len(lines))
            elif first in "（(":
                notes.append(len(lines))
        # (Most lines strip to themselves: no space to look for, nor a character to cut.)
        hint = raw is not text and raw[0] == " "
        hints += hint
        if (
            (prev_kind is not body and prev_kind in _ENDS_BLOCK and kind is not prev_kind)
            or (hint and prev_closes)
            or first in MARKERS
        ):
            block = []  # (a new empty block for the first line is as good as the old one)
        # width() and ends_sentence() inlined: this loop runs for every line. (Without
        # width()'s ASCII branch: n - n / 2 is n / 2 exactly, and ASCII lines are rare.)
        fill = len(text) - len(text.encode("ascii", "ignore")) / 2
        hangs = last in HANGING
        if hangs:
            fill -= 1
        closes = last in SENTENCE_STOPS or (last in CLOSING_MARKS and ends_sentence(text))
        if not closes and last in "）)" and prev is not None and not prev_closes:
            note = _wrapped_note(prev.text, text)
            if note is None and len(lines) > 1:  # (rarer: the note over three lines)
                note = aside_over_three(lines[-2].text, prev.text, text)
            if note:
                closes = True
                if kind is body and CREDIT_RE.search(note):  # `…情形。（新` / `华社发）`
                    kind = Kind.CREDIT
                    specials.append(len(lines))
                    credits.append(len(lines))
        if last == "者" and first == "—" and text.lstrip("—") == "编者":
            closes = True  # `———编者` signs the editor's note above: it closes, as a stop does
        # A headline may hold ，、：“”《》 and digits, but no full stop, and a comma
        # only in a short line (a body line that the column wraps holds many).
        candidate = not (
            (punct and (stop or fill > 26))
            or closes
            or kind is not body
            or fill > 40
            or first in _NO_HEAD_START
            or last in "、：:，,"
            or (
                first in _DATELINE_FIRST  # (a set's test first: the tuple's costs five)
                and text.startswith(DATELINE_HEADS)
                and DATELINE_RE.match(text)  # 新华社北京1月1日电…
            )
        )
        prev = new(Line)  # the fields in the order of `Line.__slots__`
        prev.block = block
        prev.candidate = candidate
        prev.closes = closes
        prev.column = -1.0
        prev.first = first
        prev.hangs = hangs
        prev.head = False
        prev.hint = hint
        prev.indent = False
        prev.kind = kind
        prev.last = last
        prev.pos = len(block)
        prev.raw = raw
        prev.text = text
        prev.width = fill
        block.append(-fill if hangs else fill)
        lines.append(prev)
        prev_kind, prev_closes = kind, closes
    if is_squeezed(lines, body):
        _measure_squeezed(lines)
    if digits and prints_narrow(lines, body):
        _measure_digits(lines)
    _mark_credit_names(lines, credits)
    _mark_notes(lines, notes)
    _mark_byline_rests(lines, specials)
    mark_name_bylines(lines)
    if hints and _indents_paragraphs(lines, hints):
        for line in lines:
            if line.hint:
                line.hint, line.indent = False, True
    return lines


def _indents_paragraphs(lines: list[Line], hints: int) -> bool:
    """The page sets every paragraph in with spaces (`　　`): they are no story hints then.

    Told by the whole page: most lines after a closed sentence start with a space,
    many of them, or the text has one paragraph a line (pasted from the web); and
    some lines do not (the headlines). When every line does (a page header aside),
    each is a story's. `hints`: how many lines start with a space.
    """
    web = pasted(lines)
    if hints < _SPACED_MIN and not web:
        return False  # (fewer lines set in than it takes, counted by `make_lines`)
    after = spaced = 0
    body = Kind.BODY
    for prev, line in pairwise(lines):
        if prev.closes and prev.kind is body and line.kind is body:
            if web and line.candidate and not line.hint:
                continue  # a headline between pasted paragraphs, set flush
            after += 1
            spaced += line.hint
    if not spaced or spaced < 0.8 * after or all(ln.hint or is_header(ln.text) for ln in lines):
        return False
    return spaced >= _SPACED_MIN or web


def _wrapped_note(above: str, text: str) -> str | None:
    """The bracketed note that the line closes, opened after a sentence on the line above.

    `…多万年。”（孟` / `西安韩宏）`: a writer's name, a dateline or a credit that wrapped.
    """
    if "（" in text or "(" in text:
        return None
    at = max(above.rfind("（"), above.rfind("("))
    if at < 0 or "）" in above[at:] or ")" in above[at:] or len(above) - at + len(text) > 26:
        return None
    note = above[at:] + text
    return note if ends_sentence(above[:at] + note) else None


def _mark_byline_rests(lines: list[Line], specials: list[int]) -> None:
    """The rest of a byline wrapped onto the next line: `本报记者 邓芳涛 通讯员` / `许洋`.

    A name alone after a byline that ends in a role, or a stub of one or two
    characters after any byline (the break fell inside a name); and the names
    after such a name, one a line, as MuPDF writes TeX's bylines (`本报记者` /
    `张超桂` / `马立`); a `摄` after them makes the run a picture's credit
    (`本报通讯员` / `罗刚` / `摄`).
    """
    for first in specials:
        name, j = 0, first  # name: the characters of the name taken last, if any
        while j + 1 < len(lines):
            line, prev = lines[j + 1], lines[j]
            if not (line.kind is Kind.BODY and prev.kind is Kind.BYLINE):
                break
            if ROLE_REST_RE.match(line.raw.strip()):  # `本报记者 张三` / `实习生 李四`
                line.kind, line.candidate = Kind.BYLINE, False
                name, j = 0, j + 1
                continue
            if not REST_RE.match(line.text):
                break
            if name and line.text == "摄":
                for credit in lines[first : j + 2]:
                    credit.kind, credit.candidate = Kind.CREDIT, False
                break
            ends_in_role = prev.text.endswith(("记者", "通讯员", "评论员"))
            if not (ends_in_role or len(line.text) <= (3 if name else 2)):
                break
            line.kind = Kind.BYLINE
            line.candidate = False
            name, j = len(line.text), j + 1


def _mark_notes(lines: list[Line], notes: list[int]) -> None:
    """A bracketed note alone under a paragraph's last line is the story's source line.

    `（据新华社电）`, or a writer's name `（郑雪）`, set on a line of its own: the line
    above closed its sentence short of the column, so the note did not wrap there.
    """
    apart = [
        i
        for i in notes
        if i
        and NOTE_RE.match(lines[i].text)
        and lines[i - 1].kind is Kind.BODY
        and lines[i - 1].closes
    ]
    # One set apart where it would have fitted above: the page sets its notes apart,
    # also under a full line (else such a note may be the paragraph's wrapped end).
    chosen = any(lines[i - 1].width + lines[i].width <= lines[i - 1].measure() for i in apart)
    for i in apart:
        if chosen or room_for_note(lines[i - 1].width, lines[i - 1].hangs, lines[i - 1].measure()):
            lines[i].kind = Kind.SOURCE
            lines[i].candidate = False


def _measure_squeezed(lines: list[Line]) -> None:
    """Measure every line again with its marks at half an em (no mark hangs then)."""
    for line in lines:
        line.width = fill = squeezed_width(line.text)
        line.hangs = False
        line.block[line.pos] = -fill if line.last in HANGING else fill


def _measure_digits(lines: list[Line]) -> None:
    """Measure every line again with its full-width digits narrow (`digits`)."""
    for line in lines:
        fill = narrowed(line.width, line.text)
        if fill != line.width:
            line.width = fill
            line.block[line.pos] = -fill if line.block[line.pos] < 0 else fill


def _set_apart(text: str) -> bool:
    """Closing marks alone on a line (`”`), or a line that starts by closing a bracket."""
    return text[0] in "）)" or not text.lstrip(_CONTINUES_TEXT).strip()


def _rejoin_marks(raw_lines: list[str]) -> list[str]:
    """Move closing marks that the extractor set apart back to the line before.

    No printed line starts with a closing mark: one that hung past the line
    before came out on a line of its own (`”`) or opening the next (`）我国…`).
    Only such marks move; a full stop that a typesetter moved down to the
    next line stays, as that line's width was set with it.
    """
    out: list[str] = []
    for raw in raw_lines:
        text = raw.lstrip()
        if text and out and text[0] in _CONTINUES and _set_apart(text):
            rest = text[1:] if text[0] in "）)" else ""
            out[-1] = out[-1].rstrip() + text[: len(text) - len(rest)]
            if rest.strip():
                out.append(raw[: len(raw) - len(text)] + rest)
        else:
            out.append(raw)
    return out


def pasted(lines: list[Line]) -> bool:
    """One paragraph a line, nothing wrapped (text pasted from the web).

    Told by the whole page: most long body lines close a sentence, and they are
    longer than any column. On wrapped pages most lines run on into the next.
    """
    if not lines or max(map(_WIDTH, lines)) < _PASTED_WIDTH:
        return False  # (most pages: no line so wide; asked in C, one call a line)
    if sum(map(_PASTED_WIDTH.__le__, map(_WIDTH, lines))) < 2:
        return False  # (a median of 24 needs two such lines; counted in C)
    body = Kind.BODY
    widths = [ln.width for ln in lines if ln.kind is body and ln.width >= 8]
    if len(widths) < 3:
        return False
    widths.sort()
    if widths[len(widths) // 2] < _PASTED_WIDTH:
        return False  # most pages: their columns are narrower
    closed = sum(ln.closes for ln in lines if ln.kind is body and ln.width >= 8)
    return closed >= 0.6 * len(widths)


def _mark_credit_names(lines: list[Line], credits: list[int]) -> None:
    """A credit without a name (`摄于 3 月 25 日`) has it on the line before (`通讯员 倪修龙`)."""
    for i in credits:
        if not i:
            continue
        prev = lines[i - 1]
        if prev.kind is Kind.BYLINE and OUTLET_ROLE.fullmatch(prev.text):
            prev.kind = Kind.CREDIT  # `新华社记者` over `王伟 摄`
        elif (
            NAMELESS_CREDIT_RE.match(lines[i].text)
            and prev.kind in (Kind.BODY, Kind.BYLINE)
            and not prev.closes
            and CREDIT_NAME_RE.match(prev.text)
            and not CREDIT_RE.search(prev.text)
        ):
            prev.kind = Kind.CREDIT
            prev.candidate = False


def _column(widths: list[float], i: int) -> float:
    """The column width around line i: a high width among its neighbours.

    Lines that end in a closing mark are left out when there are others: the
    mark may hang past the column or sit inside it, so their width is one em
    uncertain. Headlines are wider than their column, so outliers well above
    the median are left out before taking the second-largest width.
    """
    window = sorted(widths[max(0, i - 6) : i] + widths[i + 1 : i + 7])
    near = window[bisect_right(window, 0) :]  # the widths over 0, sorted: one sort for both
    if len(near) < 2:
        near = [abs(w) for w in window]
        if not near:
            return abs(widths[i])
        return measure_among(near)
    return measure_sorted(near)
