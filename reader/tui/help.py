"""The help screen: every key of the reader, from one table."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓  j k", "move in a list, scroll the article"),
    ("Enter", "open the page, item or search hit"),
    ("Tab  Shift+Tab", "next / previous pane"),
    ("[  ]", "previous / next page"),
    ("{  }", "previous / next issue of this paper"),
    ("g", "go to an issue by date (2025-03-28) or key"),
    ("/", "search this issue"),
    ("n  N", "next / previous search hit (counted 3/12)"),
    ("Esc", "close the search or a dialog"),
    ("Esc again", "clear the search"),
    ("w", "watch-words on / off"),
    ("t", "dark / light theme"),
    ("Space  b", "page down / up in the article"),
    ("PgUp PgDn", "scroll a pane by a screen"),
    ("Home End", "to the top / bottom of a pane"),
    ("?", "this help"),
    ("q", "quit; the position is remembered"),
    ("mouse", "click a page or headline; the wheel scrolls"),
)

LEGEND: tuple[tuple[str, str], ...] = (
    ("图", "a photo caption"),
    ("讯", "a brief"),
    ("〔…〕", "no printed headline: made from the lead"),
    ("watch-words", "green, bold, underlined"),
    ("search hits", "on amber; the current hit on solid amber"),
)


def help_content() -> Content:
    """The key table as one block of text."""
    width = max(cell_len(keys) for keys, _ in KEYS) + 2
    lines = [
        Content.assemble((keys + " " * (width - cell_len(keys)), "bold"), text)
        for keys, text in KEYS
    ]
    legend = [
        Content.assemble((mark + " " * (width - cell_len(mark)), "bold"), text)
        for mark, text in LEGEND
    ]
    title = Content.styled("reader: keys", "bold")
    marks = Content.styled("In the lists and panes", "bold")
    return Content("\n").join([title, Content(""), *lines, Content(""), marks, *legend])


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        """The key table in a scrolling box."""
        with VerticalScroll(id="help-box"):
            yield Static(help_content(), id="help-text", markup=False)

    def on_mount(self) -> None:
        """Arrows, PgUp/PgDn, Home/End scroll the table when it does not fit."""
        self.query_one("#help-box").focus()
