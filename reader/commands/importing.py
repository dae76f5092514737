"""`reader import`: file page text and PDF pages into the library."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reader.commands.common import library, reports_errors, stderr, stdout
from reader.errors import ReaderError

if TYPE_CHECKING:  # loaded on use, so other commands start fast
    from reader.library import Library


def _target(ctx: typer.Context) -> Library:
    """The library to write to. A folder named with --library or READER_LIBRARY
    that does not exist yet is fine when its parent does: import creates it."""
    from reader.library import Library

    option = ctx.obj.get("library") if isinstance(ctx.obj, dict) else None
    chosen = option or os.environ.get("READER_LIBRARY")
    if chosen:
        root = Path(chosen).expanduser()
        if not root.exists() and root.parent.is_dir():
            return Library(root)
    return library(ctx)


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    console = stderr()
    if not console.is_terminal or total < 2:
        yield lambda _name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda name: bar.update(task, advance=1, description=f"{label} {name}")


@reports_errors
def import_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Page files (.txt, .pdf) or folders.")],
    paper: Annotated[str, typer.Option("--paper", "-p", help="Paper folder key, e.g. rmrb.")],
    issue: Annotated[
        str | None,
        typer.Option("--issue", "-i", help="Issue: an ISO date or any key (else from names)."),
    ] = None,
    page: Annotated[
        int | None, typer.Option("--page", help="Page number, for a single page.")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite pages that exist with other content.")
    ] = False,
    name: Annotated[
        str | None, typer.Option("--name", help="Display name for a new paper.")
    ] = None,
) -> None:
    """Add page files to the library: text pages and e-paper PDFs (one page each).

    Example: reader import rmrb-1998-01-01.pdf --paper rmrb
    """
    from reader.importer import apply, plan_import, update_index
    from reader.sources import expand

    lib = _target(ctx)
    files = expand(paths)
    with _progress(len(files), "reading") as tick:
        plan = plan_import(
            lib,
            paths,
            paper=paper,
            issue=issue,
            page=page,
            replace=replace,
            name=name,
            tick=tick,
            files=files,
        )
    changed = len(plan.pages) - plan.count("same")
    with _progress(changed, "writing") as tick:
        apply(plan, tick)
    out = stdout()
    for key in plan.dates:
        mine = [p for p in plan.pages if p.issue == key]
        added = sorted(p.number for p in mine if p.action == "add")
        replaced = sorted(p.number for p in mine if p.action == "replace")
        same = sorted(p.number for p in mine if p.action == "same")
        parts = [
            f"{label} {_numbers(found)}"
            for label, found in (("added", added), ("replaced", replaced), ("unchanged", same))
            if found
        ]
        out.print(f"{paper}/{key}: " + "; ".join(parts), soft_wrap=True)
    for placed in plan.pages:
        if placed.source.empty:
            sys.stderr.write(
                f"reader: {placed.source.origin}: no text on this page (no OCR); "
                f"filed as an empty page {placed.number}\n"
            )
    if changed:
        try:
            update_index(lib)
        except ReaderError as err:
            raise ReaderError(
                f"pages imported, but the index was not updated: {err.message} (run `reader index`)"
            ) from None


def _numbers(found: list[int]) -> str:
    word = "page" if len(found) == 1 else "pages"
    return f"{word} " + ", ".join(str(n) for n in found)
