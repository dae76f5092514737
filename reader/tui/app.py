"""The reader App: an issue's pages, headlines, article and captions, with search."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from reader.errors import ReaderError
from reader.fields import Ref
from reader.library import Issue, Library
from reader.model import Item, Page
from reader.startup import resume_collection
from reader.state import load_scroll, save_position, save_theme
from reader.tui import session
from reader.tui.article import ArticleView, CaptionsView
from reader.tui.bars import StatusBar, TitleBar, state_line, where_line
from reader.tui.contents import Headlines, PageList
from reader.tui.finder import Finder, Mode
from reader.tui.hit_walk import FieldSpans
from reader.tui.keys import ACTIONS, shown_keys
from reader.tui.labels import English, Labels
from reader.tui.marks import Marks, combine
from reader.tui.reading import Position, Reading, page_name
from reader.tui.session import Opened

if TYPE_CHECKING:
    # Imported when first used: the first frame needs none of them.
    from reader.tui.search_panel import SearchPanel

THEMES = {"dark": "textual-dark", "light": "textual-light"}
NARROW = 100
"""Below this many columns the article is alone (`c` shows the headlines beside it)."""
WIDE = 120
"""From this many columns the panes stand side by side."""


@runtime_checkable
class TakesKeys(Protocol):
    """A dialog that takes keys typed before it had focus (`GotoScreen`)."""

    def take_key(self, event: events.Key) -> None:
        """Type `event` into the dialog."""


def breakpoint_class(width: int) -> str:
    """The class `HORIZONTAL_BREAKPOINTS` gives a screen `width` columns wide."""
    return "-narrow" if width < NARROW else "-medium" if width < WIDE else "-wide"


class ReaderApp(App[None]):
    """Read one issue at a time; built from data, never from argv."""

    CSS_PATH = "reader.tcss"
    AUTO_FOCUS = None  # set in on_mount: the article, or the headlines on a wide screen
    TITLE = "reader"
    # Textual types this `ClassVar[...] | None`, which mypy reads as an instance variable.
    # compose sets the class for the starting width itself, so the first resize
    # changes none and does not restyle every widget before the first paint.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-medium"), (WIDE, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(a.keys, a.run, a.name, show=False, id=a.name) for a in ACTIONS),
        # As in less: Ctrl+C quits (saving the position), even from the search box.
        Binding("ctrl+c", "quit", "quit", show=False, priority=True),
        Binding("escape", "escape", "Close search", show=False),
    ]

    class Loaded(Message):
        """What was read: an issue, the catalog, or why there is none."""

        def __init__(
            self, opened: Opened | None, issues: list[Issue] | None = None, error: str | None = None
        ) -> None:
            super().__init__()
            self.opened = opened
            self.issues = issues
            self.error = error

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
        self.labels = labels
        self.text_width = text_width
        self.keys = keymap or {}
        self.saved_place: tuple[int, int] | None = None
        self.start = start
        self.watch_words = tuple(highlight)
        self.watch_on = True
        self.contents_on = False
        self.state_path = state_path
        self.initial_theme = THEMES.get(theme, THEMES["dark"])
        self.issues: list[Issue] = []
        self.reading = Reading()
        mode: Mode = "recall" if recall else "walk"
        if search:
            mode = "start-item" if start and start.item else "panel"
        self.finder = Finder(library, search or recall, mode, labels)
        self._items: dict[str, Item] = {}
        self._watch_cache: dict[str, FieldSpans] = {}
        self._save_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Title bar; contents, article and captions panes; status line.

        Everything the first frame shows is set here or in `on_mount`, before the
        first layout, so the first paint already shows the issue.
        """
        # The start issue is read here, not in a worker after the first frame: one
        # issue parses in a few milliseconds, far less than the extra layout and
        # render a later load costs, and the first frame then has the text.
        self._start = self._read_start()
        self.screen.set_class(True, breakpoint_class(self.size.width))
        words = self.labels
        title = TitleBar(id="title")
        title.set_where(where_line(self.library.root, None, 0, words))
        yield title
        article = ArticleView(id="article", max_width=self._max_cells())
        panes: list[tuple[Widget, str]] = [
            (PageList(self._page_chosen, id="pages"), words.pages),
            (Headlines(self._item_chosen, id="headlines"), words.headlines),
            (article, words.article),
            (CaptionsView(id="captions"), words.captions),
        ]
        for pane, name in panes:
            pane.border_title = name
        with Container(id="body"):
            with Vertical(id="contents"):
                yield panes[0][0]
                yield panes[1][0]
            yield panes[2][0]
            yield panes[3][0]
        with Vertical(id="bottom") as bottom:
            # The search panel is mounted on first use: fewer widgets, faster first paint.
            status = StatusBar(words.hint, id="status")
            status.say(words.loading)
            yield status
        self.finder.dock(bottom)
        yield self.finder

    def _max_cells(self) -> int | None:
        """The article's widest line in cells: `text_width` characters of two cells."""
        return self.text_width * 2 if self.text_width else None

    def on_mount(self) -> None:
        """Show the start issue read in `compose`, before the first layout."""
        if self.theme != self.initial_theme:
            self.theme = self.initial_theme
        if self.keys:
            self.set_keymap(self.keys)
        # List prompts hold styles resolved for one theme: rebuild them for the next.
        self.theme_changed_signal.subscribe(self, lambda _: self.call_after_refresh(self._restyle))
        self._loaded(self._start)
        if self.saved_place is not None:
            self.query_one(ArticleView).scroll_to_place(*self.saved_place)
        # The article has the keys when an item was asked for or the screen is narrow;
        # on a wide screen the headlines, to choose from.
        wide = self.size.width >= NARROW and not (self.start and self.start.item)
        self.set_focus(self.query_one(Headlines if wide else ArticleView))
        self.call_after_refresh(self._started)

    def _started(self) -> None:
        """After the first frame: garbage collection back on if the launcher paused it."""
        resume_collection()

    # Loading

    def _read_start(self) -> Loaded:
        """Find the issues, then open the start, the saved position or the latest."""
        try:
            issues, opened = session.open_start(self.library, self.start, self.state_path)
        except (ReaderError, OSError) as err:
            return self.Loaded(None, None, getattr(err, "message", str(err)))
        if self.start is None and opened is not None and self.state_path is not None:
            # Back where the last session left off: within the article too.
            saved = load_scroll(self.state_path)
            if saved is not None and saved[0] == opened.ref(opened.page, opened.item):
                self.saved_place = saved[1]
        return self.Loaded(opened, issues)

    def _open_issue(self, issue: Issue) -> None:
        """Parse one issue's pages (only this one: issues load lazily) and show it.

        Here and now, not in a worker: the keys after `}` must move in the issue
        it opened (an issue parses in a few milliseconds; keys typed meanwhile wait
        in the queue, none is lost or applied to the issue before).
        """
        try:
            opened = session.load_issue(self.library, issue)
        except (ReaderError, OSError) as err:
            self._loaded(self.Loaded(None, None, getattr(err, "message", str(err))))
            return
        self._loaded(self.Loaded(opened))

    def _loaded(self, message: Loaded) -> None:
        if message.issues is not None:
            self.issues = message.issues
        if message.error is not None:
            self._say(message.error)
            if self.opened is None:
                self.query_one(ArticleView).show_message(message.error)
            return
        if message.opened is None:
            self.query_one(ArticleView).show_message(self.labels.empty_library)
            self._say(self.labels.empty_library)
            return
        opened = message.opened
        self.reading.open(opened)
        self._items = {item.id: item for page in opened.pages for item in page.items}
        self._watch_cache.clear()
        self._show_page()
        self.query_one(PageList).show_pages(opened.pages, opened.page)
        self._say("; ".join(opened.errors) if opened.errors else "")
        # After the frame that shows it: the screen first, the file after.
        self.call_after_refresh(self._save)
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

    # Showing

    def marks_for(self, item_id: str) -> Marks:
        """Watch-word, hit and current-hit spans of one item, by field."""
        watch = self._watch(item_id) if self.watch_on else None
        walk = self.finder.walk
        hit = walk.current
        current = (hit.field, hit.start, hit.end) if hit and hit.item_id == item_id else None
        return combine(watch, walk.spans.get(item_id), current)

    def _watch(self, item_id: str) -> FieldSpans:
        if not self.watch_words or item_id not in self._items:
            return {}
        if item_id not in self._watch_cache:
            from reader.search.matching import find_spans

            self._watch_cache[item_id] = find_spans(self._items[item_id], self.watch_words)
        return self._watch_cache[item_id]

    def _article_label(self) -> str:
        """`第1版 要闻 · 文章 4/6`: the page by name and the item's place, not its id."""
        page, item = self.page, self.item
        if page is None or item is None or self.item_index is None:
            return ""
        words = self.labels
        place = words.item_of.format(number=self.item_index + 1, total=len(page.items))
        return f"{page_name(page)} · {words.kinds[item.kind]} {place}"

    def _show_item(self) -> None:
        self.query_one(ArticleView).show_item(
            self.item, self.marks_for, self._article_label(), self.labels.no_item
        )

    def _show_page(self) -> None:
        """Headlines, captions and article of the current page."""
        page = self.page
        items = page.items if page else ()
        self.query_one(Headlines).show_items(items, self.marks_for, self.item_index)
        captions = [i for i in page.items if i.kind == "caption"] if page else []
        view = self.query_one(CaptionsView)
        view.show_captions(captions, self.marks_for, self.labels.no_captions)
        self._arrange(self.size.width)
        self._show_item()
        self._title()

    def _arrange(self, width: int) -> None:
        """Show the panes that fit `width` columns: the article always.

        Under `NARROW` columns the article is alone, or has the headlines beside it
        (`c`); a page without captions gives their pane's room to the others. Set on
        the widgets at once, not through a class the next refresh would apply: a Tab
        right after a page key must see the panes of that page.
        """
        narrow = width < NARROW
        page = self.page
        # Before an issue is open (the first resize may come first) as if it had
        # captions: arranging the panes twice would restyle them twice.
        captions = page is None or any(i.kind == "caption" for i in page.items)
        shown = {
            "#contents": not narrow or self.contents_on,
            "#pages": not narrow,
            "#captions": captions and not narrow,
        }
        for selector, display in shown.items():
            widget = self.query_one(selector)
            if widget.display != display:  # setting it restyles, even to the same value
                widget.display = display
        self.query_one("#body").set_class(not captions, "-no-captions")
        focused = self.focused
        if focused is not None and not all(node.display for node in focused.ancestors_with_self):
            self.set_focus(self.query_one(ArticleView))

    def _shown(self, widget: Widget) -> bool:
        return widget.focusable and all(node.display for node in widget.ancestors_with_self)

    def _cycle_focus(self, step: int) -> None:
        """Tab and Shift+Tab: the next or previous pane shown, in a fixed order.

        Not Textual's order, which sorts by where panes were last laid out: a pane
        a page key has just shown has no place yet, and a burst would go elsewhere.
        """
        order: list[Widget] = [
            self.query_one(PageList),
            self.query_one(Headlines),
            self.query_one(ArticleView),
            self.query_one(CaptionsView),
        ]
        panel = self.finder.mounted_panel()
        if panel is not None:
            order += panel.focus_order()
        shown = [widget for widget in order if self._shown(widget)]
        if not shown:
            return
        at = shown.index(self.focused) if self.focused in shown else -1 if step > 0 else 0
        self.set_focus(shown[(at + step) % len(shown)])

    def action_focus_next(self) -> None:
        """Tab: the next pane (in a dialog, its next field)."""
        if self.screen is self.screen_stack[0]:
            self._cycle_focus(1)
        else:
            super().action_focus_next()

    def action_focus_previous(self) -> None:
        """Shift+Tab: the previous pane."""
        if self.screen is self.screen_stack[0]:
            self._cycle_focus(-1)
        else:
            super().action_focus_previous()

    def on_resize(self, event: events.Resize) -> None:
        """A new width may show or hide panes (the layout follows `HORIZONTAL_BREAKPOINTS`)."""
        self._arrange(event.size.width)

    def _restyle(self) -> None:
        """Highlights or the theme changed: redraw every pane in place."""
        self.query_one(Headlines).restyle()
        panel = self.finder.mounted_panel()
        if panel is not None:
            panel.restyle()
        self.query_one(ArticleView).set_marks(self.marks_for)
        self.query_one(CaptionsView).set_marks(self.marks_for)
        self._title()

    def _title(self) -> None:
        bar = self.query_one(TitleBar)
        bar.set_where(where_line(self.library.root, self.opened, self.page_index, self.labels))
        counter = self.finder.walk.counter()
        query = self.finder.shown_query
        watch = bool(self.watch_words)
        bar.set_state(state_line(query, counter, watch, self.watch_on, self.labels))

    def _say(self, message: str) -> None:
        self.query_one(StatusBar).say(message)

    def _save(self) -> None:
        ref = self.reading.ref()
        if ref is not None and self.state_path is not None:
            save_position(self.state_path, ref, self.query_one(ArticleView).place)

    def save_after_crash(self) -> bool:
        """Save the position after the App stopped on an error; whether it could.

        The state may be half-changed by whatever failed: a position that cannot be
        made is not saved, and nothing here raises over the first error.
        """
        if self.state_path is None:
            return False
        try:
            ref = self.reading.ref()
            if ref is None:
                return False
            save_position(self.state_path, ref)
        except Exception:  # the first error is the one to report
            return False
        return True

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
            self.query_one(PageList).highlighted = page
        elif item != reading.item:
            reading.item = item
            self._show_item()
            if item is not None:
                self.query_one(Headlines).highlighted = item
        else:
            return
        if at_end:
            self.query_one(ArticleView).action_scroll_end()
        self._save_soon()

    def _go_to(self, position: Position | None, at_end: bool = False) -> bool:
        """Go to `position` if there is one; whether there was."""
        if position is None:
            return False
        self._go(*position, at_end=at_end)
        return True

    def _save_soon(self) -> None:
        """Save the position a second after the last move (a closed terminal keeps it too)."""
        # A new timer rather than Timer.reset(), which only takes effect when the
        # running wait ends.
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(1.0, self._save)

    # The lists call these while the key that moved their cursor is handled, so the
    # next key sees the move. An index is checked against what is on screen now.

    def _page_chosen(self, index: int, open: bool) -> None:
        """The page list's cursor is on page `index`; `open`: go to its headlines."""
        if self.opened is None or not 0 <= index < len(self.opened.pages):
            return
        if index != self.page_index:
            self._go(*self.reading.at_lead(index))
        if open:
            self.set_focus(self.query_one(Headlines))

    def _item_chosen(self, index: int, open: bool) -> None:
        """The headline list's cursor is on item `index` of this page; `open`: read it."""
        page = self.page
        if page is None or not 0 <= index < len(page.items):
            return
        self._go(self.page_index, index)
        if open:
            self.set_focus(self.query_one(ArticleView))

    def action_read_on(self, step: int) -> None:
        """Space (1) and b (-1): page the article; at its end, the next item, as less does."""
        if self.opened is None:
            return
        article = self.query_one(ArticleView)
        if self.item is not None and not (article.at_end if step > 0 else article.at_top):
            article.page(step)
            self._save_soon()
            return
        if not self._go_to(self.reading.step_item(step), at_end=step < 0):
            self._say_at_the_end(step)

    def _say_at_the_end(self, step: int) -> None:
        if step > 0:
            self._say(self.labels.issue_end.format(key=self._key_of("next_issue")))
        else:
            self._say(self.labels.issue_start)

    def _key_of(self, action: str) -> str:
        """The first key bound to an action, as the help shows it."""
        keys = self.keys.get(action) or next(a.keys for a in ACTIONS if a.name == action)
        return shown_keys(keys.split(",")[0])

    def action_article(self, step: int) -> None:
        """J and K: the next or previous item across pages, from its top."""
        if self.opened is None:
            return
        if not self._go_to(self.reading.step_item(step)):
            self._say_at_the_end(step)

    def action_page(self, step: int) -> None:
        """← → h l [ ]: the previous or next page of the issue, at its lead story."""
        if self.opened is None:
            return
        if not self._go_to(self.reading.turn(step)):
            self._say(self.labels.first_page if step < 0 else self.labels.last_page)

    def action_issue(self, step: int) -> None:
        """`{` and `}`: the previous or next issue of the same paper."""
        if self.opened is None:
            return
        target = session.neighbour(self.issues, self.opened.issue, step)
        if target is None:
            words = self.labels
            self._say(words.no_earlier_issue if step < 0 else words.no_later_issue)
            return
        self._open_issue(target)

    def on_key(self, event: events.Key) -> None:
        """A key no widget took, while a dialog that wants typing is open, goes into it."""
        screen = self.screen
        if isinstance(screen, TakesKeys):
            screen.take_key(event)

    def action_goto(self) -> None:
        """`g`: ask for a date or key, then open the issue it names."""

        def chosen(text: str | None) -> None:
            if not text:
                return
            paper = self.opened.issue.paper.key if self.opened else None
            target = session.goto(self.issues, text, paper)
            if target is None:
                self._say(self.labels.no_match.format(text=text))
            else:
                self._open_issue(target)

        from reader.tui.goto import GotoScreen

        self.push_screen(GotoScreen(self.labels.goto_prompt), chosen)

    def action_help(self) -> None:
        """`?`: every key."""
        from reader.tui.help import HelpScreen

        self.push_screen(HelpScreen(self.labels, self.keys))

    def action_toggle_contents(self) -> None:
        """`c`: on a narrow screen, the headlines beside the article (focused), or not."""
        self.contents_on = not self.contents_on
        if self.size.width < NARROW:
            self._arrange(self.size.width)
            self.set_focus(self.query_one(Headlines if self.contents_on else ArticleView))

    def action_show_id(self) -> None:
        """`i`: the item's id (what `reader show` and `reader read` take)."""
        if self.item is not None:
            self._say(self.labels.item_id.format(id=self.item.id))

    def action_toggle_watch(self) -> None:
        """`w`: watch-word highlighting on or off."""
        words = self.labels
        if not self.watch_words:
            self._say(words.no_watch_words)
            return
        self.watch_on = not self.watch_on
        self._restyle()
        state = words.on if self.watch_on else words.off
        self._say(words.watch_now.format(state=state, words=" ".join(self.watch_words)))

    def action_toggle_theme(self) -> None:
        """`t`: dark or light, remembered for the next start."""
        light = self.theme == THEMES["light"]
        self.theme = THEMES["dark"] if light else THEMES["light"]
        if self.state_path is not None:
            save_theme(self.state_path, "dark" if light else "light")

    def action_suspend(self) -> None:
        """Ctrl+Z: save the position, then stop until the shell's `fg`, as less does."""
        self._save()
        self.action_suspend_process()

    async def action_quit(self) -> None:
        """`q` and Ctrl+C: remember where we are, then leave."""
        self._save()
        self.exit()

    # Searching (the Finder owns the query and its hits). The panel's messages are
    # handled by name, not with @on(SearchPanel...): its module (and Input) is
    # imported only when the panel is first opened.

    async def action_search(self) -> None:
        """`/`: open the search panel."""
        (await self.finder.panel()).open(self.finder.query_text)

    def on_search_panel_query_entered(self, message: SearchPanel.QueryEntered) -> None:
        """Enter in the query box: search the open issue."""
        self.finder.search(message.query)

    def on_search_panel_hit_chosen(self, message: SearchPanel.HitChosen) -> None:
        """A hit chosen in the list: show it, close the panel."""
        self.finder.go(message.index, focus=True)
        panel = self.finder.mounted_panel()
        if panel is not None:
            panel.display = False

    def on_search_panel_closed(self) -> None:
        """The panel closed: back to the article."""
        self.query_one(ArticleView).focus()

    @on(Finder.Changed)
    def _search_changed(self, message: Finder.Changed) -> None:
        self._restyle()
        if message.status is not None:
            self._say(message.status)

    @on(Finder.Jumped)
    def _jumped(self, message: Finder.Jumped) -> None:
        """Show a hit: its page and item, scrolled to it, counted `i/N`."""
        hit = message.hit
        if self.opened is None or hit.item_id not in self._items:
            return
        page = next(n for n, p in enumerate(self.opened.pages) if p.page == hit.page)
        self._go(page, hit.number - 1)
        self._restyle()
        article = self.query_one(ArticleView)
        article.reveal(hit.item_id, hit.field, hit.start)
        self.query_one(CaptionsView).reveal(hit.item_id, hit.field, hit.start)
        counter, query = self.finder.walk.counter(), self.finder.query_text
        self._say(self.labels.hit_status.format(counter=counter, query=query))
        if message.focus:
            article.focus()

    def action_hit(self, step: int) -> None:
        """`n` / `N`: the next or previous hit of the issue, wrapping around."""
        if not self.finder.step(step):
            self._say(self.labels.no_search.format(key=self._key_of("search")))

    def action_escape(self) -> None:
        """Esc: close the search panel, or with it closed, clear the search."""
        done = self.finder.escape()
        if done:
            self._say(done)
