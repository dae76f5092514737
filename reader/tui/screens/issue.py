"""An issue on screen: its pages, headlines, article and captions, and the keys that read it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen

from reader.fields import Ref
from reader.library import PROBLEMS, Issue, Library
from reader.model import Item, Page
from reader.tui import session
from reader.tui.bars import StatusBar, TitleBar, hint_line, state_line, where_line
from reader.tui.finder import Finder, Mode
from reader.tui.hit_walk import Occurrence
from reader.tui.keys import key_of
from reader.tui.labels import English, Labels
from reader.tui.marks import Highlights, Marks
from reader.tui.panes import NARROW, Panes, breakpoint_class, is_shown
from reader.tui.reading import Position, Reading, page_name
from reader.tui.session import Opened
from reader.tui.settled import laid_out
from reader.tui.slowload import SlowLoad

LIST_AFTER = 0.5
"""Seconds after the first frame to list the library when the start did not need it."""


class IssueScreen(Screen[None]):
    """Read one issue at a time: the panes, what is open, and moving through it.

    It tells the App when the position moved (`Moved`); the App saves it. The
    keys are bound in `MainScreen`, which adds search, dialogs and toggles.
    """

    AUTO_FOCUS = None  # set in on_mount: the article, or the headlines on a wide screen

    count = 0
    """A count typed before a move (`3J`, `5g`), as less takes one; 0: none typed."""

    class Moved(Message):
        """The position changed: save it after this frame, or `soon` (once keys stop)."""

        def __init__(self, soon: bool) -> None:
            super().__init__()
            self.soon = soon

    def __init__(
        self,
        library: Library,
        start: Ref | None = None,
        *,
        watch_words: Sequence[str] = (),
        search: str | None = None,
        recall: str | None = None,
        state_path: Path | None = None,
        labels: Labels = English,
        text_width: int | None = 40,
        keymap: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.start = start
        self.labels = labels
        self.text_width = text_width
        self.keys = keymap or {}
        self.state_path = state_path
        self.highlights = Highlights(watch_words)
        self.contents_on = False
        self._issues: list[Issue] | None = None
        self.reading = Reading()
        mode: Mode = "recall" if recall else "walk"
        if search:
            mode = "start-item" if start and start.item else "panel"
        self.finder = Finder(library, search or recall, mode, labels)
        max_width = text_width * 2 if text_width else None  # two cells a character
        self.panes = Panes(self._page_chosen, self._item_chosen, labels, max_width)
        self.slow = SlowLoad(self, library, labels, self.keys, self._loaded, self.say)

    def compose(self) -> ComposeResult:
        """Title bar; contents, article and captions panes; status line.

        Everything the first frame shows is set here or in `on_mount`, before the
        first layout, so the first paint already shows the issue.
        """
        # The start issue is read here, not in a worker after the first frame: one
        # issue parses in a few milliseconds, far less than the extra layout and
        # render a later load costs, and the first frame then has the text.
        self._start = session.read_start(self.library, self.start, self.state_path)
        # Set for the starting width here, so the first resize changes no class and
        # does not restyle every widget before the first paint.
        self.set_class(True, breakpoint_class(self.app.size.width))
        words = self.labels
        title = TitleBar(id="title")
        title.set_where(where_line(self.library.root, None, 0, words))
        yield title
        yield self.panes
        with Vertical(id="bottom") as bottom:
            # The search panel is mounted on first use: fewer widgets, faster first paint.
            status = StatusBar(hint_line(words, self.keys), id="status")
            status.say(words.loading)
            yield status
        self.finder.dock(bottom, back=self.panes.article, jump=self.show_hit)
        yield self.finder

    def show_hit(self, hit: Occurrence, focus: bool) -> None:
        """Show a hit the search made current (the main screen does)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        """Show the start issue read in `compose`, before the first layout."""
        # List prompts hold styles resolved for one theme: rebuild them for the next.
        self.app.theme_changed_signal.subscribe(
            self, lambda _: self.call_after_refresh(self.restyle)
        )
        self._loaded(self._start)
        if self._issues is None and self._start.opened is not None:
            self.call_after_refresh(self._list_soon)  # the start did not need them
        if self._start.place is not None:
            self.panes.article.scroll_to_place(*self._start.place)
        # The article has the keys when an item was asked for or the screen is narrow;
        # on a wide screen the headlines, to choose from.
        wide = self.app.size.width >= NARROW and not (self.start and self.start.item)
        self.set_focus(self.panes.headlines if wide else self.panes.article)

    # Loading

    def open_issue(self, issue: Issue) -> None:
        """Parse one issue's pages (only this one: issues load lazily) and show it.

        Here and now (a few milliseconds: keys typed meanwhile wait in the queue), or
        by a child when it is slow to parse (`SlowLoad`, which holds those keys).
        """
        if not self.slow.start(issue):
            self._loaded(session.read_issue(self.library, issue))

    @property
    def issues(self) -> list[Issue]:
        """The library's issues: with the start, else listed after the first frame or at
        the first key that needs them, whichever comes first."""
        if self._issues is None:
            self._list_issues()
        return self._issues if self._issues is not None else []

    @issues.setter
    def issues(self, issues: list[Issue]) -> None:
        self._issues = issues

    def _list_soon(self) -> None:
        """List the issues a moment after the first frame, not at once: the frame goes to
        the terminal from Textual's writer thread, which waited on a listing of 10,950
        issues (100 ms) holding the interpreter."""
        self.set_timer(LIST_AFTER, self._list_issues)

    def _list_issues(self) -> None:
        """List the issues; a malformed `issue.toml` among them is said as at the start."""
        if self._issues is not None:
            return
        known = set(PROBLEMS)
        self._issues, error = session.catalog(self.library)
        news = [m for m in PROBLEMS if m not in known] + ([error] if error else [])
        if news:
            self.say("; ".join([*(self.opened.errors if self.opened else ()), *news]))

    def _loaded(self, message: session.Loaded) -> None:
        if message.issues is not None:
            self.issues = message.issues
        if message.error is not None:
            self.say(message.error)
            if self.opened is None:
                self.panes.article.show_message(message.error)
            return
        if message.opened is None:
            self.panes.article.show_message(self.labels.empty_library)
            self.say(self.labels.empty_library)
            return
        opened = message.opened
        self.reading.open(opened)
        self.highlights.open(item for page in opened.pages for item in page.items)
        self._show_page()
        self.panes.pages.show_pages(opened.pages, opened.page)
        self.say("; ".join(opened.errors) if opened.errors else "")
        # After the frame that shows it: the screen first, the file after.
        self.post_message(self.Moved(soon=False))
        self.finder.issue_opened(opened, self.item.id if self.item else None)

    # What is open (the reading state; the names the tests and panes use)

    @property
    def opened(self) -> Opened | None:
        """The open issue."""
        return self.reading.opened

    @property
    def page_index(self) -> int:
        """The page on screen, 0-based."""
        return self.reading.page

    @property
    def item_index(self) -> int | None:
        """The item being read, 0-based on its page."""
        return self.reading.item

    @property
    def page(self) -> Page | None:
        """The page on screen."""
        return self.reading.current_page

    @property
    def item(self) -> Item | None:
        """The item in the article pane."""
        return self.reading.current_item

    def position(self) -> tuple[Ref, tuple[int, int]] | None:
        """What to save: the item read and where in it the view is."""
        ref = self.reading.ref()
        return None if ref is None else (ref, self.panes.article.place)

    # Showing

    @property
    def watch_words(self) -> tuple[str, ...]:
        """The words highlighted wherever they occur (`--highlight`, config)."""
        return self.highlights.watch_words

    def marks_for(self, item_id: str) -> Marks:
        """Watch-word, hit and current-hit spans of one item, by field."""
        walk = self.finder.walk
        hit = walk.current
        current = (hit.field, hit.start, hit.end) if hit and hit.item_id == item_id else None
        return self.highlights.marks(item_id, walk.spans.get(item_id), current)

    def _article_label(self) -> str:
        """`第1版 要闻 · 文章 4/6`: the page by name and the item's place, not its id."""
        page, item = self.page, self.item
        if page is None or item is None or self.item_index is None:
            return ""
        words = self.labels
        place = words.item_of.format(number=self.item_index + 1, total=len(page.items))
        return f"{page_name(page)} · {words.kinds[item.kind]} {place}"

    def _show_item(self) -> None:
        self.panes.show_item(self.item, self.marks_for, self._article_label())

    def _show_page(self) -> None:
        """Headlines, captions and article of the current page."""
        self.panes.show_page(self.page, self.item_index, self.marks_for)
        self._arrange(self.app.size.width)
        self._show_item()
        self._title()

    def _arrange(self, width: int) -> None:
        """Show the panes that fit `width` columns; the focus leaves a pane that went."""
        page = self.page
        # Before an issue is open (the first resize may come first) as if it had
        # captions: arranging the panes twice would restyle them twice.
        captions = page is None or any(i.kind == "caption" for i in page.items)
        self.panes.fit(width, captions, self.contents_on)
        focused = self.focused
        if focused is not None and not all(node.display for node in focused.ancestors_with_self):
            self.set_focus(self.panes.article)

    def action_focus_pane(self, step: int) -> None:
        """Tab and Shift+Tab: the next or previous pane shown, in a fixed order.

        Not Textual's order, which sorts by where panes were last laid out: a pane
        a page key has just shown has no place yet, and a burst would go elsewhere.
        """
        order = self.panes.focus_order()
        panel = self.finder.mounted_panel()
        if panel is not None:
            order += panel.focus_order()
        shown = [widget for widget in order if is_shown(widget)]
        if not shown:
            return
        at = shown.index(self.focused) if self.focused in shown else -1 if step > 0 else 0
        self.set_focus(shown[(at + step) % len(shown)])

    def on_resize(self, event: events.Resize) -> None:
        """A new width may show or hide panes (the layout follows `HORIZONTAL_BREAKPOINTS`);
        a new height sizes the search panel."""
        self._fit(event.size.width, event.size.height)

    def on_screen_resume(self) -> None:
        """Back from a dialog: the terminal may have been resized meanwhile."""
        if self.is_mounted:
            self._fit(*self.app.size)

    def _fit(self, width: int, height: int) -> None:
        self._arrange(width)
        panel = self.finder.mounted_panel()
        if panel is not None:
            panel.fit(height)

    def restyle(self) -> None:
        """Highlights or the theme changed: redraw every pane in place."""
        self.panes.restyle(self.marks_for)
        panel = self.finder.mounted_panel()
        if panel is not None:
            panel.restyle()
        self._title()

    def _title(self) -> None:
        bar = self.query_one(TitleBar)
        bar.set_where(where_line(self.library.root, self.opened, self.page_index, self.labels))
        counter = self.finder.counter()
        query = self.finder.shown_query
        watch = bool(self.watch_words)
        watch_on = self.highlights.on
        bar.set_state(state_line(query, counter, watch, watch_on, self.labels))

    def say(self, message: str) -> None:
        """Show `message` on the status line."""
        self.query_one(StatusBar).say(message)

    # Moving. Every move is computed by `self.reading` from the position when its key
    # is handled, never from a message about an older one.

    def _go(self, page: int, item: int | None, at_end: bool = False) -> None:
        """Show `page` (0-based), with `item` in the article (`at_end`: its last screen)."""
        if self.opened is None:
            return
        reading = self.reading
        if page != reading.page:
            reading.page, reading.item = page, item
            self._show_page()
            self.panes.pages.highlighted = page
        elif item != reading.item:
            reading.item = item
            self._show_item()
            if item is not None:
                self.panes.headlines.highlighted = item
        else:
            return
        if at_end:
            self.panes.article.action_scroll_end()
        self.post_message(self.Moved(soon=True))

    def _go_to(self, position: Position | None, at_end: bool = False) -> bool:
        """Go to `position` if there is one; whether there was."""
        if position is None:
            return False
        self._go(*position, at_end=at_end)
        return True

    # The lists call these while the key that moved their cursor is handled, so the
    # next key sees the move. An index is checked against what is on screen now.

    def _page_chosen(self, index: int, open: bool) -> None:
        """The page list's cursor is on page `index`; `open`: go to its headlines."""
        if self.opened is None or not 0 <= index < len(self.opened.pages):
            return
        if index != self.page_index:
            self._go(*self.reading.at_lead(index))
        if open:
            self.set_focus(self.panes.headlines)

    def _item_chosen(self, index: int, open: bool) -> None:
        """The headline list's cursor is on item `index` of this page; `open`: read it."""
        page = self.page
        if page is None or not 0 <= index < len(page.items):
            return
        self._go(self.page_index, index)
        if open:
            self.set_focus(self.panes.article)

    def action_count(self, digit: int) -> None:
        """A digit: part of a count for the next move (`12J`); a lone 0 is none."""
        if self.count or digit:
            self.count = min(self.count * 10 + digit, 9999)
            self.say(self.labels.count.format(count=self.count))

    def taken_count(self) -> int:
        """The count typed before this move (1 when none), now used up (and its line gone)."""
        count, self.count = self.count, 0
        if count:
            self.say("")
        return max(count, 1)

    async def action_read_on(self, step: int) -> None:
        """Space (1) and b (-1): page the article; at its end, the next item, as less does.

        A count reads on that many screens (`3 Space`), stopping at the issue's end.
        """
        for _ in range(self.taken_count()):
            if not await self._read_on(step):
                return

    async def _read_on(self, step: int) -> bool:
        if self.opened is None:
            return False
        article = self.panes.article
        await laid_out(article)  # the height it pages by
        if self.item is not None and not (article.at_end if step > 0 else article.at_top):
            article.page(step)
            self.post_message(self.Moved(soon=True))
            return True
        if not self._go_to(self.reading.step_item(step), at_end=step < 0):
            self._say_at_the_end(step)
            return False
        return True

    def _say_at_the_end(self, step: int) -> None:
        if step > 0:
            self.say(self.labels.issue_end.format(key=key_of("next_issue", self.keys)))
        else:
            self.say(self.labels.issue_start)

    def action_article(self, step: int) -> None:
        """J and K: the next or previous item across pages, from its top."""
        if self.opened is None:
            return
        if not self._go_to(self.reading.step_items(step, self.taken_count())):
            self._say_at_the_end(step)

    def action_page(self, step: int) -> None:
        """← → h l [ ]: the previous or next page of the issue, at its lead story."""
        if self.opened is None:
            return
        if not self._go_to(self.reading.turn(step, self.taken_count())):
            self.say(self.labels.first_page if step < 0 else self.labels.last_page)

    def turn_issue(self, step: int) -> None:
        """`{` and `}`: the previous or next issue of the same paper."""
        if self.opened is None:
            return
        target = session.neighbour(self.issues, self.opened.issue, step)
        if target is None:
            self.say(self.labels.no_earlier_issue if step < 0 else self.labels.no_later_issue)
        elif not self.slow.start(target, lambda: self._turn_to(target, step)):
            self._turn_to(target, step)

    def _turn_to(self, target: Issue, step: int) -> None:
        loaded = session.read_issue(self.library, target)
        if loaded.opened is None and loaded.issues is not None and self.opened is not None:
            # The folder went since the issues were listed: the one after it now.
            again = session.neighbour(loaded.issues, self.opened.issue, step)
            if again is not None and again.id != target.id:
                found = session.read_issue(self.library, again)
                if found.opened is not None:
                    self._loaded(found._replace(issues=loaded.issues))
                    self.say(loaded.error or "")
                    return
        self._loaded(loaded)
