"""Whether a phrase of the corpus runs across a line break (the seam of a headline stack).

A wrapped headline breaks wherever its measure ends, inside a phrase as often as not
(`泰采取措施加强金融` / `体系…`, `公安部呼吁社会各界采取` / `有力措施…`); a kicker, a
headline and a subtitle are phrases of their own, so the characters across a seam
between two parts are no phrase. The test: the four characters around the break,
two above and two below, are a phrase the corpus's body text holds (seen 4 times or
more; `reader.parse.seamdata`, written by tools/seam_evidence.py). Breaks whose
middle pair is a sticky pair are left to the wrap model (`wrapmodel`). Three
characters are not enough: `有关各部门` and `一位外国` make `关|各部` and `位|外国`
phrases, across a headline's seam with its subtitle (`…顺利过关` / `各部门共同…`).

On PDFium's text of four engines' pages (Typst, TeX, Chromium, WeasyPrint; 240
pages), of the breaks the rules leave open such a phrase stood across 38 of 694
wraps (6 of them read as two parts before) and none of 712 seams between parts
(bench/README.md, issue 12 round 12). A rare sign, but a sure one.
"""

from __future__ import annotations

_phrases: frozenset[str] | None = None


def _table() -> frozenset[str]:
    global _phrases
    if _phrases is None:
        from reader.parse import seamdata

        text = seamdata.PHRASES
        _phrases = frozenset(text[i : i + 4] for i in range(0, len(text), 4))
    return _phrases


def phrase_across(above: str, line: str) -> bool:
    """A phrase of the corpus runs from the end of `above` into the start of `line`."""
    return len(above) >= 2 and len(line) >= 2 and above[-2:] + line[:2] in _table()
