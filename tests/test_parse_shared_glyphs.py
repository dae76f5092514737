"""PDFium's text of a PDF whose font shares a glyph between two code points (issue 12 round 9).

xdvipdfmx maps Noto SC's centred `…` back to U+22EF `⋯` (and `·` to U+30FB, `①`-`⑩`
to U+2780-2789); PDFium writes what the ToUnicode map says. The text parser keeps the
characters as the file holds them (nothing lost, nothing invented; the index keeps
spans of the file) and reads `⋯` as the ellipsis it prints as.
"""

from __future__ import annotations

from reader.parse.stories import parse_text
from reader.parse.text import ends_sentence

HEAD = "专家研讨《人民子弟兵》"
# A paragraph whose last line ends in `⋯⋯`, then the next paragraph's indented line.
FIRST = [
    "这一天，天空忽然霹雳",
    "一声炸响，一个五光十色的",
    "彩团穿过滚滚乌云，落到如",
    "今云南东部的狮子山上⋯⋯",
    "云娇睁眼一看，自己已到凡",
    "间，坐在一块巨石上，四周",
    "树木葱郁，干云蔽日⋯⋯",
]
SECOND = [
    "云娇虽成了凡人，但她",
    "还有仙女神功。站在巨石上，",
    "她望见南海水浪滔滔，但从",
    "她脚下至南海二千多公里的",
    "地方，连条小溪都没有。",
]


def test_an_ellipsis_written_as_the_midline_one_closes_its_sentence() -> None:
    assert ends_sentence("树木葱郁，干云蔽日⋯⋯")
    assert ends_sentence("我真的好后悔⋯⋯”")
    assert not ends_sentence("树木葱郁，干云蔽日⋯⋯不")


def test_a_paragraph_ending_in_the_midline_ellipsis_ends_there() -> None:
    # `树木葱郁，干云蔽日⋯⋯` is short and closed: the paragraph ends, and the
    # full line `今云南东部的狮子山上⋯⋯` above it does not end its own.
    (item,) = parse_text("\n".join([HEAD, *FIRST, *SECOND])).items
    assert item.paragraphs == ("".join(FIRST), "".join(SECOND))


def test_the_shared_glyphs_are_kept_as_the_file_holds_them() -> None:
    lines = [HEAD, "纳赛尔・劳兹说，", *FIRST[:4], "➀农民的企盼⋯⋯"]
    page = parse_text("\n".join(lines))
    text = "".join(p for item in page.items for p in item.paragraphs)
    assert "⋯⋯" in text and "…" not in text
    assert "・" in text and "➀" in text


def test_a_caption_ending_in_an_ellipsis_keeps_it_and_gives_up_its_credit() -> None:
    # `…“国防后备军”⋯⋯（本报通讯员吴明摄）`: sentence text before the credit, not a
    # credit line; the ellipsis closes the caption's sentence.
    lines = [
        HEAD,
        *SECOND,
        "亲爱的读者，您有什么想法，请",
        "走进我们的“国防后备军”⋯⋯（本报通讯员吴明摄）",
        "全国政协举行迎春茶话会",
        *FIRST,
    ]
    caption = next(i for i in parse_text("\n".join(lines)).items if i.kind == "caption")
    assert caption.credit == "（本报通讯员吴明摄）"
    assert caption.paragraphs[-1].endswith("“国防后备军”⋯⋯")
