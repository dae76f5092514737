"""The import's shortcuts past work that cannot change its answer: each one skips a test
only where that test is bound to say no (imp25: the import made faster, its output the
same byte for byte)."""

from __future__ import annotations

import itertools
import random

from reader.importing.glyphs import (
    _may_split,
    _narrow_gutter,
    _set_apart,
    _Strips,
)
from reader.importing.producers import NOTED, _dingbat, made_up
from reader.importing.segment import HANGS, OPENS, Glyph, make_glyph


def test_noted_holds_every_code_point_the_producers_look_for() -> None:
    """`textpage` feeds `Suspects` and looks for dash ligatures only on pages that print
    a code point of `NOTED` (or a glyph `suspect` of a lie)."""
    for code in range(0x30000):
        if made_up(code) or _dingbat(code):
            assert code in NOTED, hex(code)


def _row(rng: random.Random, baseline: float, body: float) -> list[Glyph]:
    chars = "中文报道，。、“”（）《》１２ab 新闻"
    x, row = 10.0, []
    for k in range(rng.randint(3, 30)):
        size = rng.choice((body, body, body, 1.1 * body, 1.6 * body))
        width = size * rng.choice((1.0, 1.0, 0.5, 0.55))
        char = rng.choice(chars)
        weight = rng.choice((400, 400, 700))
        row.append(
            make_glyph(
                char,
                x,
                x + width,
                baseline - 0.12 * size,
                baseline + 0.88 * size,
                baseline + rng.choice((0.0, 0.0, 0.3)),
                size,
                weight,
                k,
                rng.randint(1, 2),
            )
        )
        x += width + rng.choice((0.0, 0.0, 0.0, 0.05, 0.1, 0.14, 0.15, 0.16, 0.3, 0.6)) * body
    return row


def test_a_pair_passed_over_is_one_neither_narrow_test_splits() -> None:
    """`_gutters` asks `_set_apart` and `_narrow_gutter` only of pairs `_may_split`."""
    rng = random.Random(25)
    body, passed = 10.0, 0
    for _ in range(200):
        rows = [_row(rng, 800.0 - 13.0 * k, body) for k in range(12)]
        strips = _Strips(rows)
        for row in rows:
            for prev, glyph in itertools.pairwise(row):
                gap = glyph.x0 - prev.x1
                gutter = max(0.6 * min(prev.size, glyph.size), 0.5 * body)
                if _may_split(prev, glyph, gap, 0.15 * body):
                    continue
                passed += 1
                assert prev.char not in HANGS and glyph.char not in OPENS
                ratio = glyph.size / prev.size
                assert not _set_apart(prev, glyph, ratio, gap, body)
                for flush in (False, True):
                    assert not _narrow_gutter(prev, glyph, gutter, flush, body, strips)
    assert passed > 10_000
