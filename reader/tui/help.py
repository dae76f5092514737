"""The help screen: every key of the reader, from the action table, in the interface's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
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


def help_content(words: Labels = English, keymap: Mapping[str, str] = {}) -> Content:
    """The key table and the legend as one block of text."""
    rows = key_rows(words, keymap)
    width = max(cell_len(keys) for keys, _ in [*rows, *words.legend]) + 2

    def line(keys: str, text: str) -> Content:
        return Content.assemble((keys + " " * (width - cell_len(keys)), "bold"), text)

    title = Content.styled(words.help_title, "bold")
    marks = Content.styled(words.help_marks, "bold")
    lines = [line(keys, text) for keys, text in rows]
    legend = [line(mark, text) for mark, text in words.legend]
    return Content("\n").join([title, Content(""), *lines, Content(""), marks, *legend])


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
            yield Static(help_content(self.words, self.keymap), id="help-text", markup=False)

    def on_mount(self) -> None:
        """Arrows, PgUp/PgDn, Home/End scroll the table when it does not fit."""
        self.query_one("#help-box").focus()
