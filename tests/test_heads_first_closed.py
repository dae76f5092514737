"""A headline over a paragraph whose first line ends at a full stop (issue 12, round 14).

Text of TeX and Typst pages as PDFium and MuPDF write it (`bench/structure.py`,
tex-pdfium 269, typeset-realmupdf 742): a story's headline (`那片还没有长出的`)
follows the last line of the story above, and the next story's first line,
set two ems in, closes a sentence at its end (`充分发挥教育的功能。`). A line that
closes was read as the paragraph's last, so the headline became that
paragraph's first line, the story was lost into the one above. The lines below
fill the column, so the closed line is a first line, not a last one (branch
`heads16`).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

ABOVE = [
    "制出“复方脑栓２号”和“脑",
    "栓通”等药品，扩大了这一方",
    "法的治疗范围。这种治疗方",
    "法的原理是，通过压力把药",
    "物从颈内动脉注入脑部，在",
    "病变局部发挥最大效力，改",
    "善脑神经的微循环，改善脑",
    "细胞的缺氧缺血状况。大部",
    "分病人治疗后，脑ＣＴ都有",
    "了明显改变。",
]
BODY = [
    "充分发挥教育的功能。",
    "教育对于提高国民素质主要",
    "有三个方面的作用：一是推",
    "广和普及科学文化知识。随",
    "着生产规模的日趋扩大和科",
    "学技术的广泛应用，劳动的",
    "复杂程度明显增加。",
]


def _items(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    page = parse_text("\n".join(lines) + "\n")
    return [(item.headline, list(item.paragraphs)) for item in page.items]


def test_the_headline_over_a_first_line_that_closes_starts_a_story() -> None:
    items = _items(["用颈内动脉药物推注法治疗脑血栓", *ABOVE, "那片还没有长出的", *BODY])
    assert items[-1] == ("那片还没有长出的", ["".join(BODY)])
    assert items[0][1][-1].endswith("了明显改变。")


def test_a_two_line_paragraph_over_an_indented_one_stays_a_paragraph() -> None:
    # The line under the closed one is set in: that closed line ended its paragraph.
    two = ["同日该县召开表彰大会", "二十名干部受到表彰。"]
    rest = ["教育对于提高国民素", *BODY[2:]]
    items = _items(["用颈内动脉药物推注法治疗脑血栓", *ABOVE, *two, *rest])
    assert len(items) == 1
    assert "".join(two) in items[0][1]


def test_a_last_line_over_a_wider_columns_text_stays_in_its_paragraph() -> None:
    # tex-pdfium 201: `…在内的任何冲突发生。` closes a paragraph of an 11-em column, and
    # the next column's text (12 ems) runs on under it: its lines are no stack.
    para = [
        "谢瓦尔德纳泽同时指",
        "出，独联体国家领导人应",
        "该为加强独联体各国人",
        "民之间的友谊作出共同努",
        "力，避免包括民族和宗教",
        "在内的任何冲突发生。",
    ]
    wider = [
        "江泽民同志在十五大报告中",
        "指出马克思主义是科学它始",
        "终严格地以客观事实为依据",
        "办事。",
    ]
    items = _items(["天气趋势分析", *para, *wider])
    assert [headline for headline, _ in items] == ["天气趋势分析"]
    assert "".join(items[0][1]) == "".join(para + wider)
