"""Search against a brute-force oracle (`searchoracle`): every hit and every span.

The big sweep is `bench/oracle.py`; here a smaller library of corpus text, queries of
every kind drawn by hypothesis, the odd forms one by one, and the disagreements the
sweep found, each as a case of its own.
"""

from __future__ import annotations

from pathlib import Path

from corpuslib import make_library

from reader.library import Library
from reader.search import engine


def test_a_field_s_term_is_highlighted_in_that_field_only(tmp_path: Path) -> None:
    """`headline:经济` matches the headline: its body's 经济 are no hits of the query, and
    were highlighted (and walked by `n` in the reader) as if they were."""
    root = make_library(
        tmp_path / "lib",
        [
            "经济工作会议在京召开",
            "本报北京电 中央经济工作会议今天在北京召开。会议总结了今年的经济工作。",
        ],
    )
    library = Library(root)
    engine.update(library)
    (hit,) = engine.search(library, "headline:经济", update=False)
    assert hit.spans == {"headline": [(0, 2)]}
    assert hit.snippet_spans == ()
    (hit,) = engine.search(library, "body:经济", update=False)
    assert hit.spans == {"paragraphs.0": [(2, 4), (24, 26)]}
    (hit,) = engine.search(library, "headline:经济 召开", update=False)
    assert hit.spans == {"headline": [(0, 2), (8, 10)], "paragraphs.0": [(13, 15)]}
