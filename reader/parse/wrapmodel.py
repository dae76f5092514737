"""The wrap model: does a headline-stack line wrap the one above, or start a part?

A logistic regression over a few facts of the two lines (tools/train_stacks.py
trains it on generated pages and writes its weights and bigram table into
`reader.parse.wrapdata`). It decides only what the rules of
`reader.parse.stacks.sure` leave open. The strongest facts: a wrap in large type
fills its lines to the same measure, so the two lines are as wide as each other;
and it often breaks a word, so the last character above and the first below are a
pair that the corpus's body text holds far more often than chance (a high PMI).
Pure Python, a dozen multiplications a pair; the table is read on first use.
"""

from __future__ import annotations

from reader.parse.text import width

# Characters that end a phrase's first half more often than a headline.
_OPEN_END = frozenset("的之与和及对把将向从被在为于")
_FULL = 5  # ems: the least a full line of a wrapped headline holds
_pmi: dict[str, int] | None = None


def _table() -> dict[str, int]:
    """The PMI of each sticky pair, read on first use (the module is 150 KB)."""
    global _pmi
    if _pmi is None:
        from reader.parse import wrapdata

        _pmi = {
            text[i : i + 2]: pmi
            for pmi, text in wrapdata.STICKY.items()
            for i in range(0, len(text), 2)
        }
    return _pmi


def features(stack: list[str], k: int) -> list[float]:
    """The facts of stack line k against line k - 1."""
    above, line = stack[k - 1], stack[k]
    wa, wb = width(above), width(line)
    pmi = _table().get(above[-1] + line[0], 0)
    nxt = stack[k + 1] if k + 1 < len(stack) else ""
    return [
        pmi / 8,
        float(pmi == 0),
        float(abs(wa - wb) <= 0.5),
        min(wb / wa, 2.0) if wa else 1.0,
        float(wb > wa + 0.5),
        float(k == 1),
        float(len(stack) >= 3),
        (wa + wb) / 20,
        float(0 < len(nxt) <= 3),
        float(any(c in above for c in "，：:,")),
        float(above[-1] in _OPEN_END),
    ]


def wraps(stack: list[str], k: int) -> bool:
    """Line k of the stack is the wrapped rest of line k - 1 (by the model)."""
    from reader.parse.wrapdata import WEIGHTS as weights

    if not weights or width(stack[k - 1]) < _FULL:
        return False  # a line this short is no full line of large type
    x = features(stack, k)
    return sum(w * v for w, v in zip(weights, x, strict=False)) + weights[-1] > 0
