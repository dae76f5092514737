"""A page's first headline written after its story's first line of text (PDFium).

PDFium writes the top story of a page out of order: the first line of its text
comes before the headline it stands under, and the text goes on after the headline
(`据新华社乌鲁木齐电（记` / `罗布泊干涸探秘` / `者张先国、段芝璞）全球性的`; a kicker
may stand above: `纳扎尔巴耶夫指出改革为` / `地处潮汕平原小北山` / `哈发展奠定基础` /
`下的潮阳市谷饶镇，崛起`). Read so, the headline joins the paragraph it cuts, or
the line above it becomes a paragraph of its own. `put_heads_first` moves such a
headline back over the line, where the widths show it: the line is set two ems in
from the column the lines after the headline fill, and they fill it (an inner line
of that paragraph), while the headline is no line of that column. Only at the top
of a page, before any sentence has closed: 12 of 140 pages of Typst's broadsheets
in PDFium's text on the read sets show it there, none further down.
"""

from __future__ import annotations

from reader.parse.kinds import DATELINE_HEADS, DATELINE_RE, Kind, is_header, kind_of
from reader.parse.squeeze import squeezed_width
from reader.parse.text import AnyOf, width
from reader.parse.wrapmodel import broken_word, glued

_INDENT = 2.0  # ems a paragraph's first line is set in
_TOP = 7  # lines from the top of the page where the top story starts
_STOPS = frozenset("。！？；")
_STOPS_IN = AnyOf(_STOPS)
_HEAD_ENDS = frozenset("，、：。！？；”’）》")
_OPEN = {"（": "）", "《": "》", "“": "”"}


def put_heads_first(raw: list[str]) -> list[str]:
    """The page's lines, a top headline written after its story's first line put over it."""
    lines = [(k, line.strip()) for k, line in enumerate(raw[: _TOP + 4]) if line.strip()]
    for n in range(min(_TOP, len(lines) - 3)):
        (a, first), (h, head), (c, inner), (_, more) = lines[n : n + 4]
        if _STOPS_IN.search(first):
            return raw  # a sentence closed: past the top story's start
        if c - a != 2 or any(_hint(raw[k]) for k in (a, h, c)):
            continue  # lines apart, or one set in: the extractor wrote them so
        if _interleaved(first, head, inner, more):
            return [*raw[:a], raw[h], raw[a], *raw[h + 1 :]]
    return raw


def _interleaved(first: str, head: str, inner: str, more: str) -> bool:
    """`first` is a paragraph's first line that goes on in `inner`, over `more`; `head` cuts it."""
    if len(first) < 6 or not 2 <= len(head) <= 24 or "，" in head or head[:2] == "——":
        return False  # (a subtitle's dashes)
    if head.lstrip("据").startswith(DATELINE_HEADS):
        return False  # a dateline, cut or whole, opens a story's text: no headline to move
        # (`宁夏全民健身真抓实干见成效` / `据新华社银川１月２６日电` / `（记者…）…`: the
        # headline stands over it already; `八方同庆虎年春节` / `据新华社伦敦１月２５`)
    if (head[-1] in _HEAD_ENDS and not _closes_open(head)) or _STOPS_IN.search(head):
        return False
    cut = _cut(first, head, inner)
    if more[-1] in _STOPS or not (
        cut
        or _measured(first, head, inner, more)
        or _phrase_under(first, head, inner)
        or _word_across(first, head, inner)
    ):
        return False  # (`more` must be an inner line too, to measure the column)
    if first.endswith("——") or (first + head).encode("ascii", "ignore") or is_header(first):
        return False  # a kicker's dashes; digits and Latin, set wider than counted; the header
    if (glued(head, inner) and not cut) or first[-1].isdigit():
        return False  # a line that goes on from the one above or below (`到３` /
        # `月５日周恩来诞辰１００周年`: a number or date cut at the line's end)
    if glued(first, head) and not _word_under(first, head, inner):
        return False  # (the line runs on into the head, unless a word it breaks
        # goes on under it)
    if Kind.BODY is not kind_of(head, head) or Kind.BODY is not kind_of(inner, inner):
        return False  # a byline over the text, or under the line
    return not (inner.startswith("本报讯") or DATELINE_RE.match(inner))  # a story's start


def _measured(first: str, head: str, inner: str, more: str) -> bool:
    """The widths: `first` is set in from the column `inner` and `more` fill, `head` is not."""
    lead = 1.0 if inner[0] > "\x7f" else 0.5
    found = False
    for measure in (width, squeezed_width):
        column = max(measure(inner), measure(more))
        wide = measure(head)
        if column - 1.5 <= wide <= column + 0.5:
            return False  # as wide as the column by either measure: a line of the paragraph
        if abs(measure(inner) - measure(more)) > 0.5 or column < 8:
            continue  # `inner` and `more` are no full lines of one column
        if not column - lead - 0.5 < measure(first) + _INDENT <= column + 0.5:
            continue  # `first` is no first line of it
        set_in = column - lead - 0.5 < wide + _INDENT <= column + 0.5
        found = found or not set_in or _runs_into(first, inner)
    return found


def _phrase_under(first: str, head: str, inner: str) -> bool:
    """`first` breaks a word whose second half starts `inner`, and runs into neither line.

    Whatever the widths: a headline set about as wide as the column looks like a line
    of the paragraph by its width alone (`大姐晨练至月坛北街路口，看到七` / `好心上当` /
    `八个人围着…`, `由天山电影制片厂摄` / `电视剧《达列什的草原》获好评` / `制，…`,
    `本报南昌１月４日电记` / `…工作常抓不懈` / `者余清楚报道：…`: whole-typeset 386, 233,
    380 in PDFium's text). The break from `first` to `inner` is a word the corpus's
    body text holds together (`wrapmodel.broken_word`: 七八, 摄制, 记者), and the pairs
    into and out of `head` are loose: the head cut the line from its word.
    """
    if inner.lstrip("据").startswith(DATELINE_HEADS):
        return False  # a dateline, cut or whole, opens a story's text: it finishes no
        # word (`…赵相如七月四日` / `肖像怪杰魏德运` / `本报北京…`: 日本 is chance)
    return broken_word(first, inner) and not glued(first, head) and not glued(head, inner)


def _hint(line: str) -> bool:
    """The line starts with a space: the extractor saw it set in."""
    return line[:1] in " \u3000\xa0"


def _closes_open(text: str) -> bool:
    """The line ends by closing a mark it opened (`金口河区构建“文明走廊”`)."""
    return any(o in text and text.endswith(c) for o, c in _OPEN.items())


def _runs_into(first: str, inner: str) -> bool:
    """`first` leaves a bracket or quote open that `inner` closes."""
    return any(first.count(o) > first.count(c) and c in inner for o, c in _OPEN.items())


def _cut(first: str, head: str, inner: str) -> bool:
    """`first` opens a bracket that `inner` closes, and `head` holds no such mark: it cuts them.

    Whatever the widths (a narrow column, or digits in `inner` that measure loosely) and
    whatever pair `head` and `inner` make: a paragraph's line that leaves `（` open goes
    on in the line that closes it (`陈兴贵（人民日报教` / `新闻传媒大有用武之地` /
    `科文部副主任）：…`, whole-typeset 531; `曹藏虎（甘肃省畜牧` / `专家学者` / `局）：８０
    年代…`, 544). Only a bracket `（`: a title in `《》` or a quote may run over three
    lines, the middle one inside it (`在一篇题为《带着安详` / `面孔逝去的伟人———` /
    `…》`, pagegen 89), and a line that ends in a dash runs on.
    """
    return (
        first.count("（") > first.count("）")
        and "）" in inner
        and head[-1] != "—"
        and not any(o in head or c in head for o, c in _OPEN.items())
    )


def _word_across(first: str, head: str, inner: str) -> bool:
    """`first` ends in a word's first half that `inner` completes (`_word_under`), where the
    widths tell nothing: `inner` and `more` measure apart by their marks (`由X电影制片厂摄` /
    `电视剧《X》获好评` / `制，X编剧，X执导` / `的电视剧《X》`, whole-typeset 233). Not over a
    dateline cut in two (`X同庆虎年春节` / `据新华社伦敦１月２５` / `日电…`: 节|日 is a word,
    and the head is the dateline's first line), nor over one (`…七月四日` / head / `本报北京
    11 月 28 日电`, pagegen2 444: 日|本)."""
    if not _word_under(first, head, inner):
        return False
    under = "".join(inner.split())  # (an extractor's spaces: `本报北京 11 月 28 日电`)
    above = "".join(head.split())
    return (
        DATELINE_RE.match(under) is None and DATELINE_RE.match(above.lstrip("据") + under) is None
    )


def _word_under(first: str, head: str, inner: str) -> bool:
    """`first` ends in a word's first half whose second starts `inner`, not `head`.

    `本报讯…从正在北京举` / `实施…` / `行的农业银行…`, `…图书发行先` / `闻喜营造百村书库` /
    `进单位…` (whole-typeset 228, 574): the pair read from `first` into `head` is loose
    in body text, so `glued` took the line as running on into it, but the pair into
    `inner` is a word the corpus holds together (举行, 先进): the line goes on there.
    """
    return broken_word(first, inner) and not broken_word(first, head)
