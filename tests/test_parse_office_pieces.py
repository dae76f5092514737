"""LibreOffice's pages show no pieces: a paragraph's short last line and the next one's
first line opening a quote stay two paragraphs (issue 12, round 14).

MuPDF writes LibreOffice's header band a cell a line (`3` / `国际` / date / editor),
as it writes TeX's, but the band keeps its spaces (`1998年1月19日 星期一`): Writer
set them as characters, and MuPDF splits none of its lines at a squeezed mark.
"""

from __future__ import annotations

from reader.parse.pieces import may_hold_pieces
from reader.parse.stories import parse_text

BODY = [
    "一场雪不仅仅是一场雪",
    "加强社会主义礼貌建设，有",
    "些认识问题有待进一步解决。",
    "“礼貌不过是形式，过分强",
    "调礼貌是不是舍本逐末呢？”礼",
    "貌是一种形式，但又不仅仅是形",
    "式，而是社会主义精神文明建设",
    "中不可缺少的重要组成部分。为",
    "了提高人们的思想道德水平，形",
    "成良好的人际关系，维护社会的",
    "安定团结，只是进行礼貌教育当",
    "然是不够的，还必须加强理想教",
    "育、道德教育、文化教育、纪律",
    "教育、法制教育，并且把这几个",
    "方面紧密地有机地结合起来。",
    "不文明不礼貌的言行，我们的领",
    "导干部应当予以教育和引导，而",
    "不是去迁就和迎合，更不应欣赏",
    "和鼓励。有少数领导干部言行粗",
    "鲁，张口闭口都要带上“国骂”，",
    "应当尽快改变才是，为了在全社",
    "会形成人人讲礼貌的良好风尚，",
    "领导干部应当以身作则，率先垂",
    "范。",
    "“现在提倡的许多文明礼貌",
    "用语，都是幼儿园和小学校的小",
    "孩学的，大人也要求学这些，是",
    "不是层次太低了呢？”不错，现",
    "在社会上很多行业都提倡礼貌。",
]
OFFICE_BAND = ["3", "国际", "1998年1月19日 星期一", "责任编辑 徐松"]
TEX_BAND = ["3", "国际", "1998年1月21日星期三", "责任编辑徐松"]


def test_a_band_that_keeps_its_spaces_shows_no_pieces() -> None:
    assert not may_hold_pieces("\n".join([*OFFICE_BAND, *BODY]))
    assert may_hold_pieces("\n".join([*TEX_BAND, *BODY]))


def test_a_short_last_line_and_a_quote_led_first_line_stay_two_paragraphs() -> None:
    page = parse_text("\n".join([*OFFICE_BAND, *BODY]))
    assert page.header == "3 国际 1998年1月19日 星期一 责任编辑 徐松"
    paragraphs = [p for item in page.items for p in item.paragraphs]
    assert any(p.endswith("率先垂范。") for p in paragraphs)
    assert any(p.startswith("“现在提倡的许多文明礼貌用语") for p in paragraphs)
