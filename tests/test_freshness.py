"""The search's freshness check: what it sees at once, and what only a minute later."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from corpuslib import write_page

from reader.library import Library
from reader.search import engine as index
from reader.search import freshness

ISSUES = ["1998-01-01", "1998-01-02", "1998-01-03", "1998-01-04"]
HOUR = 3600


def age(folder: Path, seconds_ago: float) -> None:
    past = time.time() - seconds_ago
    os.utime(folder, (past, past))


def make(root: Path) -> Path:
    """One paper of four issues, the last changed most recently, all well settled."""
    for number, issue in enumerate(ISSUES):
        folder = root / "alpha" / issue
        folder.mkdir(parents=True)
        write_page(folder / "01.txt", [f"本报讯 第{number + 1}期的新闻，讲的是档案馆。"])
        age(folder, HOUR - 60 * number)
    age(root / "alpha", HOUR)
    return root


def replace(page: Path, paragraphs: list[str]) -> None:
    """Save a page as editors and `sed -i` do: a new file renamed over the old."""
    new = page.with_name(page.name + ".new")
    write_page(new, paragraphs)
    os.replace(new, page)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(freshness, "RECENT", 1)  # only 1998-01-04 is recent
    return make(tmp_path / "lib")


@pytest.fixture
def index_file(tmp_path: Path) -> Path:
    """An index file last written a minute ago."""
    path = tmp_path / "index.sqlite"
    path.write_bytes(b"")
    age(path, 60)
    return path


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the full checks (`record` over every folder) `fresh` makes."""
    calls: list[int] = []
    real = freshness.record

    def counted(root: Path) -> str:
        calls.append(1)
        return real(root)

    monkeypatch.setattr(freshness, "record", counted)
    return calls


def vouched(root: Path, index_file: Path, full_checks: list[int]) -> str:
    """The stored record, after a first search's full check found it current."""
    stored = freshness.record(root)
    assert freshness.fresh(root, stored, index_file)
    assert Path(f"{index_file}.checked").is_file()
    full_checks.clear()
    return stored


def test_the_record_heads_with_the_papers_and_the_recent_issues(root: Path) -> None:
    text = freshness.record(root)
    head, _, body = text.partition("\n\n")
    names = [line.rpartition(":")[0] for line in head.split("\n")[1:]]
    assert names == ["alpha", "alpha/1998-01-04"]
    assert {issue for _, issue in freshness.issue_times(text)} == set(ISSUES)
    assert body.count("\n\t") == len(ISSUES)


def test_the_recent_issues_are_the_last_changed_whatever_the_ties(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(freshness, "RECENT", 2)
    for issue in ISSUES[:3]:
        os.utime(root / "alpha" / issue, (1e9, 1e9))
    head = freshness.record(root).partition("\n\n")[0].split("\n")[2:]
    assert len(head) == 2 and all(line.startswith("alpha/") for line in head)
    assert "alpha/1998-01-04" in {line.rpartition(":")[0] for line in head}


def test_a_quick_check_serves_after_a_full_one(
    root: Path, index_file: Path, full_checks: list[int]
) -> None:
    stored = vouched(root, index_file, full_checks)
    assert freshness.fresh(root, stored, index_file, [("alpha", "1998-01-01")])
    assert full_checks == []


def add_issue(root: Path) -> None:
    (root / "alpha" / "1998-01-05").mkdir()
    write_page(root / "alpha" / "1998-01-05" / "01.txt", ["新"])


def remove_issue(root: Path) -> None:
    (root / "alpha" / "1998-01-02" / "01.txt").unlink()
    (root / "alpha" / "1998-01-02").rmdir()


def add_paper(root: Path) -> None:
    (root / "beta" / "1998-01-01").mkdir(parents=True)


def add_recent_page(root: Path) -> None:
    write_page(root / "alpha" / "1998-01-04" / "02.txt", ["新"])


def replace_recent_page(root: Path) -> None:
    replace(root / "alpha" / "1998-01-04" / "01.txt", ["新"])


ADDED: dict[str, Callable[[Path], None]] = {
    "an issue added": add_issue,
    "an issue removed": remove_issue,
    "a paper added": add_paper,
    "a page added to the recent issue": add_recent_page,
    "a page replaced in the recent issue": replace_recent_page,
}


@pytest.mark.parametrize("change", list(ADDED))
def test_a_change_to_papers_and_recent_issues_is_seen_at_once(
    root: Path, index_file: Path, full_checks: list[int], change: str
) -> None:
    stored = vouched(root, index_file, full_checks)
    ADDED[change](root)
    assert not freshness.fresh(root, stored, index_file)
    age(root / "alpha", HOUR // 2)  # settled too: the times differ all the same
    for folder in (root / "alpha").iterdir():
        age(folder, HOUR // 2)
    assert not freshness.fresh(root, stored, index_file)


def test_an_old_issue_holding_a_hit_is_checked_at_once(
    root: Path, index_file: Path, full_checks: list[int]
) -> None:
    stored = vouched(root, index_file, full_checks)
    replace(root / "alpha" / "1998-01-01" / "01.txt", ["新"])
    assert not freshness.fresh(root, stored, index_file, [("alpha", "1998-01-01")])


def test_an_old_issue_without_hits_is_checked_a_minute_after_the_last_full_check(
    root: Path, index_file: Path, full_checks: list[int]
) -> None:
    # The one thing the quick check gives up (the module's docstring, the README).
    stored = vouched(root, index_file, full_checks)
    write_page(root / "alpha" / "1998-01-01" / "02.txt", ["新"])
    assert freshness.fresh(root, stored, index_file, [("alpha", "1998-01-03")])
    assert full_checks == []
    age(Path(f"{index_file}.checked"), freshness._TRUST_NS / 1e9)
    assert not freshness.fresh(root, stored, index_file)
    assert full_checks == [1]


@pytest.mark.parametrize("why", ["index written since", "update running", "clock went back"])
def test_the_full_check_runs_again_when_its_time_cannot_vouch(
    root: Path, index_file: Path, full_checks: list[int], why: str
) -> None:
    stored = vouched(root, index_file, full_checks)
    witness = Path(f"{index_file}.checked")
    if why == "index written since":
        os.utime(index_file)
    elif why == "update running":
        Path(f"{index_file}-wal").write_bytes(b"")
    else:
        age(witness, -HOUR)
    assert freshness.fresh(root, stored, index_file)  # nothing changed: still fresh
    assert full_checks == [1]


def test_many_hit_issues_take_the_full_check(
    root: Path, index_file: Path, full_checks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = vouched(root, index_file, full_checks)
    monkeypatch.setattr(freshness, "_HITS", 2)
    hits = [("alpha", issue) for issue in ISSUES[:3]]
    assert freshness.fresh(root, stored, index_file, hits[:2])
    assert full_checks == []
    assert freshness.fresh(root, stored, index_file, hits)
    assert full_checks == [1]


def test_records_that_cannot_be_trusted_are_never_fresh(root: Path, index_file: Path) -> None:
    old = freshness.record(root).partition("\n\n")[2]  # the form before the head
    assert not freshness.fresh(root, old, index_file)
    assert not freshness.fresh(root, "", index_file)
    age(root / "alpha" / "1998-01-02", 0)  # changed just now: within a clock tick
    unsettled = freshness.record(root)
    assert ":?" in unsettled.partition("\n\n")[0]
    assert not freshness.fresh(root, unsettled, index_file)


def test_an_index_that_cannot_keep_the_time_makes_the_full_check(
    root: Path, tmp_path: Path, full_checks: list[int]
) -> None:
    path = tmp_path / "nowhere" / "index.sqlite"  # no folder to write the time into
    stored = freshness.record(root)
    full_checks.clear()
    assert freshness.fresh(root, stored, path)
    assert freshness.fresh(root, stored, path)
    assert full_checks == [1, 1]


def test_a_search_sees_its_own_hits_change(root: Path) -> None:
    lib = Library(root)
    path = index.update(lib).path
    age(path, 60)
    assert len(index.search(lib, "档案馆")) == 4  # the full check, remembered
    page = root / "alpha" / "1998-01-01" / "01.txt"
    replace(page, ["本报讯 第1期的新闻，讲的是图书馆。"])
    assert {h.issue for h in index.search(lib, "档案馆")} == set(ISSUES[1:])


def test_a_search_sees_an_old_issue_change_a_minute_later(root: Path) -> None:
    lib = Library(root)
    path = index.update(lib).path
    age(path, 60)
    assert index.search(lib, "熊猫") == []
    write_page(root / "alpha" / "1998-01-01" / "02.txt", ["本报讯 动物园来了熊猫。"])
    assert index.search(lib, "熊猫") == []  # within the minute: not seen
    age(Path(f"{path}.checked"), freshness._TRUST_NS / 1e9)
    assert [h.issue for h in index.search(lib, "熊猫")] == ["1998-01-01"]


def test_the_head_alone_serves_and_the_whole_record_is_read_by_the_full_check_only(
    root: Path, index_file: Path, full_checks: list[int]
) -> None:
    stored = vouched(root, index_file, full_checks)
    head = freshness.head_of(stored)
    assert head.endswith("\n\n") and stored.startswith(head) and len(head) < len(stored)
    asked: list[int] = []

    def whole() -> str:
        asked.append(1)
        return stored

    assert freshness.fresh(root, head, index_file, [("alpha", "1998-01-04")], whole)
    assert asked == [] and full_checks == []
    write_page(root / "alpha" / "1998-01-01" / "02.txt", ["新"])  # an old issue, no hit
    age(Path(f"{index_file}.checked"), freshness._TRUST_NS / 1e9)
    assert not freshness.fresh(root, head, index_file, (), whole)
    assert asked == [1]
    # Without the whole record, the head is never taken for it: not fresh, an update.
    assert not freshness.fresh(root, head, index_file)
    assert freshness.head_of("no head here") == ""


def test_a_search_reads_the_records_head_and_an_older_index_its_whole_record(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from reader.search import store

    lib = Library(root)
    path = index.update(lib).path
    with contextlib.closing(sqlite3.connect(path)) as conn:
        have = store.meta(conn)
        assert have["folders_head"] == freshness.head_of(have["folders"])
        assert store.search_meta(conn)["folders"] == have["folders_head"]
        with conn:
            conn.execute("DELETE FROM meta WHERE key = 'folders_head'")  # as before it
        assert store.search_meta(conn)["folders"] == have["folders"]
    age(path, 60)
    updates: list[int] = []
    real = index._refresh

    def counted(*args: Any) -> Any:
        updates.append(1)
        return real(*args)

    monkeypatch.setattr(index, "_refresh", counted)
    assert len(index.search(lib, "档案馆")) == 4
    assert len(index.search(lib, "档案馆")) == 4
    assert updates == []  # current without the head's own key: no update
    index.update(lib)  # `reader index`: nothing to segment, the head written
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert store.meta(conn)["folders_head"] == freshness.head_of(have["folders"])


def test_a_head_left_behind_by_an_older_version_is_mended_by_one_update(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older reader rewrites the record and not its head: the full check sees the two
    disagree, the update it brings writes the head again, and the searches after it
    take the quick check."""
    import sqlite3

    from reader.search import store

    lib = Library(root)
    path = index.update(lib).path
    with contextlib.closing(sqlite3.connect(path)) as conn:
        stale = store.meta(conn)["folders_head"]
    add_issue(root)  # the most recent issue now (settled: half a minute ago)
    age(root / "alpha" / "1998-01-05", 30)
    age(root / "alpha", 30)
    index.update(lib)
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        assert "1998-01-05" in store.meta(conn)["folders_head"] and "1998-01-05" not in stale
        conn.execute("UPDATE meta SET value = ? WHERE key = 'folders_head'", (stale,))
    age(path, 60)
    updates: list[int] = []
    real = index._refresh

    def counted(*args: Any) -> Any:
        updates.append(1)
        return real(*args)

    monkeypatch.setattr(index, "_refresh", counted)
    assert len(index.search(lib, "档案馆")) == 4
    assert updates == [1]
    with contextlib.closing(sqlite3.connect(path)) as conn:
        have = store.meta(conn)
        assert have["folders_head"] == freshness.head_of(have["folders"])
    age(path, 60)
    assert len(index.search(lib, "档案馆")) == 4
    assert len(index.search(lib, "档案馆")) == 4
    assert updates == [1]
