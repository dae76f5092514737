"""Odds of a stack line's role, learned from the corpus's odd days (issue 12, round 15).

Page text has no type size: of two plain lines in a stack (no dashes), kicker +
headline and headline + subtitle print alike. The corpus says how each role
reads. Its lines (`pd199801.txt`, one paragraph a line) are cut into stacks by
`bench/wholecorpus.py`'s rules 1-3 (head lines over a body, a byline taken off);
only stacks whose roles the corpus states without the length rule (rule 4) are
learned from, so the odds do not learn that rule back:

- a headline: the one line of a one-line stack (no dash in it), the part before
  `——` of a line `A——B` (the corpus joins a subtitle to its headline), the middle
  line of a three-line stack;
- a subtitle: the part from `——` of such a line, a second line opening `——`, the
  last line of a three-line stack;
- a kicker: a first line ending `——` over another, the first line of a three-line
  stack.

Each line is described by a few coarse features (`reader.parse.stackodds.features`):
its length band, whether it ends on a verb of saying, and whether it holds a comma. For each feature
value the table keeps the log of how much likelier it is on a kicker than on a
headline, and on a subtitle than on a headline, each role's share shrunk towards
the share over all roles by eight lines' worth (22 kickers are few).

HELD OUT: the corpus has no dates; a line's issue is told by the datelines around
it (`１月５日电`, `１月５日讯`: the median day of the 15 nearest, plus one, the day
the news was printed). Only stacks of odd days are learned from; even days are
left for reporting.

    python bench/stackodds.py           # prints the counts and the table
    python bench/stackodds.py --write   # writes reader/parse/stackdata.py
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import wholecorpus  # noqa: E402

from reader.parse.stackodds import FEATURES, features  # noqa: E402

OUT = ROOT / "reader" / "parse" / "stackdata.py"
_DATELINE = re.compile(r"１月([０-９]{1,2})日(?:电|讯)")
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NEAREST = 15
_SHRINK = 8  # lines' worth of the pooled share added to each role's counts


def issue_days(lines: list[str]) -> list[int]:
    """The issue day of each line: the median filing day of the nearest datelines, plus one."""
    marks = [
        (i, int(m.group(1).translate(_DIGITS)))
        for i, line in enumerate(lines)
        if (m := _DATELINE.search(line))
    ]
    at = [i for i, _ in marks]
    out = []
    for i in range(len(lines)):
        k = bisect.bisect_left(at, i)
        near = sorted(marks[max(0, k - _NEAREST // 2) : k + _NEAREST // 2 + 1], key=lambda m: m[1])
        out.append(near[len(near) // 2][1] + 1)
    return out


def stacks(parity: int | None = 1) -> list[tuple[str, str]]:
    """(role, line) of the corpus's stacks whose roles it states, on days of that parity."""
    text = wholecorpus.CORPUS.read_text("utf-8")
    lines = [s for s in (ln.strip() for ln in text.splitlines()) if s]
    days = issue_days(lines)
    out: list[tuple[str, str]] = []
    at = 0
    for heads, body in wholecorpus.blocks(lines):
        start = lines.index(heads[0], at) if heads else at
        at = start
        if not heads or not body or (parity is not None and days[start] % 2 != parity):
            continue
        heads = [h for h in (wholecorpus._NOTE_TAIL.sub("", h) for h in heads) if h]
        if len(heads) > 1 and wholecorpus.is_byline(heads[-1], heads[-2]):
            heads.pop()
        if any(h.startswith(wholecorpus._TITLES) for h in heads):
            continue
        out += _roles(heads)
    return out


def _roles(heads: list[str]) -> list[tuple[str, str]]:
    if len(heads) == 1:
        head = heads[0]
        cut = head.find("——")
        if cut < 0:
            return [("H", head)]
        rest = head[cut:].lstrip("—")
        return [("H", head[:cut]), ("S", "——" + rest)] if cut >= 2 and len(rest) >= 3 else []
    if len(heads) == 2:
        first, second = heads
        if second.startswith("——"):
            return [("H", first), ("S", second)]
        if first.endswith("——") and "—" not in second:
            return [("K", first), ("H", second)]
        return []
    if len(heads) == 3:
        return [("K", heads[0]), ("H", heads[1]), ("S", heads[2])]
    return []


def table(pairs: list[tuple[str, str]]) -> dict[str, dict[str, tuple[float, float]]]:
    """Per feature and value: (log odds kicker : headline, log odds subtitle : headline)."""
    count: dict[str, Counter[tuple[str, str]]] = {r: Counter() for r in "KHS"}
    total = Counter(role for role, _ in pairs)
    for role, line in pairs:
        for name, value in features(line).items():
            count[role][(name, value)] += 1
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for name, values in FEATURES.items():
        pooled = {v: sum(count[r][(name, v)] for r in "KHS") for v in values}
        prior = {v: (pooled[v] + 1) / (sum(total.values()) + len(values)) for v in values}
        share = {  # shrunk towards the pooled share: a value seen on few lines says little
            r: {
                v: (count[r][(name, v)] + _SHRINK * prior[v]) / (total[r] + _SHRINK) for v in values
            }
            for r in "KHS"
        }
        out[name] = {
            v: (
                round(math.log(share["K"][v] / share["H"][v]), 2),
                round(math.log(share["S"][v] / share["H"][v]), 2),
            )
            for v in values
        }
    return out


def source(odds: dict[str, dict[str, tuple[float, float]]], total: Counter[str]) -> str:
    lines = [
        '"""Odds of a stack line\'s role (bench/stackodds.py writes it; do not edit).',
        "",
        "ODDS[feature][value] = (log odds kicker : headline, log odds subtitle : headline),",
        "learned from the corpus's stacks of odd issue days: "
        f"{total['K']} kickers, {total['H']} headlines,",
        f"{total['S']} subtitles.",
        '"""',
        "",
        "ODDS: dict[str, dict[str, tuple[float, float]]] = {",
    ]
    for name, values in odds.items():
        lines.append(f'    "{name}": {{')
        lines += [f'        "{v}": {k_s!r},' for v, k_s in values.items()]
        lines.append("    },")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    pairs = stacks(1)
    total = Counter(role for role, _ in pairs)
    odds = table(pairs)
    print("odd days:", dict(total), " even days:", dict(Counter(r for r, _ in stacks(0))))
    for name, values in odds.items():
        print(name, values)
    if "--write" in sys.argv:
        OUT.write_text(source(odds, total), encoding="utf-8")
        print("wrote", OUT)


if __name__ == "__main__":
    main()
