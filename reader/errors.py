"""Exit codes (as grep) and the one error type the command line reports."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """Process exit codes: 0 found or done, 1 nothing found, 2 bad input or usage."""

    OK = 0
    NOT_FOUND = 1
    BAD_INPUT = 2


class ReaderError(Exception):
    """An error for the user: printed as one line on stderr, then exit with `code`."""

    def __init__(self, message: str, code: Exit = Exit.BAD_INPUT) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class NotFound(ReaderError):
    """A well-formed request that matches nothing (exit 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, Exit.NOT_FOUND)
