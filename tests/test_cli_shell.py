"""The shell side of issue 13: global options anywhere, colour, usage errors, scripts' output.

Every check runs a real `reader` process, as a shell or a script would.
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli.commands import COMMANDS, COMPLETE_VAR, invoked

ESC = "\x1b["


def reader(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


@pytest.fixture
def dated(library: Path) -> Path:
    """The sample plus two dated issues of it and a second paper, indexed."""
    page = (library / "xuhui" / "sample" / "01.txt").read_text(encoding="utf-8")
    for day in ("2025-04-01", "2025-04-02"):
        issue = library / "xuhui" / day
        issue.mkdir()
        (issue / "issue.toml").write_text(f"date = {day}\n", encoding="utf-8")
        (issue / "01.txt").write_text(page, encoding="utf-8")
    other = library / "rmrb" / "1998-01-05"
    other.mkdir(parents=True)
    (library / "rmrb" / "paper.toml").write_text('name = "人民日报"\n', encoding="utf-8")
    (other / "01.txt").write_text(page, encoding="utf-8")
    assert reader("--library", str(library), "index").returncode == 0
    return library


def test_global_options_go_before_or_after_the_command(library: Path) -> None:
    before = reader("--library", str(library), "show", "xuhui/sample/01/4")
    after = reader("show", "xuhui/sample/01/4", "--library", str(library))
    short = reader("show", "-L", str(library), "xuhui/sample/01/4", "--color", "never")
    assert before.returncode == after.returncode == short.returncode == 0, after.stderr
    assert before.stdout == after.stdout == short.stdout
    assert "公共数据资源登记" in after.stdout
    searched = reader("search", "公共数据", f"--library={library}", "--ids")
    assert searched.stdout == "xuhui/sample/01/4\n", searched.stderr
    # The fast path still builds only the command it names.
    assert invoked(["show", "ID", "--library", "L"], environ={}) == ["show"]
    assert invoked(["--color", "never", "-L", "L", "search", "q"], environ={}) == ["search"]
    assert invoked(["--color=always", "--version"], environ={}) == []
    assert invoked(["--library"], environ={}) == []
    assert invoked(["search", "q"], environ={COMPLETE_VAR: "complete_bash"}) == list(COMMANDS)


def test_version() -> None:
    for args in (["--version"], ["search", "--version"], ["--color", "never", "--version"]):
        done = reader(*args)
        assert (done.returncode, done.stdout, done.stderr) == (0, f"reader {__version__}\n", "")


def test_color_follows_the_option_then_no_color_then_force_color(library: Path) -> None:
    base = ("--library", str(library), "search", "公共数据")
    cases = [
        ((), {}, False),  # a pipe: plain
        (("--color", "always"), {}, True),  # `| less -R`
        (("--color=always",), {"NO_COLOR": "1"}, True),  # the option wins
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        (("--color", "auto"), {"FORCE_COLOR": ""}, False),  # empty is unset
    ]
    for extra, env, coloured in cases:
        done = reader(*base, *extra, **env)
        assert done.returncode == 0, done.stderr
        assert (ESC in done.stdout) is coloured, (extra, env)
        assert "公共数据" in done.stdout
    bad = reader(*base, "--color", "sometimes")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "'auto', 'always', 'never'" in bad.stderr


def test_an_unknown_paper_is_a_usage_error_naming_the_papers(dated: Path) -> None:
    for command in (("search", "徐汇"), ("list",)):
        done = reader("--library", str(dated), *command, "--paper", "nosuchpaper")
        assert done.returncode == 2, done
        assert done.stderr.count("\n") == 1 and done.stdout == ""
        assert "nosuchpaper" in done.stderr
        assert "rmrb (人民日报)" in done.stderr and "xuhui (徐汇报)" in done.stderr
    by_name = reader("--library", str(dated), "search", "徐汇", "--paper", "人民日报", "--count")
    assert by_name.stdout == "rmrb/1998-01-05:4\n", by_name.stderr


def test_since_after_until_is_a_usage_error(dated: Path) -> None:
    for command in (("search", "徐汇"), ("list",)):
        done = reader(
            "--library", str(dated), *command, "--since", "2025-04-02", "--until", "2025-04-01"
        )
        assert done.returncode == 2, done
        assert done.stderr.count("\n") == 1 and "--since 2025-04-02 is after" in done.stderr


def test_a_utf16_page_is_named_utf16(tmp_path: Path) -> None:
    text = "徐汇率先完成全国首批公共数据资源登记\n\n上海市徐汇区 2025年3月25日\n" * 5
    for encoding, name in (("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE")):
        page = tmp_path / f"{encoding}.txt"
        page.write_bytes(text.encode(encoding))
        done = reader("parse", str(page))
        assert done.returncode == 2
        assert f"looks like {name} text" in done.stderr and "NUL" not in done.stderr
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    assert "binary file" in reader("parse", str(binary)).stderr


def test_import_name_of_a_paper_that_has_another_is_refused(library: Path) -> None:
    page = library / "xuhui" / "sample" / "01.txt"
    base = ("--library", str(library), "import", str(page), "--paper", "xuhui")
    other = reader(*base, "--issue", "2025-05-01", "--name", "徐汇日报")
    assert other.returncode == 2 and other.stderr.count("\n") == 1
    assert "already named '徐汇报'" in other.stderr and "paper.toml" in other.stderr
    assert not (library / "xuhui" / "2025-05-01").exists()  # nothing written
    same = reader(*base, "--issue", "2025-05-01", "--name", "徐汇报")
    assert same.returncode == 0, same.stderr
    new = reader(*base[:4], "--paper", "xw", "--issue", "2025-05-01", "--name", "新闻")
    assert new.returncode == 0, new.stderr
    assert (library / "xw" / "paper.toml").read_text(encoding="utf-8") == 'name = "新闻"\n'


def test_show_writes_ids_one_way_with_padded_pages(library: Path) -> None:
    base = ("--library", str(library), "show")
    item = reader(*base, "xuhui/sample/1/99")
    assert item.returncode == 1
    assert item.stderr == "reader: no item xuhui/sample/01/99: the page has 6 items\n"
    page = reader(*base, "xuhui/sample/9")
    assert (page.returncode, page.stderr) == (1, "reader: no page xuhui/sample/09\n")
    for bad in ("nope", "xuhui/sample"):
        done = reader(*base, bad)
        assert done.returncode == 2
        assert done.stderr.endswith(": expected paper/issue/page/n or paper/issue/page\n")


def test_index_prints_its_summary_when_not_on_a_terminal(library: Path) -> None:
    first = reader("--library", str(library), "index")
    assert first.returncode == 0 and first.stderr == ""
    assert first.stdout.startswith("indexed 1 page (6 items), 0 unchanged, 0 removed in ")
    again = reader("--library", str(library), "index")
    assert again.stdout.startswith("index up to date: 1 page (")


def test_one_hit_is_one_hit_not_1_hits() -> None:
    from reader.tui.hit_walk import HitWalk, Occurrence

    walk = HitWalk()
    walk.load([Occurrence(1, 1, 0, 0, 2, "p/i/01/1", "headline")], {})
    assert walk.counter() == "1 hit"
    walk.load([Occurrence(1, 1, 0, 0, 2, "p/i/01/1", "headline")] * 2, {})
    assert walk.counter() == "2 hits"


def test_a_hit_in_the_subtitle_shows_the_subtitle_not_the_lead(library: Path) -> None:
    page = library / "xuhui" / "sample" / "01.txt"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("开展产学研交流合作。", "开展合作。", 1), encoding="utf-8")
    plain = reader("--library", str(library), "search", "产学研交流")
    assert plain.returncode == 0, plain.stderr
    lines = plain.stdout.splitlines()
    assert lines[0] == "  1. 徐汇区与香港理工大学签署合作意向书"
    assert lines[2] == "     共同开展产学研交流合作"
    record = json.loads(reader("--library", str(library), "search", "产学研交流", "--json").stdout)
    assert record["snippet_field"] == "subtitle" and record["snippet_spans"] == [[4, 9]]


def test_json_hits_name_the_paper_and_carry_the_text_spans_point_into(dated: Path) -> None:
    done = reader("--library", str(dated), "search", "徐汇", "--json", "--limit", "0")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(records) == 16
    for record in records:
        assert record["paper_name"] == {"xuhui": "徐汇报", "rmrb": "人民日报"}[record["paper"]]
        assert record["spans"].keys() == record["texts"].keys()
        for key, spans in record["spans"].items():
            assert all(record["texts"][key][s:e] == "徐汇" for s, e in spans), key
        snippet = record["snippet"]
        assert all(snippet[s:e] == "徐汇" for s, e in record["snippet_spans"])


def test_sort_count_and_ids_for_scripts(dated: Path) -> None:
    base = ("--library", str(dated), "search", "徐汇")
    ranked = reader(*base, "--ids", "--limit", "0").stdout.splitlines()
    by_date = reader(*base, "--ids", "--limit", "0", "--sort", "date").stdout.splitlines()
    assert sorted(ranked) == sorted(by_date) and len(by_date) == 16
    issues = [line.rsplit("/", 2)[0] for line in by_date]
    assert issues == [
        *["xuhui/2025-04-02"] * 4,
        *["xuhui/2025-04-01"] * 4,
        *["rmrb/1998-01-05"] * 4,
        *["xuhui/sample"] * 4,  # no date: last
    ]
    newest = reader(*base, "--ids", "--sort", "date", "--limit", "2").stdout.splitlines()
    assert newest == by_date[:2]
    counted = reader(*base, "--count", "--limit", "1")  # counts every hit
    assert counted.stdout == (
        "xuhui/2025-04-02:4\nxuhui/2025-04-01:4\nrmrb/1998-01-05:4\nxuhui/sample:4\n"
    )
    as_json = [json.loads(x) for x in reader(*base, "--count", "--json").stdout.splitlines()]
    assert as_json[0] == {
        "id": "xuhui/2025-04-02",
        "paper": "xuhui",
        "paper_name": "徐汇报",
        "issue": "2025-04-02",
        "date": "2025-04-02",
        "hits": 4,
    }
    assert reader(*base, "--sort", "time").returncode == 2
    assert reader(*base, "--ids", "--json").returncode == 2
    nothing = reader("--library", str(dated), "search", "没有这个词语", "--count")
    assert (nothing.returncode, nothing.stdout) == (1, "")


def test_snippets_wrap_under_a_hanging_indent_on_a_terminal(library: Path) -> None:
    main, side = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), "search", "公共数据"],
        stdout=side,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "40", "NO_COLOR": "1"},
        timeout=120,
    )
    os.close(side)
    out = b""
    while chunk := _read(main):
        out += chunk
    os.close(main)
    assert done.returncode == 0, done.stderr
    lines = [line for line in out.decode().replace("\r\n", "\n").splitlines() if line.strip()]
    assert lines[0].startswith("  1. ") and len(lines) > 4
    assert all(line.startswith("     ") for line in lines[1:4]), lines
    assert ESC not in out.decode()  # NO_COLOR on a terminal: wrapped, not coloured


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the other side closed
        return b""


def test_list_filters_newest_first_without_repeated_columns(dated: Path) -> None:
    listed = reader("--library", str(dated), "list").stdout.splitlines()
    header = listed[1].split()
    assert header == ["issue", "date", "pages", "paper", "title"]
    ids = [line.split()[0] for line in listed[2:]]
    assert ids == ["xuhui/2025-04-02", "xuhui/2025-04-01", "rmrb/1998-01-05", "xuhui/sample"]
    base = ("--library", str(dated), "list", "--ids")
    assert reader(*base, "--paper", "rmrb").stdout == "rmrb/1998-01-05\n"
    assert reader(*base, "--since", "2025-04-02").stdout == "xuhui/2025-04-02\n"
    assert reader(*base, "--until", "2025-04-01").stdout == "xuhui/2025-04-01\nrmrb/1998-01-05\n"
    nothing = reader(*base, "--since", "2030-01-01")
    assert (nothing.returncode, nothing.stdout) == (1, "")
    shutil.rmtree(dated / "xuhui" / "sample")
    shutil.rmtree(dated / "rmrb")
    plain = reader("--library", str(dated), "list").stdout.splitlines()
    assert plain[1].split() == ["issue", "pages", "paper", "title"]  # folders are their dates


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_has_readable_metavars_an_example_and_the_exit_codes(command: str) -> None:
    done = reader(command, "--help", COLUMNS="100")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "Example: reader " + command in text and "Exit codes: 0 " in text
    assert "<" not in text and "{" not in text, text  # not <str>, <int>, {file}
    assert "--library DIR" in text and "--color WHEN" in text  # global options, here too


def test_completion_scripts_and_the_words_they_get(library: Path) -> None:
    for shell in ("bash", "zsh", "fish"):
        done = reader("completion", shell)
        assert done.returncode == 0 and "_READER_COMPLETE=complete_" + shell in done.stdout
    assert reader("completion", "tcsh").returncode == 2

    def words(line: str, **env: str) -> list[str]:
        cword = str(len(line.split()) - (0 if line.endswith(" ") else 1))
        done = reader(COMP_WORDS=line, COMP_CWORD=cword, _READER_COMPLETE="complete_bash", **env)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        return done.stdout.split()

    assert words("reader se") == ["search"]
    assert words("reader ") == list(COMMANDS)
    assert {"--sort", "--count", "--ids", "--library", "--color"} <= set(words("reader search --"))
    assert words("reader search --sort ") == ["rank", "date"]
    assert words("reader list --color a") == ["auto", "always"]
    at = {"READER_LIBRARY": str(library)}
    assert words("reader show xu", **at) == ["xuhui/sample"]
    assert words("reader show xuhui/sample/", **at) == ["xuhui/sample/01"]
    assert words(f"reader read --library {library} x") == ["xuhui/sample"]
    assert words("reader search 数据 --paper ", **at) == ["xuhui"]
