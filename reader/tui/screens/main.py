"""The main screen: the issue screen with its keys, search, dialogs and toggles."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.binding import Binding, BindingType

from reader.tui import session
from reader.tui.finder import Finder
from reader.tui.keys import ACTIONS, key_of
from reader.tui.panes import NARROW
from reader.tui.screens.issue import IssueScreen

if TYPE_CHECKING:
    from reader.tui.hit_walk import Occurrence

    # Imported when first used: the first frame needs none of them.
    from reader.tui.search_panel import SearchPanel


class MainScreen(IssueScreen):
    """Where an issue is read: every key of `keys.ACTIONS` is bound here."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(a.keys, a.run, a.name, show=False, id=a.name) for a in ACTIONS),
        *(Binding(str(digit), f"count({digit})", "Count", show=False) for digit in range(10)),
        Binding("escape", "escape", "Close search", show=False),
        Binding("tab", "focus_pane(1)", "Next pane", show=False),
        Binding("shift+tab", "focus_pane(-1)", "Previous pane", show=False),
    ]

    def action_goto(self) -> None:
        """`g`: ask for a date or key, then open the issue it names.

        After a count, the page printed with that number (`5g`: 第5版), as less's `5g`
        goes to line 5.
        """
        if self.count:
            number = self.taken_count()
            if not self._go_to(self.reading.page_numbered(number)):
                self.say(self.labels.no_such_page.format(page=number))
            return

        def chosen(text: str | None) -> None:
            if not text:
                return
            paper = self.opened.issue.paper.key if self.opened else None
            target = session.goto(self.issues, text, paper)
            if target is None:
                self.say(self.labels.no_match.format(text=text))
            else:
                self.open_issue(target)

        from reader.tui.goto import GotoScreen

        self.app.push_screen(GotoScreen(self.labels.goto_prompt, chosen))

    def action_help(self) -> None:
        """`?`: every key."""
        from reader.tui.help import HelpScreen

        self.app.push_screen(HelpScreen(self.labels, self.keys))

    def action_toggle_contents(self) -> None:
        """`c`: on a narrow screen, the headlines beside the article (focused), or not."""
        self.contents_on = not self.contents_on
        width = self.app.size.width
        if width < NARROW:
            self._arrange(width)
            self.set_focus(self.panes.headlines if self.contents_on else self.panes.article)

    def action_show_id(self) -> None:
        """`i`: the item's id (what `reader show` and `reader read` take)."""
        if self.item is not None:
            self.say(self.labels.item_id.format(id=self.item.id))

    def action_toggle_watch(self) -> None:
        """`w`: watch-word highlighting on or off."""
        words = self.labels
        if not self.watch_words:
            self.say(words.no_watch_words)
            return
        self.highlights.on = not self.highlights.on
        self.restyle()
        state = words.on if self.highlights.on else words.off
        self.say(words.watch_now.format(state=state, words=" ".join(self.watch_words)))

    # Searching (the Finder owns the query and its hits). The panel's messages are
    # handled by name, not with @on(SearchPanel...): its module (and Input) is
    # imported only when the panel is first opened.

    _early_keys: list[events.Key | events.Paste] | None = None
    """Keys that came while the search panel was opening, for its query line."""

    async def action_search(self) -> None:
        """`/`: open the search panel; keys that arrive while it opens are kept for it."""
        self._early_keys = []
        try:
            panel = await self.finder.panel()
            panel.open(self.finder.query_text)
        finally:
            early, self._early_keys = self._early_keys, None
        from reader.tui.search_panel import pass_on

        for event in early or ():
            pass_on(self, event)  # typed again, in order, into the query line that has focus

    def take_key(self, event: events.Key) -> None:
        """Keys typed right after `/` (fast, or pasted) go into the query line.

        They were on their way to the page while the panel opened; the App hands
        them here in the order they were typed (`ReaderApp.on_key`), once the
        query line has focus, as it does for `g`'s dialog. Every key counts, and
        none is also a key of the page.
        """
        from reader.tui.search_panel import QueryBox  # loaded: the panel is open

        box = self.focused
        if not isinstance(box, QueryBox):
            early = self._early_keys
            typed = event.key in ("enter", "escape") or event.is_printable
            if early is not None and typed:  # the panel is still opening: for it once open
                event.stop()
                event.prevent_default()
                early.append(event)
            return  # else a key of what has focus now (after an Enter or Esc: the page's)
        if box.hold(event):
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            box.send()
        elif event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            box.type_in(event.character)
        else:  # a key the line's bindings take next (Backspace): after the text before it
            box.flush()

    def take_paste(self, event: events.Paste) -> None:
        """A paste right after `/` goes into the query line, as keys typed there do
        (`take_key`); on the page it is no command and does nothing."""
        from reader.tui.search_panel import QueryBox

        box = self.focused
        if isinstance(box, QueryBox):
            event.stop()
            box.paste_in(event)
        elif self._early_keys is not None:  # the panel is still opening: for it once open
            event.stop()
            self._early_keys.append(event)

    def on_search_panel_hit_chosen(self, message: SearchPanel.HitChosen) -> None:
        """A hit chosen in the list: show it, close the panel."""
        self.finder.go(message.index, focus=True)
        panel = self.finder.mounted_panel()
        if panel is not None:
            panel.display = False

    @on(Finder.Changed)
    def _search_changed(self, message: Finder.Changed) -> None:
        self.restyle()
        if message.status is not None:
            self.say(message.status)

    def show_hit(self, hit: Occurrence, focus: bool) -> None:
        """Show a hit: its page and item, scrolled to it, counted `i/N`."""
        if self.opened is None or not self.highlights.has(hit.item_id):
            return
        page = next(n for n, p in enumerate(self.opened.pages) if p.page == hit.page)
        self._go(page, hit.number - 1)
        self.restyle()
        self.panes.reveal(hit.item_id, hit.field, hit.start)
        counter, query = self.finder.walk.counter(), self.finder.query_text
        self.say(self.labels.hit_status.format(counter=counter, query=query))
        if focus:
            self.panes.article.focus()

    def action_hit(self, step: int) -> None:
        """`n` / `N`: the next or previous hit of the issue, wrapping around (`3n`: 3 on)."""
        for _ in range(self.taken_count()):
            if not self.finder.step(step):
                self.say(self.labels.no_search.format(key=key_of("search", self.keys)))
                return

    def action_escape(self) -> None:
        """Esc: close the search panel, or with it closed, clear the search."""
        done = self.finder.escape()
        if done:
            self.say(done)
