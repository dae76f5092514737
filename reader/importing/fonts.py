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


_HEAVIEST = 1000  # the heaviest weight a font states (OS/2 and CSS: 100-900, 1000)


def unstated(weight: int) -> bool:
    """Whether PDFium's weight says nothing: no /StemV, the writer's one default, or
    past any weight a face has (Ghostscript's pdfwrite states a stem PDFium reads as
    1892 for NotoSerifSC-Regular and NotoSansSC-Bold alike); the name may then tell."""
    return weight <= 0 or weight == 400 or weight > _HEAVIEST


def named_weight(name: str) -> int | None:
    """The weight a font's name states, or None when it names none."""
    base = name.split("+", 1)[-1].lower()
    if found := _W_NUMBER.search(base):
        return int(found.group(1)) * 100
    # The style part follows the family after a separator; `-` and `_` join words.
    style = re.split(r"[-,_\s]", base, maxsplit=1)[-1] if re.search(r"[-,_\s]", base) else ""
    words = _WORD.findall(re.sub(r"[-_\s]", "", style))
    return _WORDS[words[-1]] if words else None


# TeX's CJK package sets Chinese in Type 1 subfonts of 256 glyphs each, named by their
# family and the high byte of the code points they hold (`gbsnu4e`, `gbsnu6c`): one
# face split across dozens of fonts on a page, whose descriptors state the stem width
# of some (333: read as weight 1472) and not of others (0: 400).
_SUBFONT = re.compile(rb"([a-z][a-z0-9]*)[0-9a-f]{2}")
_SUBFONTS = 3  # fonts of one family on a page, at least, for them to be its subfonts


def subfont_families(
    faces: dict[bytes, int], weights: dict[int, int]
) -> dict[int, tuple[int, int]]:
    """Each face that is a subfont of a TeX CJK family (`faces`: a font's name without
    subset tag, its number), with the family's face and weight: its first subfont's
    face, and the least weight its subfonts state (`weights`, by face). None unless a
    family shows `_SUBFONTS` subfonts on the page: a page-wide fact, not one name."""
    families: dict[bytes, list[int]] = {}
    for name, face in faces.items():
        if found := _SUBFONT.fullmatch(name):
            families.setdefault(found.group(1), []).append(face)
    out: dict[int, tuple[int, int]] = {}
    for members in families.values():
        if len(members) >= _SUBFONTS:
            least = min(weights.get(face, 400) for face in members)
            out.update((face, (members[0], least if least > 0 else 400)) for face in members)
    return out
