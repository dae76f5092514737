"""The speed tricks of starting and ending a run, in one place, each with its reason.

Figures behind each choice are measured by `bench/startup.py` and
`bench/search.py` and kept in `bench/README.md`, not here; tests guard the
properties the tricks rely on (what a start imports, that no thread is alive
at a quick exit).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def pause_collection() -> None:
    """Run without the cyclic garbage collector until `resume_collection`.

    A start (imports, classes, styles) allocates a great deal and frees little,
    so the collector's full passes during it are wasted work; reference counting
    still frees everything that is not in a cycle. One-shot commands never
    resume: they make little cyclic garbage and end with `quick_exit`.
    """
    gc.disable()


def resume_collection() -> None:
    """Turn the collector back on if `pause_collection` paused it.

    What the start made lives as long as the process, so it is frozen first:
    later collections need not walk it again.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def beside(work: Callable[[], object]) -> Callable[[], None]:
    """Run `work` in a forked child while this process goes on; call the result to wait for it.

    For work whose only product is files (the page cache) that the reader needs a
    little later, done on another core meanwhile: the reader's first start parsed
    its first issue (and imported the parser, 40-60 ms of CPU) on the way to the
    first frame, while a second core stood idle. With one core to run on, no
    `fork` (Windows) or no child to be had, `work` is not run at all and the
    caller does it itself when it needs it (it finds the files missing); so it
    does when the machine has no core to spare (`_busy`).

    The child inherits no thread (fork before Textual starts its own) and leaves
    by `os._exit`: no buffered output of the parent is written twice, no
    `atexit` handler runs, whatever `work` raises. Waiting reaps it (its CPU time
    counts in the parent's children's time, `/proc/PID/stat` fields 16-17).
    """
    fork = getattr(os, "fork", None)
    affinity = getattr(os, "sched_getaffinity", None)
    cores = len(affinity(0)) if affinity else os.cpu_count() or 1
    if fork is None or cores < 2 or _busy(cores):
        return _nothing
    import signal

    # Ctrl-C is blocked across the fork: one arriving in the child before it is ready
    # would raise KeyboardInterrupt into the parent's code (its "interrupted", its
    # terminal restored). The child takes Ctrl-C's default action: it ends at once.
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        return _nothing
    if pid == 0:  # the child
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            work()
            code = 0
        finally:
            os._exit(code)
    signal.pthread_sigmask(signal.SIG_SETMASK, mask)

    def wait() -> None:
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(pid, 0)

    return wait


def share_charsets() -> None:
    """Optimize each regular expression character class once a process, not once a pattern.

    The parser compiles about 120 patterns when it is first used, and most of their
    cost is `re`'s optimizing of character classes (`_optimize_charset`): each class
    spanning the ideographs (`[\\u4e00-\\u9fff·]`) is made into a bitmap of 65,536
    code points, and 300 classes come to 100 distinct ones. On a first start (nothing
    in the page cache) that was a fifth of the reader's start-up CPU beyond a one-widget
    Textual app's. The function is wrapped to keep each result by its arguments (a
    class is a tuple of opcode and value pairs, hashable; the case-folding tables by
    identity) and to hand back a copy of the list it made; what `re` compiles is the
    same code (tests/test_audit26_startup.py compares every pattern of the package).
    Done only where `re._compiler._optimize_charset` has the signature of CPython
    3.11-3.13; elsewhere nothing changes.
    """
    from re import _compiler  # type: ignore[attr-defined]

    real = getattr(_compiler, "_optimize_charset", None)
    if real is None or getattr(real, "shared", False):
        return
    made = getattr(real, "__code__", None)  # (not `inspect`: 10 ms of imports)
    names = made.co_varnames[: made.co_argcount] if made is not None else ()
    if names != ("charset", "iscased", "fixup", "fixes"):
        return
    memo: dict[object, tuple[list[object], bool]] = {}

    def optimize(
        charset: list[object], iscased: object = None, fixup: object = None, fixes: object = None
    ) -> tuple[list[object], bool]:
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            found = memo.get(key)
        except TypeError:  # a value that cannot be hashed: not kept
            return real(charset, iscased, fixup, fixes)  # type: ignore[no-any-return]
        if found is None:
            found = memo[key] = real(charset, iscased, fixup, fixes)
            if not any(kept is fixes for kept in _KEPT):
                _KEPT.append(fixes)  # its id stays its own while the entry lives
        out, cased = found
        return list(out), cased

    optimize.shared = True  # type: ignore[attr-defined]
    _compiler._optimize_charset = optimize


_KEPT: list[object] = []
"""The case-folding tables `share_charsets` keyed by identity, kept alive."""


def _busy(cores: int) -> bool:
    """No core to spare: the load of the last minute leaves less than one idle.

    Measured on a 2-core machine at loads of 4 to 39 (bench/README.md, branch
    `start24`): the child then only shared the cores the reader got (it never
    started sooner than the reader needed its pages, yet the first frame came no
    sooner), and the fork's copy-on-write faults cost the reader 10 ms of CPU.
    """
    loadavg = getattr(os, "getloadavg", None)
    try:
        return loadavg is not None and loadavg()[0] > cores - 1
    except OSError:
        return False


def _nothing() -> None:
    """`beside`'s wait when nothing was started."""


def end_quietly_on_a_closed_pipe() -> None:
    """End as grep does when the reader of the output goes away (`reader search … | head`):
    SIGPIPE's default action, not a BrokenPipeError from the next write."""
    import signal

    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def quick_exit(code: int) -> None:
    """Flush the output and end the process at once, skipping interpreter teardown.

    Only for one-shot commands that leave no threads, children, open files or
    transactions: tearing down every module and object is a noticeable part of
    a one-shot search, and nothing of theirs needs it.
    """
    try:
        sys.stdout.flush()
    except OSError as err:  # output to a full disk or /dev/full: say so, not a traceback
        why = str(err.strerror or err).lower()
        sys.stderr.write(f"reader: cannot write the output: {why}\n")
        code = 2
    with contextlib.suppress(OSError):  # stderr on a full disk: the exit code tells
        sys.stderr.flush()
    os._exit(code)


def index_in_child(root: Path) -> bool:
    """Bring a library's index up to date in a child `reader index`; True if it did.

    Building the index segments every changed page: in a child process that
    memory is given back to the system when it ends, and the caller's thread
    (the reader's screen) stays responsive meanwhile.
    """
    # -P: not the current directory first on sys.path. Run from inside a source
    # checkout, `-m reader` would otherwise import the checkout's copy, not the
    # installed reader, and build an index where this process does not look.
    import subprocess  # here: a one-shot command needs none

    command = [sys.executable, "-P", "-m", "reader", "--library", str(root), "index"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return False
    return done.returncode == 0
