"""A run printed across two fields of one item is a hit, highlighted on both sides (search24).

The parser cuts a dateline from its paragraph and a headline from its subtitle; a reader
pastes the print. The texts here are invented in the shape of those cases.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from corpuslib import make_library
from hypothesis import example, given, settings
from hypothesis import strategies as st
from searchoracle import across, chains_of, typable
from searchoracle import fold as oracle_fold
from searchoracle import spans as oracle_spans

from reader.library import Library
from reader.model import Item
from reader.search import engine, pagetext
from reader.search.folding import folded
from reader.search.matching import holds_all, join_spans, term_spans
from reader.search.seams import crossing, joined, seam_grams
from reader.search.segmenter import page_tokens
from reader.search.tokens import RUN

LINES = [
    "春风行动在全市展开",
    "本报东城3月2日电 记者李明 今天春风行动在全市展开，各区设立服务站。",
    "另一条消息说明天下雨。",
    "明天天气晴朗，适宜出行。",
]


def library(tmp_path: Path, lines: list[str] = LINES) -> Library:
    found = Library(make_library(tmp_path / "lib", lines))
    engine.update(found)
    return found


def spans(found: Library, query: str) -> dict[str, dict[str, list[tuple[int, int]]]]:
    return {hit.id: hit.spans for hit in engine.search(found, query, update=False, limit=None)}


def test_a_run_across_a_dateline_and_its_paragraph_is_found_on_both_sides(tmp_path: Path) -> None:
    """`电记者李明`: the dateline's end, the paragraph's start. Not across the headline and
    the byline: a headline stack is set apart from its body (展开 over 本报 is no 开本)."""
    found = library(tmp_path)
    (item,) = found_items = spans(found, "电记者李明")
    assert found_items[item] == {"byline": [(8, 9)], "paragraphs.0": [(0, 4)]}
    assert spans(found, "展开本报") == {}
    assert spans(found, "开本") == {}


def test_a_run_across_two_items_or_the_page_header_is_no_hit(tmp_path: Path) -> None:
    """The end of one item and the start of the next are printed one after the other, but
    are no one run of an item."""
    found = library(tmp_path, ["2 要闻 1998年1月1日 星期四 责任编辑 周为", *LINES])
    assert spans(found, "下雨明天") == {}
    assert spans(found, "周为春风") == {}


def test_a_field_s_term_matches_a_run_across_fields_all_of_that_field() -> None:
    """`headline:` finds a run across the headline and its subtitle (both the headline
    stack); `body:` none across the byline and a paragraph (a byline is in no field but
    the item's), which a term without a field finds."""
    item = Item(
        id="p/i/01/1",
        kind="article",
        headline="城市更新",
        subtitle="老街换新颜",
        byline="本报记者 李明",
        paragraphs=("今天，老街改造完工。",),
    )
    found = term_spans(item, ["更新老街", "李明今天"], fields=["headline", "headline"])
    assert found == [{"headline": [(2, 4)], "subtitle": [(0, 2)]}, {}]
    found = term_spans(item, ["李明今天", "新颜本报"], fields=["body", None])
    assert found == [{}, {}]
    found = term_spans(item, ["李明今天"])
    assert found == [{"byline": [(5, 7)], "paragraphs.0": [(0, 2)]}]


def test_latin_fields_run_on_with_a_space_as_wrapped_lines_do() -> None:
    """`WTO` and `China` in two fields read as two words: `wto china` is found across them,
    `wtochina` is not, and the index holds no bigram across the seam."""
    item = Item(id="p/i/01/1", kind="article", byline="WTO", paragraphs=("China talks",))
    assert term_spans(item, ["wto china"]) == [{"byline": [(0, 3)], "paragraphs.0": [(0, 5)]}]
    assert term_spans(item, ["wtochina"]) == [{}]
    assert seam_grams(item) == []
    assert seam_grams(replace(item, byline="世贸")) == ["贸c"]
    assert seam_grams(replace(item, byline=None, headline="世贸")) == []  # two chains


def test_the_quick_tests_let_a_run_across_fields_through() -> None:
    """`holds_all` and the stored page's `keep` (which sees the byline after the
    paragraphs, as it is stored) both pass the item, and the page's bigram row holds the
    seam's bigram."""
    item = Item(
        id="p/i/01/1",
        kind="article",
        derived_headline="今天春风行动…",
        byline="本报东城3月2日电",
        paragraphs=("今天春风行动展开。",),
    )
    assert holds_all(item, ["电今天"])
    data = "本报东城3月2日电\n今天春风行动展开。\n".encode()
    blob = pagetext.encode([item], None, data)
    kept = pagetext.load(blob, data, keep=lambda text: "电今天" in text)
    assert kept[0] is not None
    row, _ = page_tokens([item])
    assert "电今" in row.split()


def test_an_occurrence_across_several_seams_spans_each_field() -> None:
    """A short field inside the run (a one-character kicker) is spanned whole."""
    item = Item(id="p/i/01/1", kind="article", kicker="论", headline="新时", subtitle="代")
    forms = [
        (key, folded(text))
        for key, text in (("kicker", "论"), ("headline", "新时"), ("subtitle", "代"))
    ]
    found = crossing(joined(forms), "论新时代", None, lambda key: "headline")
    assert found == {"kicker": [(0, 1)], "headline": [(0, 2)], "subtitle": [(0, 1)]}
    assert term_spans(item, ["论新时代"]) == [found]


ODD = "经济数据發後乾香港abcXYZ019１２\uff21\uff41①ﬁⅫｶﾞ㎏\u0301\u0308\u3099Σ\u03c3ςİß，。“” \u00a0…"


@settings(max_examples=300, deadline=None)
@example(before="a", after="\u0301b", at=0, size=3)  # an accent starting the second field
@example(before="ab", after="1c", at=0, size=4)  # Latin on both sides: a space between
@given(
    before=st.text(alphabet=ODD, min_size=1, max_size=10),
    after=st.text(alphabet=ODD, min_size=1, max_size=10),
    at=st.integers(0, 20),
    size=st.integers(2, 8),
)
def test_odd_text_across_two_paragraphs_matches_as_the_oracle_says(
    before: str, after: str, at: int, size: int
) -> None:
    """A piece of two paragraphs' folds as the oracle joins them: the matcher gives the
    oracle's spans, the quick test lets the item through, and the page's bigram row holds
    every bigram the query asks for."""
    item = Item(id="p/i/01/1", kind="brief", paragraphs=(before, after))
    rows = [(key, text, oracle_fold(text), "body") for key, text in chains_of(item)[1]]
    whole = "".join(row[2] for row in rows)  # the oracle's join, less a Latin seam's space
    term = " ".join(whole[at : at + size].split())
    if not typable(term) or len(term) < 2:
        return
    needle = " ".join(oracle_fold(term).split())  # as the oracle reads a typed term
    want: dict[str, list[tuple[int, int]]] = {}
    for key, text, _, _ in rows:
        if oracle_spans(text, needle):
            want[key] = oracle_spans(text, needle)
    for key, found in across(rows, needle, None).items():
        want[key] = join_spans([*want.get(key, []), *found])
    got = {key: join_spans(spans) for key, spans in term_spans(item, [term])[0].items()}
    assert got == want
    if want:
        assert holds_all(item, [term])
        tokens = set(page_tokens([item])[0].split())
        for first, second in pairwise(needle):
            if RUN.fullmatch(first + second):
                assert first + second in tokens
