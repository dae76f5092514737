"""The in-issue search panel: a query line, the hits with snippets, a counter."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content, Span
from textual.css.scalar import Scalar
from textual.geometry import Region
from textual.message import Message
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.input import Selection
from textual.widgets.option_list import Option

from reader.printable import printable
from reader.tui.contents import PagedList, resolved_styles
from reader.tui.hit_row import HitRow

HIT_ROWS = 10
"""Rows of hits shown at most, on a screen tall enough."""


def hit_prompt(row: HitRow, styles: Mapping[str, Style | str]) -> Content:
    """`1版#4  …snippet…` with the hit highlighted (`styles`: where, hit)."""
    where = f"{row.where}  "
    text = where + printable(row.text)
    spans = [
        Span(0, len(where), styles["where"]),
        Span(len(where) + row.start, len(where) + row.end, styles["hit"]),
    ]
    return Content(text, spans, strip_control_codes=False)


class HitList(PagedList):
    """The hits of the issue in reading order."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"hit-list--where", "hit-list--hit"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: Sequence[HitRow] = ()
        self._current: int | None = None
        self._styles: dict[str, Style] = {}

    def show_rows(self, rows: Sequence[HitRow], current: int | None) -> None:
        """List hits, with the cursor on `current` (once mounted, if it is not yet)."""
        self._rows, self._current = rows, current
        if self.is_mounted:
            self._show()

    def on_mount(self) -> None:
        """Hits that came before the list was mounted (styles resolve only now)."""
        if self._rows:
            self._show()

    def _show(self) -> None:
        rows, current = self._rows, self._current
        self._styles = resolved_styles(self, "hit-list", ("where", "hit"))
        self.set_options(Option(hit_prompt(row, self._styles)) for row in rows)
        if current is not None and rows:
            self.highlighted = current

    def move_to(self, index: int) -> None:
        """Put the cursor on hit `index`."""
        self._current = index
        if self.is_mounted and index < self.option_count:
            self.highlighted = index

    def restyle(self) -> None:
        """The theme changed: prompts hold resolved styles, so rebuild them if they differ."""
        if not self.is_mounted:
            return
        styles = resolved_styles(self, "hit-list", ("where", "hit"))
        if styles == self._styles:
            return
        self._styles = styles
        for index, row in enumerate(self._rows):
            self.replace_option_prompt_at_index(index, hit_prompt(row, styles))


def pass_on(widget: Widget, event: events.Key | events.Paste) -> None:
    """Type `event` again: into the App's queue, as the terminal delivers keys.

    Not to the focused widget's queue: a key some widget handles itself (text into
    the query line) would then overtake one a binding handles (Backspace), which
    runs only once the key has bubbled up to the App.
    """
    app = widget.app
    again: events.Key | events.Paste
    if isinstance(event, events.Paste):
        again = events.Paste(event.text)
    else:
        again = events.Key(event.key, event.character)
    again.set_sender(app)
    app.post_message(again)


class QueryBox(Input):
    """The query line. Keys typed after Enter are commands (`n`, `j`), not more query.

    They can reach the box before the search has run, or before focus has left it:
    typed ahead, or in the same burst as the Enter. So Enter is taken here, not by a
    binding (which runs only after the keys already queued for the box); the keys
    after it are held until the hits are in (`release`), then handed on in order to
    what has focus then: the hits, or the query line again when there were none.
    They end where the same keys typed slowly end.
    """

    def __init__(
        self,
        placeholder: str,
        search: Callable[[str], None],
    ) -> None:
        # No select-on-focus: the Focus event comes after keys typed fast behind `/` are
        # in, and would select them for the next key to replace. `open` selects instead.
        super().__init__(placeholder=placeholder, id="query", compact=True, select_on_focus=False)
        self.cursor_blink = False
        self.search = search
        self.held: list[events.Key | events.Paste] | None = None  # while its search runs
        self._typed: list[str] = []  # printable keys taken, not yet in the line

    def send(self) -> None:
        """Enter: search for the query; keys typed after it wait for the hits."""
        self.flush()
        query = self.value.strip()
        if not query:
            return
        self.held = []
        self.search(query)

    def type_in(self, text: str) -> None:
        """`text` as typed, into the line once the keys queued behind it are in too.

        The line's own work for a key (Textual's Input measures the whole value,
        moves the cursor and scrolls to it) grows with the query: a 9,000-key paste
        took a minute to catch up, one key at a time. Typed text waits here until
        the keys already queued for the line are taken (`call_later` runs after
        them), and goes in at once: the work is done once a run of keys, not once
        a key. Every other key puts it in first (`flush`), so order is kept.
        """
        if not self._typed:
            self.call_later(self.flush)
        self._typed.append(text)

    def flush(self) -> None:
        """The text typed so far into the line: over the selection if there is one
        (the last query, after `/`)."""
        if not self._typed:
            return
        text, self._typed = "".join(self._typed), []
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
        # Input does not scroll to the cursor on its value's first change: a paste into
        # a fresh line showed its start, the cursor out of sight at the end.
        cursor = cell_len(self.value[: self.cursor_position])
        self.scroll_to_region(Region(cursor, 0, 1, 1), force=True, animate=False)

    def hold(self, event: events.Key | events.Paste) -> bool:
        """Keep `event` for after the search, if one this line sent is running."""
        if self.held is None:
            return False
        event.stop()
        event.prevent_default()
        self.held.append(event)
        return True

    def release(self) -> None:
        """The hits are in: the keys typed meanwhile go on, in order."""
        held, self.held = self.held or [], None
        for event in held:
            pass_on(self, event)

    async def _on_key(self, event: events.Key) -> None:
        if self.hold(event):
            return
        if self.screen.focused is not self:  # queued before focus left (`has_focus` lags)
            event.stop()
            event.prevent_default()
            pass_on(self, event)
        elif event.key == "enter":
            event.stop()
            event.prevent_default()
            self.send()
        elif event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            self.type_in(event.character)
        elif bound := self.screen.active_bindings.get(event.key):
            # Any other bound key (Esc, Backspace, the arrows, Tab): its binding runs here,
            # in the order typed. Left to bubble up to the App, it would run after
            # text typed later, which the line takes as it comes.
            event.stop()
            event.prevent_default()
            self.flush()
            if bound.enabled:
                await self.app.run_action(bound.binding.action, bound.node)
        else:
            self.flush()
            await super()._on_key(event)

    def paste_in(self, event: events.Paste) -> None:
        """A bracketed paste (one event): its first line typed in, after the keys before
        it; held, as keys are, while a search this line sent runs."""
        if not self.hold(event) and event.text:
            self.type_in(event.text.splitlines()[0])

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not Input's own, which would type it in a second time
        if self.held is None and self.screen.focused is not self:
            pass_on(self, event)
        else:
            self.paste_in(event)


class SearchPanel(Vertical):
    """`/` opens it; Enter searches, then Enter on a hit jumps there; Esc closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close search")]

    @dataclass
    class HitChosen(Message):
        """The reader chose hit `index` (0-based) of the list."""

        index: int

    def __init__(
        self,
        placeholder: str,
        search: Callable[[str], None],
        back: Widget | None = None,
        *,
        id: str | None = None,
    ) -> None:
        """`search` runs when a query is entered; `back` has the focus after Esc."""
        super().__init__(id=id)
        self.back = back
        # Made here and held, not queried: results can arrive before the panel is
        # composed (it is mounted on first use, maybe while a dialog is open).
        self.hit_list = HitList(id="hit-list")
        self.query_box = QueryBox(placeholder, self._search)
        self._searcher = search
        self.counter = Static(id="counter", markup=False)

    def compose(self) -> ComposeResult:
        """Query line with its counter, then the hits."""
        with Horizontal(id="query-line"):
            yield Static(Content("/"), id="slash")
            yield self.query_box
            yield self.counter
        yield self.hit_list

    def on_mount(self) -> None:
        """Fit the screen it opens on."""
        self.fit(self.app.size.height)

    def fit(self, height: int) -> None:
        """At most half of a screen `height` rows tall, the hits at most 10 rows.

        In cells, not `max-height: 50vh` in CSS: Textual ignores a `vh` maximum
        while it sizes the auto-height box the panel shares with the status line,
        which then grew past the screen on a short terminal (the status line in
        the middle, blank rows under it, no article).
        """
        rows = max(min(HIT_ROWS, height // 2 - 2), 1)
        if self.hit_list.styles.max_height != Scalar.from_number(rows):
            self.hit_list.styles.max_height = rows

    def open(self, query: str | None = None) -> None:
        """Show the panel with the cursor in the query line."""
        self.display = True
        box = self.query_box
        if query is not None:
            box.value = query
        # At once, not via focus()'s call_later: keys typed right after `/` must land here.
        self.screen.set_focus(box)
        box.selection = Selection(0, len(box.value))  # the last query: typing replaces it

    def show_hits(self, rows: Sequence[HitRow], current: int | None) -> None:
        """List hits; with a current hit, put the cursor on it."""
        self.hit_list.show_rows(rows, current)

    def restyle(self) -> None:
        """Rebuild the list's prompts for the current theme."""
        self.hit_list.restyle()

    def show_hits_cursor(self, index: int) -> None:
        """Keep the list's cursor on the current hit."""
        self.hit_list.move_to(index)

    def set_counter(self, text: str) -> None:
        """`3/12`, `12 hits`, `no hits`."""
        self.counter.update(Content(text))

    def focus_order(self) -> list[Widget]:
        """The panel's fields in Tab order: the query line, the hits."""
        return [self.query_box, self.hit_list]

    def focus_hits(self) -> None:
        """Move the cursor to the list of hits."""
        hits = self.hit_list
        if hits.option_count:
            hits.focus()

    def action_close(self) -> None:
        """Hide the panel; the hits stay highlighted and `n`/`N` still walk them.

        The focus goes `back` at once, not by a message: keys typed after Esc (Tab,
        queued for the panel) are the page's, and move from where slow keys would.
        """
        self.display = False
        if self.screen.focused in (self.query_box, self.hit_list):
            self.screen.set_focus(self.back)

    def _search(self, query: str) -> None:
        self.hit_list.show_rows((), None)  # the last query's hits are no choice now
        self._searcher(query)

    @on(OptionList.OptionSelected, "#hit-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.HitChosen(event.option_index))
