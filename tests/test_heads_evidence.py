"""Headline stacks found by what the page around them shows (issue 12, typeset pages).

Each test is a cause found on Typst pages (tests/typesetgen.py): a stack after a
paragraph that a bracketed note closes, a story whose column is followed by a
wider one, a wrapped headline told from a stack of parts by where it breaks.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

# A 12-em column: full lines of 12 characters, a paragraph's first line 2 ems in.
BODY = [
    "江泽民对联邦快递公司来北",
    "京举行董事会表示欢迎，希望",
    "董事会成员通过访问更好地了",
    "解中国，并与中国有关公司共",
    "同探讨合作的机会。",
]
NOTE_END = [
    "我相信，能够生产导弹、火",
    "箭和人造卫星的民族，一定会",
    "生产出第一流的生活日用品的",
    "。（作者单",
    "位：光明日报）",
]


def test_a_stack_after_a_wrapped_bracketed_note_starts_a_story() -> None:
    page = parse_text("\n".join([*NOTE_END, "虎年来啦", *BODY]))
    assert [item.headline for item in page.items] == [None, "虎年来啦"]
    assert page.items[0].paragraphs[-1].endswith("（作者单位：光明日报）")


def test_a_wider_column_after_a_story_does_not_make_its_first_line_a_headline() -> None:
    story = [
        "我国将实行播音员主持",
        "人持证上岗制度",
        "男子比赛由黑龙江的孔令",
        "辉对江苏选手张勇，女子比赛",
        "由江苏的李菊对辽宁的王楠。",
        "１、元月１日，团中央、全国青联组织文艺界青联委员关牧村、姜昆",
        "名演员来到北京市儿童福利院与孤残少儿和全体员工联欢，共同度过",
        "一个欢乐愉快的节日。图为演员和孩子们在一起。（新华社发）",
    ]
    page = parse_text("\n".join(story))
    first = page.items[0]
    stack = (first.kicker or "") + (first.headline or "") + (first.subtitle or "")
    assert stack == "我国将实行播音员主持人持证上岗制度"
    assert first.paragraphs[0].startswith("男子比赛由黑龙江的孔令辉")


CLOSED = [*BODY, "为欢度虎年新春，中国京剧院", "在大会堂三楼小礼堂举行了专", "场演出。"]


def test_a_quoted_exclamation_under_a_headline_and_over_a_byline_is_its_subtitle() -> None:
    stack = ["三塚被迫提交辞呈桥本兼任大藏大臣", "“旅人！别泄气，别急着回去……”"]
    page = parse_text("\n".join([*CLOSED, *stack, "新华社北京1月12日电", *BODY]))
    assert page.items[-1].headline == "三塚被迫提交辞呈桥本兼任大藏大臣"
    assert page.items[-1].subtitle == "“旅人！别泄气，别急着回去……”"


def test_a_wrapped_quoted_headline_over_a_subtitle_is_the_headline() -> None:
    stack = ["“旅人！别泄气，别急", "着回去……”", "——旋转成一种民族气魄"]
    page = parse_text("\n".join([*CLOSED, *stack, *BODY]))
    assert page.items[-1].headline == "“旅人！别泄气，别急着回去……”"
    assert page.items[-1].subtitle == "——旋转成一种民族气魄"


def test_a_quoted_line_over_a_headline_stays_with_the_story_before() -> None:
    # The sample page's “俺老孙来也！”: dialogue that ends a story, not a kicker.
    page = parse_text("\n".join([*CLOSED, "“俺老孙来也！”", "徐汇完成数据登记", *BODY]))
    assert page.items[-1].kicker is None
    assert page.items[-1].headline == "徐汇完成数据登记"


def test_a_quoted_line_over_a_byline_is_a_headline() -> None:
    stack = ["“旅人！别泄气，别急着", "回去……”", "本报记者 刘海 通讯员 董雪强"]
    page = parse_text("\n".join([*CLOSED, *stack, *BODY]))
    assert page.items[-1].headline == "“旅人！别泄气，别急着回去……”"
    assert page.items[-1].byline == "本报记者 刘海 通讯员 董雪强"


def test_a_stack_under_a_list_of_names_starts_where_the_list_ends() -> None:
    # Lines of names hold no full stop, so they run into the stack as candidates:
    # the stack starts after the short line that closes the list's bracket.
    names = [
        "■ 王立平（满族）、王佐书、尹幼奇、",
        "邓伟志、石锦辉（女）、叶至善、刘",
        "运来、刘奕民、刘恒椽、刘锦才、麦",
        "赐球、严尧卿、李金培、余海、陈",
        "慧、陈凌孚、陈益群、陈舜礼、苗永",
        "明、苟建丽（女）、林逸、郝承瑞、段",
        "成桂、俞曙霞（女）、袁祖亮、高文",
        "华、郭燕杰、梅向明、谢冰心（女）、",
        "楚庄、窦瑞华、蔡述明、蔡睿贤、德",
        "继民（蒙古族）、穆学明（回族）",
    ]
    stack = ["控制增量盘活存量开发复", "垦唐山实现耕地总量动态", "平衡"]
    body = [
        "史密斯说，联邦快递公司这次",
        "来北京举行董事会，旨在加强与中",
        "方的合作。董事们有机会直接了解",
        "中国的市场和改革开放的情况，中",
        "国经济的稳定发展给他们留下了深",
        "刻的印象，这有利于公司与中国方",
        "面加强合作。",
    ]
    page = parse_text("\n".join([*CLOSED, *names, *stack, *body]))
    assert page.items[-1].headline == "控制增量盘活存量开发复垦唐山实现耕地总量动态平衡"
    assert page.items[-2].paragraphs[-1].endswith("穆学明（回族）")


def test_a_line_over_a_dateline_ends_there() -> None:
    # The dateline opens the story's first paragraph: the line above is its headline.
    story = [
        "来宾Ｂ电厂为我国第一个",
        "规范化ＢＯＴ项目。（王",
        "剑）",
        "\u3000国务院发展研究中心研究员卢迈",
        "本报北京1月11日讯记者顾玉清报道：",
        "由《国际人才交流》杂志社编辑、改革出",
        "版社出版的《中国人才库》首发式，今天",
        "上午在北京人民大会堂举行。《中国人才",
        "库》收录了我国近年来涌现出来的600多",
        "位专家的资料。",
    ]
    page = parse_text("\n".join(story))
    assert page.items[-1].headline == "国务院发展研究中心研究员卢迈"


def test_a_stack_as_wide_as_the_column_over_an_indented_line_is_no_paragraph() -> None:
    story = [
        "毫不畏惧，严厉斥责，\u3000顽强搏斗。歹徒被邱",
        "玲的正气压倒，落荒而逃。",
        "亚太议会论坛第六届年会闭幕",
        "引进管理，建立现代企业制度",
        "因为语言隔阂，热瓦甫多",
        "了些烦心的事。\u3000他只会几句简",
        "单的吆喝，无法与这里的人进",
        "行更多的交流。为此，热瓦甫",
        "学起了汉语。",
    ]
    page = parse_text("\n".join(story))
    assert page.items[-1].headline == "亚太议会论坛第六届年会闭幕"
    assert page.items[-1].subtitle == "引进管理，建立现代企业制度"


def test_a_stack_over_a_dateline_is_no_paragraph_of_the_column() -> None:
    story = [
        "的花市已经开张，一些造型别致、",
        "平时罕见的鲜花品种吸引了众多市",
        "民。",
        " 美科学家：宇宙将永远膨胀",
        "——重视：私营企业工伤事故多",
        "本报昆明１月１０日电记者任",
        "维东报道：云南省“三下乡”活动",
        "１月６日上午在省艺术剧院举行出",
        "征仪式。",
    ]
    item = parse_text("\n".join(story)).items[-1]
    assert item.headline == "美科学家：宇宙将永远膨胀"
    assert item.subtitle == "——重视：私营企业工伤事故多"


def test_a_stack_under_a_kicker_with_dashes_is_no_paragraph_of_the_column() -> None:
    story = [
        "于一个月才能挣到５０埃镑的渔民",
        "说来，无异于天文数字……”",
        "\xa0帮助选择市场定位——",
        "阿联酋呼吁欧佩克成员恪守配额",
        "——其实，这里早已没有老虎",
        "下午３时，\xa0温家宝、宋健在",
        "中国科协主席周光召和党组书记",
        "张玉台陪同下来到侯祥麟院士的",
        "家中。",
    ]
    item = parse_text("\n".join(story)).items[-1]
    assert item.kicker == "帮助选择市场定位——"
    assert item.headline == "阿联酋呼吁欧佩克成员恪守配额"


def test_the_page_count_under_the_masthead_is_furniture_not_a_kicker() -> None:
    top = ["１９９８年１月２日 星期五 第 1 版", "人民日报", "今日 12 版"]
    page = parse_text("\n".join([*top, "波兰举行武术赛", *BODY]))
    assert page.header is not None and page.header.endswith("今日 12 版")
    assert (page.items[0].kicker, page.items[0].headline) == (None, "波兰举行武术赛")


def test_a_stack_over_a_byline_is_not_measured_against_nothing() -> None:
    # Nothing below the stack shows a column (a byline follows), so it cannot be
    # as wide as the column: it stays a stack although its lines hold 、.
    stack = ["第四届全国城运会筹备工作进展顺利", "轿车、股份制和市场经济"]
    stack.append("中央农村工作会议在京举行")
    page = parse_text("\n".join([*stack, "本报评论员", *BODY]))
    item = page.items[0]
    assert item.kicker == "第四届全国城运会筹备工作进展顺利"
    assert item.headline == "轿车、股份制和市场经济"
    assert item.byline == "本报评论员"


def test_a_dateline_that_starts_with_ju_is_no_stack_line() -> None:
    story = [
        "时核查小组也应尊重伊拉克的",
        "主权。",
        "\u3000第八届世界游泳锦标赛落幕中国队位居第四",
        "——厦门远华足球队2月1日亮相",
        "本报评论员",
        "据新华社乌兰巴托1月",
        "21日电（记者李佳好）蒙古",
        "社会治安状况日趋恶化，",
        "1997年共发生犯罪案件2·",
        "47万起，比上一年增长了10",
        "·2%。",
    ]
    items = parse_text("\n".join(story)).items
    assert [item.headline for item in items] == [None, "第八届世界游泳锦标赛落幕中国队位居第四"]
    assert items[1].paragraphs[0].startswith("据新华社乌兰巴托1月21日电")


def test_the_line_under_a_kicker_that_starts_a_story_is_its_headline() -> None:
    story = [
        "从学生的选拔到毕业分配的程序，",
        "所有经验都一股脑儿地传给他们。",
        "\u3000荣誉：全国劳动模范、全国优秀共产党员——",
        "埃里卡特指出华盛顿会谈令人失望",
        "韩老师天不亮就动身往十七里外赶。",
        "路上下起了雨夹雪，蜿蜒的山路变得泥",
        "泞难行，韩老师这时方觉出曾帮他行走",
        "的自行车成为多余。",
    ]
    item = parse_text("\n".join(story)).items[-1]
    assert item.kicker == "荣誉：全国劳动模范、全国优秀共产党员——"
    assert item.headline == "埃里卡特指出华盛顿会谈令人失望"


def test_a_sentence_broken_at_a_dash_is_no_kicker() -> None:
    caption = [
        "\u3000我国目前最大的野生动物种群———",
        "秦皇岛野生动物园，为了保护珍贵的剑羚",
        "羚角，动物园职工为剑羚角套上了保护套。",
    ]
    (item,) = parse_text("\n".join(caption)).items
    assert item.kicker is None
    assert item.paragraphs[0].startswith("我国目前最大的野生动物种群———秦皇岛")


def test_the_line_under_a_kicker_after_a_closed_paragraph_is_its_headline() -> None:
    story = [
        *CLOSED,
        "候车室里除夕夜——",
        "千只丹顶鹤光顾盐城",
        "研究人员推测说，这种大",
        "鸟可能是与恐龙同时灭绝的。",
    ]
    item = parse_text("\n".join(story)).items[-1]
    assert (item.kicker, item.headline) == ("候车室里除夕夜——", "千只丹顶鹤光顾盐城")


def test_a_line_too_short_to_open_the_paragraph_below_is_a_headline() -> None:
    # The first line below ends in a comma that hangs, so it measures an em short
    # of the column: the column is what the next lines of the paragraph fill.
    body = [
        "灾情牵动人心。据新统计，",
        "灾民接到棉褥一千多条和棉",
        "大衣一千多件以及帐篷一千",
        "二百顶。",
    ]
    page = parse_text("\n".join([*CLOSED, "对根本问题的回答", *body]))
    assert page.items[-1].headline == "对根本问题的回答"
    assert page.items[-1].paragraphs[0].startswith("灾情牵动人心。")


def test_the_rest_of_a_wrapped_subtitle_stays_in_the_stack() -> None:
    stack = ["直达浩浩荡荡吴淞口", "——八十高龄亲率众学生在沪连演三场，", "然后又直奔北京"]
    page = parse_text("\n".join([*CLOSED, *stack, "本报记者 王松", *BODY]))
    assert page.items[-1].headline == "直达浩浩荡荡吴淞口"
    assert page.items[-1].subtitle == "——八十高龄亲率众学生在沪连演三场，然后又直奔北京"
    assert page.items[-1].paragraphs[0].startswith("江泽民对联邦快递")


def test_a_quote_that_wraps_short_of_the_column_over_a_headline_is_a_headline() -> None:
    # Display type: its second line ends though the next word fitted; dialogue fills it.
    quote = ["“种田比以前轻快了，", "剩下的时间，你们去", "干什么？”"]
    stack = [*quote, "关爱不当酿悲剧呼吁环保进课堂", "新华社武汉1月4日电"]
    page = parse_text("\n".join([*CLOSED, *stack, *BODY]))
    assert page.items[-1].headline == "“种田比以前轻快了，剩下的时间，你们去干什么？”"
    assert page.items[-1].subtitle == "关爱不当酿悲剧呼吁环保进课堂"


def test_dialogue_that_fills_the_column_over_a_headline_stays_with_the_story_before() -> None:
    quote = ["“你们家几口人吃饭？一年能收", "入多少？”"]
    page = parse_text("\n".join([*CLOSED, *quote, "关爱不当酿悲剧", *BODY]))
    assert (page.items[-1].kicker, page.items[-1].headline) == (None, "关爱不当酿悲剧")
    assert page.items[0].paragraphs[-1].endswith("“你们家几口人吃饭？一年能收入多少？”")


# A narrow justified column of 14 ems (WeasyPrint's shape, bench/weasygen.py): a line
# the typesetter could not break further comes out short, like an indented line.
NARROW = [
    "了。后来，这个市民找了个有点",
    "『职』的干部去办理此事，事情",
    "马上就办了，还真喝上了一杯热",
    "茶。这种待人有别，按『职』办",
    "事的事，还真不少见。",
]


def test_a_first_line_over_a_short_justified_line_is_no_headline() -> None:
    # 现在…职业道 / 德，如…: the indented first line, as wide as the short line under
    # it, breaks inside a word (道德): one paragraph, not a headline over one.
    rest = ["现在各行各业都在讲职业道", "德，如『商德』、『医德』、", "『师德』……同样，机关干部也"]
    rest += ["要讲职业道德。为政之道在于安", "民，我国封建社会都要求下臣。"]
    page = parse_text("\n".join([*NARROW, *rest]))
    assert [item.headline for item in page.items] == [None]
    assert page.items[0].paragraphs[-1].startswith("现在各行各业都在讲职业道德，如")


def test_a_headline_as_wide_as_an_indented_line_under_it_stays_a_headline() -> None:
    # The same widths, but the break falls between two phrases: a headline over an
    # indented paragraph, as Typst pages set `拉萨海关追回被盗国宝` over its story.
    rest = ["全国速滑锦标赛今日落幕", "他们千难万难筹措了十万元，", "从上海购进了当时厂里最先进"]
    rest += ["的设备，使全厂的生产能力提高", "了一倍多。"]
    page = parse_text("\n".join([*NARROW, *rest]))
    assert [item.headline for item in page.items] == [None, "全国速滑锦标赛今日落幕"]


def test_a_first_line_short_by_a_character_and_its_closing_mark_is_no_headline() -> None:
    # No line starts with ”: `芦”` went down whole, so `“老高太太糖葫` (7 of 11 ems, two
    # in) is as full as a first line gets, not a line too short to open the paragraph.
    above = ["模化生产的商品，同时，", "也为现代营销策略的运用", "打下了基础，占领了北京"]
    above.append("百分之十的市场。")
    rest = ["“老高太太糖葫", "芦”的市场创意观念，改", "变了人们对民间小吃的看"]
    rest.append("法，说明了树立市场意")
    page = parse_text("\n".join([*above, *rest, "识、转变经营观念的重要。"]))
    assert [item.headline for item in page.items] == [None]
    assert page.items[0].paragraphs[-1].startswith("“老高太太糖葫芦”的市场")


def test_a_first_line_broken_inside_a_word_two_ems_short_is_no_headline() -> None:
    # `中央国家机关开` / `展“三优…`: 7 of 11 ems two in, broken inside 开展, over a line
    # of the paragraph: the typesetter could not fit the next unit, no headline ends so.
    above = ["逐步深入，抓住提高公务", "员素质这个关键，带动各项", "活动的深入开展。"]
    rest = ["中央国家机关开", "展“三优一满意”活动，", "不仅使机关外在形象有了"]
    rest += ["明显改观，而且在解决职", "能分工等问题上取得进展。"]
    page = parse_text("\n".join([*above, *rest]))
    assert [item.headline for item in page.items] == [None]
    assert page.items[0].paragraphs[-1].startswith("中央国家机关开展")


def test_a_bulleted_stack_over_an_indented_paragraph_is_a_headline() -> None:
    above = ["邮政局拥有信件保密技术，寄", "信人可以通过一种电子跟踪系"]
    above += ["统随时了解信件的下落；寄信", "人可以用信用卡支付邮资。"]
    rest = ["●单程运行８小时以上列", "车“夕发朝至”", "６０年 代 末 至 ７０年 代"]
    rest.append("初，倒伏、病害、丰产潜力小")
    page = parse_text("\n".join([*BODY, *above, *rest, "是制约小麦产量提高的突出问", "题。"]))
    head = page.items[-1]
    assert len(page.items) == 2  # how the stack's two lines split is the wrap model's call
    assert (head.headline or "") + (head.subtitle or "") == "●单程运行８小时以上列车“夕发朝至”"
    assert head.paragraphs[0].startswith("６０年代末至７０年代初")


def test_a_briefs_short_first_line_after_its_marker_stays_a_brief() -> None:
    # The marker's line runs into its paragraph's lines: no stack line follows it.
    rest = ["●今天的晚会内容丰富，形", "式多样，异彩纷呈，到处是笑语", "欢歌，洋溢着节日的喜庆。"]
    page = parse_text("\n".join([*BODY, *rest]))
    assert [item.headline for item in page.items] == [None, None]
    assert page.items[1].marker == "●"


def test_a_headline_broken_after_its_comma_is_a_stack() -> None:
    stack = ["第二，提高产品科技含量，", "增强产品市场竞争能力", "本报北京 1 月 8 日讯"]
    rest = ["人民检察院针对具体案件", "移送起诉时，“主要证据”由人", "民检察院根据本条规定认定。"]
    page = parse_text("\n".join([*BODY, *stack, *rest]))
    assert page.items[-1].headline == "第二，提高产品科技含量，增强产品市场竞争能力"


def test_a_paragraphs_first_line_ending_in_a_comma_opens_no_stack() -> None:
    # pagegen2 seed 117 sets `近日从江苏连云港传来喜讯，1997年，` under a byline, over a
    # line of its paragraph that holds a comma: no headline broken at its comma runs
    # on into a line so.
    from pagegen2 import generate2

    page = parse_text(generate2(117).text)
    (item,) = [it for it in page.items if it.headline == "证券市场规模继续壮大"]
    assert item.paragraphs[0].startswith("近日从江苏连云港传来喜讯，1997年，东起")
