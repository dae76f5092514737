"""What a PDF states about its Type 3 fonts that PDFium leaves out: their face and weight.

Skia (Chromium's printing) writes a CJK face from a system `.ttc` as Type 3 fonts, a
few hundred glyphs each, with no /BaseFont: PDFium gives their glyphs no font name and
no weight, so a bold subtitle at the body's size reads as the body. Each of those
fonts still points at a /FontDescriptor naming the face and its /FontWeight
(`NotoSansCJKsc-Bold`, 700), and maps its glyphs to Unicode. The descriptors are read
from the file's own objects (plain objects, as Skia writes them; a file that keeps
them in object streams states nothing here), and a font PDFium hands out is told by
the characters it draws: the Type 3 font whose ToUnicode maps them.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from reader.importing.fonts import named_weight

_OBJECT = re.compile(rb"(\d+)\s+0\s+obj\b")
_TYPE3 = re.compile(rb"/Subtype\s*/Type3\b")
_DESCRIPTOR = re.compile(rb"/FontDescriptor\s+(\d+)\s+0\s+R")
_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_NAME = re.compile(rb"/FontName\s*/([^\s/<>\[\]()]+)")
_WEIGHT = re.compile(rb"/FontWeight\s+(\d+)")
_STREAM = re.compile(rb"stream\r?\n")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_MATCHED = 0.9  # this share of a font's characters mapped by one Type 3 font: that font
_MAX_RANGE = 256  # a bfrange is never longer in a one-byte Type 3 font


@dataclass(frozen=True)
class Type3Face:
    """One Type 3 font of the file: the characters it maps, its face and weight."""

    chars: frozenset[str]
    name: str
    weight: int


def type3_faces(data: bytes) -> list[Type3Face]:
    """Every Type 3 font of the file whose descriptor names its face; none when the file
    has none (one scan of the bytes) or keeps its objects compressed."""
    if not _TYPE3.search(data):
        return []
    starts = {int(m.group(1)): m.end() for m in _OBJECT.finditer(data)}

    def body(number: int) -> bytes:
        start = starts.get(number)
        if start is None:
            return b""
        end = data.find(b"endobj", start)
        return data[start : end if end >= 0 else len(data)]

    out: list[Type3Face] = []
    for number in starts:
        font = body(number)
        head = font.split(b"stream", 1)[0]
        if not _TYPE3.search(head):
            continue
        desc, cmap = _DESCRIPTOR.search(head), _TO_UNICODE.search(head)
        if not desc or not cmap:
            continue
        described = body(int(desc.group(1)))
        name = _NAME.search(described)
        if not name:
            continue
        text = name.group(1).decode("latin-1")
        weight = _WEIGHT.search(described)
        stated = int(weight.group(1)) if weight else named_weight(text)
        chars = _unicode(body(int(cmap.group(1))))
        if chars and stated:
            out.append(Type3Face(chars, text.split("+", 1)[-1], stated))
    return out


def _unicode(stream_object: bytes) -> frozenset[str]:
    """The characters a ToUnicode CMap stream maps codes to (bfchar and bfrange)."""
    found = _STREAM.search(stream_object)
    if not found:
        return frozenset()
    raw = stream_object[found.end() :]
    if b"/FlateDecode" in stream_object[: found.start()]:
        try:
            raw = zlib.decompressobj().decompress(raw)
        except zlib.error:
            return frozenset()
    chars: set[str] = set()
    for block in _BFCHAR.findall(raw):
        values = _HEX.findall(block)
        chars.update(_text(v) for v in values[1::2])
    for block in _BFRANGE.findall(raw):
        values = _HEX.findall(block)
        for lo, hi, first in zip(values[::3], values[1::3], values[2::3], strict=False):
            count = int(hi or b"0", 16) - int(lo or b"0", 16) + 1
            start = _text(first)
            if len(start) == 1 and 0 < count <= _MAX_RANGE:
                chars.update(chr(ord(start) + k) for k in range(count))
    chars.discard("")
    return frozenset(chars)


def _text(value: bytes) -> str:
    """A CMap's UTF-16BE hex string as text ('' when it is not one)."""
    try:
        return bytes.fromhex(value.decode("ascii")).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return ""


def face_of(drawn: set[str], faces: Sequence[Type3Face]) -> Type3Face | None:
    """The Type 3 face that draws these characters: the one whose fonts map nearly all
    of them; None when none does or two faces (a regular and a bold) would both do."""
    if not drawn:
        return None
    best: dict[tuple[str, int], int] = {}
    for face in faces:
        hit = len(drawn & face.chars)
        key = (face.name, face.weight)
        if hit > best.get(key, 0):
            best[key] = hit
    good = [k for k, hit in best.items() if hit >= _MATCHED * len(drawn)]
    if len(good) != 1:
        return None
    name, weight = good[0]
    return next(f for f in faces if (f.name, f.weight) == (name, weight))
