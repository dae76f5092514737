"""`reader parse`, `reader list` and `reader show`: pages and items from the shell."""

import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reader.cli.common import (
    date_range,
    library,
    paper_key,
    reports_errors,
    stdout,
)
from reader.cli.completion import PaperOption, SinceOption, UntilOption, ids
from reader.errors import Exit, ReaderError

# The parser, renderers and Rich's table load inside the commands that use
# them: every command module is imported on every start, `reader search` too.
if TYPE_CHECKING:
    from rich.console import Console

    from reader.library import Issue
    from reader.model import Page


class Format(StrEnum):
    """Output formats of `reader show`."""

    text = "text"
    markdown = "markdown"
    json = "json"


def _context_of(path: Path) -> tuple[str, str, int]:
    """Paper, issue and page for a file: from the library layout when it is in one."""
    from reader.library import is_library

    stem = path.stem
    number = int(stem) if stem.isdigit() else 1
    parent = Path(os.path.realpath(path)).parent  # not Path.resolve: a symlink loop raised
    if stem.isdigit() and is_library(parent.parent.parent):
        return parent.parent.name, parent.name, number
    return parent.name, stem, number


@reports_errors
def parse(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="A page text file, or - for stdin.", readable=False),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Page as JSON.")] = False,
) -> None:
    """Parse one page file into articles, captions and briefs.

    Example: reader parse issues/xuhui/sample/01.txt --json

    Exit codes: 0 parsed, 2 a file that cannot be read or is not page text.
    """
    from reader.cli.render import page_renderable
    from reader.parse.pages import read_page
    from reader.parse.stories import parse_bytes
    from reader.parse.text import MAX_PAGE_BYTES, DecodeError

    if str(file) == "-":
        if sys.stdin is None:  # `reader parse - <&-`
            raise ReaderError("stdin: closed, nothing to read")
        data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
        if len(data) > MAX_PAGE_BYTES:
            raise ReaderError(f"stdin: over the {MAX_PAGE_BYTES // 2**20} MB limit")
        try:
            page = parse_bytes(data, "stdin", "stdin", 1)
        except DecodeError as err:
            raise ReaderError(f"stdin: {err}") from None
    else:
        page = read_page(file, *_context_of(file))
    if as_json:
        sys.stdout.write(page.to_json() + "\n")
    else:
        stdout().print(page_renderable(page))


def _issue_json(lib_issue: "Issue") -> dict[str, Any]:
    return {
        "id": lib_issue.id,
        "paper": lib_issue.paper.key,
        "issue": lib_issue.key,
        "date": lib_issue.date.isoformat() if lib_issue.date else None,
        "number": lib_issue.number,
        "title": lib_issue.title,
        "pages": lib_issue.page_numbers(),
    }


@reports_errors
def list_(
    ctx: typer.Context,
    paper: PaperOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    ids: Annotated[bool, typer.Option("--ids", help="Only the issues' ids, one a line.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per issue.")] = False,
) -> None:
    """List the issues of the library, newest first.

    Issues without a date come last; with --since or --until, only dated ones.

    Example: reader list --paper rmrb --since 1998-01-01 --until 1998-01-31

    Exit codes: 0 listed (an empty library too), 1 no issue matches --paper,
    --since or --until, 2 bad option or library.
    """
    from reader.printable import dumps, printable

    if ids and as_json:  # as `reader search` says it: --json had won without a word
        raise ReaderError("--ids goes alone: not with --json")
    lib = library(ctx)
    key = paper_key(lib, paper)
    first, last = date_range(since, until)
    issues = [
        found
        for found in sorted(lib.issues(key), key=_newest, reverse=True)
        if (first is None or (found.date is not None and found.date >= first))
        and (last is None or (found.date is not None and found.date <= last))
    ]
    if as_json or ids:
        lines = (
            dumps(_issue_json(found) | {"paper_name": found.paper.name})
            if as_json
            else printable(found.id)
            for found in issues
        )
        sys.stdout.write("".join(f"{line}\n" for line in lines))
    else:
        _print_issues(lib.root, issues, filtered=bool(paper or since or until))
    if not issues and (paper or since or until):
        raise typer.Exit(Exit.NOT_FOUND)  # as grep: the filters found nothing


def _newest(found: "Issue") -> tuple[date, str, str]:
    """Issues newest first, those without a date last."""
    return found.date or date.min, found.paper.key, found.key


def _print_issues(root: Path, issues: "list[Issue]", filtered: bool) -> None:
    """A table of issues: id, date, pages, paper name, title; no column says the same twice.

    The date column goes when every issue's folder is its date (the id says it),
    the paper column when the library holds one paper under its own key.
    """
    from rich.text import Text

    from reader.printable import one_line, printable

    console = stdout()
    console.print(Text(one_line(f"Library {root}"), style="dim"))  # one line, whatever the path
    if not issues:
        empty = "No issues match." if filtered else "No issues yet: add pages with `reader import`."
        console.print(Text(empty))
        return
    dated = any(found.date is None or found.key != found.date.isoformat() for found in issues)
    named = any(found.paper.name != found.paper.key for found in issues)
    columns = ["issue", *(["date"] if dated else []), "pages", *(["paper"] if named else [])]
    columns.append("title")
    rows = []
    for found in issues:
        cells = [printable(found.id)]
        if dated:
            cells.append(found.date.isoformat() if found.date else "—")
        cells.append(str(len(found.page_numbers())))
        if named:
            cells.append(printable(found.paper.name))
        cells.append(printable(found.title or ""))
        rows.append(cells)
    print_table(console, columns, rows)


def print_table(console: "Console", columns: list[str], rows: list[list[str]]) -> None:
    """A table without rules, as Rich lays it out; plain rows written without Rich per cell.

    11,147 rows took 2.3 s of `reader list`'s 3 s in Rich's table. When every column
    keeps its natural width (the table fits, no tab to expand) the layout is simple:
    Rich draws the header, the rows are padded here.
    """
    from rich.cells import cell_len
    from rich.table import Column, Table
    from rich.text import Text

    widths = _natural_widths(columns, rows, console.width)
    if widths is None:  # a cell to wrap or a tab to expand: Rich lays the table out
        table = Table(*columns, box=None, pad_edge=False)
        for cells in rows:
            table.add_row(*(Text(cell) for cell in cells))
        console.print(table)
        return
    named = zip(columns, widths, strict=True)
    header = Table(*(Column(name, width=width) for name, width in named))
    header.box, header.pad_edge = None, False
    console.print(header)
    padded = (zip(cells, widths, strict=True) for cells in rows)
    lines = (
        "  ".join(cell + " " * (width - cell_len(cell)) for cell, width in row) for row in padded
    )
    console.file.write("".join(line + "\n" for line in lines))


def _natural_widths(columns: list[str], rows: list[list[str]], room: int) -> list[int] | None:
    """Each column's width as Rich gives it when the table fits in `room` cells, else None."""
    from rich.cells import cell_len

    widths = [cell_len(name) for name in columns]
    for cells in rows:
        for n, cell in enumerate(cells):
            if "\t" in cell or "\n" in cell:
                return None
            widths[n] = max(widths[n], cell_len(cell))
    return widths if sum(widths) + 2 * (len(widths) - 1) <= room else None


@reports_errors
def show(
    ctx: typer.Context,
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="paper/issue/page/n, or a page.", autocompletion=ids)
    ],
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="text, markdown or json.", show_default=True
        ),
    ] = Format.text,
) -> None:
    """Print one item (or a whole page, given paper/issue/page).

    Example: reader show xuhui/sample/01/4 --format markdown

    Exit codes: 0 shown, 1 no such paper, issue, page or item, 2 a malformed id.
    """
    from reader.cli.render import item_markdown, item_renderable
    from reader.fields import parse_id
    from reader.parse.pages import load_item, load_page

    lib = library(ctx)
    try:
        ref = parse_id(ident)
    except ReaderError:
        ref = None
    if ref is None or ref.page is None:  # one wording for every malformed id
        raise ReaderError(f"bad id {ident!r}: expected paper/issue/page/n or paper/issue/page")
    if ref.item is None:
        page = load_page(lib, lib.issue(ref.paper, ref.issue), ref.page)
        _show_page(page, fmt)
        return
    item = load_item(lib, ident)
    if fmt is Format.json:
        from reader.printable import dumps

        sys.stdout.write(dumps(item.to_dict(), indent=2) + "\n")
    elif fmt is Format.markdown:
        sys.stdout.write(item_markdown(item))
    else:
        stdout().print(item_renderable(item))


def _show_page(page: "Page", fmt: Format) -> None:
    from reader.cli.render import item_markdown, page_renderable

    if fmt is Format.json:
        sys.stdout.write(page.to_json() + "\n")
    elif fmt is Format.markdown:
        sys.stdout.write("\n".join(item_markdown(item) for item in page.items))
    else:
        stdout().print(page_renderable(page))
