"""The library as the index sees it: its folders' times, every page file's stat.

`folders` is the quick test a one-shot `reader search` makes (is the index
fresh?): one `stat` per issue folder. `fingerprint` is the thorough one every
update makes: one `stat` per page file. `scan` lists what an update compares.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library import page_number

if TYPE_CHECKING:
    from reader.library import Library

_SETTLE_NS = 2_000_000_000

Key = tuple[str, str, int]
"""paper, issue, page number."""


class Scan:
    """The library's page files and issue.toml files with their stat signatures."""

    def __init__(self) -> None:
        self.issues: dict[tuple[str, str], str] = {}
        self.pages: dict[Key, tuple[str, str]] = {}


def _stat(st: os.stat_result) -> str:
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def folders(root: Path) -> str:
    """The modification time of every paper and issue folder under `root`, as one string.

    A page or issue added, removed or replaced (written elsewhere and renamed
    into place: `reader import`, editors, `sed -i`, `rsync`) changes its
    folder's time. A file rewritten in place (`cp` over it, `>`) does not:
    `reader index` checks every file and catches that. At 13,000 pages this
    is 1,600 stats instead of 15,000 (about 8 ms instead of 100).

    Empty (never equal to a stored value) while any folder changed within the
    last `_SETTLE_NS`: the kernel stamps times from a coarse clock, so a second
    change in the same tick would leave the time as it was.
    """
    text = record(root)
    return "" if not text or _UNSETTLED in text else text


_UNSETTLED = ":?"
"""A folder's time in `record` while it may still change within the same clock tick."""


def record(root: Path) -> str:
    """The folder times an update stores: `folders`, but a folder changed just now is `name:?`.

    One line a paper (`name:ns`), then one an issue, indented by a tab
    (`\tname:ns`), so `issue_times` can tell which issues changed since: a
    search of a shared index it cannot update reads those issues' pages
    directly (`reader.search.shared`). A folder that changed within the last
    `_SETTLE_NS` is recorded as `?`: never equal to a time, so it counts as
    changed until an update records its settled time.
    """
    parts: list[str] = []
    settled = time.time_ns() - _SETTLE_NS

    def line(name: str, ns: int) -> str:
        return f"{name}:{ns}" if ns <= settled else f"{name}{_UNSETTLED}"

    try:
        with os.scandir(root) as found:
            papers = [e for e in found if e.is_dir() and not e.name.startswith(".")]
        for paper in papers:
            with os.scandir(paper.path) as found:
                names = [e.name for e in found if e.is_dir() and not e.name.startswith(".")]
            # Relative to the paper's folder: the kernel resolves one name, not a path.
            folder = os.open(paper.path, os.O_RDONLY)
            try:
                times = [os.stat(name, dir_fd=folder).st_mtime_ns for name in names]
            finally:
                os.close(folder)
            parts.append(line(paper.name, paper.stat().st_mtime_ns))
            parts.extend("\t" + line(n, ns) for n, ns in zip(names, times, strict=True))
    except OSError:
        return ""
    return "\n".join(parts)


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
    (this digest, then the scan it compares). Directory order is stable while a
    folder is unchanged, and any change to it changes the digest anyway: no sorting.
    """
    import hashlib  # here: the quick test, on every search, needs none of this

    digest = hashlib.blake2b(digest_size=16)
    for (paper, issue), stat in found.issues.items():
        digest.update(f"{paper}/{issue}:{stat}\n".encode("utf-8", "surrogateescape"))
    for (paper, issue, page), (_, stat) in found.pages.items():
        digest.update(f"{paper}/{issue}/{page}:{stat}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def scan(library: Library) -> Scan:
    """Stat every page file the library would show (the same folders and names)."""
    found = Scan()
    for paper in library.papers:
        for issue_entry in os.scandir(paper.path):
            if issue_entry.name.startswith(".") or not issue_entry.is_dir():
                continue
            try:
                toml_stat = _stat(os.stat(os.path.join(issue_entry.path, "issue.toml")))
            except OSError:
                toml_stat = "-"
            found.issues[(paper.key, issue_entry.name)] = toml_stat
            for entry in os.scandir(issue_entry.path):
                number = page_number(entry.name)
                if number is None:
                    continue
                try:
                    if entry.is_file():
                        key = (paper.key, issue_entry.name, number)
                        found.pages[key] = (entry.path, _stat(entry.stat()))
                except OSError:
                    continue
    return found
