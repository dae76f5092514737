"""Column gutters narrowed by a mark hung into them, as XeTeX's multicols sets them.

Two columns' first lines on one baseline are two lines when the rows around show the
gutter white. A byline in another face centred over both columns prints across it and
shows nothing of the body's gutter; a row that ends in a mark squeezed a little
further out shows the column's edge, as the hung mark does.
"""

from __future__ import annotations

from handset import texts

from reader.importing.glyphs import Glyph


def _run(text: str, x: float, baseline: float, size: float = 9.0, **kw: int) -> list[Glyph]:
    """One glyph an em, starting at `x`."""
    return [
        Glyph(c, x + i * size, x + (i + 1) * size, baseline - 0.25 * size,
              baseline + 0.75 * size, baseline, size, **kw)
        for i, c in enumerate(text)
    ]  # fmt: skip


def _mark(char: str, x: float, baseline: float, size: float = 9.0) -> list[Glyph]:
    top, bottom = baseline + 0.75 * size, baseline - 0.25 * size
    return [Glyph(char, x, x + size, bottom, top, baseline, size)]


def test_a_byline_in_another_face_over_two_columns_does_not_hide_their_gutter() -> None:
    # tex whole-article 422: 编者按 opens the left column, indented, its line ending in a
    # comma hung into the gutter; the right column's first line sits on the same baseline.
    glyphs = _run("事在人为", 145.3, 253.1, 15.0, weight=700, face=1)
    glyphs += _run("记吉林市电力器材有限公司", 113.9, 238.6, weight=700, face=1)
    glyphs += _run("本报记者张玉来", 144.0, 224.1, face=3)
    glyphs += _run("编者按一家小厂白手起家迅", 60.3, 203.3) + _mark("，", 168.3, 203.3)
    glyphs += _run("两年时间企业总资产便达到七千", 180.4, 203.3)
    for baseline, right in ((188.5, 180.4), (173.7, 180.4), (159.0, 198.4)):
        glyphs += _run("靠的是领导者率先垂范没有好的", 36.0, baseline)
        glyphs += _run("八万元全员劳动生产率四五万", right, baseline)
    lines = texts(glyphs)
    assert "编者按一家小厂白手起家迅，" in lines
    assert "两年时间企业总资产便达到七千" in lines


def test_a_row_ending_in_a_squeezed_mark_shows_the_column_edge_a_hung_one_ends_at() -> None:
    # tex whole-article 427: the middle column's first line ends in a full stop, the
    # next column's first line starts 6 pt after its box; two rows down, a line ends in
    # a full stop squeezed to half its em whose ink reaches a little further out. (The
    # headline over both prints across the strip between the boxes: no gutter there.)
    glyphs = _run("汕头电视录像剪彩省力省财", 62.4, 354.8, 23.8, weight=700)
    glyphs += _run("剪彩前后仅用约四分钟", 161.0, 329.9, 10.0) + _mark("。", 261.0, 329.9, 10.0)
    glyphs += _run("物力财力提高了工作", 277.0, 329.9, 10.0)
    glyphs += _run("电视录像剪彩的形式博", 166.0, 313.0, 10.0) + _run("效率", 277.0, 313.0, 10.0)
    glyphs += _run("式博得了各级领导和交", 166.0, 296.1, 10.0) + _run("侯伟生", 290.4, 296.1, 10.0)
    glyphs += _run("海内外嘉宾的交口称赞", 162.8, 279.3, 10.0)
    glyphs += [Glyph("。", 262.8, 266.8, 276.8, 286.8, 279.3, 10.0)]
    lines = texts(glyphs)
    assert "剪彩前后仅用约四分钟。" in lines
    assert "物力财力提高了工作" in lines
