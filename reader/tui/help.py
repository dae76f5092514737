"""The help screen: every key of the reader, from the action table, in the interface's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.keys import ACTIONS, FIXED, shown_keys
from reader.tui.labels import English, Labels

# The order of the help: moving and reading first, then finding, then the rest.
ORDER = (
    "move",
    "enter",
    "tab",
    "count",
    "read_on",
    "read_back",
    "next_article",
    "previous_article",
    "next_page",
    "previous_page",
    "next_issue",
    "previous_issue",
    "goto",
    "search",
    "next_hit",
    "previous_hit",
    "escape",
    "contents",
    "show_id",
    "watch",
    "theme",
    "scroll",
    "help",
    "suspend",
    "quit",
)


def key_rows(words: Labels = English, keymap: Mapping[str, str] = {}) -> list[tuple[str, str]]:
    """(keys, what they do) for every key, with the keys `[keys]` rebound shown as bound."""
    keys = dict(FIXED) | {a.name: shown_keys(keymap.get(a.name, a.keys)) for a in ACTIONS}
    keys["quit"] += "  Ctrl+C"
    rows = [(keys[name], words.keys_help[name]) for name in ORDER]
    return [*rows, ("mouse", words.keys_help["mouse"])]


def help_content(
    words: Labels = English, keymap: Mapping[str, str] = {}, width: int | None = None
) -> Content:
    """The key table and the legend as one block of text; with `width`, each description
    wrapped within its column (a line wider than the box wrapped to its left edge, under
    the keys, and at 40x12 the keys and their words could not be told apart)."""
    rows = key_rows(words, keymap)
    column = max(cell_len(keys) for keys, _ in [*rows, *words.legend]) + 2
    room = None if width is None else max(width - column, 8)

    def line(keys: str, text: str) -> Content:
        parts = [Content(text)] if room is None else Content(text).wrap(room)
        first = Content.assemble((keys + " " * (column - cell_len(keys)), "bold"), parts[0])
        return Content("\n").join([first, *(Content(" " * column) + p for p in parts[1:])])

    title = Content.styled(words.help_title, "bold")
    marks = Content.styled(words.help_marks, "bold")
    lines = [line(keys, text) for keys, text in rows]
    legend = [line(mark, text) for mark, text in words.legend]
    return Content("\n").join([title, Content(""), *lines, Content(""), marks, *legend])


class HelpText(Static):
    """The key table, wrapped to the width it is given."""

    def __init__(self, words: Labels, keymap: Mapping[str, str], *, id: str) -> None:
        super().__init__(help_content(words, keymap), id=id, markup=False)
        self.words = words
        self.keymap = keymap

    def render(self) -> Content:
        """The table for the width laid out (none yet: unwrapped)."""
        return help_content(self.words, self.keymap, self.content_region.width or None)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the table wrapped to `width` takes."""
        return len(help_content(self.words, self.keymap, width).plain.split("\n"))


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close"),
    ]

    def __init__(self, words: Labels = English, keymap: Mapping[str, str] = {}) -> None:
        super().__init__()
        self.words = words
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        """The key table in a scrolling box."""
        with VerticalScroll(id="help-box"):
            yield HelpText(self.words, self.keymap, id="help-text")

    def on_mount(self) -> None:
        """Arrows, PgUp/PgDn, Home/End scroll the table when it does not fit."""
        self.query_one("#help-box").focus()
