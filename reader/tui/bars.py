"""The title bar (paper, issue, page N of M) and the status line (messages, key hints)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from textual.content import Content
from textual.widget import Widget

from reader.printable import one_line
from reader.tui.keys import key_of
from reader.tui.labels import English, Labels
from reader.tui.reading import page_name
from reader.tui.session import Opened


def shown(content: Content) -> Content:
    """`content` with control characters made visible (ESC as ␛), its styles kept.

    The bars show library data (paper names, issue folders, queries, errors naming
    paths): an escape sequence in one must never reach the terminal, and a newline
    (a folder named `2025\n01`) must not fold the rest out of the one-line bar: it
    shows as ␤. One character for one, so the spans stay in place.
    """
    plain = content.plain
    safe = one_line(plain)
    if safe == plain:
        return content
    return Content(safe, list(content.spans), strip_control_codes=False)


def where_line(
    root: Path, opened: Opened | None, page_index: int, words: Labels = English
) -> Content:
    """`徐汇报  2025-03-28  第2版 要闻  page 2 of 8` (`共8版` in Chinese), or the library
    before an issue is open."""
    if opened is None:
        return Content.assemble(("reader", "bold"), f"  {root}")
    issue = opened.issue
    parts: list[Content | str | tuple[str, str]] = [(issue.paper.name, "bold"), f"  {issue.label}"]
    if opened.pages:
        page, total = opened.pages[page_index], len(opened.pages)
        place = words.page_of.format(index=page_index + 1, total=total)
        parts.append(f"  {page_name(page)}  {place}")
    return Content.assemble(*parts)


def hint_line(words: Labels = English, keymap: Mapping[str, str] = {}) -> str:
    """`? help  / search  q quit`, with the keys `[keys]` binds to those actions."""
    keys = {action: key_of(action, keymap) for action in ("help", "search", "quit")}
    return words.hint.format(**keys)


def state_line(
    query: str | None, counter: str, watch_words: bool, watch_on: bool, words: Labels = English
) -> Content:
    """The query with its counter (`数据  3/12`), and whether watch-words are on."""
    parts: list[Content | str | tuple[str, str]] = []
    if query:
        parts += [(f" {query} ", "reverse"), f" {counter}  "]
    if watch_words:
        parts.append((words.watch_on if watch_on else words.watch_off, "italic"))
    return Content.assemble(*parts)


class SplitLine(Widget):
    """One line: text on the left, text on the right; the left gives way when narrow.

    One widget rather than two labels in a row: fewer widgets to style is a faster
    first paint.
    """

    def __init__(self, right: Content | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left = Content("")
        self.right = shown(right or Content(""))

    def set(self, left: Content | None = None, right: Content | None = None) -> None:
        """Change either side (control characters are made visible: see `shown`)."""
        if left is not None:
            self.left = shown(left)
        if right is not None:
            self.right = shown(right)
        self.refresh()

    def render(self) -> Content:
        """Left, padding, right, fitted to the width in cells."""
        width = self.content_region.width
        right = self.right
        room = max(width - right.cell_length - 1, 0)
        left = (
            self.left.truncate(room, ellipsis=True) if self.left.cell_length > room else self.left
        )
        gap = max(width - left.cell_length - right.cell_length, 1 if right else 0)
        return Content.assemble(left, " " * gap, right)


class TitleBar(SplitLine):
    """Top line: where the reader is on the left, search and watch-word state on the right."""

    def set_where(self, content: Content) -> None:
        """Paper, issue and page."""
        self.set(left=content)

    def set_state(self, content: Content) -> None:
        """The search counter and whether watch-words are on."""
        self.set(right=content)


class StatusBar(SplitLine):
    """Bottom line: the latest message on the left, a key hint on the right."""

    def __init__(self, hint: str = "", *, id: str | None = None) -> None:
        super().__init__(Content(hint), id=id)

    def say(self, message: str) -> None:
        """Show a message (page text included, it is never parsed as markup)."""
        self.set(left=Content(message))

    def render(self) -> Content:
        """The message and the hint; a message that does not fit beside the hint takes
        the line (at 40 columns "The end of the issue: } opens the next one" lost its
        key to the ellipsis, while the hint it hid is the help's, one `?` away)."""
        width = self.content_region.width
        if self.left.cell_length <= max(width - self.right.cell_length - 1, 0):
            return super().render()
        left = self.left
        return left.truncate(width, ellipsis=True) if left.cell_length > width else left
