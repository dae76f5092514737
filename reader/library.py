"""A library on disk (DESIGN section 2): papers, issues, pages, ids."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from reader.errors import NotFound, ReaderError
from reader.files import is_file, is_folder, os_message, plain_toml
from reader.locations import bundled_sample


class Paper(NamedTuple):
    """A newspaper: its folder key and display name."""

    key: str
    name: str
    path: Path
    city: str | None = None
    language: str | None = None


class Issue(NamedTuple):
    """One issue (期) of a paper; `key` is its folder name."""

    paper: Paper
    key: str
    path: Path
    date: date | None = None
    number: str | None = None
    title: str | None = None
    note: str | None = None

    @property
    def id(self) -> str:
        """`paper/issue`."""
        return f"{self.paper.key}/{self.key}"

    @property
    def label(self) -> str:
        """The date when known, else the key."""
        return self.date.isoformat() if self.date else self.key

    def page_numbers(self) -> list[int]:
        """Page numbers of this issue, in order, from the `NN.txt` names."""
        numbers = []
        try:
            entries = list(os.scandir(self.path))
        except PermissionError as err:  # a folder this user may not list: said, left out
            PROBLEMS[f"{os_message(err)}; the issue is read as having no pages"] = None
            return []
        for entry in entries:
            number = page_number(entry.name)
            if number is not None and is_file(entry):
                numbers.append(number)
        return sorted(numbers)

    def page_path(self, number: int) -> Path:
        """The text file of page `number` (which may not exist)."""
        return self.path / f"{number:02d}.txt"


_NAMES: dict[str, int | None] = {}
_MAX_TOML = 1 << 20
"""`paper.toml` and `issue.toml` hold a few lines."""

PROBLEMS: dict[str, None] = {}
"""The `issue.toml` and `paper.toml` files this process could not read, as messages, in
order and once.

One malformed file among years of issues stopped `reader list`, `reader search` and the
reader for the whole library. Its issue is now read by its folder name (a dated folder
keeps its date; a paper is named by its folder) and the message kept here; the command
line says each at its end and exits 2, as grep does with a file it cannot read
(`reader.cli.say.problems`), and the reader says them in its status line.
"""


def page_number(name: str) -> int | None:
    """The page number of a page file's name (`01.txt` … `999.txt`), None for other names.

    Only the name `Issue.page_path` gives that number counts (`1.txt` and `001.txt`
    are not pages): the reader, the listing and the index see the same pages.
    """
    if name in _NAMES:
        return _NAMES[name]
    stem = name[:-4]
    number: int | None = None
    if name.endswith(".txt") and stem.isascii() and stem.isdigit() and len(stem) <= 3:
        number = int(stem)
        number = number if name == f"{number:02d}.txt" else None
    if len(_NAMES) < 4096:
        _NAMES[name] = number
    return number


def _toml(path: Path | str) -> dict[str, object]:
    from reader.files import read_toml

    return read_toml(path, _MAX_TOML) or {}


def _str(data: dict[str, object], key: str) -> str | None:
    value = data.get(key)
    return None if value is None else str(value)


def _date(value: object) -> date | None:
    if isinstance(value, datetime):  # `date = 2025-01-01T10:00:00` is a TOML datetime
        return value.date()  # kept whole, it could not be compared with `--since`
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


class Library:
    """A folder of papers, each a folder of issues, each a folder of page files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._kept: list[Issue] | None = None

    def __repr__(self) -> str:
        return f"Library({str(self.root)!r})"

    @cached_property
    def papers(self) -> list[Paper]:
        """Every paper: a folder with `paper.toml`, or one holding issue folders."""
        if not self.root.is_dir():
            raise ReaderError(f"{self.root}: library folder not found")
        found = []
        for entry in sorted(os.scandir(self.root), key=lambda e: e.name):
            if entry.name.startswith(".") or not is_folder(entry):
                continue
            path = Path(entry.path)
            try:
                listing = os.scandir(path)
            except PermissionError as err:  # another user's paper (0700): it alone is left out
                PROBLEMS[f"{os_message(err)}; the paper is left out"] = None
                continue
            with listing:
                try:
                    meta = _toml(path / "paper.toml")
                except ReaderError as err:  # one broken paper.toml stopped every command
                    PROBLEMS[f"{err.message}; the paper is read without it"] = None
                    meta = {}
                if not meta and not any(is_folder(e) for e in listing):
                    continue
            found.append(
                Paper(
                    key=entry.name,
                    name=_str(meta, "name") or entry.name,
                    path=path,
                    city=_str(meta, "city"),
                    language=_str(meta, "language"),
                )
            )
        return found

    def paper(self, key: str) -> Paper:
        """The paper with folder name `key`."""
        for paper in self.papers:
            if paper.key == key:
                return paper
        raise NotFound(f"no paper {key!r} in {self.root}")

    def issues(self, paper: str | None = None) -> list[Issue]:
        """Issues of one paper or of all, oldest first (by date, else key)."""
        papers = [self.paper(paper)] if paper else self.papers
        found = [self._issue(p, name) for p in papers for name in _issue_folders(p)]
        return sorted(found, key=lambda i: (i.label, i.paper.key, i.key))

    def keep_issues(self) -> list[Issue]:
        """`issues()`, kept for one `kept_issues()`: `reader read DATE` reads the
        library to check DATE, and the reader would read it again a moment later
        (one scan of 11,145 issues is a second of the start)."""
        self._kept = self.issues()
        return self._kept

    def kept_issues(self) -> list[Issue]:
        """The issues `keep_issues` kept, once; else `issues()` afresh."""
        kept, self._kept = self._kept, None
        return self.issues() if kept is None else kept

    def issue_ids(self, paper: str | None = None) -> list[str]:
        """The ids (`paper/issue`) of `issues`, sorted, from folder names alone.

        No `issue.toml` is read: completing an id in an 11,000-issue library read
        them all (1.4 s), and one malformed file completed nothing.
        """
        papers = [self.paper(paper)] if paper else self.papers
        return sorted(f"{p.key}/{name}" for p in papers for name in _issue_folders(p))

    def _issue(self, paper: Paper, key: str) -> Issue:
        # Strings, not Paths, until the Issue: listing 300 issues spent most of its
        # 13 ms in pathlib.
        meta = _issue_meta(os.path.join(paper.path, key, "issue.toml"))
        path = paper.path / key
        return Issue(
            paper=paper,
            key=key,
            path=path,
            date=_date(meta.get("date")) or _date(key),
            number=_str(meta, "number"),
            title=_str(meta, "title"),
            note=_str(meta, "note"),
        )

    @staticmethod
    def has_issue(paper: Paper, key: str) -> bool:
        """`key` names an issue folder of `paper`: a visible folder, one name, no path."""
        return key[:1] not in ("", ".") and "/" not in key and (paper.path / key).is_dir()

    def issue(self, paper: str, key: str) -> Issue:
        """One issue by paper and key."""
        found = self.paper(paper)
        if not self.has_issue(found, key):
            raise NotFound(f"no issue {paper}/{key} in {self.root}")
        return self._issue(found, key)

    def newest_issue(self) -> Issue | None:
        """`newest(self.issues())`, found without listing the library.

        The reader's first start (no saved place) listed every issue to open the
        newest: at 10 papers of 3 years, 10,950 `Issue`s and their paths built and
        sorted, 130 ms of CPU, over half a one-widget Textual app's start. Only each
        issue's date is needed for the choice (from its `issue.toml`, read as the
        listing reads it, else its folder name); the one chosen is then built.
        """
        dated: tuple[str, str, str] = ("", "", "")  # (label, paper, key), as sorted
        undated: tuple[str, str, str] = ("", "", "")
        chosen: dict[str, Paper] = {}
        named: dict[str, str | None] = {}  # a folder name's date: papers share them
        access, there = os.access, os.F_OK  # os.path.exists raised and caught for each
        day: date | None
        for paper in self.papers:
            chosen[paper.key] = paper
            base = f"{paper.path}{os.sep}"
            for key in _issue_folders(paper):
                # Strings joined by hand: os.path.join was a third of the time.
                meta = f"{base}{key}{os.sep}issue.toml"
                day = _issue_day(meta) if access(meta, there) else None
                if day is not None:
                    label: str | None = day.isoformat()
                elif key in named:
                    label = named[key]
                else:
                    day = _date(key)
                    label = named[key] = None if day is None else day.isoformat()
                if label is None:
                    undated = max(undated, (key, paper.key, key))
                elif label >= dated[0]:
                    dated = max(dated, (label, paper.key, key))
        best = dated if dated[1] else undated if undated[1] else None
        return None if best is None else self._issue(chosen[best[1]], best[2])

    def latest(self) -> Issue | None:
        """The newest issue of the library, if any (see `newest`)."""
        return newest(self.keep_issues())


def _issue_meta(path: str) -> dict[str, object]:
    """An issue's `issue.toml` at `path`; empty when there is none or it cannot be read
    (a FIFO or a broken file: the issue is read by its folder name, said once)."""
    try:
        return _toml(path)
    except ReaderError as err:
        PROBLEMS[f"{err.message}; the issue is read without it"] = None
        return {}


_SMALL = 4096
"""Bytes: an `issue.toml` of a few lines, read in one call (`_issue_day`)."""
_READ = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _issue_day(path: str) -> date | None:
    """The date the `issue.toml` at `path` gives, as `_issue_meta` reads it, in four system
    calls: a small regular file of plain lines (`date = 2025-03-28`, as `reader import`
    writes them) is read at once; anything else goes to `_issue_meta`, which says what is
    wrong with it. Checking, opening and reading each of 10,950 issues' files through
    `read_toml` was seven calls each, two thirds of a first start's choice of issue."""
    try:
        fd = os.open(path, _READ)
    except OSError:
        return _date(_issue_meta(path).get("date"))  # gone since, or not to be read
    data = None
    try:
        info = os.fstat(fd)
        if info.st_size <= _SMALL and stat.S_ISREG(info.st_mode):
            data = os.read(fd, _SMALL + 1)
    except OSError:
        pass
    finally:
        os.close(fd)
    meta = None
    if data is not None and len(data) <= _SMALL and not data.startswith(b"\xef\xbb\xbf"):
        try:
            meta = plain_toml(data.decode("utf-8"))
        except UnicodeDecodeError:
            meta = None
    return _date((_issue_meta(path) if meta is None else meta).get("date"))


def _issue_folders(paper: Paper) -> list[str]:
    """The names of `paper`'s issue folders; none, said once, when it cannot be listed.

    A paper folder another user keeps to a group (0750) stopped every command for
    the whole library with "permission denied", `show` of any other paper's page too.
    """
    try:
        with os.scandir(paper.path) as listing:
            return [e.name for e in listing if not e.name.startswith(".") and is_folder(e)]
    except PermissionError as err:  # not a folder gone meanwhile: its callers say that
        PROBLEMS[f"{os_message(err)}; the paper is left out"] = None
        return []


def newest(issues: list[Issue]) -> Issue | None:
    """The last dated issue of `issues` (as `Library.issues` sorts them), else the last.

    The last of all was the latest: an undated `特刊` or `sample` sorts after every
    date by its key, and the reader opened it instead of the newest issue.
    """
    dated = (found for found in reversed(issues) if found.date is not None)
    return next(dated, issues[-1] if issues else None)


def is_library(path: Path) -> bool:
    """A folder that holds at least one paper folder with a `paper.toml`."""
    try:
        return path.is_dir() and any(path.glob("*/paper.toml"))
    except OSError:
        return False


def resolve_library(
    option: str | None,
    env: Mapping[str, str] | None = None,
    *,
    create: bool = False,
    configured: Callable[[], str | None] = lambda: None,
) -> Library:
    """`--library`, `$READER_LIBRARY`, the configured `library`, `./issues`, the sample.

    `configured` is asked only when neither the option nor the variable names
    one (reading config files costs a start). With `create` (for `reader
    import`), a named folder that does not exist yet is accepted when its
    parent does: the import makes it.
    """
    env = os.environ if env is None else env
    if option is not None and not option.strip():  # `--library "$UNSET"`: not the sample
        raise ReaderError("--library: an empty path names no library")
    chosen = option or env.get("READER_LIBRARY") or configured()
    if chosen:
        try:
            root = Path(chosen).expanduser()
        except RuntimeError:  # `~nosuchuser/papers`: was `internal error: RuntimeError`
            raise ReaderError(f"{chosen}: no home folder for that user") from None
        if create and not root.exists() and root.parent.is_dir():
            return Library(root)
        if root.exists() and not root.is_dir():
            raise ReaderError(f"{root}: is a file, not a library folder")
        if not root.is_dir():
            raise ReaderError(f"{root}: library folder not found")
        return Library(root)
    local = Path.cwd() / "issues"
    if is_library(local):
        return Library(local)
    return Library(bundled_sample())
