"""Items and pages as Rich renderables, Markdown and plain text for the command line."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from reader.fields import KIND_LABEL
from reader.model import Item, Page
from reader.printable import one_line, printable


def _text(value: str, style: str = "") -> Text:
    """Page text as a Rich Text: never parsed as markup, controls made visible."""
    return Text(printable(value), style=style)


def item_renderable(item: Item, with_id: bool = True) -> RenderableType:
    """One item: headline stack, then byline, source and credit, then paragraphs."""
    parts: list[RenderableType] = []
    if with_id:
        label = f"{item.id}  {KIND_LABEL[item.kind]}"
        parts.append(_text(label + (f"  {item.marker}" if item.marker else ""), "dim"))
    if item.kicker:
        parts.append(_text(item.kicker, "italic"))
    if item.headline:
        parts.append(_text(item.headline, "bold"))
    elif item.derived_headline:
        parts.append(_text(f"〔{item.derived_headline}〕", "bold dim"))
    if item.subtitle:
        parts.append(_text(item.subtitle, "italic"))
    for value in (item.byline, item.source, item.credit):
        if value:
            parts.append(_text(value, "cyan"))
    for paragraph in item.paragraphs:
        parts.append(Text(""))
        parts.append(_text("　　" + paragraph))
    return Group(*parts)


def page_renderable(page: Page) -> RenderableType:
    """A whole page: its header, then every item with a blank line between."""
    parts: list[RenderableType] = []
    if page.header:
        parts.append(_text(page.header, "reverse"))
    for n, item in enumerate(page.items):
        if n or page.header:
            parts.append(Text(""))
        parts.append(item_renderable(item))
    if not page.items:
        parts.append(Text("(no items on this page)", style="dim"))
    return Group(*parts)


def item_markdown(item: Item) -> str:
    """One item as Markdown: headline as a heading, fields as emphasis, paragraphs."""
    lines: list[str] = []
    if item.kicker:
        lines.append(f"*{_md(item.kicker)}*\n")
    title = item.headline or item.derived_headline or item.id
    lines.append(f"# {_md(title)}\n")
    if item.subtitle:
        lines.append(f"**{_md(item.subtitle)}**\n")
    meta = [v for v in (item.byline, item.credit) if v]
    if meta:
        lines.append(f"*{_md(' · '.join(meta))}*\n")
    lines.extend(f"{_md(p)}\n" for p in item.paragraphs)
    if item.source:
        lines.append(f"{_md(item.source)}\n")
    lines.append(f"<!-- {one_line(item.id).replace('>', '&gt;')} -->")  # ids are folder names
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    """Escape Markdown's active characters so page text stays literal."""
    value = printable(value)
    for char in "\\`*_[]<>#|":
        value = value.replace(char, "\\" + char)
    return value
