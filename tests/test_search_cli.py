"""`reader search` and `reader index` through typer's runner and real processes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from reader.cli.main import app
from reader.library import Library
from reader.parse.pages import load_item

ROOT = Path(__file__).resolve().parent.parent

runner = CliRunner()


def run(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=120,
    )


def test_search_prints_ranked_hits_with_place_and_snippet(library: Path) -> None:
    result = runner.invoke(app, ["--library", str(library), "search", "公共数据"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "1. 徐汇率先完成全国首批公共数据资源登记"
    assert "徐汇报" in lines[1] and "第1版" in lines[1] and "xuhui/sample/01/4" in lines[1]
    assert "公共数据" in lines[2]
    assert "\x1b[" not in result.stdout  # plain when not a terminal


def test_json_lines_carry_spans_into_the_printed_text(library: Path) -> None:
    result = runner.invoke(app, ["--library", str(library), "search", "徐汇", "--json"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 4
    keys = {"id", "paper", "issue", "date", "page", "kind", "headline", "score", "snippet", "spans"}
    lib = Library(library)
    for record in records:
        assert keys <= record.keys()
        item = load_item(lib, record["id"])
        for key, spans in record["spans"].items():
            text = item.paragraphs[int(key.split(".")[1])] if "." in key else getattr(item, key)
            assert all(text[s:e] == "徐汇" for s, e in spans)
        assert all(record["snippet"][s:e] == "徐汇" for s, e in record["snippet_spans"])
    scores = [r["score"] for r in records]
    assert scores == sorted(scores, reverse=True)


def test_exit_codes(library: Path) -> None:
    base = ["--library", str(library), "search"]
    assert runner.invoke(app, [*base, "数据"]).exit_code == 0
    nothing = runner.invoke(app, [*base, "没有这个词语"])
    assert (nothing.exit_code, nothing.stdout) == (1, "")
    for bad in ("  ", "，。", "-数据", '"'):
        result = runner.invoke(app, [*base, "--", bad])
        assert result.exit_code == 2
        assert "reader:" in result.stderr
    assert runner.invoke(app, [*base, "数据", "--since", "yesterday"]).exit_code == 2
    assert runner.invoke(app, [*base, "数据", "--field", "title"]).exit_code == 2


def test_filters_and_limit(library: Path) -> None:
    base = ["--library", str(library), "search", "徐汇", "--json"]
    assert len(runner.invoke(app, [*base, "--limit", "2"]).stdout.splitlines()) == 2
    assert runner.invoke(app, [*base, "--paper", "nopaper"]).exit_code == 2  # names nothing
    assert runner.invoke(app, [*base, "--page", "2"]).exit_code == 1
    assert runner.invoke(app, [*base, "--issue", "sample", "--paper", "xuhui"]).exit_code == 0
    head = runner.invoke(app, [*base, "--field", "headline"]).stdout.splitlines()
    assert head and all("headline" in json.loads(line)["spans"] for line in head)


def test_index_command_and_a_damaged_index(library: Path) -> None:
    result = run(library, "index")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the summary goes to stdout, piped or not (cron, logs)
    assert result.stdout.startswith("indexed 1 page (6 items)")
    path = library / ".reader" / "index.sqlite"
    assert path.exists()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    path.write_bytes(path.read_bytes()[:4096])
    found = run(library, "search", "数据")
    assert found.returncode == 0
    assert "damaged" in found.stderr and "rebuilding" in found.stderr
    assert "Traceback" not in found.stderr
    assert run(library, "index", "--rebuild").returncode == 0


def test_fts_syntax_never_crashes_a_process(library: Path) -> None:
    for query in ('"数据', "数据*", "NEAR(数据, 2)", "数据 OR 徐汇", "^徐汇", "{headline}:数据"):
        result = run(library, "search", query)
        assert result.returncode in (0, 1), (query, result.stderr)
        assert "Traceback" not in result.stderr and "fts5" not in result.stderr.lower()


def test_importing_the_cli_loads_no_segmenter_and_searching_loads_no_dictionary(
    library: Path,
) -> None:
    code = (
        "import sys, reader.cli.main\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('jieba', 'rjieba', 'textual')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert run(library, "index").returncode == 0
    code = (
        "import sys\n"
        "from reader.cli.main import run\n"
        f"assert run(['--library', {str(library)!r}, 'search', '数据']) == 0\n"
        "assert 'jieba' not in sys.modules and 'rjieba' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, capture_output=True)


def test_a_search_at_a_terminal_is_remembered_for_reader_read(library: Path) -> None:
    import pty

    from reader.state import load_search, state_file

    main, side = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), "search", "香港理工"],
        stdout=side,
        stderr=subprocess.PIPE,
        env=os.environ.copy(),
        timeout=120,
    )
    os.close(side)
    os.close(main)
    assert done.returncode == 0, done.stderr
    assert load_search(state_file(library)) == "香港理工"
    piped = run(library, "search", "上汽")  # scripts do not overwrite it
    assert piped.returncode == 0
    assert load_search(state_file(library)) == "香港理工"


def test_one_shot_commands_end_quickly_with_their_output_and_exit_code(library: Path) -> None:
    # They end with os._exit: every byte must be flushed first, and the code kept.
    every = run(library, "search", "的", "--limit", "0", "--json")
    assert every.returncode == 0, every.stderr
    lines = every.stdout.splitlines()
    assert len(lines) > 3 and all(json.loads(line)["id"] for line in lines)
    assert run(library, "search", "没有这个词语").returncode == 1
    bad = run(library, "search", "  ")
    assert bad.returncode == 2 and bad.stderr.startswith("reader: ")
    assert run(library, "show", "xuhui/sample/09/1").returncode == 1
    assert run(library, "list").stdout.count("\n") >= 2


def test_output_cut_short_by_a_pipe_ends_the_search_quietly(library: Path) -> None:
    page = (library / "xuhui" / "sample" / "01.txt").read_bytes()
    for day in range(1, 31):  # more output than a pipe holds (64 KB)
        issue = library / "xuhui" / f"2025-04-{day:02d}"
        issue.mkdir()
        (issue / "01.txt").write_bytes(page)
    reader = [sys.executable, "-m", "reader", "--library", str(library)]
    with subprocess.Popen(
        [*reader, "search", "的", "--limit", "0", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        errors = proc.stderr.read()
    assert proc.returncode == -signal.SIGPIPE  # as grep: the shell shows 141
    assert errors == b""


def test_reading_the_checkouts_own_sample_leaves_nothing_among_its_files(tmp_path: Path) -> None:
    """The README's first command, run inside a checkout, must not write into `issues/`."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "issues", checkout / "issues")
    before = sorted(p.relative_to(checkout) for p in checkout.rglob("*"))
    env = {k: v for k, v in os.environ.items() if k != "READER_LIBRARY"}
    for args in (["search", "数据"], ["index"], ["list"]):
        done = subprocess.run(
            ["reader", *args], cwd=checkout, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
    assert sorted(p.relative_to(checkout) for p in checkout.rglob("*")) == before


def test_a_query_may_start_with_a_minus_without_double_dash(library: Path) -> None:
    plain = run(library, "search", "--json", "--", "-上汽 香港")
    dashed = run(library, "search", "-上汽 香港", "--json")
    assert plain.returncode == dashed.returncode == 0, dashed.stderr
    assert dashed.stdout == plain.stdout
    assert all("上汽" not in line for line in dashed.stdout.splitlines())


def test_query_usage_errors_are_one_line_with_exit_2(library: Path) -> None:
    for query, says in (("foo:香港", "unknown field 'foo'"), ("headline:", "nothing after it")):
        done = run(library, "search", query)
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1 and says in done.stderr
        assert "headline, body, caption" in done.stderr or "headline:数据" in done.stderr
