"""Speed-only shortcuts of the line-end tests (perf27) answer as the work they skip (DESIGN 8).

`firstclosed.inner_line` and `firstclosed.runs_full` let `lineends._ends_over` say no for
a line inside a paragraph, and for a paragraph's first line, before its measures of the
column below. Checked here against `_ends_over` without it, on
runs of invented lines made by `make_lines` (widths, stops, quotes, closed last lines).
"""

from __future__ import annotations

import random

import pytest

from reader.parse import lineends
from reader.parse.column import after_boundary, fill_after
from reader.parse.firstclosed import inner_line, runs_full
from reader.parse.lines import Line, make_lines

_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
_ENDS = ["", "", "", "，", "。", "”", "：", "）", "、", "——"]


def _raw(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return "（来源：人民日报）"  # a story's end: the line after it may start one
    text = "".join(rng.choice(_CHARS) for _ in range(rng.choice([2, 6, 9, 10, 11, 12, 13, 14])))
    if rng.random() < 0.3:
        at = rng.randrange(len(text))
        text = text[:at] + rng.choice("，“《（") + text[at:]
    return (" " if rng.random() < 0.05 else "") + text + rng.choice(_ENDS)


def _page(rng: random.Random) -> list[Line]:
    lines = make_lines([_raw(rng) for _ in range(rng.randint(3, 9))])
    for line in lines:
        line.head = rng.random() < 0.05
    return lines


def test_inner_line_says_no_only_where_ends_over_does(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(27)
    cases = []
    for _ in range(3000):
        lines = _page(rng)
        for i in range(len(lines) - 1):
            nxt = lines[i + 1]
            if after_boundary(lines, i) or nxt.first in lineends.DATELINE_FIRST:
                continue  # (the caller asks it only here)
            if inner_line(lines, i, lines[i], nxt):
                cases.append((lines, i, nxt.closes))
    monkeypatch.setattr(lineends, "inner_line", lambda *_: False)  # the long way
    for lines, i, _ in cases:
        assert not lineends._ends_over(lines, i, lines[i], lines[i + 1])
    over_closed = sum(closed for _, _, closed in cases)
    assert over_closed > 300 and len(cases) - over_closed > 300  # (no vacuous test)


def test_inner_line_leaves_a_line_over_a_closed_first_line_to_ends_over() -> None:
    """Under a short stack line, over a paragraph's first line that closes two ems short
    of the open lines below it (`first_closed`): the line ends where it stands."""
    full, first = "的一是在不了有和人这中大为", "的一是在不了有和人这中。"
    raw = [full, full[:10], full[:9], first, full, full, "的一是在。"]
    lines = make_lines(raw)
    assert not after_boundary(lines, 2) and lines[3].closes
    assert not inner_line(lines, 2, lines[2], lines[3])
    assert lineends._ends_over(lines, 2, lines[2], lines[3])


def test_runs_full_says_no_only_where_ends_over_does(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(2027)
    cases = []
    for _ in range(3000):
        lines = _page(rng)
        for i in range(len(lines) - 1):
            if lines[i + 1].first in lineends.DATELINE_FIRST:
                continue  # (the caller asks it only here, and after a boundary)
            after, open_after = fill_after(lines, i + 2)
            if runs_full(lines, i, after, open_after):
                cases.append((lines, i, lines[i + 1].closes))
    monkeypatch.setattr(lineends, "runs_full", lambda *_: False)  # the long way
    for lines, i, _ in cases:
        assert not lineends._ends_over(lines, i, lines[i], lines[i + 1])
    over_closed = sum(closed for _, _, closed in cases)
    assert over_closed > 150 and len(cases) - over_closed > 150  # (no vacuous test)
