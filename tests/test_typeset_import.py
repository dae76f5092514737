"""PDF import on pages set by Typst with Noto SC fonts (tests/typesetgen.py), scored.

The figures bench/structure.py gives for `typeset-pdf`, on a few seeded pages, with
floors a little under what import reaches today: a change that makes import worse on
pages a real typesetting engine set fails here. Skips when typst, the corpus or the
fonts are not there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import typesetgen

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import structure as bench

from reader.importing.pdf import read_pdf

pytest.importorskip("typst")

SEEDS = range(1, 9)
# Measured on these seeds: headlines 93.1, kickers 80.0, subtitles 95.7, bylines 87.5,
# paragraph F1 0.947, captions 100, header 100; nothing lost, no furniture.
FLOORS = {
    "headlines_pct": 90.0,
    "kickers_pct": 75.0,
    "subtitles_pct": 92.0,
    "bylines_pct": 84.0,
    "paragraph_f1": 0.92,
    "captions_pct": 95.0,
    "header_pct": 100.0,
}


@pytest.fixture(scope="module")
def figures() -> dict[str, object]:
    corpus = typesetgen.load_corpus()
    if corpus is None:
        pytest.skip("shared/corpus is not beside this checkout")
    if typesetgen.fetch_fonts() is None:
        pytest.skip(f"Noto SC fonts not in {typesetgen.FONT_DIR} and npm could not fetch them")
    score = bench.Score()
    for seed in SEEDS:
        page = typesetgen.generate(seed, corpus)
        (imported,) = read_pdf(page.pdf, f"typeset-{seed}.pdf")
        assert imported.structure is not None, seed  # built from typography, not parsed
        score.add(page.truth(), json.loads(imported.structure[0].to_json()))
    found: dict[str, object] = score.figures()
    return found


def test_nothing_lost_or_invented_and_no_furniture_as_items(figures: dict[str, object]) -> None:
    assert figures["chars_lost"] == 0
    assert figures["chars_invented"] == 0
    assert figures["furniture_as_items"] == 0


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_stays_above_its_floor(figures: dict[str, object], name: str) -> None:
    value = figures[name]
    assert isinstance(value, float)
    assert value >= FLOORS[name], f"{name} {value} < {FLOORS[name]}"
