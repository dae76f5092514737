"""A PDF page's glyphs, read from PDFium's text page: each character with its loose box,
baseline, size, face and weight, in the frame the page is shown in; how many glyphs no
font maps to a character; and the glyphs that are turned (`reader.importing.pdf` lays
them out).
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Sequence
from typing import Any

from reader.importing.charcalls import CharCalls, char_calls
from reader.importing.fontcmap import FontMaps
from reader.importing.fonts import named_weight, subfont_families, unstated
from reader.importing.frame import Frame
from reader.importing.glyphs import make_glyph
from reader.importing.producers import (
    NOTED,
    Suspects,
    dashes,
    dingbat,
    line_box,
    made_up,
    suspect,
    worth_sorting,
)
from reader.importing.reading_order import Glyph
from reader.importing.sharedglyphs import printed
from reader.importing.strays import place_strays
from reader.importing.type3 import Type3Face, face_of

Box = tuple[float, float, float, float]

_STROKE_MODES = frozenset((1, 2, 5, 6))  # stroke; fill and stroke; either, then clip
_STROKE_BOLD = 300  # what a stroked outline adds to a glyph's weight: bold, as a bold face


_GENERATED = 0x20
"""The highest code point of a character PDFium makes up (a space, CR, LF between the
page's own), so the only ones asked whether they are made up: one call a glyph less
(2,000-4,000 glyphs a page). Checked over the 974 PDFs of the shared cache, 3 million
characters: every made-up one is U+0020, U+000D or U+000A
(`tests/test_import_fast_paths.py` checks it of the test pages)."""

_LEAST_SIZE = 0.1
"""Points: the size of a glyph whose font size and box are both zero."""


def stroked_objects(page: Any) -> set[int]:
    """The addresses of the page's text objects drawn with a stroke (text render modes
    1, 2, 5, 6): fake bold, a regular face made heavier by its outline (xdvipdfmx's
    `FakeBold`, word processors' bold of a face that has none)."""
    import pypdfium2.raw as raw

    handle = page.raw
    get, kind, mode = (
        raw.FPDFPage_GetObject,
        raw.FPDFPageObj_GetType,
        raw.FPDFTextObj_GetTextRenderMode,
    )
    text = raw.FPDF_PAGEOBJ_TEXT
    out: set[int] = set()
    for i in range(raw.FPDFPage_CountObjects(handle)):
        obj = get(handle, i)
        if kind(obj) == text and mode(obj) in _STROKE_MODES:
            out.add(ctypes.cast(obj, ctypes.c_void_p).value or 0)
    return out


def page_glyphs(
    textpage: Any,
    stroked: set[int] | frozenset[int] = frozenset(),
    turned: list[tuple[Glyph, bool]] | None = None,
    type3: Sequence[Type3Face] = (),
    frame: Frame | None = None,
    lies: list[int] | None = None,
    flipped: list[int] | None = None,
) -> tuple[list[Glyph], int]:
    """The page's characters with loose boxes; also how many had no Unicode. A glyph of
    a `stroked` text object weighs `_STROKE_BOLD` more than its font; one of a font
    PDFium names not takes the face and weight of the `type3` face that draws it.
    Glyphs turned a quarter go to `turned`, with whether they read up the page
    (`reader.importing.turned`). In a `frame`, glyphs off its visible page are left
    out and the rest are placed as the page is shown (`reader.importing.frame`). A glyph
    whose font's map lies (`reader.importing.producers`) is read as U+FFFD, and how many
    go to `lies`; how many glyphs read upside down as placed, to `flipped`."""
    import pypdfium2.raw as raw

    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    rect = raw.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    matrix, name, flags = raw.FS_MATRIX(), ctypes.create_string_buffer(128), ctypes.c_int()
    # Two thousand glyphs a page, five calls each: the functions (bound without argument
    # checks, `charcalls`) and the by-reference arguments are looked up and made once.
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    matrix_ref, flags_ref, name_size = (
        ctypes.byref(matrix),
        ctypes.byref(flags),
        ctypes.c_ulong(128),
    )
    calls = char_calls()
    font_info, text_object, font_weight = calls.font_info, calls.text_object, calls.font_weight
    fonts: dict[bytes, tuple[int, int]] = {}  # a font's name: its face and weight
    faces: dict[bytes, int] = {}  # a face's name (no subset tag): its number
    generated, unicode, map_error = calls.generated, calls.unicode, calls.map_error
    loose_box, origin = calls.loose_box, calls.origin
    # What PDFium reads of a character's text object (its size, matrix, font), asked
    # once an object: a page sets 2,000 glyphs in a few hundred objects.
    sets: dict[int, tuple[float, bool, float, float]] = {}
    typefaces: dict[int, tuple[int, int, int | None]] = {}
    glyphs: list[Glyph] = []
    joined: list[bool] = []  # a glyph follows the one before with no break of PDFium's
    broken = True
    unnamed: dict[int, list[int]] = {}  # a font PDFium names not: its glyphs' places
    unmapped = 0
    maps: FontMaps | None = None  # made at the first glyph with no Unicode
    codes: list[int] = []  # each glyph's code point, for `Suspects` where a map may lie
    lied: set[int] = set()  # the places of glyphs `suspect` of a lie
    dingbats: set[int] = set()  # the dingbats' code points (`producers.worth_sorting`)
    chars: dict[int, str] = {}  # a code point: the character it prints (`printed`)
    cropped = frame is not None and frame.trimmed  # (else it shows every glyph)
    ligatures = False  # a dash ligature whose map Ghostscript made up (`producers.dashes`)
    upside_down = 0
    for i in range(max(count, 0)):
        code = unicode(handle, i)
        if code <= _GENERATED and generated(handle, i):
            broken = True
            continue  # PDFium's own spaces and line breaks: we place those ourselves
        if map_error(handle, i):
            if maps is None:
                maps = FontMaps(raw, handle, count)
            found = maps.char(i, code)  # from the font's own cmap (`fontcmap`)
            if found is None:  # counted, and said; outside a CropBox it is no page text
                if frame is None or not loose_box(handle, i, rect_ref) or frame.shows(*_box(rect)):
                    unmapped += 1
                continue
            code = found
        if code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            continue
        control = code < 0x20 or code == 0x7F
        if not loose_box(handle, i, rect_ref):
            continue
        box = rect.left, rect.bottom, rect.right, rect.top
        if cropped and frame is not None and not frame.shows(*box):
            continue  # printers' marks, a slug line: not on the page as trimmed
        origin(handle, i, ox_ref, oy_ref)
        obj = text_object(handle, i)
        set_as = sets.get(obj) if obj is not None else None
        if set_as is None:
            set_as = _set_as(calls, handle, i, matrix_ref, matrix)
            if obj is not None:
                sets[obj] = set_as
        size, placed, turn_a, turn_b = set_as
        # Type set at Tf 0 (or boxed flat) still prints its character: give it a size,
        # since every later comparison divides by one.
        size = max(size or (box[3] - box[1]), _LEAST_SIZE)
        lie = suspect(code, box[2] - box[0], size)
        if control and not lie:
            # A glyph mapped to U+0000 is a notdef, a tofu box (Typst draws one for a
            # character its fonts lack): no character, counted as one left out.
            unmapped += code == 0
            continue
        # The font's name numbers its face (`ABCDEF+` tags one subset of it): a subtitle
        # in Kai at the body's size and weight is still set apart from a Song body. Its
        # weight is the font's (its descriptor's), asked once a font.
        typeface = typefaces.get(obj) if obj is not None else None
        if typeface is None:
            if 0 < font_info(handle, i, name, name_size, flags_ref) <= len(name):
                key = name.value
                unnamed_font = None
                if not key and type3:
                    font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(handle, i))
                    unnamed_font = ctypes.cast(font, ctypes.c_void_p).value or 0
                if key not in fonts:
                    face = faces.setdefault(key.split(b"+", 1)[-1], len(faces) + 1)
                    weight = font_weight(handle, i)
                    if unstated(weight):
                        weight = named_weight(key.decode("latin-1")) or weight
                    fonts[key] = face, weight
                typeface = (*fonts[key], unnamed_font)
            else:
                typeface = 0, font_weight(handle, i), None
            if obj is not None:
                typefaces[obj] = typeface
        face, weight, font_unnamed = typeface
        if stroked and obj in stroked:
            weight = max(weight, 400) + _STROKE_BOLD
        char = chars.get(code)
        if char is None:
            char = chars[code] = " " if (shown := printed(code)).isspace() else shown
        baseline = oy.value
        if frame is not None and frame.turn:
            box = frame.rect(*box)
            baseline = frame.point(ox.value, oy.value)[1]
            turn_a, turn_b = frame.direction(turn_a, turn_b)
        else:  # the loose box within the line box its face states (producers differ)
            bottom, top = line_box(box[1], box[3], baseline, size)
            box = box[0], bottom, box[2], top
        glyph = make_glyph(
            char,
            box[0],
            box[2],
            box[1],
            box[3],
            baseline,
            float(size),
            weight if weight > 0 else 400,
            i,
            face,
        )
        if turned is not None and placed and abs(turn_b) > abs(turn_a):
            turned.append((glyph, turn_b > 0))
            broken = True  # the upright glyph after a turned run starts a line of its own
            continue
        upside_down += placed and turn_a < -abs(turn_b)
        if font_unnamed is not None:
            unnamed.setdefault(font_unnamed, []).append(len(glyphs))
        if lie or code in NOTED:  # (few glyphs: `Suspects` is fed all of them only then)
            if lie:
                lied.add(len(glyphs))
            elif dingbat(code):
                dingbats.add(code)
            if made_up(code):
                ligatures = True
        codes.append(code)
        glyphs.append(glyph)
        joined.append(not broken)
        broken = False
    suspects = Suspects()  # glyphs a map may lie about, with their faces as read
    if worth_sorting(len(lied), dingbats):
        for k, g in enumerate(glyphs):
            suspects.add(k, g.face, codes[k], k in lied)
    if unnamed:
        _type3_faces(glyphs, unnamed, type3, faces)
    if families := subfont_families(faces, {face: weight for face, weight in fonts.values()}):
        _one_face(glyphs, families, dict(fonts.values()))
    if suspects:
        told, dropped = suspects.sort_out(glyphs, joined)
        unmapped += dropped
        if lies is not None:
            lies.append(told)
    elif dingbats and lies is not None:
        lies.append(0)  # (what `sort_out` tells of a page it would sort out nothing on)
    if flipped is not None:
        flipped.append(upside_down)
    if ligatures:  # (after the suspects, whose places in `glyphs` this moves)
        dashes(glyphs, joined)
    return place_strays(glyphs, joined), unmapped


def _set_as(
    calls: CharCalls, handle: Any, i: int, matrix_ref: Any, matrix: Any
) -> tuple[float, bool, float, float]:
    """How character `i`'s text object sets it: the size set with Tf, as the page scales
    it (WeasyPrint sets 14 "px" type under a 0.75 matrix: 10.5 pt on the page, as the
    boxes are; 0 for none), whether PDFium states its matrix, and the matrix's `a` and
    `b` (its turn). PDFium reads all four from the character's text object (its text
    matrix within the form that draws it), the same for each of its characters."""
    size = calls.font_size(handle, i)
    placed = bool(calls.matrix(handle, i, matrix_ref))
    if size and placed:
        size *= math.hypot(matrix.c, matrix.d) or 1.0  # the em's height, as set
    return size, placed, matrix.a, matrix.b


def _box(rect: Any) -> Box:
    """A PDFium FS_RECTF as left, bottom, right, top."""
    return rect.left, rect.bottom, rect.right, rect.top


def _type3_faces(
    glyphs: list[Glyph],
    unnamed: dict[int, list[int]],
    type3: Sequence[Type3Face],
    faces: dict[bytes, int],
) -> None:
    """Give the glyphs of each font PDFium names not the face and weight of the Type 3
    face whose fonts map its characters (`reader.importing.type3`), numbered among the
    page's named faces. A face the page also sets in a font PDFium names is left as
    it was (Skia writes a bold it makes by stroking, `UMingCN` asked for bold, as
    Type 3 fonts describing the regular face): a face of its own."""
    named = set(faces)
    for places in unnamed.values():
        found = face_of({glyphs[k].char for k in places}, type3)
        if found is None or found.name.encode("latin-1") in named:
            continue  # a face the page also sets in a font PDFium names: drawn otherwise
        face = faces.setdefault(found.name.encode("latin-1"), len(faces) + 1)
        for k in places:
            g = glyphs[k]
            weight = found.weight + g.weight - 400 if g.weight > 400 else found.weight
            glyphs[k] = make_glyph(
                g.char, g.x0, g.x1, g.bottom, g.top, g.baseline, g.size, weight, g.index, face
            )


def _one_face(
    glyphs: list[Glyph], families: dict[int, tuple[int, int]], stated: dict[int, int]
) -> None:
    """Glyphs of a TeX CJK family's subfonts (`reader.importing.fonts`) as of one face
    and weight: the family's, plus what a stroke added (`stated`: each face's weight)."""
    for k, g in enumerate(glyphs):
        if g.face in families:
            face, weight = families[g.face]
            weight += g.weight - (stated.get(g.face, 0) or 400)
            glyphs[k] = make_glyph(
                g.char, g.x0, g.x1, g.bottom, g.top, g.baseline, g.size, weight, g.index, face
            )
