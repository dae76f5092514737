"""Round 12's archive audit (issue 15): what a user of an 11,000-issue library meets."""

from __future__ import annotations

import io

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
