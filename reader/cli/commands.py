"""The commands of the `reader` CLI, one module per group; heavy imports stay inside.

This module names them without importing any (nor typer): `reader.cli.entry` decides
from it how to start, before typer is loaded.
"""

import os
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.library import Library

COMMANDS: dict[str, str] = {
    "parse": "pages:parse",
    "list": "pages:list_",
    "show": "pages:show",
    "search": "search:search",
    "index": "search:index",
    "read": "read:read",
    "import": "imports:import_",
    "completion": "completion:completion",
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


COMPLETE_VAR = "_READER_COMPLETE"
"""Set by the completion scripts (`reader completion SHELL`) when the shell asks for words."""

_VALUED = ("--library", "-L", "--color")
"""Global options that take a value (`reader.cli.options`)."""


def after_globals(argv: list[str]) -> list[str] | None:
    """The arguments after the global options that lead them; None when one lacks its value."""
    rest = argv
    while rest:
        arg = rest[0]
        if arg in _VALUED:
            if len(rest) < 2:
                return None
            rest = rest[2:]
        elif arg == "--version" or arg.startswith(("--library=", "--color=", "-L")):
            rest = rest[1:]
        else:
            break
    return rest


def invoked(argv: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    """The commands a run needs built: the one it names, none for the bare reader.

    Typer turns every registered command into a click command before it parses
    anything (about 20 ms for all of them, a tenth of a one-shot search), so a
    run that names its command builds only that one. Global options may come
    before it (or after: the command parses those). Help, other options before
    the command, unknown names and the shell asking for completions get them
    all, so the messages and the command list stay whole.
    """
    if COMPLETE_VAR in environ:
        return list(COMMANDS)
    rest = after_globals(argv)
    if not rest:
        return []
    first = rest[0]
    return [first] if first in COMMANDS else list(COMMANDS)


QUICK_EXIT = frozenset({"search", "list", "show", "parse"})
"""One-shot commands that leave no threads, children, open files or transactions."""


def chosen_library(option: str | None, create: bool = False) -> "Library":
    """The library chosen by `--library`, `$READER_LIBRARY`, config, `./issues` or the sample.

    `create`: a named folder that does not exist yet is fine (import makes it).
    """
    from reader.library import resolve_library

    def configured() -> str | None:
        # Asked only when neither --library nor $READER_LIBRARY names one: the
        # config module is not imported for a command that names its library.
        from reader.config import configured_library

        return configured_library()

    return resolve_library(option, create=create, configured=configured)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ReaderError(f"{option} {value!r}: expected a date like 1998-01-31") from None


def date_range(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """`--since` and `--until` as dates; one after the other is a usage error (it names nothing)."""
    first, last = _date(since, "--since"), _date(until, "--until")
    if first and last and first > last:
        raise ReaderError(f"--since {first} is after --until {last}: no issue is in between")
    return first, last


def paper_key(lib: "Library", value: str | None) -> str | None:
    """The paper `--paper` names, by folder name or by name; else a usage error naming the papers.

    A filter that names no paper would find nothing, and "nothing found" (exit 1)
    would hide the typing mistake.
    """
    if value is None:
        return None
    papers = lib.papers
    for paper in papers:
        if value == paper.key:
            return paper.key
    for paper in papers:
        if value == paper.name:
            return paper.key
    known = ", ".join(
        paper.key if paper.name == paper.key else f"{paper.key} ({paper.name})" for paper in papers
    )
    raise ReaderError(f"--paper {value!r}: no such paper; known: {known or 'none (empty library)'}")


def issue_key(lib: "Library", paper: str | None, value: str | None) -> str | None:
    """The issue folder `--issue` names (in `paper`, else in any paper); else a usage error.

    As with `--paper`: a typing mistake (`--issue 1998-1-3`) said "nothing found", exit 1.
    """
    if value is None:
        return None
    papers = [lib.paper(paper)] if paper is not None else lib.papers
    if any(lib.has_issue(found, value) for found in papers):
        return value
    where = f" of {paper}" if paper is not None else ""
    raise ReaderError(
        f"--issue {value!r}: no issue folder{where} has that name (reader list --ids shows them)"
    )


def decoded(value: str, what: str) -> str:
    """`value` of a command-line argument, unless it holds bytes the locale could not decode.

    数据 typed on a GBK terminal under a UTF-8 locale arrives as surrogate escapes:
    searched as they were, they found nothing (exit 1) or "nothing to search for in
    '\\udcca…'". A usage error naming the encoding instead.
    """
    if any("\udc80" <= char <= "\udcff" for char in value):
        from reader.printable import printable

        raise ReaderError(
            f"{what} is not text in this locale's encoding ({printable(value)}): "
            "set the terminal and LANG to UTF-8"
        )
    return value
