"""The wrap model: does a headline-stack line wrap the one above, or start a part?

A logistic regression over a few facts of the two lines (tools/train_stacks.py
trains it on generated pages and writes its weights and bigram table into
`reader.parse.wrapdata`). It decides only what the rules of
`reader.parse.stacks.sure` leave open. The strongest facts: a wrap in large type
fills its lines to the same measure, so the two lines are as wide as each other;
and it often breaks a word, so the last character above and the first below are a
pair that the corpus's body text holds far more often than chance (a high PMI), or
the line above ends on a character that rarely ends a headline of the corpus (的,
不), or the line below starts on one that rarely starts one (了, 区).
Pure Python, a dozen multiplications a pair; the table is read on first use.
"""

from __future__ import annotations

from reader.parse.text import width

# Characters that end a phrase's first half more often than a headline.
_OPEN_END = frozenset("的之与和及对把将向从被在为于")
_FULL = 5  # ems: the least a full line of a wrapped headline holds
_pmi: dict[str, int] | None = None
_ends: dict[str, int] = {}
_starts: dict[str, int] = {}
_no_start: set[str] = set()


_WEIGHTS: list[float] = []


def _weights() -> list[float]:
    """The model's weights (`wrapdata.WEIGHTS`), read on first use."""
    from reader.parse.wrapdata import WEIGHTS

    _WEIGHTS.extend(WEIGHTS)
    return _WEIGHTS


def _table() -> dict[str, int]:
    """The PMI of each sticky pair, read on first use (the module is 150 KB)."""
    global _pmi
    if _pmi is None:
        from reader.parse import wrapdata

        _ends.update((c, v) for v, chars in wrapdata.ENDS.items() for c in chars)
        _starts.update((c, v) for v, chars in wrapdata.STARTS.items() for c in chars)
        _no_start.update(wrapdata.NO_START)
        _pmi = {
            text[i : i + 2]: pmi
            for pmi, text in wrapdata.STICKY.items()
            for i in range(0, len(text), 2)
        }
    return _pmi


def features(stack: list[str], k: int, wrapping: bool = False) -> list[float]:
    """The facts of stack line k against line k - 1; `wrapping`: the page wraps headlines."""
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
        float("，" in above or "：" in above or ":" in above or "," in above),
        float(above[-1] in _OPEN_END),
        _ends.get(above[-1], 0) / 4,  # log ratio / 2: how readily a headline ends so
        _starts.get(line[0], 0) / 4,  # ...and starts so
        float(wrapping),
    ]


def glued(above: str, line: str) -> bool:
    """The break between the two lines falls inside a phrase, by the corpus tables.

    The pair across it is sticky in body text, or the line above ends on a
    character that rarely ends a headline and the line below starts on one that
    rarely starts one, or it starts with a mark no line of its own starts with.
    """
    if not above or not line:
        return False
    if line[0] in "，、。；：？！）》”":
        return True
    pmi = _table().get(above[-1] + line[0], 0)
    return pmi > 0 or (_ends.get(above[-1], 0) < 0 and _starts.get(line[0], 0) < 0)


def open_end(line: str) -> bool:
    """The line ends on a character that ends a headline of the corpus rarely: no part ends so.

    One of `_OPEN_END` (的, 之, 与...) or one that ends headlines at most a third as
    often as its share (an edge-table value of -2 or less: 将, 的, not 分 or 留, which
    end a phrase often enough: `因饱含水分` / `朝阳——…` is a subtitle's own word).
    """
    if not line:
        return False
    _table()
    return line[-1] in _OPEN_END or _ends.get(line[-1], 0) <= -2


def broken_word(above: str, line: str, least: int = 3) -> bool:
    """The pair across the break is one the corpus's body text holds together (PMI 3+)."""
    return _table().get(above[-1] + line[0], 0) >= least


def runs_on(line: str) -> bool:
    """The line starts with a character that starts almost no paragraph (的, 了, 们, 性).

    By the corpus's body text (`wrapdata.NO_START`): such a line continues the
    line above it, which is then no headline standing over a paragraph.
    """
    if not _no_start:  # not read yet (a test, not a call: asked of most candidate lines)
        _table()
    return line[:1] in _no_start  # (a one-character line is its own [:1]: no new string)


def edges(above: str, line: str) -> int:
    """How readily a headline ends on the line above's last character and starts on
    the line below's first: the two edge tables' half-unit log ratios summed (more
    than 2: a likely end of one headline and start of another, `…串门` / `广西…`)."""
    _table()
    return _ends.get(above[-1], 0) + _starts.get(line[0], 0) if above and line else 0


def inside(above: str, line: str) -> bool:
    """The break is no likely end of one headline part and start of the next.

    How much more often than its share the line above's last character ends a
    headline of the corpus, times how much more often the line below's first
    starts one, is at most e (the tables' half-unit log ratios sum to 2 at most:
    `人|大`, `军|３`, `刊|十`, not `曲|《`, `展|蒙`), or the pair across is sticky.
    """
    if not above or not line:
        return False
    _table()
    return _ends.get(above[-1], 0) + _starts.get(line[0], 0) <= 2 or glued(above, line)


def wraps(stack: list[str], k: int, wrapping: bool = False) -> bool:
    """Line k of the stack is the wrapped rest of line k - 1 (by the model).

    `wrapping`: the page shows that it wraps headlines (a stub or an open bracket
    continued in some stack): pages that never do hold parts of one line each.
    """
    weights = _WEIGHTS or _weights()  # (read once: an import in the body costs each call)
    if not weights or width(stack[k - 1]) < _FULL:
        return False  # a line this short is no full line of large type
    x = features(stack, k, wrapping)
    return sum(w * v for w, v in zip(weights, x, strict=False)) + weights[-1] > 0
