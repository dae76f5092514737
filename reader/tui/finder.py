"""The search of the open issue: runs it through the index, walks its hits, keeps the panel.

An invisible widget, so it can run workers and post messages; the main screen moves to
the hits it announces and redraws the highlights when told they changed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, TypeVar

from textual import on, work
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.library import Library
from reader.tui.hit_walk import HitWalk, Occurrence
from reader.tui.labels import English, Labels
from reader.tui.session import Opened

if TYPE_CHECKING:
    # Imported when first used: the first frame needs neither the panel nor the search.
    from reader.tui.issue_search import SearchResult
    from reader.tui.search_panel import SearchPanel

# How to show the next results: open the panel at the first hit (`--search`), jump to
# the first hit of the opened item (`reader read ID --search`), the same if that item
# has any for a recalled query (else drop it), list them for `/`, or just count them.
Mode = Literal["panel", "start-item", "recall", "list", "walk"]
_T = TypeVar("_T")


def _off_the_loop(run: Callable[..., _T], *args: object) -> _T | None:
    """`run(*args)` on a daemon thread; its result, or None once the worker is cancelled.

    A thread worker runs in asyncio's default executor, which `App.run` joins before
    it returns: a search that takes minutes (a pathological page) kept the process
    alive that long after `q` or Ctrl+C cleared the screen. The worker thread waits
    here and lets go when cancelled (as every worker is when the App ends); the
    daemon thread is dropped at exit.
    """
    done = threading.Event()
    box: list[_T] = []
    failed: list[BaseException] = []

    def target() -> None:
        try:
            box.append(run(*args))
        except BaseException as err:  # handed to the worker, which reports it
            failed.append(err)
        finally:
            done.set()

    threading.Thread(target=target, name="reader-search", daemon=True).start()
    worker = get_current_worker()
    while not done.wait(0.05):
        if worker.is_cancelled:
            return None
    if failed:
        raise failed[0]
    return box[0]


class Finder(Widget):
    """Owns the query, its hits in the open issue, and the search panel."""

    DEFAULT_CSS = "Finder { display: none; }"

    # Messages with their own __init__, not @dataclass: making a dataclass costs
    # start-up half a millisecond or more each.

    class Changed(Message):
        """Hits or the current hit changed: redraw highlights, show `status` if any."""

        def __init__(self, status: str | None = None) -> None:
            super().__init__()
            self.status = status

    class Searched(Message):
        """The worker finished a search."""

        def __init__(self, result: SearchResult) -> None:
            super().__init__()
            self.result = result

    def __init__(
        self, library: Library, query: str | None, mode: Mode, labels: Labels = English
    ) -> None:
        super().__init__(id="finder")
        self.library = library
        self.labels = labels
        self.query_text: str | None = query
        self.mode: Mode = mode
        self.walk = HitWalk(labels)
        self.opened: Opened | None = None
        self.here: str | None = None
        self._index_checked = False
        self._building = False  # the index is being brought up to date for this search
        # `n`/`N` pressed while a search runs: walked once its hits are in.
        self._steps: list[int] | None = None
        self._panel: SearchPanel | None = None
        self._home: Widget | None = None
        self._back: Widget | None = None
        self._jump: Callable[[Occurrence, bool], None] | None = None

    def dock(
        self,
        home: Widget,
        back: Widget | None = None,
        jump: Callable[[Occurrence, bool], None] | None = None,
    ) -> None:
        """Where the search panel goes when it is first needed (its first child), what
        has the focus when it closes, and what shows a hit that became current."""
        self._home, self._back, self._jump = home, back, jump

    @property
    def shown_query(self) -> str | None:
        """The query to show in the title bar (a recalled one only once it hit)."""
        return None if self.mode == "recall" else self.query_text

    def counter(self) -> str:
        """The title's count: `3/12`, `5 hits`, or while the search runs, that it runs
        (the index being built for a first search took minutes on a big library, and
        the title said `no hits` all along: audit25)."""
        if self._steps is None:
            return self.walk.counter()
        return self.labels.building_counter if self._building else self.labels.searching_counter

    def issue_opened(self, opened: Opened, here: str | None) -> None:
        """A new issue is on screen (at item `here`): its hits are searched afresh."""
        self.opened, self.here = opened, here
        self.walk.clear()
        self._steps = None
        if self.query_text:
            self._start(self.query_text, opened)

    def search(self, query: str) -> None:
        """Search the open issue for `query` and list the hits (`/`, Enter)."""
        if self.opened is None:  # no issue (an empty library): no hits will come
            panel = self.mounted_panel()
            if panel is not None:
                panel.query_box.release()  # the keys typed after Enter go on now
            self.post_message(self.Changed(self.labels.empty_library))
            return
        self.query_text, self.mode = query, "list"
        self.post_message(self.Changed(self.labels.searching.format(query=query)))
        self._start(query, self.opened)

    def _start(self, query: str, opened: Opened) -> None:
        self._steps = []
        self._search(query, opened)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str, opened: Opened) -> None:
        """Search through the index off the UI thread; update the index once a session.

        Between sessions `reader import` keeps the index current.
        """
        from reader.tui.issue_search import run_search

        update = not self._index_checked
        words = self.labels

        def updating(now: bool) -> None:  # the index was behind: updated, then searched
            self._building = now  # read by `counter` when the message below is handled
            status = words.updating_index if now else words.searching.format(query=query)
            self.post_message(self.Changed(status))

        result = _off_the_loop(run_search, self.library, query, opened, update, updating)
        if result is None:  # cancelled: a newer search, another issue, or the reader quit
            return
        self._index_checked = self._index_checked or result.error is None
        self.post_message(self.Searched(result))

    @on(Searched)
    async def _searched(self, message: Searched) -> None:
        try:
            await self._show(message.result)
        finally:
            panel = self.mounted_panel()
            if panel is not None:
                panel.query_box.release()  # the keys typed after Enter, now the hits are in

    async def _show(self, result: SearchResult) -> None:
        if self.opened is None or result.issue_id != self.opened.issue.id:
            return
        if result.query != self.query_text:
            return
        steps, self._steps = self._steps or [], None
        mode, self.mode = self.mode, "walk"
        panel = await self.panel()
        if result.error is not None:
            panel.set_counter("error")
            self.post_message(self.Changed(result.error))
            self.mode = mode  # the cursor stays in the query line, to mend it
            return
        self.walk.load(result.hits, result.spans)
        first_here = self.walk.first_in(self.here)
        if mode == "recall" and first_here is None:
            self.clear()
            return
        panel.show_hits(result.rows, 0 if mode == "list" else None)
        panel.set_counter(self.walk.counter())
        count = len(self.walk.hits)
        words = self.labels
        noun = "hit" if count == 1 else "hits"
        status = words.hits_for.format(count=count, noun=noun, query=result.query)
        self.post_message(self.Changed(status if count else words.no_hits_status))
        if not count:
            return
        if mode in ("recall", "start-item") and first_here is not None:
            self.go(first_here, focus=False)
        elif mode == "panel":
            panel.open(result.query)
            self.go(0, focus=False)
            panel.focus_hits()
        elif mode == "list":
            panel.focus_hits()
        for step in steps:
            self.step(step)

    def go(self, index: int, focus: bool) -> None:
        """Make hit `index` current and announce it; an index the walk does not hold is no
        hit (Enter on the list of the issue before, its walk cleared by `issue_opened` and
        its new hits not in yet, was an IndexError that ended the reader: audit27)."""
        if not 0 <= index < len(self.walk.hits):
            return
        self.walk.index = index
        panel = self.mounted_panel()
        if panel is not None:
            panel.set_counter(self.walk.counter())
            panel.show_hits_cursor(index)
        # Shown at once, not announced in a message: a key queued behind `n` (`n J`
        # typed fast) would overtake the message and move from the old place.
        if self._jump is not None:
            self._jump(self.walk.hits[index], focus)

    def step(self, step: int) -> bool:
        """`n` / `N`: the next or previous hit, wrapping around; False with no hits."""
        if self._steps is not None:
            self._steps.append(step)  # the search is still running
            return True
        if not self.walk.hits:
            return False
        self.go(self.walk.step(step), focus=False)
        return True

    def clear(self) -> None:
        """Forget the query and its hits."""
        self.query_text = None
        self.walk.clear()
        self._steps = None
        panel = self.mounted_panel()
        if panel is not None:
            panel.query_box.release()  # no hits will come for the keys it holds
        self.post_message(self.Changed())

    def escape(self) -> str | None:
        """Esc: close the panel, else clear the search; what was done, for the status line."""
        panel = self.mounted_panel()
        if panel is not None and panel.display:
            panel.action_close()
            return None
        if self.query_text:
            self.clear()
            return self.labels.search_cleared
        return None

    async def panel(self) -> SearchPanel:
        """The search panel, mounted above the status line the first time it is needed.

        Not composed at start: fewer widgets make a faster first paint.
        """
        if self._panel is None:
            from reader.tui.search_panel import SearchPanel

            panel = SearchPanel(
                self.labels.search_placeholder, self.search, self._back, id="search"
            )
            await (self._home or self.screen).mount(panel, before=0)
            self._panel = panel
        return self._panel

    def mounted_panel(self) -> SearchPanel | None:
        """The search panel if it has been mounted."""
        return self._panel
