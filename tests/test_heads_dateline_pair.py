"""A headline over a dateline ends where it stands, whatever pair the break makes.

`美国发行虎年邮票` / `据新华社纽约１月７日电`: 票据 is a word the corpus's body text
holds together, so `lineends._word_runs_on` read the headline as a line that breaks
the word over a full line, and the story joined the one above (issue 12). A dateline
opens a paragraph: nothing runs on into it. Cut from Typst's whole-article page in
PDFium's text (bench/structure.py, whole-typeset-pdfium 433).
"""

from __future__ import annotations

from pagelines import items_of

ABOVE = [
    "新亚欧大陆桥集装箱",
    "运数激增",
    "近日从江苏连云港传来喜",
    "讯，１９９７年，东起我国连",
    "云港，西至荷兰鹿特丹的新亚",
    "欧大陆桥共完成过境国际集装",
    "箱运输３００１６标准箱，超",
    "过前４年的总和。",
    "新亚欧大陆桥全长１０９",
    "００多公里，开通５年来，过",
    "境国际集装箱运输共完成４２",
    "５０２标准箱，货物分属１０",
    "多个国家和地区。（龚永泉）",
]
STORY = [
    "美国发行虎年邮票",
    "据新华社纽约１月７日电",
    "记者丁宝忠报道：中国阴历牛",
    "年才到腊八，虎年邮票就已在",
    "美国邮市发行。",
    "新邮票是６日开始在全美",
    "正式上市的。邮票面值３２美",
    "分，等于美国国内平信邮资。",
    "票体呈长方形，绿色为底。以",
    "剪纸形式出现的一只毛色浅黄",
    "的老虎斜伏于中央。",
]


def test_a_headline_over_a_dateline_heads_its_story() -> None:
    items = items_of(ABOVE + STORY)
    story = next(it for it in items if it.get("headline") == "美国发行虎年邮票")
    assert story["paragraphs"][0].startswith("据新华社纽约１月７日电")
    above = next(it for it in items if it.get("headline") == "新亚欧大陆桥集装箱运数激增")
    assert above["paragraphs"][-1].endswith("多个国家和地区。（龚永泉）")


def test_a_line_that_breaks_a_word_over_a_full_line_still_runs_on() -> None:
    # The same break over text that is no dateline: 票|据 holds the word together.
    lines = [*ABOVE, "这次发行的纪念邮票", "据说是美国邮政总局连续第", *STORY[2:]]
    assert not any(it.get("headline") == "这次发行的纪念邮票" for it in items_of(lines))
