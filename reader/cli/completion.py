"""`reader completion SHELL`, and the words it offers for papers and ids.

The scripts are typer's: on TAB the shell runs `reader` with `_READER_COMPLETE`
set, and the command line answers with the commands, options, choices and,
from the library's folders, paper keys and issue and page ids (a listing of
folders: no index, no parsing).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated, Literal

import typer

from reader.cli.commands import COMPLETE_VAR
from reader.printable import one_line


def _typeable(words: Iterable[str]) -> list[str]:
    """The words a person could have typed: none with a control character in it.

    The shell prints the words it is offered as they are: a folder named with
    `ESC ] 0 ;` set the terminal's title on TAB, a C1 CSI or a bidi override
    reached the terminal raw, and a newline split one word into two (the bash
    script reads one word a line). A stand-in such as `␛` would name no folder.
    """
    return [word for word in words if one_line(word) == word]


def papers(ctx: typer.Context, incomplete: str) -> list[str]:
    """Paper folder keys that start with `incomplete`."""
    try:
        from reader.cli.common import library

        return _typeable(p.key for p in library(ctx).papers if p.key.startswith(incomplete))
    except Exception:  # a shell asking for words gets none, never a traceback
        return []


def ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Issue ids (`paper/issue`), then the page ids of the issue typed so far."""
    try:
        from reader.cli.common import library

        lib = library(ctx)
        parts = incomplete.split("/")
        if len(parts) >= 3:
            issue = lib.issue(parts[0], parts[1])
            words = [f"{issue.id}/{n:02d}" for n in issue.page_numbers()]
        else:
            typed = len(parts) == 2 and parts[0] in {p.key for p in lib.papers}
            words = lib.issue_ids(parts[0] if typed else None)
        return _typeable(word for word in words if word.startswith(incomplete))
    except Exception:  # as above: an unreadable library completes nothing
        return []


def completion(
    shell: Annotated[
        Literal["bash", "zsh", "fish"],
        typer.Argument(metavar="SHELL", help="bash, zsh or fish."),
    ],
) -> None:
    """Print a completion script for bash, zsh or fish.

    It completes commands, options, their choices, paper keys and issue and
    page ids. Load it from your shell's start-up file:

    \b
      bash: eval "$(reader completion bash)"        in ~/.bashrc
      zsh:  eval "$(reader completion zsh)"         in ~/.zshrc (after compinit)
      fish: reader completion fish | source         in ~/.config/fish/config.fish

    Example: reader completion fish > ~/.config/fish/completions/reader.fish

    Exit codes: 0 printed, 2 a shell it has no script for.
    """
    if shell == "bash":
        sys.stdout.write(_BASH)
        return
    from typer._completion_shared import get_completion_script

    sys.stdout.write(
        get_completion_script(prog_name="reader", complete_var=COMPLETE_VAR, shell=shell) + "\n"
    )


_BASH = f"""_reader_completion() {{
    local IFS=$'\\n' word words
    mapfile -t words < <(env COMP_WORDS="${{COMP_WORDS[*]}}" COMP_CWORD="$COMP_CWORD" \\
        {COMPLETE_VAR}=complete_bash "$1")
    COMPREPLY=()
    for word in "${{words[@]}}"; do
        [[ -n $word ]] && COMPREPLY+=("$word")
    done
    return 0
}}

complete -o filenames -o default -F _reader_completion reader
"""
"""Typer's bash script, but its words go on the command line quoted (`-o filenames`):
`p/特刊 2025` was put there as two words and `p/a[b]` as a glob; and they are read a
line each (`mapfile`), not expanded as a glob against the current folder's files."""


PaperOption = Annotated[
    str | None,
    typer.Option(
        metavar="PAPER", help="Only this paper (folder name or name).", autocompletion=papers
    ),
]
"""`--paper`, as `search` and `list` take it."""
SinceOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="Issues on or after DATE (1998-01-31).")
]
UntilOption = Annotated[str | None, typer.Option(metavar="DATE", help="Issues on or before DATE.")]
