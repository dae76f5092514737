"""A paragraph's first line after a closed one is no headline when its marks explain its width.

A justified column prints a mark in half an em to a full em, as the line needs: a
paragraph's first line, two ems in, and the full line under it may count two ems
apart or none, by how the marks are counted. `lineends._first_over_inner` reads the
widths under both counts (issue 12). The pages are cut from the shapes of
LibreOffice's and Typst's pages in PDFium's text (bench/structure.py,
office-pdfium 402, typeset-pdfium 1582 and 1545).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

# LibreOffice compresses marks: a line of 14 characters with one mark, under lines
# of 14 to 16 with three or four, fills the column.
OFFICE = [
    "工行以多种方式支持国企改革",
    "新华社武汉1月19日电",
    "当前，在一些行政职能部门",
    "出现了一种怪现象，即在行政执",
    "法过程中，实行所谓有偿“服",
    "务”、创收“经营”，使一些行政职",
    "能染上了浓重的“商品”味。其表",
    "现形式多种多样，有的层层设",
    "卡，盖个章要收手续费，领张表",
    "要收劳务费，出个证明要收“中",
    "介费”。原本一道手续可以解决",
    "的问题变成两道，原本一个章的",
    "表格变成一双，原本由基层联系",
    "实际、因地制宜解决的事情现在",
    "要“统一规划”、“统筹安排”。",
    "行政职能商品化的动因各种",
    "各样，有的是由于单位领导曲解",
    "“以经济建设为中心”，把“以经济",
    "建设为中心”当成行业开展有偿",
    "“服务”、为部门“创收”的挡箭",
    "牌；有的是从单位“小团体”利益",
    "出发，谋私利，在“有权不用，",
    "过期作废”的错误思想指导下，",
    "干起“靠山吃山，靠水吃水”，利",
    "用行政权力谋私利的勾当，等",
    "等。",
]

# Typst squeezes some marks and not others: `首先，用“正”，体现了` and `其次，用“正”，寄托了对`
# are first lines.
TYPST = [
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
    "其次，用“正”，寄托了对",
    "被选举者的崇高希望和良好祝",
    "愿。孔子说：“政者，正也，子帅",
    "以正，孰敢不正？”其意语重心",
    "长。欧阳修说：“正者，所以正",
    "天下之不正也。”如果说孔夫子",
    "意思是从政者要率先垂范、以",
    "身作则来影响世界，那么欧阳",
    "夫子则重点呼吁为官者要铁面",
    "无私、匡正不平。两者异曲同",
    "工，都希望“政者”“正”，正",
]

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


def test_a_first_line_with_compressed_marks_stays_in_its_story() -> None:
    page = parse_text("\r\n".join(OFFICE))
    assert [item.headline for item in page.items] == ["工行以多种方式支持国企改革"]
    assert [p[:12] for p in page.items[0].paragraphs] == [
        "当前，在一些行政职能部门",
        "行政职能商品化的动因各种",
    ]


def test_a_first_line_with_squeezed_marks_stays_in_its_story() -> None:
    page = parse_text("\r\n".join(TYPST))
    assert [item.headline for item in page.items] == ["斯德哥尔摩：’９８欧洲文化首都"]
    assert [p[:12] for p in page.items[0].paragraphs] == [
        "在我国，不知从何时起，凡",
        "首先，用“正”，体现了公",
        "其次，用“正”，寄托了对",
    ]


def test_a_headline_over_a_first_line_set_in_still_starts_a_story() -> None:
    page = parse_text("\r\n".join(HEADED))
    assert [item.headline for item in page.items][-1] == "马耳他总理会见钱其琛"
    assert page.items[-1].paragraphs[0].startswith("文化部艺术局副局长戴英禄")


def test_a_line_set_in_by_a_space_still_starts_a_story() -> None:
    # A story-start hint (pagegen's leading space) outweighs the widths.
    lines = [*OFFICE[:15], " " + OFFICE[15], *OFFICE[16:]]
    page = parse_text("\n".join(lines))
    assert [item.headline for item in page.items] == [
        "工行以多种方式支持国企改革",
        "行政职能商品化的动因各种",
    ]
