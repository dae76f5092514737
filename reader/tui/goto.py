"""`g`: a small dialog asking for an issue date or key."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class GotoInput(Input):
    """The dialog's input line; keys that reach it after the dialog closed go on.

    A burst typed through the Enter (or Esc) that closes the dialog was already
    handed to this line, key by key, before the Enter was handled: those keys are
    the page's, not more text for a closed dialog (a second Enter closed it again
    and stopped the reader).
    """

    async def _on_key(self, event: events.Key) -> None:
        screen = self.screen
        if not isinstance(screen, GotoScreen):
            await super()._on_key(event)
        elif screen.closed:
            screen.pass_on(event)
        elif event.key in ("enter", "escape"):
            # Here, not by a binding or the Submitted message: those run after the
            # keys already queued for this line, which would be typed into it first.
            event.stop()
            event.prevent_default()
            screen.close(self.value.strip() or None if event.key == "enter" else None)
        else:
            await super()._on_key(event)


class GotoScreen(ModalScreen[str | None]):
    """Returns what was typed, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        prompt: str = "Go to issue (date like 2025-03-28, or key):",
        chosen: Callable[[str | None], None] | None = None,
    ) -> None:
        """`chosen` gets the result as the dialog closes, before any key typed after it."""
        super().__init__()
        self.prompt = prompt
        self.chosen = chosen
        self.closed = False
        """Enter or Esc was handled: keys still on their way here are the page's."""

    def compose(self) -> ComposeResult:
        """A prompt and an input line."""
        with Vertical(id="goto-box"):
            yield Static(Content(self.prompt), markup=False)
            box = GotoInput(placeholder="2025-03-28", id="goto-input", compact=True)
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
        if self.closed:
            self.pass_on(event)
            return
        box = self.query_one(Input)
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.close(box.value.strip() or None)
        elif event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            box.insert_text_at_cursor(event.character)
        self.set_focus(box)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Close without going anywhere."""
        self.close(None)

    def close(self, result: str | None) -> None:
        """Close once with `result`; later keys go on to the page (`pass_on`)."""
        if not self.closed:
            self.closed = True
            self.dismiss(result)
            if self.chosen is not None:
                # At once: a push_screen callback runs later, after keys typed behind
                # the Enter (`] ]` meant for the issue it opens) were handled.
                self.chosen(result)

    def pass_on(self, event: events.Key) -> None:
        """A key that came after the dialog closed: typed again, for the page."""
        event.stop()
        event.prevent_default()
        key = events.Key(event.key, event.character)
        key.set_sender(self.app)
        self.app.post_message(key)
