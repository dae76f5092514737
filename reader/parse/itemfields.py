"""The fields of an item that its paragraphs decide: the dateline taken out of the text,
the item's kind, and a headline made from the lead sentence for items that print none.

Shared by the text parser (`reader.parse.stories`) and PDF import.
"""

from __future__ import annotations

import re
from functools import cache

from reader.model import Kind as ItemKind

_LEAD_TIME = re.compile(
    r"^[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日"
    r"(?:[上下]午|晚上?|早上|中午|凌晨|傍晚|夜间)?[，,]"
)
_DERIVED_MAX = 28


def lead_dateline(
    paragraphs: list[str], byline: str | None, dateline: re.Pattern[str]
) -> str | None:
    """The byline, or the dateline that opens the first paragraph (taken out of it) when none.

    `本报北京1月5日讯　……`: the dateline is the story's, not its text. Shared by the
    text parser and PDF import, each with its own pattern.
    """
    if paragraphs and byline is None:
        match = dateline.match(paragraphs[0])
        if match and match.end() < len(paragraphs[0]):
            paragraphs[0] = paragraphs[0][match.end() :].lstrip()
            return match.group(0).strip()
    return byline


def item_kind(
    caption: bool, marker: str | None, stack: bool, paragraphs: list[str], source: bool
) -> ItemKind:
    """A caption (a credit or a picture), a brief (a marker, or one paragraph with no
    headline stack and no source), else an article: the one rule of both front ends."""
    if caption:
        return "caption"
    if marker or (not stack and len(paragraphs) <= 1 and not source):
        return "brief"
    return "article"


def derive_headline(paragraphs: list[str]) -> str | None:
    """A headline made from the lead sentence, for items that print none."""
    for text in paragraphs:
        lead = _LEAD_TIME.sub("", text, count=1) or text
        sentence = _first_sentence(lead).rstrip("。. ")  # `x .` ended in a space
        if len(sentence) <= _DERIVED_MAX:
            return sentence or None
        window = sentence[:_DERIVED_MAX]
        cut = max(window.rfind("，"), window.rfind(","), window.rfind("、"), window.rfind("；"))
        head = sentence[:cut] if cut >= 8 else sentence[: _DERIVED_MAX - 1]
        return head.rstrip() + "…"
    return None


def _first_sentence(text: str) -> str:
    """The text up to its first 。！？!? and the closing quotes after it, else all of it.

    (A paragraph holds no line break.)
    """
    match = _sentence_end().search(text)
    return text if match is None else text[: match.end()]


@cache
def _sentence_end() -> re.Pattern[str]:
    """A sentence's end and the closing quotes after it, built on first use: a class of
    CJK marks costs re ~0.2 ms to build, too much for import. One search of it takes
    a third of the time of a `str.find` for each mark (a derived headline is made for
    most items of text pasted a paragraph a line, as the search bench's pages are)."""
    return re.compile("[。！？!?][”’」』]*")
