"""The contents pane: the pages of the issue and the headlines of the current page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.binding import Binding, BindingType
from textual.content import Content, Span
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Item, Page
from reader.printable import printable
from reader.tui.marks import Marks
from reader.tui.settled import laid_out
from reader.tui.textview import MarksFor
from reader.tui.wrap import wrap

TAGS = {"article": "  ", "caption": "图", "brief": "讯"}
LONGEST = 200  # a headline longer than this is a parsing accident: the list shows its start
_STYLE_NAMES = ("tag", "derived", "watch", "hit", "current")
_MARK_ORDER = {"watch": 0, "hit": 1, "current": 2}
# Told at once, not by a message, that the cursor moved to option `index` (`open`: Enter
# or a click). A message would reach the screen after keys already queued behind it, so
# those keys would be handled against the position before the move.
Chosen = Callable[[int, bool], None]
_VIM_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
]


def page_label(page: Page) -> Content:
    """`第N版` and the page's first printed headline, for the page list."""
    lead = next((item.headline for item in page.items if item.headline), None)
    text = f"第{page.page}版"
    if lead:
        return Content.assemble(text, "  ", (printable(lead), ".pages--lead"))
    return Content(text)


def resolved_styles(widget: Widget, prefix: str, names: Iterable[str]) -> dict[str, Style]:
    """Component styles of a widget, resolved now, for spans of prompts it shows.

    Not `.class` strings in the spans: those resolve through partial visual styles,
    which drop an opaque background (the ground of a search hit).
    """
    return {
        name: Style.from_rich_style(
            widget.get_component_rich_style(f"{prefix}--{name}", partial=True)
        )
        for name in names
    }


def headline_prompt(
    item: Item, marks: Marks, width: int, styles: Mapping[str, Style | str] = {}
) -> Content:
    """An item in the headline list, wrapped at `width` cells under a kind tag.

    Captions are tagged 图 and briefs 讯 in a column of their own; a derived
    headline (made up by reader, not printed) is dim, italic and in 〔〕.
    `styles` maps tag, derived, watch, hit and current to styles.
    """
    if item.headline:
        title, field, role, lead, trail = item.headline, "headline", None, "", ""
    else:
        title = item.derived_headline or item.id
        field, role, lead, trail = "derived_headline", styles.get("derived"), "〔", "〕"
    lead = (f"{item.marker} " if item.marker else "") + lead
    if len(title) > LONGEST:
        title, trail = title[:LONGEST], "…" + trail
    body = printable(lead + title + trail)
    spans_in_body: list[tuple[int, int, Style | str]] = [(0, len(body), role)] if role else []
    shift = len(lead)
    for start, end, kind in sorted(marks.get(field, ()), key=lambda m: _MARK_ORDER[m[2]]):
        if kind in styles:
            spans_in_body.append((shift + start, shift + min(end, len(title)), styles[kind]))
    tag = TAGS[item.kind]
    lines = wrap(body, max(width - cell_len(tag), 2))
    text_parts: list[str] = []
    spans = [Span(0, len(tag), styles["tag"])] if "tag" in styles else []
    offset = 0
    for number, (start, end) in enumerate(lines):
        prefix = tag if number == 0 else " " * cell_len(tag)
        if number:
            text_parts.append("\n")
            offset += 1
        text_parts.append(prefix + body[start:end])
        base = offset + len(prefix) - start
        for s, e, style in spans_in_body:
            if s < end and e > start:
                spans.append(Span(base + max(s, start), base + min(e, end), style))
        offset += len(prefix) + end - start
    return Content("".join(text_parts), spans, strip_control_codes=False)


def _same(shown: object, prompt: Content) -> bool:
    """Whether a prompt shown is `prompt`, styles included (`Content ==` compares text only)."""
    return (
        isinstance(shown, Content) and shown.plain == prompt.plain and shown.spans == prompt.spans
    )


class PagedList(OptionList):
    """An OptionList whose page keys wait for its layout (`settled`).

    A list shown by one key of a burst (`c` on a narrow screen) has no size until
    the screen is laid out; Textual's page move would then fail (KeyError). Still
    without room (hidden), the key does nothing.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pageup", "paged(-1)", "Page up", show=False),
        Binding("pagedown", "paged(1)", "Page down", show=False),
    ]

    async def action_paged(self, step: int) -> None:
        """PgUp (-1), PgDn (1): the cursor a page up or down."""
        await laid_out(self)
        if not self.scrollable_content_region:
            return
        if step < 0:
            self.action_page_up()  # type: ignore[no-untyped-call]
        else:
            self.action_page_down()  # type: ignore[no-untyped-call]


class ChoiceList(PagedList):
    """A list whose cursor is a position of the reader: every move is reported at once."""

    BINDINGS: ClassVar[list[BindingType]] = _VIM_KEYS

    def __init__(self, chosen: Chosen | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._chosen = chosen

    def watch_highlighted(self, highlighted: int | None) -> None:
        """The cursor moved (a key, a click, or the screen showing a position)."""
        if highlighted is None:
            return
        self.scroll_to_highlight()
        if self._chosen is not None:
            self._chosen(highlighted, False)

    def action_select(self) -> None:
        """Enter or a click: choose the option under the cursor."""
        if self.highlighted is not None and self._chosen is not None:
            self._chosen(self.highlighted, True)


class PageList(ChoiceList):
    """The pages of the issue; moving the cursor turns the page."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pages--lead"}

    def show_pages(self, pages: Sequence[Page], current: int) -> None:
        """List the pages, with the cursor on the current one."""
        self.set_options(Option(page_label(page), id=str(n)) for n, page in enumerate(pages))
        if pages:
            self.highlighted = current


class Headlines(ChoiceList):
    """The items of the current page; moving the cursor shows an item, Enter opens it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "headlines--tag",
        "headlines--derived",
        "headlines--watch",
        "headlines--hit",
        "headlines--current",
    }

    def __init__(self, chosen: Chosen | None = None, *, id: str | None = None) -> None:
        super().__init__(chosen, id=id)
        self._items: Sequence[Item] = ()
        self._marks_for: MarksFor | None = None
        self._width = 0
        self._styles: dict[str, Style] = {}
        self._made: dict[str, tuple[Marks, Content]] = {}

    def _prompts(self) -> list[Content]:
        """A prompt per item; one made before for the same marks, width and styles is reused."""
        marks_for = self._marks_for
        width = self.scrollable_content_region.width
        styles = resolved_styles(self, "headlines", _STYLE_NAMES)
        if width != self._width or styles != self._styles:
            self._made.clear()
        self._width, self._styles = width, styles
        made = self._made
        prompts = []
        for item in self._items:
            marks = marks_for(item.id) if marks_for else {}
            known = made.get(item.id)
            if known is None or known[0] != marks:
                known = made[item.id] = (marks, headline_prompt(item, marks, width, styles))
            prompts.append(known[1])
        return prompts

    @property
    def prompt_styles(self) -> dict[str, Style]:
        """The styles the prompts were built with, by name (tag, derived, watch, hit, current)."""
        return dict(self._styles)

    def show_items(self, items: Sequence[Item], marks_for: MarksFor, current: int | None) -> None:
        """List a page's items, with the cursor on `current`."""
        self._items, self._marks_for = items, marks_for
        self._made.clear()
        self.set_options(Option(prompt, id=str(n)) for n, prompt in enumerate(self._prompts()))
        if current is not None and items:
            self.highlighted = current

    def restyle(self) -> None:
        """Highlights or width changed: new prompts, same cursor and scroll.

        Only the prompts that changed are replaced, and while their text (so their
        height) stays, only their drawn lines are dropped, not the list's layout:
        replacing every prompt re-measured the whole list at each `n`, 4.6 s a hit
        on a page of 10,000 items (found under tmux).
        """
        options = self.options
        changed = [
            (option, prompt)
            for option, prompt in zip(options, self._prompts(), strict=True)
            if not _same(option.prompt, prompt)
        ]
        if not changed:
            return
        heights_kept = all(
            isinstance(shown := option.prompt, Content) and shown.plain == prompt.plain
            for option, prompt in changed
        )
        for option, prompt in changed:
            option._set_prompt(prompt)
        if heights_kept:
            self._option_render_cache.clear()
            self.refresh()
        else:
            self._clear_caches()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Rewrap the headlines if the width changed since they were made.

        Here rather than on Resize: headlines shown before the first layout are
        wrapped at the real width in the first frame.
        """
        if self._items and self.scrollable_content_region.width != self._width:
            self.restyle()
        return super().render_lines(crop)
