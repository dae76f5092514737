"""The commands of the `reader` CLI, one module per group; heavy imports stay inside.

This module names them without importing any (nor typer): `reader.cli.entry` decides
from it how to start, before typer is loaded.
"""

COMMANDS: dict[str, str] = {
    "parse": "pages:parse",
    "list": "pages:list_",
    "show": "pages:show",
    "search": "search:search",
    "index": "search:index",
    "read": "read:read",
    "import": "imports:import_",
}
"""Command name to `module:function` under `reader.cli`, imported when built."""


def leading_library(argv: list[str]) -> tuple[str | None, list[str]] | None:
    """The `--library` value given before the command (`-L PATH`, `--library=PATH`,
    `-LPATH` too) and the arguments after it; None when the option lacks its value."""
    value, rest = None, argv
    while rest:
        arg = rest[0]
        if arg in ("--library", "-L"):
            if len(rest) < 2:
                return None
            value, rest = rest[1], rest[2:]
        elif arg.startswith(("--library=", "-L")):
            value, rest = arg.removeprefix("--library=").removeprefix("-L"), rest[1:]
        else:
            break
    return value, rest


def invoked(argv: list[str]) -> list[str]:
    """The commands a run needs built: the one it names, none for the bare reader.

    Typer turns every registered command into a click command before it parses
    anything (about 20 ms for all of them, a tenth of a one-shot search), so a
    run that names its command builds only that one. Help, options before the
    command other than `--library`, and unknown names get them all, so the
    messages and the command list stay whole.
    """
    found = leading_library(argv)
    if found is None or not found[1]:
        return []
    first = found[1][0]
    return [first] if first in COMMANDS else list(COMMANDS)


QUICK_EXIT = frozenset({"search", "list", "show", "parse"})
"""One-shot commands that leave no threads, children, open files or transactions."""
