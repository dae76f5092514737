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
parses the file as it is now (`records.page_items`), so no hit ever shows text
the page does not hold.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.model import Item

CODECS = ("utf-8", "gb18030")
"""How `reader.parse.text.decode` reads page bytes that are text (UTF-8 with its BOM, if
any, else GB18030): the spans are of the bytes, a field's pieces decoded together."""
FORMAT = 2
_PROBE = 12
"""Bytes of a field looked up at a time in the page to start a piece there."""
_POOLED = 6
"""A field's last bytes up to this many that the page does not hold go to the pool whole."""

TEXT_FIELDS = ("kicker", "headline", "subtitle", "derived_headline")
AFTER_FIELDS = ("byline", "source", "credit", "marker")


def codec_of(data: bytes) -> int:
    """The number in `CODECS` of the encoding the parser reads `data` in (UTF-8 if neither)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            return 0
        return 1
    return 0


class _Encoder:
    """Cuts fields into pieces of one page's bytes; `ops` are deltas, chained within an item."""

    def __init__(self, data: bytes, codec: str) -> None:
        self.data = data
        self.codec = codec
        self.pool = bytearray()
        self.missing: set[bytes] = set()
        """Probes the page does not hold, looked for once."""
        self.ops = array("i")
        self.end = 0
        """Where the last piece ended: the next delta is from here (0 at an item's start)."""
        self.at = 0
        """Where to look for the next field first."""

    def field(self, text: str | None) -> int | str | None:
        """Append the pieces of `text`; their number (None for None, the text itself when
        the page's encoding cannot hold it: a lone surrogate a structure file gave)."""
        if text is None:
            return None
        try:
            value = text.encode(self.codec)
        except UnicodeEncodeError:
            return text
        data, ops, pool = self.data, self.ops, self.pool
        size = len(value)
        count = i = 0
        at = self.at
        begin = -1
        while i < size:
            probe = value[i : i + _PROBE]
            p = -1 if probe in self.missing else data.find(probe, at)
            if p < 0 and probe not in self.missing:
                p = data.find(probe, 0, at + len(probe) - 1)
                if p < 0:
                    self.missing.add(probe)
            if p < 0 and len(probe) <= _POOLED:  # a field's last bytes, not in the page:
                p = pool.find(probe)  # pooled whole (a derived headline's "…")
                if p < 0:
                    p = len(pool)
                    pool += probe
                ops.append(len(data) + p - self.end)
                ops.append(len(probe))
                self.end = len(data) + p + len(probe)
                count += 1
                i += len(probe)
                continue
            if p < 0:
                probe = value[i : i + 1]
                p = -1 if probe in pool else data.find(probe, at)
                if p < 0 and probe not in pool:
                    p = data.find(probe, 0, at)
            if p < 0:  # not in the page: from the pool, which follows it
                p = pool.find(probe)
                if p < 0:
                    p = len(pool)
                    pool += probe
                ops.append(len(data) + p - self.end)
                ops.append(1)
                self.end = len(data) + p + 1
                count += 1
                i += 1
                continue
            line_end = data.find(b"\n", p + len(probe))
            most = min((len(data) if line_end < 0 else line_end) - p, size - i)
            if data.startswith(value[i : i + most], p):
                length = most
            else:  # the longest prefix that matches: lo matches, hi does not
                lo, hi = len(probe), most
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    if data.startswith(value[i + lo : i + mid], p + lo):
                        lo = mid
                    else:
                        hi = mid
                length = lo
            ops.append(p - self.end)
            ops.append(length)
            if begin < 0:
                begin = p
            self.end = at = p + length
            count += 1
            i += length
        if begin >= 0:  # the next field starts after this one's start (a derived headline
            self.at = begin  # is the start of the paragraph that follows it)
        return count


def encode(items: Sequence[Item], header: str | None, data: bytes) -> bytes:
    """The stored form of a page's items whose file holds `data`: spans of its bytes.

    The fields come back exact by construction: each piece is compared with the
    field's bytes where it is cut (the tests check `load` against the items on
    parsed, structured and random pages).
    """
    codec = codec_of(data)
    enc = _Encoder(data, CODECS[codec])
    head = enc.field(header)
    prefix = items[0].id.rpartition("/")[0] + "/" if items else ""
    records = []
    for n, item in enumerate(items, start=1):
        start = len(enc.ops)
        enc.end = 0  # an item's pieces are read without the others'
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
                bytes(enc.pool),
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


def bytes_of(data: bytes, blob_check: tuple[int, int, int, tuple[Any, ...]]) -> bytes | None:
    """What the spans index (the file's bytes, then the pool), when `data` is the file indexed."""
    _, size, crc, stored = blob_check
    if len(data) != size or zlib.crc32(data) != crc:
        return None
    return data + stored[4] if stored[4] else data


def load(
    blob: bytes | tuple[Any, ...],
    data: bytes,
    number: int | None = None,
    keep: Callable[[str], bool] | None = None,
) -> list[tuple[Any, ...] | None]:
    """The items' fields (`Stored` order, the page header on the first item) from the spans
    over `data` (`bytes_of`); only item `number` (1-based) when given ([] when there is none).

    `keep`: asked of each item's text (all its fields' bytes joined and decoded once, the
    header's with the first item's) before its fields are cut; None stands for an item it
    refuses. Cutting the fields was most of a search's time on pages whose items mostly
    lack the query (a lone character's, a rare word's): `keep` is one join, one decode.

    A damaged record is a `ValueError`, `TypeError` or `IndexError`.
    """
    stored = check(blob)[3] if isinstance(blob, bytes) else blob
    codec = CODECS[stored[1]]
    head, ops, records, prefix, typecode = stored[5:10]
    deltas = array(typecode)
    deltas.frombytes(ops)
    first = 0
    if number is not None:
        if not 0 < number <= len(records):
            return []
        first = number - 1
        records = records[first:number]

    out: list[tuple[Any, ...] | None] = []
    for n, record in enumerate(records, start=first):
        start, ident, kind, *rest = record
        paragraphs = rest[4]
        ops = deltas[start : stored_next(stored, n)]
        counts = (*rest[:4], *paragraphs, *rest[5:])
        if keep is not None and not keep(_whole(data, codec, ops, counts, deltas[:start], n, head)):
            out.append(None)
            continue
        values = _cut(data, codec, ops, counts)
        header = None
        if n == 0 and head is not None:  # the header's pieces come before the first item's
            header = _cut(data, codec, deltas[:start], (head,))[0]
        end = 4 + len(paragraphs)
        ident = f"{prefix}{n + 1}" if ident is None else ident
        out.append((ident, kind, *values[:4], tuple(values[4:end]), *values[end:], header))
    return out


def _whole(
    data: bytes,
    codec: str,
    ops: array[int],
    counts: Sequence[Any],
    before: array[int],
    n: int,
    head: Any,
) -> str:
    """All the text of an item's fields (`load`'s `keep`), run together: its pieces' bytes
    joined and decoded at once (each field's bytes are whole characters, so the join is),
    the fields kept as text after them, the page header's pieces (`before`) on item 0.
    Two fields run together may show what neither holds, never hide what one does; in
    the order of print (`seams.chain`), so a run across a byline and the first paragraph
    is there too (stored, the byline follows the paragraphs)."""
    bounds = list(accumulate(ops))
    cuts = list(map(slice, bounds[0::2], bounds[1::2]))
    if _moved(counts[3]) or _moved(counts[-4]):  # a derived headline, a byline
        cuts = _printed_order(cuts, counts)
    text = b"".join(map(data.__getitem__, cuts))
    out = text.decode(codec)
    kept = [count for count in counts if count.__class__ is str]
    if n == 0 and head is not None:
        kept.extend(map(str, _cut(data, codec, before, (head,))))
    return "\n".join([out, *kept]) if kept else out


def _moved(count: Any) -> bool:
    """Whether a field of `count` pieces has any (None, or the field kept as text, has none)."""
    return count.__class__ is int and count > 0


def _printed_order(cuts: list[slice], counts: Sequence[Any]) -> list[slice]:
    """An item's pieces (`counts`: kicker, headline, subtitle, derived headline, the
    paragraphs, byline, source, credit, marker) in the order of `seams.chain`: the byline
    before the paragraphs, the derived headline (printed nowhere) and the marker last."""
    ranges = []
    at = 0
    for count in counts:
        size = count if count.__class__ is int else 0
        ranges.append((at, at + size))
        at += size
    byline = len(counts) - 4
    order = (0, 1, 2, byline, *range(4, byline), byline + 1, byline + 2, 3, byline + 3)
    return [cut for n in order for cut in cuts[ranges[n][0] : ranges[n][1]]]


def _cut(data: bytes, codec: str, deltas: array[int], counts: Sequence[Any]) -> list[Any]:
    """The fields whose pieces' `counts` are given, cut from `data` by an item's `deltas`."""
    bounds = list(accumulate(deltas))
    starts, ends = bounds[0::2], bounds[1::2]
    piece = data.__getitem__
    values: list[Any] = []
    k = 0
    for count in counts:
        if count.__class__ is not int:
            values.append(count)  # None, or the text itself
        elif count == 1:
            values.append(data[starts[k] : ends[k]].decode(codec))
            k += 1
        else:
            cuts = map(slice, starts[k : k + count], ends[k : k + count])
            values.append(b"".join(map(piece, cuts)).decode(codec))
            k += count
    return values


def stored_next(stored: tuple[Any, ...], n: int) -> int | None:
    """Where item `n + 1`'s pieces start (0-based n), None after the last item."""
    records = stored[7]
    return int(records[n + 1][0]) if n + 1 < len(records) else None
