"""reader.importing.reading_order on hand-placed glyphs: lines, columns, headlines and hints."""

from __future__ import annotations

from handset import BODY, line

from reader.importing.reading_order import Glyph, page_text


def column(lines: list[str], x: float, top: float) -> list[list[Glyph]]:
    return [line(t, x, top - n * 14) for n, t in enumerate(lines)]


def test_columns_drawn_row_by_row_come_out_column_by_column() -> None:
    left = column(["甲一甲一甲一甲一", "甲二甲二甲二甲二", "甲三。"], 0, 500)
    right = column(["乙一乙一乙一乙一", "乙二乙二乙二乙二", "乙三。"], 100, 500)
    interleaved = [g for pair in zip(left, right, strict=True) for row in pair for g in row]
    assert page_text(interleaved).split("\n")[:6] == [
        " 甲一甲一甲一甲一",
        "甲二甲二甲二甲二",
        "甲三。",
        " 乙一乙一乙一乙一",  # no headline over both: each column may be its own story
        "乙二乙二乙二乙二",
        "乙三。",
    ]


def test_wrapped_headline_is_one_line_and_columns_under_it_need_no_hint() -> None:
    glyphs = line("长长的标题第一", 0, 600, 20) + line("行", 0, 574, 20)
    for block in column(["正文一正文一正文一", "正文二。"], 0, 540) + column(
        ["正文三正文三正文三", "正文四。"], 100, 540
    ):
        glyphs += block
    lines = page_text(glyphs).split("\n")
    assert lines[0] == " 长长的标题第一行"
    # The body's second column continues the story: no story-start hint there.
    assert "正文三正文三正文三" in lines
    assert " 正文一正文一正文一" in lines


def test_a_spaced_out_header_stays_one_line() -> None:
    glyphs = line("2", 0, 800) + line("要闻", 60, 800) + line("星期五", 200, 800)
    glyphs += column(["正文正文正文正文。"], 0, 760)[0]
    assert page_text(glyphs).split("\n")[0] == " 2 要闻 星期五"


def test_white_space_above_a_block_is_a_story_start_hint() -> None:
    glyphs = [g for row in column(["第一条消息内容。", "完。"], 0, 500) for g in row]
    glyphs += [g for row in column(["第二条消息内容。", "完。"], 0, 440) for g in row]
    assert page_text(glyphs) == " 第一条消息内容。\n完。\n 第二条消息内容。\n完。\n"


def test_fake_bold_is_read_once() -> None:
    glyphs = line("加粗标题", 0, 500, 20) + line("加粗标题", 0.3, 500, 20)
    assert page_text(glyphs) == " 加粗标题\n"


def test_latin_words_keep_their_spaces() -> None:
    glyphs = [
        Glyph(c, 5.0 * i + (3 if i >= 3 else 0), 5.0 * i + 5 + (3 if i >= 3 else 0), 0, 10, 2, BODY)
        for i, c in enumerate("abcdef")
    ]
    assert page_text(glyphs) == " abc def\n"
