"""`reader import` as a library: plan where pages go, refuse clashes, then write.

Importing is two steps. `plan_import` reads and checks every input and works
out each page's issue and number against what the library holds; any problem
is a `ReaderError` and nothing has been written. `apply` then writes each file
to a hidden temporary name beside its target and renames it into place, so a
page file is never half-written; if staging fails, what it made is removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from reader.errors import ReaderError
from reader.importing.sources import MAX_PAGE, MAX_PDF_BYTES, Source, expand, read_sources
from reader.importing.staging import Stage, ctrl_c_deferred
from reader.library import Library
from reader.locations import bundled_sample
from reader.parse.structure import structure_path_name

# One folder name: no separator, no space, nothing a terminal would act on (C0 and C1
# controls: `\x1b]0;…\x07` retitles it) or that reorders the text around it (bidi).
_UNSEEN = r"\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069"
_KEY = re.compile(rf"^[^./\\\s{_UNSEEN}][^/\\\s{_UNSEEN}]{{0,99}}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Action = Literal["add", "replace", "same"]

LOCK_WAIT = 60.0
"""Seconds an import waits for another import into the same library before it gives up."""


@dataclass(frozen=True)
class Placed:
    """One page of the plan: where it goes and what happens there."""

    issue: str
    number: int
    source: Source
    action: Action


@dataclass
class Plan:
    """Everything an import will do, worked out before anything is written."""

    library: Library
    paper: str
    paper_name: str
    pages: list[Placed]
    dates: dict[str, date | None] = field(default_factory=dict)

    def count(self, action: Action) -> int:
        """How many pages get this action."""
        return sum(1 for p in self.pages if p.action == action)


def check_key(value: str, what: str) -> str:
    """A paper or issue key must be one plain folder name."""
    if not _KEY.match(value) or value in (".", ".."):
        raise ReaderError(
            f"bad {what} {value!r}: use one folder name, no slashes, spaces or control characters"
        )
    return value


def check_library(library: Library) -> None:
    """Refuse to write into the bundled sample; a new library folder needs its parent."""
    try:
        if library.root.resolve() == bundled_sample().resolve():
            raise ReaderError(
                "no library chosen: give --library PATH or set READER_LIBRARY "
                "(import never writes into the bundled sample)"
            )
    except OSError as err:
        raise ReaderError(f"{library.root}: {err.strerror or err}") from None
    except RuntimeError:  # Path.resolve meeting a symlink loop (before Python 3.13)
        raise ReaderError(f"{library.root}: a symlink loop, not a library folder") from None
    root = library.root
    try:  # one look: `is_dir()` then `exists()` saw another import make it in between
        if stat.S_ISDIR(root.stat().st_mode):
            return
    except FileNotFoundError:
        if root.parent.is_dir():
            return  # a new library: the import makes it
    except OSError:
        pass
    raise ReaderError(f"{root}: library folder not found")


@contextlib.contextmanager
def import_lock(library: Library, wait: float | None = None) -> Iterator[None]:
    """Hold the library's import lock from planning to writing; wait up to `wait` seconds.

    Two imports into one issue at once both planned "page 1" from the same
    folder listing, and the second rename overwrote the first's page. The lock
    is an advisory `flock` on the library folder itself (made now if new, and
    removed again if the import leaves it empty), so it leaves no file behind
    and a crashed import never leaves it held.
    """
    check_library(library)
    root = library.root
    wait = LOCK_WAIT if wait is None else wait
    made = False
    try:
        root.mkdir()
        made = True
    except FileExistsError:
        pass
    except OSError as err:
        raise ReaderError(f"{root}: cannot create the library folder: {err.strerror}") from None
    try:
        with _flocked(root, wait):
            yield
    finally:
        if made:
            with contextlib.suppress(OSError):
                root.rmdir()  # only when empty: the import failed before writing


@contextlib.contextmanager
def _flocked(folder: Path, wait: float) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: no flock; imports there are not guarded
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ReaderError(
                        f"another import into {folder} is still running after {wait:.0f} s: "
                        "try again when it has finished"
                    ) from None
                time.sleep(0.05)
        yield  # closing the descriptor releases the lock
    finally:
        os.close(fd)


def _issue_of(source: Source, issue: str | None) -> tuple[str, date | None]:
    if issue is not None:
        when = date.fromisoformat(issue) if _ISO_DATE.match(issue) else None
        return issue, when
    if source.date is None:
        raise ReaderError(
            f"{source.origin}: no date in its name or folder: give --issue DATE or --issue KEY"
        )
    return source.date.isoformat(), source.date


def _existing(folder: Path) -> dict[int, Path]:
    pages: dict[int, Path] = {}
    if folder.is_dir():
        for entry in folder.iterdir():
            if re.fullmatch(r"\d{1,3}\.txt", entry.name) and entry.is_file():
                pages[int(entry.stem)] = entry
    return pages


def _same(source: Source, txt: Path) -> bool:
    """The page on disk holds exactly this source (its PDF too, when it has one)."""
    from reader.files import read_bounded

    try:  # a page on disk that cannot be read (or is not a file) is not this source
        if read_bounded(txt, len(source.text), "page file") != source.text:
            return False
    except ReaderError:
        return False
    if source.pdf is None:
        return True
    from reader.importing.pdf import same_pdf

    pdf = txt.with_suffix(".pdf")
    try:
        return same_pdf(read_bounded(pdf, MAX_PDF_BYTES, "PDF file"), source.pdf)
    except ReaderError:
        return False


def _number(sources: list[Source], taken: set[int], page: int | None) -> list[int]:
    """Page numbers: --page, else the file name's, else the lowest free ones in order."""
    if page is not None:
        if len(sources) != 1:
            raise ReaderError(f"--page {page} is for a single page; the inputs hold {len(sources)}")
        return [page]
    fixed = {s.number for s in sources if s.number is not None}
    used = taken | fixed
    numbers: list[int] = []
    free = 1
    for source in sources:
        if source.number is not None:
            numbers.append(source.number)
            continue
        while free in used:
            free += 1
        numbers.append(free)
        used.add(free)
    return numbers


def _place_issue(
    folder: Path, key: str, sources: list[Source], page: int | None, replace: bool
) -> list[Placed]:
    existing = _existing(folder)
    # A page already filed byte for byte is that page, whatever its name says now.
    unnamed = [s for s in sources if s.number is None and page is None]
    known: dict[int, int] = {}
    for n, path in existing.items():
        for source in unnamed:
            if id(source) not in known.values() and _same(source, path):
                known[n] = id(source)
                break
    by_id = {v: k for k, v in known.items()}
    rest = [s for s in sources if id(s) not in by_id]
    numbers = dict(zip(map(id, rest), _number(rest, set(existing), page), strict=True))
    numbers.update(by_id)
    placed: list[Placed] = []
    seen: dict[int, Source] = {}
    for source in sources:
        n = numbers[id(source)]
        if not 1 <= n <= MAX_PAGE:
            raise ReaderError(f"{source.origin}: page {n} is out of range (1 to {MAX_PAGE})")
        if n in seen:
            raise ReaderError(
                f"page {n} of {key} would come from both {seen[n].origin} and {source.origin}"
            )
        seen[n] = source
        action: Action = "add"
        if n in existing:
            if _same(source, existing[n]):
                action = "same"
            elif replace:
                action = "replace"
            else:
                raise ReaderError(
                    f"page {n} of {key} exists with other content ({source.origin}); "
                    "use --replace to overwrite it"
                )
        placed.append(Placed(key, n, source, action))
    return placed


def plan_import(
    library: Library,
    paths: Sequence[Path],
    *,
    paper: str,
    issue: str | None = None,
    page: int | None = None,
    replace: bool = False,
    name: str | None = None,
    tick: Callable[[str], None] | None = None,
    files: list[Path] | None = None,
) -> Plan:
    """Read and check every input and decide where each page goes; writes nothing."""
    check_library(library)
    check_key(paper, "paper")
    if issue is not None:
        check_key(issue, "issue")
        if _ISO_DATE.match(issue):
            try:
                date.fromisoformat(issue)
            except ValueError:
                raise ReaderError(f"bad --issue {issue!r}: not a real date") from None
    if page is not None and not 1 <= page <= MAX_PAGE:
        raise ReaderError(f"bad --page {page}: pages are 1 to {MAX_PAGE}")
    if name is not None:
        _check_name(library, paper, name)
    sources = read_sources(files if files is not None else expand(paths), tick)
    groups: dict[str, list[Source]] = {}
    dates: dict[str, date | None] = {}
    for source in sources:
        key, when = _issue_of(source, issue)
        groups.setdefault(key, []).append(source)
        dates[key] = when
    folder = library.root / paper
    placed = [
        p
        for key, group in groups.items()
        for p in _place_issue(folder / key, key, group, page, replace)
    ]
    return Plan(library, paper, name or paper, placed, dates)


def _check_name(library: Library, paper: str, name: str) -> None:
    """`--name` names a new paper; for one that has a name, another one is refused.

    Renaming is an edit of `paper.toml` (which may hold a city, a language and
    comments), not a side effect of adding pages: the import stops and says so.
    """
    toml = library.root / paper / "paper.toml"
    if not toml.is_file():
        return
    have = library.paper(paper).name
    if have != name:
        raise ReaderError(
            f"paper {paper} is already named {have!r}, not {name!r}: leave out --name, "
            f"or rename it in {toml}"
        )


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if ord(c) >= 0x20 and c != "\x7f" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def apply(plan: Plan, tick: Callable[[str], None] | None = None) -> None:
    """Write the plan: stage every file, then rename them all into place."""
    if all(p.action == "same" for p in plan.pages):
        return
    stage = Stage()
    paper_dir = plan.library.root / plan.paper
    stale: list[Path] = []
    try:
        stage.folder(plan.library.root)
        stage.folder(paper_dir)
        if not (paper_dir / "paper.toml").exists():
            stage.file(
                paper_dir / "paper.toml", f"name = {_toml_string(plan.paper_name)}\n".encode()
            )
        for key, when in plan.dates.items():
            if not any(p.issue == key and p.action != "same" for p in plan.pages):
                continue
            stage.folder(paper_dir / key)
            if when is not None and not (paper_dir / key / "issue.toml").exists():
                stage.file(paper_dir / key / "issue.toml", f"date = {when.isoformat()}\n".encode())
        for placed in plan.pages:
            if placed.action == "same":
                continue
            txt = paper_dir / placed.issue / f"{placed.number:02d}.txt"
            stage.file(txt, placed.source.text)
            if placed.source.pdf is not None:
                stage.file(txt.with_suffix(".pdf"), placed.source.pdf)
            elif txt.with_suffix(".pdf").exists():
                stale.append(txt.with_suffix(".pdf"))  # the old PDF no longer matches the text
            structure = txt.with_name(structure_path_name(txt.name))
            if placed.source.structure is not None:
                stage.file(structure, placed.source.structure)
            elif structure.exists():
                stale.append(structure)
            if tick:
                tick(txt.name)
    except OSError as err:
        stage.undo()
        raise ReaderError(f"cannot write to the library: {err.strerror or err}") from None
    except BaseException:
        stage.undo()
        raise
    with ctrl_c_deferred():  # a page's text, PDF and structure move together or not at all
        try:
            stage.commit()
        except OSError as err:
            raise ReaderError(f"cannot write to the library: {err.strerror or err}") from None
        for path in stale:
            path.unlink(missing_ok=True)


def update_index(library: Library, issues: Iterable[tuple[str, str]] | None = None) -> None:
    """Bring the search index up to date with the pages just filed (in `issues`, if given:
    (paper, issue) folders, so that the update does not stat every page of the archive)."""
    from reader.search.engine import update  # SQLite and the segmenter load only when needed

    update(library, only=issues)
