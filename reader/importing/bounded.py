"""A PDF read in a child process whose memory and CPU time are bounded.

PDFium draws a page's forms into it as it loads the page, and it stops a form
that draws itself but not one that draws the next form twice: thirty such forms
are 2^30 drawings in a 7 KB file, and `reader import` of it grew to 22 GB before
the kernel ended it (audit20). The PDF is read in a forked child that may add
`HEADROOM` bytes of address space to what it starts with and spend `CPU_SECONDS`
of CPU; past either it dies, and the import says so in one line (exit 2). The
child's answer, or the `ReaderError` it raised, comes back pickled through a pipe.
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import resource
import signal
import traceback
from collections.abc import Callable
from typing import TypeVar

from reader.errors import ReaderError

T = TypeVar("T")

HEADROOM = 4 << 30
"""A 999-page PDF of newspaper pages takes a few hundred MB to read; 4 GB more is no page."""

CPU_SECONDS = 900
"""Reading a page takes about 50 ms (2.6 s with 200,000 glyphs); 999 pages stay well within."""


def bounded(name: str, work: Callable[[], T]) -> T:
    """`work()` run in a child under the limits; its result, or its error raised here."""
    if not hasattr(os, "fork"):
        return work()
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its outcome is what the tests see
        os.close(reading)
        _child(writing, work)
    os.close(writing)
    try:
        with os.fdopen(reading, "rb") as pipe:
            answer = pipe.read()
        _, status = os.waitpid(pid, 0)
    except BaseException:  # Ctrl-C, SIGTERM: the child does not read on alone
        _end(pid)
        raise
    if not answer:
        raise ReaderError(_refusal(name, status))
    kind, value = pickle.loads(answer)
    if kind == "error":
        raise value
    if kind == "crash":
        raise RuntimeError(f"reading {name}: {value}")
    return value  # type: ignore[no-any-return]


def _child(writing: int, work: Callable[[], object]) -> None:  # pragma: no cover
    """Read under the limits, write the outcome, and end without the parent's exit handlers."""
    status = 0
    faulthandler.disable()  # PDFium ending at the limit is said by the parent, once
    try:
        _limit()
        try:
            outcome: tuple[str, object] = ("value", work())
        except ReaderError as err:
            outcome = ("error", err)
        except MemoryError:
            raise
        except Exception:
            outcome = ("crash", traceback.format_exc(limit=-3).strip().splitlines()[-1])
        data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        status = 1  # no answer: the parent names the limit
    finally:
        os._exit(status)


def _limit() -> None:
    """Bound the child's address space and CPU time; no core file when PDFium gives up."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, hard))
    size = _address_space()
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if size is not None and (hard == resource.RLIM_INFINITY or size + HEADROOM < hard):
        resource.setrlimit(resource.RLIMIT_AS, (size + HEADROOM, hard))


def _address_space() -> int | None:
    """The process's address space now (VmSize), or None where /proc does not say."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _refusal(name: str, status: int) -> str:
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU:
        return f"{name}: too costly to read: over {CPU_SECONDS} s of CPU"
    return (
        f"{name}: too costly to read: the PDF reader ended past {HEADROOM / 2**30:g} GB of memory"
    )


def _end(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
