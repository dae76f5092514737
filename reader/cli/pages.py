"""`reader parse`, `reader list` and `reader show`: pages and items from the shell."""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from reader.cli.common import library, reports_errors, stdout
from reader.errors import ReaderError

# The parser, renderers and Rich's table load inside the commands that use
# them: every command module is imported on every start, `reader search` too.
if TYPE_CHECKING:
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
    file: Annotated[Path, typer.Argument(help="A page text file, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Page as JSON.")] = False,
) -> None:
    """Parse one page file into articles, captions and briefs.

    Example: reader parse issues/xuhui/sample/01.txt --json
    """
    from reader.cli.render import page_renderable
    from reader.parse.pages import read_page
    from reader.parse.stories import parse_bytes
    from reader.parse.text import MAX_PAGE_BYTES, DecodeError

    if str(file) == "-":
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
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per issue.")] = False,
) -> None:
    """List the papers and issues of the library.

    Example: reader list --json
    """
    from rich.table import Table
    from rich.text import Text

    from reader.printable import dumps, printable

    lib = library(ctx)
    issues = lib.issues()
    if as_json:
        for lib_issue in issues:
            record = _issue_json(lib_issue) | {"paper_name": lib_issue.paper.name}
            sys.stdout.write(dumps(record) + "\n")
        return
    console = stdout()
    console.print(Text(printable(f"Library {lib.root}"), style="dim"))
    if not issues:
        console.print(Text("No issues in this library yet: add pages with `reader import`."))
        return
    table = Table("paper", "issue", "date", "pages", "title", box=None, pad_edge=False)
    for lib_issue in issues:
        table.add_row(
            Text(printable(f"{lib_issue.paper.name} ({lib_issue.paper.key})")),
            Text(printable(lib_issue.key)),
            Text(lib_issue.date.isoformat() if lib_issue.date else "—"),
            Text(str(len(lib_issue.page_numbers()))),
            Text(printable(lib_issue.title or "")),
        )
    console.print(table)


@reports_errors
def show(
    ctx: typer.Context,
    ident: Annotated[str, typer.Argument(metavar="ID", help="paper/issue/page/n, or a page.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
) -> None:
    """Print one item (or a whole page, given paper/issue/page).

    Example: reader show xuhui/sample/01/4 --format markdown
    """
    from reader.cli.render import item_markdown, item_renderable
    from reader.fields import parse_id
    from reader.parse.pages import load_item, load_page

    lib = library(ctx)
    ref = parse_id(ident)
    if ref.page is None:
        raise ReaderError(f"bad id {ident!r}: expected paper/issue/page/n")
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
