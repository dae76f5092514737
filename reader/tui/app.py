"""The reader App: the theme, the saved position, crash handling; the work is in `MainScreen`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer

from reader.fields import Ref
from reader.library import Library
from reader.startup import resume_collection
from reader.state import save_position, save_theme
from reader.tui.labels import English, Labels
from reader.tui.panes import NARROW, WIDE
from reader.tui.screens.main import MainScreen

if TYPE_CHECKING:
    from textual.actions import ActionParseResult
    from textual.dom import DOMNode
    from textual.driver import Driver

THEMES = {"dark": "textual-dark", "light": "textual-light"}
# The actions a count typed before them applies to (`3J`, `5g`, `2}`); any other drops it.
_COUNTED = frozenset({"count", "read_on", "article", "page", "issue", "hit", "goto"})


@runtime_checkable
class TakesKeys(Protocol):
    """A screen that takes keys typed before its input had focus (`g`, `/`)."""

    def take_key(self, event: events.Key) -> None:
        """Type `event` into the dialog."""


class ReaderApp(App[None]):
    """Read one issue at a time; built from data, never from argv."""

    CSS_PATH = "reader.tcss"
    AUTO_FOCUS = None  # the main screen sets the focus when it has shown the issue
    TITLE = "reader"
    # Textual types this `ClassVar[...] | None`, which mypy reads as an instance variable.
    # The main screen sets the class for its starting width itself, so the first
    # resize changes none and does not restyle every widget before the first paint.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-medium"), (WIDE, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        # As in less: Ctrl+C quits (saving the position), even from the search box.
        Binding("ctrl+c", "quit", "quit", show=False, priority=True),
    ]

    def __init__(
        self,
        library: Library,
        start: Ref | None = None,
        highlight: Sequence[str] = (),
        search: str | None = None,
        *,
        recall: str | None = None,
        state_path: Path | None = None,
        theme: str = "dark",
        labels: Labels = English,
        text_width: int | None = 40,
        keymap: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.start = start
        self.keys = keymap or {}
        self.state_path = state_path
        self.initial_theme = THEMES.get(theme, THEMES["dark"])
        self.main = MainScreen(
            library,
            start,
            watch_words=highlight,
            search=search,
            recall=recall,
            state_path=state_path,
            labels=labels,
            text_width=text_width,
            keymap=self.keys,
        )
        self._save_timer: Timer | None = None
        self.unsaved: str | None = None  # why the position could not be saved, once

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for the platform; on Linux and macOS, one that reads Esc typed
        fast as Esc (`reader.tui.escape_keys`)."""
        driver = super().get_driver_class()
        # By name: the module imports termios, which Windows has not.
        if (driver.__module__, driver.__name__) == ("textual.drivers.linux_driver", "LinuxDriver"):
            from reader.tui.escape_keys import ReaderDriver

            return ReaderDriver
        return driver

    def get_default_screen(self) -> Screen[None]:
        """The main screen, first on the stack: `App.query_one` looks there."""
        return self.main

    def on_mount(self) -> None:
        """Theme and keys before the main screen composes, so nothing is styled twice."""
        if self.theme != self.initial_theme:
            self.theme = self.initial_theme
        if self.keys:
            self.set_keymap(self.keys)
        self.app_resume_signal.subscribe(self, self._repaint)
        self.call_after_refresh(self._started)

    def _started(self) -> None:
        """After the first frame: garbage collection back on if the launcher paused it;
        the terminal settings Textual gives back are the shell's (`reader.tui.typeahead`)."""
        from reader.tui.typeahead import hand_back

        resume_collection()
        hand_back(self._driver)

    # Keys

    async def on_event(self, event: events.Event) -> None:
        """Keys typed while an issue slow to parse is read are held for it (`SlowLoad`)."""
        if isinstance(event, events.Key) and self.main.slow.hold(event):
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key no widget took, while a dialog that wants typing is open, goes into it.

        Here, in the App's queue, not on the main screen: a key bubbles to the App
        in the order keys were typed, after the `g` that opened the dialog. A key
        queued behind the `q` that quits may come after the screens are gone.
        """
        if not self.screen_stack:
            return
        screen = self.screen
        if isinstance(screen, TakesKeys):
            screen.take_key(event)

    def on_paste(self, event: events.Paste) -> None:
        """A paste no widget took, as a key (`on_key`): into the dialog that wants typing."""
        if self.screen_stack and self.screen is self.main:
            self.main.take_paste(event)

    def action_issue(self, step: int) -> None:
        """`{` and `}`: the previous or next issue of the same paper (`3}`: 3 on)."""
        self.main.turn_issue(step * self.main.taken_count())

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every action runs here; one that takes no count drops a count typed before it."""
        if isinstance(action, str) and self.screen is self.main:
            name = action.partition("(")[0].rpartition(".")[2]
            if name not in _COUNTED:
                self.main.count = 0
        return await super().run_action(action, default_namespace, namespaces)

    def action_toggle_theme(self) -> None:
        """`t`: dark or light, remembered for the next start."""
        light = self.theme == THEMES["light"]
        self.theme = THEMES["dark"] if light else THEMES["light"]
        if self.state_path is not None:
            save_theme(self.state_path, "dark" if light else "light")

    def action_suspend(self) -> None:
        """Ctrl+Z: save the position, then stop until the shell's `fg`, as less does.

        Textual 8.2.8 gives the terminal back on `fg` (SIGCONT) but paints nothing,
        so the screen stayed blank until a key; `_repaint` draws it all again.
        """
        self.save()
        self.action_suspend_process()

    def _repaint(self, _app: App[None]) -> None:
        """Back from Ctrl+Z: the whole screen again, as `App.suspend` does for its block."""
        self.refresh(layout=True, repaint=True)

    async def action_quit(self) -> None:
        """`q` and Ctrl+C: remember where we are, then leave (an issue being read is not)."""
        self.main.slow.stop()
        self.save()
        self.exit()

    # Saving the position

    @on(MainScreen.Moved)
    def _moved(self, message: MainScreen.Moved) -> None:
        if not message.soon:
            # After the frame that shows it: the screen first, the file after.
            self.call_after_refresh(self.save)
            return
        # A second after the last move (a closed terminal keeps it too). A new timer
        # rather than Timer.reset(), which only takes effect when the running wait ends.
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(1.0, self.save)

    def save(self) -> None:
        """Save the position: the item read and the place in it.

        A state folder that cannot be written (HOME unset, a read-only XDG_STATE_HOME)
        lost every position without a word: the first failure is said in the status
        line, and again on quitting (`unsaved`).
        """
        position = self.main.position()
        if position is None or self.state_path is None:
            return
        if not save_position(self.state_path, *position) and self.unsaved is None:
            folder = self.state_path.parent
            self.unsaved = self.main.labels.not_saved.format(folder=folder)
            self.main.say(self.unsaved)

    def save_after_crash(self) -> bool:
        """Save the position after the App stopped on an error; whether it could.

        The state may be half-changed by whatever failed: a position that cannot be
        made is not saved, and nothing here raises over the first error.
        """
        if self.state_path is None:
            return False
        try:
            ref = self.main.reading.ref()
            if ref is None:
                return False
            save_position(self.state_path, ref)
        except Exception:  # the first error is the one to report
            return False
        return True
