"""Hand-placed glyphs for tests of PDF import: lines set one em a character."""

from __future__ import annotations

from reader.importing.glyphs import Glyph, body_size, segments

BODY = 10.0


def line(
    text: str, x: float, baseline: float, size: float = BODY, weight: int = 400
) -> list[Glyph]:
    """Glyphs of one line, one em apart, boxes as PDFium's loose boxes."""
    return [
        Glyph(c, x + i * size, x + (i + 1) * size, baseline - 0.25 * size, baseline + 0.75 * size,
              baseline, size, weight)
        for i, c in enumerate(text)
    ]  # fmt: skip


def texts(glyphs: list[Glyph]) -> list[str]:
    """The segments' texts the import makes of `glyphs`."""
    return [s.text() for s in segments(glyphs, body_size(glyphs))]
