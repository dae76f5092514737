"""What every command shares: the library from the global option, consoles, errors."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import typer

# Typer-free there, for the plain search (`reader.cli.quick`); here for the other commands.
from reader.cli.commands import date_range as date_range
from reader.cli.commands import paper_key as paper_key
from reader.errors import ReaderError

if TYPE_CHECKING:  # imported on use: `reader search` must start fast
    from rich.console import Console
    from rich.progress import TaskID

    from reader.library import Library

P = ParamSpec("P")
R = TypeVar("R")


def library(ctx: typer.Context, create: bool = False) -> Library:
    """The library chosen by `--library`, `$READER_LIBRARY`, config, `./issues` or the sample.

    `create`: a named folder that does not exist yet is fine (import makes it).
    """
    from reader.cli.commands import chosen_library

    option = ctx.obj.get("library") if isinstance(ctx.obj, dict) else None
    return chosen_library(option, create=create)


def stdout(*, to_the_end: bool = False) -> Console:
    """Output for people: styled as `reader.cli.color.styled` says, wrapped on a terminal.

    Styled but not a terminal (`--color always | less -R`): no wrapping, as when plain.
    Rich ends the process (exit 1) when the reader of stdout has gone; `to_the_end`, for
    a command with work left after its output (`reader import | head -1` filed the pages
    and left the index behind them), lets the rest of the output go nowhere instead.
    """
    from rich.console import Console

    from reader.cli.color import styled

    class Onward(Console):
        def on_broken_pipe(self) -> None:
            from reader.cli.say import cut_short

            self.quiet = True
            cut_short()

    terminal = sys.stdout.isatty()
    colour = styled()
    dumb = os.environ.get("TERM", "dumb") in ("dumb", "unknown")
    return (Onward if to_the_end else Console)(
        highlight=False,
        no_color=not colour,
        force_terminal=True if colour else None,
        color_system=None if not colour else "standard" if dumb else "auto",
        soft_wrap=not terminal,
        emoji=False,
        markup=False,
    )


def stderr() -> Console:
    """Messages, progress and errors go to stderr."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False, emoji=False)


class Report:
    """Progress of a long step as a bar on stderr: call with (done, total[, note])."""

    def __init__(self, label: str) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.label = label
        self.bar = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=stderr(),
            transient=True,
        )
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int, note: str = "") -> None:
        if total < 2:  # one page or file: a bar would only flash
            return
        if self.task is None:
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)
        from reader.printable import one_line  # a file's name: `\e[2J` cleared the screen

        description = f"{self.label} {one_line(note)}" if note else self.label
        self.bar.update(self.task, completed=done, total=total, description=description)


@contextmanager
def progress(label: str) -> Iterator[Report | None]:
    """A progress bar on stderr when it is a terminal; None when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    report = Report(label)
    try:
        yield report
    finally:
        report.bar.stop()


def fail(message: str, code: int) -> typer.Exit:
    """Print one line on stderr (library strings in it made printable) and give the exit."""
    from reader.cli.say import say

    say(message)
    sys.stderr.flush()
    return typer.Exit(code)


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a `ReaderError` into one line on stderr and its exit code; Ctrl-C into 130
    (and `kill` into 143, `stopped_code`)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ReaderError as err:
            raise fail(err.message, err.code) from None
        except KeyboardInterrupt:
            # Reached once the command's own cleanup (rollback, workers ended) has run.
            from reader.cli.say import stopped_code

            raise fail("interrupted", stopped_code()) from None

    return wrapper
