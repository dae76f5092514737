"""`reader search` and `reader index`: the segmented index from the shell."""

from __future__ import annotations

from typing import Annotated

import typer

from reader.commands.common import reports_errors
from reader.errors import ReaderError


@reports_errors
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find; see `reader search --help`.")],
) -> None:
    """Search the library (not built yet).

    Example: reader search 数据
    """
    raise ReaderError("search is not built yet")


@reports_errors
def index(ctx: typer.Context) -> None:
    """Build or bring the search index up to date (not built yet).

    Example: reader index
    """
    raise ReaderError("index is not built yet")
