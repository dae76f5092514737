"""Headline stacks: which lines are one headline wrapped, and kicker, headline, subtitle.

A headline set in large type over a narrow span wraps like any other text: its
lines fill the span one after another, so a line that continues the one before is
never the longer of the two, and the last is often a stub of a character or three
(`工行北京分行效益上新` / `台阶`). A new part of the stack (kicker, headline,
subtitle) is a phrase of its own: it does not start by closing a bracket the line
before left open. Lines are first joined into the parts they print, then the parts
get their roles by position and dashes.
"""

from __future__ import annotations

from reader.parse.text import join_lines

_OPENING = "“‘《（(「『〈"
_CLOSING = "”》）)」』〉"  # not ’: it also opens a year, ’９８
_STUB = 3  # a last line this short (in characters) after a longer one is a wrap's end
_FULL = 6  # ...after a line at least this long


def _unclosed(text: str) -> bool:
    """The line opens a bracket or quote that it does not close."""
    depth = 0
    for char in text:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING and depth:
            depth -= 1
    return depth > 0


def continues(above: str, line: str) -> bool:
    """`line` is the wrapped rest of the stack line `above`, not a part of its own.

    Dashes mark parts (a kicker ends with ——, a subtitle starts with it), and
    nothing follows a subtitle. A wrap never makes the second line the longer one;
    it is told by a stub of a last line, by a bracket left open above, or by a
    line that starts by closing one.
    """
    if above.endswith("—") or line.startswith("—"):
        return False
    if above.startswith("—"):
        return True  # nothing follows a subtitle in its stack
    if len(line) > len(above):
        return False
    if line[0] in _CLOSING or _unclosed(above):
        return True
    return len(line) <= _STUB and len(above) >= _FULL


def parts(stack: list[str]) -> list[list[str]]:
    """The stack's lines grouped into the parts they print, wrapped lines joined."""
    out: list[list[str]] = []
    for line in stack:
        if out and continues(out[-1][-1], line):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def split_stack(stack: list[str]) -> tuple[str | None, str | None, str | None]:
    """Kicker, headline and subtitle of a headline stack, by position and dashes."""
    if not stack:
        return None, None, None
    kicker = subtitle = None
    rest = [join_lines(part) for part in parts(stack)]
    if len(rest) > 1 and rest[0].endswith("——"):
        kicker = rest.pop(0)
    if len(rest) > 1 and rest[-1].startswith("——"):
        subtitle = rest.pop()
    # Parts left over are a kicker above the headline, or a subtitle below it.
    if len(rest) >= 2 and subtitle is None:
        subtitle = rest.pop()
    if len(rest) >= 2 and kicker is None:
        kicker = rest.pop(0)
    return kicker, join_lines(rest), subtitle
