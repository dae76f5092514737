"""The first start of a big library with no saved place opens the newest issue
without listing the library (`Library.newest_issue`), and opens the same one the
listing chose (`newest(library.issues())`), whatever the dates say.

At 10 papers of 3 years the listing (10,950 issues built and sorted) cost the first
start about 130 ms of CPU, half a one-widget Textual app's start; the screen lists
the issues after its first frame, as it does back at a saved place.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from tui_scenes import count_listings, make_library

from reader.library import PROBLEMS, Library, newest
from reader.tui import session


def _folder(root: Path, paper: str, key: str, toml: str | None = None) -> None:
    folder = root / paper / key
    folder.mkdir(parents=True, exist_ok=True)
    (root / paper / "paper.toml").write_text(f'name = "{paper}"\n', encoding="utf-8")
    (folder / "01.txt").write_text("正文一行。\n", encoding="utf-8")
    if toml is not None:
        (folder / "issue.toml").write_text(toml, encoding="utf-8")


def _same(root: Path) -> str | None:
    listed = newest(Library(root).issues())
    alone = Library(root).newest_issue()
    assert alone == listed
    return None if alone is None else alone.id


def test_an_empty_library_has_no_newest(tmp_path: Path) -> None:
    (tmp_path / "xuhui").mkdir()
    (tmp_path / "xuhui" / "paper.toml").write_text('name = "x"\n', encoding="utf-8")
    assert _same(tmp_path) is None


def test_the_newest_date_of_any_paper_wins_and_ties_go_to_the_last_paper(tmp_path: Path) -> None:
    _folder(tmp_path, "a", "2025-03-28")
    _folder(tmp_path, "b", "2025-03-28")
    _folder(tmp_path, "b", "2025-03-01")
    assert _same(tmp_path) == "b/2025-03-28"


def test_an_issue_toml_date_moves_an_issue_as_the_listing_does(tmp_path: Path) -> None:
    """A folder named by no date, or by another, is placed by its `issue.toml`."""
    _folder(tmp_path, "a", "2025-03-28")
    _folder(tmp_path, "a", "特刊", "date = 2025-04-02\n")
    _folder(tmp_path, "b", "2025-03-30", 'date = "2024-01-01"\n')
    assert _same(tmp_path) == "a/特刊"


def test_undated_issues_count_only_when_none_has_a_date(tmp_path: Path) -> None:
    _folder(tmp_path, "a", "sample")
    _folder(tmp_path, "b", "特刊")
    assert _same(tmp_path) == "b/特刊"
    _folder(tmp_path, "a", "2020-01-01")
    assert _same(tmp_path) == "a/2020-01-01"


def test_a_broken_issue_toml_is_said_and_its_folder_name_counts(tmp_path: Path) -> None:
    _folder(tmp_path, "a", "2025-03-28", "date = [\n")
    _folder(tmp_path, "a", "2025-03-01")
    PROBLEMS.clear()
    try:
        assert Library(tmp_path).newest_issue() == newest(Library(tmp_path).issues())
        assert any("2025-03-28" in message for message in PROBLEMS)
    finally:
        PROBLEMS.clear()


def _odd(folder: Path, kind: str) -> None:
    toml = folder / "issue.toml"
    if kind == "fifo":
        os.mkfifo(toml)
    elif kind == "folder":
        toml.mkdir()
    elif kind == "loop":
        toml.symlink_to(toml)
    elif kind == "bom":
        toml.write_bytes(b"\xef\xbb\xbfdate = 2026-01-01\n")
    elif kind == "gbk":
        toml.write_bytes('title = "特刊"\ndate = 2026-01-01\n'.encode("gbk"))
    elif kind == "long":
        toml.write_text("date = 2026-01-01\n" + f'note = "{"长" * 3000}"\n', encoding="utf-8")
    elif kind == "empty":
        toml.write_bytes(b"")
    elif kind == "crlf":
        toml.write_bytes(b"date = 2026-01-01\r\n")


@pytest.mark.parametrize("kind", ["fifo", "folder", "loop", "bom", "gbk", "long", "empty", "crlf"])
def test_an_odd_issue_toml_is_read_and_said_as_the_listing_does(tmp_path: Path, kind: str) -> None:
    """The choice reads a plain small file at once (`library._issue_day`); every other
    file as the listing reads it, with the same message once."""
    _folder(tmp_path, "a", "2025-03-28")
    _folder(tmp_path, "a", "特刊")
    _odd(tmp_path / "a" / "特刊", kind)
    PROBLEMS.clear()
    try:
        alone = Library(tmp_path).newest_issue()
        said = list(PROBLEMS)
        PROBLEMS.clear()
        assert alone == newest(Library(tmp_path).issues())
        assert said == list(PROBLEMS)
    finally:
        PROBLEMS.clear()


@pytest.mark.parametrize("seed", range(12))
def test_random_libraries_agree_with_the_listing(tmp_path: Path, seed: int) -> None:
    pick = random.Random(seed)
    keys = ["2025-03-28", "2025-3-28", "20250328", "sample", "特刊", "2024-12-31", "9999"]
    dates = [None, "2025-03-28", "2026-01-01", "2023-05-05", '"bad"', "2025-03-28T10:00:00"]
    for paper in pick.sample(["a", "b", "c"], pick.randint(1, 3)):
        for key in pick.sample(keys, pick.randint(1, len(keys))):
            when = pick.choice(dates)
            _folder(tmp_path, paper, key, None if when is None else f"date = {when}\n")
    _same(tmp_path)


def test_the_first_start_opens_the_newest_without_a_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(tmp_path, [("2025-03-21", 1), ("2025-03-28", 1), ("2025-03-26", 1)])
    scans = count_listings(monkeypatch)
    loaded = session.read_start(Library(root), None, tmp_path / "none.json")
    assert scans == [] and loaded.issues is None
    assert loaded.opened is not None and loaded.opened.issue.key == "2025-03-28"


async def test_a_first_start_walks_the_issues_listed_after_its_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No saved place: the newest opens unlisted, and `{` pressed at once, in a burst,
    walks the issues as a slow `{` does (the listing is made when a key needs it)."""
    from tui_scenes import app_for, settle

    root = make_library(tmp_path, [("2025-03-21", 1), ("2025-03-26", 1), ("2025-03-28", 1)])
    scans = count_listings(monkeypatch)
    app = app_for(root)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        await settle(app, pilot)
        assert app.main.opened is not None
        assert app.main.opened.issue.id == "xuhui/2025-03-21"
        assert len(scans) == 1
