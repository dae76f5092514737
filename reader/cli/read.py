"""`reader read` (and bare `reader`): open the TUI; Textual is imported only here."""

from __future__ import annotations

from typing import Annotated

import typer

from reader.cli.common import library, reports_errors
from reader.cli.completion import ids


@reports_errors
def read(
    ctx: typer.Context,
    target: Annotated[
        str | None,
        typer.Argument(
            metavar="[ISSUE|ITEM]",
            help="paper/issue, paper/issue/page or an item id.",
            autocompletion=ids,
        ),
    ] = None,
    page: Annotated[
        int | None, typer.Option("--page", "-p", min=1, metavar="N", help="Open at page N.")
    ] = None,
    highlight: Annotated[
        str | None,
        typer.Option(
            "--highlight",
            metavar="WORDS",
            help="Watch-words to highlight, comma-separated: 数据,徐汇.",
        ),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", "-s", metavar="QUERY", help="Open with this search done."),
    ] = None,
) -> None:
    """Open the reader on the latest issue, the last position, or ISSUE / ITEM.

    Example: reader read xuhui/sample/01/4 --highlight 数据,徐汇

    Exit codes: 0 closed, 1 no such issue, page or item, 2 a bad id or library,
    or not a terminal.
    """
    from reader.cli.commands import decoded
    from reader.tui.launch import open_reader

    search = None if search is None else decoded(search, "--search")
    highlight = None if highlight is None else decoded(highlight, "--highlight")
    open_reader(library(ctx), target, page=page, highlight=highlight or (), search=search)
