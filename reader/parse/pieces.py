"""Printed lines that an extractor wrote in pieces, put back together.

MuPDF starts a new line wherever a glyph is not where the pen of the one before
left off. Typesetters of Chinese squeeze ，、。：“《 to half an em, so after `、“`
or `。《` the next glyph sits an em back, and MuPDF writes one printed line as two
or three: `独唱《迎面一轮朝阳》、` / `《万事`, `庆气氛。` / `《贺新年欢庆十五大`.
Left so, the first piece reads as a paragraph's short last line and the rest as
a new paragraph or a headline.

The pieces are told by the page itself: each break falls after a mark that is
squeezed and before an opening mark, and the pieces together fill the column's
measure (as wide as the full lines around them). A line that ends in ，or 、 short
of its column is surely a piece: no paragraph or headline ends so. (A bracket
opened and not closed is no such sign: a caption's credit is set so on a line of
its own, `（薛飞` / `摄）`.) Where the first piece closes a sentence (`庆气氛。` /
`《贺新年…`), the break looks like a paragraph's last line over the next one's
first, or a note set alone (`（据新华社电）`): such pieces are joined only on a
page that shows sure pieces or a header band written a piece a line, when the
line after them goes on with their paragraph (a headline opening with a quote is
followed by its own short lines), and a whole bracketed note never. Nor are
pieces after a sentence's end that together overfill the column, where the last
reads as the next paragraph's first line (`表面。` / `“月球勘探者”号飞船`).

MuPDF also starts a line where TeX's glue moves the pen between the words of a
byline, a credit or the header band (`本报记者` / `何立` / `通讯员` / `曾强`, `通讯员` /
`孙丽` / `摄`, `责任编辑` / `黄雪`): those are joined by `rejoin_names`.
"""

from __future__ import annotations

import re

from reader.parse.points import LEADS, POINT
from reader.parse.squeeze import measure_among, squeezed_width
from reader.parse.text import ends_sentence, width

# A piece ends in a mark set at half an em...
_ENDS = frozenset("，、：。；？！》”’）」』")
# ...and the next opens a quote, title or bracket (set back by half an em).
_OPENS = frozenset("“‘《（「『〈")
# Ends of a sentence that may end a paragraph, before any closing quote (a colon
# or a semicolon opens or joins what follows).
_STOPS = frozenset("。！？…")
# Ends after which no paragraph or headline stops: the line surely goes on.
_RUNS_ON = frozenset("，、")
# A sure piece's break: a line that ends in ，or 、, then one that opens with a quote,
# title or bracket. (Starting at the newline with the mark looked behind keeps the
# search fast: a regex that starts with a class of characters tries each position.)
_SURE_BREAK = re.compile("\n(?:(?<=[，、]\n)|(?<=[，、]\r\n))[\r\n ]*[“‘《（「『〈]")
_OVER = 0.75  # ems a joined line may run past the measure (justification, rounding)
_UNDER = 1.5  # ems short of the measure that still count as a full line
_INDENT = 2.0  # ems a paragraph's first line is set in
# The page number alone on a line at the top (`3`, `第1 版`): the header band came
# a piece a line, so the extractor splits lines at gaps (MuPDF does).
_BAND_PIECE = re.compile(r"\n[ \r]*(?:[0-9０-９]{1,3}|第 ?[0-9０-９]{1,3} ?版)[ \r]*\n")
# ...but a band that keeps its spaces (`1998年1月19日 星期一`: LibreOffice's, Typst's)
# was set with space characters, not moved by glue: there it shows pieces only where
# the page's marks were squeezed too (LibreOffice's pages, whose bands MuPDF writes so,
# show none: `范。` / `“现在提倡的许多文明礼貌` is a paragraph's end and the next one).
_SPACED_BAND = re.compile(r"日 +星期")
_SQUEEZED_SHARE = 0.1  # more pairs of lines equal squeezed than at full width, of those looked at
_SAMPLE = 200  # runs of lines looked at for that: enough to tell, bounded for big pages
_SAMPLE_CHARS = 20000  # ...found in the page's start
_BAND_CHARS = 400  # the top of the page, where the band is
_WINDOW = 7  # lines each side that give the measure
_AROUND = 800  # characters each side of a break that hold its window's lines


def may_hold_pieces(text: str) -> bool:
    """Whether the page was written in pieces: it shows a sure piece, or its band does.

    Found with a regex over the text and judged on the lines around each find, so
    that pages written whole (most) cost next to nothing.
    """
    band = _BAND_PIECE.search("\n" + text[:_BAND_CHARS])
    if band and (
        (band.group(0).strip()[0] != "第" and _SPACED_BAND.search(text[:_BAND_CHARS]) is None)
        or _set_squeezed(text)
    ):
        return True
    for found in _SURE_BREAK.finditer(text):
        at = found.start()
        end = at - 1 if text[at - 1] == "，" or text[at - 1] == "、" else at - 2
        before = text[max(0, end - _AROUND) : end + 1].replace("\r", "\n").split("\n")
        after = text[at : at + _AROUND].replace("\r", "\n").split("\n")
        texts = [t for t in (line.strip() for line in before[1:]) if t]
        i = len(texts) - 1
        texts += [t for t in (line.strip() for line in after[:-1]) if t]
        if i >= 0 and _pieces_end(texts, [None] * len(texts), i, False) > i:
            return True
    return False


def _set_squeezed(text: str) -> bool:
    """The page's marks were set at half an em: lines inside paragraphs agree so.

    An extractor writes a printed line in pieces only where squeezed marks moved
    the pen back, so a front page whose band stacks date, masthead and `第1版` on
    lines of their own (WeasyPrint's pages through PDFium: marks at full width,
    quotes proportional) shows no pieces; there a paragraph's short last line
    (`点。`) and the next one's indented first (`“设置警长公开栏，`) add up to the
    column under squeezed widths and were joined. Counted over runs of three
    lines of 7 ems or more that close no sentence, as `squeeze.is_squeezed` does.
    """
    texts = [t for t in (line.strip() for line in text[:_SAMPLE_CHARS].splitlines()) if t]
    inside = [width(t) >= 7 and not ends_sentence(t) for t in texts]
    gain = pairs = 0
    for i in range(1, len(texts) - 1):
        if not (inside[i - 1] and inside[i] and inside[i + 1]):
            continue
        b, c = texts[i], texts[i + 1]
        pairs += 1
        gain += (abs(squeezed_width(b) - squeezed_width(c)) <= 0.5) - (
            abs(width(b) - width(c)) <= 0.5
        )
        if pairs >= _SAMPLE:
            break
    return gain > _SQUEEZED_SHARE * pairs


def rejoin_pieces(raw: list[str]) -> list[str]:
    """The page's lines with pieces of one printed line joined (see the module doc).

    For a page where `may_hold_pieces` found a sure piece.
    """
    texts = [line.strip() for line in raw]
    widths: list[float | None] = [None] * len(raw)
    out: list[str] = []
    i = 0
    while i < len(raw):
        end = _pieces_end(texts, widths, i, True)
        if end == i:
            out.append(raw[i])
        else:
            out.append(raw[i].rstrip() + "".join(texts[i + 1 : end + 1]))
        i = end + 1
    return out


def rejoin_split(raw: list[str], text: str) -> list[str]:
    """The page's lines with every printed line MuPDF wrote in pieces made whole."""
    if may_hold_pieces(text):
        return rejoin_pieces(raw)
    return rejoin_short_pieces(raw) if _SHORT_PIECE.search(text) else raw


# A closed line's ends before a short piece that opens a quote or a bracket.
_CLOSED = frozenset("。！？：；")
_CLOSERS = frozenset("”’》）」』〉")  # ...whose quote goes on into the next line
# Where to look: a short line opening a quote or bracket, no mark in it, under a closed
# line (found from the newline, the mark looked behind: see `_SURE_BREAK`).
_SHORT_PIECE = re.compile(
    "\n(?:(?<=[。！？：；]\n)|(?<=[。！？：；]\r\n)|(?<=[。！？：；] \n))[\r\n ]*"
    "[“‘《（「『〈][^\\s“‘《（「『〈”’》）」』〉，、。：；！？]{0,30}[ \r]*\n"
)


def rejoin_short_pieces(raw: list[str]) -> list[str]:
    """The page's lines with a short opening piece MuPDF split off a printed line joined.

    On pages with no sure piece (`may_hold_pieces` found none) MuPDF still
    writes a line in two where a quote or bracket opens after a closed sentence or a
    colon: `持不同程度的警戒心理。` / `“向` / `欧洲出让更多主权”，历来`, `两行娟秀的小字：` /
    `“你发表` / `在报纸上的文章，把我们`. The piece is too short for a paragraph's
    first line (the column less the indent), its quote goes on into the next line
    (a headline's `『门面』李景阳十一月三日` closes its own), it fits the column with
    the line above, and a full line follows: it is that line's end. A note written in
    two (`（湖` / `北省公安厅消防局）`) is left as two lines: made one, it overfilled
    a narrow column and read as the paragraph's last line (whole-chrome-pdfium 100-119
    F1 0.912 -> 0.904), where the paper printed it as a paragraph of its own.
    """
    texts = [line.strip() for line in raw]
    widths: list[float | None] = [None] * len(raw)
    out: list[str] = []
    i = 0
    while i < len(raw):
        a, b = texts[i], texts[i + 1] if i + 1 < len(raw) else ""
        if (
            a
            and b
            and a[-1] in _CLOSED
            and b[0] in _OPENS
            and b[-1] not in _ENDS
            and i + 2 < len(raw)
            and texts[i + 2]
            and _CLOSERS.isdisjoint(b)
            and _set_apart(texts, widths, i)
        ):
            out.append(raw[i].rstrip() + b)
            i += 2
            continue
        out.append(raw[i])
        i += 1
    return out


def _set_apart(texts: list[str], widths: list[float | None], i: int) -> bool:
    """Line i + 1 is a short piece of line i's printed line, a full line after it."""
    measure = _measure(texts, widths, i + 1)
    piece = _width(texts, widths, i + 1)
    return (
        piece + _INDENT < measure - _UNDER
        and _width(texts, widths, i) + piece <= measure + _OVER
        and _width(texts, widths, i + 2) >= measure - _UNDER
    )


def _breaks_after(texts: list[str], i: int) -> bool:
    a, b = texts[i], texts[i + 1] if i + 1 < len(texts) else ""
    if not (a and b and a[-1] in _ENDS and b[0] in _OPENS):
        return False
    # A bracketed note whole on its line after a closed one is set so (a source line),
    # and a list's point after a colon or a semicolon opens its own paragraph (`points`).
    return not (
        (b[0] == "（" and b[-1] == "）" and a[-1] not in _RUNS_ON)
        or (a[-1] in LEADS and POINT.match(b) is not None)
    )


def _sure(a: str, b: str) -> bool:
    """A break no paragraph or headline makes: after ，or 、."""
    return a[-1] in _RUNS_ON


def _width(texts: list[str], widths: list[float | None], i: int) -> float:
    w = widths[i]
    if w is None:
        w = widths[i] = squeezed_width(texts[i].replace(" ", ""))
    return w


def _pieces_end(texts: list[str], widths: list[float | None], i: int, closed: bool) -> int:
    """The last line of the printed line that line i begins (i itself when it is whole).

    Unless `closed`, only sure pieces: each but the last ends in ，or 、.
    """
    if not _breaks_after(texts, i):
        return i
    measure = _measure(texts, widths, i)
    total = _width(texts, widths, i)
    chain = [i]
    j = i
    while (
        _breaks_after(texts, j)
        and (closed or _sure(texts[j], texts[j + 1]))
        and total + _width(texts, widths, j + 1) <= measure + _OVER
    ):
        j += 1
        total += _width(texts, widths, j)
        chain.append(j)
    # The longest run of pieces that makes one printed line: the full column, or the
    # column less the indent under a closed line (`金正日还强调：` / `“农业`, a paragraph's
    # first line; a one-line paragraph and the next one's first line do not fit).
    indent = _INDENT if _opens_paragraph(texts, widths, i, measure) else 0.0
    while len(chain) > 1:
        end = chain[-1]
        full = total >= measure - _UNDER - indent
        if _sure(texts[end - 1], texts[end]) or (
            full
            and _goes_on(texts, widths, end, measure)
            and not _overfills(texts, widths, chain, total, measure)
        ):
            return end
        total -= _width(texts, widths, end)
        chain.pop()
    return i


def _opens_paragraph(texts: list[str], widths: list[float | None], i: int, measure: float) -> bool:
    """Line i may be a paragraph's first line, set in: the line above closed a sentence,
    or is none of a paragraph's lines (a headline wider than the column, a dateline or
    byline short of it: `——宁波突击检查…` / `编者的话：` / `“文化视角”`) and no piece."""
    if not i or not texts[i - 1]:
        return False
    above = texts[i - 1]
    if ends_sentence(above):
        return True
    if above[-1] in _RUNS_ON or above[-1] in _OPENS or (i > 1 and _breaks_after(texts, i - 2)):
        return False
    wide = _width(texts, widths, i - 1)
    return wide > measure + _OVER or wide < measure - _UNDER


def _goes_on(texts: list[str], widths: list[float | None], end: int, measure: float) -> bool:
    """The line after a printed line's pieces is one of its paragraph: full, or its last.

    A headline opening with a quote after a paragraph's short last line
    (`加了会见。` / `“五月的风”落户` / `山东青岛市`) is followed by its own short lines.
    """
    if end + 1 >= len(texts) or not texts[end + 1]:
        return True
    after = texts[end + 1]
    if after[-1] in "。！？；”）…" or _width(texts, widths, end + 1) >= measure - _UNDER:
        return True
    # ...or a printed line's first piece in turn (`老板：` / `“怎么会这样贵？”老` / `板说：` /
    # `“本店的货物，都是`): it and the next fill the column.
    return (
        _breaks_after(texts, end + 1)
        and _width(texts, widths, end + 1) + _width(texts, widths, end + 2) >= measure - _UNDER
    )


def _measure(texts: list[str], widths: list[float | None], i: int) -> float:
    """The column's measure around line i, as `reader.parse.lines` takes it.

    Lines on either side of a break are left out where others are left: they may be
    pieces, short of the column, and a story's first lines may hold many of them.
    """
    near = [k for k in range(max(0, i - _WINDOW), min(len(texts), i + _WINDOW + 1)) if texts[k]]
    whole = [
        k for k in near if not (_breaks_after(texts, k) or (k and _breaks_after(texts, k - 1)))
    ]
    return measure_among([_width(texts, widths, k) for k in (whole if len(whole) >= 3 else near)])


def _overfills(
    texts: list[str], widths: list[float | None], chain: list[int], total: float, measure: float
) -> bool:
    """Pieces after a closed sentence that no printed line of the column could hold.

    A paragraph's short last line (`表面。`) and the next one's first line, set in
    (`“月球勘探者”号飞船`), add up to the column and a little more (`_OVER`'s
    allowance is for the measure's estimate). The column is at least its widest
    open line with every mark squeezed and at most its narrowest with every mark
    whole: where `都明白。一位叫庞增福的工人对` measures 13.5 ems squeezed and 14 whole,
    `记者说：` / `“刚建集团时我们还觉得` (14 squeezed) is one printed line.
    """
    if not any(texts[k].rstrip("”’」』")[-1:] in _STOPS for k in chain[:-1]):
        return False
    widest = 0.0
    narrowest = measure + _OVER + 1
    for k in range(max(0, chain[0] - _WINDOW), min(len(texts), chain[-1] + _WINDOW + 1)):
        if k in chain or not texts[k] or ends_sentence(texts[k]):
            continue
        w = _width(texts, widths, k)
        if measure - _UNDER <= w <= measure + _OVER:
            widest = max(widest, w)
            narrowest = min(narrowest, width(texts[k].replace(" ", "")))
    # ...and the last piece reads as that first line: the column less the indent.
    last = _width(texts, widths, chain[-1])
    column = max(widest, narrowest)
    return widest > 0 and total > column and last + _INDENT >= column - _UNDER


# A byline or credit that MuPDF wrote a word a line, where TeX's glue moved the pen:
# `本报记者` / `何立` / `通讯员` / `曾强`, `本报通讯员` / `罗刚` / `摄`, `本报记者` / `郭刚` /
# `摄于1 月19 日`, and the page header's `责任编辑` / `黄雪`. A role alone on its line
# starts one; names of two to four characters follow it, then another role with its
# names, and a credit's `摄` may close it; a name alone over `摄` alone is a credit too.
_ROLE_ALONE = re.compile(
    r"(?:本报|新华社|中新社)?(?:驻[\u4e00-\u9fff]{1,6}?)?(?:特约|见习|实习|首席)?"
    r"(?:摄影)?(?:记者|通讯员)|实习生|(?:责任|美术)编辑"
)
_NAME_ALONE = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_ROLE_ENDS = ("记者", "通讯员", "实习生", "编辑")  # how every `_ROLE_ALONE` ends
_TAKEN = re.compile(r"摄(?:影|于\S.{0,14})?")
# Where to look: a line that is a role alone (cheap to find, rare on most pages).
_ROLE_LINE = re.compile(r"(?:记者|通讯员|实习生|编辑)[ \r]*\n")
_TAKEN_LINE = re.compile(r"\n[ \r]*摄[ \r]*\n")  # ...or `摄` alone (under a name)


def may_hold_names(text: str) -> bool:
    """Whether some line of the page is a byline's role alone (see `rejoin_names`)."""
    if _ROLE_LINE.search(text) is not None:
        return True
    return ("摄\n" in text or "摄\r" in text or "摄 " in text) and _TAKEN_LINE.search(
        text
    ) is not None


def rejoin_names(raw: list[str]) -> list[str]:
    """The page's lines with a byline or credit written a word a line made one line.

    The words are joined with a space between them, the gap the glue left, as other
    extractors write such a line (`本报记者 何立 通讯员 曾强`).
    """
    out: list[str] = []
    i = 0
    while i < len(raw):
        end = _names_end(raw, i)
        if end == i:
            out.append(raw[i])
        else:
            out.append(" ".join(line.strip() for line in raw[i : end + 1]))
        i = end + 1
    return out


def _names_end(raw: list[str], i: int) -> int:
    """The last line of the byline or credit that line i begins a word a line (or i)."""
    text = raw[i].strip()
    # (What each pattern must end with or fit in, asked first: most lines are neither.)
    if not (text.endswith(_ROLE_ENDS) and _ROLE_ALONE.fullmatch(text)):
        # A name alone over `摄` alone (`冯英` / `摄`): a credit without a role.
        name = len(text) <= 4 and _NAME_ALONE.fullmatch(text) and i + 1 < len(raw)
        return i + 1 if name and _TAKEN.fullmatch(raw[i + 1].strip()) else i
    end = j = i
    while j + 1 < len(raw):
        nxt = raw[j + 1].strip()
        if _NAME_ALONE.fullmatch(nxt) and not _ROLE_ALONE.fullmatch(nxt):
            end = j = j + 1  # a name
        elif end == j and j > i and _ROLE_ALONE.fullmatch(nxt):
            j += 1  # another role, kept only if names follow it
        else:
            break
    if end > i and end + 1 < len(raw) and _TAKEN.fullmatch(raw[end + 1].strip()):
        end += 1
    return end
