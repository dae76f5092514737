"""Causes found on pages set by a real typesetting engine (issue 12), one test each.

Hand-placed glyphs in the shapes Typst gives with Noto SC fonts; the pages themselves
are scored in test_typeset_import.py and bench/structure.py.
"""

from __future__ import annotations

from dataclasses import replace

from handset import BODY, line, texts

from reader.importing.credits import caption_credit
from reader.importing.reading_order import Glyph, layout
from reader.importing.regions import columns
from reader.importing.structure import build
from reader.importing.typography import DATELINE, TypeLine, is_byline
from reader.model import Item


def test_a_mark_inside_a_line_does_not_split_it_where_the_rows_around_print() -> None:
    # A full-width comma keeps its em; its ink is in the left half, so the gap to the
    # next character looks like a gutter. The rows above and below print there.
    # Justification stretched the gap after the comma by a point.
    glyphs = (
        line("一二三四五六七八九十", 0, 500)
        + line("甲乙丙，", 0, 486)
        + line("丁戊己庚辛壬", 41, 486)
    )
    glyphs += line("子丑寅卯辰巳午未申酉", 0, 472)
    # Far down the page, narrow columns whose gutter lies right there.
    for baseline in (200, 186):
        glyphs += line("天地玄", 0, baseline) + line("黄宇宙", 42, baseline)
    assert texts(glyphs)[:3] == [
        "一二三四五六七八九十",
        "甲乙丙，丁戊己庚辛壬",
        "子丑寅卯辰巳午未申酉",
    ]


def test_a_mark_hung_into_a_gutter_still_ends_its_column() -> None:
    # Columns 100 pt wide, a 12 pt gutter; the comma hangs past the left column's edge
    # (its box reaches the next column), the rows around leave the gutter white.
    glyphs = line("一二三四五六七八九十", 0, 500) + line("子丑寅卯辰巳午未申酉", 112, 500)
    glyphs += line("甲乙丙丁戊己庚辛壬癸，", 0, 486) + line("天地玄黄宇宙洪荒日月", 112, 486)
    glyphs += line("一二三四五六七八九十", 0, 472) + line("子丑寅卯辰巳午未申酉", 112, 472)
    assert "甲乙丙丁戊己庚辛壬癸，" in texts(glyphs)
    assert "天地玄黄宇宙洪荒日月" in texts(glyphs)


def test_a_decimal_point_hung_and_a_quote_pulled_into_a_gutter_leave_it_a_gutter() -> None:
    # Columns 100 pt wide, an 11 pt gutter (Typst's, as on seed 23). A line ending
    # `１２．` hangs the full-width point past its column's edge; a line starting with
    # an opening quote pulls the quote half an em into the gutter. Neither joins the
    # two columns' lines into one.
    def full(baseline: float) -> list[Glyph]:
        left = line("一二三四五六七八九十", 0, baseline)
        return left + line("子丑寅卯辰巳午未申酉", 111, baseline)

    glyphs = full(500) + line("甲乙丙丁戊己庚辛１２．", 0, 486)
    glyphs += line("天地玄黄宇宙洪荒日月", 111, 486)
    glyphs += full(472) + full(400) + full(372)
    glyphs += line("一二三四五六七八九十", 0, 386) + line("“子丑寅卯辰巳午未申", 105.5, 386)
    got = texts(glyphs)
    assert "甲乙丙丁戊己庚辛１２．" in got
    assert "天地玄黄宇宙洪荒日月" in got
    assert "“子丑寅卯辰巳午未申" in got


def story(top: float) -> list[Glyph]:
    """A headline and a column of body text under it."""
    glyphs = line("标题在此", 0, top, 20, 700)
    for n in range(8):
        glyphs += line("正文正文正文正文正文。", 0, top - 30 - 14 * n)
    return glyphs


def test_a_header_row_on_its_middle_closed_by_a_rule_is_the_header() -> None:
    # A grid row aligned on its middle: the page number large, the section, the date
    # and the editor small, each on its own baseline; a rule across the page under it.
    glyphs = line("3", 0, 700, 24, 900) + line("理论", 30, 704, 16, 700)
    glyphs += line("1998年1月16日", 80, 707) + line("责任编辑：郭伟萍", 200, 707)
    glyphs += story(660)
    page = layout(glyphs, [(0.0, 694.0, 300.0, 695.5)])
    assert page.header == 1
    assert page.texts[0].split() == ["3", "理论", "1998年1月16日", "责任编辑：郭伟萍"]
    assert page.texts[1].strip() == "标题在此"


def test_a_masthead_and_its_date_band_over_a_rule_are_the_header() -> None:
    glyphs = line("人民日报", 60, 740, 48, 900)
    glyphs += line("1998年1月5日", 0, 712) + line("星期一", 120, 712) + line("第1版", 240, 712)
    glyphs += story(670)
    page = layout(glyphs, [(0.0, 704.0, 300.0, 705.2)])
    assert page.header == 2
    assert [t.strip() for t in page.texts[:2]] == ["人民日报", "1998年1月5日 星期一 第1版"]


def test_a_rule_under_a_story_is_no_header() -> None:
    glyphs = story(700) + story(500)
    page = layout(glyphs, [(0.0, 560.0, 300.0, 561.0)])
    assert "正文" not in "".join(page.texts[: page.header])


def test_a_byline_centred_over_three_columns_opens_none_of_them() -> None:
    # Headline and byline centred over a story of three columns; the byline sits in
    # the middle column's width. It is read after the headline, before any column.
    glyphs = line("标题在此处", 100, 700, 24, 700) + line("本报记者 王伟", 130, 664)
    for k in range(3):
        for n in range(6):
            glyphs += line("正文正文正文正文正文" if n < 5 else "正文。", 120 * k, 646 - 14 * n)
    page = layout(glyphs, (), is_byline)
    texts = [t.strip() for t in page.texts]
    assert texts[:3] == ["标题在此处", "本报记者 王伟", "正文正文正文正文正文"]
    assert texts.count("正文。") == 3
    # The columns under the byline are one story's: no story-start hint past the first.
    assert not any(t.startswith(" ") for t in page.texts[3:])


def test_a_bold_subtitle_centred_over_the_gutter_is_read_before_every_column() -> None:
    # Headline, a bold subtitle at body size and a byline, set tight and centred over
    # three columns: the subtitle straddles the first gutter. Both are read right
    # after the headline, before any column.
    glyphs = line("标题在此处标题", 90, 700, 24, 700) + line("副题在此副题在此副", 80, 686, 10, 700)
    glyphs += line("本报记者 王伟", 130, 674)
    for k in range(3):
        for n in range(6):
            glyphs += line("正文正文正文正文正文" if n < 5 else "正文。", 120 * k, 660 - 14 * n)
    page = layout(glyphs, (), is_byline)
    texts = [t.strip() for t in page.texts]
    assert texts[:4] == [
        "标题在此处标题",
        "副题在此副题在此副",
        "本报记者 王伟",
        "正文正文正文正文正文",
    ]
    assert texts.count("正文。") == 3


def test_a_headlines_centred_second_line_is_read_before_every_column() -> None:
    # A two-line headline centred over three columns (seed 24's geometry): the first
    # line spans them all, the short second one and the byline only the middle one.
    # Both still come before the first column, not after it.
    glyphs = line("韦德里纳外长访华前表示希望增进", 429, 937, 24.9, 700)
    glyphs += line("法中合作", 566, 911, 24.9, 700) + line("本报记者 萧松高勇", 571, 897, 10.5)
    for k in range(3):
        for n in range(6):
            text = "正文正文正文正文正文正" if n < 5 else "正文。"
            glyphs += line(text, 427 + 130.5 * k + (21 if n == 0 else 0), 884.5 - 12.9 * n, 10.5)
    # Noto SC's boxes as PDFium gives them: 0.12 em under the baseline, 0.88 over.
    glyphs = [
        replace(g, bottom=g.baseline - 0.12 * g.size, top=g.baseline + 0.88 * g.size)
        for g in glyphs
    ]
    texts = [t.strip() for t in layout(glyphs, (), is_byline).texts]
    assert texts[:2] == ["韦德里纳外长访华前表示希望增进法中合作", "本报记者 萧松高勇"]
    assert texts.count("正文。") == 3


def test_a_dateline_with_spaced_digits_is_a_dateline() -> None:
    # Typesetting sets a quarter em around digits; extraction keeps it as a space.
    assert is_byline("新华社北京1月 12日电")
    assert is_byline("本报上海 1 月 12 日讯")
    assert not is_byline("新华社北京1月12日电 记者从有关部门获悉，今年")


def built(glyphs: list[Glyph]) -> Item:
    """The one item structure.build makes of a page of glyphs."""
    result = build(layout(glyphs, (), is_byline), ())
    assert result is not None
    (item,) = result[0].items
    return item


def narrow_story(*stack: str) -> list[Glyph]:
    """A headline, lines under it in body type, two paragraphs in a 10-em column."""
    glyphs = line("标题在此", 0, 700, 20, 700)
    y = 676.0
    for text in stack:
        glyphs += line(text, 0, y)
        y -= 14
    for n, text in enumerate(["正文正文正文正文", "正文正文正文正文正文", "正文。"] * 2):
        glyphs += line(text, 20 if n % 3 == 0 else 0, y - 14 * n)
    return glyphs


def test_a_byline_wrapped_in_a_narrow_column_is_one_byline() -> None:
    item = built(narrow_story("本报记者 曾霞 通讯员 宋", "超磊"))
    assert item.byline == "本报记者 曾霞 通讯员 宋超磊"
    assert len(item.paragraphs) == 2


def test_a_byline_and_a_dateline_on_two_lines_are_the_byline() -> None:
    # The dateline ends about where the first line of the lead would: it stands alone
    # because the line under it is indented.
    item = built(narrow_story("本报记者 萧华芳", "本报上海1月17日讯"))
    assert item.byline == "本报记者 萧华芳 本报上海1月17日讯"
    assert item.paragraphs[0].startswith("正文")


def test_a_reporters_role_is_no_dateline() -> None:
    assert DATELINE.match("本报记者曾霞通讯员宋超磊") is None
    assert DATELINE.match("本报上海1月17日讯记者") is not None


def test_a_note_set_right_under_the_last_paragraph_is_its_own_last_paragraph() -> None:
    # Set apart like a source, but a note is text (`reader.parse.notes`): only a
    # `（来源：…）` line is the source.
    glyphs = narrow_story() + line("（据新华社电）", 30, 676 - 14 * 6)
    item = built(glyphs)
    assert item.source is None
    assert len(item.paragraphs) == 3 and item.paragraphs[-1] == "（据新华社电）"


def tline(x0: float, x1: float, top: float) -> TypeLine:
    return TypeLine("正文", False, BODY, False, x0, x1, top, top - BODY)


def test_a_short_line_over_a_gutter_joins_no_columns() -> None:
    # A byline centred over the gutter comes first; the columns are still two.
    lines = [tline(80, 140, 700)]
    for n in range(4):
        lines += [tline(0, 100, 686 - 14 * n), tline(120, 220, 686 - 14 * n)]
    col = columns(lines)
    assert len(set(col[1::2])) == 1 and len(set(col[2::2])) == 1
    assert col[1] != col[2]


def test_caption_credits_of_news_agencies_and_broken_before_the_date() -> None:
    caption = [["图为救灾物资运往那曲的情形。（新华社发）"]]
    assert caption_credit(caption) == ([["图为救灾物资运往那曲的情形。"]], ["（新华社发）"])
    lines = [["图为虎林园里的东北虎。", "本报通讯员 傅国", "摄于 1 月 26日"]]
    assert caption_credit(lines)[1] == ["本报通讯员 傅国摄于 1 月 26日"]
    lines = [["图为开馆仪式。", "本报通讯员 郭国启 摄", "于1月11日"]]
    assert caption_credit(lines) == ([["图为开馆仪式。"]], ["本报通讯员 郭国启 摄于1月11日"])


def test_a_line_set_across_two_columns_joins_neither() -> None:
    # A line as wide as both columns (a lead set across them) comes first.
    lines = [tline(0, 220, 700)]
    for n in range(4):
        lines += [tline(0, 100, 686 - 14 * n), tline(120, 220, 686 - 14 * n)]
    col = columns(lines)
    assert len(set(col[1::2])) == 1 and len(set(col[2::2])) == 1
    assert col[1] != col[2]
