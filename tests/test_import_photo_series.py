"""A numbered series of photos set as one story's paragraphs, each with its credit run
on (Writer, TeX, Chromium whole-article pages: `１、威风锣鼓庆丰收（孟仁泉摄）`): each
item starts indented, fills its line and wraps its credit back to the column's left
edge. The credit is the paragraph's last line, not a caption's credit ending the story."""

from __future__ import annotations

from handset import line

from reader.importing.glyphs import Glyph
from reader.importing.reading_order import layout
from reader.importing.structure import build
from reader.importing.typography import is_byline

SERIES = [
    ("１、威风锣鼓庆丰收", "（孟仁泉摄）"),
    ("２、瑞雪又报好年成", "（李永宏摄）"),
    ("３、雪山孤岛人心暖", "（新华社记者罗顺裕摄）"),
]


def _page(pulled: float) -> list[Glyph]:
    """The story in a column 11 ems wide; `pulled`: ems an opening bracket at the
    column's left edge is pulled into the margin (XeTeX pulls it half an em)."""
    glyphs = line("人民日报", 0.0, 700.0, 40.0, 900)
    glyphs += line("神州大地春来早", 0.0, 640.0, 13.0, 700)
    y = 620.0
    for item, credit in SERIES:
        glyphs += line(item, 20.0, y)  # nine ems: indented two, full to the edge
        glyphs += line(credit, -pulled * 10.0, y - 15.0)
        y -= 30.0
    glyphs += line("今年春节前后，各地", 20.0, y)
    glyphs += line("群众欢欢喜喜迎新春，处", 0.0, y - 15.0)
    glyphs += line("处洋溢着节日的气氛。", 0.0, y - 30.0)
    return glyphs


def test_a_credit_wrapped_from_a_numbered_photo_s_line_stays_in_its_paragraph() -> None:
    for pulled in (0.0, 0.5):
        built = build(layout(_page(pulled), (), is_byline), [])
        assert built is not None
        (story,) = built[0].items
        assert story.headline == "神州大地春来早"
        assert story.credit is None
        assert story.paragraphs[:3] == tuple(item + credit for item, credit in SERIES)
        assert story.paragraphs[3] == "今年春节前后，各地群众欢欢喜喜迎新春，处处洋溢着节日的气氛。"
