"""`reader import`: file page text and PDF pages into the library."""

import itertools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from typer._click.core import Parameter
from typer.models import Context, TyperPath

from reader.cli.common import Report, library, progress, reports_errors, stdout
from reader.cli.completion import papers
from reader.errors import ReaderError


class _PagePath(TyperPath):
    """A file or folder to import; an empty one is refused, not read as `.`.

    `Path("")` is `.`: `reader import "$DIR" --paper p` with DIR unset filed every
    page file of the current folder.
    """

    def convert(  # type: ignore[override]  # (as TyperPath's own: typer's Context)
        self, value: str | os.PathLike[str], param: Parameter | None, ctx: Context | None
    ) -> str | bytes | os.PathLike[str]:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty path names no file", param, ctx)
        return super().convert(value, param, ctx)


def _ticks(report: "Report | None", total: int) -> Callable[[str], None]:
    """A per-file tick (`tick(name)`) that moves the bar one step."""
    done = itertools.count(1)
    if report is None:
        return lambda _name: None
    return lambda name: report(next(done), total, name)


@reports_errors
def import_(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Page files (.txt, .pdf) or folders.",
            click_type=_PagePath(path_type=Path, readable=False),
        ),
    ],
    paper: Annotated[
        str,
        typer.Option(
            "--paper",
            "-p",
            metavar="PAPER",
            help="Paper folder key, e.g. rmrb.",
            autocompletion=papers,
        ),
    ],
    issue: Annotated[
        str | None,
        typer.Option(
            "--issue",
            "-i",
            metavar="ISSUE",
            help="Issue: an ISO date or any key (else from names).",
        ),
    ] = None,
    page: Annotated[
        int | None, typer.Option("--page", metavar="N", help="Page number, for a single page.")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite pages that exist with other content.")
    ] = False,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="NAME",
            help="Display name for a new paper (a paper with another name is refused).",
        ),
    ] = None,
) -> None:
    """Add page files to the library: text pages and e-paper PDFs (one page each).

    Example: reader import rmrb-1998-01-01.pdf --paper rmrb

    Exit codes: 0 imported, 2 unreadable input, a clash with filed pages (see
    --replace), or another --name for an existing paper.
    """
    from reader.importing.importer import apply, import_lock, plan_import, update_index
    from reader.importing.sources import expand
    from reader.printable import one_line, printable

    lib = library(ctx, create=True)
    files = expand(paths)
    with import_lock(lib):  # planned and written as one step: no other import between
        with progress("reading") as report:
            tick = _ticks(report, len(files))
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
        with progress("writing") as report:
            apply(plan, _ticks(report, changed))
    out = stdout(to_the_end=True)  # `| head -1`: the index is still brought up to date
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
        out.print(printable(f"{paper}/{key}: " + "; ".join(parts)), soft_wrap=True)
    for placed in plan.pages:
        for note in placed.source.notes:
            sys.stderr.write(f"reader: {one_line(placed.source.origin)}: {one_line(note)}\n")
        if placed.source.empty:
            sys.stderr.write(
                f"reader: {one_line(placed.source.origin)}: no text on this page (no OCR); "
                f"filed as an empty page {placed.number}\n"
            )
    if changed:
        try:
            update_index(lib, [(plan.paper, key) for key in plan.dates])
        except (ReaderError, OSError) as err:  # OSError: `.reader` a file, say
            from reader.files import os_message

            why = err.message if isinstance(err, ReaderError) else os_message(err)
            # A full disk's message already says `reader index` builds the index again.
            hint = "" if "`reader index`" in why else " (run `reader index`)"
            raise ReaderError(
                f"pages imported, but the index was not updated: {why}{hint}"
            ) from None


def _numbers(found: list[int]) -> str:
    word = "page" if len(found) == 1 else "pages"
    return f"{word} " + ", ".join(str(n) for n in found)
