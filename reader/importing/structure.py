"""A PDF page's items from its typography: stacks by type size, captions by pictures.

The page text import writes is plain text for the parser; this builds the same
page's `Page` from what the PDF states instead of what the text suggests:

- a headline stack is a run of lines set apart from the body (larger, or bold at
  body size when the body is not): its largest lines are the headline, smaller
  ones above it the kicker, below it the subtitle; dashes are not needed;
- lines under a picture box are its caption, the credit split off in any form
  (its own line or two, or `（本报记者 X 摄）` at the end of the sentence);
- paragraphs start where a line is indented against its column's left edge, or
  after a short line that closes a sentence, both measured from glyph boxes;
- bylines, datelines, source lines, credits and markers by their pattern.

Every character of the text lines lands in exactly one field (DESIGN section 3);
`build` checks that and gives None rather than a page that would break it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.fields import item_id
from reader.importing import regions
from reader.importing.bylines import alone, byline_wraps, end_name, ends_block, name_wraps
from reader.importing.credits import caption_credit
from reader.importing.paragraphs import at_indent, next_column, paragraph_lines, wraps_on
from reader.importing.reading_order import Layout
from reader.importing.regions import Box
from reader.importing.typography import (
    DATELINE,
    MARKERS,
    NOTE,
    SOURCE,
    TypeLine,
    is_byline,
    is_credit,
    name_byline,
    type_lines,
)
from reader.model import Item, Page
from reader.parse.itemfields import derive_headline, item_kind, lead_dateline
from reader.parse.notes import note_in_text
from reader.parse.text import clean_line, join_lines

_MARKED_HEAD = 1.15  # of the body size: a line starting with a marker is a headline
_STACK_MAX = 60  # characters: longer lines set apart are a lead paragraph, not a headline
_FACED = 3  # lines in another face under a headline: more are running text


@dataclass
class _Item:
    """An item being assembled from lines."""

    stack: list[TypeLine] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    body: list[TypeLine] = field(default_factory=list)
    credit: list[str] = field(default_factory=list)
    source: str | None = None
    picture: int = -1
    ended: bool = False
    lines: list[TypeLine] = field(default_factory=list)

    @property
    def has_body(self) -> bool:
        return bool(self.body or self.credit or self.source)


def build(
    page: Layout, drawn: Sequence[Box], number: int = 1
) -> tuple[Page, list[list[Box]]] | None:
    """The page's header and items from its typography, with the regions they cover."""
    lines, _ = type_lines(page)
    if not lines:
        return None
    body = page.body
    head = lines[: page.header]
    rest = lines[page.header :]
    boxes = regions.pictures(drawn, rest, body)
    caption_of = regions.captions(rest, boxes, body, drawn)
    items = _assemble(rest, body, caption_of)
    header = " ".join(" ".join(t.text.split()) for t in head) or None
    built = tuple(
        note_in_text(_freeze(it, body, item_id("", "", number, n)))
        for n, it in enumerate(items, start=1)
    )
    result = Page(paper="", issue="", page=number, header=header, items=built)
    if _chars([page.text()]) != _page_chars(result):
        return None  # a bug here must never cost a character: the text parser takes over
    spans = [[regions.bounds(it.lines)] for it in items]
    return result, spans


def _is_stack(line: TypeLine, body: float) -> bool:
    text = line.text
    if line.plain(body) or len(text) > _STACK_MAX or line.size < body * 0.94:
        return False
    if text[0] in MARKERS and line.size < _MARKED_HEAD * body:
        return False  # a bold brief: in headline type, `●…●…` is a headline
    if SOURCE.match(text) or is_credit(text) or is_byline(text):
        return False
    if line.size >= _MARKED_HEAD * body:
        return True  # display type: `“豁出命根子，刨除穷根子。”` is a headline
    return not (line.closes and text.rstrip("”’」』）)》")[-1] == "。")


def _marked_stack(
    line: TypeLine,
    prev: TypeLine | None,
    ahead: Sequence[TypeLine],
    cur: _Item | None,
    body: float,
) -> bool:
    """A line in bold body type that starts with a marker is part of a headline stack,
    not a bold brief, next to a headline: a kicker right over one (`●新开工…` over
    its headline, or wrapped onto a second line over it), or a subtitle right under a
    stack that has no body yet."""
    if line.text[0] not in MARKERS or line.plain(body) or len(line.text) > _STACK_MAX:
        return False
    if line.closes or line.size < body * 0.94:
        return False
    under = cur is not None and prev is not None and prev in cur.stack and not cur.has_body
    nxt = ahead[0] if ahead else None
    if nxt is not None and len(ahead) > 1 and _wraps_on(line, nxt, body):
        nxt = ahead[1]
    over = nxt is not None and nxt.size >= _MARKED_HEAD * body and _is_stack(nxt, body)
    return under or over


def _wraps_on(line: TypeLine, nxt: TypeLine, body: float) -> bool:
    """`nxt` is the rest of `line` wrapped at the column's edge: the same type, flush
    under it, no wider."""
    return (
        abs(nxt.size - line.size) <= 0.06 * body
        and nxt.bold == line.bold
        and not nxt.hint
        and abs(nxt.x0 - line.x0) < 0.5 * body
        and nxt.x1 <= line.x1 + 0.5 * body
    )


def _closed_subtitle(line: TypeLine, prev: TypeLine | None, cur: _Item | None, body: float) -> bool:
    """A bold line at body size that closes a sentence, set tight under a headline
    that has no body yet: a subtitle quoting a sentence (`“豁出命根子，刨除穷根子。”`),
    not a bold paragraph; or its last line, wrapped under its open first one."""
    return (
        cur is not None
        and prev is not None
        and prev in cur.stack
        and (
            prev.size >= _MARKED_HEAD * body
            or (prev.bold and not prev.closes and abs(prev.size - line.size) <= 0.06 * body)
        )
        and not cur.has_body
        and not cur.bylines
        and not line.hint
        and line.bold
        and line.size >= body * 0.94
        and len(line.text) <= _STACK_MAX
        and not (SOURCE.match(line.text) or is_credit(line.text) or is_byline(line.text))
    )


def _face_stack(
    line: TypeLine,
    prev: TypeLine | None,
    ahead: Sequence[TypeLine],
    cur: _Item | None,
    body: float,
) -> bool:
    """A line at body size and weight in a face other than the body's (Kai, Hei over a
    Song body), set apart next to a headline: its kicker right over it (or wrapped onto
    a second line over it), or its subtitle right under its stack while the story has
    no byline or body yet (at most `_FACED` lines under it)."""
    text = line.text
    if not line.face or line.bold or len(text) > _STACK_MAX or line.size < body * 0.94:
        return False
    if SOURCE.match(text) or is_credit(text) or is_byline(text) or text[0] in MARKERS:
        return False
    if cur is not None and prev is not None and prev in cur.stack:
        if cur.has_body or cur.bylines:
            return False
        heads = [k for k, t in enumerate(cur.stack) if t.size >= _MARKED_HEAD * body]
        if heads:
            return sum(t.face for t in cur.stack[heads[-1] + 1 :]) < _FACED
    nxt = ahead[0] if ahead else None
    if nxt is not None and len(ahead) > 1 and nxt.face and _rest_of(line, nxt, body):
        nxt = ahead[1]
    return nxt is not None and nxt.size >= _MARKED_HEAD * body and _is_stack(nxt, body)


def _rest_of(line: TypeLine, nxt: TypeLine, body: float) -> bool:
    """`nxt` is the rest of `line` wrapped in the same type: flush under it or centred
    under it as a centred stack is, no wider."""
    return (
        abs(nxt.size - line.size) <= 0.06 * body
        and nxt.bold == line.bold
        and nxt.face == line.face
        and nxt.x1 - nxt.x0 <= line.x1 - line.x0 + 0.5 * body
        and (abs(nxt.x0 - line.x0) < 0.5 * body or abs(nxt.x0 + nxt.x1 - line.x0 - line.x1) < body)
    )


def _assemble(lines: list[TypeLine], body: float, caption_of: dict[int, int]) -> list[_Item]:
    items: list[_Item] = []
    cur: _Item | None = None
    prev: TypeLine | None = None
    wrapped: TypeLine | None = None
    titled = regions.titles(lines, caption_of)
    for i, line in enumerate(lines):
        text = line.text
        picture = caption_of.get(i, -1)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # A name alone under a stack that has no body or byline yet is its byline.
        named = bool(cur and prev and prev in cur.stack and not (cur.has_body or cur.bylines))
        named = named and prev is not None and name_byline(line, prev, nxt, body)
        edge = max((t.x1 for t in lines[i + 1 : i + 5]), default=line.x1)
        if (
            not named
            and nxt is not None
            and i + 2 < len(lines)
            and cur is not None
            and prev in cur.stack
            and not (cur.has_body or cur.bylines)
            and name_wraps(line, nxt, edge, text, body)
        ):  # a byline of names wrapped onto a second line under the stack
            named = name_byline(line, prev, lines[i + 2], body, text + nxt.text)
        if picture >= 0:
            if cur is None or cur.picture != picture or cur.ended:
                cur = _Item(picture=picture)
                items.append(cur)
            (cur.stack if i in titled else cur.body).append(line)
        elif (
            _is_stack(line, body)
            or _marked_stack(line, prev, lines[i + 1 : i + 3], cur, body)
            or _closed_subtitle(line, prev, cur, body)
            or _face_stack(line, prev, lines[i + 1 : i + 3], cur, body)
        ) and not (named or _intertitle(line, cur, body) or wrapped is line):
            stacking = cur is not None and prev is not None and prev in cur.stack
            if not (stacking and cur is not None and not cur.bylines and not cur.has_body):
                cur = _Item()
                items.append(cur)
            cur.stack.append(line)
        elif (
            cur is not None
            and cur.picture < 0
            and not cur.ended
            and prev is not None
            and bool(cur.body)
            and cur.body[-1] is prev
            and end_name(line, cur.body[-8:], body)
        ):
            cur.bylines.append(" ".join(text.split()))
            cur.ended = True
        elif (
            cur is not None
            and cur.body
            and _note(line, prev, body)
            and not SOURCE.match(text)
            and at_indent(line, cur.body, body)
        ):  # `（王忠家）` set at the paragraph indent: printed as a paragraph, ending the story
            cur.body.append(line)
            cur.ended = True
        elif SOURCE.match(text) or (_note(line, prev, body) and cur is not None and cur.body):
            if cur is None or cur.source is not None:
                cur = _Item()
                items.append(cur)
            cur.source = " ".join(text.split())
            cur.ended = True
        elif (
            is_credit(text)
            and cur is not None
            and not cur.ended
            and cur.body
            and not _runs_on(line, nxt, body)
            and not (
                cur.body[-1] is prev and wraps_on(line, prev, lines[max(0, i - 4) : i + 5], body)
            )
        ):
            cur.credit.append(" ".join(text.split()))
            cur.ended = nxt is None or not is_credit(nxt.text)
        else:
            starts = (
                cur is None
                or cur.ended
                or cur.picture >= 0
                # A marked paragraph in a story's running text stays in it (`●公房…`);
                # after white space, or where no headline opened a story, it is a brief.
                or (text[0] in MARKERS and (not cur.stack or (cur.has_body and line.hint)))
                or (
                    line.hint
                    and cur.has_body
                    and prev is not None
                    and prev.closes
                    and not next_column(prev, line, body)
                )
            )
            if starts:
                cur = _over_picture(items, line)
                if cur is None:
                    cur = _Item()
                    items.append(cur)
            assert cur is not None
            ahead_ends = nxt is None or nxt.hint or _is_stack(nxt, body)
            if wrapped is line and cur.bylines:
                # The rest of a byline wrapped at the column edge: a name after a role
                # keeps its space (通讯员 / 许洋), a name broken inside does not.
                gap = " " if cur.bylines[-1].endswith(("记者", "通讯员", "撰稿", "撰稿人")) else ""
                cur.bylines[-1] += gap + text
                if nxt is not None and name_wraps(line, nxt, edge, cur.bylines[-1], body):
                    wrapped = nxt
            elif named or (
                is_byline(text)
                and (not cur.body or ahead_ends)
                and (
                    alone(line, nxt, body, lines[i + 2] if i + 2 < len(lines) else None)
                    or (nxt is not None and byline_wraps(line, nxt, body))
                    or (cur.bylines and not cur.body and ends_block(line, nxt, body))
                )
            ):
                cur.bylines.append(" ".join(text.split()))
                if nxt is not None and (
                    byline_wraps(line, nxt, body) or name_wraps(line, nxt, edge, text, body)
                ):
                    wrapped = nxt
            else:
                cur.body.append(line)
        cur.lines.append(line)
        prev = line
    return items


def _over_picture(items: list[_Item], line: TypeLine) -> _Item | None:
    """The story whose headline stands over the picture just captioned, its text not
    begun yet: a picture set between a headline and its text (the text starts under the
    picture, or beside it), the line lying under the headline's width."""
    if len(items) < 2 or items[-1].picture < 0:
        return None
    story = items[-2]
    if story.picture >= 0 or not story.stack or story.has_body or story.ended:
        return None
    x0, x1 = min(t.x0 for t in story.stack), max(t.x1 for t in story.stack)
    return story if line.x0 < x1 and line.x1 > x0 else None


def _runs_on(line: TypeLine, nxt: TypeLine | None, body: float) -> bool:
    """A full line of running text that the next line continues, whatever its last word:
    `…只有５．３摄` / `氏度，…` is no credit (a credit is bracketed or set apart)."""
    return (
        nxt is not None
        and line.text[0] not in "（("
        and nxt.plain(body)
        and not nxt.hint
        and abs(nxt.x0 - line.x0) < 0.5 * body
        and line.x1 >= nxt.x1 - 0.5 * body
    )


def _note(line: TypeLine, prev: TypeLine | None, body: float) -> bool:
    """`（据新华社电）` or `（郑雪）` set apart under a story's closed last line: its source.
    The last line may end in a bracketed remark of its own: `…的。（本版法律顾问）`,
    `（本报纽约１月２６日电）`, `（附图片１张）`."""
    return (
        prev is not None
        and (prev.closes or prev.text.endswith(("）", ")")))
        and bool(NOTE.match(line.text))
        and (line.x0 - prev.x0 >= 2 * body or prev.x1 < line.x0)
    )


def _intertitle(line: TypeLine, cur: _Item | None, body: float) -> bool:
    """A bold line at body size inside a story's running text: a subheading, not a story
    (a caption has none: a bold line right under its credit is the next story's kicker)."""
    return (
        cur is not None
        and cur.picture < 0
        and bool(cur.body)
        and not cur.ended
        and not line.hint
        and abs(line.size - body) <= 0.06 * body
    )


def _split_stack(stack: list[TypeLine]) -> tuple[str | None, str | None, str | None]:
    """Kicker, headline, subtitle: the largest type is the headline, wrapped or not."""
    if not stack:
        return None, None, None
    top = max(t.size for t in stack)
    big = [k for k, t in enumerate(stack) if t.size >= top * 0.95]
    first, last = big[0], big[0]
    while last + 1 < len(stack) and stack[last + 1].size >= top * 0.95:
        last += 1

    def joined(part: list[TypeLine]) -> str | None:
        return join_lines([clean_line(t.text) for t in part]) if part else None

    return joined(stack[:first]), joined(stack[first : last + 1]), joined(stack[last + 1 :])


def _freeze(it: _Item, body: float, ident: str) -> Item:
    kicker, headline, subtitle = _split_stack(it.stack)
    groups = paragraph_lines(it.body, body)
    credit = list(it.credit)
    if it.picture >= 0 or credit:
        groups, found = caption_credit(groups)
        credit = found + credit
    paragraphs = [join_lines([clean_line(t) for t in g]) for g in groups if g]
    byline = " ".join(it.bylines) if it.bylines else None
    byline = lead_dateline(paragraphs, byline, DATELINE)
    marker = None
    if paragraphs and paragraphs[0][0] in MARKERS and len(paragraphs[0]) > 1 and not it.stack:
        marker, paragraphs[0] = paragraphs[0][0], paragraphs[0][1:].lstrip()
    caption = it.picture >= 0 or bool(credit)
    return Item(
        id=ident,
        kind=item_kind(caption, marker, bool(it.stack), paragraphs, it.source is not None),
        kicker=kicker,
        headline=headline,
        subtitle=subtitle,
        derived_headline=None if headline else derive_headline(paragraphs),
        paragraphs=tuple(p for p in paragraphs if p),
        byline=byline,
        source=it.source,
        credit=" ".join(credit) if credit else None,
        marker=marker,
    )


def _chars(texts: Sequence[str | None]) -> Counter[str]:
    """The texts' characters but white space, counted: counted in C over the joined text,
    then the white space dropped (a generator's filter cost 1% of a page's import)."""
    counts = Counter("".join(t for t in texts if t))
    for c in [c for c in counts if c.isspace()]:
        del counts[c]
    return counts


def _page_chars(page: Page) -> Counter[str]:
    texts: list[str | None] = [page.header]
    for it in page.items:
        texts += [it.kicker, it.headline, it.subtitle, it.byline, it.source, it.credit, it.marker]
        texts += it.paragraphs
    return _chars(texts)
