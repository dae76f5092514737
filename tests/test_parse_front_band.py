"""A front page whose band stacks date, masthead and `第1版` on lines of their own.

PDFium writes WeasyPrint's front page so: the band is three printed lines, not one
line in pieces. The body's marks are set at full width, so no extractor wrote its
lines in pieces, and a paragraph's short last line (`点。`) over the next one's
indented first line (`“设置警长公开栏，`) must stay two paragraphs, though the two
add up to the column under squeezed widths. A page whose marks are squeezed keeps
its pieces joined after the same band (MuPDF's shape of a Typst front page).
"""

from __future__ import annotations

from reader.parse.pieces import may_hold_pieces
from reader.parse.stories import parse_text

_BAND = "1998年1月4日 星期日\n人民日报\n第1版\n"

# One column of 12 ems, every mark a full em (lines inside paragraphs: 12 characters).
_FULL_MARKS = """\
社会各界踊跃捐赠
本报记者 何强
今年以来，镇上的派出
所把警务公开当作一件大事，
先后在街口、车站、市场等
地设立了公开栏，又在每个
村里选出了联络员，为外地
游客报警提供方便，增强了
人们的安全感，这成为派出
所警务改革的工作重
点。
“设置警长公开栏，
既能增强群众的法律意识，
又能督促干警尽职尽责，以
此促进群防群治。”所长这
样说。
"""


def _paragraphs(text: str) -> list[str]:
    return [p for item in parse_text(text).items for p in item.paragraphs]


def test_band_alone_is_no_sign_of_pieces_when_marks_are_full_width() -> None:
    text = _BAND + _FULL_MARKS
    assert not may_hold_pieces(text)
    paragraphs = _paragraphs(text)
    assert any(p.endswith("改革的工作重点。") for p in paragraphs)
    assert any(p.startswith("“设置警长公开栏，") for p in paragraphs)


# The same band over a column of 12 ems set with squeezed marks, as MuPDF writes it:
# `庆气氛。` / `《贺新年…` is one printed line in two pieces.
_SQUEEZED = """\
大会堂里悬挂着“高举
邓小平理论伟大旗帜，把建
设有中国特色社会主义事业
全面推向二十一世纪”的巨
大红色横幅，表达了各界群
众在党的十五大精神指引下
开拓前进的共同心愿。
今天的晚会内容丰富，
形式多样，异彩纷呈，到处是
笑语欢歌，洋溢着节日的喜
庆气氛。
《贺新年欢庆十五大
京剧联唱》拉开了文艺演出
的序幕。舞蹈表演热情奔放，
如鲜花竞开，表达了各界群
众的美好祝愿。
"""


def test_band_alone_still_shows_pieces_when_marks_are_squeezed() -> None:
    text = _BAND + "首都各界欢庆新年\n" + _SQUEEZED
    assert may_hold_pieces(text)
    assert any("庆气氛。《贺新年欢庆十五大京剧联唱》" in p for p in _paragraphs(text))
