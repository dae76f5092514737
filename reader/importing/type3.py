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
import unicodedata
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
    codes: int = 0  # how many codes its ToUnicode maps: the glyphs the file draws in it


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
        chars, codes = _unicode(body(int(cmap.group(1))))
        if chars and stated:
            out.append(Type3Face(chars, text.split("+", 1)[-1], stated, codes))
    return out


def _unicode(stream_object: bytes) -> tuple[frozenset[str], int]:
    """The characters a ToUnicode CMap stream maps codes to (bfchar and bfrange), and
    how many codes it maps."""
    found = _STREAM.search(stream_object)
    if not found:
        return frozenset(), 0
    raw = stream_object[found.end() :]
    if b"/FlateDecode" in stream_object[: found.start()]:
        try:
            raw = zlib.decompressobj().decompress(raw)
        except zlib.error:
            return frozenset(), 0
    chars: set[str] = set()
    codes = 0
    for block in _BFCHAR.findall(raw):
        values = _HEX.findall(block)
        chars.update(_text(v) for v in values[1::2])
        codes += len(values) // 2
    for block in _BFRANGE.findall(raw):
        values = _HEX.findall(block)
        for lo, hi, first in zip(values[::3], values[1::3], values[2::3], strict=False):
            count = int(hi or b"0", 16) - int(lo or b"0", 16) + 1
            start = _text(first)
            if len(start) == 1 and 0 < count <= _MAX_RANGE:
                chars.update(chr(ord(start) + k) for k in range(count))
                codes += count
    chars.discard("")
    # Skia maps a glyph the font shares with a Kangxi radical to the radical (`⼆`,
    # U+2F06); PDFium gives the ideograph (`二`): both count.
    return frozenset(chars | {unicodedata.normalize("NFKC", c) for c in chars}), codes


def _text(value: bytes) -> str:
    """A CMap's UTF-16BE hex string as text ('' when it is not one)."""
    try:
        return bytes.fromhex(value.decode("ascii")).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError):
        return ""


def face_of(drawn: set[str], faces: Sequence[Type3Face]) -> Type3Face | None:
    """The Type 3 face that draws these characters (all a font PDFium hands out draws
    on the page): the file's one face, or the face of the font that maps nearly all of
    them and fewest others (Skia's fonts map only the glyphs drawn in them, a regular
    face's and a bold's the same few hundred glyph numbers: `委` is in one font of each).
    None when no font maps them or two faces' fonts do as well. Skia maps some glyphs
    to code points PDFium does not give (`⻢` for `马`): a character no font maps tells
    nothing."""
    kinds = {(f.name, f.weight) for f in faces}
    if len(kinds) == 1:
        return faces[0]
    known = {c for c in drawn if any(c in f.chars for f in faces)}
    if not known:
        return None
    fits = [
        (f.codes - hit, f) for f in faces if (hit := len(known & f.chars)) >= _MATCHED * len(known)
    ]
    if not fits:
        return None
    fewest = min(extra for extra, _ in fits)
    best = {(f.name, f.weight): f for extra, f in fits if extra == fewest}
    return next(iter(best.values())) if len(best) == 1 else None
