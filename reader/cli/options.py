"""The global options, `--library`, `--color` and `--version`, before or after the command;
usage lines with plain metavars.

As with kubectl and gh, `reader show ID --library L` works as `reader --library L show ID`:
the group gives every command its own copy of the options, and each copy
records its value where the commands look (the context's `obj`, `reader.cli.color`).
They stay out of the commands' signatures.
"""

from __future__ import annotations

from typing import Any

import typer
from typer._click.core import Context, Parameter
from typer._types import TyperChoice
from typer.core import TyperCommand, TyperGroup, TyperOption

from reader.cli import color

LIBRARY_HELP = "Library folder (else $READER_LIBRARY, config, ./issues, the bundled sample)."


def _library(ctx: Context, _param: Parameter, value: str | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)["library"] = value


def _color(_ctx: Context, _param: Parameter, value: str | None) -> None:
    if value is not None:
        color.choose(value)


def _version(ctx: Context, _param: Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:  # not while the shell asks for completions
        from reader import __version__

        print(f"reader {__version__}")
        raise typer.Exit(0)


def global_options() -> list[TyperOption]:
    """Fresh copies of the global options (click binds each to one command)."""
    return [
        TyperOption(
            param_decls=["--library", "-L"],
            metavar="DIR",
            help=LIBRARY_HELP,
            callback=_library,
            expose_value=False,
        ),
        TyperOption(
            param_decls=["--color"],
            type=TyperChoice(color.CHOICES),
            metavar="WHEN",
            help="Colour: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces), always, never.",
            callback=_color,
            expose_value=False,
        ),
        TyperOption(
            param_decls=["--version"],
            is_flag=True,
            is_eager=True,
            help="Print the version and exit.",
            callback=_version,
            expose_value=False,
        ),
    ]


class ReaderGroup(TyperGroup):
    """The `reader` group: its commands take the global options too."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.params.extend(global_options())
        for command in self.commands.values():
            command.params.extend(global_options())


class ReaderCommand(TyperCommand):
    """A `reader` command whose usage line reads `reader show [OPTIONS] ID`, not `{ID}`."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return [
            piece[1:-1] if piece[:1] == "{" and piece[-1:] == "}" else piece
            for piece in super().collect_usage_pieces(ctx)
        ]
