"""Folding and spans: a hit is a literal occurrence in folded text, mapped to printed offsets."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reader.model import Item
from reader.search.folding import fold, folded, simplified
from reader.search.matching import find_spans


def test_fold_is_nfkc_and_lower_case() -> None:
    assert fold("１９９８年\uff21\uff22\uff23") == "1998年abc"
    assert fold("\uff24\uff41\uff54\uff41\u3000Bank") == "data bank"
    assert fold("数据") == "数据"


def test_cjk_ideographs_are_nfkc_and_lower_case_already() -> None:
    # `fold` takes this as given for speed; the Unicode tables must agree.
    for code in range(0x3400, 0xA000):
        char = chr(code)
        assert unicodedata.normalize("NFKC", char).lower() == char


def test_traditional_characters_fold_to_simplified_one_for_one() -> None:
    assert fold("數據") == fold("数据") == "数据"
    assert fold("香港回歸 經濟") == "香港回归 经济"
    assert fold("\uf9b1") == fold("鈴") == "铃"  # a compatibility ideograph: NFKC, then the table
    table = simplified()
    assert len(table) > 3000
    assert all(len(t) == len(s) == 1 for t, s in table.items())
    item = Item(id="p/i/01/1", kind="article", headline="港府公佈數據", paragraphs=("数据",))
    spans = find_spans(item, ["数据"])
    assert spans == {"headline": [(4, 6)], "paragraphs.0": [(0, 2)]}


def test_expanding_characters_map_back_to_the_printed_character() -> None:
    form = folded("重量5㎏的箱子")  # ㎏ folds to two characters, "kg"
    assert form.text == "重量5kg的箱子"
    start = form.text.index("kg")
    assert form.span(start, start + 2) == (3, 4)
    assert form.span(start, start + 1) == (3, 4)  # half of an expansion is the whole character
    assert form.span(start + 2, start + 3) == (4, 5)


def test_find_spans_gives_printed_offsets_in_every_field() -> None:
    item = Item(
        id="p/i/01/1",
        kind="article",
        headline="１９９８年数据",
        derived_headline=None,
        paragraphs=("一九九八，1998年的数据局。", "没有"),
        byline="本报记者 \uff21\uff22",
    )
    spans = find_spans(item, ["1998", "ab"])
    assert spans == {"headline": [(0, 4)], "byline": [(5, 7)], "paragraphs.0": [(5, 9)]}
    assert item.headline is not None
    assert item.headline[0:4] == "１９９８"


def test_overlapping_hits_are_joined_and_blank_terms_ignored() -> None:
    item = Item(id="p/i/01/1", kind="brief", paragraphs=("哈哈哈，哈",))
    assert find_spans(item, ["哈哈"]) == {"paragraphs.0": [(0, 3)]}
    assert find_spans(item, ["  ", ""]) == {}


@given(st.text(min_size=1, max_size=40), st.integers(0, 39), st.integers(1, 6))
def test_every_span_folds_to_text_holding_the_term(text: str, at: int, size: int) -> None:
    term = text[at : at + size] or text
    if not fold(term).strip():
        return
    item = Item(id="p/i/01/1", kind="brief", paragraphs=(text,))
    for start, end in find_spans(item, [term]).get("paragraphs.0", []):
        assert 0 <= start < end <= len(text)
        assert fold(term) in fold(text[start:end])  # folding is per character
    if fold(term) in fold(text):
        assert "paragraphs.0" in find_spans(item, [term])
