"""Found from the reader under tmux (round 11): `/文新` in a page of one long
unpunctuated line never answered ("Updating the search index…" for minutes).

The cost was in `reader.search.rank.shape`: `_fill` walked the whole run of
letters around every occurrence, so a field of n characters with k occurrences
cost n*k steps. `reader search 文新 --count` over a page of `中文新闻` repeated
took 65 s at 100 KB and 377 s at 200 KB; 5 MB would take days. It now walks a
run once for the occurrences inside it. The test counts the characters looked
at, not time.
"""

from __future__ import annotations

from reader.model import Item
from reader.search.rank import shape


class Counted(str):
    """A str that counts the characters read one by one (`text[i]`)."""

    reads = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        Counted.reads += 1
        return str.__getitem__(self, index)


def test_the_shape_of_an_item_with_many_hits_reads_its_text_a_few_times() -> None:
    text = Counted("中文新闻" * 500)  # 2,000 characters, no punctuation
    places = [(n * 4 + 1, n * 4 + 3) for n in range(500)]  # every 文新
    item = Item(id="p/i/01/1", kind="article", paragraphs=(text,))
    Counted.reads = 0
    shape(item, [{"paragraphs.0": places}])
    assert Counted.reads <= 10 * len(text), f"{Counted.reads} reads of {len(text)} characters"
