"""Whether output is styled: `--color`, else `NO_COLOR`, `FORCE_COLOR`, else a terminal.

No typer, no Rich here: the plain path of `reader search` asks it before loading either.
"""

from __future__ import annotations

import os
import sys

CHOICES = ("auto", "always", "never")

_chosen = ["auto"]
"""The `--color` of this run (set once its options are parsed)."""


def choose(when: str) -> None:
    """Record `--color WHEN` for the rest of the run."""
    _chosen[0] = when


def chosen() -> str:
    """The `--color` of this run: auto, always or never."""
    return _chosen[0]


def styled() -> bool:
    """Whether stdout gets colour: the option wins, then NO_COLOR, FORCE_COLOR, a terminal.

    As no-color.org and force-color.org have it, an empty variable counts as unset.
    """
    when = _chosen[0]
    if when != "auto":
        return when == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()
