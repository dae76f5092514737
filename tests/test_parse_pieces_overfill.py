"""A paragraph's short last line and the next one's first line, no printed line (issue 12).

MuPDF writes a printed line in pieces where a squeezed mark set the pen back
(`庆气氛。` / `《贺新年…`); a paragraph's short last line over the next one's first
line, which opens with a quote, looks the same. Where the two together are wider
than any open line of the column with every mark squeezed, and the second is a
first line (the column less the indent), they are two lines (Typst 614 in
PyMuPDF's text: `表面。` / `“月球勘探者”号飞船`, 11.5 ems in an 11-em column).
Text made up for these tests.
"""

from __future__ import annotations

from test_parse_mupdf import _SPLIT_COLUMN

from reader.parse.pieces import rejoin_pieces
from reader.parse.stories import parse_text
from reader.parse.text import page_lines

# An 11-em column: the lines inside paragraphs are 11 ems, or 10.5 with a mark squeezed.
_COLUMN = """\
据介绍，这次发射的飞船
将在距月球表面约百公里
的轨道上运行一年，探测
月球两极地区是否存在水
冰，并绘制月球表面的重
力分布图和磁场分布图，
为载人登月提供依据。
若按预定计划正常运行，
飞船一年后将降入距月球
表面只有６英里高的低轨
道，完成任务后坠入月球
"""


def _paragraphs(text: str) -> list[str]:
    return [p for item in parse_text(text).items for p in item.paragraphs]


def test_a_short_end_and_a_first_line_wider_than_the_column_are_two_lines() -> None:
    text = (
        _SPLIT_COLUMN
        + _COLUMN
        + "表面。\n“月球勘探者”号飞船\n的这次飞行耗资低，全部\n开支为６３００万美元。\n"
    )
    paragraphs = _paragraphs(text)
    assert paragraphs[-2].endswith("完成任务后坠入月球表面。")
    assert paragraphs[-1] == "“月球勘探者”号飞船的这次飞行耗资低，全部开支为６３００万美元。"


def test_pieces_that_fit_the_column_stay_one_line() -> None:
    # `表面。` and `“月球勘探者”号飞` make 10.5 ems: a printed line of the column.
    text = (
        _SPLIT_COLUMN
        + _COLUMN
        + "表面。\n“月球勘探者”号飞\n船的这次飞行耗资低，全部\n开支为６３００万美元。\n"
    )
    paragraphs = _paragraphs(text)
    assert "坠入月球表面。“月球勘探者”号飞船的这次飞行耗资低，全部开支" in paragraphs[-1]


def test_a_note_too_short_to_open_a_paragraph_stays_with_its_line() -> None:
    # 11.5 ems in the 11-em column, but `（吴` cannot be a paragraph's first line, which
    # fills the column less the indent: so the pieces of a line a little overfull.
    text = _SPLIT_COLUMN + _COLUMN + "表面和背面改观明显。”\n（吴\n公剑王德厚）\n"
    paragraphs = _paragraphs(text)
    assert paragraphs[-1].endswith("坠入月球表面和背面改观明显。”（吴公剑王德厚）")


# The same column with a mark in every open line: 10.5 ems squeezed, 11 whole.
_MARKED = """\
据介绍，这次发射的飞船
将在距月球表面约百公，
的轨道上运行，一年探测
月球两极地区是否存在，
冰层，并绘制月球表面的
力分布图和磁场分布图，
为载人登月提供依据。
若按预定计划正常运行，
飞船一年后将降入距月，
球表面只有６英里高，低
道，完成任务后坠入月球
"""


def test_the_column_is_as_wide_as_its_narrowest_line_with_its_marks_whole() -> None:
    # `表面。` and `“月球勘探者号飞船` make 11 ems: wider than any open line squeezed
    # (10.5), but every one of them is 11 ems with its mark whole: one printed line.
    text = (
        _SPLIT_COLUMN
        + _MARKED
        + "表面。\n“月球勘探者号飞船\n的这次飞行耗资低，全部\n开支为６３００万美元。\n"
    )
    paragraphs = _paragraphs(text)
    assert "坠入月球表面。“月球勘探者号飞船的这次飞行耗资低" in paragraphs[-1]


def test_pieces_after_a_colon_stay_one_line() -> None:
    # A colon opens what follows: no paragraph ends on it, however wide the pieces.
    text = _SPLIT_COLUMN + _COLUMN + "者说：\n“月球勘探者”号飞船\n的这次飞行耗资低，全部\n"
    lines = [line.strip() for line in rejoin_pieces(page_lines(text)) if line.strip()]
    assert lines[-2:] == ["者说：“月球勘探者”号飞船", "的这次飞行耗资低，全部"]
