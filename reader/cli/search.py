"""`reader search` and `reader index`: the segmented index from the shell.

The index modules (SQLite work, and the segmenter when pages changed) are
imported inside the commands, so `import reader.cli.main` stays light.

No `from __future__ import annotations` here: typer would `eval` every
parameter's annotation string on each run (4 ms of a one-shot search), where
real annotations are made once, on import. Names imported only for type
checking are quoted instead.
"""

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Literal, TypeVar

import typer

from reader.cli.common import (
    date_range,
    library,
    paper_key,
    progress,
    reports_errors,
)
from reader.cli.completion import PaperOption, SinceOption, UntilOption
from reader.errors import Exit, ReaderError
from reader.printable import counted, printable

if TYPE_CHECKING:  # imported on use: `import reader.cli.main` must stay light
    from reader.library import Library
    from reader.search.build import UpdateStats
    from reader.search.engine import Hit

_F = TypeVar("_F", bound=Callable[..., None])
_WAIT_FOR_OTHER_UPDATE = 3600.0
"""`reader index` waits for another process's update to end (then finds it fresh)."""


def _notes(stats: "UpdateStats") -> None:
    """Tell the user what the update could not do or had to redo (stderr, one line each)."""
    from reader.printable import one_line

    for note in stats.notes:
        sys.stderr.write(f"reader: {one_line(note)}\n")
    for error in stats.errors:
        sys.stderr.write(f"reader: skipped a page: {one_line(error)}\n")
    if stats.busy:
        sys.stderr.write(
            "reader: another process is updating the index; using the last complete one\n"
        )


def _note(message: str) -> None:
    """One line on stderr from the search (a shared index behind its pages, say)."""
    from reader.printable import one_line

    sys.stderr.write(f"reader: {one_line(message)}\n")


def _refresh(
    lib: "Library", rebuild: bool = False, wait: float = 0.5, check: bool = False
) -> "UpdateStats":
    from reader.search import engine

    with progress("indexing") as report:
        stats = engine.update(lib, rebuild=rebuild, progress=report, wait=wait, check=check)
    _notes(stats)
    return stats


def _takes_dashed_queries(function: _F) -> _F:
    """Let click hand an unknown `-…` word to the query: `reader search '-上汽 香港'`."""
    function.context_settings = {"ignore_unknown_options": True}  # type: ignore[attr-defined]
    return function


@_takes_dashed_queries
@reports_errors
def search(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(metavar="QUERY", help='Terms (ANDed), "a phrase", -excluded, headline:词.'),
    ],
    paper: PaperOption = None,
    issue: Annotated[
        str | None, typer.Option(metavar="ISSUE", help="Only this issue (folder name).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    page: Annotated[int | None, typer.Option(metavar="N", help="Only page N.")] = None,
    field: Annotated[
        str | None,
        typer.Option(metavar="FIELD", help="Only in headline, body, caption or header text."),
    ] = None,
    limit: Annotated[
        int, typer.Option(metavar="N", help="At most N hits (0: all).", show_default=True)
    ] = 20,
    sort: Annotated[
        Literal["rank", "date"],
        typer.Option(metavar="ORDER", help="rank (best first) or date (newest first)."),
    ] = "rank",
    count: Annotated[
        bool,
        typer.Option(
            "--count", help="Every hit counted per issue, newest first: paper/issue:N lines."
        ),
    ] = False,
    ids: Annotated[bool, typer.Option("--ids", help="Only the hits' ids, one a line.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Search the library: ranked hits with snippets.

    Space-separated terms must all occur; OR takes either, ( ) groups, "…" is a
    phrase, -词 excludes, econom* is a prefix, and headline:词 body:词 caption:词
    header:词 look in one field (a page header hit is the page's first item).
    A query may start with -: reader search '-局 数据'.

    Example: reader search '数据 -局' --since 2025-01-01 --sort date

    Exit codes: 0 found, 1 nothing found, 2 bad query, option or library.
    """
    from reader.cli.color import styled
    from reader.cli.hits import hit_json, print_hits
    from reader.search import engine
    from reader.search.store import IndexCorrupt, index_path, remove

    if limit < 0:
        raise ReaderError(f"--limit {limit}: give 0 (all) or more")
    if count + ids + as_json > 1 and not (count and as_json):
        raise ReaderError("--ids goes alone: not with --count or --json")
    lib = library(ctx)
    first, last = date_range(since, until)
    paper = paper_key(lib, paper)

    def run(update: bool) -> "list[Hit]":
        return engine.search(
            lib,
            query,
            paper=paper,
            issue=issue,
            since=first,
            until=last,
            page=page,
            field=field,
            limit=None if count or not limit else limit,
            update=update,
            refresh=lambda: _refresh(lib),
            sort=sort,
            note=_note,
        )

    try:
        hits = run(update=True)
    except IndexCorrupt as err:
        from reader.printable import one_line

        sys.stderr.write(f"reader: {one_line(err.message)}: rebuilding it\n")
        remove(index_path(lib))
        _refresh(lib)
        hits = run(update=False)
    if count:
        _print_counts(hits, as_json)
    elif ids:
        sys.stdout.write("".join(f"{printable(hit.id)}\n" for hit in hits))
    elif as_json:
        from reader.printable import dumps

        sys.stdout.write("".join(dumps(hit_json(hit)) + "\n" for hit in hits))
    else:
        print_hits(hits, styled())
    if not hits:
        raise typer.Exit(Exit.NOT_FOUND)
    if sys.stdout.isatty():
        # A person at a terminal: `reader read ID` next opens that hit highlighted.
        from reader.state import save_search, state_file

        save_search(state_file(lib.root), query)


def _print_counts(hits: "list[Hit]", as_json: bool) -> None:
    """Hits per issue, newest issue first: `paper/issue:N` (as `rg -c`) or JSON objects."""
    from reader.printable import dumps

    counts: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        counts.setdefault((hit.paper, hit.issue), []).append(hit)
    order = sorted(counts.values(), key=lambda found: (found[0].date or "", found[0].id))
    for found in reversed(order):
        top = found[0]
        ident = f"{top.paper}/{top.issue}"
        if as_json:
            record = {
                "id": ident,
                "paper": top.paper,
                "paper_name": top.paper_name,
                "issue": top.issue,
                "date": top.date,
                "hits": len(found),
            }
            sys.stdout.write(dumps(record) + "\n")
        else:
            sys.stdout.write(f"{printable(ident)}:{len(found)}\n")


@reports_errors
def index(
    ctx: typer.Context,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start the index afresh.")] = False,
) -> None:
    """Build or bring the search index up to date, then print a one-line summary.

    Only pages whose content changed are segmented again.

    Example: reader index --rebuild

    Exit codes: 0 done, 2 the library or its index cannot be read or written.
    """
    import time

    lib = library(ctx)
    started = time.perf_counter()
    # The whole file looked over first: damage that SQLite reports to no query
    # (random bytes in a table) cost searches hits without a word.
    stats = _refresh(lib, rebuild=rebuild, wait=_WAIT_FOR_OTHER_UPDATE, check=True)
    seconds = time.perf_counter() - started
    if stats.fresh:
        message = f"index up to date: {counted(stats.pages, 'page')} ({stats.path})"
    else:
        message = (
            f"indexed {counted(stats.indexed, 'page')} ({counted(stats.items, 'item')}), "
            f"{stats.unchanged} unchanged, {stats.removed} removed in {seconds:.1f} s "
            f"({stats.path})"
        )
    # On stdout, terminal or not: a cron job's mail or a log keeps what was done.
    sys.stdout.write(printable(message) + "\n")
