"""Reading files from the library with a bound: regular files only, at most a limit.

A page file can be anything a folder holds: a FIFO (reading it waits for ever),
a symlink to `/dev/zero` or `/dev/urandom` (never ends), a symlink loop, a
1.5 GB file. Every read of a page or a small settings file goes through
`read_bounded`, which opens without blocking, refuses what is not a regular
file, and reads at most `limit + 1` bytes, so nothing it refuses costs time or
memory. Its errors are one-line `ReaderError`s naming the file. `read_toml` reads
the library's `paper.toml` and `issue.toml` and the config files so.
"""

from __future__ import annotations

import errno
import os
import stat
from datetime import date
from pathlib import Path

from reader.errors import ReaderError

_CHUNK = 1 << 20


class TooBig(ReaderError):
    """The file holds more than the limit allows."""


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size} bytes"


def read_bounded(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file at `path`: at most `limit`, else `TooBig`.

    `what` names the file in messages ("page file"). A FIFO, a device, a
    directory or a symlink loop is a `ReaderError` at once, never a wait.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise ReaderError(f"{path}: {_why(err)}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReaderError(f"{path}: is a directory, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise ReaderError(f"{path}: not a regular file (a pipe or a device), not a {what}")
        if info.st_size > limit:
            size, most = _megabytes(info.st_size), _megabytes(limit)
            raise TooBig(f"{path}: {size} is over the {most} limit")
        chunks: list[bytes] = []
        got = 0
        while got <= limit:  # the file may have grown since fstat: stop one byte past
            chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        if got > limit:
            raise TooBig(f"{path}: over the {_megabytes(limit)} limit")
        return b"".join(chunks)
    except OSError as err:
        raise ReaderError(f"{path}: {_why(err)}") from None
    finally:
        os.close(fd)


def is_folder(entry: os.DirEntry[str]) -> bool:
    """`entry.is_dir()`, False where the system cannot tell: a symlink loop (ELOOP)
    among the papers or issues made every command that lists them an internal error."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def is_file(entry: os.DirEntry[str]) -> bool:
    """`entry.is_file()`, False where the system cannot tell (as `is_folder`)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def os_message(err: OSError) -> str:
    """An OSError as one line: the file it names, if any, and why (`x.txt: file name too long`)."""
    return f"{err.filename}: {_why(err)}" if err.filename is not None else _why(err)


def _why(err: OSError) -> str:
    """An OSError as the few words of a one-line message."""
    if err.errno == errno.ENOENT:
        return "no such file"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.ELOOP:
        return "too many levels of symbolic links (a symlink loop?)"
    if err.errno == errno.EISDIR:
        return "is a directory"
    return (err.strerror or str(err)).lower()


def read_toml(
    path: Path | str, limit: int, what: str = "settings file"
) -> dict[str, object] | None:
    """A small TOML file, read bounded; None when there is none; a bad one is a `ReaderError`.

    Regular files only: a FIFO named here hung `reader list` and, as the config,
    the reader. `a = [[[[…` deeper than tomllib recurses is one line, not a crash.
    """
    import tomllib  # here: a one-shot search reads no TOML, and the parser costs 5 ms

    if not os.path.exists(path):
        return None
    data = read_bounded(path, limit, what)
    # Notepad's "UTF-8" (with a byte order mark): the file is plain UTF-8 after it,
    # but tomllib said "Invalid statement (at line 1, column 1)" and the reader would
    # not start on such a config. Page files are read with one already.
    text_at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    data = data[text_at:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:  # GBK from an old editor: say what to do
        raise ReaderError(
            f"{path}: not UTF-8 text (byte {text_at + err.start + 1} of the file): save it as UTF-8"
        ) from None
    try:
        simple = plain_toml(text)
        return tomllib.loads(text) if simple is None else simple
    except tomllib.TOMLDecodeError as err:
        raise ReaderError(f"{path}: {err}") from None
    except RecursionError:
        raise ReaderError(f"{path}: nested deeper than a {what} goes") from None


def plain_toml(text: str) -> dict[str, object] | None:
    """What `tomllib.loads` makes of the plainest TOML, `key = 1998-01-01` or `key = "text"`
    lines; None for anything else, which goes to tomllib.

    Parsing 11,145 `issue.toml` files with tomllib took a third of listing them.
    """
    found: dict[str, object] = {}
    for line in text.split("\n"):
        if not line:
            continue
        key, equals, value = line.partition(" = ")
        bare = key.replace("_", "a").replace("-", "a")
        if not equals or key in found or not (bare.isascii() and bare.isalnum()):
            return None
        if len(value) == 10 and value.isascii() and value[4] == value[7] == "-":
            digits = value[:4] + value[5:7] + value[8:]
            if not digits.isdigit():
                return None
            try:
                found[key] = date.fromisoformat(value)
            except ValueError:  # 1998-02-30: tomllib says why
                return None
        elif len(value) >= 2 and value[0] == value[-1] == '"':
            inner = value[1:-1]
            if not inner.isprintable() or '"' in inner or "\\" in inner:
                return None
            found[key] = inner
        else:
            return None
    return found
