"""The library on disk: papers, issues, pages, ids and where the library comes from."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from reader.errors import NotFound, ReaderError
from reader.fields import parse_id
from reader.library import Library, resolve_library
from reader.locations import bundled_sample
from reader.model import Item, Page
from reader.parse.pages import load_item, load_page
from reader.search.freshness import scan


def make_issue(root: Path, paper: str, key: str, pages: dict[str, str], toml: str = "") -> Path:
    folder = root / paper / key
    folder.mkdir(parents=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    if toml:
        (folder / "issue.toml").write_text(toml, encoding="utf-8")
    return folder


def test_issues_sort_by_date_and_latest_is_last(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "paper.toml").write_text('name = "甲报"\n', encoding="utf-8")
    make_issue(tmp_path, "a", "2025-03-02", {"01.txt": "一。"})
    make_issue(
        tmp_path, "a", "special", {"01.txt": "二。"}, 'date = 2025-03-05\nnumber = "第9期"\n'
    )
    make_issue(tmp_path, "a", "2025-03-01", {"02.txt": "三。", "01.txt": "四。", "x.txt": ""})
    lib = Library(tmp_path)
    assert [i.key for i in lib.issues()] == ["2025-03-01", "2025-03-02", "special"]
    latest = lib.latest()
    assert latest is not None and latest.date == date(2025, 3, 5) and latest.number == "第9期"
    first = lib.issue("a", "2025-03-01")
    assert first.page_numbers() == [1, 2]
    assert lib.paper("a").name == "甲报"


def test_only_names_page_path_makes_are_pages(tmp_path: Path) -> None:
    # The listing, the reader and the index agree: `1.txt` and `001.txt` are not page 1.
    pages = {"02.txt": "二。", "100.txt": "百。", "1.txt": "一。", "001.txt": "一。", "03.md": ""}
    make_issue(tmp_path, "a", "2025-03-01", pages)
    issue = Library(tmp_path).issue("a", "2025-03-01")
    assert issue.page_numbers() == [2, 100]
    assert all(issue.page_path(n).exists() for n in issue.page_numbers())
    assert sorted(page for _, _, page in scan(Library(tmp_path)).pages) == [2, 100]


def test_paper_without_toml_is_named_by_its_folder(tmp_path: Path) -> None:
    make_issue(tmp_path, "plain", "2024-01-01", {"01.txt": "正文。"})
    assert Library(tmp_path).papers[0].name == "plain"


def test_item_lookup_and_page_parse(library: Path) -> None:
    lib = Library(library)
    item = load_item(lib, "xuhui/sample/01/6")
    assert isinstance(item, Item) and item.subtitle == "共同开展产学研交流合作"
    page = load_page(lib, lib.issue("xuhui", "sample"), 1)
    assert isinstance(page, Page) and page.items[5] == item
    with pytest.raises(NotFound):
        load_item(lib, "xuhui/sample/02/1")


def test_a_broken_issue_toml_is_said_and_its_issue_read_by_its_folder(library: Path) -> None:
    """One malformed issue.toml stopped every listing of the library; now its issue is
    read as if the file were not there (a dated folder keeps its date) and the file is
    named once, for the command line to say (`reader.cli.say.problems`)."""
    from reader.library import PROBLEMS

    shutil.copytree(library / "xuhui" / "sample", library / "xuhui" / "1998-01-02")
    (library / "xuhui" / "1998-01-02" / "issue.toml").write_text("date = = 1", encoding="utf-8")
    (library / "xuhui" / "sample" / "issue.toml").write_text("date = = 1", encoding="utf-8")
    lib = Library(library)
    for _ in range(2):
        issues = {i.key: i for i in lib.issues()}
    assert issues["1998-01-02"].date == date(1998, 1, 2)
    assert issues["1998-01-02"].title is None and issues["sample"].title is None
    assert len(PROBLEMS) == 2, PROBLEMS
    assert all("issue.toml" in message for message in PROBLEMS)
    assert any("1998-01-02" in message for message in PROBLEMS)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("xuhui/2025-03-28/01/3", ("xuhui", "2025-03-28", 1, 3)),
        ("xuhui/2025-03-28/12", ("xuhui", "2025-03-28", 12, None)),
        ("xuhui/sample", ("xuhui", "sample", None, None)),
        ("a b/特刊 2025/02/1", ("a b", "特刊 2025", 2, 1)),
    ],
)
def test_ids(text: str, parts: tuple[object, ...]) -> None:
    ref = parse_id(text)
    assert (ref.paper, ref.issue, ref.page, ref.item) == parts


@pytest.mark.parametrize("text", ["", "xuhui", "a/b/c/d/e", "a/b/x/1", "a/ /1"])
def test_malformed_ids(text: str) -> None:
    with pytest.raises(ReaderError):
        parse_id(text)


def test_resolution_order(library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.chdir(tmp_path)
    # ./issues is a library here, so it wins over the bundled sample
    assert resolve_library(None, {}).root == Path.cwd() / "issues"
    assert resolve_library(None, {"READER_LIBRARY": str(other)}).root == other
    assert resolve_library(str(library), {"READER_LIBRARY": str(other)}).root == library
    monkeypatch.chdir(other)
    assert resolve_library(None, {}).root == bundled_sample()
    with pytest.raises(ReaderError):
        resolve_library(str(tmp_path / "missing"), {})
