"""Which of two plain stack lines is the headline, by how the corpus's roles read.

Page text has no type size, so two one-line parts without dashes print alike as
kicker + headline and as headline + subtitle. The corpus tells them apart by
wording: a kicker may end on what someone said (`…时强调`), a headline is
short and plain, a subtitle runs longer and holds commas. `stackdata.ODDS`
holds the log odds of each feature value on a kicker and on a subtitle against
a headline, learned from the corpus's odd days by
bench/stackodds.py; `kicker_odds` adds them up naive-Bayes fashion.
"""

from __future__ import annotations

from reader.parse.stackdata import ODDS

# The verbs of saying of bench/wholecorpus.py (rule 4) but `说`, which ends headlines
# as often on the corpus's odd days (`…首都交警这样说`, `听编图者说`). `显示` reads as
# one too (`…的一项调查显示`), but the whole-article pages' truth has it a headline's end.
_SAYING = ("强调", "指出", "表示", "要求", "希望", "提出", "认为", "呼吁", "宣布", "称")
_BANDS = ((6, "1-6"), (10, "7-10"), (14, "11-14"), (18, "15-18"), (24, "19-24"))

FEATURES: dict[str, tuple[str, ...]] = {
    "length": ("1-6", "7-10", "11-14", "15-18", "19-24", "25+"),
    "end": ("saying", "plain"),
    "comma": ("yes", "no"),
}


def features(line: str) -> dict[str, str]:
    """The line's length band, how it ends and whether it holds a comma (dashes left out)."""
    text = line.strip("—")
    size = len(text)
    band = next((name for most, name in _BANDS if size <= most), "25+")
    end = "saying" if text.endswith(_SAYING) else "plain"
    return {"length": band, "end": end, "comma": "yes" if any(c in text for c in "，、,") else "no"}


def kicker_odds(above: str, below: str) -> float:
    """Log odds of kicker + headline against headline + subtitle for two plain lines.

    The upper line's odds of being a kicker rather than a headline, less the lower
    line's of being a subtitle rather than a headline; no prior (the corpus does
    not say how often each pair is printed undashed).
    """
    upper, lower = features(above), features(below)
    return sum(ODDS[n][upper[n]][0] for n in FEATURES) - sum(ODDS[n][lower[n]][1] for n in FEATURES)
