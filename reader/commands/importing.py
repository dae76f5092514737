"""`reader import`: file page text and PDF pages into the library."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reader.commands.common import reports_errors
from reader.errors import ReaderError


@reports_errors
def import_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Page files or folders.")],
) -> None:
    """Add page files to the library (not built yet).

    Example: reader import page1.txt --paper xuhui --issue 2025-03-28
    """
    raise ReaderError("import is not built yet")
