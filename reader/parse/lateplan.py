"""The weighing of late heads: which head goes back to which place (`lateheads`).

The tail's lines are cut into heads (`one_head`: the lines of one box; `_cut`: the odds
that a head ends between two lines), and every in-order way to give the heads to the
places the stories offer is weighed (`plan`): the odds of each place's kind, the odds
of each line left where it is, and how much of a head's words its story's opening
holds (`_fits`). A head goes back where the ways that put it there weigh more than all
others together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.parse import wrapmodel
from reader.parse.squeeze import squeezed_width
from reader.parse.text import CLOSING_MARKS, join_lines

if TYPE_CHECKING:
    from collections.abc import Sequence


# A late head whose story shows no slot (its text run into another's), left: the weight
# of a way for each head it leaves where it is. At 0.2 the plan left more heads than it
# gave wrongly (chromereal-pdfium 500-559 and 600-639: of 155 late heads in the tail whose
# story offered a place, 70 missed, 39 of them left in place); 0.1 gives them to the weak
# places (a kicker's, a wrapped head's) their order points to (`bench/README.md`, late27).
# At 0.05 a head whose story has no place went to a label's (tests/test_parse_vertical.py).
_LEFT = 0.1
_SAME_CUT = 0.25  # one head ends before a line as wide as its last (odds against going on)
# ... before a narrower line, and one half as wide or less, a wrapped head's rest more
# often (chromereal-pdfium 500-559, the breaks in the tails: 11 cuts of 28 and 7 of 42;
# before a line as wide, 13 of 70)
_LAST_CUT, _REST_CUT = 0.65, 0.2
# The language across the break (`_words`; chromereal-pdfium 500-559, 600-639 and
# chromelabel-pdfium 600-619, the breaks in the tails between lines of the truth's
# heads): a word broken across it, 0 cuts of 106; a likely end and start of two
# heads with no word across, 51 of 58.
_WORD_CUT, _EDGE_CUT = 0.05, 0.85
_WORD_PMI = 3  # a pair this sticky in body text is a word whatever the edges say
# A head goes back where the ways that put it there weigh this much of all, and no
# other place weighs as much for its lines (0.5 kept heads whose story was sure but
# whose cut was not: chromereal-pdfium 500-559 at 0.4, 12 more heads right, 2 wrong)
_SURE = 0.4
_HEAD_LINES = 5  # lines of one late head at most
_LEAST_HEAD = 2  # characters of one late head at least
_LEAST_SHARED = 2  # ideograph pairs a head shares with its story's opening at least
_WORDS = 8.0  # how much likelier a slot is for a head that shares its story's words
_PAIRS = ("“”", "‘’", "《》", "（）", "()", "『』", "「」")
_SLACK = 1.0  # ems: a wrapped head's lines differ by squeezed marks at most
_TIGHT = 0.25  # ems: ... and lines of ideographs alone by no more


def bigrams(text: str) -> set[str]:
    """The pairs of ideographs side by side in `text` (spaces dropped)."""
    text = text.replace(" ", "")
    return {
        text[x : x + 2]
        for x in range(len(text) - 1)
        if "\u4e00" <= text[x] <= "\u9fff" and "\u4e00" <= text[x + 1] <= "\u9fff"
    }


def _fits(
    heads: dict[tuple[int, int], str], texts: Sequence[str]
) -> dict[tuple[int, int, int], float]:
    """How much likelier each (head, slot) is for the head's words its story's opening
    holds: up to `_WORDS` (`西湖发生一起毁林案` over `据新华社杭州１月２３日电…杭州西湖
    风景区…`); 1, and left out, where it holds too few (`share`): a head drawn at random
    shares none."""
    pairs = {span: bigrams(text) for span, text in heads.items()}
    out: dict[tuple[int, int, int], float] = {}
    for j, text in enumerate(texts):
        for (lo, hi), mine in pairs.items():
            if (part := share(mine, text)) > 0:
                out[lo, hi, j] = _WORDS**part
    return out


def share(pairs: set[str], text: str) -> float:
    """How much of a head's words `text` holds: 0 under `_LEAST_SHARED` of its pairs or
    a third of them, 1 for half of them or more (two heads read as one hold half of
    neither)."""
    shared = sum(1 for pair in pairs if pair in text)
    if shared < _LEAST_SHARED or 3 * shared < len(pairs):
        return 0.0  # (a third at least: two common words of a long head are chance)
    return min(1.0, 2 * shared / len(pairs))


def one_head(lines: list[str]) -> bool:
    """Whether the lines may be one head wrapped in one box: no closing mark opens it,
    its quotes and brackets close (`朝阳区团委开展“送温` / `暖”活动` is one)."""
    opener = lines[0][:1]
    if not opener or opener in CLOSING_MARKS or opener in "，。、；：！？":
        return False
    text = "".join(lines)
    if len(text.replace(" ", "")) < _LEAST_HEAD:
        return False  # a head's wrapped last character (`案`) heads nothing alone
    if any(text.count(pair[0]) != text.count(pair[1]) for pair in _PAIRS):
        return False
    if len(lines) == 1:
        return True
    top = lines[0]
    first = squeezed_width(top)
    return all(abs(squeezed_width(x) - first) <= _slack(top, x) for x in lines[1:-1]) and (
        squeezed_width(lines[-1]) <= first + _slack(top, lines[-1])
    )


def _slack(one: str, other: str) -> float:
    """How much two lines of one head may differ in width: half an em for each
    character in either that is not an ideograph (a mark a typesetter may squeeze or
    not, a digit, a sign such as `●`, a space: fonts set them narrower than an em
    or not), `_SLACK` at most. A head's box holds as many ideographs on each line but
    its last, so lines of ideographs alone that differ by one are two heads
    (`南宁：照顾` / `独居老人` / `市政府关于` / `调整《城市`: the second starts at the
    wider line; chromereal-pdfium 500-559 and 600-639: 5 heads more right, 1 wrong)."""
    loose = sum(1 for char in one + other if not _ideograph(char))
    return min(_SLACK, _TIGHT + loose / 2)


def _ideograph(char: str) -> bool:
    """Whether a character is a CJK ideograph (one em in every font)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _cut(above: str, below: str) -> float:
    """The odds that one late head ends between two lines: a wider line starts a head;
    as wide, it goes on in the same box more often than not, and a line half as wide
    or less is most often its rest."""
    upper, lower = squeezed_width(above), squeezed_width(below)
    if lower > upper + _slack(above, below):
        return 1.0
    words = _words(above, below)
    if words is not None:
        return words
    if lower >= upper - _SLACK:  # (a last line a character short goes on most often)
        return _SAME_CUT
    return _REST_CUT if lower <= upper / 2 else _LAST_CUT


def _words(above: str, below: str) -> float | None:
    """The odds of a cut told by the language across the break, where it tells (else
    None). A pair the corpus's body text holds together (`屏` / `幕`, `不` / `容`)
    is a word the wrap broke, and the head goes on (`_WORD_CUT`), unless the pair is
    only weakly sticky and the edges say a head likely ends above and another starts
    below (`串门` / `广西`); a line that starts as no paragraph starts (`的是…`,
    `wrapmodel.runs_on`) goes on too. With no sticky pair, such edges make a cut
    likely (`_EDGE_CUT`). The widths' odds decide the rest. The tables are
    `wrapmodel`'s, from the corpus's body text and headlines: no head's own words."""
    edges = wrapmodel.edges(above, below)
    if wrapmodel.broken_word(above, below, _WORD_PMI) or (
        wrapmodel.broken_word(above, below, 1) and edges <= 2
    ):
        return _WORD_CUT
    if wrapmodel.runs_on(below):
        return _WORD_CUT  # (no head starts `的…`, `了…`: 12 of 12 such breaks go on)
    if edges > 2 and not wrapmodel.broken_word(above, below, 1):
        return _EDGE_CUT
    return None


def plan(
    lines: list[str], odds: list[float], texts: Sequence[str] = ()
) -> list[tuple[int, int, int]]:
    """The heads that go back: (first line, end line, slot), each where the evidence puts
    it with odds of at least `_SURE`.

    Every way to give the heads back in order (a slot takes the next head, one or more
    lines that may be one head, or none; a line may stay where it is) weighs the odds of
    each slot's kind being a story without its head (`_ODDS`), and `_LEFT` for each line
    left; a head's chance to go to a slot is the weight of the ways that put it there
    over the weight of all ways. Each way is counted once: between two heads given
    back, lines left come before slots passed.
    """
    k, n = len(lines), len(odds)
    ends = [
        [hi for hi in range(lo + 1, min(k, lo + _HEAD_LINES) + 1) if one_head(lines[lo:hi])]
        for lo in range(k)
    ]
    fit = _fits({(lo, hi): join_lines(lines[lo:hi]) for lo in range(k) for hi in ends[lo]}, texts)
    cut = [1.0, *(_cut(lines[x - 1], lines[x]) ** 0.5 for x in range(1, k)), 1.0]
    head = [
        [cut[lo] * cut[hi] if hi in ends[lo] else 0.0 for hi in range(k + 1)] for lo in range(k)
    ]
    # fwd[f][i][j]: the weight of the ways that give lines [0, i) to slots [0, j), the
    # last move passing a slot (f = 1) or not; back[f][i][j]: of the ways on from there.
    fwd = [[[0.0] * (n + 1) for _ in range(k + 1)] for _ in range(2)]
    back = [[[0.0] * (n + 1) for _ in range(k + 1)] for _ in range(2)]
    fwd[0][0][0] = 1.0
    for j in range(n + 1):
        for i in range(k + 1):
            stay, passed = fwd[0][i][j], fwd[1][i][j]
            for hi in ends[i] if i < k else ():
                fwd[0][hi][j] += stay * _LEFT * head[i][hi]
            if j < n:
                fwd[1][i][j + 1] += (stay + passed) * (1 - odds[j])
                for hi in ends[i] if i < k else ():
                    weight = odds[j] * head[i][hi] * fit.get((i, hi, j), 1.0)
                    fwd[0][hi][j + 1] += (stay + passed) * weight
    for j in range(n, -1, -1):
        for i in range(k, -1, -1):
            moves = 1.0 if (i, j) == (k, n) else 0.0
            if j < n:
                moves += (1 - odds[j]) * back[1][i][j + 1]
                for hi in ends[i] if i < k else ():
                    moves += odds[j] * head[i][hi] * fit.get((i, hi, j), 1.0) * back[0][hi][j + 1]
            back[1][i][j] = moves
            left = sum(_LEFT * head[i][hi] * back[0][hi][j] for hi in (ends[i] if i < k else ()))
            back[0][i][j] = moves + left
    total = back[0][0][0]
    if total <= 0:
        return []
    found = []
    for j in range(n):
        for i in range(k):
            for hi in ends[i]:
                weight = (fwd[0][i][j] + fwd[1][i][j]) * odds[j] * head[i][hi] * back[0][hi][j + 1]
                weight *= fit.get((i, hi, j), 1.0)
                if weight >= _SURE * total:
                    found.append((weight, i, hi, j))
    # Under one half, two places may each be as likely for the same lines: neither is sure.
    found = [f for f in found if all(g[3] == f[3] or g[2] <= f[1] or f[2] <= g[1] for g in found)]
    plan: list[tuple[int, int, int]] = []  # the likeliest first, in order with the others
    for _, i, hi, j in sorted(found, reverse=True):
        if all(j != c and (hi <= a if j < c else b <= i) for a, b, c in plan):
            plan.append((i, hi, j))
    return sorted(plan)
