"""The title bar (paper, issue, page N of M) and the status line (messages, key hints)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

HINT = "? help  / search  q quit"


class TitleBar(Horizontal):
    """Top line: where the reader is on the left, search and watch-word state on the right."""

    def compose(self) -> ComposeResult:
        """A left and a right label."""
        yield Static(id="where", markup=False)
        yield Static(id="state", markup=False)

    def set_where(self, content: Content) -> None:
        """Paper, issue and page."""
        self.query_one("#where", Static).update(content)

    def set_state(self, content: Content) -> None:
        """The search counter and whether watch-words are on."""
        self.query_one("#state", Static).update(content)


class StatusBar(Horizontal):
    """Bottom line: the latest message on the left, a key hint on the right."""

    def compose(self) -> ComposeResult:
        """A message and a hint."""
        yield Static(id="message", markup=False)
        yield Static(Content(HINT), id="hint", markup=False)

    def say(self, message: str) -> None:
        """Show a message (page text included, it is never parsed as markup)."""
        self.query_one("#message", Static).update(Content(message))
