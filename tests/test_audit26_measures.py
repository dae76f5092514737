"""A page of many one-part stacks, some of two lines, parses in time linear in its stacks.

`measures.Shown.pairs` (a page that never wraps its heads: two stacks broken at one
width over one column are wraps) walked every stack of the page for each two-line
stack it was asked about: 9 s of parse at 4,000 stacks, 0.4 MB of page text, and
hours at the 16 MB a page may hold. The pairs are now counted once a page.
"""

from __future__ import annotations

import random

import pytest

from reader.parse import measures
from reader.parse.stories import parse_text

HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def page(stacks: int, seed: int = 5) -> str:
    """`stacks` one-line heads over four-line paragraphs, every eighth head over a
    second, shorter line (the shape of a wrap or a subtitle)."""
    rng = random.Random(seed)

    def words(low: int, high: int) -> str:
        return "".join(rng.choice(HAN) for _ in range(rng.randint(low, high)))

    def body() -> str:
        lines = [words(14, 14), words(16, 16), words(16, 16), words(5, 9) + "。"]
        return "　　" + "\n".join(lines) + "\n"

    return "".join(
        words(10, 13) + "\n" + (words(6, 9) + "\n" if n % 8 == 0 else "") + body()
        for n in range(stacks)
    )


def test_the_pairs_of_a_page_are_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [0]
    real = measures.body_measure  # type: ignore[attr-defined]

    def counted(body: object) -> float:
        calls[0] += 1
        return real(body)  # type: ignore[arg-type]

    monkeypatch.setattr(measures, "body_measure", counted)
    asked = []
    for stacks in (300, 600):
        calls[0] = 0
        parse_text(page(stacks))
        asked.append(calls[0])
    assert asked[0] > 0, "the shape no longer reaches `Shown.pairs`: remake it"
    assert asked[1] <= 2.5 * asked[0], asked  # linear: before, four times as many


def test_counted_once_the_pairs_are_what_the_walk_counted() -> None:
    """The count `Shown.pairs` gives, against a walk of the page for each question."""
    from reader.parse.kinds import is_header
    from reader.parse.roles import body_measure
    from reader.parse.text import width

    rng = random.Random(3)
    widths = ["一" * k for k in range(4, 12)]
    groups: list[list[list[str]]] = []
    bodies: list[list[list[str]]] = []
    for _ in range(200):
        shape = rng.random()
        if shape < 0.5:
            groups.append([[rng.choice(widths)], [rng.choice(widths)]])
        elif shape < 0.6:
            groups.append([[rng.choice(widths) + "——"], [rng.choice(widths)]])
        elif shape < 0.7:
            groups.append([[rng.choice(widths)], ["本版责任编辑：张三"]])
        else:
            groups.append([[rng.choice(widths), rng.choice(widths)]])
        bodies.append([["　　" + "二" * rng.choice((12, 14)), "二" * rng.choice((14, 16)), "三。"]])
    shown = measures.Shown(groups, bodies)

    def walked(measure: float, wide: float) -> int:
        n = 0
        for grouped, body in zip(groups, bodies, strict=True):
            if len(grouped) == 2 and all(len(part) == 1 for part in grouped):
                above, line = grouped[0][0], grouped[1][0]
                if width(above) == wide > width(line) and "—" not in above + line:
                    n += not is_header(line) and body_measure(body) == measure
        return n

    columns = {body_measure(body) for body in bodies}
    for column in columns:
        for line in widths:
            assert shown.pairs(column, width(line)) == walked(column, width(line))
