"""The library as the index sees it: its folders' times, every page file's stat.

`fresh` is the test a one-shot `reader search` makes (is the index current?).
Exact would be one `stat` per issue folder, about 3 µs each here: 33 ms at
2 GB (11,000 issue folders), more than the rest of a search. So it stats the
paper folders (an issue added, removed or renamed), the `RECENT` issue folders
changed last when the index was updated, and the folders of the hits found;
the other issue folders are vouched for by a full check (`record`, one stat
each) at most `_TRUST_NS` ago, remembered in a file beside the index.

What that gives up, and only beyond `RECENT` issue folders: a page added,
removed or replaced in an older issue folder that holds none of the hits
found is seen by every search that starts a minute after the change (and by
`reader index` at once), not by the searches within that minute.
`fingerprint` is the thorough test every update makes: one `stat` per page
file (a file rewritten in place, which moves no folder's time). `scan` lists
what an update compares.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING

from reader.files import is_folder
from reader.library import page_number

if TYPE_CHECKING:
    from reader.library import Library

_SETTLE_NS = 2_000_000_000
_TRUST_NS = 60_000_000_000
"""How long a full check vouches for the issue folders the quick one does not stat."""

RECENT = 128
"""Issue folders the quick check stats: those changed last when the record was made."""

_HITS = 64
"""Beyond this many issue folders among the hits, the full check is the quicker."""

_TAG = "folders 2"
"""The first line of a `record`: its head (papers and recent issues) comes first."""

Key = tuple[str, str, int]
"""paper, issue, page number."""


class Scan:
    """The library's page files and issue.toml files with their stat signatures."""

    def __init__(self) -> None:
        self.issues: dict[tuple[str, str], str] = {}
        self.pages: dict[Key, tuple[str, str]] = {}
        self.unnamed: list[str] = []  # folders left out: their names are not UTF-8
        # The read bits (group 0o040, others 0o004) some folder or page file scanned denies.
        self.closed = 0


def _closed(mode: int, folder: bool) -> int:
    """The read bits of an index (group 0o040, others 0o004) that a folder or page file of
    this `mode` denies: the index holds its text, so it may be read by no one the page
    may not be (a folder needs r and x, a file r)."""
    group, other = (0o050, 0o005) if folder else (0o040, 0o004)
    return (0o040 if mode & group != group else 0) | (0o004 if mode & other != other else 0)


def _named(name: str) -> bool:
    """Whether a folder's name can be stored: bytes that are not UTF-8 (a library copied
    from Windows names folders in GBK) come as lone surrogates, which SQLite refuses."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _kept(entry: os.DirEntry[str]) -> bool:
    """Whether a folder entry is a paper or issue the index keeps: a folder, not hidden,
    with a name it can store."""
    return not entry.name.startswith(".") and is_folder(entry) and _named(entry.name)


def _stat(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def fresh(
    root: Path,
    stored: str,
    index: Path,
    issues: Iterable[tuple[str, str]] = (),
    whole: Callable[[], str] | None = None,
) -> bool:
    """Whether no folder under `root` changed since `stored` (the index's `record`).

    `index`: the index file (the full check's time is kept beside it);
    `issues`: the (paper, issue) folders of the hits found, checked always.
    `whole`: when `stored` is only the record's head (`head_of`), the whole
    record, asked for by the full check alone (from the same read snapshot).
    A record of an older version of reader is never fresh: the update it
    brings rewrites it (no page is read again when none changed).
    """
    end = stored.find("\n\n")
    head = stored[:end]  # not `partition`: no copy of the rest
    if end < 0 or not head.startswith(_TAG + "\n") or _UNSETTLED in head:
        return False  # also a folder that was changing when the record was made
    if _quick(root, head, index, issues):
        return True
    start = time.time_ns()
    full = stored if whole is None else whole()
    if full != stored and head_of(full) != stored:
        return False  # a head another version left behind the record: an update mends it
    if record(root) != full:
        return False
    _vouch(index, start)
    return True


def head_of(stored: str) -> str:
    """The head of a `record` with the empty line that ends it: all that `fresh` reads
    but once a minute (4.6 kB of the 0.36 MB record at 2,000 MB); empty without one."""
    end = stored.find("\n\n")
    return stored[: end + 2] if end >= 0 else ""


def _quick(root: Path, head: str, index: Path, issues: Iterable[tuple[str, str]]) -> bool:
    """The paper folders, the recent issue folders and the hits' as `head` has them."""
    witness = _witness(index)
    try:
        seen = os.stat(witness)
        vouched = seen.st_mtime_ns
        if not S_ISREG(seen.st_mode) or not 0 <= time.time_ns() - vouched < _TRUST_NS:
            return False
        # The record checked then is the one stored now: no write to the index since.
        if os.stat(index).st_mtime_ns + _SETTLE_NS >= vouched or os.path.exists(f"{index}-wal"):
            return False
        papers: dict[str, str] = {}
        recent: dict[str, str] = {}
        for line in head.split("\n")[1:]:
            name, _, ns = line.rpartition(":")
            (recent if "/" in name else papers)[name] = ns
        with os.scandir(root) as found:
            now = {e.name: e for e in found if _kept(e)}
        if now.keys() != papers.keys():
            return False
        if any(str(e.stat().st_mtime_ns) != papers[name] for name, e in now.items()):
            return False
        folder = os.open(root, os.O_RDONLY)
        try:
            for name, ns in recent.items():
                if str(os.stat(name, dir_fd=folder).st_mtime_ns) != ns:
                    return False
            # A hit's folder not in the record's head: unchanged since the full check.
            hits = {f"{paper}/{issue}" for paper, issue in issues} - recent.keys()
            if len(hits) > _HITS:
                return False
            since = vouched - _SETTLE_NS
            return all(os.stat(name, dir_fd=folder).st_mtime_ns < since for name in hits)
        finally:
            os.close(folder)
    except OSError:
        return False


def _witness(index: Path) -> str:
    """The file beside the index whose time is that of the last full check that passed."""
    return f"{index}.checked"


def _vouch(index: Path, start: int) -> None:
    """Remember that a full check begun at `start` found the index's record current."""
    witness = _witness(index)
    try:
        # Non-blocking: a FIFO put in its place would wait for a reader forever.
        fd = os.open(witness, os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | os.O_NOFOLLOW, 0o644)
        try:
            if not S_ISREG(os.fstat(fd).st_mode):
                return  # not a file reader made: it vouches for nothing
            os.utime(fd, ns=(start, start))
        finally:
            os.close(fd)
    except OSError:
        pass  # a read-only index: every search makes the full check


def folders(root: Path) -> str:
    """`record`, or empty (never equal to a stored value) while a folder may still change.

    A page or issue added, removed or replaced (written elsewhere and renamed
    into place: `reader import`, editors, `sed -i`, `rsync`) changes its
    folder's time. A file rewritten in place (`cp` over it, `>`) does not:
    `reader index` checks every file and catches that.

    Empty while any folder changed within the last `_SETTLE_NS`: the kernel
    stamps times from a coarse clock, so a second change in the same tick
    would leave the time as it was.
    """
    text = record(root)
    return "" if not text or _UNSETTLED in text else text


_UNSETTLED = ":?"
"""A folder's time in `record` while it may still change within the same clock tick."""


def record(root: Path) -> str:
    """The folder times an update stores: a head for `fresh`, then every folder's time.

    The head: `_TAG`, one line a paper (`name:ns`) and one for each of the
    `RECENT` issue folders changed last and every one changed just now
    (`paper/issue:ns`), then an empty line. After it, one line a paper, then
    one an issue, indented by a tab (`\tname:ns`), so `issue_times` can tell
    which issues changed since: a search of a shared index it cannot update
    reads those issues' pages directly (`reader.search.shared`). A folder that
    changed within the last `_SETTLE_NS` is recorded as `?`: never equal to a
    time, so it counts as changed until an update records its settled time.
    Empty when `root` has no paper folders or cannot be read.
    """
    try:
        papers = _walk(root)
    except OSError:
        return ""
    if not papers:
        return ""
    settled = time.time_ns() - _SETTLE_NS

    def line(name: str, ns: int) -> str:
        return f"{name}:{ns}" if ns <= settled else f"{name}{_UNSETTLED}"

    top = heapq.nlargest(RECENT, [ns for _, _, _, times in papers for ns in times])
    last = top[-1] if top else 0
    ties = top.count(last)  # of the folders at the last time in, the first these many
    head, body = [_TAG], []
    for paper, paper_ns, names, times in papers:
        head.append(line(paper, paper_ns))
        body.append(line(paper, paper_ns))
        for name, ns in zip(names, times, strict=True):
            body.append(f"\t{line(name, ns)}")
            if ns > settled or ns > last or (ns == last and ties):
                head.append(line(f"{paper}/{name}", ns))  # and every `?` (more than RECENT?)
                if ns == last:
                    ties -= 1
    return "\n".join(head) + "\n\n" + "\n".join(body)


def _walk(root: Path) -> list[tuple[str, int, list[str], list[int]]]:
    """Each paper folder's name and time, and its issue folders' names and times."""
    found: list[tuple[str, int, list[str], list[int]]] = []
    with os.scandir(root) as entries:
        papers = [e for e in entries if _kept(e)]
    for paper in papers:
        with os.scandir(paper.path) as entries:
            names = [e.name for e in entries if _kept(e)]
        # Relative to the paper's folder: the kernel resolves one name, not a path.
        folder = os.open(paper.path, os.O_RDONLY)
        try:
            times = [os.stat(name, dir_fd=folder).st_mtime_ns for name in names]
        finally:
            os.close(folder)
        found.append((paper.name, paper.stat().st_mtime_ns, names, times))
    return found


def settled_record(root: Path) -> str:
    """`record`, after waiting out the clock tick of folders changed just now (up to 2 s).

    For `reader index` on a library others may read: a shared index recorded
    with a folder as `?` has their searches read that issue's pages directly
    (and say the index is behind) until the next update, and `reader import`
    then `reader index` is the usual order.
    """
    deadline = time.monotonic() + _SETTLE_NS / 1e9
    text = record(root)
    while _UNSETTLED in text and time.monotonic() < deadline:
        time.sleep(0.1)
        text = record(root)
    return text


def shared_with_others(root: Path) -> bool:
    """Whether other users may read the library but not write it: its index may be shared.

    They must be able to reach it too: every folder above it searchable by others.
    """
    try:
        folder = root.resolve()
        mode = os.stat(folder).st_mode
        if mode & 0o005 != 0o005 or mode & 0o002:
            return False
        return all(os.stat(parent).st_mode & 0o001 for parent in folder.parents)
    except OSError:
        return False


def issue_times(text: str) -> dict[tuple[str, str], str]:
    """(paper, issue) -> the recorded time (or `?`) of each issue folder in a `record` string."""
    found: dict[tuple[str, str], str] = {}
    paper = ""
    if text.startswith(_TAG + "\n"):
        text = text.partition("\n\n")[2]
    for line in text.split("\n"):
        name, _, value = line.rpartition(":")
        if not line.startswith("\t"):
            paper = name
        elif paper:
            found[(paper, name[1:])] = value
    return found


def changed_issues(
    root: Path, stored: str
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]] | None:
    """The issue folders added or changed since `stored` (a `record`), and those gone.

    None when the library's folders cannot be read. A folder recorded or
    found as `?` (changed within a clock tick) counts as changed.
    """
    now = record(root)
    if not now:
        return None
    current, before = issue_times(now), issue_times(stored)
    changed = {key for key, ns in current.items() if ns == "?" or before.get(key) != ns}
    return changed, before.keys() - current.keys()


def fingerprint(library: Library) -> str:
    """One digest of every page file's and issue.toml's stat: equal digests, nothing to do."""
    return signature(scan(library))


def signature(found: Scan) -> str:
    """The `fingerprint` of a library already scanned: an update stats every file once.

    Stat-ing the 87,724 pages of 2 GB took 1.7-3 s a pass, and an update made two
    (this digest, then the scan it compares). The digest is the XOR of one digest
    per file, so it does not depend on the order of the scan, and an update of a
    few issues can take their files out and put them back in (`resign`) without
    stat-ing the rest.
    """
    return f"{_mix(found):032x}"


def resign(stored: str, before: Scan, after: Scan) -> str:
    """`stored` with the files of `before` taken out and those of `after` put in."""
    try:
        value = int(stored, 16)
    except ValueError:
        return ""  # no signature matches it: the next update scans the library
    return f"{value ^ _mix(before) ^ _mix(after):032x}"


def _mix(found: Scan) -> int:
    """The XOR of one 128-bit digest per issue.toml and page file stat in `found`."""
    import hashlib  # here: the quick test, on every search, needs none of this

    value = 0
    for (paper, issue), stat in found.issues.items():
        line = f"{paper}/{issue}:{stat}\n".encode("utf-8", "surrogateescape")
        value ^= int.from_bytes(hashlib.blake2b(line, digest_size=16).digest(), "big")
    for (paper, issue, page), (_, stat) in found.pages.items():
        line = f"{paper}/{issue}/{page}:{stat}\n".encode("utf-8", "surrogateescape")
        value ^= int.from_bytes(hashlib.blake2b(line, digest_size=16).digest(), "big")
    return value


def scan(library: Library, only: Iterable[tuple[str, str]] | None = None) -> Scan:
    """Stat every page file the library would show (the same folders and names).

    `only`: just these (paper, issue) folders, those that exist.
    """
    found = Scan()
    wanted = None if only is None else set(only)
    for paper in library.papers:
        if not _named(paper.key):
            found.unnamed.append(str(paper.path))
            continue
        with contextlib.suppress(OSError):
            found.closed |= _closed(os.stat(paper.path).st_mode, folder=True)
        if wanted is None:
            entries = list(os.scandir(paper.path))
            folders = [(e.name, e.path) for e in entries if _kept(e)]
            found.unnamed += [e.path for e in entries if is_folder(e) and not _named(e.name)]
        else:
            folders = [
                (i, os.path.join(paper.path, i))
                for p, i in sorted(wanted)
                if p == paper.key and not i.startswith(".")
            ]
            folders = [(name, folder) for name, folder in folders if os.path.isdir(folder)]
        for name, folder in folders:
            try:
                toml_stat = _stat(os.stat(os.path.join(folder, "issue.toml")))
            except OSError:
                toml_stat = "-"
            found.issues[(paper.key, name)] = toml_stat
            with contextlib.suppress(OSError):
                found.closed |= _closed(os.stat(folder).st_mode, folder=True)
            for entry in os.scandir(folder):
                number = page_number(entry.name)
                if number is None:
                    continue
                try:
                    if entry.is_file():
                        key = (paper.key, name, number)
                        seen = entry.stat()
                        found.pages[key] = (entry.path, _stat(seen))
                        found.closed |= _closed(seen.st_mode, folder=False)
                except OSError:
                    continue
    return found
