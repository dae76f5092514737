"""A scrolling pane of wrapped text blocks with highlights, drawn line by line.

Only the visible lines are rendered (Textual's line API), so a 100,000-character
paragraph scrolls as fast as a short one, and wrapping is ours (`wrap.py`) so a
search span maps to the screen line that shows it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.printable import printable
from reader.tui.marks import CURRENT, HIT, WATCH, Mark, Marks
from reader.tui.settled import laid_out
from reader.tui.wrap import wrap

ROLES = ("kicker", "headline", "derived", "subtitle", "meta", "body", "label", "message")


_REVEAL_MARGIN = 3
"""Lines of context kept above a revealed search hit."""


class Block(NamedTuple):
    """One field of one item (or a label) as shown: text, role, where its spans live.

    `lead` is drawn before the first line (an indent, a bracket) and is not part
    of `text`, so span offsets into the field stay offsets into `text`.
    """

    text: str
    role: str = "body"
    item_id: str = ""
    field: str = ""
    lead: str = ""
    gap: bool = False


class _Line(NamedTuple):
    block: int
    start: int
    end: int
    first: bool


_BLANK = _Line(-1, 0, 0, False)
MarksFor = Callable[[str], Marks]


def _no_marks(item_id: str) -> Marks:
    return {}


class TextPane(ScrollView, can_focus=True, inherit_bindings=False):
    """Blocks of text wrapped at the pane width, with watch-word and search highlights.

    Its own keys only: ← → turn pages (the main screen's), there is nothing to scroll sideways.
    Every scroll is applied at once, not after the next refresh, so the key after
    it (Space at the end of an article, say) sees where it went.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"text-pane--{role}" for role in ROLES} | {
        "text-pane--watch",
        "text-pane--hit",
        "text-pane--current",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Up", show=False),
        Binding("down,j", "scroll_down", "Down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
        Binding("pageup", "paged(-1)", "Page up", show=False),
        Binding("pagedown", "paged(1)", "Page down", show=False),
    ]

    def __init__(self, *, id: str | None = None, max_width: int | None = None) -> None:
        super().__init__(id=id)
        self.max_width = max_width
        """The widest line in cells (None: the pane's width): a comfortable column."""
        self._blocks: tuple[Block, ...] = ()
        self._lines: list[_Line] = []
        self._first_line: list[int] = []
        self._width = 0
        self._marks_for: MarksFor = _no_marks
        self._marks: dict[tuple[str, str], tuple[list[int], list[Mark], int]] = {}
        self._item_marks: dict[str, Marks] = {}
        self._pending: tuple[int, int, int] | None = None
        self._strips: dict[int, Strip] = {}
        self._expected: tuple[int, int] | None = None

    @property
    def blocks(self) -> tuple[Block, ...]:
        """What the pane shows."""
        return self._blocks

    def show(self, blocks: Sequence[Block], marks_for: MarksFor | None = None) -> None:
        """Replace the content, back at the top."""
        self._blocks = tuple(
            Block(printable(b.text).replace("\t", " "), b.role, b.item_id, b.field, b.lead, b.gap)
            for b in blocks
        )
        self._pending = None
        self.set_marks(marks_for or self._marks_for)
        self._layout(force=True)
        self.scroll_to(0, 0, animate=False, immediate=True, force=True)

    def set_marks(self, marks_for: MarksFor) -> None:
        """Change the highlights without moving."""
        self._marks_for = marks_for
        self._marks.clear()
        self._item_marks.clear()
        self._strips.clear()
        for block in self._blocks:
            if block.item_id and block.field:
                self._marks_for_block(block)
        self.refresh()

    def _marks_for_block(self, block: Block) -> tuple[list[int], list[Mark], int]:
        """The block's marks; its item's (every field's) asked for once, not once a block:
        an item of 64,000 paragraphs with 40,000 hits built every field's marks for each
        paragraph, and the reader sat at "Searching…" for hours (audit25)."""
        key = (block.item_id, block.field)
        if key not in self._marks:
            every = self._item_marks.get(block.item_id)
            if every is None:
                every = self._item_marks[block.item_id] = self._marks_for(block.item_id)
            marks = sorted(every.get(block.field, ()))
            longest = max((e - s for s, e, _ in marks), default=0)
            self._marks[key] = ([s for s, _, _ in marks], marks, longest)
        return self._marks[key]

    def _block_index(self, item_id: str, field: str) -> int | None:
        return next(
            (n for n, b in enumerate(self._blocks) if b.item_id == item_id and b.field == field),
            None,
        )

    def _line_in_block(self, index: int, offset: int) -> int | None:
        line = self._first_line[index] if index < len(self._first_line) else None
        if line is None:
            return None
        while line + 1 < len(self._lines):
            nxt = self._lines[line + 1]
            if nxt.block != index or nxt.start > offset:
                break
            line += 1
        return line

    def line_of(self, item_id: str, field: str, offset: int) -> int | None:
        """The line showing character `offset` of a field, once laid out."""
        index = self._block_index(item_id, field)
        return None if index is None else self._line_in_block(index, offset)

    def reveal(self, item_id: str, field: str, offset: int) -> None:
        """Scroll so the line holding `offset` of a field is in view, 3 lines down."""
        index = self._block_index(item_id, field)
        if index is not None:
            # A fixed margin, not a share of the height: the search panel closing
            # changes the height as this runs, and the jump must land the same way.
            self._pending = (index, offset, _REVEAL_MARGIN)
            self._apply_pending()

    def _apply_pending(self) -> None:
        if self._pending is None or not self._width:
            return
        index, offset, margin = self._pending
        line = self._line_in_block(index, offset)
        self._pending = None
        if line is not None:
            self.scroll_to(0, max(0, line - margin), animate=False, immediate=True, force=True)

    def on_resize(self, event: Resize) -> None:
        """Rewrap at the new width, keeping roughly the same place."""
        self._layout()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Wrap first if the width is new: content shown before the first layout
        is wrapped here, so the first frame has it (the Resize event comes later)."""
        self._layout()
        return super().render_lines(crop)

    def expect_width(self, outer: int) -> None:
        """The next layout makes the pane `outer` columns wide: wrap at that from now.

        Until the layout catches up, so that a key handled before it (Space right
        after `c`) pages the text as it will be shown.
        """
        now = self.outer_size.width
        if now:
            chrome = now - self.scrollable_content_region.width
            self._expected = (now, max(outer - chrome, 0))

    @property
    def text_width(self) -> int:
        """The width text is wrapped at: the pane's, at most `max_width`."""
        width = self.scrollable_content_region.width
        if self._expected is not None:
            if self.outer_size.width == self._expected[0]:
                width = self._expected[1]
            else:  # laid out since
                self._expected = None
        return min(width, self.max_width) if self.max_width else width

    def _layout(self, force: bool = False) -> None:
        width = self.text_width
        if width <= 0:
            if force:  # not laid out yet: wrap when the width is known
                self._lines, self._first_line, self._width = [], [], 0
                self._strips.clear()
            return
        if width == self._width and not force:
            return
        top = self._lines[self.scroll_offset.y] if self.scroll_offset.y < len(self._lines) else None
        self._width = width
        lines: list[_Line] = []
        firsts: list[int] = []
        for index, block in enumerate(self._blocks):
            if block.gap and lines:
                lines.append(_BLANK)
            firsts.append(len(lines))
            spans = wrap(block.text, width, cell_len(block.lead))
            lines.extend(_Line(index, s, e, n == 0) for n, (s, e) in enumerate(spans))
        self._lines, self._first_line = lines, firsts
        self._strips.clear()
        self.virtual_size = Size(width, len(lines))
        if top is not None and not force and top.block >= 0:
            line = self._line_in_block(top.block, top.start) or 0
            self.scroll_to(0, line, animate=False, immediate=True, force=True)
        self._apply_pending()
        self.refresh()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"text-pane--{name}", partial=True)

    # Scrolling: at once and without animation (an animated jump through a long text
    # redraws every line on the way), from where the pane is now.

    def _scroll_to_line(self, y: int) -> None:
        self._layout()
        last = max(len(self._lines) - self.scrollable_content_region.height, 0)
        self.scroll_to(0, min(max(y, 0), last), animate=False, immediate=True, force=True)

    @property
    def at_top(self) -> bool:
        """The first line is in view."""
        return self.scroll_offset.y <= 0

    @property
    def at_end(self) -> bool:
        """The last line is in view."""
        self._layout()
        height = self.scrollable_content_region.height
        return self.scroll_offset.y + height >= len(self._lines)

    def page(self, step: int) -> None:
        """One screen down (`step` 1) or up (-1), keeping a line of the last screen."""
        height = self.scrollable_content_region.height
        self._scroll_to_line(self.scroll_offset.y + step * max(height - 1, 1))

    def action_scroll_up(self) -> None:
        """↑ and k: one line up."""
        self._scroll_to_line(self.scroll_offset.y - 1)

    def action_scroll_down(self) -> None:
        """↓ and j: one line down."""
        self._scroll_to_line(self.scroll_offset.y + 1)

    def action_scroll_home(self) -> None:
        """Home: the top."""
        self._scroll_to_line(0)

    def action_scroll_end(self) -> None:
        """End: the bottom."""
        self._scroll_to_line(len(self._lines))

    async def action_paged(self, step: int) -> None:
        """PgDn (1), PgUp (-1): one screen down or up, of the height it has once laid out."""
        await laid_out(self)
        self.page(step)

    @property
    def place(self) -> tuple[int, int]:
        """Where the top line of the view starts: block index and character offset.

        Saved instead of a line number, which changes with the width.
        """
        y = self.scroll_offset.y
        if not 0 <= y < len(self._lines):
            return 0, 0
        line = self._lines[y]
        if line.block < 0:  # a blank line between blocks: the block after it
            nxt = self._lines[y + 1] if y + 1 < len(self._lines) else None
            return (nxt.block, nxt.start) if nxt is not None else (0, 0)
        return line.block, line.start

    def scroll_to_place(self, block: int, offset: int) -> None:
        """Scroll so the line holding `offset` of block `block` is on top (see `place`)."""
        if not 0 <= block < len(self._blocks):
            return
        self._pending = (block, offset, 0)
        self._apply_pending()

    def notify_style_update(self) -> None:
        """The theme or CSS changed: drawn lines are stale."""
        self._strips.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        """One screen line: the slice of a block, styled by role and marks."""
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = scroll_y + y
        if number >= len(self._lines) or self._lines[number].block < 0:
            return Strip.blank(width, base)
        strip = self._strips.get(number)
        if strip is None:
            if len(self._strips) > 2000:
                self._strips.clear()
            strip = self._strips[number] = self._draw_line(number, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _draw_line(self, number: int, base: Style) -> Strip:
        line = self._lines[number]
        block = self._blocks[line.block]
        # The role is a span, not Text(style=...): Text.render drops the base style of
        # a text without spans.
        role = self._style(block.role)
        text = Text(block.text[line.start : line.end], end="")
        text.stylize(role)
        if block.item_id and block.field:
            self._stylize(text, block, line)
        if line.first and block.lead:
            lead = Text(block.lead, end="")
            lead.stylize(role)
            text = lead + text
        segments: list[Segment] = list(text.render(self.app.console))
        return Strip(segments, text.cell_len).apply_style(base)

    def _stylize(self, text: Text, block: Block, line: _Line) -> None:
        starts, marks, longest = self._marks_for_block(block)
        if not marks:
            return
        styles = {kind: self._style(kind) for kind in (WATCH, HIT, CURRENT)}
        first = bisect_left(starts, line.start - longest)
        last = bisect_left(starts, line.end)
        chosen = [m for m in marks[first:last] if m[1] > line.start]
        order = {WATCH: 0, HIT: 1, CURRENT: 2}
        for start, end, kind in sorted(chosen, key=lambda m: order[m[2]]):
            text.stylize(styles[kind], max(start, line.start) - line.start, end - line.start)
