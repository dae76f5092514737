"""What one PDF producer states differently from another for the same page.

Rewriting a PDF with another producer (cairo's `pdftocairo -pdf`, Ghostscript's
`pdfwrite`, MuPDF) leaves every character and box where it was, but states the fonts
anew. PDFium's loose box of a glyph spans its font's stated Ascent and Descent, and
producers state those differently for one font: Typst the em box of Noto CJK (0.88 em
over the baseline, 0.12 under), Chromium and cairo the face's line metrics (1.16 and
0.288 em), Ghostscript its FontBBox (1.804 and 1.044 em: no line metrics at all). A
box that tall reaches into the rows above and below it and joins them.
"""

from __future__ import annotations

# The tallest line box a face of a Chinese page states (Noto CJK's, ems of the type):
# a glyph's box reaches no further over and under its baseline.
_OVER = 1.16
_UNDER = 0.288


def line_box(bottom: float, top: float, baseline: float, size: float) -> tuple[float, float]:
    """A glyph's loose box (`bottom`, `top`) within the tallest line box a face states
    around its `baseline`; a box already within it (or turned, or flipped) as it is."""
    if top - bottom <= (_OVER + _UNDER) * size or not bottom <= baseline <= top:
        return bottom, top
    return max(bottom, baseline - _UNDER * size), min(top, baseline + _OVER * size)


# A map that lies. Ghostscript's `pdfwrite` rewrites a Chromium PDF's ToUnicode maps
# with ranges whose low byte runs over: 国 is stated as ÿ, 。 as 2, 主 as DEL; on a
# Typst PDF it states —— as —ᐨ. A glyph a full em wide (an ideograph's, a full-width
# mark's) stated as a control or a Latin character is such a lie where its font also
# prints ideographs: a CJK face draws those narrower (Noto's digits are 0.555 em, its
# widest capital under 0.9 em; the full-width forms are other code points), but for the
# Latin-1 symbols GB 2312 holds, which it draws an em wide. Greek, Cyrillic and the
# pinyin tone marks (GB 2312 too) are left alone: SimSun draws them an em wide. The
# character is read as U+FFFD, counted, and the count said.
UNTRUSTED = "\ufffd"
_FULL = (0.98, 1.02)  # ems of the type: a glyph's advance this near an em is full width
_LATIN = 0x250  # Basic Latin to Latin Extended-B
_WIDE = frozenset((0xA4, 0xA7, 0xA8, 0xB0, 0xB1, 0xB7, 0xD7, 0xF7))  # ¤ § ¨ ° ± · times ÷


def suspect(code: int, advance: float, size: float) -> bool:
    """A glyph stated as `code` that no CJK face draws `advance` wide (an em)."""
    if code >= _LATIN or code in _WIDE:
        return False
    return _FULL[0] * size <= advance <= _FULL[1] * size


def ideographic(code: int) -> bool:
    """A CJK ideograph: a font that prints one is a CJK face."""
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF
