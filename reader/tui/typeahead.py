"""Enter typed while the reader starts stays Enter.

Until Textual puts the terminal in raw mode (imports and the first frame: a second
or more on a loaded machine), the terminal's line discipline turns each Enter typed
ahead (a carriage return) into a line feed, which Textual then reads as Ctrl+J:
`/数据⏎` typed as the reader started left the query in the search line, unsearched,
and the keys after it typed into the query. `keep_enter` turns that translation
(ICRNL) off as soon as the command line is known to open the reader; once Textual
has the terminal, `hand_back` makes what it gives back at the end and on Ctrl+Z the
settings the shell left, and `restore` gives them back when the reader never started.

No Textual here: this runs before it is imported.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_before: list[Any] | None = None
"""The terminal's settings before `keep_enter` changed them."""


def keep_enter() -> None:
    """Turn off the terminal's carriage-return-to-newline translation of input."""
    global _before
    stdin = sys.__stdin__
    if _before is not None or stdin is None:
        return
    try:
        import termios

        fd = stdin.fileno()
        if not os.isatty(fd):
            return
        before = termios.tcgetattr(fd)
        after = list(before)
        after[0] = before[0] & ~termios.ICRNL
        termios.tcsetattr(fd, termios.TCSANOW, after)
    except (ImportError, OSError, ValueError):  # termios.error is an OSError
        return
    _before = before


def hand_back(driver: object) -> None:
    """Textual's terminal settings to restore (at the end, on Ctrl+Z): the shell's."""
    if _before is not None and getattr(driver, "attrs_before", None) is not None:
        driver.attrs_before = list(_before)  # type: ignore[attr-defined]


def restore() -> None:
    """The shell's settings back (the reader quit, or never started)."""
    global _before
    before, _before = _before, None
    stdin = sys.__stdin__
    if before is None or stdin is None:
        return
    try:
        import termios

        termios.tcsetattr(stdin.fileno(), termios.TCSANOW, before)
    except (ImportError, OSError, ValueError):
        pass
