"""Odds of a stack line's role (bench/stackodds.py writes it; do not edit).

ODDS[feature][value] = (log odds kicker : headline, log odds subtitle : headline),
learned from the corpus's stacks of odd issue days: 22 kickers, 1393 headlines,
86 subtitles.
"""

ODDS: dict[str, dict[str, tuple[float, float]]] = {
    "length": {
        "1-6": (0.34, -0.27),
        "7-10": (-0.11, -0.37),
        "11-14": (-0.33, 0.32),
        "15-18": (0.45, 0.55),
        "19-24": (-0.14, 0.22),
        "25+": (-0.3, -0.36),
    },
    "end": {
        "saying": (3.84, -1.45),
        "plain": (-0.03, 0.0),
    },
    "comma": {
        "yes": (-1.31, 0.19),
        "no": (0.04, -0.01),
    },
}
