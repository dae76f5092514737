"""Speed-only shortcuts of the line-end tests (perf27) answer as the work they skip (DESIGN 8).

`firstclosed.inner_line` and `firstclosed.runs_full` let `lineends._ends_over` say no for
a line inside a paragraph, and for a paragraph's first line, before its measures of the
column below; `column.full_between` stops at the first width that decides. Checked here
against the long way, on runs of invented lines made by `make_lines` (widths, stops,
quotes, closed last lines, sources).
"""

from __future__ import annotations

import random

import pytest

from reader.parse import lineends
from reader.parse.column import after_boundary, fill_after, full_between
from reader.parse.firstclosed import inner_line, runs_full
from reader.parse.kinds import Kind
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


def _full_between_the_long_way(lines: list[Line], i: int) -> bool:
    """`column.full_between` as it was: every width of the lines around, then the test."""
    if i < 1:
        return False
    line, above = lines[i], lines[i - 1]
    fill = 0.0
    for below in lines[i + 1 : i + 4]:
        if below.kind is not Kind.BODY or below.closes or below.head or below.hint:
            break
        fill = max(fill, below.width + below.hangs)
    for j in (i - 2, i - 3):
        if j < 1:
            break
        inner, upper = lines[j], lines[j - 1]
        if not all(
            ln.kind is Kind.BODY and not (ln.closes or ln.head or ln.hint) for ln in (inner, upper)
        ):
            break
        fill = max(fill, inner.width + inner.hangs)
    return (
        fill > 0
        and above.kind is Kind.BODY
        and min(line.width, above.width) >= fill - 1
        and line.width >= above.width - 1
    )


def test_full_between_answers_as_the_long_way() -> None:
    rng = random.Random(327)
    said = 0
    for _ in range(3000):
        lines = _page(rng)
        for i in range(len(lines)):
            answer = full_between(lines, i)
            assert answer == _full_between_the_long_way(lines, i)
            said += answer
    assert said > 300  # (no vacuous test)
