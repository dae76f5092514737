"""Article text is data: make control characters visible before they reach a terminal."""

from __future__ import annotations

# C0 controls except newline and tab, DEL, C1 controls, and the bidi overrides
# and isolates that can reorder what a terminal shows. One character for one,
# so character offsets (search spans) stay valid on the result. A translation
# table, not a regular expression: compiling one cost every command a millisecond.
_PICTURES: dict[int, int] = {
    **{code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)},  # ␛ for ESC
    0x7F: 0x2421,
    **dict.fromkeys(range(0x80, 0xA0), 0xFFFD),
    **dict.fromkeys(range(0x202A, 0x202F), 0xFFFD),
    **dict.fromkeys(range(0x2066, 0x206A), 0xFFFD),
}


def printable(text: str) -> str:
    """Replace control characters with visible stand-ins (ESC becomes ␛)."""
    return text.translate(_PICTURES)
