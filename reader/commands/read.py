"""`reader read` (and bare `reader`): open the TUI; Textual is imported only here."""

from __future__ import annotations

import gc
import sys
from typing import Annotated

import typer

from reader.commands.common import library, reports_errors
from reader.errors import ReaderError


def is_terminal() -> bool:
    """Both ends of the session are a terminal (a full-screen app needs one)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@reports_errors
def read(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(metavar="[ISSUE|ITEM]", help="paper/issue, paper/issue/page or an item id."),
    ] = None,
    page: Annotated[int | None, typer.Option("--page", "-p", min=1, help="Open at page N.")] = None,
    highlight: Annotated[
        str | None,
        typer.Option("--highlight", help="Watch-words to highlight, comma-separated: 数据,徐汇."),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help="Open with this search done.")
    ] = None,
) -> None:
    """Open the reader on the latest issue, the last position, or ISSUE / ITEM.

    Example: reader read xuhui/sample/01/4 --highlight 数据,徐汇
    """
    if not is_terminal():
        raise ReaderError("the reader needs a terminal; for plain text use `reader show ID`")
    # Starting the TUI allocates a great deal and frees little: a full collection
    # (20 ms) fell just before the first frame. The App turns collection back on
    # after that frame, freezing what start-up made (see ReaderApp._started).
    gc.disable()
    from reader.tui.launch import build_app

    app = build_app(library(ctx), target, page=page, highlight=highlight or (), search=search)
    app.run()
