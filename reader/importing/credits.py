"""A caption's credit split off its text, in whatever form the credit is set.

Trailing credit lines (`新华社记者 王伟 摄`), a credit broken over two lines
(`新华社记者` / `王伟 摄`, or before its `摄于…`), or a credit in brackets at the end
of the caption's sentence (`…再添一金。（本报记者 吴萍磊 摄）`), on one line or two.
"""

from __future__ import annotations

from reader.importing.typography import CREDIT_REST, credit_tail, is_byline, is_credit, tight
from reader.parse.text import join_lines


def caption_credit(paragraphs: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Split the credit off a caption: trailing credit lines, or `（… 摄）` at its end."""
    flat = [t for p in paragraphs for t in p]
    credit: list[str] = []
    if len(flat) > 2 and CREDIT_REST.match(tight(flat[-1])) and is_credit(flat[-2] + flat[-1]):
        rest = flat.pop()  # a credit broken before its 摄于: one credit of two lines
        credit.insert(0, join_lines([flat.pop(), rest]))
    while flat and is_credit(flat[-1]) and len(flat) > 1:
        credit.insert(0, flat.pop())
    if credit and flat and _credit_head(flat[-1], credit[0]):
        credit.insert(0, flat.pop())  # a credit broken over two lines
    if credit:
        return _regroup(paragraphs, len(flat)), credit
    for k in (1, 2):  # in brackets at the end of the sentence, on one line or two
        if len(flat) < k:
            break
        tail = "".join(flat[-k:])
        cut = credit_tail(tail)
        if cut > 0 or (cut == 0 and len(flat) > k):
            kept = _regroup(paragraphs, len(flat) - k)
            if cut:
                if kept:
                    kept[-1].append(tail[:cut])
                else:
                    kept = [[tail[:cut]]]
            return kept, [tail[cut:]]
    return paragraphs, []


def _credit_head(line: str, tail: str) -> bool:
    """`新华社记者` / `王伟 摄`: the first line of a credit broken before its end."""
    return (
        len(line) <= 20
        and not any(c in line for c in "，。；！？")
        and is_credit(line + tail)
        and (is_byline(line) or line.endswith(("记者", "通讯员", "摄影")))
    )


def _regroup(paragraphs: list[list[str]], keep: int) -> list[list[str]]:
    """The first `keep` lines of the paragraphs, still in their paragraphs."""
    out: list[list[str]] = []
    for paragraph in paragraphs:
        if keep <= 0:
            break
        out.append(paragraph[:keep])
        keep -= len(paragraph)
    return out
