"""Photo credits inside caption text: at the end of its sentence, or split over lines."""

from __future__ import annotations

import re

from reader.parse.indents import page_indents
from reader.parse.kinds import CREDIT_NAME_RE, CREDIT_RE, MARKERS, NAMELESS_CREDIT_RE, Kind
from reader.parse.lines import Line
from reader.parse.text import CLOSING_MARKS, clean_line, ends_sentence, join_lines, width

# `…再添一金。（本报记者 吴萍磊 摄）`, `…在一起。（新华社发）`, `（资料图片）`,
# `（新华社发美联社照片）`: a credit in brackets closing the caption sentence.
_INLINE_CREDIT = re.compile(
    r"[（(][^（）()]{0,24}?(?:摄影?|供图|制图|绘图|资料图片|照片|社发|摄于[^（）()]{0,16})[）)]$"
)
_STOPS = "。！？!?…⋯”’）)"  # a sentence's end, or a note after it: `…岗位。（赵中宝）（资料图片）`
_MAX_CAPTION_LINES = 24
_LEAD_NOTE = re.compile(r"[（(][^（）()]{1,16}[）)](?=[（(])")  # a note before a credit
_INDENT = 1.5  # ems a paragraph's first line is set in
# How captions open: `图为`, `这是`, a picture's number (`１、`, `２：`), a pointer (`▲`).
_CAPTION_OPENING = re.compile(r"^(?:图为|图中|这是|上图|下图|[▲△←→↑↓]|[0-9０-９][、：:])")


_JOINED_AT = "。 "  # a paragraph's last line, the extractor's space, a caption's first line
_OPENS_JOINED = re.compile("。(?=图为|[0-9０-９][、：])")  # a caption opening after a stop
_CREDIT_GAP = "） "  # a caption's credit, the extractor's space, the next caption
_CREDIT_WITHIN = 12  # lines from a caption's first line to its credit
# A credit with no brackets after a caption's sentence, on the same line.
_CREDIT_TAILS = ("摄", "摄影", "供图", "新华社发")
_MAY_SPLIT = (_JOINED_AT, _CREDIT_GAP, *(f"{tail}\n" for tail in _CREDIT_TAILS))
_NOTE_CREDIT = "）（"  # a note's end, a credit after it: see `_note_end_apart`
_SWAPPED = tuple(f"（{mark}" for mark in "）。，、；！？")  # see `_unswapped`
_SWAPPED_RE = re.compile("（[）。，、；！？]")  # one pass to learn a page holds none
_ROLE = r"(?:本报|新华社|中新社)(?:特约|见习|实习|首席)?(?:摄影)?(?:记者|通讯员)"
_ROLE_AT_END = re.compile(rf"[。！？”]\s*({_ROLE})\s*$")
_NAMES_CREDIT = re.compile(r"^\s*(?:[\u4e00-\u9fff·]{1,4}\s*){1,3}(?:摄影?|供图)\s*$")
_BARE_CREDIT = re.compile(
    rf"[。！？”]\s*((?:{_ROLE}(?:\s*[\u4e00-\u9fff·]{{1,4}}){{1,3}}\s*(?:摄影?|供图))|新华社发|受访者供图)$"
)


def split_joined(raw: list[str]) -> list[str]:
    """Lines that hold a caption's end and its credit, or a story's end and a caption,
    split in two (no character added or lost: a line break between them).

    PDFium writes what lies on one baseline as one line: the short last line of a
    column's paragraph, a space, and the first line of a caption set beside it
    under a picture (`…救援场面。 １月２０日，长野冬奥会运动员村正`). The two are
    told apart by their widths: the left no wider than the line above it, the
    right as wide as the line below it, the whole far wider than either; and a
    credit follows within a few lines. A credit set without brackets after the
    caption's last sentence (`…联欢。新华社记者 王伟摄`) goes on a line of its own,
    where it is read as a credit line.
    """
    joined = "\n".join(raw) + "\n"
    found: dict[int, list[str]] = {}
    if _SWAPPED_RE.search(joined):
        for k in _lines_holding(joined, _SWAPPED):
            found[k] = _note_end_apart(_unswapped(raw[k]))
    if _NOTE_CREDIT in joined:  # `…（刘玉红肖` / `荻）（新华社记者梁萍摄）`
        for k in _lines_holding(joined, (_NOTE_CREDIT,)):
            if k not in found and len(apart := _note_end_apart(raw[k])) == 2:
                found[k] = apart
            elif k not in found and (titled := _title_credit(raw[k])) is not None:
                found[k] = titled
    k = counted = 0  # the line of the find before, and where its count stopped
    for found_at in _OPENS_JOINED.finditer(joined):  # `…厂供稿。４、河南驻马店…开通。`
        at = found_at.start()
        k, counted = k + joined.count("\n", counted, at), at  # (counted on: linear in the page)
        if k not in found and 0 < k < len(raw) - 1:
            parts = _joined_parts(raw, k, at - joined.rfind("\n", 0, at))
            if parts is not None:
                found[k] = parts
    for k in _lines_holding(joined, _MAY_SPLIT):  # a few lines a page, found at C speed
        if k in found:
            continue  # the pair mended above
        line = raw[k]
        parts = None
        if _JOINED_AT in line and 0 < k < len(raw) - 1:
            parts = _joined_parts(raw, k)
        if parts is None and _CREDIT_GAP in line:
            parts = _two_captions(raw, k)
        if parts is None and line.rstrip().endswith(_CREDIT_TAILS):
            match = _BARE_CREDIT.search(line.rstrip())
            if match and match.start(1):
                parts = [line[: match.start(1)], match.group(1)]
            elif k and _NAMES_CREDIT.match(line) and (role := _ROLE_AT_END.search(raw[k - 1])):
                # `…联欢。新华社记者` / `王伟 摄`: the role goes down to its name.
                found.setdefault(k - 1, [raw[k - 1][: role.start(1)], role.group(1)])
        if parts is not None:
            found[k] = parts
    if not found:
        return raw
    out: list[str] = []
    at = 0
    for k in sorted(found):
        out.extend(raw[at:k])
        out.extend(found[k])
        at = k + 1
    out.extend(raw[at:])
    return out


def _unswapped(line: str) -> str:
    """A mark and `（` squeezed into one em, written opening first: `…孙继革（）本报记者
    陈春 摄）`, `…发展的模式（。本报记者 徐军 摄）`.

    PDFium writes the two marks of one em box in that order. No bracket opens on
    `。，、；！？`; an empty pair is a swapped `）（` where a bracket closes after it
    that none opened there (a real empty pair, `万分之几（）来表示`, closes nothing).
    """
    for pair in _SWAPPED:
        at = line.find(pair)
        while at >= 0:
            rest = line[at + 2 :]
            if pair != "（）" or rest.count("）") > rest.count("（"):
                line = line[:at] + pair[1] + "（" + rest
            at = line.find(pair, at + 2)
    return line


def _note_end_apart(line: str) -> list[str]:
    """A note's end and a credit after it, `雪孙继革）（本报记者 陈春 摄）`, as two lines:
    the note (opened on the line above) closes the caption's text, the credit is its own."""
    at = line.find("）（")
    left, right = line[: at + 1], line[at + 1 :].strip()
    if at > 0 and left.count("）") > left.count("（") and _INLINE_CREDIT.fullmatch(right):
        return [left, right]
    return [line]


def _title_credit(line: str) -> list[str] | None:
    """A picture's title and its credit on one line, `明天气象预报（…２０时）（通讯员刘磊海摄）`,
    as two lines: no sentence in the title closes, so the credit would not end a caption."""
    at = line.rfind(_NOTE_CREDIT)
    left, right = line[: at + 1], line[at + 1 :].strip()
    if at > 0 and not ends_sentence(left.strip()) and _INLINE_CREDIT.fullmatch(right):
        return [left, right]
    return None


def _lines_holding(joined: str, marks: tuple[str, ...]) -> list[int]:
    """The indices of the lines of `joined` (one a `\\n`) that hold any of `marks`."""
    lines: set[int] = set()
    for mark in marks:
        at = joined.find(mark)
        k = counted = 0  # the newlines before `counted`: each find counts on from the last
        while at >= 0:
            k, counted = k + joined.count("\n", counted, at), at
            lines.add(k)
            at = joined.find(mark, at + 1)
    return sorted(lines)


def _two_captions(raw: list[str], k: int) -> list[str] | None:
    """Two captions set side by side, joined on one line after the first one's credit.

    `…是从阿。（受访者供图） 图为此外，…曝光。（胡桃摄）`: a bracketed credit, the
    extractor's space, and text that runs into a credit of its own.
    """
    text = raw[k].rstrip()
    at = text.find(_CREDIT_GAP)
    while at >= 0:
        left, right = text[: at + 1], text[at + 2 :].lstrip()
        if (
            right
            and ends_in_credit(left.strip())
            and (ends_in_credit(right) or _credit_soon(raw, k))
        ):
            return [left, right]
        at = text.find(_CREDIT_GAP, at + 1)
    return None


def _credit_soon(raw: list[str], k: int) -> bool:
    """The text from the line after k runs into a credit: a credit line, or one at the end
    of its closed line, before a paragraph ends without one (`…开罗将市中心的阿勒菲` /
    `大街开辟为…` / `物、休憩创造良好的环境。` / `本报记者 何娜强 摄于 1 月 9 日`)."""
    for j in range(k + 1, min(k + 1 + _CREDIT_WITHIN, len(raw))):
        text = clean_line(raw[j])
        if not text:
            continue
        if CREDIT_RE.search(text) or ends_in_credit(text):
            return True
        if text[-1] in "。！？" and not _credit_line(raw, j + 1):
            return False
    return False


def _credit_line(raw: list[str], k: int) -> bool:
    return k < len(raw) and bool(CREDIT_RE.search(clean_line(raw[k])))


def _credit_split(raw: list[str], k: int) -> bool:
    """Lines k and k + 1 are a credit split after its name (`新华社记者许敏` / `摄于1月6日`)."""
    return (
        k + 1 < len(raw)
        and CREDIT_NAME_RE.match(clean_line(raw[k])) is not None
        and NAMELESS_CREDIT_RE.match(clean_line(raw[k + 1])) is not None
    )


def _joined_parts(raw: list[str], k: int, stop: int = 0) -> list[str] | None:
    """`raw[k]` as a story's last line and a caption's first, cut after a full stop and
    the extractor's space, or (`stop`) after the full stop at that offset of the line,
    where a caption opens as captions do with no space (`…厂供稿。４、河南…`)."""
    if stop:
        line = raw[k]
        left, right = line[:stop].strip(), line[stop:].strip()
        return _joined_at(raw, k, left, right, width(left) + width(right))
    text = raw[k].strip()
    whole = width(text)
    if whole < max(width(raw[k - 1].strip()), width(raw[k + 1].strip())) + 4:
        return None
    at = text.find(_JOINED_AT)
    while at >= 0:
        left, right = text[: at + 1], text[at + 2 :].lstrip()
        if _joined_at(raw, k, left, right, whole) is not None:
            return [left, right]
        at = text.find(_JOINED_AT, at + 1)
    return None


def _joined_at(raw: list[str], k: int, left: str, right: str, whole: float) -> list[str] | None:
    """[left, right] when line k, cut so, is a story's last line and a caption's first: the
    whole far wider than the lines around it, the left no wider than the line above,
    the right as wide as the line below (or wider, over a caption's last line), and a
    credit within a few lines."""
    above, below = width(raw[k - 1].strip()), width(raw[k + 1].strip())
    if whole < max(above, below) + 4 or (_caption_runs(raw, k) and not right[:1].isdigit()):
        return None
    # A caption's last line (its credit at its end, or on the line after) may be short;
    # the right part may be the whole caption, its credit the next line.
    last = ends_in_credit(raw[k + 1].strip() or "。") or _credit_line(raw, k + 2)
    last = last or _credit_line(raw, k + 1) or _credit_split(raw, k + 2)
    if (
        right
        and right[0] not in CLOSING_MARKS
        and width(left) <= above + 1
        and (abs(width(right) - below) <= 2.5 or (last and width(right) > below))
        and any(CREDIT_RE.search(clean_line(x)) for x in raw[k + 1 : k + 1 + _CREDIT_WITHIN])
    ):
        return [left, right]
    return None


def _caption_runs(raw: list[str], k: int) -> bool:
    """The open lines above line k start as a caption does (`１、景德镇近日举办“陶瓷之` /
    `最作品展”。图为最大的瓷碗 ———…`, Chromium 363): the `。图为` is its second sentence."""
    j = k - 1
    while j > 0 and k - j < _CREDIT_WITHIN and not ends_sentence(raw[j - 1].strip() or "。"):
        j -= 1
    return _CAPTION_OPENING.match(raw[j].strip()) is not None


def ends_in_credit(text: str) -> bool:
    """A line (or paragraph) that ends with a bracketed photo credit."""
    return text[-1] in "）)" and _INLINE_CREDIT.search(text) is not None


def split_credit(paragraphs: list[str], credit: list[str]) -> None:
    """Move a credit printed inside the caption text into `credit`, in place: a bracketed
    credit after its last sentence, or a bracket left open that the credit line below
    closes (`…（本报记者 吴萍` / `磊 摄）`)."""
    if not paragraphs:
        return
    last = paragraphs[-1]
    # (The pattern ends at a closing bracket: searched only in text that ends so.)
    match = _INLINE_CREDIT.search(last) if last.endswith(("）", ")")) else None
    if match and match.start() and last[match.start() - 1] in _STOPS:
        # Also over a credit line of its own: `…气氛。（新华社记者戴浩摄）` / `（传真照片）`.
        paragraphs[-1] = last[: match.start()]
        credit.insert(0, match.group(0))
        return
    if not credit:
        return
    note = _LEAD_NOTE.match(credit[0])
    if note and last[-1] in _STOPS and _INLINE_CREDIT.fullmatch(credit[0][note.end() :]):
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
            return None if opening and _flush_under(lines, j, full, indents) else opening
        if lines[j].text[0] in MARKERS:
            return cut  # a brief starts there
        if prev.closes and _full_stop(prev.text):
            short = prev.width <= full - 1.5
            if short and (width(prev.text) <= full - 1.5 or not page_indents(lines, indents)):
                return j  # the last line of the paragraph before
            if inside >= 2 and _narrower_above(lines, j - 1, last):
                return j  # a caption set wider than the story's column ends above
            if _CAPTION_OPENING.match(lines[j].text):
                cut = opening = j
            elif cut is None:
                cut = j  # a full line (or short only by its marks): perhaps the caption's
        elif cut is not None and _set_in(prev, full) and _after_end(lines, j - 1):
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
