"""Small PDFs written by hand for the costly-input checks (tests/test_audit20_pdf.py and
bench/attacks.py): objects, streams, and forms that draw each other."""

from __future__ import annotations

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object holding `data`; `extra` adds to its dictionary."""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF of `objects` by number, 1 the catalogue, with its cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    free = b"0000000000 65535 f \n"
    out += b"".join(
        b"%010d 00000 n \n" % offsets[n] if n in offsets else free for n in range(1, size)
    )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def forms(depth: int, draws: int = 2) -> bytes:
    """A page drawing form 10, each form drawing the next `draws` times, `depth` deep:
    `draws ** depth` drawings in a few KB."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: FONT,
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources"
        b" << /Font << /F1 3 0 R >> /XObject << /X 10 0 R >> >> /Contents 5 0 R >>",
        5: stream(b"BT /F1 12 Tf 72 720 Td (page) Tj ET /X Do"),
    }
    for level in range(depth):
        inner = b" /X Do" * draws if level < depth - 1 else b""
        objects[10 + level] = stream(
            b"BT /F1 12 Tf 72 700 Td (x) Tj ET" + inner,
            b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources"
            b" << /Font << /F1 3 0 R >> /XObject << /X %d 0 R >> >>" % (11 + level),
        )
    return pdf(objects)
