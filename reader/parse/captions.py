"""Photo credits inside caption text: at the end of its sentence, or split over lines."""

from __future__ import annotations

import re

# `…再添一金。（本报记者 吴萍磊 摄）`: a credit in brackets closing the caption sentence.
_INLINE_CREDIT = re.compile(r"[（(][^（）()]{0,24}?(?:摄影?|供图|制图|摄于[^（）()]{0,16})[）)]$")
_STOPS = "。！？!?”’"


def ends_in_credit(text: str) -> bool:
    """A line (or paragraph) that ends with a bracketed photo credit."""
    return text[-1] in "）)" and _INLINE_CREDIT.search(text) is not None


def split_credit(paragraphs: list[str], credit: list[str]) -> None:
    """Move a credit printed inside the caption text into `credit`, in place.

    A bracketed credit after the caption's last sentence is the credit; an opening
    bracket left open at the end of the text starts the credit line below it
    (`…（本报记者 吴萍` / `磊 摄）`).
    """
    if not paragraphs:
        return
    last = paragraphs[-1]
    if not credit:
        match = _INLINE_CREDIT.search(last)
        if match and match.start() and last[match.start() - 1] in _STOPS:
            paragraphs[-1] = last[: match.start()]
            credit.append(match.group(0))
        return
    at = max(last.rfind("（"), last.rfind("("))
    if at > 0 and len(last) - at <= 20 and last.find("）", at) < 0 and last.find(")", at) < 0:
        paragraphs[-1] = last[:at]
        credit.insert(0, last[at:])
