"""Whether a phrase of the corpus runs across a line break (the seam of a headline stack).

A wrapped headline breaks wherever its measure ends, inside a phrase as often as not
(`对外开放不断迈出` / `新步伐，利用外资…`, `…国有林区要` / `逐步做到停止采伐`); a
kicker, a headline and a subtitle are phrases of their own, so the characters
across a seam between two parts are no phrase. The test: the three characters
around the break, two above and one below or one above and two below, are a
phrase the corpus's body text holds (seen 5 times or more, PMI of that split 3 or
more; `reader.parse.seamdata`, written by tools/seam_evidence.py). Pairs the
sticky-pair table already holds are left to the wrap model (`wrapmodel`).

On PDFium's text of four engines' pages (Typst, TeX, Chromium, WeasyPrint; 240
pages), of the breaks the rules leave open, such a phrase stood across 301 of
694 wraps and 2 of 712 seams (bench/README.md, issue 12 round 12).
"""

from __future__ import annotations

_first: frozenset[str] | None = None
_second: frozenset[str] = frozenset()


def _tables() -> frozenset[str]:
    """The phrases broken after their first character; the other set filled alongside."""
    global _first, _second
    if _first is None:
        from reader.parse import seamdata

        _second = _split(seamdata.AFTER_SECOND)
        _first = _split(seamdata.AFTER_FIRST)
    return _first


def _split(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 3] for i in range(0, len(text), 3))


def phrase_across(above: str, line: str) -> bool:
    """A phrase of the corpus runs from the end of `above` into the start of `line`."""
    if not above or not line:
        return False
    first = _tables()
    return (len(line) >= 2 and above[-1] + line[:2] in first) or (
        len(above) >= 2 and above[-2:] + line[0] in _second
    )
