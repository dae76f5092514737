"""The body of the main screen: the four panes, and which of them a width shows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.widget import Widget

from reader.model import Item, Page
from reader.tui.article import ArticleView, CaptionsView
from reader.tui.contents import Chosen, Headlines, PageList
from reader.tui.labels import Labels
from reader.tui.textview import MarksFor

NARROW = 100
"""Below this many columns the article is alone (`c` shows the headlines beside it)."""
WIDE = 120
"""From this many columns the panes stand side by side."""


def breakpoint_class(width: int) -> str:
    """The class `HORIZONTAL_BREAKPOINTS` gives a screen `width` columns wide."""
    return "-narrow" if width < NARROW else "-medium" if width < WIDE else "-wide"


def is_shown(widget: Widget) -> bool:
    """`widget` can take the focus: it and every container around it are displayed."""
    return widget.focusable and all(node.display for node in widget.ancestors_with_self)


class Panes(Container):
    """Pages and headlines (in `#contents`), the article and the captions, in a grid.

    The grid itself is `#body` in reader.tcss; this class decides which panes a
    width shows and the order Tab walks them in. The lists report their cursor
    through `page_chosen` and `item_chosen`, at once (see `contents.Chosen`).
    """

    def __init__(
        self, page_chosen: Chosen, item_chosen: Chosen, words: Labels, max_width: int | None
    ) -> None:
        super().__init__(id="body")
        self.words = words
        self.pages = PageList(page_chosen, id="pages")
        self.headlines = Headlines(item_chosen, id="headlines")
        self.article = ArticleView(id="article", max_width=max_width)
        self.captions = CaptionsView(id="captions")
        self.pages.border_title = words.pages
        self.headlines.border_title = words.headlines
        self.article.border_title = words.article
        self.captions.border_title = words.captions

    def compose(self) -> ComposeResult:
        """Pages above headlines, then the article, then the captions."""
        with Vertical(id="contents"):
            yield self.pages
            yield self.headlines
        yield self.article
        yield self.captions

    def show_page(self, page: Page | None, item: int | None, marks_for: MarksFor) -> None:
        """The headlines and captions of `page`, the cursor on `item`."""
        items = page.items if page else ()
        self.headlines.show_items(items, marks_for, item)
        captions = [i for i in items if i.kind == "caption"]
        self.captions.show_captions(captions, marks_for, self.words.no_captions)

    def show_item(self, item: Item | None, marks_for: MarksFor, label: str) -> None:
        """`item` in the article pane under `label` (where it is), from its top."""
        self.article.show_item(item, marks_for, label, self.words.no_item)

    def restyle(self, marks_for: MarksFor) -> None:
        """Highlights or the theme changed: redraw the panes in place."""
        self.headlines.restyle()
        self.article.set_marks(marks_for)
        self.captions.set_marks(marks_for)

    def reveal(self, item_id: str, field: str, offset: int) -> None:
        """Scroll the article and the captions to character `offset` of a field."""
        self.article.reveal(item_id, field, offset)
        self.captions.reveal(item_id, field, offset)

    def fit(self, width: int, captions: bool, contents_on: bool) -> None:
        """Show the panes that fit `width` columns: the article always.

        Under `NARROW` columns the article is alone, or has the headlines beside it
        (`contents_on`); a page without `captions` gives their pane's room to the
        others. Set on the widgets at once, not through a class the next refresh
        would apply: a Tab right after a page key must see the panes of that page.
        """
        narrow = width < NARROW
        shown = {
            "#contents": not narrow or contents_on,
            "#pages": not narrow,
            "#captions": captions and not narrow,
        }
        contents_were = self.query_one("#contents").display
        for selector, display in shown.items():
            widget = self.query_one(selector)
            if widget.display != display:  # setting it restyles, even to the same value
                widget.display = display
        self.set_class(not captions, "-no-captions")
        if narrow and contents_were != shown["#contents"]:
            self._expect_article_width()

    def _expect_article_width(self) -> None:
        """Tell the article the width the next layout gives it beside the contents or not.

        The layout runs after the key that changed it; a key queued behind it
        (Space after `c`) must page the article as it will be laid out. The width
        is resolved from the styles reader.tcss gives `#contents` (narrow: a share
        of the body, at most so many columns).
        """
        contents = self.query_one("#contents")
        width = self.size.width
        if not width:
            return
        if contents.display:
            styles = contents.styles
            size, viewport = self.size, self.app.size
            wanted = styles.width.resolve(size, viewport) if styles.width else 0
            if styles.max_width is not None:
                wanted = min(wanted, styles.max_width.resolve(size, viewport))
            width -= int(wanted)
        self.article.expect_width(width)

    def focus_order(self) -> list[Widget]:
        """The panes in the order Tab walks them, shown or not."""
        return [self.pages, self.headlines, self.article, self.captions]
