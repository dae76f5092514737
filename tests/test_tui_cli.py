"""`reader` and `reader read` build the App the way the tests do, and refuse a pipe."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli import app as cli
from reader.commands import read as read_command
from reader.library import Ref
from reader.tui.app import ReaderApp

runner = CliRunner()


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[ReaderApp]:
    """Pretend to be on a terminal; record the App instead of running it."""
    apps: list[ReaderApp] = []
    monkeypatch.setattr(read_command, "is_terminal", lambda: True)
    monkeypatch.setattr(ReaderApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def test_bare_reader_opens_the_reader(launched: list[ReaderApp], library: Path) -> None:
    result = runner.invoke(cli, ["--library", str(library)])
    assert result.exit_code == 0, result.output
    assert len(launched) == 1
    app = launched[0]
    assert app.library.root == library and app.start is None and app.finder.query_text is None


def test_read_passes_target_page_words_and_search(launched: list[ReaderApp], library: Path) -> None:
    args = ["--library", str(library), "read", "xuhui/sample", "--page", "1"]
    args += ["--highlight", "数据,徐汇", "--search", "上海"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    app = launched[0]
    assert app.start == Ref("xuhui", "sample", 1)
    assert app.watch_words == ("数据", "徐汇") and app.finder.query_text == "上海"


def test_read_an_item(launched: list[ReaderApp], library: Path) -> None:
    result = runner.invoke(cli, ["--library", str(library), "read", "xuhui/sample/01/4"])
    assert result.exit_code == 0, result.output
    assert launched[0].start == Ref("xuhui", "sample", 1, 4)


def test_bad_targets_fail_before_any_screen(launched: list[ReaderApp], library: Path) -> None:
    for target, code in (("xuhui/nope", 1), ("xuhui/sample/01/99", 1), ("a b", 1)):
        result = runner.invoke(cli, ["--library", str(library), "read", target])
        assert result.exit_code == code, (target, result.output)
    result = runner.invoke(cli, ["--library", str(library), "read", "--page", "0"])
    assert result.exit_code == 2
    assert launched == []


def test_a_bad_config_is_one_line_and_exit_2(
    launched: list[ReaderApp], library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("highlight = 5\n", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG", str(config))
    result = runner.invoke(cli, ["--library", str(library), "read"])
    assert result.exit_code == 2 and "highlight must be a list" in result.output
    assert launched == []


def test_read_refuses_a_pipe(library: Path) -> None:
    result = runner.invoke(cli, ["--library", str(library), "read"])
    assert result.exit_code == 2
    assert "needs a terminal" in result.output


def test_read_help_names_every_option() -> None:
    result = runner.invoke(cli, ["read", "--help"])
    assert result.exit_code == 0
    for option in ("--page", "--highlight", "--search", "Example: reader read"):
        assert option in result.output
