"""The parser on pages in the shapes of issue 12 (tests/pagegen2.py), field by field.

`python tests/pagescore.py [PAGES]` prints the figures for both generators.
"""

from __future__ import annotations

import pytest
from pagegen2 import generate2, load_pools
from pagescore import FieldScores, score_pagegen2

SEEDS = range(300)

# Measured on SEEDS (seeded, so exact): headlines 95.1%, kickers 94.9%, subtitles
# 94.8%, bylines 95.5%, captions 99.0%, header 100%, paragraph F1 0.961; no
# furniture as items, nothing lost. Issue 12 aims higher (headlines 97%, kickers and
# subtitles 95%, F1 0.97): these floors hold what is reached, a little below it.
FLOORS = {
    "headline": 93.0,
    "kicker": 92.0,
    "subtitle": 93.0,
    "byline": 94.0,
    "caption": 97.5,
    "header": 99.0,
}
MIN_PARAGRAPH_F1 = 0.95


@pytest.fixture(scope="module")
def scores() -> FieldScores:
    if load_pools() is None:
        pytest.skip("shared/corpus is not beside this checkout")
    return score_pagegen2(SEEDS)


def test_nothing_lost_nothing_invented(scores: FieldScores) -> None:
    assert scores.lost_pages == []


def test_no_masthead_or_date_band_as_an_item(scores: FieldScores) -> None:
    assert scores.furniture == 0


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_field_found(scores: FieldScores, name: str) -> None:
    assert scores.percent(name) >= FLOORS[name], scores.report()


def test_paragraph_f1(scores: FieldScores) -> None:
    assert scores.paragraph_f1() >= MIN_PARAGRAPH_F1, scores.report()


def test_pages_hold_the_shapes_of_issue_12() -> None:
    if load_pools() is None:
        pytest.skip("shared/corpus is not beside this checkout")
    pages = [generate2(seed) for seed in range(80)]
    texts = "\n".join(p.text for p in pages)
    items = [item for p in pages for item in p.items]
    heads = [i.headline or "" for i in items]
    assert any("，" in h for h in heads) and any("：" in h for h in heads)
    assert any(any(c.isdigit() for c in h) for h in heads)
    assert any(i.byline and i.byline.startswith("新华社记者") for i in items)
    assert any(i.credit and i.credit.startswith("（") for i in items)
    assert any(i.credit == "受访者供图" for i in items)
    assert any(p.header and "人民日报" in p.header for p in pages)
    assert "\n”" in texts.replace("\r", "") or "\n\n”" in texts
    assert generate2(5) == generate2(5)
