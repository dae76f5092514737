"""Library strings are data: make control characters visible before they reach a terminal.

Every string from the library (article text, paper names, issue labels, paths,
ids, queries) goes through one of these on its way out: `printable` for text
shown on a terminal, `one_line` for messages on stderr, `dumps` for JSON.
"""

from __future__ import annotations

from typing import Any

# C0 controls except newline and tab, DEL, C1 controls, the line and paragraph
# separators, and the bidi embeddings, overrides, isolates and marks that can reorder what
# a terminal shows. One character for one, so character offsets (search spans)
# stay valid on the result. A translation table, not a regular expression:
# compiling one cost every command a millisecond.
_PICTURES: dict[int, int] = {
    **{code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)},  # ␛ for ESC
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
    **dict.fromkeys((0x2028, 0x2029), 0xFFFD),
    **dict.fromkeys(range(0x202A, 0x202F), 0xFFFD),
    **dict.fromkeys(range(0x2066, 0x206A), 0xFFFD),
    # The bidi marks too (left-to-right, right-to-left, Arabic letter): no overrides,
    # but a bidi-aware terminal still moves the neutral characters around them.
    **dict.fromkeys((0x200E, 0x200F, 0x061C), 0xFFFD),
    # Bytes of a file or folder name that are not UTF-8 (`p\xff`) come as lone
    # surrogates (surrogateescape): written out they are raw bytes again (0x9B is
    # CSI to an 8-bit terminal), or an encoding error that ended the command.
    **dict.fromkeys(range(0xDC80, 0xDD00), 0xFFFD),
}
_ONE_LINE: dict[int, int] = {**_PICTURES, 0x09: 0x2409, 0x0A: 0x2424}  # ␉ and ␤
# What JSON leaves raw that a terminal acts on: JSON escapes C0 itself.
_JSON: dict[int, str] = {code: f"\\u{code:04x}" for code in _PICTURES if code >= 0x7F}


def printable(text: str) -> str:
    """Replace control characters with visible stand-ins (ESC becomes ␛)."""
    return text.translate(_PICTURES)


def one_line(text: str) -> str:
    """`printable`, and newlines and tabs shown too: a message stays one line."""
    return text.translate(_ONE_LINE)


def dumps(value: Any, indent: int | None = None) -> str:
    """JSON with CJK as it is, and the C1 controls and bidi overrides escaped (`\\u009b`)."""
    import json  # here: plain output needs none of it

    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_JSON)


def counted(n: int, word: str) -> str:
    """`n` and an English noun that takes -s, singular for one: "1 hit", "3 hits"."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
