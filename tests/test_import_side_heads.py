"""Two stories side by side, their headlines at about one height (Writer, whole-article
page 426): a headline in two lines over one column, and one over two columns with a line
set over both under it (a post and a name) and white space before the text. The right
story's column tops lie further under its headline than the left headline's last line
lies over them; the line over them tells whose they are."""

from __future__ import annotations

from handset import line

from reader.importing.glyphs import Glyph
from reader.importing.reading_order import layout
from reader.importing.typography import is_byline

BODY = "经济增长趋势预示美国新兴"


def _page() -> list[Glyph]:
    glyphs = line("新亚欧大陆桥集装", 0.0, 700.0, 13.0, 700)
    glyphs += line("箱运数激增", 0.0, 684.0, 13.0, 700)
    glyphs += line("公平税负增强国力", 130.0, 695.0, 18.5, 700)
    glyphs += line("国家税务总局党组书记副局长项怀诚", 155.0, 672.0)
    glyphs += line("近日从江苏连云港传", 20.0, 660.0)
    glyphs += line("今年人民日报推出", 140.0, 650.0)
    glyphs += line("面负有更重要的使命积极", 240.0, 650.0)
    for k in range(1, 7):
        glyphs += line(BODY[:11], 0.0, 660.0 - 17.0 * k)
        glyphs += line(BODY[:11], 120.0, 650.0 - 17.0 * k)
        glyphs += line(BODY[:11], 240.0, 650.0 - 17.0 * k)
    return glyphs


def test_a_headline_s_columns_under_a_line_over_them_are_not_the_left_story_s() -> None:
    texts = [t.strip() for t in layout(_page(), (), is_byline).texts]
    assert "新亚欧大陆桥集装箱运数激增" in texts
    assert "公平税负增强国力" in texts
    left = texts.index("新亚欧大陆桥集装箱运数激增")
    right = texts.index("公平税负增强国力")
    # The left story's text follows its headline, before the right story's headline.
    assert texts[left + 1] == "近日从江苏连云港传"
    assert texts.index("今年人民日报推出") > right
