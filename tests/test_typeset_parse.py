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

# Measured on SEEDS (seeded, so exact), each text shape: headlines 77.8% (80.0% from
# issue 12 round 5 to round 9's branch kick9; 77.8% before round 5: a line too short to
# open the paragraph below, measured against that paragraph's next lines; 55.6% before
# the wrap model of branch text3), kickers 60.0%, subtitles 94.4% (100% before round 9:
# seed 4 shows a dashed subtitle and no undashed one, so its plain pair `抵达家门` /
# `邮电部发行《戊寅年》特种邮票`, headline + undashed subtitle, reads as kicker + headline;
# the kicker stories of seeds 1 (a page showing an undashed subtitle under
# `爷爷办起“托儿所”`) and 2 (no dashes) keep the position rule, as kick9 did not;
# bench/README.md, issue 12 round 9), bylines 100%, captions 100%, header 100%,
# paragraph F1 0.979 in PDFium's shape (0.986 before issue 12 round 8, see below);
# nothing lost. Issue 12 aims far higher: these floors hold what is reached.
FLOORS = {
    "headline": 77.0,
    "kicker": 60.0,
    "subtitle": 94.0,
    "byline": 95.0,
    "caption": 95.0,
    "header": 99.0,
}
# Paragraph F1 by text shape. In MuPDF's own (`mupdfsplit`: lines split where a squeezed
# mark sets the next glyph back) it is 0.972 (0.909 before issue 12 round 5's pieces and
# band; header 33.3% then): on seed 1 a paragraph's last line `发展。` and the next one's
# first, opening with a quote, fill the column together and are joined as pieces would be.
# Since round 8 (0.979 / 0.979 / 0.965, one paragraph less): seed 1 sets `（据新华社电）`
# apart under a line with room for it, so its `（广文）` under a full line is read as a
# source line too, where the generator ran it into the paragraph: the text cannot tell
# the two apart, and on held-out pages of three engines the page's word is right more
# often than not (bench/README.md, issue 12 round 8).
# Since round 17 (para19) the truth writes a note set alone at a story's end (`（郑雪）`,
# `（据新华社电）`) as its last paragraph, not as `source`, and so does the parser: 0.973 /
# 0.973 / 0.969 (the parser before, on that truth: 0.966 / 0.966 / 0.962); `（广文）`
# above is now a paragraph of its own where the generator ran it in.
MIN_PARAGRAPH_F1 = {"pdfium": 0.97, "mupdf": 0.97, "mupdfsplit": 0.965}


@pytest.fixture(scope="module", params=sorted(MIN_PARAGRAPH_F1))
def shape(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def scores(shape: str) -> FieldScores:
    from reader.parse.stories import parse_text

    corpus = typesetgen.load_corpus()
    if corpus is None:
        pytest.skip("shared/corpus is not beside this checkout")
    if not typesetgen.fonts_ready():
        pytest.skip(f"Noto SC fonts not in {typesetgen.FONT_DIR}")
    extract = {
        "pdfium": typesetgen.pdfium_text,
        "mupdf": typesetgen.mupdf_text,
        "mupdfsplit": typesetgen.mupdfsplit_text,
    }[shape]
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


def test_paragraph_f1(scores: FieldScores, shape: str) -> None:
    assert scores.paragraph_f1() >= MIN_PARAGRAPH_F1[shape], scores.report()
