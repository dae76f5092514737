"""Build the reader App from the library and the command-line values: the CLI and tests share it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reader.config import load_config, merge_words, split_words
from reader.errors import NotFound, ReaderError
from reader.fields import Ref, parse_id
from reader.library import Library
from reader.parse.pages import load_item
from reader.startup import pause_collection, share_charsets
from reader.state import load_search, load_theme, state_file

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def _issue_ref(library: Library, text: str) -> Ref:
    """A bare issue key or date (`2025-03-28`, `sample`) naming exactly one issue."""
    found = [i for i in library.keep_issues() if text in (i.key, i.label)]
    if not found:
        raise NotFound(f"no issue {text!r} in {library.root}")
    if len(found) > 1:
        names = ", ".join(i.id for i in found)
        raise ReaderError(f"{text!r} names several issues ({names}): give paper/issue")
    return Ref(found[0].paper.key, found[0].key)


def resolve_target(library: Library, target: str | None, page: int | None = None) -> Ref | None:
    """Check `ISSUE`, `ISSUE/PAGE` or `ITEM` (and `--page`) against the library.

    Nothing asked gives None: the reader then reopens the saved position or the
    latest issue. Something asked that does not exist is an error before any
    screen is drawn.
    """
    if target is None:
        if page is None:
            return None
        latest = library.latest()
        if latest is None:
            raise NotFound(f"no issues in {library.root}")
        ref = Ref(latest.paper.key, latest.key)
    elif "/" in target.strip().strip("/"):
        ref = parse_id(target)
    else:
        ref = _issue_ref(library, target.strip())
    issue = library.issue(ref.paper, ref.issue)
    if page is not None:
        if ref.page is not None and ref.page != page:
            raise ReaderError(f"--page {page} contradicts {target}")
        ref = Ref(ref.paper, ref.issue, page, ref.item)
    if ref.page is not None and ref.page not in issue.page_numbers():
        raise NotFound(f"no page {issue.id}/{ref.page:02d}")
    if ref.item is not None:
        load_item(library, f"{ref.paper}/{ref.issue}/{ref.page}/{ref.item}")
    return ref


def build_app(
    library: Library,
    target: str | None = None,
    *,
    page: int | None = None,
    highlight: str | Sequence[str] = (),
    search: str | None = None,
    env: Mapping[str, str] | None = None,
    parse_ahead: bool = False,
) -> ReaderApp:
    """The App for `reader read`: config and saved state from `env` (default: os.environ).

    Watch-words are the config's plus `highlight`. Opening an item with no
    `--search` recalls the last `reader search` of this library, so an id it
    printed opens with its hits highlighted (only if that item has hits). The
    interface speaks the config's `ui_language`, else the locale's; the theme
    last chosen with `t` wins over the config's. A wrong `[keys]` entry is a
    `ReaderError` of one line.

    `parse_ahead` (the terminal's reader, not a test's): the start issue's pages not
    yet parsed are parsed in a child process while Textual is imported here
    (`session.parse_start_beside`).
    """
    from reader.tui.keys import keymap
    from reader.tui.labels import labels_for

    env = os.environ if env is None else env
    config = load_config(env=env)
    keys = keymap(config.keys)
    extra = split_words(highlight) if isinstance(highlight, str) else tuple(highlight)
    start = resolve_target(library, target, page)
    state = state_file(library.root, env)
    if parse_ahead:
        from reader.tui.session import parse_start_beside

        parse_start_beside(library, start, state)
    from reader.tui.app import ReaderApp  # Textual: after the child is on its way

    recall = load_search(state) if start and start.item and not search else None
    return ReaderApp(
        library,
        start=start,
        highlight=merge_words(config.highlight, extra),
        search=search.strip() if search and search.strip() else None,
        recall=recall,
        state_path=state,
        theme=load_theme(state) or config.theme,
        labels=labels_for(config.ui_language, env),
        text_width=config.text_width or 40,
        keymap=keys,
    )


def is_terminal() -> bool:
    """Both ends of the session are a terminal (a full-screen app needs one)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@contextmanager
def _screen_on_the_terminal() -> Iterator[None]:
    """Textual draws on stderr: with it sent to a file (`reader 2>log`) the terminal stayed
    blank while the keys still worked, and the file filled with escape sequences. The
    screen goes to the terminal on stdout for the session; stderr is given back after,
    so what `reader` says on the way out still goes where it was sent."""
    if sys.stderr.isatty():
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        os.dup2(1, 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


@contextmanager
def _size_from_the_terminal() -> Iterator[None]:
    """Textual asks `shutil.get_terminal_size`, which takes COLUMNS and LINES over the
    terminal's own size: exported (a profile's `export COLUMNS`, a script's `env`) they
    held the reader at that size, drawing 20 columns of an 80-column terminal and
    ignoring every resize. They are set aside for the session and given back after."""
    saved = {name: os.environ.pop(name) for name in ("COLUMNS", "LINES") if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


def open_reader(
    library: Library,
    target: str | None = None,
    *,
    page: int | None = None,
    highlight: str | Sequence[str] = (),
    search: str | None = None,
) -> None:
    """Run the reader in this terminal until it quits; problems are `ReaderError`s.

    Both `reader read` and the bare `reader` (reader.cli.entry) come here.
    """
    if not is_terminal():
        raise ReaderError("the reader needs a terminal; for plain text use `reader show ID`")
    # The App resumes collection after its first frame (ReaderApp._started).
    pause_collection()
    share_charsets()  # before the parser and Textual compile their patterns
    app = build_app(
        library, target, page=page, highlight=highlight, search=search, parse_ahead=True
    )
    with _screen_on_the_terminal(), _size_from_the_terminal():
        app.run()
    # Textual prints an unhandled exception's traceback, then returns from run() as
    # if the reader had quit: say so, and exit non-zero (a script or shell must see it).
    if app.return_code:
        saved = app.save_after_crash()
        where = "the position was saved" if saved else "the position could not be saved"
        raise ReaderError(f"the reader stopped on an internal error (shown above); {where}")
    if app.unsaved is not None:  # said in the status line, and here after the screen is gone
        from reader.printable import one_line

        sys.stderr.write(f"reader: {one_line(app.unsaved)}\n")
