"""The commands of the `reader` CLI, one module per group; heavy imports stay inside.

This module names them without importing any (nor typer): `reader.entry` decides
from it how to start, before typer is loaded.
"""

COMMANDS: dict[str, str] = {
    "parse": "pages:parse",
    "list": "pages:list_",
    "show": "pages:show",
    "search": "search:search",
    "index": "search:index",
    "read": "read:read",
    "import": "importing:import_",
}
"""Command name to `module:function` under `reader.commands`, imported when built."""


def invoked(argv: list[str]) -> list[str]:
    """The commands a run needs built: the one it names, none for the bare reader.

    Typer turns every registered command into a click command before it parses
    anything (about 20 ms for all of them, a tenth of a one-shot search), so a
    run that names its command builds only that one. Help, options before the
    command other than `--library`, and unknown names get them all, so the
    messages and the command list stay whole.
    """
    args = iter(argv)
    for arg in args:
        if arg in ("--library", "-L"):
            next(args, None)
        elif arg.startswith(("--library=", "-L")):
            continue
        elif arg in COMMANDS:
            return [arg]
        else:
            return list(COMMANDS)
    return []


QUICK_EXIT = frozenset({"search", "list", "show", "parse"})
"""One-shot commands that leave no threads, children, open files or transactions."""
