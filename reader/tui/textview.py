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


class TextPane(ScrollView, can_focus=True):
    """Blocks of text wrapped at the pane width, with watch-word and search highlights."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"text-pane--{role}" for role in ROLES} | {
        "text-pane--watch",
        "text-pane--hit",
        "text-pane--current",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b", "page_up", "Page up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._blocks: tuple[Block, ...] = ()
        self._lines: list[_Line] = []
        self._first_line: list[int] = []
        self._width = 0
        self._marks_for: MarksFor = _no_marks
        self._marks: dict[tuple[str, str], tuple[list[int], list[Mark], int]] = {}
        self._pending: tuple[str, str, int] | None = None
        self._strips: dict[int, Strip] = {}

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
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_marks(self, marks_for: MarksFor) -> None:
        """Change the highlights without moving."""
        self._marks_for = marks_for
        self._marks.clear()
        self._strips.clear()
        for block in self._blocks:
            if block.item_id and block.field:
                self._marks_for_block(block)
        self.refresh()

    def _marks_for_block(self, block: Block) -> tuple[list[int], list[Mark], int]:
        key = (block.item_id, block.field)
        if key not in self._marks:
            marks = sorted(self._marks_for(block.item_id).get(block.field, ()))
            longest = max((e - s for s, e, _ in marks), default=0)
            self._marks[key] = ([s for s, _, _ in marks], marks, longest)
        return self._marks[key]

    def line_of(self, item_id: str, field: str, offset: int) -> int | None:
        """The line showing character `offset` of a field, once laid out."""
        for index, block in enumerate(self._blocks):
            if block.item_id == item_id and block.field == field:
                line = self._first_line[index] if index < len(self._first_line) else None
                if line is None:
                    return None
                while line + 1 < len(self._lines):
                    nxt = self._lines[line + 1]
                    if nxt.block != index or nxt.start > offset:
                        break
                    line += 1
                return line
        return None

    def reveal(self, item_id: str, field: str, offset: int) -> None:
        """Scroll so the line holding `offset` of a field is in view, 3 lines down."""
        self._pending = (item_id, field, offset)
        self._apply_pending()

    def _apply_pending(self) -> None:
        if self._pending is None or not self._width:
            return
        line = self.line_of(*self._pending)
        self._pending = None
        if line is not None:
            # A fixed margin, not a share of the height: the search panel closing
            # changes the height as this runs, and the jump must land the same way.
            top = max(0, line - _REVEAL_MARGIN)
            self.scroll_to(0, top, animate=False, immediate=True)

    def on_resize(self, event: Resize) -> None:
        """Rewrap at the new width, keeping roughly the same place."""
        self._layout()

    def render_lines(self, crop: Region) -> list[Strip]:
        """Wrap first if the width is new: content shown before the first layout
        is wrapped here, so the first frame has it (the Resize event comes later)."""
        self._layout()
        return super().render_lines(crop)

    def _layout(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width
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
            self.scroll_to(0, self._first_line[top.block], animate=False, immediate=True)
        self._apply_pending()
        self.refresh()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"text-pane--{name}", partial=True)

    # Jumps move at once: an animated jump through a long text redraws every line on the way.
    def action_scroll_home(self) -> None:
        """Home: the top."""
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        """End: the bottom."""
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        """PgDn and Space: one screen down."""
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        """PgUp and b: one screen up."""
        self.scroll_page_up(animate=False)

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
