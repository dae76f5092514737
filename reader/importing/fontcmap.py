"""Characters a CID font's missing ToUnicode leaves out, read back from its own cmap.

Some producers embed a TrueType CID font (Identity-H: the code is the CID) with no
ToUnicode map. PDFium then flags every glyph of it as unmapped and hands out its code;
the page was refused ("its fonts map no characters to Unicode"). The font program
often still holds its `cmap` table, Unicode to glyph: when the font's CIDToGIDMap is
the identity, the code is the glyph and the table read backwards gives the character.
The map is in the font's dictionary, which PDFium does not expose; read wrong, it would
turn the page into other characters of the same subset. So the page itself decides:
PDFium measures each glyph's box from the outline it draws (through the real map),
and the program states each glyph's box in its `glyf` table. Only a font whose drawn
boxes are the boxes of the glyphs its codes name, nearly all of them and at least
`_LEAST` of them, is read through its cmap; any other stays unmapped, as before.

The table is parsed here (sfnt, `cmap` formats 4 and 12, `loca`/`glyf` headers): a
few dozen lines, where a font library would be a new dependency of every import for a
path few PDFs take; a subtable out of the spec's order is read as no map, which bounds
the walk by the code points of Unicode. A glyph the cmap gives two characters reads as
the one of the Unified Ideographs block (胶, not its Extension A variant 㬵; 人, not the
radical ⼈), else as the lower, as cairo and Ghostscript write their maps
(`reader.importing.sharedglyphs` reads those marks as a Chinese page prints them).
"""

from __future__ import annotations

import ctypes
import struct
from typing import Any

_LEAST = 8  # glyphs with outlines measured: fewer show too little (a third of two
# ideographs of one font agree by chance)
_AGREE = 0.95  # of those, this share drawn in the boxes their codes name
_UNIFIED = (0x4E00, 0x9FFF)  # CJK Unified Ideographs, the block a Chinese page prints from
_NEAR = 0.02  # ems: a box edge within this of the stated one agrees (PDFium: 0.013 at most)


def _tables(data: bytes) -> dict[bytes, bytes]:
    """The sfnt's tables by tag; empty for a program that is not TrueType."""
    if len(data) < 12 or data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return {}
    (count,) = struct.unpack_from(">H", data, 4)
    out = {}
    for k in range(count):
        at = 12 + 16 * k
        if at + 16 > len(data):
            return {}
        tag, _, offset, length = struct.unpack_from(">4sIII", data, at)
        out[tag] = data[offset : offset + length]
    return out


def _cmap(table: bytes) -> dict[int, int]:
    """The cmap's Unicode subtable (format 12 over 4) read backwards: glyph to the lowest
    character it draws."""
    best: tuple[int, int] | None = None  # (rank, offset)
    if len(table) < 4:
        return {}
    (count,) = struct.unpack_from(">H", table, 2)
    for k in range(count):
        if 4 + 8 * k + 8 > len(table):
            break
        platform, encoding, offset = struct.unpack_from(">HHI", table, 4 + 8 * k)
        if offset + 2 > len(table) or not (
            platform == 0 or (platform == 3 and encoding in (1, 10))
        ):
            continue
        (fmt,) = struct.unpack_from(">H", table, offset)
        rank = {12: 2, 4: 1}.get(fmt, 0)
        if rank and (best is None or rank > best[0]):
            best = rank, offset
    if best is None:
        return {}
    chars: dict[int, int] = {}
    try:
        if best[0] == 2:
            (groups,) = struct.unpack_from(">I", table, best[1] + 12)
            last = -1
            for g in range(groups):
                start, end, glyph = struct.unpack_from(">III", table, best[1] + 16 + 12 * g)
                if not last < start <= end <= 0x10FFFF:
                    return {}  # groups out of order or overlapping: read as no map
                last = end
                for c in range(start, end + 1):
                    _keep(chars, glyph + c - start, c)
        elif not _format4(table, best[1], chars):
            return {}
    except struct.error:
        return {}
    return chars


def _keep(chars: dict[int, int], glyph: int, c: int) -> None:
    """`c` for `glyph` where the glyph has no character yet, or `c` is the one of the
    Unified Ideographs block (code points come in ascending order): a face draws 胶 and
    its variant 㬵 (Extension A), 人 and the radical ⼈, with one glyph, and a Chinese page
    prints the first."""
    old = chars.get(glyph)
    if old is None or (_UNIFIED[0] <= c <= _UNIFIED[1] and not _UNIFIED[0] <= old <= _UNIFIED[1]):
        chars[glyph] = c


def _format4(table: bytes, at: int, chars: dict[int, int]) -> bool:
    """A format 4 subtable into `chars`; False for segments out of order or overlapping
    (as for format 12: the spec sorts them, and a table that does not is read as no map,
    so no font makes this walk more than the 65,536 code points of the BMP)."""
    (doubled,) = struct.unpack_from(">H", table, at + 6)
    n = doubled // 2
    ends = struct.unpack_from(f">{n}H", table, at + 14)
    starts = struct.unpack_from(f">{n}H", table, at + 16 + 2 * n)
    deltas = struct.unpack_from(f">{n}h", table, at + 16 + 4 * n)
    ranges_at = at + 16 + 6 * n
    offsets = struct.unpack_from(f">{n}H", table, ranges_at)
    last = -1
    for s in range(n):
        if not last < starts[s] <= ends[s]:
            return False
        last = ends[s]
        for c in range(starts[s], ends[s] + 1):
            if c == 0xFFFF:
                continue
            if offsets[s] == 0:
                glyph = (c + deltas[s]) & 0xFFFF
            else:
                where = ranges_at + 2 * s + offsets[s] + 2 * (c - starts[s])
                (glyph,) = struct.unpack_from(">H", table, where)
                glyph = (glyph + deltas[s]) & 0xFFFF if glyph else 0
            if glyph:
                _keep(chars, glyph, c)
    return True


class _Program:
    """A TrueType program's glyph boxes (font units) and characters."""

    def __init__(self, tables: dict[bytes, bytes]) -> None:
        head, self._glyf, loca = tables[b"head"], tables[b"glyf"], tables[b"loca"]
        (self.units,) = struct.unpack_from(">H", head, 18)
        (long_loca,) = struct.unpack_from(">h", head, 50)
        count = len(loca) // (4 if long_loca else 2)
        self._loca = struct.unpack_from(f">{count}{'I' if long_loca else 'H'}", loca)
        self._scale = 1 if long_loca else 2
        self.chars = _cmap(tables[b"cmap"])

    def box(self, glyph: int) -> tuple[int, int, int, int] | None:
        """The glyph's box, or None for one with no outline (or no such glyph)."""
        if glyph + 1 >= len(self._loca):
            return None
        start, end = self._loca[glyph] * self._scale, self._loca[glyph + 1] * self._scale
        if end - start < 10 or end > len(self._glyf):
            return None
        x0, y0, x1, y1 = struct.unpack_from(">4h", self._glyf, start + 2)
        return (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else None


def _program(raw: Any, font: Any, known: dict[bytes, _Program | None]) -> _Program | None:
    """The font's program, read once for every font of the page that embeds the same bytes
    (`known`): a page can name one program under thousands of font dictionaries."""
    size = ctypes.c_size_t()
    if not raw.FPDFFont_GetFontData(font, None, 0, ctypes.byref(size)) or not size.value:
        return None
    buf = (ctypes.c_ubyte * size.value)()
    if not raw.FPDFFont_GetFontData(font, buf, size.value, ctypes.byref(size)):
        return None
    data = bytes(buf)[: size.value]
    if data not in known:
        known[data] = _read_program(data)
    return known[data]


def _read_program(data: bytes) -> _Program | None:
    tables = _tables(data)
    if not all(t in tables for t in (b"head", b"glyf", b"loca", b"cmap")):
        return None
    try:
        program = _Program(tables)
    except struct.error:
        return None
    return program if program.units and program.chars else None


def _font(raw: Any, handle: Any, i: int) -> tuple[int, Any]:
    font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(handle, i))
    return ctypes.cast(font, ctypes.c_void_p).value or 0, font


def _agrees(raw: Any, handle: Any, i: int, program: _Program, glyph: int) -> bool | None:
    """Whether the box PDFium measured for glyph `i` is the program's box of `glyph`
    (None: nothing to measure). Upright type only: a turned glyph says nothing."""
    stated = program.box(glyph)
    if stated is None:
        return None
    matrix = raw.FS_MATRIX()
    left, right = ctypes.c_double(), ctypes.c_double()
    bottom, top = ctypes.c_double(), ctypes.c_double()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    if not (
        raw.FPDFText_GetMatrix(handle, i, ctypes.byref(matrix))
        and raw.FPDFText_GetCharBox(
            handle,
            i,
            ctypes.byref(left),
            ctypes.byref(right),
            ctypes.byref(bottom),
            ctypes.byref(top),
        )
        and raw.FPDFText_GetCharOrigin(handle, i, ctypes.byref(ox), ctypes.byref(oy))
    ):
        return None
    if abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6 or matrix.a <= 0 or matrix.d <= 0:
        return None
    size = float(raw.FPDFText_GetFontSize(handle, i))
    wide, high = size * matrix.a / program.units, size * matrix.d / program.units
    if not wide or not high:
        return None
    near = _NEAR * size * matrix.d
    x0, y0, x1, y1 = stated
    return bool(
        abs(left.value - ox.value - x0 * wide) <= near
        and abs(right.value - ox.value - x1 * wide) <= near
        and abs(bottom.value - oy.value - y0 * high) <= near
        and abs(top.value - oy.value - y1 * high) <= near
    )


class FontMaps:
    """The characters of unmapped glyphs, from their fonts' own cmaps, decided a font
    at a time over the whole text page."""

    def __init__(self, raw: Any, handle: Any, count: int) -> None:
        self._raw, self._handle, self._count = raw, handle, count
        self._fonts: dict[int, _Program | None] = {}
        self._unmapped: dict[int, list[int]] | None = None
        self._programs: dict[bytes, _Program | None] = {}

    def _glyphs(self, key: int) -> list[int]:
        """The unmapped glyphs of font `key` on the page, in order.

        Found for every font in one pass over the page's glyphs, the first time one is
        asked for: a pass for each font was the page's glyphs times its fonts, and a
        page of 10,000 glyphs each in a font of its own (audit25) held the import for
        minutes, up to the bound on its CPU time.
        """
        if self._unmapped is None:
            raw, handle = self._raw, self._handle
            self._unmapped = {}
            for j in range(self._count):
                if raw.FPDFText_HasUnicodeMapError(handle, j):
                    self._unmapped.setdefault(_font(raw, handle, j)[0], []).append(j)
        return self._unmapped.get(key, [])

    def char(self, i: int, code: int) -> int | None:
        """The character of unmapped glyph `i` (PDFium's code for it: `code`), or None."""
        key, font = _font(self._raw, self._handle, i)
        if key not in self._fonts:
            self._fonts[key] = self._decide(key, font)
        program = self._fonts[key]
        return None if program is None else program.chars.get(code)

    def _decide(self, key: int, font: Any) -> _Program | None:
        raw, handle = self._raw, self._handle
        program = _program(raw, font, self._programs)
        if program is None:
            return None
        agree = measured = 0
        for j in self._glyphs(key):
            verdict = _agrees(raw, handle, j, program, raw.FPDFText_GetUnicode(handle, j))
            if verdict is not None:
                measured += 1
                agree += verdict
        return program if measured >= _LEAST and agree >= _AGREE * measured else None
