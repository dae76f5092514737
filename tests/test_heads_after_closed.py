"""A line of characters after a closed one, over a line set in, is a headline (issue 12).

`东移出我国大陆。` / `试验基因疗法治心脏病` / `美国医学研究人员日`: TeX sets a paragraph
in by an em and a half and the headline is nearly as wide as the column, so it looked
like a line of the paragraph above. Were it one, it would be that paragraph's last (a
paragraph starts under it), and it closes nothing (`lineends._after_closed`). Cut
from TeX's whole-article page in PDFium's text (bench/structure.py, whole-tex-pdfium
405).
"""

from __future__ import annotations

from pagelines import items_of

ABOVE = [
    "老一辈无产阶级革命家",
    "光荣传统，弘扬周恩来培",
    "育的『兢兢业业，忠于职",
    "守；艰苦奋斗，廉洁奉公；",
    "严肃认真，谦虚谨慎』的工",
    "作作风的需要，而且对于",
    "深化行政管理体制改革，",
    "建立『办事高效、运转协",
    "调、行为规范』的行政管",
    "理体系，建设廉洁、高效、",
    "务实、文明、人民满意的",
    "公务员队伍等具有重要",
    "的现实意义。",
    "天气趋势分析",
    "据中央气象台提供的",
    "信息：从昨天起，华北、黄",
    "淮等地出现小到中雪或雨",
    "夹雪；南方出现大范围的",
    "小到中雨、部分地区大雨",
    "的天气。预计，１４日晚上",
    "到１５日，华北南部、黄",
    "淮地区仍将有小到中雪，",
    "汉水流域、江淮地区将有",
    "小到中雨或雨夹雪，江南",
    "和华南地区有小到中雨，",
    "局部地区有大雨。自１５",
    "日起，上述降水区将逐渐",
    "东移出我国大陆。",
]
STORY = [
    "试验基因疗法治心脏病",
    "美国医学研究人员日",
    "前宣布，他们正在试验将",
    "基因注入心脏动脉阻塞",
    "患者的心脏里，以观察注",
    "入的基因是否能促使心",
    "脏生长出新的动脉血管。",
]


def test_a_headline_as_wide_as_the_column_after_a_closed_paragraph() -> None:
    items = items_of(ABOVE + STORY)
    story = next(it for it in items if it.get("headline") == "试验基因疗法治心脏病")
    assert story["paragraphs"][0].startswith("美国医学研究人员日前宣布")
    above = next(it for it in items if it.get("headline") == "天气趋势分析")
    assert above["paragraphs"][-1].endswith("东移出我国大陆。")


def test_a_full_line_that_closes_no_sentence_under_an_open_one_runs_on() -> None:
    # The same line after a line that does not close is an inner line of its paragraph.
    lines = [*ABOVE[:-1], "东移出我国大陆，将会", "试验基因疗法治心脏病", *STORY[1:]]
    assert not any(it.get("headline") == "试验基因疗法治心脏病" for it in items_of(lines))
