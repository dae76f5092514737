"""Where a byline line stands: alone over the text, at the end of a byline block, or
wrapped at the column's edge. Measured from the glyph boxes of the lines around it."""

from __future__ import annotations

import re

from reader.importing.names import is_name_line
from reader.importing.paragraphs import INDENT
from reader.importing.typography import CLOSERS, MARKERS, TypeLine, is_byline

# A jump line: `（上接第一版）` opens a story's text on its page, `（下转第二版）` closes it.
_JUMP = re.compile(r"^[（(][上下][转接]第?\S{1,3}版[）)]$")
_RAGGED = 0.25  # ems short of the line under it: a byline set apart, not justified text


def alone(line: TypeLine, nxt: TypeLine | None, body: float, after: TypeLine | None = None) -> bool:
    """The line stands alone (a byline), not the full first line of a paragraph that
    happens to start with a dateline: it ends short of the line below it (justified
    running text ends at the column's edge; a quarter em short is set apart), or the
    line below starts a paragraph (indented against it), or it reaches an em past the
    edge of the column below (the line below ends there: the one after it does too, or
    it opens a paragraph that runs on): set centred over the story's columns; or it is
    set in another face than the line below (a dateline in Kai over a Song paragraph);
    or the line below is a jump line."""
    if nxt is None or not nxt.plain(body) or abs(nxt.x0 - line.x0) > 3 * body:
        return True
    if line.face != nxt.face:
        return True  # a dateline in Kai over a Song paragraph: set apart by its face
    # The line below ends at the column's edge: the one after it ends there too, or it
    # opens a paragraph (indented against the one after it) that runs on.
    if (
        after is not None
        and line.x1 - nxt.x1 > body
        and abs(after.x0 - nxt.x0) < 3 * body
        and (abs(after.x1 - nxt.x1) < 0.5 * body or nxt.x0 - after.x0 >= body)
    ):
        return True
    if is_byline(nxt.text) or nxt.text[0] in MARKERS or _JUMP.match(nxt.text):
        return True  # a byline block (reporters, then the dateline), a marked paragraph,
        # or a jump line (`（上接第一版）`) set on a line of its own
    hung = 0.6 * body if line.text[-1] in CLOSERS else 0.0  # its x1 is the mark's ink
    return nxt.x1 - line.x1 - hung > _RAGGED * body or nxt.x0 - line.x0 >= INDENT * body


def ends_block(line: TypeLine, nxt: TypeLine | None, body: float) -> bool:
    """A dateline under a byline that ends short of the line below it, set flush with
    it: the byline block's last line, not a paragraph's first (which is indented, or
    runs on to the column's edge)."""
    return nxt is None or (nxt.x1 - line.x1 > 0.5 * body and line.x0 - nxt.x0 < INDENT * body)


def byline_wraps(line: TypeLine, nxt: TypeLine, body: float) -> bool:
    """`nxt` is the end of a byline that filled its narrow column: a short line in the
    same type under it that makes a longer byline of it (通讯员 宋 / 超磊)."""
    text = " ".join(line.text.split())
    return (
        # Body type, or the line's own: a byline in a heavier face (Hei) reads bold.
        (nxt.plain(body) or _same_type(line, nxt, body))
        and len(nxt.text.replace(" ", "")) <= 4
        and not nxt.hint
        and _flush_or_centred(line, nxt, body)
        and nxt.x1 < line.x1 - 1.5 * body
        and (
            is_byline(text + nxt.text)
            or is_byline(f"{text} {nxt.text}")
            or (is_name_line(text) and is_name_line(text + nxt.text))
        )
    )


def _same_type(line: TypeLine, nxt: TypeLine, body: float) -> bool:
    """`nxt` is set in the size, weight and face of `line`."""
    same_size = abs(nxt.size - line.size) <= 0.06 * body
    return same_size and (nxt.bold, nxt.face) == (line.bold, line.face)


def _flush_or_centred(line: TypeLine, nxt: TypeLine, body: float) -> bool:
    """`nxt` starts where `line` does, or is centred under it as the stack is."""
    return abs(nxt.x0 - line.x0) < 0.5 * body or abs(nxt.x0 + nxt.x1 - line.x0 - line.x1) < body


def name_wraps(line: TypeLine, nxt: TypeLine, edge: float, text: str, body: float) -> bool:
    """`nxt` is the rest of a byline of names and desks (`text` so far) that filled its
    measure (`line` reaches `edge`, the right edge of the text under it) and went on in
    the same type, flush or centred, no wider: `新华社记者刘建新中央人民广播电` / `台记者
    胡训军本报记者郭嘉`. Two bylines set one a line stay two (neither fills the measure)."""
    return (
        _same_type(line, nxt, body)
        and not nxt.hint
        and line.x1 >= edge - 0.5 * body
        and nxt.x1 - nxt.x0 <= line.x1 - line.x0 + 0.5 * body
        and _flush_or_centred(line, nxt, body)
        and is_name_line("".join(text.split()) + "".join(nxt.text.split()))
    )


def end_name(line: TypeLine, tail: list[TypeLine], body: float) -> bool:
    """A writer's name set flush right under a story's closed last line (`tail`: the
    story's last body lines): its byline, printed at the end (`王伟`, `（本报记者 张三）`,
    which Chromium sets apart as a block of its own).
    Set apart by the PDF: body type, well in from the column's left edge and ending at
    its right edge, as no line of running text does."""
    if not tail or not tail[-1].closes or not line.plain(body) or len(line.text) > 24:
        return False
    col = [t for t in tail if t.x0 <= line.x0 and t.x1 >= line.x1 - body]
    if not col or not (is_name_line(line.text) or is_byline(line.text)):
        return False
    left, right = min(t.x0 for t in col), max(t.x1 for t in col)
    hung = 0.6 * body if line.text[-1] in CLOSERS else 0.0  # its x1 is the mark's ink
    return line.x0 - left >= 3 * body and -0.5 * body <= right - line.x1 <= 0.5 * body + hung
