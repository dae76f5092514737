"""The `reader` console script: the bare reader opens without the command-line parser.

`reader` and `reader --library PATH` (what people type most, and what opens the
sample after install) have nothing to parse beyond that one option, so they
open the TUI straight away: typer and click are 80 ms of imports, a sixth of
the time to the reader's first screen. Anything else, `--help` included, goes
to the typer app in `reader.cli.main`, which opens the same reader for `reader read`.
So does `reader [--library PATH] search QUERY`, the search in its plain form
(`reader.cli.quick`): typer's imports were the whole of the floor a one-shot
search is measured against.
"""

from __future__ import annotations

import os
import sys


def library_only(args: list[str]) -> tuple[bool, str | None]:
    """Whether `args` are at most the library option; its value if given.

    A value that is empty or looks like an option is left to typer to report.
    """
    from reader.cli.commands import leading_library

    found = leading_library(args)
    if found is None or found[1] or (found[0] is not None and found[0][:1] in ("", "-")):
        return False, None
    return True, found[0]


def open_bare(option: str | None) -> int:
    """Open the reader on the chosen library; the exit code (errors as one line)."""
    from reader.cli.commands import chosen_library
    from reader.cli.say import internal_error, problems, say, stopped_code
    from reader.errors import ReaderError
    from reader.tui.launch import open_reader

    try:
        open_reader(chosen_library(option))
    except ReaderError as err:
        say(err.message)
        return err.code
    except KeyboardInterrupt:  # before the screen (a start issue read first): said, as
        say("interrupted")  # `reader read` and every command say it
        return stopped_code()
    except Exception as err:  # the last guard, as in reader.cli.main: never a traceback
        return internal_error(err)
    return problems(0)


def main() -> None:
    """Entry point of the `reader` script and of `python -m reader`.

    One-shot commands (`reader search` and the like) run without the cyclic
    garbage collector and exit at once (`reader.startup`). A Ctrl-C that comes
    before a command has its own handler (while typer and the command's modules
    load, the first tenth of a second) ends as the commands end one.
    """
    closed = usable_streams()
    if closed:
        from reader.cli.say import say

        say(closed)
        sys.exit(2)
    try:
        start(sys.argv[1:])
    except KeyboardInterrupt:
        from reader.cli.say import say, stopped_code

        say("interrupted")
        sys.exit(stopped_code())
    finally:
        from reader.tui.typeahead import restore

        restore()
        if _SET:
            import signal

            for number in _SET:
                signal.signal(number, signal.SIG_DFL)
            _SET.clear()


def usable_streams() -> str | None:
    """Make stdin, stdout and stderr safe to use; why to stop when output cannot go anywhere.

    A descriptor 0, 1 or 2 that is closed (`reader … 2>&-`) is opened on /dev/null,
    so no file opened later takes its number. A closed stderr had every command
    end in an uncaught error at its last flush: exit 1, "nothing found", after a
    search that found. A closed stdout stops the command before it does anything,
    as grep does. An output encoding that lacks characters (`PYTHONIOENCODING=ascii`,
    a GBK terminal without UTF-8 mode) writes them as `\\u6570` escapes instead of
    ending the command part-way with an encoding error; in JSON that is the same text.
    """
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one
    if sys.stderr is None:
        sys.stderr = open(2, "w", errors="backslashreplace", closefd=False)  # noqa: SIM115
    if sys.stdout is None:
        return "standard output is closed: nowhere to write"
    for stream in (sys.stdout, sys.stderr):
        errors, encoding = getattr(stream, "errors", None), getattr(stream, "encoding", None)
        unsafe = errors == "strict" or str(encoding).lower().replace("-", "") != "utf8"
        if unsafe and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    return None


def stop_as_on_ctrl_c() -> None:
    """`kill` (SIGTERM) and a closed terminal (SIGHUP) end a command as Ctrl-C does.

    Their default action ended `reader index` with no word and the index left in
    WAL mode, which users who cannot write the library cannot open; an import
    could stop between two of its renames. As SIGINT they take the path Ctrl-C
    takes: the import holds it until its renames are done, the index build stops
    its workers and closes the index, and the command says `interrupted` (exit
    128 + the signal's number, as a shell reports it: 143, 129). A forked child
    (an index worker) gets the default action back at the fork: the pool ends
    its workers with SIGTERM, and a worker that had to run the Python handler
    first hung `reader index` now and then (1 run in 20).
    """
    import signal

    def as_interrupt(signum: int, _frame: object) -> None:
        from reader.cli.say import stopped_by

        stopped_by(signum)
        if not callable(signal.getsignal(signal.SIGINT)):
            # A job started in the background (`reader index &` in a script) has
            # SIGINT ignored: raised as SIGINT, a `kill` was lost and the build ran on.
            raise KeyboardInterrupt
        signal.raise_signal(signal.SIGINT)

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, as_interrupt)
            _SET.append(number)
    if _SET and not _FORK_HOOKED:
        _FORK_HOOKED.append(True)
        os.register_at_fork(after_in_child=_defaults_in_child)


def _defaults_in_child() -> None:
    import signal

    for number in _SET:
        signal.signal(number, signal.SIG_DFL)


_FORK_HOOKED: list[bool] = []


_SET: list[int] = []
"""The signals `stop_as_on_ctrl_c` took over: given back when `main` returns (in a test)."""


def start(args: list[str]) -> None:
    """Run the command `args` name: the reader, the plain search, or typer's commands.

    Everything is imported here, inside `main`'s guard, not when the script loads.
    """
    from reader.cli.commands import COMPLETE_VAR, QUICK_EXIT, invoked
    from reader.cli.quick import plain_search, run_plain
    from reader.startup import end_quietly_on_a_closed_pipe, pause_collection, quick_exit
    from reader.tui.typeahead import keep_enter  # an Enter typed ahead stays Enter

    bare, option = library_only(args)
    if bare and COMPLETE_VAR not in os.environ:  # the shell asking for words: no reader
        keep_enter()
        sys.exit(open_bare(option))
    plain = plain_search(args) if COMPLETE_VAR not in os.environ else None
    if plain is not None:  # `reader [--library DIR] search QUERY …`: no typer to load
        stop_as_on_ctrl_c()
        pause_collection()
        end_quietly_on_a_closed_pipe()
        quick_exit(run_plain(*plain))
    named = invoked(args)
    if named[:1] != ["read"]:  # the reader's screen has its own way out
        stop_as_on_ctrl_c()
    elif COMPLETE_VAR not in os.environ:
        keep_enter()
    if len(named) == 1 and named[0] in QUICK_EXIT:
        pause_collection()
    from reader.cli.main import main as command_line

    command_line(args)
