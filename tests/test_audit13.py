"""Round 12's archive audit (issue 15): what a user of an 11,000-issue library meets."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.cli.pages import print_table

# Wide, narrow, combining, zero-width and blank characters, a tab: what a title may hold.
CELL = st.text(alphabet="ab 中報\t\u0301\u200b😀—", max_size=12)


def _console(width: int, colour: bool) -> Console:
    return Console(
        file=io.StringIO(),
        width=width,
        highlight=False,
        no_color=not colour,
        force_terminal=colour or None,
        color_system="standard" if colour else None,
        soft_wrap=False,
        emoji=False,
        markup=False,
    )


@settings(max_examples=300, deadline=None)
@given(
    columns=st.lists(st.sampled_from(["issue", "date", "pages", "title"]), min_size=1, max_size=4),
    cells=st.lists(st.lists(CELL, min_size=4, max_size=4), max_size=6),
    width=st.integers(8, 90),
    colour=st.booleans(),
)
def test_the_list_table_is_the_one_rich_lays_out(
    columns: list[str], cells: list[list[str]], width: int, colour: bool
) -> None:
    rows = [row[: len(columns)] for row in cells]
    rich_table = Table(*columns, box=None, pad_edge=False)
    for row in rows:
        rich_table.add_row(*(Text(cell) for cell in row))
    expected, got = _console(width, colour), _console(width, colour)
    expected.print(rich_table)
    print_table(got, columns, rows)
    assert got.file.getvalue() == expected.file.getvalue()  # type: ignore[attr-defined]


LINE = st.one_of(
    st.builds(
        lambda k, v: f"{k} = {v}",
        st.sampled_from(["date", "title", "number", "a-b_1", "日期", " date", "date "]),
        st.one_of(
            st.dates().map(lambda d: d.isoformat()),
            st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
            st.text(alphabet='ab 人民"\\\t\x01\x7f\u00a0é#', max_size=6).map(lambda t: f'"{t}"'),
            st.text(alphabet="ab12-: '\"", max_size=8),
        ),
    ),
    st.sampled_from(["", "# note", "[table]", "date=1998-01-01", "\r"]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(LINE, max_size=4), st.sampled_from(["", "\n", "\r\n"]))
def test_the_plain_toml_reading_is_tomllibs_or_none(lines: list[str], end: str) -> None:
    import tomllib

    from reader.files import plain_toml

    text = "\n".join(lines) + end
    got = plain_toml(text)
    if got is not None:
        expected = tomllib.loads(text)  # raises where the plain reading accepted bad TOML
        assert got == expected
        assert [type(v) for v in got.values()] == [type(v) for v in expected.values()]
    assert plain_toml('date = 1998-01-01\ntitle = "人民日报"\n') is not None  # the fast path


def _complete(line: str, library: Path) -> list[str]:
    cword = str(len(line.split()) - (0 if line.endswith(" ") else 1))
    env = {**os.environ, "COMP_WORDS": line, "COMP_CWORD": cword}
    env |= {"_READER_COMPLETE": "complete_bash", "READER_LIBRARY": str(library)}
    done = subprocess.run(
        [sys.executable, "-m", "reader"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout.split()


def test_ids_complete_from_folder_names_a_broken_issue_toml_too(library: Path) -> None:
    for day in ("1998-01-02", "1998-01-01"):
        shutil.copytree(library / "xuhui" / "sample", library / "xuhui" / day)
    (library / "xuhui" / "1998-01-02" / "issue.toml").write_text("date = [\n", encoding="utf-8")
    assert _complete("reader read xu", library) == [
        "xuhui/1998-01-01",
        "xuhui/1998-01-02",
        "xuhui/sample",
    ]
    assert _complete("reader read xuhui/1998", library) == ["xuhui/1998-01-01", "xuhui/1998-01-02"]
    assert _complete("reader show xuhui/1998-01-01/", library) == ["xuhui/1998-01-01/01"]
    assert _complete("reader read nosuch/", library) == []


async def test_reader_read_of_a_date_reads_the_library_once(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui_scenes import count_listings

    from reader.library import Library
    from reader.tui.launch import build_app

    scans = count_listings(monkeypatch)
    for day in ("2025-04-01", "2025-03-31"):  # dated by their names
        shutil.copytree(library / "xuhui" / "sample", library / "xuhui" / day)
        (library / "xuhui" / day / "issue.toml").unlink()
    shutil.rmtree(library / "xuhui" / "sample")
    for target, page in (("2025-04-01", None), (None, 1)):
        scans.clear()
        app = build_app(Library(library), target, page=page, env={"HOME": str(library)})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.main.opened is not None
            assert app.main.opened.issue.key == "2025-04-01"
        assert len(scans) == 1, target  # was 2: the check, then the reader's start


async def test_the_reader_opens_the_newest_dated_issue_not_an_undated_one(library: Path) -> None:
    from reader.library import Library
    from reader.tui.launch import build_app

    for day in ("2025-04-01", "特刊"):  # 特刊 has no date: its key sorted after every date
        shutil.copytree(library / "xuhui" / "sample", library / "xuhui" / day)
        (library / "xuhui" / day / "issue.toml").unlink()
    for page in (None, 1):
        app = build_app(Library(library), page=page, env={"HOME": str(library)})
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.main.opened is not None
            assert app.main.opened.issue.key == "2025-04-01", page
