"""Page text -> Page: stories, headline stacks, paragraphs (DESIGN section 4).

The parser never drops a printed character: a line it cannot place goes into a
paragraph of some item. It works in three passes over the page's lines:
classify and measure each line (`reader.parse.lines`), mark headline stacks, then
assemble stories in reading order.
"""

from __future__ import annotations

import re

from reader.fields import item_id
from reader.model import Item, Page
from reader.parse.afterheads import heads_after_text
from reader.parse.captions import caption_starts, ends_in_credit, split_credit
from reader.parse.column import full_between, listed, opens_paragraph, starts_story, title_end
from reader.parse.dashorder import dash_lines_in_place
from reader.parse.digits import holds
from reader.parse.heads import stack_end
from reader.parse.itemfields import derive_headline, item_kind, lead_dateline
from reader.parse.joined import split_gaps, split_joined
from reader.parse.kinds import DATELINE_RE, MARKERS, NOTE_RE, OUTLET_ROLE, SOURCE_RE, Kind
from reader.parse.lateheads import give_back
from reader.parse.layout import unlayout
from reader.parse.leadins import leads_in
from reader.parse.lines import Line, pasted
from reader.parse.measures import Shown
from reader.parse.notelabels import mark_label_apart
from reader.parse.notes import SIGNATURE_BREAK, note_in_text, rejoin_signature, signs_note
from reader.parse.oneparts import join_wraps
from reader.parse.photonotes import unmark_photo_notes
from reader.parse.pieces import may_hold_names, rejoin_names, rejoin_split
from reader.parse.points import ends_item, mark_points
from reader.parse.series import mark_series
from reader.parse.spacedheads import heads_spaced, spaced_lines, split_spaced_heads
from reader.parse.spreadsubs import spread_subtitle
from reader.parse.stacks import group, page_marked, split_stack
from reader.parse.stopgap import marked_lines
from reader.parse.text import ELLIPSIS_BREAK, decode, join_lines, page_lines, rejoin_ellipses, width
from reader.parse.topswap import put_heads_first
from reader.parse.verse import mark_verse
from reader.parse.vertical import join_vertical

_MAY_START = MARKERS + "图"  # a line that may start a story without a hint (`图为…`)
_COLUMN_MAX = 40  # ems: no newspaper column is wider
# A line's first unit: a run of Latin or digits, or an opening mark and its word.
_LEAD = re.compile(r"[\x21-\x7e]+|[“‘（《「『(\[].")
MAX_LINES = 20_000
"""Printed lines parsed one by one. A broadsheet of small type (stock tables, listings)
holds a few thousand; sixteen MB of `□ 中` lines (2.8 million items) took 13 s and
440 MB a MB of text before this bound. Blank lines do not count: extractors that
write `\n\n` or CRLF between lines must not halve the bound."""
_OVERFLOW_CHARS = 65_536
"""About this many characters past `MAX_LINES` make each item after them."""


def parse_bytes(data: bytes, paper: str = "", issue: str = "", page: int = 1) -> Page:
    """Decode page bytes (UTF-8, UTF-8 with BOM, GB18030) and parse them."""
    return parse_text(decode(data), paper, issue, page)


def parse_text(text: str, paper: str = "", issue: str = "", page: int = 1) -> Page:
    """Parse the text of one page into its header and items in reading order.

    Past `MAX_LINES` line breaks the page is no newspaper page: the rest is kept
    whole in plain items (`_overflow`) without the per-line work, so time and
    memory stay linear and small for anything under the size limit.
    """
    text, rest = _cut(text)
    raw = page_lines(unlayout(text))  # columns written side by side: cut apart
    raw = join_vertical(raw)  # a head set top to bottom, one character a line
    raw = rejoin_split(raw, text)  # lines MuPDF wrote in pieces
    if may_hold_names(text):
        raw = rejoin_names(raw)
    raw = split_spaced_heads(raw, text)  # a spaced head, its subtitle on its line
    raw = split_gaps(split_joined(raw))
    if "\n…" in text and ELLIPSIS_BREAK.search(text):  # (a line opening with `…`: rare)
        raw = rejoin_ellipses(raw)  # `贫困…` / `…`: one mark broken over two lines
    if any(map(text.__contains__, SIGNATURE_BREAK)):
        raw = rejoin_signature(raw)  # `———编` / `者`
    if "———" in text:
        raw = dash_lines_in_place(raw)  # PDFium writes a `———` line one line early
    # ...and a top story's first line early (no line holds a digit the text does not)
    lines, header, wrapping = marked_lines(put_heads_first(raw), holds(text))
    unmark_photo_notes(lines)
    mark_verse(lines)
    mark_points(lines)
    if "编者" in text or "编后" in text:
        mark_label_apart(lines)  # `编者：` alone on its line
    mark_series(lines)
    stories = _assemble(lines, pasted(lines))
    if rest:
        stories.extend(_overflow(rest))
    marked = page_marked([story.stack for story in stories])
    groups = join_wraps([group(story.stack, wrapping) for story in stories], wrapping, lines)
    shown = Shown(groups, [story.paragraphs for story in stories])
    items = tuple(
        story.build(item_id(paper, issue, page, n), wrapping, marked, groups[n - 1], shown)
        for n, story in enumerate(stories, start=1)
    )
    spaced = spaced_lines(stories, text)  # a head spread over its column: the headline
    items = heads_spaced(items, stories, spaced)
    where = (paper, issue, page)
    shifted = heads_after_text(items, where)  # each head written after its story's text
    items = give_back(items, stories, where, spaced) if shifted is items else shifted
    items = tuple(map(note_in_text, items))
    return Page(paper=paper, issue=issue, page=page, header=header, items=items)


def _cut(text: str) -> tuple[str, str]:
    """The text up to its `MAX_LINES`-th printed line, and the rest (usually none)."""
    if text.count("\n") + text.count("\r") <= MAX_LINES:
        return text, ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    at, printed = -1, 0
    while printed < MAX_LINES:
        end = text.find("\n", at + 1)
        if end < 0:
            return text, ""
        if not text[at + 1 : end].isspace() and end > at + 1:
            printed += 1
        at = end
    return text[:at], text[at + 1 :]


def _overflow(rest: str) -> list[_Story]:
    """The text past `MAX_LINES` as items of about 64 K characters, one paragraph each.

    Whitespace is collapsed in C (`str.split`), not line by line (a list of
    2.8 million lines took 170 MB): every printed character is kept, in order.
    Items of bounded size keep the index's work per item (tokens, words) small.
    """
    stories: list[_Story] = []
    at = 0
    while at < len(rest):
        end = rest.find("\n", at + _OVERFLOW_CHARS)
        end = len(rest) if end < 0 else end
        paragraph = " ".join(rest[at:end].split())
        if paragraph:
            stories.append(_Story())
            stories[-1].paragraphs.append([paragraph])
        at = end + 1
    return stories


class _Story:
    """An item being assembled (a plain class: @dataclass costs ~1 ms at import)."""

    def __init__(self, stack: list[str] | None = None) -> None:
        self.stack: list[str] = [] if stack is None else stack
        self.paragraphs: list[list[str]] = []
        self.bylines: list[str] = []
        self.byline_at = 0  # the paragraphs before the (last) byline: `lateheads`
        self.source: str | None = None
        self.credit: list[str] = []
        self.marker: str | None = None
        self.ended = False
        self.hinted = False  # started at a line with a leading space

    @property
    def has_body(self) -> bool:
        return bool(self.paragraphs or self.credit or self.source)

    def build(
        self,
        ident: str,
        wrapping: bool = False,
        marked: bool = False,
        grouped: list[list[str]] | None = None,
        shown: Shown | None = None,
    ) -> Item:
        """Freeze the story into an `Item`; `wrapping`: the page wraps headlines,
        `marked`: it marks stack parts with dashes (`stacks.page_marked`), `grouped`
        and `shown`: its stack's parts and the page's measures (`stacks.split_stack`)."""
        kicker, headline, subtitle = split_stack(
            self.stack, wrapping, marked, self.paragraphs, grouped=grouped, shown=shown
        )
        lines = self.paragraphs  # a subtitle set across the columns opens them (`spreadsubs`)
        if headline and subtitle is None and (spread := spread_subtitle(lines)):
            subtitle, lines = spread
        paragraphs = [join_lines(p) for p in lines]
        credit = list(self.credit)
        if not self.bylines:
            split_credit(paragraphs, credit)
        elif credit and paragraphs:
            # A story under a byline keeps a credit that ends its text (`…（新华社发美联` /
            # `社照片）`, or whole on the line below): captions carry credits, not bylines.
            paragraphs[-1], credit = join_lines([paragraphs[-1], *credit]), []
        paragraphs = [p for p in paragraphs if p]
        if credit and self.stack and not paragraphs:  # a picture's title, its credit
            paragraphs, kicker, headline, subtitle = [join_lines(self.stack)], None, None, None
        byline = " ".join(self.bylines) if self.bylines else None
        byline = lead_dateline(paragraphs, byline, DATELINE_RE)
        derived = None if headline else derive_headline(paragraphs)
        return Item(
            id=ident,
            kind=item_kind(
                bool(credit), self.marker, bool(self.stack), paragraphs, bool(self.source)
            ),
            kicker=kicker,
            headline=headline,
            subtitle=subtitle,
            derived_headline=derived,
            paragraphs=tuple(paragraphs),
            byline=byline,
            source=self.source,
            credit=" ".join(credit) if credit else None,
            marker=self.marker,
        )


def _assemble(lines: list[Line], pasted: bool = False) -> list[_Story]:
    """Walk the lines in order and group them into stories."""
    stories: list[_Story] = []
    cur: _Story | None = None
    body, byline = Kind.BODY, Kind.BYLINE
    last_body = -1
    captions = caption_starts(lines)
    caption_start = in_caption = -1  # the first and last line of the caption being read
    i, count = 0, len(lines)
    while i < count:
        line = lines[i]
        if line.head:
            end = stack_end(lines, i)
            stack = [ln.text for ln in lines[i : end + 1]]
            # A title is read after a story's body, not after a caption's credit.
            follows_body = (
                cur is not None and cur.has_body and not cur.stack and not _captioned(cur)
            )
            if follows_body and not line.hint and starts_story(lines, end + 1):
                assert cur is not None
                cur.stack = stack
                cur.ended = True
            else:
                cur = _Story(stack=stack)
                stories.append(cur)
            i = end + 1
            continue
        kind = line.kind
        if (
            kind is body
            and last_body == i - 1
            and cur is not None
            and not (cur.ended or line.hint or line.indent)
            and line.first not in _MAY_START
            and i not in captions
            and cur.paragraphs
            and not lines[i - 1].closes
            and lines[i - 1].last not in "）)—"
        ):
            # The common case, inside a paragraph, asked first: what the branch below
            # asks of such a line (no story, caption or byline starts at it) in short.
            cur.paragraphs[-1].append(line.text)
            last_body = i
            if line.closes and ends_in_credit(line.text):
                cur.ended = True  # a caption ends at its credit
            i += 1
            continue
        if kind is body or kind is byline or cur is None:
            if (
                cur is None
                or cur.ended
                or (i in captions and (_caption_apart(cur) or NOTE_RE.match(lines[i - 1].text)))
                or (kind is byline and cur.paragraphs and _dateline(lines, i) == "story")
                or (
                    (line.hint or line.first in _MAY_START)
                    and starts_story(lines, i)
                    and cur.has_body
                    and i > in_caption
                    and not listed(cur.stack, cur.paragraphs, line.text)
                )
            ):
                cur = _Story()
                cur.hinted = line.hint
                stories.append(cur)
            if i in captions:
                caption_start, in_caption = i, captions[i]
            if kind is byline and not (cur.paragraphs and _dateline(lines, i) == "text"):
                _add_byline(cur, lines, i)
            elif (
                last_body == i - 1
                and cur.paragraphs
                and not (
                    line.hint
                    or line.indent
                    or (line.text[0] in MARKERS and listed(cur.stack, cur.paragraphs, line.text))
                )  # (`listed` asks the marker first: written out, as this runs for most lines)
                and (
                    # A caption is one paragraph: a line ending in `：` leads on in it.
                    (caption_start < i <= in_caption and lines[i - 1].last in "：；:;")
                    or not (
                        lines[i - 1].closes
                        or (lines[i - 1].last in "）)" and title_end(lines, i - 1))
                        or leads_in(lines, i - 1)
                    )
                )
            ):
                cur.paragraphs[-1].append(line.text)  # the common case, inside a paragraph
                last_body = i
            else:
                _add_body(cur, lines, i, last_body, pasted)
                last_body = i
            if line.closes and ends_in_credit(line.text):
                cur.ended = True  # a caption ends at its credit
        elif kind is Kind.SOURCE:
            if cur.source is None:
                cur.source = line.text
                cur.ended = True
            elif SOURCE_RE.match(line.text) and not SOURCE_RE.match(cur.source):
                # `（项宁）` / `（来源：本报综合）`: the note is text (`notes`), the line the source
                cur.paragraphs.append([cur.source])
                cur.source = line.text
            else:
                cur.paragraphs.append([line.text])
        elif kind is Kind.CREDIT:
            cur.credit.append(" ".join(line.raw.split()))
            if i + 1 >= len(lines) or lines[i + 1].kind is not Kind.CREDIT:
                cur.ended = True
        else:  # a cross-reference stays with the text it continues
            cur.paragraphs.append([line.text])
        i += 1
    return stories


def _add_byline(story: _Story, lines: list[Line], i: int) -> None:
    """Byline line i of the story; the lines of one byline run (a byline wrapped, `本报记者
    吕静立 通讯员 曹` / `霞`, or over its dateline, `本报记者 朱艳` / `本报成都1月30日讯`) one
    entry, so that `lateheads` gives a story it cuts off its last byline whole. (by25:
    the item's byline, all of them joined by spaces, is the same.)"""
    line, above = lines[i], lines[i - 1]
    text = " ".join(line.raw.split())
    if (
        story.bylines
        and story.byline_at == len(story.paragraphs)
        and above.kind is Kind.BYLINE
        and OUTLET_ROLE.match(line.text) is None  # (a byline of its own: another story's,
    ):  # `本报记者 林群 陈洋` / `本报记者 黄涛 通讯员 徐静`, which `lateheads` may cut apart)
        story.bylines[-1] += " " + text
    else:
        story.bylines.append(text)
    story.byline_at = len(story.paragraphs)


def _captioned(story: _Story) -> bool:
    """The story ended at a photo credit: a caption."""
    return bool(story.credit) or bool(story.paragraphs and ends_in_credit(story.paragraphs[-1][-1]))


def _dateline(lines: list[Line], i: int) -> str:
    """What a dateline alone on line i (`新华社开罗1月10日电`) after a story's text opens.

    Under an open line (a headline not found) it opens the next story; under a
    closed paragraph, the paragraph it heads; under a byline it is that byline's.
    """
    prev, text = lines[i - 1], lines[i].text
    if DATELINE_RE.match(text) is None or prev.kind is Kind.BYLINE:
        return "byline"
    if prev.closes or prev.kind is not Kind.BODY:  # (by25: 讯 of 通讯员 is no dateline's,
        return "byline" if OUTLET_ROLE.match(text) else "text"  # `本报记者吕静立通讯员曹`)
    return "story"


def _caption_apart(story: _Story) -> bool:
    """A caption that starts here is not the story's own text.

    Captions print no headline, so one under a story with a headline (or a
    brief's marker) is apart from it. Under a story without one, the page's hints
    decide: a story that
    starts at a hint holds its caption; else only whole paragraphs before it
    show that the story is another.
    """
    if not story.has_body:
        return False
    if story.stack or story.marker:
        return True
    return not story.hinted and len(story.paragraphs) >= 2


def _add_body(
    story: _Story, lines: list[Line], i: int, last_body: int, pasted: bool = False
) -> None:
    """Add body line i to the story, opening a paragraph where one starts."""
    line = lines[i]
    text = line.text
    # A brief prints no headline: under one, a bullet opens the story's list.
    brief = not (story.paragraphs or story.stack) and story.marker is None
    if brief and text[0] in MARKERS and text[1:].strip():
        story.marker = text[0]
        text = text[1:].lstrip()
    prev = lines[i - 1] if i > 0 else None
    new_paragraph = (
        not story.paragraphs
        or last_body != i - 1
        or prev is None
        or line.hint
        or line.indent
        or listed(story.stack, story.paragraphs, text)
        or signs_note(prev.text)
        or ends_item(lines, i)
        or (
            (prev.closes or title_end(lines, i - 1) or leads_in(lines, i - 1))
            and (
                pasted
                or _opens(lines, i)
                or (_short_pair(prev, line) and not full_between(lines, i))
            )
        )
    )
    if new_paragraph and not (story.paragraphs and text == "———编者"):  # (it signs the note
        story.paragraphs.append([text])  # above: the end of that paragraph)
    else:
        story.paragraphs[-1].append(text)


def _short_pair(prev: Line, line: Line) -> bool:
    """A short closed line, then a short one: a paragraph's last line and the next's first."""
    return prev.short and line.short and _fits(prev, line)


def _opens(lines: list[Line], i: int) -> bool:
    """Line i opens a paragraph; a short closed one (a paragraph of one line) only if
    it ended by choice."""
    if not opens_paragraph(lines, i):
        return False
    line = lines[i]
    return not line.closes or i + 1 >= len(lines) or _fits(line, lines[i + 1])


def _fits(line: Line, nxt: Line) -> bool:
    """The next line's first word would have fitted on the line: it ended by choice.

    A line also ends short when that word did not (`称赞他为：` / `“我军…`, a run of
    digits), and a closing mark at its end may sit inside the column, not hang.
    """
    if line.width > _COLUMN_MAX:
        return True  # a paragraph a line (pasted from the web): no column to fill
    match = _LEAD.match(nxt.text)
    lead = width(match.group(0)) if match else 1.0
    return line.width + line.hangs + lead <= line.measure()
