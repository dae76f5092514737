"""A line that starts with `———`, written one line early, put back in its place.

PDFium writes a printed line that opens with a long dash ahead of the line
printed above it (the dash's box rises above the line's other characters):
`———南斯拉夫队对俄罗斯` / `在水球赛最激烈的场次` / `队比赛时，…` is printed
`在水球赛最激烈的场次` (a paragraph's indented first line) / `———南斯拉夫队…` /
`队比赛时，…`, and `———兴办小型企` / `新华社记者 林伟` / `业，安排下岗职工…`
has the byline above it. The order shows in the widths: the dash line runs on
into the line after next, and the line between ends where it stands without
closing a sentence, shorter than the dash line (an indented first line, a
headline's last characters), or is a byline over a full line that goes on.
In the order PDFium keeps, a short line after a dash line is its paragraph's
last line, which closes.

Chromium's pages through PDFium also write such a line at the end of the line
above, after a space: `资金以个人名义开立账户存储。 ———所有党政机关都要执行`,
`新华社记者 郭松超 ———对外开放步伐显著`, or with no space after a full stop
(`作。———从政府到人大、政协`). Where what stands before the dash closes a sentence
or is a byline or dateline, the dash opens a paragraph of its own line; inside a
sentence (`这事惊动了当时的市长白音 ———一天下午，`) the dash is the sentence's,
spaced out by a justified line, and stays, as it does with no space after a
question or a closing quote (`享受呢？———我看到`, `…的消息渠道。”———一位驻外…`).
A line that ends `———。` (`负总责———。` / `法检二长由人大常委`) holds the dash
of the line below it.
"""

from __future__ import annotations

from reader.parse.kinds import Kind, kind_of
from reader.parse.squeeze import squeezed_width
from reader.parse.text import CLOSING_MARKS, SENTENCE_STOPS, clean_line, ends_sentence, width

_DASHES = "———"


def dash_lines_in_place(raw: list[str]) -> list[str]:
    """The page's lines with each `———` line written one line early moved down one.

    Call only for text that holds `———`: the test looks at every line.
    """
    out = _split_after_gap(raw)
    for i in range(len(out) - 2):
        line = out[i]  # `in` first: it builds no string
        if _DASHES in line and line.lstrip().startswith(_DASHES) and _early(*out[i : i + 3]):
            out[i], out[i + 1] = out[i + 1], line
    return out


def _split_after_gap(raw: list[str]) -> list[str]:
    """Lines holding `———` after a closed sentence or a byline, cut before the dash."""
    out: list[str] = []
    moved = False
    for i, line in enumerate(raw):
        if not moved and _DASHES not in line:
            out.append(line)  # (most lines: neither test below finds a dash in it)
            continue
        if moved:  # the dash taken from the line above opens this one
            line, moved = _DASHES + line.lstrip(), False
        elif _holds_next_dash(line, raw[i + 1] if i + 1 < len(raw) else ""):
            # `负总责———。` / `法检二长由人大常委`: the next line's dash, written
            # before the full stop of the line above (no sentence ends on a dash).
            line, moved = line.rstrip()[: -len(_DASHES) - 1] + "。", True
        at = line.find(_DASHES, 1)
        head = line[:at].rstrip() if at > 0 else ""
        if head and (
            head[-1] == "。"  # `作。———从政府到人大、政协` (`呢？———我看到` goes on)
            or (
                line[at - 1] == " "
                and (_closes(head) or kind_of(head, clean_line(head.strip())) is Kind.BYLINE)
            )
        ):
            out.append(head)
            out.append(line[at:])
        else:
            out.append(line)
    return out


def _holds_next_dash(line: str, below: str) -> bool:
    """`负总责———。` over `法检二长由人大常委`: words before the dash, and a line of
    words below to take it (not the page's end, a blank line or another dash)."""
    end = line.rstrip()
    if not end.endswith(_DASHES + "。"):
        return False
    before = end[: -len(_DASHES) - 1].strip()
    after = below.strip()
    return bool(before) and before[-1] != "—" and bool(after) and after[0] != "—"


def _early(dash: str, between: str, after: str) -> bool:
    """`dash` was printed after `between`, and `after` continues it."""
    x, y, z = (clean_line(s.strip()) for s in (dash, between, after))
    if not (x and y and z) or _closes(x) or y[0] == "—" or between[:1] == " ":
        return False
    if kind_of(dash, x) is not Kind.BODY or kind_of(after, z) is not Kind.BODY:
        return False
    # The dash line counted narrow (its marks at half an em), the others wide.
    wide = squeezed_width(x)
    if kind_of(between, y) is Kind.BYLINE:
        return width(z) >= wide + 1.5  # the dash line indented, the next one full
    return not _closes(y) and width(y) + 1.5 <= wide


def _closes(text: str) -> bool:
    last = text[-1]
    return last in SENTENCE_STOPS or (last in CLOSING_MARKS and ends_sentence(text))
