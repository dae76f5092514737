"""The reader App: an issue's pages, headlines, article and captions, with search."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

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
from reader.state import save_position
from reader.tui import session
from reader.tui.article import ArticleView, CaptionsView
from reader.tui.bars import StatusBar, TitleBar, state_line, where_line
from reader.tui.contents import Headlines, PageList
from reader.tui.finder import Finder, Mode
from reader.tui.hits import FieldSpans
from reader.tui.marks import Marks, merge
from reader.tui.session import Opened

if TYPE_CHECKING:
    # Imported when first used: the first frame needs none of them.
    from reader.tui.search import SearchPanel

THEMES = {"dark": "textual-dark", "light": "textual-light"}
EMPTY = "No issues in this library yet. Add page files with `reader import`."


class ReaderApp(App[None]):
    """Read one issue at a time; built from data, never from argv."""

    CSS_PATH = "reader.tcss"
    AUTO_FOCUS = "#headlines"
    TITLE = "reader"
    # Textual types this `ClassVar[...] | None`, which mypy reads as an instance variable.
    # Only a class for wide screens: at narrower sizes no class changes on the first
    # resize, which would restyle every widget before the first paint.
    HORIZONTAL_BREAKPOINTS = [(120, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("left_square_bracket", "page(-1)", "Previous page"),
        Binding("right_square_bracket", "page(1)", "Next page"),
        Binding("left_curly_bracket", "issue(-1)", "Previous issue"),
        Binding("right_curly_bracket", "issue(1)", "Next issue"),
        Binding("g", "goto", "Go to issue"),
        Binding("slash", "search", "Search"),
        Binding("n", "hit(1)", "Next hit"),
        Binding("N", "hit(-1)", "Previous hit"),
        Binding("w", "toggle_watch", "Watch-words"),
        Binding("t", "toggle_theme", "Theme"),
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
    ) -> None:
        super().__init__()
        self.library = library
        self.start = start
        self.watch_words = tuple(highlight)
        self.watch_on = True
        self.state_path = state_path
        self.initial_theme = THEMES.get(theme, THEMES["dark"])
        self.issues: list[Issue] = []
        self.opened: Opened | None = None
        self.page_index = 0
        self.item_index: int | None = None
        mode: Mode = "recall" if recall else "walk"
        if search:
            mode = "start-item" if start and start.item else "panel"
        self.finder = Finder(library, search or recall, mode)
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
        title = TitleBar(id="title")
        title.set_where(where_line(self.library.root, None, 0))
        yield title
        panes: list[tuple[Widget, str]] = [
            (PageList(self._page_chosen, id="pages"), "Pages"),
            (Headlines(self._item_chosen, id="headlines"), "Headlines"),
            (ArticleView(id="article"), "Article"),
            (CaptionsView(id="captions"), "Captions"),
        ]
        for pane, name in panes:
            pane.border_title = name
        with Container(id="body"):
            with Vertical(id="contents"):
                yield panes[0][0]
                yield panes[1][0]
            yield panes[2][0]
            yield panes[3][0]
        with Vertical(id="bottom"):
            # The search panel is mounted on first use: fewer widgets, faster first paint.
            status = StatusBar(id="status")
            status.say("Loading…")
            yield status
        yield self.finder

    def on_mount(self) -> None:
        """Show the start issue read in `compose`, before the first layout."""
        if self.theme != self.initial_theme:
            self.theme = self.initial_theme
        # List prompts hold styles resolved for one theme: rebuild them for the next.
        self.theme_changed_signal.subscribe(self, lambda _: self.call_after_refresh(self._restyle))
        self._loaded(self._start)
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
            self.query_one(ArticleView).show_message(EMPTY)
            self._say(EMPTY)
            return
        opened = self.opened = message.opened
        self._items = {item.id: item for page in opened.pages for item in page.items}
        self._watch_cache.clear()
        self.page_index, self.item_index = opened.page, opened.item
        self._show_page()
        self.query_one(PageList).show_pages(opened.pages, opened.page)
        self._say("; ".join(opened.errors) if opened.errors else "")
        # After the frame that shows it: the screen first, the file after.
        self.call_after_refresh(self._save)
        self.finder.issue_opened(opened, self.item.id if self.item else None)

    # Showing

    @property
    def page(self) -> Page | None:
        """The page on screen."""
        if self.opened is None or not self.opened.pages:
            return None
        return self.opened.pages[self.page_index]

    @property
    def item(self) -> Item | None:
        """The item in the article pane."""
        page = self.page
        if page is None or self.item_index is None or not page.items:
            return None
        return page.items[self.item_index]

    def marks_for(self, item_id: str) -> Marks:
        """Watch-word, hit and current-hit spans of one item, by field."""
        watch = self._watch(item_id) if self.watch_on else None
        walk = self.finder.walk
        hit = walk.current
        current = (hit.field, hit.start, hit.end) if hit and hit.item_id == item_id else None
        return merge(watch, walk.spans.get(item_id), current)

    def _watch(self, item_id: str) -> FieldSpans:
        if not self.watch_words or item_id not in self._items:
            return {}
        if item_id not in self._watch_cache:
            from reader.search.matching import find_spans

            self._watch_cache[item_id] = find_spans(self._items[item_id], self.watch_words)
        return self._watch_cache[item_id]

    def _show_page(self) -> None:
        """Headlines, captions and article of the current page."""
        page = self.page
        items = page.items if page else ()
        self.query_one(Headlines).show_items(items, self.marks_for, self.item_index)
        captions = [i for i in page.items if i.kind == "caption"] if page else []
        self.query_one(CaptionsView).show_captions(captions, self.marks_for)
        self.query_one(ArticleView).show_item(self.item, self.marks_for)
        self._title()

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
        bar.set_where(where_line(self.library.root, self.opened, self.page_index))
        counter = self.finder.walk.counter()
        query = self.finder.shown_query
        bar.set_state(state_line(query, counter, bool(self.watch_words), self.watch_on))

    def _say(self, message: str) -> None:
        self.query_one(StatusBar).say(message)

    def _save(self) -> None:
        if self.opened is not None and self.state_path is not None:
            save_position(self.state_path, self.opened.ref(self.page_index, self.item_index))

    def save_after_crash(self) -> bool:
        """Save the position after the App stopped on an error; whether it could.

        The state may be half-changed by whatever failed: a position that cannot be
        made is not saved, and nothing here raises over the first error.
        """
        if self.opened is None or self.state_path is None:
            return False
        pages = self.opened.pages
        page = min(max(self.page_index, 0), max(len(pages) - 1, 0))
        items = len(pages[page].items) if pages else 0
        item = self.item_index
        item = None if item is None or not items else min(max(item, 0), items - 1)
        try:
            save_position(self.state_path, self.opened.ref(page, item))
        except Exception:  # the first error is the one to report
            return False
        return True

    # Moving

    def _go(self, page: int, item: int | None) -> None:
        """Show `page` (0-based), with `item` in the article."""
        if self.opened is None:
            return
        if page != self.page_index:
            self.page_index, self.item_index = page, item
            self._show_page()
            self.query_one(PageList).highlighted = page
        elif item != self.item_index:
            self.item_index = item
            self.query_one(ArticleView).show_item(self.item, self.marks_for)
            if item is not None:
                self.query_one(Headlines).highlighted = item
        else:
            return
        self._save_soon()

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
            self._go(index, 0 if self.opened.pages[index].items else None)
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

    def action_page(self, step: int) -> None:
        """`[` and `]`: the previous or next page of the issue."""
        if self.opened is None:
            return
        target = self.page_index + step
        if not 0 <= target < len(self.opened.pages):
            self._say("This is the first page." if step < 0 else "This is the last page.")
            return
        self._go(target, 0 if self.opened.pages[target].items else None)

    def action_issue(self, step: int) -> None:
        """`{` and `}`: the previous or next issue of the same paper."""
        if self.opened is None:
            return
        target = session.neighbour(self.issues, self.opened.issue, step)
        if target is None:
            self._say("No earlier issue." if step < 0 else "No later issue.")
            return
        self._open_issue(target)

    def on_key(self, event: events.Key) -> None:
        """A key no widget took, while a dialog that wants typing is open, goes into it."""
        take = getattr(self.screen, "take_key", None)
        if take is not None:
            take(event)

    def action_goto(self) -> None:
        """`g`: ask for a date or key, then open the issue it names."""

        def chosen(text: str | None) -> None:
            if not text:
                return
            paper = self.opened.issue.paper.key if self.opened else None
            target = session.goto(self.issues, text, paper)
            if target is None:
                self._say(f"No issue matches {text!r}.")
            else:
                self._open_issue(target)

        from reader.tui.goto import GotoScreen

        self.push_screen(GotoScreen(), chosen)

    def action_help(self) -> None:
        """`?`: every key."""
        from reader.tui.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_toggle_watch(self) -> None:
        """`w`: watch-word highlighting on or off."""
        if not self.watch_words:
            self._say("No watch-words: use --highlight 词,词 or `highlight = [...]` in the config.")
            return
        self.watch_on = not self.watch_on
        self._restyle()
        self._say(f"Watch-words {'on' if self.watch_on else 'off'}: {' '.join(self.watch_words)}")

    def action_toggle_theme(self) -> None:
        """`t`: dark or light."""
        light = self.theme == THEMES["light"]
        self.theme = THEMES["dark"] if light else THEMES["light"]

    async def action_quit(self) -> None:
        """`q`: remember where we are, then leave."""
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
        self._say(f"Hit {self.finder.walk.counter()} for {self.finder.query_text}")
        if message.focus:
            article.focus()

    def action_hit(self, step: int) -> None:
        """`n` / `N`: the next or previous hit of the issue, wrapping around."""
        if not self.finder.step(step):
            self._say("No search hits: press / to search this issue.")

    def action_escape(self) -> None:
        """Esc: close the search panel, or with it closed, clear the search."""
        done = self.finder.escape()
        if done:
            self._say(done)
