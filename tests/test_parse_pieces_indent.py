"""A paragraph's indented first line that MuPDF wrote in pieces (issue 12 round 10).

`金正日还强调：` / `“农业` / `是解决…`: the first line of a paragraph, set in by the
indent, broken by MuPDF where the squeezed `：“` set the pen back. Its pieces fill
the column less the indent, not the whole column. Text made up for these tests.
"""

from __future__ import annotations

from test_parse_mupdf import _SPLIT_COLUMN

from reader.parse.pieces import rejoin_pieces
from reader.parse.stories import parse_text
from reader.parse.text import page_lines

# A paragraph of full 12-em lines between the pieces above and the case below.
_FULL = """\
晚会结束时，全场起立，
高唱《歌唱祖国》，歌声久久
回荡在大会堂里，人们依依
不舍地离开会场，走进了北
京冬夜的寒风之中。
"""


def _paragraphs(text: str) -> list[str]:
    return [p for item in parse_text(text).items for p in item.paragraphs]


def test_an_indented_first_line_in_pieces_is_joined() -> None:
    text = (
        _SPLIT_COLUMN
        + _FULL
        + "主持人激动说：\n“今天\n的晚会是一次团结的大会，\n也是一次胜利的大会。”\n"
    )
    paragraphs = _paragraphs(text)
    assert paragraphs[-1] == "主持人激动说：“今天的晚会是一次团结的大会，也是一次胜利的大会。”"


def test_a_line_ending_in_a_colon_over_a_full_quoted_line_is_no_piece() -> None:
    # The next paragraph's first line is no piece: with the line before, it overfills.
    text = (
        _SPLIT_COLUMN + _FULL + "主持人激动说：\n“今天的晚会是一次团结\n的大会，也是胜利的大会。”\n"
    )
    lines = [line.strip() for line in rejoin_pieces(page_lines(text)) if line.strip()]
    assert lines[-3:] == ["主持人激动说：", "“今天的晚会是一次团结", "的大会，也是胜利的大会。”"]
