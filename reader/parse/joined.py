"""Lines the extractor joined across a caption's edge, split apart: a story's last line and
a caption's first on one baseline, a caption's end and its credit, two captions side by side;
and lines joined across a gap between two blocks (`split_gaps`)."""

from __future__ import annotations

import re

from reader.parse import wrapmodel
from reader.parse.captions import CAPTION_OPENING, INLINE_CREDIT, ends_in_credit
from reader.parse.kinds import CREDIT_NAME_RE, CREDIT_RE, NAMELESS_CREDIT_RE, OUTLET_ROLE
from reader.parse.text import CLOSING_MARKS, clean_line, ends_sentence, width

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
    # A stop and a space first (five finds in C), then whether the page spaces its stops:
    # only a page with a stop and a space, not spacing its stops, finds the lines.
    if any(map(joined.__contains__, _TITLE_AFTER)) and not SPACED_STOPS.search(joined):
        for k in _lines_holding(joined, _TITLE_AFTER):
            if k not in found and (parts := _title_joined(raw, k)) is not None:
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


# A sentence's or a credit's end, the extractor's space, a picture's title (`…小雪。 欢欢喜喜
# 迎接虎年`, `（新华社记者刘向刚摄） 腊梅傲雪`): no clause mark in the title, no Latin.
_TITLE_AFTER = ("。 ", "！ ", "？ ", "” ", "） ")
# A space after a stop inside running text (a clause mark after it on the line): the
# extractor spaces its sentences so, and a space after a stop tells no gap on that page.
SPACED_STOPS = re.compile(r"[。！？] [^\n]*[，。、；：！？]")
_TITLE_JOINED = re.compile(
    r"^(.*[。！？”）]) ([\u4e00-\u9fff“《][^\s。，、；：！？,.;:!?（）()—]{1,19})$"
)


def _title_joined(raw: list[str], k: int) -> list[str] | None:
    """Line k as a closed line's end and a picture's title set beside it on one baseline
    (`…这是一件非` / `常好的事情。” 残疾农民石风科千里` / `送爱心`), cut at the extractor's
    space: the line or the one under it is no line of the column above (`_off_column`;
    after a credit, none is asked), the title ends no word half way and opens no clause
    of the line below (`…狠抓落实。 国家经贸` / `委、国家民委…` is one paragraph's line,
    Writer's space), its quotes closed, and a photo credit follows within a few lines."""
    match = _TITLE_JOINED.match(raw[k].strip())
    if match is None or k + 1 >= len(raw):
        return None
    left, title = match.groups()
    nxt, above = clean_line(raw[k + 1]), clean_line(raw[k - 1]) if k else ""
    if not ends_in_credit(left) and not _off_column(above, left + title, nxt):
        return None
    if (
        not nxt
        or wrapmodel.open_end(title)
        or wrapmodel.runs_on(nxt)
        or nxt[1:2] in _NO_START
        or wrapmodel.broken_word(title, nxt)
        or title.count("“") != title.count("”")
        or title.count("《") != title.count("》")
    ):
        return None
    for j in range(k + 1, min(k + 1 + _CREDIT_WITHIN, len(raw))):
        text = clean_line(raw[j])
        if text and (CREDIT_RE.search(text) or ends_in_credit(text)):
            return [left, title]
    return None


_NO_START = "。，、；：！？”’）》」』"  # marks no line opens with


def _off_column(above: str, line: str, nxt: str) -> bool:
    """The joined line, or the caption's first line under it, is no line of the column the
    open line above sets: an em and a half wider or narrower, or the line under it an em
    off (a caption in its own type and measure). Extractors write a space after a stop
    inside a paragraph's line too (`…禁止。 由于近日德` / `国北部…`), all in one column."""
    if not above or ends_sentence(above):
        return False
    reach = width(above)
    return abs(width(line) - reach) >= 1.5 or abs(width(nxt) - reach) >= 1


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
    if at > 0 and left.count("）") > left.count("（") and INLINE_CREDIT.fullmatch(right):
        return [left, right]
    return [line]


def _title_credit(line: str) -> list[str] | None:
    """A picture's title and its credit on one line, `明天气象预报（…２０时）（通讯员刘磊海摄）`,
    as two lines: no sentence in the title closes, so the credit would not end a caption."""
    at = line.rfind(_NOTE_CREDIT)
    left, right = line[: at + 1], line[at + 1 :].strip()
    if at > 0 and not ends_sentence(left.strip()) and INLINE_CREDIT.fullmatch(right):
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
    return CAPTION_OPENING.match(raw[j].strip()) is not None


# One gap between two runs on one baseline: a phrase ended by an ideograph (no full
# stop in it), then a run that starts a phrase of its own (an ideograph, a dash, a
# quote or title mark, a bullet), or a byline. Extractors write two blocks side by
# side so; and a wrapped headline's last characters (six at most, no clause ended)
# before its subtitle's two dashes (PDFium of Chromium's prints: `礼 ——翟俊杰…`); and
# a lead-in's last line ending in its dash, the next paragraph's first line after it
# (PDFium of Writer's pages, whose dash sits low enough to share the next baseline:
# `…发生的一个小小故事——— 哈萨克族青年达列什，` in a 12-em column).
_GAP = re.compile(
    r"^(\S{3,}[\u4e00-\u9fff]|\S{3,}[”’》）](?= ——)|[^\s，。；]{1,6}(?= ——[^—])"
    r"|\S{2,}[\u4e00-\u9fff]——+) "
    r"((?:——|[\u4e00-\u9fff●“《])\S{3,}|(?:本报|新华社|中新社)\S{0,8}?(?:记者|通讯员) .+)$"
)

# A story's source note, then a caption set beside it across the columns, written on
# one line: `（据新华社电）１、今年新年夜，…`, `（来源：经济日报） 图为…`.
_NOTE_GAP = re.compile(
    r"^(（(?:来源[：:][^（）\s]{1,12}|据[^（）\s]{1,12}?电)）) ?([^\s（）]\S{3,}.*)$"
)


def split_gaps(raw: list[str]) -> list[str]:
    """Lines the extractor joined across a gap, split into the two they print.

    A headline set beside a column's line (or its subtitle beside it) comes out of
    MuPDF and PDFium as one line with one space at the gap: `雪，以河为床 哈桑国王首先`.
    Body text has no such gap: its spaces follow punctuation, or stand around
    digits and Latin, or space a justified line out character by character.
    """
    out: list[str] = []
    at = 0  # the lines from `at` on are not in `out` yet (copied in slices, not one by one)
    # Most lines hold no space and no note: the others listed by one comprehension.
    for k in [k for k, line in enumerate(raw) if " " in line or "（" in line]:
        line = raw[k]
        text = line.strip() if " " in line else ""
        found = " " in text and _GAP.match(text)  # not on lines with a leading space alone
        # `本报记者 吴萍磊摄`, `新华社记者 欧阳小明`: the space after a role is the byline's.
        if (
            found
            and "。" not in found[1]
            and not OUTLET_ROLE.fullmatch(found[1])
            and (found[2].startswith("——") or not _within_column(raw, k, text))
        ):
            out += raw[at:k]
            out.append(line[: len(line) - len(line.lstrip())] + found[1])
            out.append(found[2])
            at = k + 1
        elif "（" in line and line.lstrip()[:1] == "（" and (note := _NOTE_GAP.match(line.strip())):
            out += raw[at:k]
            out.extend(note.groups())  # a story's source beside a wider caption's first line
            at = k + 1
    out += raw[at:]
    return out


def _within_column(raw: list[str], k: int, text: str) -> bool:
    """Line k, its gap closed, is no wider than the lines around it (the median of two
    above and two below, less a character): one line of its column that justification
    stretched at a space (Writer spaces a line out where its characters allow,
    `妇女卫生用品 的名牌。` in an 11-em column), not two blocks side by side, which make a
    line wider than either's column."""
    near = sorted(
        width(raw[j].replace(" ", "")) for j in (k - 2, k - 1, k + 1, k + 2) if 0 <= j < len(raw)
    )
    return bool(near) and near[len(near) // 2] >= width(text.replace(" ", "")) - 1
