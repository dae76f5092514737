"""Exit codes (as grep) and the one error type the command line reports."""

from __future__ import annotations

from typing import Final


class Exit:
    """Process exit codes: 0 found or done, 1 nothing found, 2 bad input or usage.

    Plain ints, not an IntEnum: making an enum class costs every command a millisecond.
    """

    OK: Final = 0
    NOT_FOUND: Final = 1
    BAD_INPUT: Final = 2


class ReaderError(Exception):
    """An error for the user: printed as one line on stderr, then exit with `code`."""

    def __init__(self, message: str, code: int = Exit.BAD_INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class NotFound(ReaderError):
    """A well-formed request that matches nothing (exit 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, Exit.NOT_FOUND)
