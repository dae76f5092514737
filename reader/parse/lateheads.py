"""Headlines written after the rest of the page, given back to their stories.

Chromium writes a scaled headline (`transform: scaleX()`, condensed or expanded
type) as a form XObject, and PDFium's text writes the text of forms after the
page's own text; e-paper systems that set heads as forms or graphics do the same.
The page text then ends in a run of head-shaped lines after the last closed
paragraph (`中影中唱组建` / `ＶＣＤ生产线` / `欲之罪，何患无词` / `刘征七月二十九日`),
which the parser reads as items with a headline and no text (or as the last
story's last paragraph: lines with no stop after a closed one, not all full; a
note such as `（据新华社电）` ends a story, and no run of heads holds one), while the
stories they belong to are left without one: a story whose text (or byline)
follows a closed paragraph with no stack, whose stack starts with its subtitle's
dashes, or whose dateline or editor's note (`据新华社杭州１月２３日电…`, `编者按：…`)
opens a paragraph of another's text after a closed one or a note.

Each late head goes back by what the page holds:
- order: forms are written in the order the page draws them, which is the
  stories' order, so the heads fill the stories in order;
- the stories left without a head (no stack, or a subtitle alone) take one
  first; a story whose one stack line may be a kicker (`京郊电信扶贫`, its head
  written late) takes one only where the order leaves a head over, unless the
  line is as wide as the text's column (a kicker: a head's type is larger) or
  narrow in it (a head), `_odds`;
- a head's lines: wrapped in one box, every line but the last is as wide as the
  first, and the last no wider; a narrower line than the one before ends a head;
- words: a head whose ideograph pairs the story's opening holds (half of them, or
  a third) is up to `_WORDS` times likelier there (`lateplan`); heads drawn at
  random share none, so on such pages only order and kind decide.

Where more than one way to give the heads back is as good, the heads whose story
is not the same in every one stay where they are, items of their own as before
(`left` counts them). Text only moves between fields: none is lost or doubled.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from reader.fields import item_id
from reader.model import Item
from reader.parse import lateplan, lateruns
from reader.parse.itemfields import lead_dateline
from reader.parse.kinds import DATELINE_HEADS, DATELINE_RE, NOTE_RE
from reader.parse.squeeze import squeezed_width
from reader.parse.text import CLOSING_MARKS, ends_sentence, join_lines, width

if TYPE_CHECKING:
    from collections.abc import Sequence


_DASH = "——"
_MAX_HEAD = 40  # ems: a late head's line is no wider than the page's widest column set
_STRONG, _KICKER, _PAIR, _BARE, _SPLIT, _WRAPPED, _OPEN = 1, 2, 3, 4, 5, 6, 7  # see `_slots`
# The odds that a slot of each kind is a story whose head was written late (measured on
# chromereal-pdfium 400-459: every subtitle alone and byline inside was; a line alone
# above text, a kicker perhaps, one in three; a wrapped head alone, one in seven).
_ODDS = {
    _STRONG: 0.95,
    _SPLIT: 0.9,
    _KICKER: 0.35,
    _PAIR: 0.33,
    _BARE: 0.5,
    _WRAPPED: 0.15,
    _OPEN: 0.8,
}
# A stack line's width against its story's column (see `_odds`).
_WIDE, _OVER, _NARROW = 0.7, 1.1, 0.5
_FULL = 0.85  # a wrapped stack's first line that fills its column: text-size type
_ODDS_WIDE, _ODDS_NARROW = 0.9, 0.1
_ODDS_SPACED = 0.05  # a stack holding a spaced head: 74 of 78 such lines are heads
_LEAST_MEASURED = 3  # inner text lines that tell a column's measure
_MAX_LINES = 40  # late heads' lines on a page at most: more is no run of heads (a table)
_LEAST_KEPT = 2  # paragraphs of a story whose last may be late heads: one kept at least
_TEXT_STOPS = frozenset("。！？!?…⋯；")  # a sentence's stops (a head's colon is none)
_FOREWORDS = ("编者按", "编者的话", "编前", "【编者按】")  # a note over a story's dateline
_NOT_FULL = 2.0  # ems: a line this much narrower than a story's widest ends no text line
_OPENERS = {
    "”": "“",
    "’": "‘",
    "」": "「",
    "』": "『",
    "）": "（",
    ")": "(",
    "》": "《",
    "〉": "〈",
}
# Jump lines: a story's text continued from another page opens with one, and a story
# continued on another page ends with one (`importing.bylines._JUMP`).
_JUMP_FROM = re.compile(r"[（(]上接第?\S{1,3}版[）)]")
_JUMP_TO = re.compile(r"[（(]下转第?\S{1,3}版[）)]$")
_OPENING = 200  # characters of a story's opening that a late head's words are looked for in


class Story(Protocol):
    """What is read of each item's story: its stack lines and its paragraphs' lines."""

    stack: list[str]
    paragraphs: list[list[str]]
    bylines: list[str]
    byline_at: int


def give_back(
    items: tuple[Item, ...],
    stories: Sequence[Story],
    where: tuple[str, str, int],
    spaced: frozenset[str] = frozenset(),
) -> tuple[Item, ...]:
    """`items` with the late heads at the page's end moved into their stories.

    `stories`: each item's story, in the same order.
    `where`: paper, issue and page, for the ids of the items that stay.
    `spaced`: the page's heads spread over their column (`spacedheads`), set in place.
    """
    tails: list[list[str]] = []
    start = len(items)
    while start and (tail := _tail_lines(items[start - 1], stories[start - 1])):
        tails.insert(0, tail)
        start -= 1
    at = 0
    if start:
        item, story = items[start - 1], stories[start - 1]
        at = _trailing(story, item)
        if not at and (split := lateruns.split_last(item, story)):
            item, story = split  # (the heads run into the last paragraph after a closed line)
            at = _trailing(story, item)
    if at:  # the heads read as the last story's last paragraph: tried first
        rest = [line for par in story.paragraphs[at:] for line in par]
        cut = replace(item, paragraphs=item.paragraphs[:at])
        parts = (*items[: start - 1], cut, Item("", "article", paragraphs=item.paragraphs[at:]))
        first = _Part(story.stack, story.paragraphs[:at], story.bylines, story.byline_at)
        here = (*stories[: start - 1], first, _Part([], [rest], [], 0), *stories[start:])
        got = _give((*parts, *items[start:]), here, where, start, [rest, *tails], spaced)
        if got is not None and got[1] & set(range(len(rest))):
            return got[0]  # (else the paragraph stays as the parser read it)
    got = _give(items, stories, where, start, tails, spaced)
    return items if got is None else got[0]


@dataclass
class _Part:
    """A story's stack and paragraphs up to a paragraph: its text before its tail."""

    stack: list[str]
    paragraphs: list[list[str]]
    bylines: list[str]
    byline_at: int


def _trailing(story: Story, item: Item) -> int:
    """The paragraph from which a story's text is late heads the parser read as text
    (0: none): after a closed paragraph, lines with no stop, one of them not the last
    narrower than the story's text by two ems (a text's lines fill their column)."""
    pars = story.paragraphs
    if len(pars) < _LEAST_KEPT or len(item.paragraphs) != len(pars):
        return 0
    at = len(pars) - 1
    last = pars[at]
    if len(last) < 2 or ends_sentence(last[-1]) or _closes_text(last[-2:]):
        return 0  # (a text's last paragraph: `…新年好！`, `…替您安排好的……”`)
    for line in last:
        if (
            width(line) > _MAX_HEAD
            or line.lstrip()[:1] in "（("
            or not _TEXT_STOPS.isdisjoint(line)
        ):
            return 0
    # The text's widths last: the tests on the last paragraph refuse most stories first.
    body = [squeezed_width(line) for par in pars[:at] for line in par[:-1]]
    if not body or not ends_sentence(pars[at - 1][-1]):
        return 0
    full = max(body)
    if all(squeezed_width(line) > full - _NOT_FULL for line in last[:-1]):
        return 0
    return at


def _closes_text(lines: list[str]) -> bool:
    """The last line ends in a closing mark that closes no mark of its own lines: a
    quote or a bracket of the text (`…替您安排好的……”`), not of a head
    (`帐篷里建起『少` / `儿之家』`)."""
    mark = lines[-1].rstrip()[-1:]
    if not mark or mark not in CLOSING_MARKS:
        return False
    opener = _OPENERS.get(mark)
    text = "".join(lines)
    return opener is None or text.count(opener) < text.count(mark)


def _give(
    items: tuple[Item, ...],
    stories: Sequence[Story],
    where: tuple[str, str, int],
    start: int,
    tails: list[list[str]],
    spaced: frozenset[str] = frozenset(),
) -> tuple[tuple[Item, ...], set[int]] | None:
    """The items with the tail's heads given back, and the tail's lines that moved."""
    lines = [line for tail in tails for line in tail]
    if start in (0, len(items)) or not items[start - 1].paragraphs or len(lines) > _MAX_LINES:
        return None
    slots = [s for j in range(start) for s in _slots(j, items[j], stories[j])]
    if not slots:
        return None
    texts = [
        _opening(items[j], at, nxt[2] if nxt[0] == j else None)
        for (j, _, at), nxt in zip(slots, [*slots[1:], (-1, 0, 0)], strict=True)
    ]
    lead = next((j for j, item in enumerate(items) if item.kind == "article"), -1)
    odds = [_odds(kind, stories[j], j == lead, spaced) for j, kind, _ in slots]
    plan = lateplan.plan(lines, odds, texts)
    if not plan:
        return None
    given = {slots[j]: join_lines(lines[lo:hi]) for lo, hi, j in plan}
    out: list[Item] = []
    for j, item in enumerate(items[:start]):
        mine = [slot for slot in given if slot[0] == j]
        for _, kind, _ in mine:
            if kind not in (_SPLIT, _OPEN):
                item = _with_head(item, kind, given[j, kind, 0])
        cuts = sorted((at, kind) for _, kind, at in mine if kind in (_SPLIT, _OPEN))
        if cuts:  # with `_SPLIT`, the story's bylines but the last stay with its first part
            pars, bylines = item.paragraphs, stories[j].bylines
            first = item.byline
            if any(kind == _SPLIT for _, kind in cuts):
                first = " ".join(bylines[:-1]) or None
            bounds = [*(at for at, _ in cuts), len(pars)]
            out.append(replace(item, paragraphs=pars[: bounds[0]], byline=first))
            for (at, kind), end in zip(cuts, bounds[1:], strict=True):
                byline = bylines[-1] if kind == _SPLIT else None
                head, part = given[j, kind, at], list(pars[at:end])
                byline = lead_dateline(part, byline, DATELINE_RE)  # (by25: as `_Story.item`)
                out.append(
                    Item("", "article", headline=head, paragraphs=tuple(part), byline=byline)
                )
            continue
        out.append(item)
    placed = {x for lo, hi, _ in plan for x in range(lo, hi)}
    at = 0
    for item, tail in zip(items[start:], tails, strict=True):
        here = range(at, at + len(tail))
        at += len(tail)
        if placed.isdisjoint(here):
            out.append(item)  # as the parser read it
            continue
        run: list[str] = []  # the lines left of a tail item partly given back
        for x in [*here, -1]:
            if x in placed or x < 0:
                if run:
                    out.append(Item("", "article", headline=join_lines(run)))
                run = []
            else:
                run.append(lines[x])
    if _printed(out) != _printed(items):
        return None  # text moves, never goes nor comes: a check, not a step
    paper, issue, page = where
    return tuple(
        replace(item, id=item_id(paper, issue, page, n)) for n, item in enumerate(out, start=1)
    ), placed


def _printed(items: Sequence[Item]) -> Counter[str]:
    """The printed characters of the items (not the derived headlines: none is printed)."""
    out: Counter[str] = Counter()
    for item in items:
        fields = (item.kicker, item.headline, item.subtitle, item.byline, *item.paragraphs)
        for text in (*fields, item.source, item.credit, item.marker):
            out.update((text or "").replace(" ", ""))
    return out


def _tail_lines(item: Item, story: Story) -> list[str]:
    """The lines of an item that may be late heads alone (none when it holds more)."""
    if item.kind == "caption" or item.marker or item.byline or item.credit or item.source:
        return []
    lines = [*story.stack, *(line for par in story.paragraphs for line in par)]
    for line in lines:
        if width(line) > _MAX_HEAD or line.startswith(_DASH) or "。" in line:
            return []
        if NOTE_RE.match(line.strip()):  # `（据新华社电）`: a story's end, never a head
            return []
    return lines


def _slots(j: int, item: Item, story: Story) -> list[tuple[int, int, int]]:
    """The places item `j` offers late heads, in page order: (j, kind, paragraph).

    Kinds: `_STRONG` (no head: its subtitle alone, or its byline first), `_KICKER`
    (one stack line, a kicker perhaps), `_WRAPPED` (a head of two lines or more with
    nothing else, a wrapped kicker perhaps), `_PAIR` (a line and a subtitle, a kicker
    and a subtitle perhaps), `_BARE` (text alone); and `_SPLIT`: a byline after a
    closed paragraph of its text, which starts a story at that paragraph.
    """
    if item.kind != "article" or not (item.paragraphs or item.byline):
        return []
    stack = story.stack
    kind = 0
    if item.headline is None:
        kind = 0 if stack else _STRONG if item.byline is not None else _BARE
    elif item.kicker is not None:
        kind = 0
    elif item.headline.startswith(_DASH):
        kind = _STRONG if item.subtitle is None else 0
    elif stack[:1] == [item.headline]:
        kind = _KICKER if item.subtitle is None else _PAIR
    elif item.subtitle is None and len(stack) > 1:
        kind = _WRAPPED
    out = [(j, kind, 0)] if kind else []
    at = _byline_inside(item, story)
    if at:
        out.append((j, _SPLIT, at))
    pars = item.paragraphs
    for x in range(1, len(pars)):  # a story's start inside another's text
        if x != at and _closed(pars[x - 1]) and _opens(pars[x - 1], pars[x]):
            out.append((j, _OPEN, x))
    return sorted(out, key=lambda slot: slot[2])


def _closed(above: str) -> bool:
    """Whether a paragraph ends closed: a sentence's stop, or a note or a jump line that
    ends a story (`（彭天增赵庭智）`, `…研究对策。（下转第七版）`)."""
    return ends_sentence(above[-1]) or bool(NOTE_RE.match(above) or _JUMP_TO.search(above))


def _opens(above: str, text: str) -> bool:
    """Whether a paragraph after a closed one starts a story: it opens with a dateline
    (`据新华社杭州１月２３日电（许群）…`, `本报北京１月５日讯…`), an editor's note
    (`编者按：…`) or a jump line from another page (`（上接第一版）`: a story's text
    continued here starts so), or the one above is a note that closes a story
    (`（彭天增赵庭智）`) or ends in a jump line to another page (`（下转第七版）`: the
    story goes on there, and what follows here is another's)."""
    if NOTE_RE.match(text) or _JUMP_TO.search(text):
        return False  # (`（下转第八版）` / `（萧桂启）`: the note closes the story above)
    if NOTE_RE.match(above) or _JUMP_TO.search(above) or _JUMP_FROM.match(text):
        return True
    if above.startswith(_FOREWORDS):
        return False  # (`编者按：…` / `本报上海１月２３日电…`: the editor's note opens the story)
    if text.startswith(_FOREWORDS):
        return True
    if text.startswith("据"):
        text = text[1:]
    return text.startswith(DATELINE_HEADS) and DATELINE_RE.match(text) is not None


def _byline_inside(item: Item, story: Story) -> int:
    """The index of the paragraph a story's last byline stood before, when that was
    after a closed paragraph of its text (0: none such)."""
    pars, at = story.paragraphs, story.byline_at
    if not (0 < at < len(pars) and len(item.paragraphs) == len(pars)):
        return 0
    if item.byline != " ".join(story.bylines) or not ends_sentence(pars[at - 1][-1]):
        return 0
    if any(join_lines(par) != text for par, text in zip(pars, item.paragraphs, strict=True)):
        return 0
    return at


def _opening(item: Item, at: int, end: int | None = None) -> str:
    """The first characters of the story a slot heads: its text from paragraph `at`
    (up to paragraph `end`, where the next story may start)."""
    return "".join(item.paragraphs[at:end])[:_OPENING]


def _with_head(item: Item, kind: int, head: str) -> Item:
    """The item with a late head given back to its stack."""
    if kind == _STRONG and item.headline is not None:  # the subtitle read as the head
        return replace(item, headline=head, subtitle=item.headline, derived_headline=None)
    if kind in (_STRONG, _BARE):
        return replace(item, headline=head, derived_headline=None)
    return replace(item, kicker=item.headline, headline=head, derived_headline=None)


def _plan(
    lines: list[str], kinds: list[int], texts: Sequence[str] = ()
) -> list[tuple[int, int, int]]:
    """The heads that go back (`lateplan.plan`), for places of these kinds."""
    return lateplan.plan(lines, [_ODDS[kind] for kind in kinds], texts)


def _odds(kind: int, story: Story, lead: bool, spaced: frozenset[str] = frozenset()) -> float:
    """The odds that a place of this kind is a story whose head was written late, told
    by the width of its one stack line against its column.

    A head is set in type half again as large as the text at least, so a column holds
    fewer of its characters than of the text's; a kicker or a subtitle is set near
    the text's size. A line at least `_WIDE` of the column's measure (and no wider
    than the column: a head over several columns) is no head set in place: its story's
    head is elsewhere (chromereal-pdfium 500-559: 21 of 21 such lines, 6 more text
    lines read as a stack). A lone line under `_NARROW` of it is a head (31 of 34).
    The page's first story is its lead, whose stack stands across its columns: its
    width tells nothing. A stack that holds a head spread over its column (`spaced`)
    shows its story's head in place.
    """
    odds = _ODDS[kind]
    if kind in (_KICKER, _PAIR, _WRAPPED) and not spaced.isdisjoint(story.stack):
        return _ODDS_SPACED
    if lead or kind not in (_KICKER, _PAIR, _WRAPPED):
        return odds
    measure = column_measure(story)
    if not measure:
        return odds
    ratio = squeezed_width(story.stack[0]) / measure
    if kind == _WRAPPED:
        wrapped_once = len(story.stack) == 2
        return _ODDS_WIDE if wrapped_once and _FULL <= ratio <= _OVER else odds
    if _WIDE <= ratio <= _OVER:
        return _ODDS_WIDE
    return _ODDS_NARROW if ratio < _NARROW and kind == _KICKER else odds


def column_measure(story: Story) -> float:
    """The story's column measure: the middle width of its text's inner lines (each
    paragraph's last left out), 0 for a story with too few to tell."""
    widths = sorted(squeezed_width(line) for par in story.paragraphs for line in par[:-1])
    return widths[len(widths) // 2] if len(widths) >= _LEAST_MEASURED else 0.0
