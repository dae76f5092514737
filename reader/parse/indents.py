"""Whether a page sets the first line of its paragraphs in (for the caption search in
`reader.parse.captions`)."""

from __future__ import annotations

from reader.parse.kinds import Kind
from reader.parse.lines import Line


def page_indents(lines: list[Line], told: list[bool]) -> bool:
    """`_indents(lines)`, taken once a page and only for a page that asks."""
    if not told:
        told.append(_indents(lines))
    return told[0]


def _indents(lines: list[Line]) -> bool:
    """The page sets a paragraph's first line in: most lines after a closed short one are short.
    Counted over body lines inside blocks; a page of unindented paragraphs (some
    extractors, text from the web) has them full."""
    after = indented = 0
    body = Kind.BODY
    for k in range(1, len(lines)):
        prev, line = lines[k - 1], lines[k]
        if not (prev.closes and prev.kind is body and line.kind is body) or line.closes:
            continue
        if line.hint or line.head or prev.head or not prev.short:
            continue  # (`short` measures the column: the costly test last)
        after += 1
        indented += line.short
    return after >= 4 and indented >= 0.6 * after
