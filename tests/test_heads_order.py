"""Where a stack ends and its story's text begins in page text laid out by others (issue 12).

Each case is a shape found in PDFium's text of pages set by Typst, WeasyPrint and
XeLaTeX: a lead paragraph's first line under a byline, a paragraph that opens
with `———` under a stack, and a `———` line that PDFium writes one line early.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

CLOSED = [
    "远见电脑技术有限公司等立即同国",
    "家有关部门进行了字形转让和着手",
    "整改。但是，也有一些公司采取观",
    "望态度，对产品质量抽查结果置之",
    "不理，电译通、莱思康、信利、科",
    "苑、伟易达等不符合国家标准的产",
    "品仍在继续投放市场。",
]


def test_the_first_line_under_a_byline_opens_the_paragraph() -> None:
    # The line below counts an em short (`标，` did not fit) and a wider line after
    # it sets the column: the first line read as a headline under the byline.
    lead = [
        "纳扎尔巴耶夫建议，就新都的",
        "总体设计方案再进行一次国际招",
        "标，以吸引世界最优秀的建筑师设",
        "计出最理想的城市布局。他说，今年",
        "６月１０日将在阿克莫拉举行新都",
        "落成典礼。",
    ]
    stack = ["警钟，再次重重敲响", "——呼和浩特全民健身热浪高"]
    page = parse_text("\n".join([*CLOSED, *stack, "本报记者 刘鹏勇 沈鹏", *lead]))
    story = page.items[-1]
    assert (story.headline, story.subtitle) == tuple(stack)
    assert story.byline == "本报记者 刘鹏勇 沈鹏"
    assert story.paragraphs == ("".join(lead),)


def test_a_dateline_alone_stands_over_its_paragraph() -> None:
    lead = ["昨日公布的九届政协１１５", "名香港委员中，连任委员９３"]
    lead += ["名，新任委员２２名，包括香港工", "商、金融、专业、基层及宗教界人"]
    lead += ["士。今日香港各界对这份名单颇感", "兴趣。"]
    page = parse_text("\n".join([*CLOSED, "科龙：驶入绿色快车道", "本报重庆1月6日讯", *lead]))
    story = page.items[-1]
    assert story.headline == "科龙：驶入绿色快车道"
    assert "".join(story.paragraphs).endswith("".join(lead))
    assert not [item for item in page.items if item.headline == lead[0]]


def test_a_paragraph_that_opens_with_three_dashes_is_no_subtitle() -> None:
    # The corpus's subtitles open with `——`; `———` opens a paragraph of a list.
    body = ["———明确一把手负总", "责。１１年来，一直把计划生", "育工作作为“一把手工程”来"]
    body += ["抓，地委、行署每年召开计划", "生育工作专题会议。"]
    stack = ["贺岁影片《甲方", "乙方》票房火爆"]
    page = parse_text("\n".join([*CLOSED, "（据新华社电）", *stack, *body]))
    story = page.items[-1]
    assert story.headline == "贺岁影片《甲方乙方》票房火爆"
    assert story.subtitle is None
    assert story.paragraphs == ("".join(body),)


def test_a_dash_line_written_before_the_first_line_goes_back_under_it() -> None:
    # PDFium writes `———南斯拉夫队对俄罗斯` ahead of the indented first line it follows.
    printed = ["在水球赛最激烈的场次", "———南斯拉夫队对俄罗斯", "队比赛时，中国水球队主教练"]
    printed += ["彭绍荣扛着微型摄像机，边录", "像，边对着麦克风解说两队的", "战术配合特点。"]
    written = [printed[1], printed[0], *printed[2:]]
    stack = ["评说《潘汉年》", "——携带家乡酒"]
    page = parse_text("\n".join([*CLOSED, *stack, "本报记者 朱雪 唐涛", *written]))
    story = page.items[-1]
    assert (story.headline, story.subtitle) == tuple(stack)
    assert story.paragraphs == ("".join(printed),)


def test_a_dash_line_written_before_the_byline_goes_back_under_it() -> None:
    printed = ["———法检二长由人大常委", "会履行法律程序，先任党内职务，", "保证了及时到位。"]
    stack = "去年工商税收７５４８亿元全年增收１１１４亿元"
    written = [stack, printed[0], "本报记者彭桂", *printed[1:]]
    page = parse_text("\n".join([*CLOSED, *written]))
    story = page.items[-1]
    assert (story.headline, story.subtitle, story.byline) == (stack, None, "本报记者彭桂")
    assert story.paragraphs == ("".join(printed),)


def test_dash_lines_in_their_order_stay_so() -> None:
    # A dash line over the full line that continues it; over a line of marks set
    # full width (pagegen2), which counts no shorter than the dash line.
    listed = ["　　———完善计算机征税数", "据库，全面分析准确掌握税源、", "税收情况。"]
    listed += ["　　———建立商品归类数据", "库，强化商品归类工作，加强", "对商品的管理。"]
    quoted = ["活，但是我希望英国人民能", "从中体会到它所包容的含义", "———一种着眼于未来的和"]
    quoted += ["解、和平和希望。”此间分", "析家注意到，桥本是在英国", "首相布莱尔访日期间撰文。"]
    for lines in (listed, quoted):
        page = parse_text("\n".join([*CLOSED, *lines]))
        text = "".join(p for item in page.items for p in item.paragraphs)
        assert text.endswith("".join(line.strip("　") for line in lines))


def test_a_line_that_breaks_a_word_over_a_full_line_opens_no_story() -> None:
    # 执|行 and 洪|虎 are pairs the corpus's body text holds together: the lines run on,
    # though the line below each counts short of the column by its title marks or comma.
    japan = ["这次日方决定终止执", "行《韩日渔业协定》，目的是", "要同即将执政的金大中政府"]
    japan += ["重开渔业谈判，并力争在终", "止通告发出后的一年有效。"]
    soldier = ["说起来您或许不相信，宁洪", "虎放下背包不久，就干上了山东邹"]
    soldier += ["城市石油公司第二加油站站长。这", "个农村长大的孩子，没有背景。"]
    for body in (japan, soldier):
        page = parse_text("\n".join([*CLOSED, *body]))
        assert [item.headline for item in page.items] == [None]
        assert page.items[0].paragraphs[-1] == "".join(body)


def test_names_written_one_a_line_under_a_byline_are_the_byline() -> None:
    # MuPDF writes TeX's bylines a name a line: the names are neither the lead
    # paragraph's first line nor a stack; a `摄` after them makes a picture's credit.
    lead = ["当年红岩村的主人公，自是", "感情丰厚的伟大政治家。他把党", "的火热之情布洒给青年。"]
    stack = "长沙市着手整治所谓美容美发店"
    page = parse_text("\n".join([*CLOSED, stack, "本报记者", "张超桂", "马立", *lead]))
    story = page.items[-1]
    assert story.headline == stack
    assert "".join((story.byline or "").split()) == "本报记者张超桂马立"
    assert story.paragraphs == ("".join(lead),)
    credit = ["本报通讯员", "罗刚", "摄"]
    body = ["６０多岁的赵启文老人兴奋地", "拉着记者的手说：“我这一辈子", "还是第一次见记者呢！”"]
    page = parse_text("\n".join([*CLOSED, *credit, "昨夜寒风收尾去", *body]))
    assert page.items[-1].headline == "昨夜寒风收尾去"
    assert page.items[-1].paragraphs == ("".join(body),)
