"""Full-width digits that a page prints narrow (issue 12, round 17, `reader.parse.digits`).

Chromium's pages set with the fonts' `palt` feature print `１９６４` at about 0.6 em a
digit: a full line of a 13-em column holding four digits holds 15 characters. Counted an
em each, two such lines made the column 15 ems wide, every full line near them looked
short, and a paragraph seemed to end at each that closes a sentence (whole-chrome-pdfium
403: `…以探明头像是否被抛在海里。` / `这座举世闻名的美人鱼雕像的`).
"""

from __future__ import annotations

from reader.parse.lines import make_lines
from reader.parse.stories import parse_text

HEAD = "美人鱼雕像头部被窃"
NEXT = ["全国政协举行迎春茶话会", "据报道昆士兰大学已取得了", "关于亚硝化螺菌的专利。"]
START = [
    "哥本哈根警方昨日晨接到",  # indented: 11 of 13 ems
    "雕像遭破坏的报告后立即展开",
    "了调查警方认为窃贼是用一种",
    "特殊锯刀把这座青铜雕像的头",
    "部锯掉的潜水员随即对雕像周",
    "围的水域进行了搜索以探明头",
    "像是否被抛在海里当地人说。",  # closes a sentence at the full column
    "这座举世闻名的美人鱼雕像的",
]
END = ["是由于铸造雕像的模子保存完", "好美人鱼才得以恢复原形。"]


def _first(lines: list[str]) -> str:
    """The story's first paragraph."""
    return parse_text("\n".join([HEAD, *lines, *NEXT])).items[0].paragraphs[0]


def _widths(lines: list[str]) -> list[float]:
    return [line.width for line in make_lines(lines)]


def test_lines_of_narrow_digits_leave_the_column_its_measure() -> None:
    narrow = ["头部曾于１９６４年被人盗走了其", "胳膊又于１９８５年被人锯掉了只"]  # 15 characters
    lines = [*START, *narrow, *END]
    assert _widths(lines)[len(START)] == 13.4  # 11 ems and four digits at 0.6
    assert _first(lines) == "".join(lines)


def test_digits_an_em_wide_keep_their_em() -> None:
    # The same story where the digits take an em (Typst, TeX, Writer, most of Chromium's
    # pages): a full line of digits closing a sentence is no paragraph's short end.
    em = ["头部曾于１９６４年被人盗走", "胳膊又于１９８５年２月锯掉。"]
    em.append("只剩下一具残躯当地人都说但")
    lines = [*START, *em, *END]
    assert _widths(lines)[len(START)] == 13.0
    assert _first(lines) == "".join(lines)
