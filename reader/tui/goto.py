"""`g`: a small dialog asking for an issue date or key."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class GotoScreen(ModalScreen[str | None]):
    """Returns what was typed, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str = "Go to issue (date like 2025-03-28, or key):") -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        """A prompt and an input line."""
        with Vertical(id="goto-box"):
            yield Static(Content(self.prompt), markup=False)
            box = Input(placeholder="2025-03-28", id="goto-input", compact=True)
            box.cursor_blink = False
            yield box

    def on_mount(self) -> None:
        """Start typing right away (at once: focus() would wait for the queued keys)."""
        self.set_focus(self.query_one(Input))

    def on_key(self, event: events.Key) -> None:
        """Keys that reach the dialog before its input has focus go into it."""
        self.take_key(event)

    def take_key(self, event: events.Key) -> None:
        """Type `event` into the input (Enter submits): for keys sent before it was there.

        Keys typed right after `g` (fast, or pasted) were already on their way to
        the page when the dialog opened; the App hands them here (`ReaderApp.on_key`).
        """
        box = self.query_one(Input)
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.dismiss(box.value.strip() or None)
        elif event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            box.insert_text_at_cursor(event.character)
        self.set_focus(box)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without going anywhere."""
        self.dismiss(None)
