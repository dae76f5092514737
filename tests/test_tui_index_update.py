"""The reader's index update runs the installed reader, whatever the current directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import Library
from reader.search.store import index_path
from reader.startup import index_in_child


def test_update_ignores_a_reader_package_in_the_current_directory(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As in a source checkout: `python -m reader` would import this copy first.
    decoy = tmp_path / "checkout" / "reader"
    decoy.mkdir(parents=True)
    (decoy / "__init__.py").write_text("", encoding="utf-8")
    (decoy / "__main__.py").write_text("raise SystemExit(3)\n", encoding="utf-8")
    monkeypatch.chdir(decoy.parent)
    lib = Library(library)
    assert index_in_child(lib.root) is True
    assert index_path(lib).exists()
