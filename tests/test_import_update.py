"""An import updates the index for the issues it wrote, without a stat of every page file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpuslib import corpus_lines, make_library

from reader.library import Library
from reader.search import build, freshness
from reader.search import engine as index
from reader.search.store import index_path

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    root = make_library(tmp_path / "lib", corpus_lines(480), per_page=10)  # 6 issues
    library = Library(root)
    settle()  # folders recorded with their times, not as changing (`freshness.record`)
    index.update(library)
    return library


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The `only` of each scan an update made (None: the whole library)."""
    made: list[object] = []
    real = freshness.scan

    def spy(library: Library, only: object = None) -> freshness.Scan:
        made.append(only)
        return real(library, only)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "scan", spy)
    return made


def add_issue(lib: Library, issue: str, text: str = "") -> None:
    folder = lib.root / "rmrb" / issue
    folder.mkdir()
    page = SAMPLE.read_text(encoding="utf-8") + text
    (folder / "01.txt").write_text(page, encoding="utf-8")


def meta(lib: Library, key: str) -> str:
    with sqlite3.connect(index_path(lib)) as conn:
        return str(conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()[0])


def settle() -> None:
    """Past the clock tick folder times are recorded to (`freshness._SETTLE_NS`)."""
    time.sleep(freshness._SETTLE_NS / 1e9 + 0.1)


def test_an_update_of_the_issues_written_stats_only_them(lib: Library, scans: list[object]) -> None:
    add_issue(lib, "2999-01-01")
    stats = index.update(lib, only=[("rmrb", "2999-01-01")])
    assert scans == [[("rmrb", "2999-01-01")]]
    assert stats.indexed == 1 and stats.pages == 49
    assert {h.id for h in index.search(lib, "香港理工", limit=None)} >= {"rmrb/2999-01-01/01/6"}
    # The signature kept is the library's own: a full update finds nothing to do.
    assert meta(lib, "signature") == freshness.fingerprint(lib)
    assert meta(lib, "pages") == "49"
    assert index.update(lib).fresh


def test_a_replaced_page_is_indexed_again_and_nothing_else_moves(lib: Library) -> None:
    page = lib.root / "rmrb" / "1998-01-03" / "02.txt"
    page.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    stats = index.update(lib, only=[("rmrb", "1998-01-03")])
    assert (stats.indexed, stats.pages, stats.removed) == (1, 48, 0)
    assert "rmrb/1998-01-03/02/6" in {h.id for h in index.search(lib, "香港理工", limit=None)}
    assert meta(lib, "signature") == freshness.fingerprint(lib)


def test_an_issue_removed_in_scope_leaves_the_index(lib: Library) -> None:
    shutil.rmtree(lib.root / "rmrb" / "1998-01-02")
    stats = index.update(lib, only=[("rmrb", "1998-01-02")])
    assert stats.pages == 40
    assert not any("1998-01-02" in h.id for h in index.search(lib, "中国", limit=None))
    assert meta(lib, "signature") == freshness.fingerprint(lib)


def test_another_issue_added_meanwhile_makes_it_a_full_update(
    lib: Library, scans: list[object]
) -> None:
    add_issue(lib, "2999-01-01")
    add_issue(lib, "2999-01-02", "\n独一无二的增补词语。\n")  # by hand, not imported
    stats = index.update(lib, only=[("rmrb", "2999-01-01")])
    assert scans == [None]  # one scan of the whole library, not the issue first
    assert stats.indexed == 2
    assert meta(lib, "signature") == freshness.fingerprint(lib)


def test_a_page_rewritten_in_place_elsewhere_is_left_to_reader_index(lib: Library) -> None:
    """Its folder's time does not move: the import cannot see it, and its signature says so."""
    other = lib.root / "rmrb" / "1998-01-01" / "01.txt"
    with other.open("a", encoding="utf-8") as handle:
        handle.write("\n独一无二的增补词语。\n")
    add_issue(lib, "2999-01-01")
    assert index.update(lib, only=[("rmrb", "2999-01-01")]).indexed == 1
    assert meta(lib, "signature") != freshness.fingerprint(lib)
    stats = index.update(lib)  # `reader index`
    assert stats.indexed == 1
    assert {h.id.rsplit("/", 2)[0] for h in index.search(lib, "独一无二", limit=None)} == {
        "rmrb/1998-01-01"
    }


def test_reader_import_keeps_the_index_current_through_a_real_process(lib: Library) -> None:
    env = dict(os.environ)
    env.pop("READER_LIBRARY", None)

    def reader(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", "--library", str(lib.root), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )

    done = reader("import", str(SAMPLE), "--paper", "rmrb", "--issue", "2999-01-01")
    assert done.returncode == 0, done.stderr
    assert meta(lib, "signature") == freshness.fingerprint(lib)
    found = reader("search", "香港理工", "--ids")
    assert "rmrb/2999-01-01/01/6" in found.stdout.split()
    assert "index up to date" in reader("index").stdout
