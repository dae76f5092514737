"""A page's columns folded in one call (`folding.fold_page`) are folded as `fold` folds them.

A build folds a page's joined columns at once, looking up only the characters that may
fold to others (`folding._changing`); the index's tokens rest on the folded text, so
these hold it to `fold` on every character of the blocks it passes over and on odd text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search import folding
from reader.search.folding import _STABLE_BLOCKS, _TABLE, fold, fold_page


def test_the_characters_passed_over_fold_to_themselves() -> None:
    changing = folding._changing()
    for low, high in _STABLE_BLOCKS:
        for code in range(low, high + 1):
            char = chr(code)
            if not changing.fullmatch(char):
                assert _TABLE[code] == char, hex(code)
                assert fold(char) == char, hex(code)
    # and the ones looked up are those that fold to another (traditional, full-width, A-Z)
    for char in "數據\uff21\uff22１９，\uff2d…A€한":
        assert changing.fullmatch(char), char


def test_a_page_folds_as_its_characters_one_by_one() -> None:
    texts = [
        "數據 １９９８年，ＡＢＣ公司 Straße ﬁ ㍻ ㈠ 𠀋𝄞 …“经济”\v人民\n",
        "PEOPLE'S DAILY 人民日报 ２０００％ Ⅻ ｶﾀｶﾅ",
        "",
        "plain ascii TEXT\v",
    ]
    for text in texts:
        assert fold_page(text) == fold(text)
    # combining marks and jamo: not the whole's fold one character at a time
    assert fold_page("Cafe\u0301 经济") is None
    assert fold_page("\u1100\u1161\u11a8") is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF),
            st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),
            st.characters(codec="utf-8"),
            st.sampled_from(["\v", "，", "數", "\uff21", "\u0301"]),
        ),
        max_size=60,
    ).map("".join)
)
def test_any_text_folds_as_fold_or_is_left_to_it(text: str) -> None:
    out = fold_page(text)
    assert out is None or out == fold(text)
    if out is None:
        assert fold(text) != text.translate(_TABLE)
