"""An issue slow to parse, read by a child while the screen stays live; keys typed meanwhile.

`}`, `{` and `g` parsed the issue they open on Textual's loop: a few milliseconds for a
printed issue, but an issue made to parse slowly held the screen for minutes with `q`,
Esc and Ctrl-C unread (audit25). An issue with more than `parsechild.SLOW` bytes of page
text not parsed before is now read by a child process (`reader.tui.parsechild`), with a
line on the status bar saying so. Meanwhile:

- `q` and Ctrl-C quit at once (the child is killed);
- Esc stops the reading: the issue on screen stays, and the keys typed since `}` go
  with it (they were meant for the issue that did not open);
- every other key is held, and handed back in the order typed once the issue is on
  screen, so `}jjJ` typed fast ends where it ends typed slowly (DESIGN 7).

Keys are held where the App first meets them (`ReaderApp.on_event`): both a key just
typed and one that went to a widget before the reading began and bubbles back for its
binding. They are handed back after every key already queued (`call_later`), sorted
by the time each was typed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from subprocess import DEVNULL, PIPE
from typing import Any

from textual import events
from textual.screen import Screen

from reader.errors import ReaderError
from reader.library import Issue, Library
from reader.printable import one_line
from reader.tui import parsechild, session
from reader.tui.keys import bound_keys
from reader.tui.labels import Labels


class SlowLoad:
    """The issue a child is reading for `screen`, and the keys held until it shows."""

    def __init__(
        self,
        screen: Screen[Any],
        library: Library,
        labels: Labels,
        keys: dict[str, str],
        show: Callable[[session.Loaded], None],
        say: Callable[[str], None],
    ) -> None:
        self.screen, self.library, self.labels, self.keys = screen, library, labels, keys
        self.show, self.say = show, say
        self.issue: Issue | None = None
        """The issue being read; None when none is (or it is read and the keys not yet back)."""
        self.holding = False
        self.held: list[events.Key] = []
        self.process: asyncio.subprocess.Process | None = None

    def start(self, issue: Issue, inline: Callable[[], None] | None = None) -> bool:
        """Read `issue` in a child if it is slow to parse; whether it is. It is shown
        when the child is done; `inline` reads it here if no child could (by default,
        `session.read_issue`)."""
        try:
            weight = session.heavy(issue, parsechild.SLOW)
        except (ReaderError, OSError):
            return False  # the folder went: read here, where it is said
        if weight is None:
            return False
        self.stop()
        self.issue, self.holding, self.held = issue, True, []
        pages, size = weight
        name = one_line(issue.id)
        self.say(
            self.labels.reading_issue.format(issue=name, pages=pages, size=f"{size / 2**20:.1f}")
        )
        self.screen.run_worker(self._read(issue, inline), group="slowload")
        return True

    async def _read(self, issue: Issue, inline: Callable[[], None] | None) -> None:
        library = self.library
        given = None
        try:
            run = parsechild.command(library, issue)
            process = await asyncio.create_subprocess_exec(
                *run, stdin=DEVNULL, stdout=PIPE, stderr=DEVNULL, env=parsechild.child_env()
            )
        except OSError:
            process = None
        if process is not None:
            self.process = process
            try:
                out, _ = await process.communicate()
            finally:  # quitting cancels this wait: the child goes too
                self._kill(process)
            if process.returncode == 0:
                given = parsechild.read_pages(out, issue)
        if self.issue is not issue:
            return  # stopped meanwhile
        self.issue, self.process = None, None
        if given is None and inline is not None:
            inline()  # no child, or it failed (the folder went): read here, said as before
        else:
            self.show(session.read_issue(library, issue, given))
        self.screen.app.call_later(self._release)

    def hold(self, event: events.Key) -> bool:
        """Keep `event` for the issue being read; whether it was taken (q and Ctrl-C never are)."""
        if not self.holding or event.key == "ctrl+c" or event.key in bound_keys("quit", self.keys):
            return False
        event.stop()
        event.prevent_default()
        if event.key == "escape" and self.issue is not None:
            name = one_line(self.issue.id)
            self.stop()
            self.say(self.labels.reading_stopped.format(issue=name))
            return True
        self.held.append(event)
        return True

    def stop(self) -> None:
        """Stop reading (Esc, quitting): the child is killed, the held keys dropped."""
        self.issue, self.holding, self.held = None, False, []
        if self.process is not None:
            self._kill(self.process)
            self.process = None

    def _release(self) -> None:
        """The keys held, in the order typed, after every key already queued."""
        if self.issue is not None:
            return
        held, self.held, self.holding = sorted(self.held, key=lambda e: e.time), [], False
        for event in held:
            self.screen.app.post_message(events.Key(event.key, event.character))

    @staticmethod
    def _kill(process: asyncio.subprocess.Process) -> None:
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
