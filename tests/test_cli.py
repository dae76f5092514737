"""`reader parse`, `list` and `show` through typer's runner and a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli.main import app
from reader.model import Page

SAMPLE_PAGE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"
runner = CliRunner()


def run(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m reader` as a user would, in a real process."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env},
        timeout=60,
    )


def test_parse_json_is_the_page_of_the_model() -> None:
    result = runner.invoke(app, ["parse", str(SAMPLE_PAGE), "--json"])
    assert result.exit_code == 0, result.output
    page = Page.from_json(result.stdout)
    assert (page.paper, page.issue, page.page) == ("xuhui", "sample", 1)
    assert len(page.items) == 6
    data = json.loads(result.stdout)
    assert set(data) == {"paper", "issue", "page", "header", "items"}
    assert set(data["items"][0]) == {
        "id",
        "kind",
        "kicker",
        "headline",
        "subtitle",
        "derived_headline",
        "paragraphs",
        "byline",
        "source",
        "credit",
        "marker",
    }


def test_parse_renders_headline_stack_and_fields_readably() -> None:
    result = runner.invoke(app, ["parse", str(SAMPLE_PAGE)])
    assert result.exit_code == 0
    out = result.stdout
    assert "徐汇区与香港理工大学签署合作意向书" in out
    assert "共同开展产学研交流合作" in out
    assert "通讯员 倪修龙 摄于 3 月 25 日" in out
    assert "（来源：区数据局、区大数据中心）" in out
    assert "\x1b[" not in out  # piped: plain text


def test_parse_from_stdin() -> None:
    result = runner.invoke(app, ["parse", "-", "--json"], input=SAMPLE_PAGE.read_bytes())
    assert result.exit_code == 0
    assert len(Page.from_json(result.stdout).items) == 6


def test_list_and_show_on_a_library(library: Path) -> None:
    listed = runner.invoke(app, ["--library", str(library), "list", "--json"])
    assert listed.exit_code == 0
    record = json.loads(listed.stdout.splitlines()[0])
    assert record["id"] == "xuhui/sample"
    assert record["paper_name"] == "徐汇报"
    assert record["date"] is None
    assert record["pages"] == [1]
    shown = runner.invoke(app, ["--library", str(library), "show", "xuhui/sample/01/4"])
    assert shown.exit_code == 0
    assert "徐汇率先完成全国首批公共数据资源登记" in shown.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_show_formats(library: Path, fmt: str) -> None:
    result = runner.invoke(
        app, ["--library", str(library), "show", "xuhui/sample/01/6", "--format", fmt]
    )
    assert result.exit_code == 0
    if fmt == "json":
        assert json.loads(result.stdout)["subtitle"] == "共同开展产学研交流合作"
    elif fmt == "markdown":
        assert result.stdout.startswith("# 徐汇区与香港理工大学签署合作意向书\n")
        assert "**共同开展产学研交流合作**" in result.stdout
    else:
        assert "共同开展产学研交流合作" in result.stdout


def test_show_a_whole_page(library: Path) -> None:
    result = runner.invoke(app, ["--library", str(library), "show", "xuhui/sample/01"])
    assert result.exit_code == 0
    assert "俺老孙来也" in result.stdout and "徐汇率先完成" in result.stdout


def test_library_from_environment(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (library / "xuhui" / "sample").rename(library / "xuhui" / "2025-03-28")
    monkeypatch.setenv("READER_LIBRARY", str(library))
    result = runner.invoke(app, ["list", "--json"])
    assert json.loads(result.stdout)["date"] == "2025-03-28"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["show", "nope"], 2, "bad id 'nope'"),
        (["show", "xuhui/sample/01/99"], 1, "no item xuhui/sample/01/99"),
        (["show", "xuhui/nosuch/01/1"], 1, "no issue xuhui/nosuch"),
        (["show", "other/sample/01/1"], 1, "no paper 'other'"),
        (["--library", "/no/such/dir", "list"], 2, "/no/such/dir: library folder not found"),
    ],
)
def test_errors_are_one_line_with_grep_exit_codes(
    library: Path, args: list[str], code: int, message: str
) -> None:
    if args[0] != "--library":
        args = ["--library", str(library), *args]
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    gbk_broken = tmp_path / "broken.txt"
    gbk_broken.write_bytes(b"\xff\xfe\xfa\x80\x81" * 10)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    cut = tmp_path / "cut.txt"  # `head -c` through the last character of a UTF-8 page
    cut.write_bytes(("徐汇报\n" * 900 + "数据").encode("utf-8")[:-1])
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "directory": (tmp_path, "is a directory"),
        "undecodable": (gbk_broken, "not UTF-8 (byte 0) nor GB18030 (byte 0)"),
        "binary": (binary, "binary file"),
        "cut": (cut, "cut off inside its last character (UTF-8, byte 9003)"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "undecodable", "binary", "cut"])
def test_bad_input_in_a_real_process(tmp_path: Path, case: str) -> None:
    path, message = bad_files(tmp_path)[case]
    result = run("parse", str(path))
    assert result.returncode == 2
    assert message in result.stderr
    assert str(path) in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_empty_page_has_no_items(tmp_path: Path) -> None:
    empty = tmp_path / "01.txt"
    empty.write_bytes(b"")
    result = run("parse", str(empty), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["items"] == []


def test_gb18030_and_bom_pages_decode(tmp_path: Path) -> None:
    text = SAMPLE_PAGE.read_text(encoding="utf-8")
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for name in ("gb.txt", "bom.txt"):
        result = runner.invoke(app, ["parse", str(tmp_path / name), "--json"])
        assert result.exit_code == 0
        assert len(Page.from_json(result.stdout).items) == 6


@pytest.mark.parametrize("size", [16 * 2**20 + 1, 50 * 2**20])
def test_oversized_page_is_refused(tmp_path: Path, size: int) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(size)
    result = run("parse", str(huge))
    assert result.returncode == 2
    assert f"{huge}: {size // 2**20} MB is over the 16 MB limit" in result.stderr
    assert "Traceback" not in result.stderr


def test_page_text_is_data_not_markup_or_escapes(tmp_path: Path) -> None:
    page = tmp_path / "01.txt"
    page.write_text(" [bold red]不是标记[/] 文本里有\x1b[31m转义\x07字符。\n", encoding="utf-8")
    result = run("parse", str(page))
    assert result.returncode == 0
    assert "[bold red]不是标记[/]" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "␛[31m" in result.stdout
    forced = run("parse", str(page), FORCE_COLOR="1", COLUMNS="80")
    assert "[bold red]不是标记[/]" in forced.stdout
    assert "\x1b[31m" not in forced.stdout and "\x07" not in forced.stdout


def test_every_command_has_help_with_an_example() -> None:
    for command in ("parse", "list", "show", "search", "index", "read", "import"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
        assert "Example: reader" in result.stdout, command


def test_sample_library_works_from_any_directory(tmp_path: Path) -> None:
    result = run("list", "--json", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout.splitlines()[0])["id"] == "xuhui/sample"


def test_importing_the_cli_pulls_in_neither_textual_nor_jieba() -> None:
    code = (
        "import sys, reader.cli.main; "
        "bad = [m for m in ('textual', 'jieba', 'rjieba', 'pypdfium2') if m in sys.modules]; "
        "print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_only_the_tui_package_imports_textual() -> None:
    package = Path(__file__).resolve().parent.parent / "reader"
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "tui" not in path.relative_to(package).parts
        and any(
            line.lstrip().startswith(("import textual", "from textual"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
