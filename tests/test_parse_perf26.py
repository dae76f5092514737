"""Speed-only shortcuts of the parse (perf26) answer as the work they skip (DESIGN 8).

Each shortcut stands in for a longer computation whose answer it must not change:
`column.inside_bound` for `lineends._ends_over`'s test of a line inside a paragraph
(with `fill_after`'s widths), and `measures.Shown.pairs` counted once a page for a
walk over every stack at each call. Checked here against the long way on invented
lines and stacks.
"""

from __future__ import annotations

import random

from reader.parse.column import fill_after, inside_bound
from reader.parse.kinds import Kind, is_header
from reader.parse.lines import Line
from reader.parse.measures import Shown
from reader.parse.roles import body_measure
from reader.parse.text import INDENT, width

_FIRSTS = "本新据我●一“"


def _line(rng: random.Random) -> Line:
    line = object.__new__(Line)
    line.width = rng.choice([0.0, 3.0, 6.5, 9.0, 10.5, 11.0, 12.0, 13.0, 13.5, 14.0, 20.0])
    line.closes = rng.random() < 0.3
    line.hint = rng.random() < 0.1
    line.head = rng.random() < 0.1
    line.kind = Kind.BODY if rng.random() < 0.85 else rng.choice([Kind.BYLINE, Kind.SOURCE])
    line.first = rng.choice(_FIRSTS)
    return line


def _inside_the_long_way(lines: list[Line], i: int) -> bool:
    """`_ends_over`'s test with `fill_after`, less its boundary and dateline clauses."""
    line, nxt = lines[i], lines[i + 1]
    after = fill_after(lines, i + 2)[0]
    column = max(nxt.width, after)
    return (
        not nxt.closes
        and line.width + 3.5 > column
        and line.width > after - 1
        and nxt.width > after - 1.5
        and line.width < nxt.width + INDENT
        and line.width < 1.4 * column
        and not line.hint
    )


def test_inside_bound_says_yes_only_where_the_long_test_does() -> None:
    rng = random.Random(26)
    said = 0
    for _ in range(4000):
        lines = [_line(rng) for _ in range(rng.randint(2, 7))]
        for i in range(len(lines) - 1):
            if inside_bound(lines, i, lines[i], lines[i + 1]):
                said += 1
                assert _inside_the_long_way(lines, i)
    assert said > 500  # (the bound is no vacuous test: it answers for many lines)


def _pairs_the_long_way(shown: Shown, measure: float, wide: float) -> int:
    n = 0
    for grouped, body in zip(shown._groups, shown._bodies, strict=True):
        if len(grouped) == 2 and all(len(part) == 1 for part in grouped):
            above, line = grouped[0][0], grouped[1][0]
            if width(above) == wide > width(line) and "—" not in above + line:
                n += not is_header(line) and body_measure(body) == measure
    return n


def test_pairs_counted_once_answer_as_each_walk_did() -> None:
    body = [["一二三四五六七八九十", "一二三四五六七八九十", "一二三四五六七八九十", "一二。"]]
    wide = [["一二三四五六七八九十一", "一二三四五六七八九十一", "一二三四五六七八九十一", "一。"]]
    groups = [
        [["杭州一家流通企业全由"], ["职工出资改制"]],
        [["大干水利笑开怀各地兴"], ["修水利迎春节"]],
        [["大干水利笑开怀各地兴"], ["修水利迎春节"]],
        [["短标题"], ["更长的一行副标题在此"]],
        [["——一个引题在此处"], ["正题"]],
        [["本版责任编辑星期一"], ["星期一"]],
        [["三行的标题", "第二行"], ["第三行"]],
        [["ABCD 标题"], ["短"]],
    ]
    bodies = [body, body, wide, body, body, body, body, wide]
    shown = Shown(groups, bodies)
    measures = {body_measure(b) for b in bodies} | {0.0, 10.5}
    widths = {width(part[0]) for grouped in groups for part in grouped} | {4.0}
    asked = [(m, w) for m in sorted(measures) for w in sorted(widths)]
    rng = random.Random(26)
    rng.shuffle(asked)
    for measure, wide_ in asked:
        assert shown.pairs(measure, wide_) == _pairs_the_long_way(shown, measure, wide_)
    assert shown.pairs(10.0, 10.0) == 2 and shown.pairs(11.0, 10.0) == 1
