"""An index readable by others must not hold pages kept from them (round 19, lead).

The index holds the text of every page it covers. A paper or issue folder the owner
keeps to themselves (`chmod 700`) in a library others may read had its text in a
`.reader/index.sqlite` of mode 0644: anyone could read it there with sqlite3. The
index now loses the read bits some folder or page file denies; the others then search
a private index of the pages they may read (`reader.search.shared`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from clirun import PAGE, reader


def library(root: Path) -> Path:
    for paper in ("a", "b"):
        folder = root / paper / "2025-01-01"
        folder.mkdir(parents=True, mode=0o755)
        (folder / "01.txt").write_text(PAGE, encoding="utf-8")
        (root / paper / "paper.toml").write_text(f'name = "{paper.upper()}"\n', encoding="utf-8")
    for path in [root, *root.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    return root


def index_mode(root: Path) -> int:
    return stat.S_IMODE((root / ".reader" / "index.sqlite").stat().st_mode)


@pytest.mark.parametrize(
    ("closed", "mode", "kept"),
    [
        ("b", 0o700, 0o044),  # a paper kept to its owner
        ("b", 0o750, 0o004),  # a paper kept to its group
        ("b/2025-01-01", 0o711, 0o044),  # an issue that cannot be listed
        ("b/2025-01-01/01.txt", 0o600, 0o044),  # one page file
    ],
)
def test_the_index_is_kept_from_whom_a_page_is(
    tmp_path: Path, closed: str, mode: int, kept: int
) -> None:
    root = library(tmp_path / "lib")
    old = os.umask(0o022)
    try:
        done = reader(root, "index")
        assert done.returncode == 0, done
        assert index_mode(root) & 0o044 == 0o044  # all readable: the index is shared
        os.chmod(root / closed, mode)
        done = reader(root, "index")
        assert done.returncode == 0, done
        assert index_mode(root) & kept == 0, oct(index_mode(root))
        assert index_mode(root) & 0o600 == 0o600  # the owner still reads and writes it
        # Searching goes on as before for the owner.
        assert set(reader(root, "search", "登记", "--ids").stdout.split()) == {
            "a/2025-01-01/01/1",
            "b/2025-01-01/01/1",
        }
    finally:
        os.umask(old)
        os.chmod(root / closed, 0o755 if (root / closed).is_dir() else 0o644)


def test_an_index_built_over_a_closed_paper_is_closed_from_the_start(tmp_path: Path) -> None:
    root = library(tmp_path / "lib")
    os.chmod(root / "b", 0o700)
    try:
        done = reader(root, "search", "登记", "--ids")
        assert done.returncode == 0, done
        assert index_mode(root) & 0o044 == 0, oct(index_mode(root))
    finally:
        os.chmod(root / "b", 0o755)
