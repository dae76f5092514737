"""The head chain's rare passes on fewer lines (cand27): each answer as the full walk's.

Speed only: `heads._quotes` reads the lines that end in `”` from the page's line ends,
`overindent.head_over_indent` asks the line above first, `mark_heads` calls
`unmark_art_notes` only when a marked line ends in `）`, and asks three boundary tests
only past their first. Each is checked here against the walk it
replaces, on generated pages (`tests/pagegen.py`, `tests/pagegen2.py`) and on invented
lines in the shape of each case.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

import pytest
import test_parse_art_notes as art
from pagegen import generate, load_corpus
from pagegen2 import generate2, load_pools

from reader.parse import artnotes, column, heads, overindent, stackwraps
from reader.parse.column import dateline_at
from reader.parse.kinds import Kind
from reader.parse.lineends import DATELINE_FIRST
from reader.parse.lines import Line, make_lines
from reader.parse.stories import parse_text
from reader.parse.text import INDENT, page_lines

SEEDS = range(40)


def _pages() -> Iterator[str]:
    corpus, pools = load_corpus(), load_pools()
    if corpus is None or pools is None:
        pytest.skip("no corpus")
    for seed in SEEDS:
        yield generate(corpus, seed).text
        yield generate2(seed, corpus, pools).text


@pytest.fixture(scope="module")
def pages() -> list[str]:
    return list(_pages())


def _copy(lines: list[Line]) -> list[Line]:
    return [copy.copy(line) for line in lines]  # (a block's widths are never changed now)


def _state(lines: list[Line]) -> list[tuple[bool, bool, bool, Any]]:
    return [(ln.head, ln.candidate, ln.indent, ln.kind) for ln in lines]


def _quotes_the_long_way(lines: list[Line]) -> list[tuple[int, int, list[int]]]:
    """`heads._quotes` as it was: a walk of every line, its own end asked first."""
    out = []
    for i, line in enumerate(lines):
        text = line.text
        if line.last != "”" or line.candidate or line.kind is not Kind.BODY or len(text) < 3:
            continue
        exclaims = text[-2] in "！？…⋯!?"
        if "。" in text[:-2] or not (exclaims or text[-2] == "。"):
            continue
        start = i
        while (
            start > max(0, i - 3)
            and not heads._opens_quote(lines[start].text)
            and heads._runs_into(lines[start - 1])
        ):
            start -= 1
        if (
            heads._opens_quote(lines[start].text)
            and sum(ln.width for ln in lines[start : i + 1]) <= 24
            and (exclaims or heads._stated(lines, start, i))
        ):
            made = [j for j in range(start, i + 1) if not lines[j].candidate]
            out.append((start, i, made))
            for j in made:
                lines[j].candidate = True
    return out


def _over_indent_the_long_way(lines: list[Line]) -> None:
    """`overindent.head_over_indent` as it was: every line by index, itself asked first."""
    for i in range(1, len(lines) - 2):
        line, prev = lines[i], lines[i - 1]
        if not line.candidate or line.head:
            continue
        if prev.kind is Kind.BODY and not prev.closes and prev.last not in "）)":
            continue
        if overindent._over_indent(lines, i):
            line.head = True


def test_quotes_are_found_as_the_walk_found_them(
    pages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = heads._quotes
    asked = []

    def both(lines: list[Line], ends: str) -> list[tuple[int, int, list[int]]]:
        assert ends == "".join(line.last for line in lines)
        other = _copy(lines)
        out = real(lines, ends)
        assert out == _quotes_the_long_way(other)
        assert _state(lines) == _state(other)
        asked.append(len(out))
        return out

    monkeypatch.setattr(heads, "_quotes", both)
    for text in pages:
        parse_text(text)
    assert sum(asked) > 0  # (some quotes were made candidates)


def test_an_invented_quote_is_found_as_the_walk_found_it() -> None:
    raw = ["这是一行正文，它很长很长。", "“路还长！别泄气，", "明天再走。”", "本报记者 王立平"]
    lines = make_lines(raw)
    other = _copy(lines)
    out = heads._quotes(lines, "".join(line.last for line in lines))
    assert out == _quotes_the_long_way(other) == [(1, 2, [1, 2])]
    assert _state(lines) == _state(other)


def test_head_over_indent_marks_what_the_walk_marked(
    pages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = overindent.head_over_indent
    marked = []
    checked: list[int] = []

    def both(lines: list[Line], after_end: list[int] | None = None) -> list[int]:
        other = _copy(lines)
        before = [ln.head for ln in lines]
        if after_end is not None:  # (`mark_heads`' list holds every line the walk asks)
            asked = [
                i
                for i in range(1, len(lines) - 2)
                if lines[i].candidate
                and not lines[i].head
                and not (
                    lines[i - 1].kind is Kind.BODY
                    and not lines[i - 1].closes
                    and lines[i - 1].last not in "）)"
                )
            ]
            for i in set(asked) - set(after_end):  # (a dateline's first line, which
                assert lines[i].first in DATELINE_FIRST and dateline_at(lines, i)  # opens
                assert not overindent._over_indent(lines, i)  # a paragraph: no headline)
            assert after_end == sorted(after_end)
            checked.append(len(asked))
        out = real(lines, after_end)
        _over_indent_the_long_way(other)
        assert _state(lines) == _state(other)
        assert out == [i for i, ln in enumerate(lines) if ln.head and not before[i]]
        marked.extend(out)
        return out

    monkeypatch.setattr(heads, "head_over_indent", both)
    for text in pages:
        parse_text(text)  # (in place: the rule fires on none of these pages)
    rng = random.Random(27)
    for text in [*pages, "\n".join(_OVER_LINES)]:
        lines = make_lines(page_lines(text))
        for _ in range(3):  # ...and on their lines with headline lines marked at random
            for line in lines:
                line.head = rng.random() < 0.15
            both(_copy(lines))
    assert marked  # (it fires: on the invented lines at least)
    assert sum(checked) > 500  # (the lines it asks, in place, all listed by `mark_heads`)


# Invented: a story's end in a note, a short open line, the next paragraph's first line
# set in by the indent (no space written) and its full lines (the rule's own case).
_OVER_LINES = [
    "它们的故事还在继续，人们还在寻找。",
    "（附图片５张）",
    "从草原到大海",
    "每年春天，这支考察队都要",
    "从北京出发，沿着长城一路向西走",
    "到新疆的最南边去看看那里的沙",
    "漠和湖泊的变化情况并写下报告",
    "交给有关部门作为以后的参考。",
]


def test_art_notes_are_asked_wherever_they_could_unmark_a_line(
    pages: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where `mark_heads` does not call `unmark_art_notes`, the call changes nothing."""
    real_over, real_art = overindent.head_over_indent, artnotes.unmark_art_notes
    after: list[list[Line]] = []
    called: list[bool] = []

    def over(lines: list[Line], after_end: list[int] | None = None) -> list[int]:
        out = real_over(lines, after_end)
        after.append(_copy(lines))
        called.append(False)
        return out

    def art(lines: list[Line]) -> None:
        called[-1] = True
        real_art(lines)

    monkeypatch.setattr(heads, "head_over_indent", over)
    monkeypatch.setattr(heads, "unmark_art_notes", art)
    texts = [*pages, _ART_PAGE]
    for text in texts:
        parse_text(text)
    assert len(after) >= len(texts) and any(called)
    for lines, was_called in zip(after, called, strict=True):
        if not was_called:
            other = _copy(lines)
            real_art(other)
            assert _state(other) == _state(lines)


# The invented lines of the rule's own tests: a drawing's title over the next stack.
_ART_PAGE = "\n".join([*art.STORY, "山村晨曲（李明画）", "市文化馆举办迎春书画展", *art.BODY])


def test_the_invented_pages_show_each_case() -> None:
    page = parse_text(_ART_PAGE)
    assert page.items[0].paragraphs[-1] == "山村晨曲（李明画）"
    assert overindent.head_over_indent(make_lines(_OVER_LINES)) == [2]


def test_the_boundary_tests_are_skipped_only_where_they_say_no(pages: list[str]) -> None:
    """`mark_heads` asks `note_end`, `wrap_over_dateline` and `after_open_end` of a
    candidate under an open line only past their first test: where it fails, each says
    no (on every line of the generated pages, headline lines marked at random)."""
    rng = random.Random(8)
    skipped = 0
    for text in pages:
        lines = make_lines(page_lines(text))
        for line in lines:
            line.head = rng.random() < 0.15
        for i in range(1, len(lines)):
            prev, line = lines[i - 1], lines[i]
            if prev.kind is not Kind.BODY or prev.closes:
                continue
            if prev.last not in "）)":
                assert not column.note_end(prev)
            if not line.width < prev.width - 0.5:
                assert not stackwraps.wrap_over_dateline(lines, i)
                skipped += 1
            if not (i > 1 and prev.width <= lines[i - 2].width - INDENT):
                assert not stackwraps.after_open_end(lines, i)
    assert skipped > 1000
