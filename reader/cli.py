"""The `reader` command line: a thin typer layer over the library, index and TUI.

Heavy imports (Textual, jieba, SQLite work) happen inside the commands that
need them, so `reader search` starts fast; a test checks that importing this
module pulls in neither Textual nor jieba.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from reader.commands import importing as importing_cmd
from reader.commands import pages, read, search

app = typer.Typer(
    name="reader",
    help="Read and search Chinese newspaper issues in the terminal.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    library: Annotated[
        str | None,
        typer.Option(
            "--library",
            "-L",
            help="Library folder (else $READER_LIBRARY, ./issues, the bundled sample).",
        ),
    ] = None,
) -> None:
    """Read and search Chinese newspaper issues in the terminal.

    With no command, opens the reader on the library's latest issue.
    """
    ctx.obj = {"library": library}
    if ctx.invoked_subcommand is None:
        read.read(ctx, None)


app.command("parse")(pages.parse)
app.command("list")(pages.list_)
app.command("show")(pages.show)
app.command("search")(search.search)
app.command("index")(search.index)
app.command("read")(read.read)
app.command("import")(importing_cmd.import_)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script: no tracebacks reach the user."""
    try:
        app(args=argv, prog_name="reader")
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # Output was cut short (`reader search … | head`); that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except Exception as err:  # the last guard: one line, never a traceback
        sys.stderr.write(f"reader: internal error: {type(err).__name__}: {err}\n")
        sys.exit(2)
