"""Search hits for people (ranked lines with snippets) and for scripts (JSON, ids, counts).

Plain output (a pipe, a file) is written without loading Rich: a one-shot
`reader search | head` pays for no console. A terminal, `--color always` or
FORCE_COLOR gets highlights; only a terminal wraps, with a hanging indent.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from reader.fields import paragraph_index

if TYPE_CHECKING:
    from rich.text import Text

    from reader.search.engine import Hit

HIT_STYLE = "bold black on yellow"
_WINDOW = 80
_BEFORE = 16
_TITLE_FIELDS = ("headline", "derived_headline")
"""Shown on a hit's first line: a hit there needs no snippet to be seen."""
_SNIPPET_ORDER = ("subtitle", "kicker", "byline", "source", "credit")

Spans = tuple[tuple[int, int], ...]


def shown(hit: Hit) -> tuple[str, str, Spans]:
    """The field a hit's snippet line shows: its key, the text, the hits in it.

    A hit in the body shows the window the engine cut around it. Else the
    first other field that holds one (subtitle, kicker, byline…) is shown
    rather than the lead, where the reader would not see why the item came up.
    A hit only in the headline, which the first line shows, keeps the lead
    as context (key "").
    """
    if hit.snippet_spans:
        body = [k for k in hit.spans if paragraph_index(k) is not None]
        return min(body, key=_rank, default=""), hit.snippet, hit.snippet_spans
    others = [k for k in hit.spans if k not in _TITLE_FIELDS and hit.texts.get(k)]
    if not others:
        return "", hit.snippet, ()
    key = min(others, key=_rank)
    text, spans = window(hit.texts[key], hit.spans[key])
    return key, text, spans


def _rank(key: str) -> int:
    """Which field's hit the snippet prefers: the headline stack's, the credits', the body's."""
    if key in _SNIPPET_ORDER:
        return _SNIPPET_ORDER.index(key)
    n = paragraph_index(key)
    return 100 + n if n is not None else 99


def window(text: str, spans: list[tuple[int, int]]) -> tuple[str, Spans]:
    """About 80 characters of `text` around its first hit, with the hits inside them."""
    first = spans[0][0] if spans else 0
    start = max(0, min(first - _BEFORE, len(text) - _WINDOW))
    end = min(len(text), start + _WINDOW)
    prefix = "…" if start else ""
    shift = len(prefix) - start
    inside = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    return prefix + text[start:end] + ("…" if end < len(text) else ""), inside


def hit_json(hit: Hit) -> dict[str, object]:
    """One hit for scripts: where it is, its snippet, and the text every span points into."""
    key, snippet, snippet_spans = shown(hit)
    return {
        "id": hit.id,
        "paper": hit.paper,
        "paper_name": hit.paper_name,
        "issue": hit.issue,
        "date": hit.date,
        "page": hit.page,
        "kind": hit.kind,
        "headline": hit.headline,
        "score": hit.score,
        "snippet": snippet,
        "snippet_field": key or None,
        "snippet_spans": [list(s) for s in snippet_spans],
        "spans": {key: [list(s) for s in spans] for key, spans in hit.spans.items()},
        "texts": dict(hit.texts),
    }


def _title(hit: Hit) -> tuple[str, Spans]:
    """The hit's first line: its headline and the hits in it; a headline longer than a
    snippet (a page whose one long line was read as its headline) is cut to a window
    around its first hit, as a snippet is, so one hit never fills the screen."""
    if not hit.headline:
        return "(no headline)", ()
    key = "headline" if hit.spans.get("headline") else "derived_headline"
    spans = list(hit.spans.get(key, []))
    if len(hit.headline) > _WINDOW:
        return window(hit.headline, spans)
    return hit.headline, tuple(spans)


def _place(hit: Hit) -> str:
    return f"{hit.paper_name}  {hit.date or hit.issue}  第{hit.page}版  {hit.id}"


def print_hits(hits: list[Hit], styled: bool) -> None:
    """Ranked hits: a title line, the place, the snippet; highlighted when `styled`."""
    if not styled and not sys.stdout.isatty():  # plain: no need to load Rich at all
        from reader.printable import printable

        out: list[str] = []
        for n, hit in enumerate(hits, start=1):
            out.append(f"{n:>3}. " + printable(_title(hit)[0]))
            out.append("     " + printable(_place(hit)))
            snippet = shown(hit)[1]
            if snippet:
                out.append("     " + printable(snippet))
        sys.stdout.write("".join(f"{line}\n" for line in out))
        return
    _print_rich(hits)


def _print_rich(hits: list[Hit]) -> None:
    """Hits through Rich: on a terminal each wraps under its own indent (the number's)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from reader.cli.common import stdout
    from reader.printable import printable

    console = stdout()
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for n, hit in enumerate(hits, start=1):
        title = _marked(*_title(hit))
        title.stylize("bold")
        parts: list[Text] = [title, Text(printable(_place(hit)), style="dim")]
        snippet, spans = shown(hit)[1:]
        if snippet:
            parts.append(_marked(snippet, spans))
        if console.soft_wrap:  # not a terminal: a line each, as when plain
            console.print(Text(f"{n:>3}. ").append_text(parts[0]))
            for part in parts[1:]:
                console.print(Text("     ").append_text(part))
        else:
            grid.add_row(Text(f"{n:>3}. "), Group(*parts))
    if not console.soft_wrap:
        console.print(grid)


def _marked(value: str, spans: list[tuple[int, int]] | Spans) -> Text:
    """Page text as Rich Text (never markup), with the hits highlighted."""
    from rich.text import Text

    from reader.printable import printable

    text = Text(printable(value))
    for start, end in spans:
        text.stylize(HIT_STYLE, start, end)
    return text
