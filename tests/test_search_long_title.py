"""A hit's first line is its headline; a headline longer than a snippet (a page whose one
long line was read as its headline: audit17 saw 6,000 characters fill 63 terminal lines
for one hit) is cut to a window around its first hit, as a snippet is, in plain and
styled output alike. JSON keeps the headline whole."""

from __future__ import annotations

import pytest

from reader.cli import hits
from reader.search.engine import Hit


def _hit(headline: str, spans: list[tuple[int, int]]) -> Hit:
    return Hit(
        "p/2025-01-01/01/1", "p", "P", "2025-01-01", "2025-01-01", 1, "article",
        headline, 1.0, "", (), {"headline": spans}, {"headline": headline},
    )  # fmt: skip


def test_a_long_headline_is_a_window_round_its_hit(capsys: pytest.CaptureFixture[str]) -> None:
    headline = "长" * 3000 + "数据" + "长" * 3000
    hits.print_hits([_hit(headline, [(3000, 3002)])], styled=False)
    first = capsys.readouterr().out.splitlines()[0]
    assert "数据" in first
    assert len(first) < 100
    assert first.startswith("  1. …") and first.endswith("…")
    assert hits.hit_json(_hit(headline, [(3000, 3002)]))["headline"] == headline


def test_a_long_headline_styled_keeps_its_hit_marked(capsys: pytest.CaptureFixture[str]) -> None:
    headline = "长" * 3000 + "数据" + "长" * 3000
    title, spans = hits._title(_hit(headline, [(3000, 3002)]))
    assert len(title) < 100
    assert [title[s:e] for s, e in spans] == ["数据"]


def test_a_headline_of_a_newspaper_s_length_is_shown_whole() -> None:
    headline = "徐汇率先完成全国首批公共数据资源登记"
    assert hits._title(_hit(headline, [(13, 15)])) == (headline, ((13, 15),))
