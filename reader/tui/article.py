"""The article pane and the captions pane: items laid out as text blocks."""

from __future__ import annotations

from collections.abc import Iterable

from reader.fields import META_FIELDS, paragraph_key
from reader.model import Item
from reader.tui.textview import Block, MarksFor, TextPane

INDENT = "    "  # two full-width characters: the first-line indent of Chinese paragraphs


def item_blocks(item: Item, label: str = "") -> list[Block]:
    """`label` (where the item is, e.g. `第1版 要闻 · 文章 4/6`); kicker, headline,
    subtitle; byline, source, credit; then the paragraphs."""
    ident = item.id
    label = label + (f"  {item.marker}" if item.marker else "")
    blocks = [Block(label, "label")]
    if item.kicker:
        blocks.append(Block(item.kicker, "kicker", ident, "kicker", gap=True))
    if item.headline:
        blocks.append(Block(item.headline, "headline", ident, "headline", gap=not item.kicker))
    elif item.derived_headline:
        text = item.derived_headline + "〕"
        blocks.append(Block(text, "derived", ident, "derived_headline", "〔", not item.kicker))
    if item.subtitle:
        blocks.append(Block(item.subtitle, "subtitle", ident, "subtitle"))
    meta = [name for name in META_FIELDS if getattr(item, name)]
    for n, name in enumerate(meta):
        blocks.append(Block(getattr(item, name), "meta", ident, name, gap=n == 0))
    for n, paragraph in enumerate(item.paragraphs):
        blocks.append(Block(paragraph, "body", ident, paragraph_key(n), INDENT, gap=True))
    return blocks


def caption_blocks(items: Iterable[Item]) -> list[Block]:
    """The photo captions of a page: text, then the credit, one after another."""
    blocks: list[Block] = []
    for item in items:
        ident = item.id
        first = True
        if item.headline:
            blocks.append(Block(item.headline, "headline", ident, "headline", gap=bool(blocks)))
            first = False
        for n, paragraph in enumerate(item.paragraphs):
            gap = bool(blocks) and first
            blocks.append(Block(paragraph, "body", ident, paragraph_key(n), gap=gap))
            first = False
        if item.credit:
            blocks.append(Block(item.credit, "meta", ident, "credit", gap=bool(blocks) and first))
    return blocks


class ArticleView(TextPane):
    """The item being read."""

    def show_item(
        self, item: Item | None, marks_for: MarksFor, label: str = "", none: str = ""
    ) -> None:
        """Show one item from the top under `label`, or the message `none` if there is none."""
        if item is None:
            self.show([Block(none, "message")], marks_for)
        else:
            self.show(item_blocks(item, label), marks_for)

    def show_message(self, message: str) -> None:
        """Show a message instead of an item (an empty library, an error)."""
        self.show([Block(message, "message")])


class CaptionsView(TextPane):
    """The photo captions of the current page, with their credits."""

    def show_captions(self, items: list[Item], marks_for: MarksFor, none: str = "") -> None:
        """Show the captions of a page, or the message `none`."""
        if items:
            self.show(caption_blocks(items), marks_for)
        else:
            self.show([Block(none, "message")])
