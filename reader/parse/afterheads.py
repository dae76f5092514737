"""A page whose heads are written after their stories' text: each head given back.

Layout programs often draw a story's text frame before its head, and PDFium and
MuPDF write the text in drawing order: each story's text, then its head (kicker,
headline, subtitle). Read top down, every head then stands over the next story's text:
the page's first story shows no head, each story after it the head of the one
before, and the page ends in a head with no story. The page shows it three ways at
once, and all three must hold: its first article has text and no stack, its last item
is a stack alone, and the heads' words say so. A head's words are its story's (two
ideographs side by side, `lateplan`'s pairs): where more heads share theirs with the
text above them than with the text below (at least `_LEAST_VOTES`, and more than twice
as many as the other way), each stack goes back to the story above it. A page whose
heads stand over their own stories shows the words the other way, and one whose heads
were drawn at random shows none: both are left as read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reader.fields import item_id
from reader.parse.itemfields import derive_headline, item_kind
from reader.parse.lateplan import bigrams, share

if TYPE_CHECKING:
    from reader.model import Item

_LEAST_VOTES = 2  # heads whose words say "the story above" at least
_OPENING = 200  # characters of a story's text its head's words are looked for in


def heads_after_text(items: tuple[Item, ...], where: tuple[str, str, int]) -> tuple[Item, ...]:
    """`items` with each stack moved to the story above it, where the page shows its
    heads written after their stories (see the module); else `items` as they are."""
    if len(items) < 3 or not _lone_stack(items[-1]):
        return items
    stories = [n for n, item in enumerate(items[:-1]) if item.kind != "caption"]
    if not stories or not _headless(items[stories[0]]):
        return items
    heads = [n for n in stories[1:] if _stack(items[n])]
    if len(heads) + 1 < _LEAST_VOTES or any(not items[n].paragraphs for n in stories):
        return items
    order = [*stories, len(items) - 1]  # the stories, then the stack alone at the end
    above = below = 0
    for k in range(1, len(order)):
        head = bigrams(_stack(items[order[k]]))
        before = share(head, _opening(items[order[k - 1]]))
        after = share(head, _opening(items[order[k]])) if k < len(order) - 1 else 0.0
        above += before > after
        below += after > before
    if above < _LEAST_VOTES or above <= 2 * below:
        return items
    out = list(items)
    for k in range(len(order) - 1):
        mine, theirs = items[order[k]], items[order[k + 1]]
        pars = list(mine.paragraphs)
        out[order[k]] = replace(
            mine,
            kind=item_kind(False, mine.marker, bool(_stack(theirs)), pars, bool(mine.source)),
            kicker=theirs.kicker,
            headline=theirs.headline,
            subtitle=theirs.subtitle,
            derived_headline=None if theirs.headline else derive_headline(pars),
        )
    del out[-1]
    paper, issue, page = where
    return tuple(
        replace(item, id=item_id(paper, issue, page, n)) for n, item in enumerate(out, start=1)
    )


def _stack(item: Item) -> str:
    """An item's stack as one text: kicker, headline, subtitle."""
    return "".join(text for text in (item.kicker, item.headline, item.subtitle) if text)


def _headless(item: Item) -> bool:
    """A story with text and no stack."""
    return bool(item.paragraphs) and not _stack(item)


def _lone_stack(item: Item) -> bool:
    """An item that holds a stack and nothing else."""
    alone = not (item.paragraphs or item.byline or item.source or item.credit or item.marker)
    return alone and item.kind != "caption" and bool(item.headline)


def _opening(item: Item) -> str:
    """The first characters of a story's text, with its byline (a dateline's place)."""
    return ((item.byline or "") + "".join(item.paragraphs))[:_OPENING]
