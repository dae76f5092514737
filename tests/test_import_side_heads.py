"""Two stories side by side, their headlines at about one height (Writer, whole-article
page 426): a headline in two lines over one column, and one over two columns with a line
set over both under it (a post and a name) and white space before the text. The right
story's column tops lie further under its headline than the left headline's last line
lies over them; the line over them tells whose they are."""

from __future__ import annotations

from handset import line

from reader.importing.glyphs import Glyph
from reader.importing.reading_order import layout
from reader.importing.typography import byline_row, is_byline

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


def _centred_page() -> list[Glyph]:
    """Typst's whole-article page 433: a headline a column wide over the second of its
    story's three columns (centred over all three, and flush over one), a post and a
    name under it; two columns right, a brief's headline wrapped onto a short line."""
    glyphs = line("要有拼的精神呢", 150.0, 705.0, 18.0, 700)
    glyphs += line("中共伊克昭盟委员会书记邢云", 150.0, 688.0)
    glyphs += line("吴仪率团出访斐济萨", 450.0, 702.0, 13.5, 700)
    glyphs += line("摩亚", 450.0, 684.0, 13.5, 700)
    glyphs += line("邢云一九五二年生大学", 30.0, 668.0)
    glyphs += line("伊克昭盟有丰富的资源", 180.0, 668.0)
    glyphs += line("公司一九九七年Ｂ股上市一", 300.0, 668.0)
    glyphs += line("据新华社北京一月十四", 480.0, 668.0)
    for k in range(1, 6):
        for x in (0.0, 150.0, 300.0, 450.0):
            glyphs += line(BODY + "趋", x, 668.0 - 14.0 * k)
    return glyphs


def test_a_headline_beyond_another_does_not_take_the_first_column_of_its_story() -> None:
    # The wrapped line (`摩亚`) is nearer the first column's top than the headline over
    # the story, but that headline stands between them: the column is not the brief's.
    texts = [t.strip() for t in layout(_centred_page(), (), is_byline, byline_row).texts]
    assert texts.index("要有拼的精神呢") < texts.index("邢云一九五二年生大学")
    assert "吴仪率团出访斐济萨摩亚" in texts
