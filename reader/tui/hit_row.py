"""One search hit as the search panel lists it: plain data, so searching needs no Textual."""

from __future__ import annotations

from typing import NamedTuple


class HitRow(NamedTuple):
    """One hit as listed: where it is, and a snippet with the hit at `start:end`."""

    where: str
    text: str
    start: int
    end: int
