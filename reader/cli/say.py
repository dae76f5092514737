"""What a command says when it ends otherwise than done: one line on stderr, or nothing.

Typer-free, for the paths that run without it (the bare reader, the plain search)
and for typer's commands alike: every error reads the same whichever path ran.
"""

from __future__ import annotations

import sys

_STOPPED_BY = [2]
"""The signal that stopped the command: SIGINT (Ctrl-C) unless `stopped_by` says other."""


def stopped_by(signum: int) -> None:
    """Record that `signum` (SIGTERM, SIGHUP), taken as Ctrl-C, is stopping the command."""
    _STOPPED_BY[0] = signum


def stopped_code() -> int:
    """A stopped command's exit code, as a shell reports a process a signal ended: 128 +
    its number (130 for Ctrl-C, 143 for `kill`, 129 for a closed terminal)."""
    return 128 + _STOPPED_BY[0]


def say(message: str) -> None:
    """`reader: message` on stderr, one line; library strings in it made printable."""
    from reader.printable import one_line

    sys.stderr.write(f"reader: {one_line(message)}\n")


def problems(code: int) -> int:
    """Say each `issue.toml` or `paper.toml` this process could not read
    (`reader.library.PROBLEMS`), once, after the command's output; the exit code: 2 if
    there was one, as grep ends after a file it could not read, else `code`."""
    library = sys.modules.get("reader.library")  # not imported: nothing was read
    found: dict[str, None] = getattr(library, "PROBLEMS", {})
    if not found:
        return code
    for message in found:
        say(message)
    found.clear()
    return 2 if code in (0, 1) else code


def internal_error(err: Exception) -> int:
    """The last guard of a command: its error in one line, never a traceback; exit 2.

    An OSError is the system refusing (a full disk, a name too long for the file
    system, output to /dev/full): said as the system says it, not as our fault.
    """
    if isinstance(err, OSError):
        from reader.files import os_message

        say(os_message(err))
        return 2
    if isinstance(err, ImportError):
        say(import_problem(err))
        return 2
    say(f"internal error: {type(err).__name__}: {err}")
    return 2


def import_problem(err: ImportError) -> str:
    """An ImportError as what the user can mend: most often another version of a
    library first on the path (`PYTHONPATH`, a user site) than the one reader pins.

    It said "internal error: ModuleNotFoundError: No module named 'textual.style'"
    when an older Textual came first on `PYTHONPATH`.
    """
    import re
    from importlib.metadata import PackageNotFoundError, distribution, requires

    try:
        needs = requires("reader") or []
    except PackageNotFoundError:
        needs = []
    for line in needs:
        pin = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s,;]+)", line.replace(" ", ""))
        if pin is None:
            continue
        name, wanted = pin.groups()
        try:
            found = distribution(name)
        except PackageNotFoundError:
            return f"{name} is not installed: reader needs {name} {wanted} (pip install .)"
        if found.version != wanted:
            where = found.locate_file("")
            return (
                f"reader needs {name} {wanted}, but {name} {found.version} comes first on "
                f"the path (from {where}): check PYTHONPATH, or reinstall reader"
            )
    return f"a library reader needs cannot be imported ({err}): reinstall reader (pip install .)"


def cut_short() -> int:
    """Output was cut short (`reader search … | head`); that is not an error."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0
