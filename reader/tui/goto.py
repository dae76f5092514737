"""`g`: a small dialog asking for an issue date or key."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class GotoScreen(ModalScreen[str | None]):
    """Returns what was typed, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        """A prompt and an input line."""
        with Vertical(id="goto-box"):
            yield Static(Content("Go to issue (date like 2025-03-28, or key):"), markup=False)
            box = Input(placeholder="2025-03-28", id="goto-input", compact=True)
            box.cursor_blink = False
            yield box

    def on_mount(self) -> None:
        """Start typing right away."""
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without going anywhere."""
        self.dismiss(None)
