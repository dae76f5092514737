"""Round-15 audit: what a first user typing at the shell met, in real processes.

Each case failed before its fix: ids of an issue folder whose name holds a
space, a phrase typed with a space between Chinese words, a query given as
several shell words.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import PAGE, reader


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("reader: "), done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    return done.stderr


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit17") / "lib"
    for issue in ("2025-01-01", "特刊 2025"):
        folder = root / "p" / issue
        folder.mkdir(parents=True)
        (folder / "01.txt").write_text(PAGE, encoding="utf-8")
    (root / "p" / "paper.toml").write_text('name = "P"\n', encoding="utf-8")
    assert reader(root, "index").returncode == 0
    return root


def test_an_issue_folder_named_with_a_space_has_ids_show_and_read_take(library: Path) -> None:
    """`特刊 2025` is listed and searched, and search printed `p/特刊 2025/01/1`; `reader
    show` of that id said "bad id" (exit 2), so its items could not be shown or opened."""
    listed = reader(library, "search", "登记", "--ids")
    assert "p/特刊 2025/01/1" in listed.stdout.splitlines(), listed
    shown = reader(library, "show", "p/特刊 2025/01/1", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert '"id": "p/特刊 2025/01/1"' in shown.stdout
    assert reader(library, "show", "p/特刊 2025/01").returncode == 0
    assert reader(library, "show", "p/特刊 2025/01/9").returncode == 1


@pytest.mark.parametrize("query", ['"数据 资源"', '"公共 数据 资源"', 'body:"数据 资源"'])
def test_a_phrase_typed_with_spaces_between_chinese_words_is_found(
    library: Path, query: str
) -> None:
    """Page text has no space next to a CJK character (DESIGN section 4), so a phrase
    typed as words, `"数据 资源"`, found nothing (exit 1) where 数据资源 is printed."""
    done = reader(library, "search", query, "--ids")
    assert done.returncode == 0, (query, done.stderr)
    assert "p/2025-01-01/01/1" in done.stdout.splitlines()


def test_a_latin_phrase_keeps_its_space(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    (root / "p" / "2025-01-01").mkdir(parents=True)
    text = " 新闻标题\n 本报讯 他说 economic growth 很重要。\n"
    (root / "p" / "2025-01-01" / "01.txt").write_text(text, encoding="utf-8")
    assert reader(root, "search", '"economic growth"', "--ids").returncode == 0
    assert reader(root, "search", '"economicgrowth"', "--ids").returncode == 1


@pytest.mark.parametrize(
    ("words", "found"),
    [
        (["数据", "资源"], True),  # the plain form, without typer
        (["数据", "--ids", "资源"], True),
        (["数据", "-登记"], False),  # an excluded word: typer's
        (["-登记", "数据"], False),
        (["数据", "没有"], False),
    ],
)
def test_a_query_of_several_shell_words_is_one_query(
    library: Path, words: list[str], found: bool
) -> None:
    """`reader search 数据 资源`, as a person types it, said "Got unexpected extra
    argument(s) (资源)", exit 2; the words are now the query's terms, ANDed."""
    done = reader(library, "search", *words, "--limit", "5")
    assert done.returncode == (0 if found else 1), done.stderr
    quoted = reader(library, "search", " ".join(w for w in words if w != "--ids"), "--limit", "5")
    assert done.returncode == quoted.returncode
    if "--ids" not in words:
        assert done.stdout == quoted.stdout


def test_an_unknown_option_after_the_query_is_refused_not_searched(library: Path) -> None:
    done = reader(library, "search", "数据", "--lmit", "5")
    assert done.returncode == 2
    assert "--lmit" in one_line(done)


def test_bash_completion_puts_a_name_with_a_space_or_brackets_on_the_line_quoted(
    tmp_path: Path,
) -> None:
    """TAB after `reader show p/特刊` put `p/特刊 2025` on the line as two words (typer's
    script offers words raw), and `p/a[b]` was expanded as a glob against the current
    folder (`p/ab` there). Bash now quotes the words it is given (`-o filenames`:
    `p/特刊\\ 2025`), and they are read a line each, never globbed."""
    root = tmp_path / "lib"
    for issue in ("特刊 2025", "a[b]", "春节特刊"):
        (root / "p" / issue).mkdir(parents=True)
        (root / "p" / issue / "01.txt").write_text(PAGE, encoding="utf-8")
    here = tmp_path / "cwd"
    (here / "p").mkdir(parents=True)
    (here / "p" / "ab").write_text("", encoding="utf-8")
    script = reader(root, "completion", "bash")
    assert script.returncode == 0, script.stderr
    (tmp_path / "complete.bash").write_text(script.stdout, encoding="utf-8")
    probe = (
        f'. "{tmp_path}/complete.bash"; complete -p reader; '
        "for typed in p/ p/特 p/a nosuch; do "
        f'COMP_WORDS=(reader --library "{root}" show "$typed"); COMP_CWORD=4; '
        "_reader_completion reader; "
        'echo "$typed:${#COMPREPLY[@]}:$(printf "<%s>" "${COMPREPLY[@]}")"; '
        "done"
    )
    bin_dir = str(Path(sys.executable).parent)
    done = subprocess.run(
        ["bash", "-c", probe],
        capture_output=True,
        text=True,
        cwd=here,
        timeout=120,
        env={**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"]},
        check=False,
    )
    lines = done.stdout.splitlines()
    assert "-o filenames" in lines[0], done
    assert lines[1:] == [
        "p/:3:<p/a[b]><p/春节特刊><p/特刊 2025>",
        "p/特:1:<p/特刊 2025>",
        "p/a:1:<p/a[b]>",
        "nosuch:0:<>",
    ], done


@pytest.mark.parametrize("query", ["数据".encode("gbk"), "数据".encode() + b"\xff"])
def test_a_query_in_bytes_the_locale_cannot_decode_is_a_usage_error(
    library: Path, query: bytes
) -> None:
    """数据 typed on a GBK terminal under a UTF-8 locale reached the search as undecodable
    bytes: "nothing to search for in '\\udcca\\udcfd…'", or with one such byte after
    数据 a silent exit 1, "nothing found"; `reader read --search` showed the same in its
    status line. It is one line naming the encoding, exit 2."""
    argv: list[str | bytes] = [sys.executable, "-m", "reader", "--library", str(library)]
    for args in (
        [b"search", query],
        [b"read", b"--search", query],
        [b"read", b"--highlight", query],
    ):
        done = subprocess.run(
            [*argv, *args],
            capture_output=True,
            timeout=120,
            cwd=library.parent,
            env={**os.environ, "NO_COLOR": "1", "LC_ALL": "C.UTF-8"},
            check=False,
        )
        err = done.stderr.decode("utf-8")
        assert done.returncode == 2, err
        assert err.count("\n") == 1 and err.startswith("reader: ") and "UTF-8" in err, err
        assert "\\udc" not in err and "\ufffd" in err


@pytest.mark.parametrize("issue", ["1998-01-03", "2025-1-1", "", "../p/2025-01-01", ".reader"])
def test_an_issue_filter_that_names_no_issue_is_a_usage_error(library: Path, issue: str) -> None:
    """DESIGN section 6: a filter that names nothing that exists is exit 2 with one line
    (`--paper nosuch` was); `--issue 2025-1-1`, a typing mistake, said nothing, exit 1."""
    done = reader(library, "search", "数据", f"--issue={issue}")
    assert done.returncode == 2, done.stderr
    assert "--issue" in one_line(done)
    wrong_paper = reader(library, "search", "数据", "--issue", "2025-01-01", "--paper", "nope")
    assert wrong_paper.returncode == 2
    for named in ("2025-01-01", "特刊 2025"):
        found = reader(library, "search", "数据", "--issue", named, "--ids")
        assert found.returncode == 0 and found.stdout.count("\n") == 1, found.stderr


def test_list_refuses_ids_with_json_as_search_does(library: Path) -> None:
    """`reader search --ids --json` is a usage error; `reader list --ids --json` printed
    JSON, the --ids dropped without a word."""
    done = reader(library, "list", "--ids", "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert "--ids" in one_line(done)
    assert reader(library, "list", "--ids").stdout.splitlines() == ["p/2025-01-01", "p/特刊 2025"]


def test_the_reader_draws_on_the_terminal_when_stderr_goes_to_a_file(
    library: Path, tmp_path: Path
) -> None:
    """Textual draws on stderr: `reader 2>log` left the terminal blank (keys still
    worked, unseen) and filled the log with the screen's escape sequences. The screen
    now goes to the terminal; the log gets only what reader says (here nothing)."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    log = tmp_path / "stderr.log"
    env = {**os.environ, "TERM": "xterm-256color", "READER_DATA_DIR": str(tmp_path / "data")}
    env.pop("NO_COLOR", None)
    with log.open("wb") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "reader", "--library", str(library), "read", "p/2025-01-01"],
            stdin=side,
            stdout=side,
            stderr=err,
            cwd=library.parent,
            env=env,
        )
    os.close(side)
    seen = b""
    deadline = time.monotonic() + 60  # a bound on waiting, not a timing assertion
    try:
        while "首批公共数据".encode() not in seen and time.monotonic() < deadline:
            if select.select([main], [], [], 0.2)[0]:
                try:
                    seen += os.read(main, 65536)
                except OSError:
                    break
        os.write(main, b"q")
        code = child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(main)
    assert "首批公共数据".encode() in seen, "nothing drawn on the terminal"
    assert code == 0
    assert b"\x1b[" not in log.read_bytes()
