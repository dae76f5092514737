"""`reader search QUERY` in its plain form runs without typer (`reader.cli.quick`): the
same output, errors and exit codes as typer's run of the command, in real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.quick import plain_search


def reader(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reader", *args],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "_READER_COMPLETE"},
        cwd=cwd,
        timeout=120,
    )


def typer_app(*args: str) -> subprocess.CompletedProcess[str]:
    """The same command through typer's app, as `reader.cli.entry` hands it what the plain
    form does not take."""
    return subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import sys; from reader.cli.main import main; main(sys.argv[1:])",
            *args,
        ],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "_READER_COMPLETE"},
        timeout=120,
    )


def loaded(stderr: str) -> set[str]:
    """The modules `-X importtime` names on stderr."""
    return {
        line.rsplit("|", 1)[1].strip() for line in stderr.splitlines() if "import time:" in line
    }


def said(stderr: str) -> str:
    """What the process wrote on stderr besides `-X importtime`'s lines."""
    return "".join(line + "\n" for line in stderr.splitlines() if "import time:" not in line)


@pytest.mark.parametrize(
    ("argv", "plain"),
    [
        (["search", "经济"], (None, "经济", {})),
        (["--library", "L", "search", "经济 发展"], ("L", "经济 发展", {})),
        (["-L", "L", "search", "x"], ("L", "x", {})),
        (["--library=L", "search", ""], ("L", "", {})),
        (["-LL", "search", "港"], ("L", "港", {})),
        (["search", "--json", "港", "--limit", "5"], (None, "港", {"as_json": True, "limit": 5})),
        (["search", "港", "--ids", "--limit=0"], (None, "港", {"ids": True, "limit": 0})),
        (["search", "港", "--count", "--json"], (None, "港", {"count": True, "as_json": True})),
        (["search", "-上汽 香港"], None),  # typer's: a query that looks like an option
        (["search", "--help"], None),
        (["search", "经济", "--limit", "-1"], None),
        (["search", "经济", "--limit", "５"], None),  # int() takes it, as click does: typer's
        (["search", "经济", "--limit"], None),
        (["search", "经济", "--sort", "date"], (None, "经济", {"sort": "date"})),
        (
            ["search", "--sort=rank", "经济", "--paper", "xuhui", "--page=1", "--field", "body"],
            (None, "经济", {"sort": "rank", "paper": "xuhui", "page": 1, "field": "body"}),
        ),
        (
            ["search", "经济", "--since", "2025-01-01", "--until=2025-12-31", "--issue", "s"],
            (None, "经济", {"since": "2025-01-01", "until": "2025-12-31", "issue": "s"}),
        ),
        (["search", "经济", "--sort", "DATE"], None),  # click's choice to refuse: typer's
        (["search", "经济", "--sort"], None),
        (["search", "经济", "--page", "1", "--page", "2"], None),  # twice: typer's
        (["search", "经济", "--limit", "1", "--limit=2"], None),
        (["search", "经济", "--json", "--json"], None),
        (["search", "经济", "--paper", "-x"], None),
        (["search", "经济", "--since="], None),
        (["search", "经济", "--page", "+1"], None),
        (["search", "经济", "--papers", "x"], None),
        (["search", "经济", "--library", "L"], None),  # a global option after the command
        (["search", "经济", "发展"], (None, "经济 发展", {})),
        (
            ["search", "经济", "--json", '"发展 改革"'],
            (None, '经济 "发展 改革"', {"as_json": True}),
        ),
        (["search", "经济", "-发展"], None),  # typer's: a word that looks like an option
        (["search", "--json"], None),
        (["search"], None),
        (["--library", "", "search", "x"], None),
        (["--library", "-x", "search", "x"], None),
        (["--library"], None),
        (["--color", "never", "search", "x"], None),
        (["show", "经济"], None),
        ([], None),
    ],
)
def test_only_the_plain_form_is_taken_from_typer(
    argv: list[str], plain: tuple[str | None, str, dict[str, object]] | None
) -> None:
    assert plain_search(argv) == plain


@pytest.mark.parametrize(
    "query",
    ["公共数据", "徐汇", "的", "没有这个词语", "  ", "((", "foo:香港", "headline:", '"徐汇 区"'],
)
def test_the_plain_form_answers_as_typer_does_without_loading_it(library: Path, query: str) -> None:
    assert reader("--library", str(library), "index").returncode == 0  # (building loads it)
    plain = reader("--library", str(library), "search", query)
    typed = typer_app("--library", str(library), "search", query)
    assert plain.returncode == typed.returncode, (plain.stderr, typed.stderr)
    assert plain.stdout == typed.stdout
    assert said(plain.stderr) == said(typed.stderr)
    assert "typer" in loaded(typed.stderr)
    assert not {"typer", "click", "rich"} & loaded(plain.stderr)
    if plain.returncode == 0:
        assert plain.stdout.count("\n") >= 2


def test_the_plain_form_reports_a_missing_library_as_typer_does(tmp_path: Path) -> None:
    gone = str(tmp_path / "nowhere")
    plain = reader("--library", gone, "search", "经济")
    typed = typer_app("--library", gone, "search", "经济")
    assert plain.returncode == typed.returncode == 2
    assert said(plain.stderr) == said(typed.stderr)
    assert said(plain.stderr).count("\n") == 1 and said(plain.stderr).startswith("reader: ")


def test_the_plain_form_builds_a_missing_index_and_says_what_typer_says(library: Path) -> None:
    first = reader("--library", str(library), "search", "徐汇")  # no index yet: built now
    assert first.returncode == 0, first.stderr
    assert (library / ".reader" / "index.sqlite").is_file()
    again = reader("--library", str(library), "search", "徐汇")
    assert again.stdout == first.stdout and said(again.stderr) == said(first.stderr)


@pytest.mark.parametrize(
    "options",
    [
        ["--json"],
        ["--ids"],
        ["--count"],
        ["--count", "--json"],
        ["--limit", "0"],
        ["--limit=3", "--json"],
        ["--ids", "--json"],  # an error: --ids goes alone
        ["--json", "--ids", "--count"],
        ["--sort", "date"],
        ["--sort=rank", "--limit", "2"],
        ["--paper", "xuhui", "--issue", "sample", "--page", "1"],
        ["--paper", "徐汇报"],
        ["--paper", "nosuch"],  # an error
        ["--issue", "nosuch"],
        ["--page", "2"],
        ["--field", "headline"],
        ["--field", "nonsense"],  # an error
        ["--since", "2025-03-01", "--until", "2025-12-31"],
        ["--since", "2025-13-01"],  # an error
        ["--until=1998-01-01", "--count"],
    ],
)
def test_the_plain_forms_options_answer_as_typers(library: Path, options: list[str]) -> None:
    assert reader("--library", str(library), "index").returncode == 0
    plain = reader("--library", str(library), "search", *options, "徐汇")
    typed = typer_app("--library", str(library), "search", *options, "徐汇")
    assert plain.returncode == typed.returncode, (plain.stderr, typed.stderr)
    assert plain.stdout == typed.stdout
    assert said(plain.stderr) == said(typed.stderr)
    assert not {"typer", "click", "rich"} & loaded(plain.stderr)
    assert "typer" in loaded(typed.stderr)
