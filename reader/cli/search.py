"""`reader search` and `reader index`: the segmented index from the shell.

The index modules (SQLite work, and the segmenter when pages changed) are
imported inside the commands, so `import reader.cli.main` stays light.

No `from __future__ import annotations` here: typer would `eval` every
parameter's annotation string on each run (4 ms of a one-shot search), where
real annotations are made once, on import. Names imported only for type
checking are quoted instead.
"""

import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from reader.cli.common import library, progress, reports_errors, stderr, stdout
from reader.errors import Exit, ReaderError

if TYPE_CHECKING:  # imported on use: `import reader.cli.main` must stay light
    from rich.text import Text

    from reader.library import Library
    from reader.search.build import UpdateStats
    from reader.search.engine import Hit

HIT_STYLE = "bold black on yellow"
_WAIT_FOR_OTHER_UPDATE = 3600.0
"""`reader index` waits for another process's update to end (then finds it fresh)."""


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ReaderError(f"{option} {value!r}: expected a date like 1998-01-31") from None


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


@reports_errors
def search(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(help='Terms (ANDed), "a phrase", -excluded, headline:词.')
    ],
    paper: Annotated[str | None, typer.Option(help="Only this paper (folder name).")] = None,
    issue: Annotated[str | None, typer.Option(help="Only this issue (folder name).")] = None,
    since: Annotated[str | None, typer.Option(help="Issues on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Issues on or before this date.")] = None,
    page: Annotated[int | None, typer.Option(help="Only this page number.")] = None,
    field: Annotated[
        str | None, typer.Option(help="Only in headline, body or caption text.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many hits (0: all).")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Search the library: ranked hits with snippets.

    Space-separated terms must all occur; "…" is a phrase, -词 excludes, and
    headline:词 body:词 caption:词 look in one field. Exit 0 found, 1 nothing.
    A query that starts with - goes after --: reader search -- -局 数据

    Example: reader search '数据 -局' --since 2025-01-01
    """
    from reader.search import engine
    from reader.search.store import IndexCorrupt, index_path, remove

    if limit < 0:
        raise ReaderError(f"--limit {limit}: give 0 (all) or more")
    lib = library(ctx)
    first, last = _date(since, "--since"), _date(until, "--until")

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
            limit=limit or None,
            update=update,
            refresh=lambda: _refresh(lib),
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
    if as_json:
        from reader.printable import dumps

        for hit in hits:
            sys.stdout.write(dumps(_hit_json(hit)) + "\n")
    else:
        _print_hits(hits)
    if not hits:
        raise typer.Exit(Exit.NOT_FOUND)
    if sys.stdout.isatty():
        # A person at a terminal: `reader read ID` next opens that hit highlighted.
        from reader.state import save_search, state_file

        save_search(state_file(lib.root), query)


def _hit_json(hit: "Hit") -> dict[str, object]:
    return {
        "id": hit.id,
        "paper": hit.paper,
        "issue": hit.issue,
        "date": hit.date,
        "page": hit.page,
        "kind": hit.kind,
        "headline": hit.headline,
        "score": hit.score,
        "snippet": hit.snippet,
        "snippet_spans": [list(s) for s in hit.snippet_spans],
        "spans": {key: [list(s) for s in spans] for key, spans in hit.spans.items()},
    }


def _marked(value: str, spans: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> "Text":
    """Page text as Rich Text (never markup), with the hits highlighted."""
    from rich.text import Text

    from reader.printable import printable

    text = Text(printable(value))
    for start, end in spans:
        text.stylize(HIT_STYLE, start, end)
    return text


def _lines(hit: "Hit", n: int) -> tuple[str, str, str]:
    """Headline, place and snippet lines of a hit, as plain (printable) text."""
    from reader.printable import printable

    place = f"{hit.paper_name}  {hit.date or hit.issue}  第{hit.page}版  {hit.id}"
    return (
        f"{n:>3}. " + printable(hit.headline or "(no headline)"),
        "     " + printable(place),
        "     " + printable(hit.snippet) if hit.snippet else "",
    )


def _print_hits(hits: "list[Hit]") -> None:
    """Ranked hits: styled with highlights on a terminal, plain text when piped."""
    if not sys.stdout.isatty():  # plain: no need to load Rich's console at all
        out: list[str] = []
        for n, hit in enumerate(hits, start=1):
            out.extend(line for line in _lines(hit, n) if line)
        sys.stdout.write("".join(f"{line}\n" for line in out))
        return
    from rich.text import Text

    console = stdout()
    for n, hit in enumerate(hits, start=1):
        head, place, _ = _lines(hit, n)
        key = "derived_headline" if not hit.spans.get("headline") else "headline"
        spans = hit.spans.get(key, []) if hit.headline else []
        title = _marked(hit.headline or "(no headline)", spans)
        title.stylize("bold")
        line = Text(head[: head.index(". ") + 2])
        line.append_text(title)
        console.print(line)
        console.print(Text(place, style="dim"))
        if hit.snippet:
            snippet = Text("     ")
            snippet.append_text(_marked(hit.snippet, hit.snippet_spans))
            console.print(snippet)


@reports_errors
def index(
    ctx: typer.Context,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Start the index afresh.")] = False,
) -> None:
    """Build or bring the search index up to date.

    Only pages whose content changed are segmented again.

    Example: reader index
    """
    import time

    lib = library(ctx)
    started = time.perf_counter()
    # The whole file looked over first: damage that SQLite reports to no query
    # (random bytes in a table) cost searches hits without a word.
    stats = _refresh(lib, rebuild=rebuild, wait=_WAIT_FOR_OTHER_UPDATE, check=True)
    if sys.stderr.isatty():
        from rich.text import Text

        from reader.printable import printable

        seconds = time.perf_counter() - started
        if stats.fresh:
            message = f"index up to date: {stats.pages} pages ({stats.path})"
        else:
            message = (
                f"indexed {stats.indexed} pages ({stats.items} items), {stats.unchanged} "
                f"unchanged, {stats.removed} removed in {seconds:.1f} s ({stats.path})"
            )
        stderr().print(Text(printable(message), style="dim"))
