"""A paragraph's first line after a closed one is no headline when its marks explain its width.

A justified column prints a mark in half an em to a full em, as the line needs: a
paragraph's first line, two ems in, and the full line under it may count two ems
apart or none, by how the marks are counted. `lineends._first_over_inner` reads the
widths as the page measures them and with every mark a full em (issue 12). The
pages are cut from the shapes of Typst's pages in PDFium's text (bench/structure.py,
typeset-pdfium 1582 and 1545).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

# Typst squeezes some marks and not others: `首先，用“正”，体现了` is a first line. The
# page measures the marks squeezed from the lines of its other stories (cut from 50).
TYPST = [
    "势，但远未形成上下普遍认同",
    "的合理价格，随意性很大。在",
    "初始阶段，不甚合理的高价、",
    "低价现象虽不可避免，但应及",
    "时总结经验，制订出科学合理",
    "的价格。",
    "与此同时，购荒、治荒契",
    "约问题也应进一步规范。“四",
    "荒”治理速度、效益分析、分期",
    "验收及实行奖惩均需有根有",
    "据地做大量深入细致的工作，",
    "没有明确、规范的可操作性章",
    "程，难免放任自流。",
    "此外，必须明确国有土地",
    "和集体“四荒”地的界限，不能",
    "拍卖国有土地，严禁拍卖有林",
    "地，如在协议规定期限内，国",
    "家因开矿、修路等需要征用已",
    "开发的“四荒”地时，在予以",
    "合理补偿的同时，应有必要的",
    "手段加以保证。总之，开发治",
    "理“四荒”资源，利国利民，但",
    "必须遵守相关法律、法规和政",
    "策。",
    "（来源：工人日报）",
    "图为中华人民共和国是全国各族人民共同缔造的统一的多民族的社会",
    "主义国家，中华民族是由５６个兄弟民族共同组成的民族大家庭。在我",
    "们。（本报记者陶源明摄）",
    "斯德哥尔摩：’９８欧",
    "洲文化首都",
    "拾金不昧好少年",
    "本报记者 郭红雪 张鹏",
    "在我国，不知从何时起，凡",
    "是投票选举，就用“正”字唱",
    "票，“正”字记数。汉字浩如烟",
    "海，为何偏爱“正”字？专门家",
    "们会作出有价值的考证来，我",
    "只是“望文生义”，讲一点自己",
    "的看法和希望。",
    "首先，用“正”，体现了",
    "公民参选的民主公正。除去依",
    "法剥夺政治权利的人，凡中华",
    "人民共和国年满１８周岁的公",
    "民，不分民族、性别、职业、家",
    "庭出身、宗教信仰、教育程度、",
    "财产状况等，都有选举权和被",
    "选举权。众目睽睽之下，大庭",
    "广众面前，公布选民名单，公",
    "开进行选举。监票、投票、唱",
    "票、记票、总票，何其正也！",
]
FIRST = TYPST.index("首先，用“正”，体现了")

# A headline after a closed paragraph, over its story's first line set in.
HEADED = [
    "中央军委委员、总政治部主",
    "任于永波，对他为全军树立的",
    "榜样作了高度评价。他说，在发",
    "展社会主义市场经济条件下，",
    "党员领导干部怎样用好权、如何",
    "干事业的问题，为全军树立了榜",
    "样。",
    "马耳他总理会见钱其琛",
    "文化部艺术局副局长戴英",
    "禄、中国剧协党组成员石宏图、",
    "北京艺术研究所所长周传家、天",
    "津市艺术研究所副所长刘琦等指",
    "出，京剧有着丰厚的艺术遗产。",
]


def test_a_first_line_with_squeezed_marks_stays_in_its_story() -> None:
    page = parse_text("\r\n".join(TYPST))
    story = page.items[-1]
    assert story.headline == "斯德哥尔摩：’９８欧洲文化首都"
    assert [p[:12] for p in story.paragraphs] == [
        "在我国，不知从何时起，凡",
        "首先，用“正”，体现了公",
    ]


def test_a_headline_over_a_first_line_set_in_still_starts_a_story() -> None:
    page = parse_text("\r\n".join(HEADED))
    assert [item.headline for item in page.items][-1] == "马耳他总理会见钱其琛"
    assert page.items[-1].paragraphs[0].startswith("文化部艺术局副局长戴英禄")


def test_a_line_set_in_by_a_space_still_starts_a_story() -> None:
    # A story-start hint (pagegen's leading space) outweighs the widths.
    lines = [*TYPST[:FIRST], " " + TYPST[FIRST], *TYPST[FIRST + 1 :]]
    page = parse_text("\n".join(lines))
    assert [item.headline for item in page.items][-1] == "首先，用“正”，体现了"
