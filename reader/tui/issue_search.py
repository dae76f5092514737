"""Searching one issue through the index, and the rows the search panel lists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.fields import field_text
from reader.library import Library
from reader.startup import index_in_child
from reader.tui.hit_row import HitRow
from reader.tui.hit_walk import FieldSpans, Occurrence, occurrences, snippet
from reader.tui.session import Opened

if TYPE_CHECKING:
    from reader.search.engine import Hit


@dataclass(frozen=True)
class SearchResult:
    """Every occurrence of `query` in one issue, or why there are none."""

    query: str
    issue_id: str
    hits: list[Occurrence] = field(default_factory=list)
    spans: dict[str, FieldSpans] = field(default_factory=dict)
    rows: list[HitRow] = field(default_factory=list)
    error: str | None = None


def run_search(
    library: Library,
    query: str,
    opened: Opened,
    update: bool,
    updating: Callable[[bool], None] | None = None,
) -> SearchResult:
    """Ask the segmented index for the issue's hits (no scan of the text, no jieba).

    With `update`, an index behind the library (the search's quick test, as `reader
    search` makes it) is brought up to date first, in a child process, or by this one
    if that fails; `updating(True)` is called before and `updating(False)` after, for
    the status line. A current index is searched at once: a child `reader index`
    looks over the whole file when it cannot tell it as it left it, 20 s and more
    for a 2 GB archive, and the first search waited for that every session.
    """
    from reader.search import engine  # here: SQLite loads with the first search

    tell = updating or (lambda _: None)

    def refresh() -> None:
        tell(True)
        if not index_in_child(library.root):
            engine.update(library)
        tell(False)

    from reader.search.store import IndexCorrupt

    issue = opened.issue

    def ask(update: bool) -> list[Hit]:
        return engine.search(
            library,
            query,
            paper=issue.paper.key,
            issue=issue.key,
            limit=None,
            update=update,
            refresh=refresh,
        )

    try:
        try:
            found = ask(update)
        except IndexCorrupt:  # rebuilt, as `reader search` does: every search here
            # said "the index is damaged" until `reader index`
            engine.replace_damaged(library, refresh)
            found = ask(False)
    except ReaderError as err:
        return SearchResult(query, issue.id, error=err.message)
    except Exception as err:  # a broken index must not close the article being read
        return SearchResult(query, issue.id, error=f"search failed: {type(err).__name__}: {err}")
    hits, spans = occurrences(found)
    items = {item.id: item for page in opened.pages for item in page.items}
    rows = []
    for hit in hits:
        item = items.get(hit.item_id)
        text = field_text(item, hit.field) if item else None
        where = f"{hit.page}版#{hit.number}"
        if text is None:
            rows.append(HitRow(where, "", 0, 0))
            continue
        shown, start = snippet(text, hit.start, hit.end)
        rows.append(HitRow(where, shown, start, start + hit.end - hit.start))
    return SearchResult(query, issue.id, hits, spans, rows)
