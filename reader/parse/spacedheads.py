"""A head spaced out over its column, its subtitle written on the same line, cut apart.

Papers spread a short head over its column (`经 济 要 闻`: justified, each character
apart), and PDFium writes the gaps of such a line as spaces. When the subtitle stands
beside it or under it, PDFium writes the two on one line: `中 条 山 在 融 化 ——我国
将实行播音员主持人持证上岗制度`, `育 石 成 龙 ——哈尔滨森永乳品有限` (the subtitle's
wrapped rest on the next line). Read so, head and subtitle are one headline.
`joined.split_gaps` cuts such a line where the head is set tight (`城市与乡村 ——…`);
here the head is a run of two to eight ideographs, one space between each, then a space
and a subtitle's two dashes with its words set tight after them. A justified line of
text spaced out so holds punctuation or runs on past the dashes spaced too, and a
long dash inside text is three (`…退 伍 军 人 ———江南集团…`, `dashorder`): neither
is cut.

Such a line is a headline wherever it stands in a stack (`heads_spaced`): the
type is spread to fill its column, as a head's is, never a wrapped head's last
line nor its first. Read by widths alone, `李鹏会见日本建设大臣` / `群 众 的 认 可`
is one headline wrapped, and `清 风 出 袖` / `它看见了` a kicker over its head: the
lines above a spaced head are its kicker, the lines below its subtitle
(chromereal-pdfium 500-559: 74 of 78 spaced lines of two to eight ideographs are
headlines; 24 of those were read wrong, 14 of them joined to or under a line).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from reader.parse.spacedlabels import label_over_head
from reader.parse.text import join_lines

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.model import Item
    from reader.parse.lateheads import Story as Told

# Two to eight ideographs a space apart, a space, `——` and a word set tight after it.
_SPACED_HEAD = re.compile(r"^(\s*(?:[\u4e00-\u9fff] ){1,7}[\u4e00-\u9fff]) +(——[^—\s]\S*)\s*$")
_GAPS = (" ——", "\u3000——")  # what such a line holds (asked of the page in C first)
_HEAD_CHARS = re.compile("[\u4e00-\u9fff]{2,6}")  # a spaced head alone on its line
_SPACES = (" ", "\u3000")
_LINE_END = "\r\n"


def split_spaced_heads(raw: list[str], text: str) -> list[str]:
    """`raw` with each spaced head and the subtitle written on its line as two lines."""
    if not any(gap in text for gap in _GAPS):
        return raw  # the fast path: no subtitle's dashes after a gap
    out: list[str] = []
    for line in raw:
        found = _SPACED_HEAD.match(line) if " ——" in line else None
        if found is None:
            out.append(line)
        else:
            out.extend(found.groups())
    return out


class Story(Protocol):
    """What is read of each item's story: its stack lines."""

    stack: list[str]


def spaced_lines(stories: Sequence[Story], text: str) -> frozenset[str]:
    """The stack lines of two to six ideographs that the page prints spaced out, alone on
    their line or before a subtitle's dashes (`群 众 的 认 可`, `中 条 山 ——…`)."""
    found = set()
    spaces = [space for space in _SPACES if space in text]
    for story in stories:
        for line in story.stack:
            if _HEAD_CHARS.fullmatch(line) and any(_alone(sp.join(line), text) for sp in spaces):
                found.add(line)
    return frozenset(found)


def _alone(spread: str, text: str) -> bool:
    """`spread` stands in `text` as a line of its own, spaces around it or a subtitle's
    dashes after it."""
    at = text.find(spread)
    while at >= 0:
        start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
        end = at + len(spread)
        stop = len(text)
        for mark in _LINE_END:
            found = text.find(mark, end)
            stop = found if 0 <= found < stop else stop
        rest = text[end:stop].strip()
        if not text[start:at].strip() and (not rest or rest.startswith("——")):
            return True
        at = text.find(spread, at + 1)
    return False


def heads_spaced(
    items: tuple[Item, ...], stories: Sequence[Told], spaced: frozenset[str]
) -> tuple[Item, ...]:
    """`items` whose stack holds one spaced head with it as their headline, the
    lines above it their kicker and the lines below their subtitle."""
    if not spaced:
        return items
    out = list(items)
    lead = next((n for n, item in enumerate(items) if item.kind == "article"), -1)
    for n, (item, story) in enumerate(zip(items, stories, strict=True)):
        stack = story.stack
        at = [k for k, line in enumerate(stack) if line in spaced]
        if len(stack) < 2 or len(at) != 1 or item.kind != "article":
            continue
        fields = (item.kicker, item.headline, item.subtitle)
        if "".join(f or "" for f in fields).replace(" ", "") != "".join(stack).replace(" ", ""):
            continue  # the item's stack fields hold more, or less, than its stack lines
        k = at[0]
        # `短 评` over a head; the lead's stack stands across its columns: no measure
        label = label_over_head(story) if k == 0 and n != lead else None
        if label is not None:
            out[n] = replace(item, kicker=label[0], headline=label[1], subtitle=label[2])
            continue
        out[n] = replace(
            item,
            kicker=join_lines(stack[:k]) if k else None,
            headline=stack[k],
            subtitle=join_lines(stack[k + 1 :]) if k + 1 < len(stack) else None,
        )
    return tuple(out)
