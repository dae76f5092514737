"""Whether the index file is as `reader` left it after its last whole-file check.

`reader index` looks over the whole file before it updates it (`store.check`:
`PRAGMA quick_check` and both FTS5 integrity checks), because bytes changed
inside a table can leave searches short of hits with no error. That reads
every page of the file: about 10 ms a megabyte, 20 s and more for the 2 GB
index of a few papers over decades, on every `reader index`, changed or not.

So the check is skipped while the file is in `reader`'s custody: after a check,
and after every update made while the file was still as the last one left it,
the file's identity and times are stamped beside it. A file written by anything
else (random bytes, a restore, a copy) has another change time, size or inode,
which no program can set back (`utime` moves the change time too); a crash in
the middle of an update leaves the stamp of before and a journal or WAL beside
the file. Either way the next `reader index` checks the whole file again.

File systems stamp times from a clock that ticks every few milliseconds, so a
write right after reader's own could carry the same times: the stamp is taken
only once the clock has moved past the file's time, and never on a file system
whose times are whole milliseconds or coarser (FAT, some network mounts).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

_SUFFIX = ".custody"
_BESIDE = ("-wal", "-journal")
"""Files SQLite leaves beside the index mid-write: their pages are not stamped."""
_TICK_NS = 20_000_000
"""More than the coarse clock tick file times are taken from (1-10 ms on Linux)."""


def _stamp(path: Path) -> str | None:
    """The file's device, inode, size, modification and change times; None if absent."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    for suffix in _BESIDE:
        if os.path.exists(f"{path}{suffix}"):
            return None  # a write not yet checkpointed, or one cut short
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + _SUFFIX)


def held(path: Path) -> bool:
    """Whether the file at `path` is exactly as `reader` stamped it last."""
    stamp = _stamp(path)
    if stamp is None:
        return False
    try:
        return _stamp_path(path).read_text(encoding="ascii") == stamp
    except (OSError, UnicodeDecodeError):
        return False


def keep(path: Path) -> None:
    """Stamp the file at `path` as checked (or updated from a checked state) by `reader`.

    Written to a temporary name and renamed, so a stamp is whole or absent. A
    folder that cannot be written keeps no stamp: the next check reads the file.
    """
    stamp = _stamp(path)
    if stamp is not None:
        mtime = int(stamp.split(":")[3])
        if mtime % 1_000_000 == 0:
            stamp = None  # times too coarse to tell a later write from this one
        else:
            time.sleep(max(0, mtime + _TICK_NS - time.time_ns()) / 1e9)
            if _stamp(path) != stamp:
                stamp = None  # written meanwhile, by someone else
    target = _stamp_path(path)
    scratch = target.with_name(target.name + ".tmp")
    try:
        if stamp is None:
            target.unlink(missing_ok=True)
            return
        scratch.write_text(stamp, encoding="ascii")
        os.replace(scratch, target)
    except OSError:
        with contextlib.suppress(OSError):
            scratch.unlink(missing_ok=True)
