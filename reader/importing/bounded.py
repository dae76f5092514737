"""A PDF read in a child process whose memory and CPU time are bounded.

PDFium draws a page's forms into it as it loads the page, and it stops a form
that draws itself but not one that draws the next form twice: thirty such forms
are 2^30 drawings in a 7 KB file, and `reader import` of it grew to 22 GB before
the kernel ended it (audit20). An import's PDFs are read in one forked child that
may add `HEADROOM` bytes of address space to what it starts with and spend
`CPU_SECONDS` of CPU on each PDF; past either it dies, and the import says so in one
line (exit 2). Each answer, or the `ReaderError` raised, comes back pickled through a
pipe, in order.
"""

from __future__ import annotations

import faulthandler
import gc
import math
import os
import pickle
import resource
import signal
import traceback
from collections.abc import Callable, Generator
from contextlib import closing
from typing import Any, BinaryIO, TypeVar

from reader.errors import ReaderError

T = TypeVar("T")

HEADROOM = 4 << 30
"""A 999-page PDF of newspaper pages takes a few hundred MB to read; 4 GB more is no page."""

CPU_SECONDS = 900
"""Reading a page takes about 50 ms (2.6 s with 200,000 glyphs); 999 pages stay well within."""


def bounded(name: str, work: Callable[[], T]) -> T:
    """`work()` run in a child under the limits; its result, or its error raised here."""
    with closing(bounded_each([(name, work)])) as answers:
        return next(answers)


def bounded_each(works: list[tuple[str, Callable[[], T]]]) -> Generator[T, None, None]:
    """Each `work()` in turn, in one child under the limits (each its own CPU time), its
    result yielded here as it comes, or its error raised here.

    One child for all: a fork, and the child's first touch of the parent's memory
    (copied on write), cost 20-30 ms a PDF, a third of reading a one-page PDF; an issue
    of one-page PDFs pays them once. Close the iterator to end the child early.
    """
    if not works:
        return  # (an import of text pages: no child to start)
    if not hasattr(os, "fork"):
        for _, work in works:
            yield work()
        return
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its outcome is what the tests see
        os.close(reading)
        _child(writing, [work for _, work in works])
    os.close(writing)
    done = False
    try:
        with os.fdopen(reading, "rb") as pipe:
            for name, _ in works:
                kind, value = _answer(pipe, name, pid)
                if kind == "error":
                    raise value
                if kind == "crash":
                    raise RuntimeError(f"reading {name}: {value}")
                yield value
        done = True
    finally:  # an error, Ctrl-C, SIGTERM, or the caller stopped: the child does not read on
        if done:
            os.waitpid(pid, 0)
        else:
            _end(pid)


def _answer(pipe: BinaryIO, name: str, pid: int) -> tuple[str, Any]:
    """The child's next answer; a child that ended without one is refused by its limit."""
    head = pipe.read(8)
    size = int.from_bytes(head, "big") if len(head) == 8 else -1
    data = pipe.read(size) if size >= 0 else b""
    if size < 0 or len(data) != size:
        _, status = os.waitpid(pid, 0)
        raise ReaderError(_refusal(name, status))
    answer: tuple[str, Any] = pickle.loads(data)
    return answer


def _child(writing: int, works: list[Callable[[], object]]) -> None:  # pragma: no cover
    """Read each under the limits, write each outcome, and end without the parent's exit
    handlers."""
    status = 0
    faulthandler.disable()  # PDFium ending at the limit is said by the parent, once
    _freeze_inherited()
    try:
        _limit()
        with os.fdopen(writing, "wb") as pipe:
            for work in works:
                _limit_cpu()
                try:
                    outcome: tuple[str, object] = ("value", work())
                except ReaderError as err:
                    outcome = ("error", err)
                except MemoryError:
                    raise
                except Exception:
                    outcome = ("crash", traceback.format_exc(limit=-3).strip().splitlines()[-1])
                data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
                pipe.write(len(data).to_bytes(8, "big") + data)
                pipe.flush()
                if outcome[0] != "value":
                    break
    except BaseException:
        status = 1  # no answer: the parent names the limit
    finally:
        os._exit(status)


def _freeze_inherited() -> None:  # pragma: no cover - the child's
    """Leave the objects the child inherits out of its garbage collections.

    The cycle collector walks every tracked object of the generation it collects, and
    the oldest holds all the parent had when it forked (the import's sources, a test's
    or bench's corpus): each full collection in the child walked them again, writing
    into their headers, which also copies their memory pages from the parent's. Reading
    a Typst broadsheet set spent 2.3 ms a page so (20 pages, `bench/import.py`), 0.6
    after. The child never frees those objects (it ends with `os._exit`), so leaving
    them out loses nothing; what the reading makes is collected as before.
    """
    gc.freeze()


def _limit_cpu() -> None:
    """`CPU_SECONDS` more of CPU time from now, for the next work."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    now = math.ceil(used.ru_utime + used.ru_stime)
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = now + CPU_SECONDS
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _limit() -> None:
    """Bound the child's address space; no core file when PDFium gives up."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
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
