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

from reader.importing.segment import Glyph, make_glyph

# The tallest line box a face of a Chinese page states (Noto CJK's, ems of the type):
# a glyph's box reaches no further over and under its baseline.
_OVER = 1.16
_UNDER = 0.288
_EM_TOP = 0.88  # of the size: the top of a CJK face's em box over the baseline
_FLAT = 0.1  # ems: a box less high than this states no height at all


def line_box(bottom: float, top: float, baseline: float, size: float) -> tuple[float, float]:
    """A glyph's loose box (`bottom`, `top`) within the tallest line box a face states
    around its `baseline`; a box already within it (or turned, or flipped) as it is. A
    flat box (an OCR layer's Type 3 font states its FontBBox [0 0 0 0]: every line would
    stand alone in white, a paragraph of its own) is the em box of a CJK face."""
    if 0 <= top - bottom < _FLAT * size and bottom - size <= baseline <= top + size:
        return baseline - (1 - _EM_TOP) * size, baseline + _EM_TOP * size
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


# A PostScript round trip (`pdf2ps`, then `ps2pdf`: Ghostscript both ways) leaves each
# font a Type 3 font whose glyphs Ghostscript names `a1`, `a2`, ...: the names of Zapf
# Dingbats, which its own ToUnicode map then states (✁ ✂ ✄ ☎ for 人 民 日 报). A face
# that prints mostly dingbats, this many of them apart, maps no character: its
# glyphs are counted as unmapped, not read.
_DINGBATS = (
    (0x2700, 0x27BF),
    (0x2600, 0x26FF),
    (0x25A0, 0x25FF),
    (0x2460, 0x24FF),
    (0x2190, 0x21FF),
)
_DINGBAT_FACE = 20
_MOSTLY = 0.9  # of a face's glyphs: dingbats, so its map states names, not characters
_HALF = 0.5  # or em-wide Latin ones, in a face that states no ideograph at all


# The code points `Suspects` and `dashes` look for, and those between (`made_up`'s from
# U+1400, `_dingbat`'s to U+27BF): a page reads thousands of glyphs, few of these.
NOTED = range(0x1400, 0x27C0)


def _mapless(lies: int, glyphs: int) -> bool:
    """A face of `glyphs` glyphs, `lies` of them em-wide glyphs stated as Latin letters
    and marks, states names, not characters (poppler's `pdftops`, then Ghostscript: each
    CJK subfont re-encoded as WinAnsi, 人 read as `!`)."""
    return lies >= _DINGBAT_FACE and lies >= _HALF * glyphs


def _dingbat(code: int) -> bool:
    if not 0x2190 <= code <= 0x27BF:  # (asked of every glyph: most are far from these)
        return False
    return any(lo <= code <= hi for lo, hi in _DINGBATS)


def dingbat(code: int) -> bool:
    """A code point of the ranges a dingbat face's map states (`_DINGBATS`)."""
    return _dingbat(code)


def worth_sorting(lies: int, dingbats: set[int]) -> bool:
    """Whether `Suspects.sort_out` can change a page with `lies` glyphs `suspect` of a
    lie and the `dingbats` code points: only a lie, or a face printing `_DINGBAT_FACE`
    distinct dingbats (a page of them all the more) does. A page sets a dingbat or two
    as markers (● ◆ ★), and feeding `Suspects` every glyph to sort out none cost 1-2%
    of its import."""
    return lies > 0 or len(dingbats) >= _DINGBAT_FACE


class Suspects:
    """The glyphs of a page whose font's map may lie, told apart once all are read."""

    def __init__(self) -> None:
        self.lies: list[tuple[int, int]] = []  # a glyph's place and its face
        self.cjk: set[int] = set()  # the faces that print ideographs
        self.dingbats: dict[int, list[int]] = {}  # a face's dingbats: their places
        self.codes: dict[int, set[int]] = {}  # and their code points
        self.others: dict[int, int] = {}  # how many glyphs else a face prints

    def add(self, place: int, face: int, code: int, lie: bool) -> None:
        """The glyph at `place` of `face`, stated as `code`: a `lie` if `suspect`."""
        if lie:
            self.lies.append((place, face))
        elif _dingbat(code):
            self.dingbats.setdefault(face, []).append(place)
            self.codes.setdefault(face, set()).add(code)
            return
        elif 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
            self.cjk.add(face)
        self.others[face] = self.others.get(face, 0) + 1

    def __bool__(self) -> bool:
        return bool(self.lies or self.dingbats)

    def sort_out(self, glyphs: list[Glyph], joined: list[bool]) -> tuple[int, int]:
        """Read the glyphs a CJK face's map lies about as U+FFFD and drop those of a
        dingbat face, as any control; how many were lies, and how many dropped."""
        told = 0
        drop: set[int] = set()
        lied: dict[int, int] = {}
        for _, face in self.lies:
            lied[face] = lied.get(face, 0) + 1
        mapless = {f for f, n in lied.items() if f not in self.cjk and _mapless(n, self.others[f])}
        if mapless:  # every glyph of such a face: its marks (`—` for `“`) state nothing either
            drop.update(k for k, g in enumerate(glyphs) if g.face in mapless)
        dropped = len(drop)
        for k, face in self.lies:
            g = glyphs[k]
            if face in self.cjk:
                told += 1
                glyphs[k] = make_glyph(
                    UNTRUSTED,
                    g.x0,
                    g.x1,
                    g.bottom,
                    g.top,
                    g.baseline,
                    g.size,
                    g.weight,
                    g.index,
                    face,
                )
            elif g.char < " " or g.char == "\x7f":
                drop.add(k)
                dropped += g.char == "\x00"  # a notdef (`textpage`): counted as left out
        for face, places in self.dingbats.items():
            many = len(self.codes[face]) >= _DINGBAT_FACE
            if many and len(places) >= _MOSTLY * (len(places) + self.others.get(face, 0)):
                drop.update(places)
                dropped += len(places)
        for k in sorted(drop, reverse=True):
            if k + 1 < len(joined):
                joined[k + 1] = joined[k + 1] and joined[k]
            del glyphs[k], joined[k]
        return told, dropped


# Ghostscript states a glyph that prints several characters (Typst's —— and ———, one
# glyph two and three ems wide, mapped to two and three dashes) by its first character
# and one code unit made of the rest's low bytes: <2014 1414> for ——, <2014 1428> for
# ———. A dash followed, in the same glyph's box, by such a unit (U+1400 to U+14FF, the
# Canadian syllabics: no Chinese page prints them) is as many dashes as it is ems wide.
_DASH = "\u2014"


def made_up(code: int) -> bool:
    """A code unit Ghostscript may have made up of a dash ligature's low bytes."""
    return 0x1400 <= code <= 0x14FF


def dashes(glyphs: list[Glyph], joined: list[bool]) -> None:
    """Read each dash ligature stated with a `made_up` unit as its ems of dashes."""
    k = len(glyphs) - 1
    while k > 0:
        g = glyphs[k]
        if len(g.char) != 1 or not made_up(ord(g.char)):  # `——` of one ⸺ glyph is no unit
            k -= 1
            continue
        first = k
        while first > 0 and (glyphs[first - 1].x0, glyphs[first - 1].x1) == (g.x0, g.x1):
            first -= 1
        run = glyphs[first : k + 1]
        if run[0].char != _DASH or len(run) < 2:
            k = first - 1
            continue
        lead = run[0]
        count = max(len(run), round((lead.x1 - lead.x0) / lead.size))
        glyphs[first : k + 1] = [
            make_glyph(
                _DASH,
                lead.x0,
                lead.x1,
                lead.bottom,
                lead.top,
                lead.baseline,
                lead.size,
                lead.weight,
                lead.index + m,
                lead.face,
            )
            for m in range(count)
        ]
        joined[first : k + 1] = [joined[first]] + [True] * (count - 1)
        k = first - 1
