"""Article text is data: make control characters visible before they reach a terminal."""

from __future__ import annotations

import re

# C0 controls except newline and tab, DEL, C1 controls, and the bidi overrides
# and isolates that can reorder what a terminal shows.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def printable(text: str) -> str:
    """Replace control characters with visible stand-ins (ESC becomes ␛).

    The replacement keeps one character for one, so character offsets (search
    spans) stay valid on the result.
    """
    return _UNSAFE.sub(_picture, text)
