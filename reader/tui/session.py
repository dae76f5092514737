"""Which issue, page and item to show, and loading an issue: plain Python, no Textual."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import NamedTuple

from reader.errors import NotFound, ReaderError
from reader.fields import Ref
from reader.library import PROBLEMS, Issue, Library, newest
from reader.model import Page
from reader.state import load_position, load_scroll
from reader.tui.pagecache import cached_page, missing_pages, parse_beside

_DATE = re.compile(r"^\s*(\d{4})\D{0,2}(\d{1,2})\D{0,2}(\d{1,2})\D?\s*$")


class Opened(NamedTuple):
    """An issue with its pages parsed, and where to start in it (0-based indexes)."""

    issue: Issue
    pages: tuple[Page, ...]
    page: int = 0
    item: int | None = None
    errors: tuple[str, ...] = ()

    def ref(self, page: int, item: int | None) -> Ref:
        """The position `page`/`item` (0-based) as an id reference."""
        number = self.pages[page].page if self.pages else None
        return Ref(self.issue.paper.key, self.issue.key, number, None if item is None else item + 1)


def load_issue(
    library: Library,
    issue: Issue,
    page: int | None = None,
    item: int | None = None,
    given: Mapping[int, Page | str] | None = None,
) -> Opened:
    """Parse every page of one issue; `page` is a page number, `item` a 1-based number.

    With no `item`, the page opens at its lead story. `given`: pages (or why not) a
    child parsed (`reader.tui.parsechild`), taken as they are.

    A page that cannot be read becomes an empty page and a message, so one bad
    file does not hide the rest of the issue.
    """
    pages: list[Page] = []
    errors: list[str] = []
    for number in issue.page_numbers():
        got = given.get(number) if given else None
        try:
            if isinstance(got, str):
                raise ReaderError(got)
            pages.append(got if got is not None else cached_page(library, issue, number))
        except ReaderError as err:
            pages.append(Page(issue.paper.key, issue.key, number))
            errors.append(err.message)
    index = next((n for n, p in enumerate(pages) if p.page == page), 0)
    chosen: int | None = None
    if pages and pages[index].items:
        count = len(pages[index].items)
        chosen = min(max(item - 1, 0), count - 1) if item is not None else lead(pages[index])
    return Opened(issue, tuple(pages), index, chosen, tuple(errors))


def lead(page: Page) -> int | None:
    """The item a reader starts a page on: the first article, not a photo caption.

    With no article, the first item that is not a caption; with only captions, the first.
    """
    if not page.items:
        return None
    for kinds in (("article",), ("article", "brief")):
        found = next((n for n, item in enumerate(page.items) if item.kind in kinds), None)
        if found is not None:
            return found
    return 0


class Choice(NamedTuple):
    """The issue to open and where in it (a page number, a 1-based item), before parsing;
    the library's issues if they had to be listed to choose it."""

    issues: list[Issue] | None
    issue: Issue | None
    page: int | None = None
    item: int | None = None


def choose_start(library: Library, start: Ref | None, state_path: Path | None) -> Choice:
    """The issue to open: `start`, else the saved position (if its issue still
    exists), else the latest; no issue when the library has none.

    Back at the saved position the issues are not listed (None): that one issue
    is all the first frame needs, and listing 10 papers of 3 years (10,950 issue
    folders) was 100 ms of CPU, half a Textual app's start. The screen lists them
    after the first frame (`catalog`). Nor are they with no saved place: the
    newest is found without them (`Library.newest_issue`).
    """
    if start is None:
        saved = load_position(state_path) if state_path is not None else None
        issue = saved_issue(library, saved) if saved is not None else None
        if saved is not None and issue is not None:
            return Choice(None, issue, saved.page, saved.item)
        return Choice(None, library.newest_issue())
    issues = library.kept_issues()  # checking `start` read them a moment ago
    issue = find(issues, start.paper, start.issue) or newest(issues)
    if issue and issue.key == start.issue:
        return Choice(issues, issue, start.page, start.item)
    return Choice(issues, issue)


_CHOSEN: list[tuple[Library, Ref | None, Path | None, Choice, Opened | None]] = []
"""The choice `parse_start_beside` made (and the issue, when it read it), for
`open_start` to take once."""

HEAVY = 4 << 20
"""Bytes of page text not parsed before past which the start issue is read before the
screen is drawn (`parse_start_beside`): about a second at the parse's budget (5 MB/s);
a slow shape (spaced heads) parses at 1 MB/s. An issue a paper prints is 0.1-3 MB."""


def heavy(issue: Issue, bound: int | None = None) -> tuple[int, int] | None:
    """(pages, bytes) of the issue's page text not parsed before, when over `bound`
    (`HEAVY` by default)."""
    bound = HEAVY if bound is None else bound
    sizes: dict[int, int] = {}
    for number in issue.page_numbers():
        try:
            sizes[number] = os.stat(issue.page_path(number)).st_size
        except OSError:
            continue  # said when the page is read
    if sum(sizes.values()) <= bound:
        return None  # every issue a paper prints: no page hashed to know
    missing = missing_pages(issue)
    size = sum(sizes.get(number, 0) for number in missing)
    return (len(missing), size) if size > bound else None


def _read_first(library: Library, choice: Choice, weight: tuple[int, int]) -> Opened | None:
    """The start issue read before the screen, said on stderr: the screen reads its start
    issue before its first frame, with the terminal's keys its own, and an issue made to
    be slow (20 pages of 0.6 MB spaced heads, minutes on a busy machine) left the
    terminal blank with `q` and Ctrl-C ignored until it was done (audit25). Here Ctrl-C
    still stops the reader."""
    from reader.printable import one_line

    assert choice.issue is not None
    pages, size = weight
    sys.stderr.write(
        f"reader: reading {one_line(choice.issue.id)} first: {pages} pages, "
        f"{size / 2**20:.0f} MB of text not read before (Ctrl-C stops)\n"
    )
    sys.stderr.flush()
    try:
        return load_issue(library, choice.issue, choice.page, choice.item)
    except (ReaderError, OSError):
        return None  # said by `read_start`, which meets it again


def parse_start_beside(library: Library, start: Ref | None, state_path: Path | None) -> bool:
    """Choose the start issue now and parse its pages not yet cached in a child process
    (`pagecache.parse_beside`); whether a child was started. For the launcher, before
    Textual is imported: on a first start the parse then overlaps Textual's imports.

    The choice is kept for the `open_start` of the same arguments: with no saved
    place it listed the library, which is not listed twice.
    """
    try:
        choice = choose_start(library, start, state_path)
    except (ReaderError, OSError):
        return False  # said by `read_start`, which meets it again
    weight = heavy(choice.issue) if choice.issue is not None else None
    if weight is not None:
        _CHOSEN[:] = [(library, start, state_path, choice, _read_first(library, choice, weight))]
        return False
    _CHOSEN[:] = [(library, start, state_path, choice, None)]
    return choice.issue is not None and parse_beside(library, choice.issue)


def open_start(
    library: Library, start: Ref | None, state_path: Path | None
) -> tuple[list[Issue] | None, Opened | None]:
    """The issues of the library (None if they were not listed), and the start issue
    opened (`choose_start`); None for no issues."""
    kept = _CHOSEN.pop() if _CHOSEN else None
    if kept is not None and kept[0] is library and kept[1:3] == (start, state_path):
        choice = kept[3]
        if kept[4] is not None:
            return choice.issues, kept[4]
    else:
        choice = choose_start(library, start, state_path)
    if choice.issue is None:
        return choice.issues, None
    return choice.issues, load_issue(library, choice.issue, choice.page, choice.item)


class Loaded(NamedTuple):
    """What was read: an issue (and where in its article to start), the catalog, or why not."""

    opened: Opened | None
    issues: list[Issue] | None = None
    error: str | None = None
    place: tuple[int, int] | None = None


def read_start(library: Library, start: Ref | None, state_path: Path | None) -> Loaded:
    """Find the issues, then open `start`, the saved position or the latest.

    Back at the saved position, the saved place within the article comes too.
    """
    try:
        issues, opened = open_start(library, start, state_path)
    except (ReaderError, OSError) as err:
        return Loaded(None, None, getattr(err, "message", str(err)))
    if opened is not None and PROBLEMS:  # said in the status line, and again on quitting
        opened = opened._replace(errors=(*opened.errors, *PROBLEMS))
    place = None
    if start is None and opened is not None and state_path is not None:
        saved = load_scroll(state_path)
        if saved is not None and saved[0] == opened.ref(opened.page, opened.item):
            place = saved[1]
    return Loaded(opened, issues, place=place)


def read_issue(
    library: Library, issue: Issue, given: Mapping[int, Page | str] | None = None
) -> Loaded:
    """Parse one issue's pages (`given`: as `load_issue`), or say why it cannot be read.

    An issue folder gone since the list was read (removed, renamed) is said in
    one plain line, with the library's issues read again (`issues`).
    """
    try:
        return Loaded(load_issue(library, issue, given=given))
    except ReaderError as err:
        return Loaded(None, None, err.message)
    except OSError as err:
        try:
            issues = library.issues()
        except (ReaderError, OSError):
            issues = None
        return Loaded(None, issues, f"{issue.id}: {err.strerror or err}")


def saved_issue(library: Library, ref: Ref) -> Issue | None:
    """The issue `ref` names if the library lists it (as `find` on `library.issues()`
    would tell), read alone; None if it is gone."""
    try:
        paper = library.paper(ref.paper)
    except NotFound:
        return None
    if not library.has_issue(paper, ref.issue):
        return None
    return library.issue(ref.paper, ref.issue)


def catalog(library: Library) -> tuple[list[Issue], str | None]:
    """Every issue of the library, or none and why (it went since the start)."""
    try:
        return library.issues(), None
    except ReaderError as err:
        return [], err.message
    except OSError as err:
        return [], f"{library.root}: {err.strerror or err}"


def find(issues: list[Issue], paper: str, key: str) -> Issue | None:
    """The issue `paper/key` among `issues`."""
    return next((i for i in issues if i.paper.key == paper and i.key == key), None)


def neighbour(issues: list[Issue], issue: Issue, step: int) -> Issue | None:
    """The previous (`step` -1) or next (+1) issue of the same paper, if any.

    A longer step (a count, `3}`) goes as far as the paper's issues go.
    """
    same = [i for i in issues if i.paper.key == issue.paper.key]
    index = next((n for n, i in enumerate(same) if i.key == issue.key), None)
    if index is None:
        return None
    target = index + step
    if abs(step) > 1:
        target = min(max(target, 0), len(same) - 1)
    if target == index or not 0 <= target < len(same):
        return None
    return same[target]


def parse_day(text: str) -> date | None:
    """`2025-03-28`, `20250328`, `2025/3/28`, `2025年3月28日` as a date."""
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _paper_named(issues: list[Issue], text: str) -> tuple[str, str] | None:
    """(paper key, the rest) when `text` starts with a paper's key or name and a space or /."""
    head, _, rest = text.replace("/", " ", 1).partition(" ")
    rest = rest.strip()
    if not rest or any(i.id == text or i.key == text for i in issues):
        return None
    for issue in issues:
        if head in (issue.paper.key, issue.paper.name):
            return issue.paper.key, rest
    return None


def goto(issues: list[Issue], text: str, paper: str | None) -> Issue | None:
    """The issue asked for by `g`: a key or id, else the nearest date, this paper first.

    A date with no issue gives the last issue on or before it (else the first
    after it); a prefix such as `2025-03` gives the first issue it starts. Another
    paper is named before the rest, by its key or name: `rmrb 1998-01-05`,
    `人民日报 1998-01`, `rmrb/1998-01-05`.
    """
    text = text.strip()
    named = _paper_named(issues, text)
    if named is not None:
        paper, text = named
    same = [i for i in issues if i.paper.key == paper] or issues
    for pool in (same, issues):
        for issue in pool:
            if text in (issue.key, issue.id, issue.label):
                return issue
    day = parse_day(text)
    if day is not None:
        dated = [i for i in same if i.date is not None]
        before = [i for i in dated if i.date is not None and i.date <= day]
        if before:
            return before[-1]
        return dated[0] if dated else None
    return next((i for i in same if i.label.startswith(text) or i.key.startswith(text)), None)
