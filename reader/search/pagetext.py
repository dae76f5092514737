"""A page's items as spans of its text file: the index keeps where each field is, not its text.

The page file is already in the library; a second, compressed copy of every
item's fields was the index's largest table (0.49x the text at 2 GB). Every
field the parser makes is the page's text cut into pieces (lines stripped,
wrapped lines joined, the extractor's spaces dropped), so a field is kept as
the pieces of the page text it is made of: a start and a length each, as
int32 deltas chained over the page (a piece mostly starts a line or two after
the last one ended), which zlib packs to a few percent of the text. A
character the text does not hold (a space `join_lines` puts between two Latin
lines, a field import wrote from the PDF) comes from a pool of such characters
kept with the page. Decoding is exact by construction, and `encode` checks it.

A search reads the page file again and uses the spans only while its bytes
are the ones indexed (size and CRC-32 kept with the spans); otherwise the caller
parses the file as it is now (`store.page_items`), so no hit ever shows text
the page does not hold.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.model import Item

CODECS = ("utf-8-sig", "gb18030")
"""How `reader.parse.text.decode` reads page bytes that are text: the spans index that str."""
FORMAT = 1
_PROBE = 8
"""Characters of a field looked up at a time in the page text to start a piece there."""

TEXT_FIELDS = ("kicker", "headline", "subtitle", "derived_headline")
AFTER_FIELDS = ("byline", "source", "credit", "marker")


def decode_text(data: bytes) -> tuple[int, str] | None:
    """The page bytes as text, as the parser decodes them, with the codec's number."""
    for number, codec in enumerate(CODECS):
        try:
            return number, data.decode(codec)
        except UnicodeDecodeError:
            continue
    return None


class _Encoder:
    """Cuts fields into pieces of one page's text, in order; `ops` are chained deltas."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pool: list[str] = []
        self.pooled = ""
        self.ops = array("i")
        self.end = 0
        """Where the last piece ended: the next delta is from here."""
        self.at = 0
        """Where to look for the next field first."""

    def field(self, value: str | None) -> int | None:
        """Append `value`'s pieces; their number (None for None)."""
        if value is None:
            return None
        text, ops = self.text, self.ops
        size = len(value)
        count = i = 0
        at = self.at
        while i < size:
            probe = value[i : i + _PROBE]
            p = text.find(probe, at)
            if p < 0:
                p = text.find(probe, 0, at + len(probe) - 1)
            if p < 0:
                probe = value[i]
                p = -1 if probe in self.pooled else text.find(probe, at)
                if p < 0 and probe not in self.pooled:
                    p = text.find(probe, 0, at)
            if p < 0:  # not in the text: from the pool, which follows the text
                p = self.pooled.find(probe)
                if p < 0:
                    p = len(self.pooled)
                    self.pool.append(probe)
                    self.pooled += probe
                ops.append(len(text) + p - self.end)
                ops.append(1)
                self.end = len(text) + p + 1
                count += 1
                i += 1
                continue
            line_end = text.find("\n", p + len(probe))
            most = min((len(text) if line_end < 0 else line_end) - p, size - i)
            if text.startswith(value[i : i + most], p):
                length = most
            else:  # the longest prefix that matches: lo matches, hi does not
                lo, hi = len(probe), most
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    if text.startswith(value[i + lo : i + mid], p + lo):
                        lo = mid
                    else:
                        hi = mid
                length = lo
            ops.append(p - self.end)
            ops.append(length)
            self.end = at = p + length
            count += 1
            i += length
        self.at = at
        return count


def encode(
    items: Sequence[Item], header: str | None, data: bytes, text: tuple[int, str] | None = None
) -> bytes:
    """The stored form of a page's items whose file holds `data`: spans of its text.

    `text`: `decode_text(data)` when the caller has it. The fields come back exact
    by construction: each piece is compared with the field where it is cut (the
    tests check `load` against the items on parsed, structured and random pages).
    """
    codec, page = text if text is not None else (decode_text(data) or (-1, ""))
    enc = _Encoder(page)
    head = enc.field(header)
    prefix = items[0].id.rpartition("/")[0] + "/" if items else ""
    records = []
    for n, item in enumerate(items, start=1):
        start = len(enc.ops)
        records.append(
            (
                start,
                None if item.id == f"{prefix}{n}" else item.id,  # ids follow from the page's
                item.kind,
                *(enc.field(getattr(item, f)) for f in TEXT_FIELDS),
                tuple(enc.field(p) for p in item.paragraphs),
                *(enc.field(getattr(item, f)) for f in AFTER_FIELDS),
            )
        )
    pool = "".join(enc.pool)
    ops = enc.ops
    if ops and min(ops) >= -32768 and max(ops) < 32768:  # most pages: half the bytes
        ops = array("h", ops)
    return zlib.compress(
        marshal.dumps(
            (
                FORMAT,
                codec,
                len(data),
                zlib.crc32(data),
                pool,
                head,
                ops.tobytes(),
                tuple(records),
                prefix,
                ops.typecode,
            )
        ),
        6,
    )


def check(blob: bytes) -> tuple[int, int, int, tuple[Any, ...]]:
    """The blob's codec number, file size and CRC-32, and the rest as stored.

    A damaged blob is a `ValueError` (zlib's and marshal's errors included).
    """
    try:
        stored = marshal.loads(zlib.decompress(blob))
    except (zlib.error, EOFError, TypeError) as err:
        raise ValueError(str(err)) from None
    if not isinstance(stored, tuple) or len(stored) != 10 or stored[0] != FORMAT:
        raise ValueError("not page spans of this version")
    return stored[1], stored[2], stored[3], stored


def text_of(data: bytes, blob_check: tuple[int, int, int, tuple[Any, ...]]) -> str | None:
    """The text the spans index (the file's text and the pool), when `data` is the file indexed."""
    codec, size, crc, stored = blob_check
    if len(data) != size or zlib.crc32(data) != crc or not 0 <= codec < len(CODECS):
        return None
    try:
        return data.decode(CODECS[codec]) + str(stored[4])
    except UnicodeDecodeError:
        return None


def load(
    blob: bytes | tuple[Any, ...], text: str, number: int | None = None
) -> list[tuple[Any, ...]]:
    """The items' fields (`Stored` order, the page header on the first item) from the spans
    over `text`; only item `number` (1-based) when given ([] when there is none)."""
    stored = check(blob)[3] if isinstance(blob, bytes) else blob
    head, ops, records, prefix, typecode = stored[5:10]
    deltas = array(typecode)
    deltas.frombytes(ops)
    first = 0
    if number is not None:
        if not 0 < number <= len(records):
            return []
        first = number - 1
        records = records[first:number]
    bounds = list(accumulate(deltas))

    def cut(o: int, count: int | None) -> tuple[int, str | None]:
        if count is None:
            return o, None
        end = o + 2 * count
        it = iter(bounds[o:end])
        return end, "".join([text[a:b] for a, b in zip(it, it, strict=True)])

    out = []
    for n, record in enumerate(records, start=first):
        o, ident, kind, *rest = record
        fields: list[Any] = [f"{prefix}{n + 1}" if ident is None else ident, kind]
        for count in rest[:4]:
            o, value = cut(o, count)
            fields.append(value)
        paragraphs: list[str] = []
        for count in rest[4]:
            o, value = cut(o, count)
            paragraphs.append(value or "")
        fields.append(tuple(paragraphs))
        for count in rest[5:]:
            o, value = cut(o, count)
            fields.append(value)
        fields.append(cut(0, head)[1] if n == 0 else None)
        out.append(tuple(fields))
    return out
