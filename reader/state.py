"""Remembered state per library (position, scroll, theme, last search) as JSON in the data dir."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.fields import Ref
from reader.files import read_bounded
from reader.locations import data_dir, library_key


def state_file(root: Path, env: Mapping[str, str] | None = None) -> Path:
    """The state file of the library at `root`: `<data dir>/state/<library key>.json`."""
    return data_dir(env) / "state" / f"{library_key(root)}.json"


_MAX_STATE = 1 << 20
"""A position, a theme and a query: a few hundred bytes."""


def _read(path: Path) -> dict[str, Any]:
    """The saved object; a missing, unreadable or corrupt file counts as empty."""
    try:  # bounded, regular files only: a FIFO or a link to /dev/zero here hung the reader
        data = json.loads(read_bounded(path, _MAX_STATE, "state file").decode("utf-8"))
    except (ReaderError, ValueError, RecursionError):  # RecursionError: `[[[[…` nested deep
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict[str, Any]) -> None:
    """Replace the file atomically so a crash never leaves half a file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".state-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _update(path: Path, key: str, value: object) -> bool:
    """Set one key, keeping the others; False when the data dir is not writable."""
    data = _read(path)
    data[key] = value
    try:
        _write(path, data)
    except OSError:
        return False
    return True


def load_position(path: Path) -> Ref | None:
    """The last position saved in `path`, or None."""
    pos = _read(path).get("position")
    if not isinstance(pos, dict):
        return None
    paper, issue = pos.get("paper"), pos.get("issue")
    page, item = pos.get("page"), pos.get("item")
    if not isinstance(paper, str) or not isinstance(issue, str):
        return None
    return Ref(
        paper,
        issue,
        page if isinstance(page, int) else None,
        item if isinstance(item, int) else None,
    )


def save_position(path: Path, ref: Ref, scroll: tuple[int, int] | None = None) -> bool:
    """Remember `ref` as the position to reopen; False if it could not be written.

    `scroll` is where the reader was within the item: the block (field) at the top
    of the view and the character it starts at, which, unlike a line number, does
    not change with the terminal's width.
    """
    value: dict[str, object] = {
        "paper": ref.paper,
        "issue": ref.issue,
        "page": ref.page,
        "item": ref.item,
    }
    if scroll is not None and scroll != (0, 0):
        value["scroll"] = list(scroll)
    return _update(path, "position", value)


def load_scroll(path: Path) -> tuple[Ref, tuple[int, int]] | None:
    """The saved position and the scroll within its item, if one was saved."""
    ref = load_position(path)
    pos = _read(path).get("position")
    scroll = pos.get("scroll") if isinstance(pos, dict) else None
    if ref is None or not isinstance(scroll, list) or len(scroll) != 2:
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in scroll):
        return None
    return ref, (scroll[0], scroll[1])


def load_theme(path: Path) -> str | None:
    """The theme last chosen with `t` (`dark` or `light`), if any."""
    theme = _read(path).get("theme")
    return theme if theme in ("dark", "light") else None


def save_theme(path: Path, theme: str) -> bool:
    """Remember the theme chosen with `t`."""
    return _update(path, "theme", theme)


def load_search(path: Path) -> str | None:
    """The query of the last `reader search` in this library, if one was recorded."""
    query = _read(path).get("search")
    return query if isinstance(query, str) and query.strip() else None


def save_search(path: Path, query: str) -> bool:
    """Record a query so `reader read ID` can highlight its hits in that item."""
    return _update(path, "search", query)
