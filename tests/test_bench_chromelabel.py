"""bench/chromereal.py's labelled pages (`chromelabel-pdfium`): a column label spread over
some heads, the story's kicker in the truth, every other thing as `html(seed)` has it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def test_labels_are_kickers_over_plain_heads_and_leave_the_rest_alone() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    typesetgen = pytest.importorskip("typesetgen")
    if typesetgen.load_corpus() is None:
        pytest.skip("shared/corpus is not beside this checkout")
    import chromereal

    labelled = 0
    for seed in range(600, 604):
        _, plain_doc, _, plain = chromereal.html(seed)
        _, doc, _, items = chromereal.html(seed, labels=True)
        assert len(items) == len(plain)
        for before, after in zip(plain, items, strict=True):
            if after == before:
                continue
            assert before.kicker is None
            assert after.kicker in chromereal.COLUMN_LABELS
            assert after.headline == before.headline
            labelled += 1
        assert doc.count('<p class="kicker"') - plain_doc.count('<p class="kicker"') == sum(
            a != b for a, b in zip(plain, items, strict=True)
        )
    assert labelled
