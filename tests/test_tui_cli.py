"""`reader` and `reader read` build the App the way the tests do, and refuse a pipe."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli.entry import library_only, open_bare
from reader.cli.main import app as cli
from reader.fields import Ref
from reader.tui import launch
from reader.tui.app import ReaderApp

runner = CliRunner()


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ReaderApp]]:
    """Pretend to be on a terminal; record the App instead of running it."""
    apps: list[ReaderApp] = []
    monkeypatch.setattr(launch, "is_terminal", lambda: True)
    monkeypatch.setattr(ReaderApp, "run", lambda self, *a, **k: apps.append(self))
    yield apps
    gc.enable()  # the App would turn collection back on after its first frame


def test_the_bare_reader_takes_only_the_library_option() -> None:
    assert library_only([]) == (True, None)
    assert library_only(["--library", "lib"]) == (True, "lib")
    assert library_only(["-L", "lib"]) == (True, "lib")
    assert library_only(["--library=lib"]) == (True, "lib")
    for args in (["--help"], ["read"], ["--library", "lib", "list"], ["--library", "--help"]):
        assert library_only(args) == (False, None), args


def test_the_bare_reader_opens_without_the_command_line(
    launched: list[ReaderApp], library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert open_bare(str(library)) == 0
    assert launched[0].library.root == library and launched[0].start is None
    assert open_bare(str(library / "missing")) == 2
    assert capsys.readouterr().err == f"reader: {library / 'missing'}: library folder not found\n"


def test_bare_reader_opens_the_reader(launched: list[ReaderApp], library: Path) -> None:
    result = runner.invoke(cli, ["--library", str(library)])
    assert result.exit_code == 0, result.output
    assert len(launched) == 1
    app = launched[0]
    assert app.library.root == library and app.start is None and app.main.finder.query_text is None


def test_read_passes_target_page_words_and_search(launched: list[ReaderApp], library: Path) -> None:
    args = ["--library", str(library), "read", "xuhui/sample", "--page", "1"]
    args += ["--highlight", "数据,徐汇", "--search", "上海"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    app = launched[0]
    assert app.start == Ref("xuhui", "sample", 1)
    assert app.main.watch_words == ("数据", "徐汇") and app.main.finder.query_text == "上海"


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


def test_the_bare_reader_loads_neither_typer_nor_click(library: Path) -> None:
    code = (
        "import sys\n"
        "from reader.cli.entry import open_bare\n"
        f"assert open_bare({str(library)!r}) == 2\n"  # not a terminal: refused, one line
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich')]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("reader: the reader needs a terminal")
    assert done.stderr.count("\n") == 1
