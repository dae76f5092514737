"""Late heads run into the page's last paragraph, told from the text they follow.

Where the page's last story ends in a line that closes a sentence and fills its
column, nothing tells the parser a paragraph ended there, and the late heads written
after it (`…迎接祖国美好的明天。` / `深圳成份股指数周Ｋ线图` / `邓小平理论` / `在苏南地区`)
run on as that paragraph's last lines. `split_last` cuts the paragraph after its last
closed line, so that `lateheads` may read the lines after it as it reads a last
paragraph of late heads (`lateheads._trailing`: no stop in them, one of them not the
last narrower than the text's lines); where it reads none, the paragraph stays whole.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from reader.parse.text import ends_sentence, join_lines

if TYPE_CHECKING:
    from reader.model import Item

_LEAST_RUN = 2  # lines after the closed one at least: a head alone is a line of text


class Story(Protocol):
    """What is read of a story (as `lateheads.Story`): its stack and its lines."""

    stack: list[str]
    paragraphs: list[list[str]]
    bylines: list[str]
    byline_at: int


@dataclass
class _Split:
    """A story's stack and paragraphs, its last paragraph cut in two."""

    stack: list[str]
    paragraphs: list[list[str]]
    bylines: list[str]
    byline_at: int


def split_last(item: Item, story: Story) -> tuple[Item, Story] | None:
    """The item and its story with the last paragraph cut after its last line that
    closes a sentence, with `_LEAST_RUN` lines or more after it (None: no such line,
    or the item's text is not its story's lines)."""
    pars = story.paragraphs
    if not pars or len(item.paragraphs) != len(pars):
        return None
    last = pars[-1]
    cut = next((x for x in range(len(last) - _LEAST_RUN, 0, -1) if ends_sentence(last[x - 1])), 0)
    if not cut or item.paragraphs[-1] != join_lines(last):
        return None
    text = (join_lines(last[:cut]), join_lines(last[cut:]))
    split = _Split(
        story.stack, [*pars[:-1], last[:cut], last[cut:]], story.bylines, story.byline_at
    )
    return replace(item, paragraphs=(*item.paragraphs[:-1], *text)), split
