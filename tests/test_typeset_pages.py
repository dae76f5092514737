"""The Typst page generator itself is sound: its truth is what the PDF prints, seeded.

Not a score of the parser (bench/structure.py measures that): these tests only check
that tests/typesetgen.py can be trusted as ground truth.
"""

from __future__ import annotations

import pytest
import typesetgen

pytest.importorskip("typst")


@pytest.fixture(scope="module")
def corpus() -> typesetgen.Corpus:
    found = typesetgen.load_corpus()
    if found is None:
        pytest.skip("shared/corpus is not beside this checkout")
    if typesetgen.fetch_fonts() is None:
        pytest.skip(f"Noto SC fonts not in {typesetgen.FONT_DIR} and npm could not fetch them")
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_truth_holds_every_printed_character(corpus: typesetgen.Corpus, seed: int) -> None:
    page = typesetgen.generate(seed, corpus)
    assert page.items
    assert page.header
    for shape in (typesetgen.pdfium_text(page.pdf), typesetgen.mupdf_text(page.pdf)):
        assert typesetgen.chars(shape) == page.chars()
    truth = page.truth()
    assert truth["page"] == page.page
    assert [i["id"] for i in truth["items"]] == [
        f"p/1998-01-05/{page.page:02d}/{n}" for n in range(1, len(page.items) + 1)
    ]


def test_same_seed_same_page(corpus: typesetgen.Corpus) -> None:
    a, b = typesetgen.generate(7, corpus), typesetgen.generate(7, corpus)
    assert a.pdf == b.pdf
    assert a.truth() == b.truth()
    assert typesetgen.generate(8, corpus).truth() != a.truth()
