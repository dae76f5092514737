"""An older Textual first on the path (`PYTHONPATH`, a user site) is named, not an
"internal error: ModuleNotFoundError: No module named 'textual.style'" (found with
Textual 0.86.3 on `PYTHONPATH`: the reader would not start, and said nothing useful)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.cli.say import internal_error


def _older_textual(folder: Path) -> None:
    (folder / "textual").mkdir()
    (folder / "textual" / "__init__.py").write_text("")
    info = folder / "textual-0.86.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: textual\nVersion: 0.86.3\n")


def test_another_version_of_a_pinned_library_first_on_the_path_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _older_textual(tmp_path)
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    code = internal_error(ModuleNotFoundError("No module named 'textual.style'"))
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("reader: reader needs textual 8.2.8, but textual 0.86.3 comes first")
    assert str(tmp_path) in err and "PYTHONPATH" in err
    assert err.count("\n") == 1


def test_a_missing_module_says_to_reinstall(capsys: pytest.CaptureFixture[str]) -> None:
    assert internal_error(ModuleNotFoundError("No module named 'rjieba.x'")) == 2
    err = capsys.readouterr().err
    assert err == (
        "reader: a library reader needs cannot be imported (No module named 'rjieba.x'): "
        "reinstall reader (pip install .)\n"
    )
