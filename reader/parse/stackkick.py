"""Two plain one-line parts, the upper the longer: a kicker over its headline.

The headline is set in the stack's largest type, so of two parts over one span it
holds the fewest characters; a subtitle, smaller, runs longer than the headline it
stands under. The corpus prints no subtitle shorter than its headline: of two head
lines the upper is the kicker when it is the longer (bench/wholecorpus.py rule 4),
and `measures` reads the longer line above as a kicker or a wrap's first line. So
on a page that wraps its headlines (display type) and prints few parts
(`measures.Shown.parts_rare`: its stacks show no style of their own), two plain
lines with the longer above are kicker + headline, not headline + subtitle by
position. The pooled pages, which draw a subtitle from a pool of headlines whatever
its length, print every other story with a part more: there the position stays. A
lower line of names (`汪洋中的小木屋` / `李德润葛洪`, `namelist`) or with a bracket (`韩钟（昆
音）`) is a byline the stack kept, no headline.

On the read pages (whole-* and pooled rows, seeds 1-599, both engines) the rule gave
8 whole-article stories their kicker and headline and lost none, and 6 pooled ones;
one pooled headline + subtitle turned (typeset 273). The wraps it reads as kicker +
headline (13) were headline + subtitle before, as wrong. Never read (3700-3739,
3850-3889, totals only): whole-typeset one kicker story more an engine, pooled
typeset-pdfium kickers 73.0 to 75.7, nothing less.
"""

from __future__ import annotations

from reader.parse import measures, namelist


def longer_above(grouped: list[list[str]], shown: measures.Shown | None) -> bool:
    """Two one-line parts without dashes, the upper the longer, on a page of few parts."""
    if shown is None or len(grouped) != 2 or any(len(part) != 1 for part in grouped):
        return False
    (above,), (below,) = grouped
    return (
        len(above) > len(below)
        and "—" not in above + below
        and not namelist.names(below)
        and "（" not in below
        and shown.parts_rare()
    )
