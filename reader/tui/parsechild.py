"""An issue too big to parse between two keys, parsed in a child process the reader can stop.

audit25 left it: `}`, `{` or `g` into an issue made to parse slowly (20 pages of spaced
heads, 12 MB of text) froze the screen for minutes, `q`, Esc and Ctrl-C with it: the
parse ran on Textual's loop. A thread would not free the loop (it holds the interpreter
between switches) and cannot be stopped; a child process can be killed. The child
parses the issue's pages as the reader does (`cached_page`, which keeps each in the page
cache) and writes every page to its stdout as the cache's own entries (marshal data of
plain tuples), so the pages arrive even when the cache dir cannot be written.

Plain Python, no Textual: the child imports only the parser. `reader.tui.slowload`
runs it and keeps the keys typed meanwhile.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import BinaryIO

from reader.errors import ReaderError
from reader.library import Issue, Library
from reader.model import Page
from reader.tui.pagecache import cached_page, page_data, page_from_data

SLOW = 1 << 20
"""Bytes of page text not parsed before past which an issue opened from the screen is
parsed in a child: a fifth of a second at the parse's budget (5 MB/s), a second at the
slowest shape found (spaced heads with subtitles, 1 MB/s). An issue a paper prints is
0.1-3 MB; once shown, its pages come from the cache and it opens at once."""

_LENGTH = 8
"""Bytes of the length before each record."""


def command(library: Library, issue: Issue) -> list[str]:
    """The child's command line: this Python, this copy of the reader, no current folder."""
    return [
        sys.executable,
        "-P",
        "-m",
        "reader.tui.parsechild",
        os.fsdecode(library.root),
        issue.paper.key,
        issue.key,
    ]


def child_env() -> dict[str, str]:
    """The environment with this copy of `reader` first on the path, so the child runs
    the code the screen runs (a source tree over an installed copy)."""
    here = str(Path(__file__).resolve().parent.parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH")) if p)
    return env


def write_pages(library: Library, issue: Issue, out: BinaryIO) -> None:
    """Every page of `issue`, parsed or from the cache, as records on `out` (binary):
    `(number, entry, None)` for a page, `(number, None, message)` for one that cannot be read."""
    for number in issue.page_numbers():
        record: tuple[int, bytes | None, str | None]
        try:
            record = (number, page_data(cached_page(library, issue, number)), None)
        except ReaderError as err:
            record = (number, None, err.message)
        data = marshal.dumps(record)
        out.write(len(data).to_bytes(_LENGTH, "big") + data)


def read_pages(raw: bytes, issue: Issue) -> dict[int, Page | str]:
    """The pages (or why not) the child wrote, by number; a record that does not fit
    (a child cut off mid-write, or something else on its stdout) ends the reading: those
    pages are read by the screen."""
    found: dict[int, Page | str] = {}
    at = 0
    while at + _LENGTH <= len(raw):
        size = int.from_bytes(raw[at : at + _LENGTH], "big")
        chunk = raw[at + _LENGTH : at + _LENGTH + size]
        at += _LENGTH + size
        try:
            number, data, message = marshal.loads(chunk)
        except (ValueError, TypeError, EOFError):
            break
        if type(number) is not int:  # not a record of `write_pages`: a list broke the worker
            break
        if isinstance(message, str):
            found[number] = message
            continue
        page = page_from_data(data, issue.paper.key, issue.key, number)
        if page is None:
            break
        found[number] = page
    return found


def main(argv: list[str]) -> int:
    """`python -m reader.tui.parsechild ROOT PAPER ISSUE`: the issue's pages on stdout."""
    try:
        root, paper, key = argv
        library = Library(Path(root))
        issue = library.issue(paper, key)
        write_pages(library, issue, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    except (ReaderError, OSError, ValueError) as err:
        sys.stderr.write(f"reader: {getattr(err, 'message', err)}\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
