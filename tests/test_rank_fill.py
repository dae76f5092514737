"""The share of its clause an occurrence fills (`rank._fill`): one walk of a run for
many occurrences, the same figure as walking it for each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.search.rank import _fill


def _walked(text: str, start: int, end: int) -> float:
    """The figure as the ranking defines it: walk out from one occurrence to punctuation."""
    low, high = start, end
    while low > 0 and text[low - 1].isalnum():
        low -= 1
    while high < len(text) and text[high].isalnum():
        high += 1
    return (end - start) / (high - low) if high > low else 0.0


@given(
    st.text(alphabet="文新中，。 a1", min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 4)), max_size=12),
)
def test_the_largest_share_is_the_one_each_occurrence_has(
    text: str, raw: list[tuple[int, int]]
) -> None:
    places = [(min(s, len(text)), min(s + n, len(text))) for s, n in raw]
    expected = max([0.0, *(_walked(text, s, e) for s, e in places)])
    assert _fill(text, places) == expected


def test_a_term_inside_the_run_of_the_one_before_is_in_the_same_run() -> None:
    text = "前言，" + "中文新闻" * 3 + "。后"
    places = [(4, 6), (8, 10), (12, 14)]  # every 文新 of the one run
    assert _fill(text, places) == 2 / 12
    assert _fill(text, [(4, 6), (16, 17)]) == 1.0  # 后 fills its run alone
