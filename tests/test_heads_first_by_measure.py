"""A headline over a paragraph of two lines: the block's measure shows the next line set in.

`第一次打工的经历` / `我第一次出外打工，是在` / `大连。`: the paragraph under the
headline closes on its second line, so the lines below it show no column and the
headline read as the paragraph's first line; the story joined the one above and its
headline matched the next story's truth (issue 12). The block's measure shows the
line under it two ems in: it begins the paragraph (`lineends._first_by_measure`).
Cut from Typst's whole-article page in PDFium's text (bench/structure.py,
whole-typeset-pdfium 430).
"""

from __future__ import annotations

from pagelines import items_of

ABOVE = [
    "大石牌国产保龄球道受",
    "好评",
    "本报讯中国体育事业的发",
    "展，离不开体育器材的国产化。",
    "日前，中国明星足球队和中国",
    "体育金牌队在北京圆山大酒店",
    "由北京海燕—优美加体育器材",
    "有限公司生产的大石牌 ＤＳ",  # noqa: RUF001 (the page prints it so)
    "９７电脑控制全自动国产保龄",
    "球道上进行了一场迎新春联谊",
    "赛，这种高质量的国产球道受",
    "到参赛者的一致好评。",
    "比赛前，中华体育基金会",
    "向海燕公司总经理王大石先生",
    "赠送了锦旗和纪念品。",
]
STORY = [
    "第一次打工的经历",
    "我第一次出外打工，是在",
    "大连。",
    "好不容易才揽到一桩室",
    "内装修活。这桩活是一个姓丁",
    "的南方人从一个工头手中揽",
    "下的，我和哥哥只是跟着丁某",
    "干。工钱共计３０００元，装",
    "修是在６楼。我们做门、做床、",
    "打家具等，直到晚上１１点多",
    "钟才结束劳动。",
]


def test_a_headline_over_a_two_line_paragraph_heads_its_story() -> None:
    items = items_of(ABOVE + STORY)
    story = next(it for it in items if it.get("headline") == "第一次打工的经历")
    assert story["paragraphs"][0] == "我第一次出外打工，是在大连。"
    above = next(it for it in items if it.get("headline") == "大石牌国产保龄球道受好评")
    assert (
        above["paragraphs"][-1]
        == "比赛前，中华体育基金会向海燕公司总经理王大石先生赠送了锦旗和纪念品。"
    )


def test_a_first_line_an_em_short_stays_its_paragraphs() -> None:
    # TeX sets a paragraph's lines an em short: a first line of 10 ems in 13 over a
    # line set in is no headline (`荣毅仁还向客人介绍了`, whole-tex-pdfium 419).
    lines = [*ABOVE, "赛后王大石先生还亲手", "把纪念品送给了每一位参", "赛的球员。", *STORY[3:]]
    assert not any(it.get("headline") == "赛后王大石先生还亲手" for it in items_of(lines))
