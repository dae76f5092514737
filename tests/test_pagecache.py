"""Parsed pages kept between sessions (reader/tui/pagecache.py): the same pages as the
parser gives, never a stale one, and a page shown before opens without the parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import NotFound
from reader.library import Library
from reader.parse import structure
from reader.parse.pages import load_page
from reader.tui import pagecache
from reader.tui.pagecache import cached_page
from reader.tui.session import load_issue


def _no_parse(*args: object) -> None:
    raise AssertionError("parsed again")


def test_a_page_shown_again_comes_from_the_cache_equal_to_the_parse(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library(library)
    issue = lib.issue("xuhui", "sample")
    first = cached_page(lib, issue, 1)
    assert first == load_page(lib, issue, 1)
    assert first.items  # a real page, not an empty one
    monkeypatch.setattr(pagecache, "parse_page_bytes", _no_parse)
    assert cached_page(lib, issue, 1) == first


def test_an_edited_page_is_parsed_again(library: Path) -> None:
    lib = Library(library)
    issue = lib.issue("xuhui", "sample")
    before = cached_page(lib, issue, 1)
    path = issue.page_path(1)
    text = "新的标题\n\n　　这是改过的一段正文，写在原来那页的位置上。\n"
    path.write_text(text, encoding="utf-8")
    after = cached_page(lib, issue, 1)
    assert after != before
    assert after == load_page(lib, issue, 1)


def test_a_new_sidecar_beside_the_page_is_a_new_entry(library: Path) -> None:
    """The import's structure file decides the page too (`01.structure.json`)."""
    lib = Library(library)
    issue = lib.issue("xuhui", "sample")
    path = issue.page_path(1)
    data = path.read_bytes()
    before = pagecache.entry_key(data, path, "xuhui", "sample", 1)
    side = path.with_name(structure.structure_path_name(path.name))
    side.write_text("{}", encoding="utf-8")
    assert pagecache.entry_key(data, path, "xuhui", "sample", 1) != before
    assert cached_page(lib, issue, 1) == load_page(lib, issue, 1)


def test_a_damaged_entry_is_parsed_again_and_replaced(library: Path) -> None:
    lib = Library(library)
    issue = lib.issue("xuhui", "sample")
    good = cached_page(lib, issue, 1)
    (entry,) = (Path(os.environ["READER_CACHE_DIR"]) / "pages").glob("*/*")
    for junk in (b"", b"\x00garbage", entry.read_bytes()[:40]):
        entry.write_bytes(junk)
        assert cached_page(lib, issue, 1) == good


def test_an_unwritable_cache_costs_only_the_parse(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker))
    lib = Library(library)
    issue = lib.issue("xuhui", "sample")
    assert cached_page(lib, issue, 1) == load_page(lib, issue, 1)


def test_a_missing_page_is_said_as_before(library: Path) -> None:
    lib = Library(library)
    issue = lib.issue("xuhui", "sample")
    with pytest.raises(NotFound) as cached:
        cached_page(lib, issue, 7)
    with pytest.raises(NotFound) as parsed:
        load_page(lib, issue, 7)
    assert cached.value.message == parsed.value.message


def test_a_shown_issue_opens_in_a_new_process_without_the_parser(library: Path) -> None:
    """The parser's imports are a third of a Textual app's start (DESIGN section 8)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reader.library import Library\n"
        "from reader.tui.session import load_issue\n"
        f"lib = Library(Path({str(library)!r}))\n"
        "opened = load_issue(lib, lib.issue('xuhui', 'sample'))\n"
        "print(len(opened.pages[0].items), 'reader.parse.stories' in sys.modules)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)]
    runs.append(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True))
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    lib = Library(library)
    count = len(load_issue(lib, lib.issue("xuhui", "sample")).pages[0].items)
    assert [r.stdout.split() for r in runs] == [[str(count), "True"], [str(count), "False"]]


def test_a_folder_keeps_the_entries_read_or_written_last(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache dir stays bounded: a reader who shows years of pages keeps the last."""
    lib = Library(library)
    issue = lib.issue("xuhui", "sample")
    page = cached_page(lib, issue, 1)
    (entry,) = (Path(os.environ["READER_CACHE_DIR"]) / "pages").glob("*/*")
    folder = entry.parent
    old = []
    for n in range(5):  # older entries of other pages, in the same folder
        other = folder / f"{entry.name[:2]}{n:062d}"
        other.write_bytes(b"x")
        os.utime(other, ns=(n * 10**9, n * 10**9))
        old.append(other)
    monkeypatch.setattr(pagecache, "PER_FOLDER", 3)
    cached_page(lib, issue, 1)  # read: made the newest
    pagecache._prune(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [entry.name, *(p.name for p in old[-2:])]
    )
    monkeypatch.setattr(pagecache, "parse_page_bytes", _no_parse)
    assert cached_page(lib, issue, 1) == page


def test_a_new_entry_prunes_its_folder(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lib = Library(library)
    issue = lib.issue("xuhui", "sample")
    path = issue.page_path(1)
    key = pagecache.entry_key(path.read_bytes(), path, "xuhui", "sample", 1)
    folder = Path(os.environ["READER_CACHE_DIR"]) / "pages" / key[:2]
    folder.mkdir(parents=True)
    for n in range(4):
        (folder / f"{key[:2]}{n:062d}").write_bytes(b"x")
        os.utime(folder / f"{key[:2]}{n:062d}", ns=(n * 10**9, n * 10**9))
    monkeypatch.setattr(pagecache, "PER_FOLDER", 2)
    cached_page(lib, issue, 1)  # written
    assert sorted(p.name for p in folder.iterdir()) == sorted([key, f"{key[:2]}{3:062d}"])
