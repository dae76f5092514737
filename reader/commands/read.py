"""`reader read` (and bare `reader`): open the TUI; Textual is imported only here."""

from __future__ import annotations

from typing import Annotated

import typer

from reader.commands.common import reports_errors
from reader.errors import ReaderError


@reports_errors
def read(
    ctx: typer.Context,
    target: Annotated[str | None, typer.Argument(help="An issue or item id.")] = None,
) -> None:
    """Open the reader (not built yet).

    Example: reader read xuhui/sample/01/4
    """
    raise ReaderError("the reader is not built yet: try `reader list` and `reader show`")
