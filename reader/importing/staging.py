"""Files an import writes: staged beside their targets, renamed into place at the end.

A page file is never half-written: each is written to a hidden temporary name in
its target's folder, and all are renamed into place only once every one is
written; if staging fails, what it made is removed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from reader.errors import ReaderError


@contextlib.contextmanager
def ctrl_c_deferred() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) that arrives inside the block until the block is done.

    Renaming the staged files into place is many steps; a Ctrl-C between two of
    them left a page's new text beside its old PDF, and one between making a
    staging file and recording it left the file behind. Only the main thread
    can set a handler; elsewhere the block runs as it is.
    """
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or previous is None:
        yield  # (None: a handler set outside Python, which cannot be put back)
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:  # delivered now, as the process would have had it: Ctrl-C or a kill
        if not callable(previous):  # SIGINT ignored (a background job): a kill stops it
            raise KeyboardInterrupt
        signal.raise_signal(signal.SIGINT)


class Stage:
    """Temporary files beside their targets, renamed into place only at the end."""

    def __init__(self) -> None:
        self.moves: list[tuple[Path, Path]] = []
        self.made: list[Path] = []

    def folder(self, path: Path) -> None:
        if path.exists() and not path.is_dir():  # was "cannot write to the library: File exists"
            raise ReaderError(f"{path}: a file where a folder goes; move it away first")
        if not path.is_dir():
            path.mkdir()
            self.made.append(path)

    def file(self, target: Path, data: bytes) -> None:
        if target.is_dir() and not target.is_symlink():  # a rename cannot replace a folder
            raise ReaderError(f"{target}: a folder where a page file goes; move it away first")
        with ctrl_c_deferred():  # made and recorded as one step, so `undo` finds it
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            self.moves.append((Path(tmp), target))
        # mkstemp makes its file for its owner alone: the library's files are for everyone
        # the umask lets read them (other users of a shared library could read no page).
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def undo(self) -> None:
        for tmp, _ in self.moves:
            tmp.unlink(missing_ok=True)
        for path in reversed(self.made):
            with contextlib.suppress(OSError):
                path.rmdir()

    def commit(self) -> None:
        for done, (tmp, target) in enumerate(self.moves):
            try:
                os.replace(tmp, target)
            except OSError:  # the files not yet in place are not left behind
                for left, _ in self.moves[done:]:
                    left.unlink(missing_ok=True)
                raise


def _umask() -> int:
    """The process's umask (read by setting it: there is no other portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
