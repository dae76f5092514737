"""The text parser on Typst-set pages' extracted text (tests/typesetgen.py), field by field.

Seeds 1-6 are among the pages the parser was tuned on (1-20); bench/structure.py and
bench/README.md report held-out seeds. Skipped when typst, the corpus or the Noto SC
fonts are not there.
"""

from __future__ import annotations

import pytest
from pagescore import FieldScores

typesetgen = pytest.importorskip("typesetgen")
pytest.importorskip("typst")
pytest.importorskip("pypdfium2")

SEEDS = range(1, 7)

# Measured on SEEDS (seeded, so exact), both text shapes: headlines 80.0% (77.8%
# before issue 12 round 5: a line too short to open the paragraph below, measured
# against that paragraph's next lines; 55.6% before the wrap model of branch
# text3), kickers 60.0%, subtitles 100%, bylines 100%, captions 100%, header 100%,
# paragraph F1 0.986 (0.979); nothing lost. Issue 12 aims far higher: these
# floors hold what is reached.
FLOORS = {
    "headline": 79.0,
    "kicker": 60.0,
    "subtitle": 95.0,
    "byline": 95.0,
    "caption": 95.0,
    "header": 99.0,
}
MIN_PARAGRAPH_F1 = 0.98


@pytest.fixture(scope="module", params=["pdfium", "mupdf"])
def scores(request: pytest.FixtureRequest) -> FieldScores:
    from reader.parse.stories import parse_text

    corpus = typesetgen.load_corpus()
    if corpus is None:
        pytest.skip("shared/corpus is not beside this checkout")
    if not typesetgen.fonts_ready():
        pytest.skip(f"Noto SC fonts not in {typesetgen.FONT_DIR}")
    extract = typesetgen.pdfium_text if request.param == "pdfium" else typesetgen.mupdf_text
    found = FieldScores()
    for seed in SEEDS:
        page = typesetgen.generate(seed, corpus)
        found.add(seed, page.truth(), parse_text(extract(page.pdf)).to_dict())
    return found


def test_nothing_lost_nothing_invented(scores: FieldScores) -> None:
    assert scores.lost_pages == []


def test_no_masthead_or_date_band_as_an_item(scores: FieldScores) -> None:
    assert scores.furniture == 0


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_field_found(scores: FieldScores, name: str) -> None:
    assert scores.percent(name) >= FLOORS[name], scores.report()


def test_paragraph_f1(scores: FieldScores) -> None:
    assert scores.paragraph_f1() >= MIN_PARAGRAPH_F1, scores.report()
