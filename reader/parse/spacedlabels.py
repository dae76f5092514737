"""A column label spread over its column above a story's head: the kicker, not the head.

Papers set a column's name (`短 评`, `经 济 要 闻`, `读 者 来 信`) over the head of
each story in it, spread over the column in type near the text's size, as they spread a
short head (`spacedheads`). Read as a spaced head, the label becomes the headline and
the head under it the subtitle. The line under the spread line tells the two apart:
a head is set in type half again as large as the text at least, so a column holds
fewer of its characters and it wraps short of the column's measure (`迟浩田欢宴美国防`
/ `部长`: under 0.7 of it); a subtitle is set near the text's size and fills its
column before it wraps, or starts with its dashes (chromereal-pdfium 500-559: under the
22 spaced heads that top a story's stack, the lead's left out, every line starts with
dashes or fills 0.72 of its column at least). A line alone under the spread line
tells nothing by its width: a short head under a label and a short subtitle under a
spaced head look the same in page text (`短 评` / `卢军：用爱心`, `清 风 出 袖` /
`它看见了春天`); both are left as spaced heads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.parse.lateheads import column_measure
from reader.parse.squeeze import squeezed_width
from reader.parse.stacks import split_stack

if TYPE_CHECKING:
    from reader.parse.lateheads import Story

# A line under the spread line narrower than this share of its column is display type.
_HEAD_WIDTH = 0.7
_DASHES = "—-"


def label_over_head(story: Story) -> tuple[str, str | None, str | None] | None:
    """Kicker, headline and subtitle of a stack whose first line is a column label spread
    over its column and whose next line is a head in display type, wrapped under it;
    None for any other stack."""
    stack = story.stack
    if len(stack) < 3 or stack[1].lstrip()[:1] in _DASHES:
        return None  # nothing wrapped under the spread line, or a subtitle's dashes
    measure = column_measure(story)
    if not measure or squeezed_width(stack[1]) >= _HEAD_WIDTH * measure:
        return None
    kicker, headline, subtitle = split_stack(stack[1:], body=story.paragraphs)
    if kicker is not None or headline is None:
        return None  # three parts under the label: no reading of them is sure
    return stack[0], headline, subtitle
