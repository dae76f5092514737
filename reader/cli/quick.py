"""`reader search`'s work without typer, and its plain form run without loading typer.

`reader [--library DIR] search QUERY [OPTIONS]` (what people and scripts type most)
has little for a parser to do. Loading typer and click for it cost more than the
search (40-50 ms of CPU, the whole of the floor that DESIGN section 8 measures a
search against). So `reader.cli.entry` runs that form here, with any of the
search's options given plainly (`--json`, `--ids`, `--count`; `--limit N` and
`--page N` in plain digits; `--sort rank` or `--sort date`; `--paper`, `--issue`,
`--since`, `--until`, `--field` with a value that does not start with `-`; each
option once). Anything else (`--help`, a query word that starts with `-`, a global
option after the command, an option twice, a value typer would have to judge)
goes to typer, which runs the same `search` below. The two give the same output,
errors and exit codes (tests compare them).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.cli.commands import (
    chosen_library,
    date_range,
    decoded,
    issue_key,
    leading_library,
    paper_key,
)
from reader.cli.say import say, stopped_code
from reader.errors import Exit, ReaderError

if TYPE_CHECKING:
    from reader.library import Library
    from reader.search.build import UpdateStats
    from reader.search.engine import Hit


_FLAGS = {"--json": "as_json", "--ids": "ids", "--count": "count"}
"""The options without a value the plain form takes, and the names `search` gives them."""
_DIGITS = {"--limit": "limit", "--page": "page"}
"""The options whose value is a number, taken in plain digits."""
_TEXTS = {
    "--paper": "paper",
    "--issue": "issue",
    "--since": "since",
    "--until": "until",
    "--field": "field",
    "--sort": "sort",
}
"""The options whose value is text, taken as typed (`--sort`: rank or date only)."""
_SORTS = ("rank", "date")

Options = dict[str, bool | int | str]


def plain_search(argv: list[str]) -> tuple[str | None, str, Options] | None:
    """The `--library` value, the query and the options of `reader [--library DIR]
    search QUERY [OPTIONS]`, when that is all `argv` holds and typer has nothing to
    judge; None for anything else (typer's to parse).

    The options may come before or after the query, as typer takes them, as
    `--option value` or `--option=value`. A library value that is empty or looks like
    an option, a number that is not plain digits, a value that is empty or starts
    with `-`, a `--sort` other than rank or date, an option given twice, any other
    option, and a query word that starts with `-` (an option, `--help`, or `-词`) are left
    to typer.
    """
    found = leading_library(argv)
    if found is None:
        return None
    option, rest = found
    if option is not None and option[:1] in ("", "-"):
        return None
    if not rest or rest[0] != "search":
        return None
    query: str | None = None
    options: Options = {}
    words = iter(rest[1:])
    for word in words:
        name, given, value = word.partition("=")
        if word in _FLAGS:
            key = _FLAGS[word]
        elif name in _DIGITS or name in _TEXTS:
            key = _DIGITS.get(name) or _TEXTS[name]
            if not given:
                value = next(words, "")
        elif word[:1] == "-":
            return None
        else:
            # `reader search 数据 资源`: the shell's words are the query's terms.
            query = word if query is None else f"{query} {word}"
            continue
        if key in options:
            return None  # given twice: click keeps the last, typer's to say
        if word in _FLAGS:
            options[key] = True
        elif name in _DIGITS:
            if not (value.isascii() and value.isdigit()):
                return None
            options[key] = int(value)
        elif value[:1] in ("", "-") or (key == "sort" and value not in _SORTS):
            return None
        else:
            options[key] = value
    return None if query is None else (option, query, options)


def run_plain(option: str | None, query: str, options: Options) -> int:
    """Run `reader search QUERY` with `options` on the library `option` names; the exit code.

    Errors end as typer's run of the command ends them (`reader.cli.common.
    reports_errors`, `reader.cli.main.run`): one line on stderr, never a traceback.
    """
    from reader.cli.say import cut_short, internal_error, problems

    try:
        try:
            return problems(search(option, query, **options))  # type: ignore[arg-type]
        except ReaderError as err:
            say(err.message)
            return err.code
        except KeyboardInterrupt:
            say("interrupted")
            return stopped_code()
    except BrokenPipeError:
        return cut_short()
    except Exception as err:  # the last guard: one line, never a traceback
        return internal_error(err)


def unread(errors: Iterable[str]) -> None:
    """Name each page the index could not read (stderr, one line each)."""
    for error in errors:
        say(f"skipped a page: {error}")


def notes(stats: UpdateStats) -> None:
    """Tell the user what the update could not do or had to redo (stderr, one line each)."""
    for note in stats.notes:
        say(note)
    unread(stats.errors)
    if stats.busy:
        say("another process is updating the index; using the last complete one")


def refresh(
    lib: Library, rebuild: bool = False, wait: float = 0.5, check: bool = False
) -> UpdateStats:
    """Bring the index up to date with a progress bar on a terminal, then say its notes."""
    from reader.cli.common import progress  # typer and Rich: only when the index changes
    from reader.search import engine

    with progress("indexing") as report:
        stats = engine.update(lib, rebuild=rebuild, progress=report, wait=wait, check=check)
    notes(stats)
    return stats


def search(
    option: str | None,
    query: str,
    *,
    paper: str | None = None,
    issue: str | None = None,
    since: str | None = None,
    until: str | None = None,
    page: int | None = None,
    field: str | None = None,
    limit: int = 20,
    sort: str = "rank",
    count: bool = False,
    ids: bool = False,
    as_json: bool = False,
) -> int:
    """`reader search` (see its help): print the hits; 0 when found, 1 when not.

    A bad query, option or library is a `ReaderError` (exit code 2).
    """
    from reader.cli.color import styled
    from reader.cli.hits import hit_json, print_hits
    from reader.printable import printable
    from reader.search import engine
    from reader.search.store import IndexCorrupt

    query = decoded(query, "the query")
    if limit < 0:
        raise ReaderError(f"--limit {limit}: give 0 (all) or more")
    if page is not None and page < 1:
        raise ReaderError(f"--page {page}: pages are numbered from 1")
    if count + ids + as_json > 1 and not (count and as_json):
        raise ReaderError("--ids goes alone: not with --count or --json")
    lib = chosen_library(option)
    first = last = None
    if since is not None or until is not None:
        first, last = date_range(since, until)
    if paper is not None:
        paper = paper_key(lib, paper)
    issue = issue_key(lib, paper, issue)

    tally = engine.Tally() if count else None

    def run(update: bool) -> list[Hit]:
        return engine.search(
            lib,
            query,
            paper=paper,
            issue=issue,
            since=first,
            until=last,
            page=page,
            field=field,
            # A limit past any library's hits is all of them (islice takes no more).
            limit=None if count or not limit or limit >= sys.maxsize else limit,
            update=update,
            refresh=lambda: refresh(lib),
            sort=sort,
            note=say,
            tally=tally,
        )

    try:
        hits = run(update=True)
    except IndexCorrupt as err:
        say(f"{err.message}: rebuilding it")
        engine.replace_damaged(lib, lambda: refresh(lib))
        hits = run(update=False)
    if tally is not None:
        _print_counts(hits, tally.counts, as_json)
    elif ids:
        sys.stdout.write("".join(f"{printable(hit.id)}\n" for hit in hits))
    elif as_json:
        from reader.printable import dumps

        sys.stdout.write("".join(dumps(hit_json(hit)) + "\n" for hit in hits))
    else:
        print_hits(hits, styled())
    if not hits:
        return Exit.NOT_FOUND
    if sys.stdout.isatty():
        # A person at a terminal: `reader read ID` next opens that hit highlighted.
        from reader.state import save_search, state_file

        save_search(state_file(lib.root), query)
    return Exit.OK


def _print_counts(firsts: list[Hit], counts: dict[tuple[str, str], int], as_json: bool) -> None:
    """Hits per issue, newest issue first: `paper/issue:N` (as `rg -c`) or JSON objects.

    `firsts`: the first hit of each issue; `counts`: every issue's hits (`engine.Tally`).
    """
    from reader.printable import dumps, printable

    for top in sorted(firsts, key=lambda hit: (hit.date or "", hit.id), reverse=True):
        total = counts[(top.paper, top.issue)]
        ident = f"{top.paper}/{top.issue}"
        if as_json:
            record = {
                "id": ident,
                "paper": top.paper,
                "paper_name": top.paper_name,
                "issue": top.issue,
                "date": top.date,
                "hits": total,
            }
            sys.stdout.write(dumps(record) + "\n")
        else:
            sys.stdout.write(f"{printable(ident)}:{total}\n")
