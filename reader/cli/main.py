"""The `reader` command line: a thin typer layer over the library, index and TUI.

Heavy imports (Textual, jieba, SQLite work) happen inside the commands that
need them, so `reader search` starts fast; a test checks that importing this
module pulls in neither Textual nor jieba.
"""

import importlib
import os
import sys
from collections.abc import Callable, Iterable

import typer

from reader.cli.commands import COMMANDS, COMPLETE_VAR, QUICK_EXIT, invoked
from reader.cli.options import ReaderCommand, ReaderGroup
from reader.cli.say import problems
from reader.startup import end_quietly_on_a_closed_pipe, quick_exit


def command(name: str) -> Callable[..., None]:
    """The function of command `name` (its module is imported now)."""
    module, function = COMMANDS[name].split(":")
    found: Callable[..., None] = getattr(importlib.import_module(f"reader.cli.{module}"), function)
    return found


def root(ctx: typer.Context) -> None:
    """Read and search Chinese newspaper issues in the terminal.

    With no command, opens the reader on the library's latest issue.
    """
    ctx.ensure_object(dict)  # --library, wherever it was given, is kept there
    if ctx.invoked_subcommand is None:
        command("read")(ctx, None)


def where_things_live() -> str:
    """The help's epilogue: the files reader reads and writes, as on this machine."""
    from reader.locations import cache_dir, config_files, data_dir
    from reader.printable import printable

    configs = "\n".join(f"  {printable(str(path))}" for path in config_files())
    return (  # \b: click keeps the lines of this paragraph as they are
        f"\b\nSettings, read in this order (later wins):\n{configs}\n"
        f"Remembered position and theme: {printable(str(data_dir()))}\n"
        f"Index of a read-only library: {printable(str(cache_dir()))}"
    )


def build(names: Iterable[str], epilog: str | None = None) -> typer.Typer:
    """The typer app with the named commands (typer converts each one on every run)."""
    made = typer.Typer(
        cls=ReaderGroup,
        epilog=epilog,
        name="reader",
        help="Read and search Chinese newspaper issues in the terminal.",
        no_args_is_help=False,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback(invoke_without_command=True)(root)
    for name in names:
        function = command(name)
        # `reader search '-上汽 香港'`: a command may take what looks like an option as text.
        settings = getattr(function, "context_settings", None)
        made.command(name, cls=ReaderCommand, context_settings=settings)(function)
    return made


def __getattr__(name: str) -> typer.Typer:
    """`reader.cli.main.app`: the app with every command, for typer's test runner and tools."""
    if name == "app":
        return build(COMMANDS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run(argv: list[str] | None = None) -> int:
    """Run the command line; the exit code. No tracebacks reach the user.

    Not in click's standalone mode: its usage errors took four lines (usage,
    a hint, a blank line, the error); here they are one, as every error is.
    """
    from reader.cli.say import cut_short, internal_error, say, stopped_code

    args = sys.argv[1:] if argv is None else argv
    if COMPLETE_VAR in os.environ:  # the shell asks for words (`reader completion SHELL`)
        from typer._completion_classes import completion_init

        completion_init()  # typer registers its bash, zsh and fish answers only when asked
    try:
        # Only a help text names the dirs: finding them costs a start platformdirs.
        wants_help = "--help" in args or "-h" in args
        code = build(invoked(args), where_things_live() if wants_help else None)(
            args=args, prog_name="reader", standalone_mode=False
        )
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else 0 if code is None else 2
    except KeyboardInterrupt:
        say("interrupted")
        return stopped_code()
    except BrokenPipeError:
        return cut_short()
    except typer.Abort:
        sys.stderr.write("reader: aborted\n")
        return 1
    except Exception as err:  # the last guard: one line, never a traceback
        usage = _usage_error(err)
        if usage is not None:
            say(usage[0])
            return usage[1]
        return internal_error(err)
    return code if isinstance(code, int) else 0


def _usage_error(err: Exception) -> tuple[str, int] | None:
    """The message and exit code of a click usage error (bad option, missing argument)."""
    from typer._click.exceptions import ClickException

    if not isinstance(err, ClickException):
        return None
    ctx = getattr(err, "ctx", None)
    command = ctx.command_path if ctx is not None else "reader"
    return f"{err.format_message()} (see {command} --help)", err.exit_code


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit (`reader.cli.entry` hands it all but the bare reader).

    One-shot commands behave as grep does when their reader goes away
    (`reader search … | head`): SIGPIPE ends them quietly. They also end at
    at once once their output is flushed (`reader.startup.quick_exit`).
    Everything else exits the usual way.
    """
    args = sys.argv[1:] if argv is None else argv
    named = invoked(args)
    if len(named) != 1 or named[0] not in QUICK_EXIT:
        sys.exit(problems(run(args)))
    end_quietly_on_a_closed_pipe()
    quick_exit(problems(run(args)))
