"""`reader search` and `reader index`: the segmented index from the shell.

The search's work is `reader.cli.quick.search` (no typer there: its plain form
runs without this module, from `reader.cli.entry`).

The index modules (SQLite work, and the segmenter when pages changed) are
imported inside the commands, so `import reader.cli.main` stays light.

No `from __future__ import annotations` here: typer would `eval` every
parameter's annotation string on each run (4 ms of a one-shot search), where
real annotations are made once, on import. Names imported only for type
checking are quoted instead.
"""

import sys
from collections.abc import Callable
from typing import Annotated, Literal, TypeVar

import typer

from reader.cli.common import library, reports_errors
from reader.cli.completion import PaperOption, SinceOption, UntilOption
from reader.printable import counted, one_line

_F = TypeVar("_F", bound=Callable[..., None])
_WAIT_FOR_OTHER_UPDATE = 3600.0
"""`reader index` waits for another process's update to end (then finds it fresh)."""


def _takes_dashed_queries(function: _F) -> _F:
    """Let click hand an unknown `-…` word to the query: `reader search '-上汽 香港'`."""
    function.context_settings = {"ignore_unknown_options": True}  # type: ignore[attr-defined]
    return function


@_takes_dashed_queries
@reports_errors
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...", help='Terms (ANDed), "a phrase", -excluded, headline:词.'
        ),
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
    A query may start with -: reader search '-局 数据'. Several words are one query:
    reader search 数据 -局 is reader search '数据 -局'.

    Example: reader search '数据 -局' --since 2025-01-01 --sort date

    Exit codes: 0 found, 1 nothing found, 2 bad query, option or library.
    """
    from reader.cli import quick

    query = _query(words)
    option = ctx.obj.get("library") if isinstance(ctx.obj, dict) else None
    code = quick.search(
        option,
        query,
        paper=paper,
        issue=issue,
        since=since,
        until=until,
        page=page,
        field=field,
        limit=limit,
        sort=sort,
        count=count,
        ids=ids,
        as_json=as_json,
    )
    if code:
        raise typer.Exit(code)


def _query(words: list[str]) -> str:
    """The shell's words as one query (`reader search 数据 -局` is `'数据 -局'`).

    An unknown `--word` is refused, not searched for: `--lmit 5` is a typo of an option.
    """
    from reader.errors import ReaderError

    for word in words[1:]:
        if word[:2] == "--" and len(word) > 2:
            raise ReaderError(
                f"no such option: {word} (to search for it, quote the whole query: "
                f"reader search '{' '.join(words)}')"
            )
    return " ".join(words)


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
    from reader.cli.quick import refresh, unread

    stats = refresh(lib, rebuild=rebuild, wait=_WAIT_FOR_OTHER_UPDATE, check=True)
    seconds = time.perf_counter() - started
    if stats.fresh:
        message = f"index up to date: {counted(stats.pages, 'page')} ({stats.path})"
        from reader.search.journal import page_errors

        unread(page_errors(stats.path))  # as the update that met them said
    else:
        message = (
            f"indexed {counted(stats.indexed, 'page')} ({counted(stats.items, 'item')}), "
            f"{stats.unchanged} unchanged, {stats.removed} removed in {seconds:.1f} s "
            f"({stats.path})"
        )
    # On stdout, terminal or not: a cron job's mail or a log keeps what was done.
    sys.stdout.write(one_line(message) + "\n")  # a newline in the path: still one line
