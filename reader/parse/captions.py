"""Photo credits inside caption text: at the end of its sentence, or split over lines."""

from __future__ import annotations

import re

from reader.parse.indents import page_indents
from reader.parse.kinds import MARKERS, PHOTO_HEAD_RE, Kind
from reader.parse.lines import Line
from reader.parse.text import CLOSING_MARKS, join_lines, width

# `…再添一金。（本报记者 吴萍磊 摄）`, `…在一起。（新华社发）`, `（资料图片）`,
# `（新华社发美联社照片）`: a credit in brackets closing the caption sentence.
INLINE_CREDIT = re.compile(
    r"[（(][^（）()]{0,24}?(?:摄影?|供图|制图|绘图|资料图片|照片|社发|摄于[^（）()]{0,16})[）)]$"
)
_STOPS = "。！？!?…⋯”’）)"  # a sentence's end, or a note after it: `…岗位。（赵中宝）（资料图片）`
_MAX_CAPTION_LINES = 24
_LEAD_NOTE = re.compile(r"[（(][^（）()]{1,16}[）)](?=[（(])")  # a note before a credit
_INDENT = 1.5  # ems a paragraph's first line is set in
# How captions open: `图为`, `这是`, a picture's number (`１、`, `２：`), a pointer (`▲`).
CAPTION_OPENING = re.compile(r"^(?:图为|图中|这是|上图|下图|[▲△←→↑↓]|[0-9０-９][、：:])")


def ends_in_credit(text: str) -> bool:
    """A line (or paragraph) that ends with a bracketed photo credit."""
    return text[-1] in "）)" and INLINE_CREDIT.search(text) is not None


def split_credit(paragraphs: list[str], credit: list[str]) -> None:
    """Move a credit printed inside the caption text into `credit`, in place: a bracketed
    credit after its last sentence, or a bracket left open that the credit line below
    closes (`…（本报记者 吴萍` / `磊 摄）`)."""
    if not paragraphs:
        return
    last = paragraphs[-1]
    # (The pattern ends at a closing bracket: searched only in text that ends so.)
    match = INLINE_CREDIT.search(last) if last.endswith(("）", ")")) else None
    if match and match.start() and last[match.start() - 1] in _STOPS:
        # Also over a credit line of its own: `…气氛。（新华社记者戴浩摄）` / `（传真照片）`.
        paragraphs[-1] = last[: match.start()]
        credit.insert(0, match.group(0))
        return
    if not credit:
        return
    note = _LEAD_NOTE.match(credit[0])
    if note and last[-1] in _STOPS and INLINE_CREDIT.fullmatch(credit[0][note.end() :]):
        # `…的兼并工作。` / `（龚萱）（新华社发）`: a note closes the text, the credit follows
        # it, as on one line (`…岗位。（赵中宝）（资料图片）`).
        paragraphs[-1] = last + note.group(0)
        credit[0] = credit[0][note.end() :]
        return
    at = max(last.rfind("（"), last.rfind("("))
    # The credit's bracket may open a line of its own after the caption's closed last line
    # (`…诊病的镜头。` / `（本报记者马` / `娜芳摄）`): that paragraph is the credit's.
    opens = at > 0 or (at == 0 and len(paragraphs) > 1)
    # Only where the credit then closes a bracket it did not open: one that closes none is
    # whole (`…重又活跃。（新华社发美联。` / `通讯员 韩刚志 摄`), the open one the caption's text.
    tail = "".join(credit)
    opens &= tail.count("）") + tail.count(")") > tail.count("（") + tail.count("(")
    if opens and len(last) - at <= 20 and last.find("）", at) < 0 and last.find(")", at) < 0:
        paragraphs[-1] = last[:at].rstrip()  # the extractor's space before the bracket
        # `（新华社记者陈天` + `湖摄）`: the break fell inside the credit, no space there.
        credit[0] = join_lines([last[at:], credit[0]])


def _full_stop(text: str) -> bool:
    """A closed line that does not end in a colon or semicolon (those lead on)."""
    body = text.rstrip(CLOSING_MARKS)
    return bool(body) and body[-1] not in "：；:;"


def caption_starts(lines: list[Line]) -> dict[int, int]:
    """Lines where a photo caption starts that nothing else marks (no hint, no 图为),
    each with the caption's last line of text (a caption is one paragraph: no
    story starts inside it, not at a `图为` of its second sentence).

    A caption is one paragraph that ends at its credit (a credit line below it,
    or in brackets at its end). Its lines run back from there to the line after
    a paragraph's short last line: set under a picture, often wider than the
    columns, and not indented, it follows the story before it with no other sign.
    """
    starts: dict[int, int] = {}
    credit, body = Kind.CREDIT, Kind.BODY
    indents: list[bool] = []  # whether the page indents paragraphs, told when first asked
    for c, line in enumerate(lines):
        kind = line.kind
        if kind is credit:
            if not c or lines[c - 1].kind is not body:
                continue  # the second line of a credit split over two, or no caption
            last = c - 1
        elif line.last in "）)" and kind is body and line.closes and ends_in_credit(line.text):
            last = c
        else:
            continue
        start = _run_start(lines, last, indents)
        if start is not None:
            starts[start] = last
    return starts


def _run_start(lines: list[Line], last: int, indents: list[bool]) -> int | None:
    """The first line of the caption ending at line `last`; None when it is the story's.

    The caption starts after a paragraph's short last line. Set in the story's own
    column under a paragraph whose last line is full, it starts after a line that
    closes a sentence: of those above it, the latest, or one that opens as captions
    do (`图为`, `２、`); the search stops at a paragraph's indented first line.

    A caption is one paragraph. On a page that indents its paragraphs, a closed
    line short only by its marks' width (`…冰雪旅游等活动。`: full if each mark
    took an em, as some engines set them) may be a full line inside the caption:
    the search goes on past it, to a surely short line, while no indented line
    shows that the text above is a paragraph of the story's.
    """
    full = lines[last].width
    cut = opening = None  # `opening`: a cut where a caption opens as captions do
    inside = 0  # the open lines of the run from j
    j = last
    while j > 0 and last - j < _MAX_CAPTION_LINES:
        prev = lines[j - 1]
        if j < last and not lines[j].closes:
            inside += 1
        if prev.kind is not Kind.BODY or prev.head or lines[j].hint:
            # At the story's top: the caption is the story's text, unless it opened as
            # captions do under a closed paragraph of the story's (`…大国”。` / `图为…`).
            if prev.kind is Kind.BODY and not prev.head:
                return cut
            # Flush under a title: the whole run is the title's caption, marked from its
            # first line so that its `图为` opens no story (`…的气氛。` / `图为歌舞…`).
            return j if opening and _flush_under(lines, j, full, indents) else opening
        if lines[j].text[0] in MARKERS:
            return cut  # a brief starts there
        if prev.last in "）)" and PHOTO_HEAD_RE.search(prev.text):
            return j  # `…———（附图片１张）`: a story's paragraph ends so, full or not
        if prev.closes and _full_stop(prev.text):
            short = prev.width <= full - 1.5
            if short and (width(prev.text) <= full - 1.5 or not page_indents(lines, indents)):
                return j  # the last line of the paragraph before
            if inside >= 2 and _narrower_above(lines, j - 1, last):
                return j  # a caption set wider than the story's column ends above
            if CAPTION_OPENING.match(lines[j].text):
                cut = opening = j
            elif cut is None:
                cut = j  # a full line (or short only by its marks): perhaps the caption's
        elif (
            cut is not None
            and _set_in(prev, full)
            and _after_end(lines, j - 1)
            and prev.width + _lead_width(lines[j].text) <= full  # (else short by the unit)
        ):
            return cut  # the indented first line of the story's paragraph
        if not prev.closes:
            full = max(full, prev.width)
        j -= 1
    return cut


def _flush_under(lines: list[Line], j: int, full: float, indents: list[bool]) -> bool:
    """Line j, the text's first under a title, is not set in (else the walk up stopped at
    it) on a page that sets its paragraphs' first lines in: no story's paragraph opens
    there, a caption does (a picture's title over a caption of two sentences,
    `…并开始结荚。` / `这是玉溪市…`: one caption)."""
    return not _set_in(lines[j], full) and page_indents(lines, indents)


def _run_widths(lines: list[Line], j: int, last: int) -> tuple[float, float]:
    """The narrowest open line of a caption's run from line j to its last: its width, and
    its width with every mark an em (measured only where a closed line may end a story).
    A mark hanging at a line's end takes half an em at least (`…多做好事，`: WeasyPrint sets
    it in the column). A line whose next one opens with a character and a mark that may
    not open a line (`我国的国有企业改革见成` / `效。位于…`) ended short by the character the
    mark took down with it: it counts an em wider, once a run (the lowest)."""
    narrow = whole = 99.0
    took = False
    for m in range(last - 1, j - 1, -1):
        line = lines[m]
        if line.closes:
            continue
        nxt = lines[m + 1].text
        more = not took and nxt[1:2] in _NO_START and nxt[:1] not in _NO_START
        took = took or more
        narrow = min(narrow, line.width + line.hangs / 2 + more)
        whole = min(whole, width(line.text) + more)
    return narrow, whole


_NO_START = "。，、；：！？”’）》」』"  # marks no line opens with


def _narrower_above(lines: list[Line], k: int, last: int) -> bool:
    """The open lines above closed line k (two to four: of the paragraph it ends, or its one
    and the paragraph's above, `在京党政军机关和各界干部` / `群众３０００多人参加报告会。`) are all
    an em or more narrower than every open line below it to the run's last: the text below
    is set wider, under a picture (`…往往是需要等待的。`, 12 ems, then a caption of 13).
    Counted with the marks squeezed, or with every mark an em where the squeezed widths
    differ by half an em (`立的红领巾义务送报队，利用业`: 13.5 ems squeezed, 14 whole, in 13)."""
    widths: list[float] = []
    wholes: list[float] = []
    for line in lines[max(0, k - 6) : k][::-1]:
        stop = line.kind is not Kind.BODY or line.head or len(widths) == 4
        if stop or (line.closes and len(widths) != 1):
            break
        if not line.closes:
            widths.append(line.width)
            wholes.append(width(line.text))
    if len(widths) < 2:
        return False
    narrow, whole = _run_widths(lines, k + 1, last)
    top = max(widths)
    return top + 1 <= narrow or (top + 0.5 <= narrow and max(wholes) + 1 <= whole)


# A line's first unit: a run of Latin or digits, or an opening mark and its word.
_LEAD = re.compile(r"[\x21-\x7e]+|[“‘（《「『(\[].")


def _lead_width(text: str) -> float:
    """How wide the first unit of a line is: what the line above could not take (a line
    short of the column by less, `…农民坚宗` / `（右）自…`, is full, not set in)."""
    match = _LEAD.match(text)
    return width(match.group(0)) if match else 1.0


def _set_in(line: Line, full: float) -> bool:
    """Line may be a paragraph's indented first line in a column `full` ems wide: short by
    an indent with its marks squeezed, and not full with every mark counted whole
    (`“应试教育”的弊端之一，就是`, 14 ems in a 14-em caption set flush by an engine that
    gives each mark an em: no indent in it)."""
    return line.width <= full - _INDENT and width(line.text) < full


def _after_end(lines: list[Line], k: int) -> bool:
    """Line k may open a paragraph: the line before it closed, or was no body text."""
    if not k:
        return True
    before = lines[k - 1]
    return before.closes or before.kind is not Kind.BODY or before.head
