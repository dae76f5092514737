"""What a PDF states about a font that PDFium's weight leaves out: the weight in its name.

PDFium gives a glyph's font weight from the font descriptor's /StemV, and some writers
(WeasyPrint, through cairo) put the same stem width into every descriptor, so a bold
or black face reads as 400 like the body. The font's PostScript name still says it
(`UMSAGR+Noto-Sans-SC-Heavy`, `NotoSerifSC-Bold`, `HiraMinProN-W6`).
"""

from __future__ import annotations

import re

# The weight words of PostScript names, as CSS / OpenType usWeightClass numbers.
_WORDS = {
    "thin": 100,
    "hairline": 100,
    "extralight": 200,
    "ultralight": 200,
    "light": 300,
    "regular": 400,
    "normal": 400,
    "book": 400,
    "roman": 400,
    "medium": 500,
    "semibold": 600,
    "demibold": 600,
    "demi": 600,
    "bold": 700,
    "extrabold": 800,
    "ultrabold": 800,
    "heavy": 900,
    "black": 900,
    "extrablack": 950,
    "ultrablack": 950,
}
# Longest first, so `extrabold` is not read as `bold`.
_WORD = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))
_W_NUMBER = re.compile(r"(?:^|[-_,\s])w([1-9])$")  # Japanese faces: HiraMinProN-W6


def unstated(weight: int) -> bool:
    """Whether PDFium's weight says nothing: no /StemV, or the writer's one default."""
    return weight <= 0 or weight == 400


def named_weight(name: str) -> int | None:
    """The weight a font's name states, or None when it names none."""
    base = name.split("+", 1)[-1].lower()
    if found := _W_NUMBER.search(base):
        return int(found.group(1)) * 100
    # The style part follows the family after a separator; `-` and `_` join words.
    style = re.split(r"[-,_\s]", base, maxsplit=1)[-1] if re.search(r"[-,_\s]", base) else ""
    words = _WORD.findall(re.sub(r"[-_\s]", "", style))
    return _WORDS[words[-1]] if words else None
