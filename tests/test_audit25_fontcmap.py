"""A PDF page made to cost: many fonts without ToUnicode, one font program under many names.

`fontcmap.FontMaps` decided each font by walking every glyph of the page: the page's
glyphs times its fonts, and a page of 10,000 glyphs each in a font of its own held an
import for minutes (up to the child's CPU bound, `importing.bounded`). And each font
read its program, so a program with a cmap of a million code points named by a
thousand font dictionaries was read a thousand times. Here PDFium is played by a
stand-in that counts what is asked of it.
"""

from __future__ import annotations

import ctypes
from types import SimpleNamespace
from typing import Any

import pytest

from reader.importing import fontcmap

_PROGRAM = b"\x00\x01\x00\x00 a font program"


class _Pdfium:
    """The calls `FontMaps` makes, for a page whose glyph `i` is in font `fonts(i)`."""

    def __init__(self, fonts: Any) -> None:
        self.fonts = fonts
        self.asked = 0

    def FPDFText_HasUnicodeMapError(self, _handle: object, _i: int) -> bool:
        self.asked += 1
        return True

    def FPDFText_GetTextObject(self, _handle: object, i: int) -> int:
        return i

    def FPDFTextObj_GetFont(self, i: int) -> int:
        return int(self.fonts(i)) + 1

    def FPDFText_GetUnicode(self, _handle: object, i: int) -> int:
        return 0x4E00 + i

    def FPDFFont_GetFontData(self, _font: object, buf: Any, _n: int, size: Any) -> bool:
        size._obj.value = len(_PROGRAM)
        if buf is not None:
            ctypes.memmove(buf, _PROGRAM, len(_PROGRAM))
        return True


@pytest.fixture
def programs(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Each program read (as bytes); every glyph's box agrees with its code's glyph."""
    read: list[bytes] = []

    def tables(data: bytes) -> dict[bytes, bytes]:
        read.append(data)
        return dict.fromkeys((b"head", b"glyf", b"loca", b"cmap"), b"")

    chars = {0x4E00 + n: 0x4E00 + n for n in range(4000)}
    monkeypatch.setattr(fontcmap, "_tables", tables)
    monkeypatch.setattr(fontcmap, "_Program", lambda _t: SimpleNamespace(units=1000, chars=chars))
    monkeypatch.setattr(fontcmap, "_agrees", lambda *_args: True)
    return read


def test_a_page_of_fonts_of_one_glyph_each_is_walked_once(programs: list[bytes]) -> None:
    count = 2000
    raw = _Pdfium(lambda i: i // 8)  # 250 fonts of 8 glyphs: each is measured (`_LEAST`)
    maps = fontcmap.FontMaps(raw, None, count)
    chars = [maps.char(i, 0x4E00 + i) for i in range(count)]
    assert chars == [0x4E00 + i for i in range(count)]
    assert raw.asked <= count  # a walk of the page for each font: 500,000


def test_one_program_under_many_fonts_is_read_once(programs: list[bytes]) -> None:
    raw = _Pdfium(lambda i: i // 8)
    maps = fontcmap.FontMaps(raw, None, 800)
    assert all(maps.char(i, 0x4E00 + i) == 0x4E00 + i for i in range(800))
    assert programs == [_PROGRAM]
