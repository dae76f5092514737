"""`--sort date`: the newest hits, as finding every hit and sorting them by date gives.

The engine searches the newest issue dates first and widens back only while they hold
fewer hits than asked for (finding every hit of a common word first took minutes at
2 GB). These tests compare it with the whole search sorted, where the windows matter:
more issues than the first window, a word only in old issues, issues without a date,
`--since` and `--until` inside a window. The same issues in the same order, and the
same hits of every day shown whole; within a day hits follow the ranking, which
orders the fewer candidates of a window by their text further down than it orders
all of them, so the day cut short by the limit may show others of its hits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from corpuslib import corpus_lines, make_library, write_page

from reader.library import Library
from reader.search import engine


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("bydate")
    lines = corpus_lines(3000)
    make_library(root, lines[:2400], per_page=15, pages_per_issue=4)  # 40 daily issues
    undated = root / "rmrb" / "特刊"  # a folder name that is no date, no issue.toml
    undated.mkdir()
    write_page(undated / "01.txt", ["乡镇企业的发展", *lines[2400:2420]])
    lib = Library(root)
    engine.search(lib, "经济", limit=1)  # builds the index
    return lib


def ids(library: Library, query: str, limit: int | None, **filters: Any) -> list[str]:
    hits = engine.search(library, query, limit=limit, sort="date", update=False, **filters)
    return [hit.id for hit in hits]


def same_newest(shown: list[str], every: list[str], limit: int) -> None:
    """`shown` are the newest `limit` of `every` (every hit, newest first), up to the
    order within a day, and to which hits of the last day the limit cut."""
    assert len(shown) == len(every[:limit])
    if not shown:
        return
    issues = [hit.split("/")[1] for hit in shown]
    assert issues == [hit.split("/")[1] for hit in every[:limit]]
    assert set(shown) <= set(every)
    for day in set(issues[:-1]) - {issues[-1]}:  # days shown whole
        assert {h for h in shown if f"/{day}/" in h} == {h for h in every if f"/{day}/" in h}


@pytest.mark.parametrize("query", ["经济", "发展", "中国 人民", "乡镇企业", "的"])
@pytest.mark.parametrize("limit", [1, 5, 20, 200])
def test_the_newest_hits_are_those_of_every_hit_sorted(
    library: Library, query: str, limit: int
) -> None:
    every = ids(library, query, None)  # every hit, then sorted: the old way
    assert every, query
    same_newest(ids(library, query, limit), every, limit)


@pytest.mark.parametrize(
    "filters",
    [
        {"since": date(1998, 1, 20)},
        {"until": date(1998, 1, 35 - 5)},
        {"since": date(1998, 1, 3), "until": date(1998, 1, 12)},
        {"since": date(2030, 1, 1)},  # no hits
    ],
)
def test_dates_asked_for_hold_inside_the_windows(library: Library, filters: dict[str, Any]) -> None:
    for limit in (3, 20):
        assert (
            ids(library, "经济", limit, **filters) == ids(library, "经济", None, **filters)[:limit]
        )


def test_an_issue_without_a_date_comes_last_and_is_still_reached(library: Library) -> None:
    every = ids(library, "乡镇企业", None)
    assert every[-1].startswith("rmrb/特刊/")
    assert sorted(ids(library, "乡镇企业", len(every))) == sorted(every)


def test_the_first_window_answers_a_common_word(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The point: a common word is answered from the newest issues, not all of them."""
    asked: list[object] = []
    search = engine.search

    def spy(*args: object, **kwargs: object) -> object:
        asked.append(kwargs.get("since"))
        return search(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "search", spy)
    assert len(ids(library, "的", 5)) == 5
    assert asked[1:] == [date(1998, 2, 8)]  # the second newest of 40 days: one window
