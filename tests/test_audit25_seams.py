"""A run across fields is found by looking only at the fields it touches.

`seams.crossing` placed each occurrence by visiting every field of the item's chain:
the square of the item's paragraphs. A page of 8,000 one-line paragraphs (`数据。`
each, a list or a verse set so) held `reader search '"。数据"'` for 18 s, and 64,000
of them (one 700 KB page) for hours: one page file in a library was enough to hang
every search of a phrase its seams hold.
"""

from __future__ import annotations

from typing import Any, SupportsIndex

from reader.search import seams
from reader.search.folding import folded


class _Counted(list[Any]):
    """A chain's parts that count how many times a part is looked at."""

    looked = 0

    def __iter__(self) -> Any:
        for part in super().__iter__():
            _Counted.looked += 1
            yield part

    def __getitem__(self, index: SupportsIndex | slice) -> Any:
        _Counted.looked += 1
        return super().__getitem__(index)


def _chain(count: int) -> tuple[str, seams.Parts]:
    text, parts = seams.joined([(f"paragraphs.{n}", folded("数据。")) for n in range(count)])
    return text, _Counted(parts)


def test_each_occurrence_across_a_seam_looks_at_the_fields_it_touches_only() -> None:
    count = 2000
    chained = _chain(count)
    _Counted.looked = 0
    found = seams.crossing(chained, "。数据", None, lambda _key: "body")
    assert len(found) == count  # every paragraph touched: its 。 or its 数据
    assert sum(len(spans) for spans in found.values()) == 2 * (count - 1)
    assert _Counted.looked < 40 * count  # every field for every occurrence: 4,000,000


def test_the_spans_are_the_ones_a_visit_of_every_field_gives() -> None:
    text, parts = seams.joined(
        [("headline", folded("上海")), ("subtitle", folded("市民")), ("kicker", folded("生活"))]
    )
    found = seams.crossing((text, parts), "海市民生", None, lambda _key: "headline")
    assert found == {"headline": [(1, 2)], "subtitle": [(0, 2)], "kicker": [(0, 1)]}
    assert seams.crossing((text, parts), "海市", "body", lambda _key: "headline") == {}
