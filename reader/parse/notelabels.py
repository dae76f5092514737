"""An editor's note's label alone on its line (`编者：`, `编者按：`): a paragraph of its own."""

from __future__ import annotations

from itertools import compress
from operator import attrgetter

from reader.parse.kinds import Kind
from reader.parse.lines import Line

_LABELS = frozenset(
    f"{label}{colon}"
    for label in ("编者按", "编者", "编后", "编后记", "编者的话")
    for colon in "：:"
)


def mark_label_apart(lines: list[Line]) -> None:
    """An editor's label alone on its line (`编者：`, `编者按：`) is a paragraph: the line
    under it opens the next (`indent`, as a first line set in is marked).

    The corpus runs the label on into its note 19 times and sets it alone 6; run on, the
    label shares its printed line with the note's words, so a line that holds the label
    alone, short of any column, was set alone (whole-tex 580-08, whole-chrome 563: 10 of 10
    alone on the read pages). Its colon reads as leading on into the line under it.
    """
    body = Kind.BODY
    for i in list(
        compress(range(len(lines) - 1), map("编".__eq__, map(attrgetter("first"), lines)))
    ):
        line, nxt = lines[i], lines[i + 1]
        if line.text in _LABELS and line.kind is body and nxt.kind is body and not nxt.head:
            line.indent = nxt.indent = True
