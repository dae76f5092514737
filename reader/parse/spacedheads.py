"""A head spaced out over its column, its subtitle written on the same line, cut apart.

Papers spread a short head over its column (`经 济 要 闻`: justified, each character
apart), and PDFium writes the gaps of such a line as spaces. When the subtitle stands
beside it or under it, PDFium writes the two on one line: `中 条 山 在 融 化 ——我国
将实行播音员主持人持证上岗制度`, `育 石 成 龙 ——哈尔滨森永乳品有限` (the subtitle's
wrapped rest on the next line). Read so, head and subtitle are one headline.
`joined.split_gaps` cuts such a line where the head is set tight (`城市与乡村 ——…`);
here the head is a run of two to eight ideographs, one space between each, then a space
and a subtitle's two dashes with its words set tight after them. A justified line of
text spaced out so holds punctuation or runs on past the dashes spaced too, and a
long dash inside text is three (`…退 伍 军 人 ———江南集团…`, `dashorder`): neither
is cut.
"""

from __future__ import annotations

import re

# Two to eight ideographs a space apart, a space, `——` and a word set tight after it.
_SPACED_HEAD = re.compile(r"^(\s*(?:[\u4e00-\u9fff] ){1,7}[\u4e00-\u9fff]) +(——[^—\s]\S*)\s*$")
_MAY_HOLD = re.compile(r"[\u4e00-\u9fff] +——[^—]")  # the page holds one at all


def split_spaced_heads(raw: list[str], text: str) -> list[str]:
    """`raw` with each spaced head and the subtitle written on its line as two lines."""
    if "——" not in text or _MAY_HOLD.search(text) is None:
        return raw  # the fast path: no ideograph stands before a subtitle's dashes
    out: list[str] = []
    for line in raw:
        found = _SPACED_HEAD.match(line) if "——" in line else None
        if found is None:
            out.append(line)
        else:
            out.extend(found.groups())
    return out
