"""A page's top headline that PDFium writes after its story's first line (issue 12).

The lines are the tops of Typst's pages in PDFium's text (bench/structure.py's
whole-typeset-pdfium 401 and typeset-pdfium 1524, CRLF as PDFium writes), cut down.
"""

from __future__ import annotations

import pagegen
import pytest

from reader.parse.stories import parse_text
from reader.parse.text import page_lines
from reader.parse.topswap import put_heads_first

HEADER = "12 经济 １９９８年１月１５日 星期四 责任编辑：王强立"
TOP = [
    "据新华社乌鲁木齐电（记",
    "罗布泊干涸探秘",
    "者张先国、段芝璞）全球性的",
    "“气候危机”是否是导致罗布",
    "泊湖干涸的主要原因，我国学",
    "者最近对这一学术悬案提出",
    "了新的看法，认为人类活动是",
    "影响罗布泊湖干涸最重要的",
    "因素。",
]
NEXT = ["位居新疆维吾尔自治区", "东南角的罗布泊曾为我国第", "二大咸水湖，面积３０００平方公里。"]


def test_the_headline_goes_back_over_the_line_it_cut() -> None:
    raw = [HEADER, *TOP]
    assert put_heads_first(raw) == [HEADER, TOP[1], TOP[0], *TOP[2:]]


def test_the_top_story_gets_its_headline_and_its_whole_first_paragraph() -> None:
    page = parse_text("\r\n".join([HEADER, *TOP, *NEXT]))
    story = page.items[0]
    assert story.headline == "罗布泊干涸探秘"
    assert story.paragraphs[0].startswith("据新华社乌鲁木齐电（记者张先国、段芝璞）全球性的")


def test_a_kicker_above_stays_above() -> None:
    # The kicker comes first, then the text's first line, then the rest of the stack.
    raw = [
        "1998 年 1 月 20 日 星期二",
        "人民日报",
        "纳扎尔巴耶夫指出改革为",
        "地处潮汕平原小北山",
        "哈发展奠定基础",
        "下的潮阳市谷饶镇，崛起",
        "了一座“桂光工业城”，１",
        "２条崭新的大型生产线日夜",
    ]
    assert put_heads_first(raw) == [*raw[:3], raw[4], raw[3], *raw[5:]]


def test_lines_that_read_on_stay_where_they_are() -> None:
    byline = ["１９９７世界十大科技进展", "本报记者 胡艳 唐伟", "在评述１９９７年世界形势的许"]
    byline += ["多年终专稿中，笔者以为法新社的", "这句话很有道理：在这一年里"]
    number = ["张万年会见美国防部长", "据悉，从今天开始到３", "月５日周恩来诞辰１００周年"]
    number += ["的两个月里，江苏省将在淮", "安市和南京中共代表团梅园"]
    text = [HEADER, *TOP[2:]]  # a paragraph's own lines: no line cuts them
    kicker = ["古巴举行全国大选——", "商讨政治解决北爱危机", "国务院近日发出通知要求"]
    kicker += ["各地认真做好春节期间的", "安全工作，确保群众过好节"]
    for raw in (byline, number, text, kicker):
        assert put_heads_first(raw) == raw


def test_lines_set_apart_stay_where_they_are() -> None:
    # Blank lines between, or a line set in: the lines were written as they stand.
    apart = [HEADER, "", TOP[0], "", TOP[1], "", *TOP[2:]]
    assert put_heads_first(apart) == apart
    set_in = [HEADER, TOP[0], " " + TOP[1], *TOP[2:]]
    assert put_heads_first(set_in) == set_in


def test_a_headline_as_wide_as_a_narrow_column_goes_back_between_a_brackets_lines() -> None:
    """`topswap._cut` (round 20, whole-typeset 531 and 544, invented lines): the line over
    the headline opens a bracket the line under it closes, so the headline cut one
    paragraph, though it is as wide as its column (or the lines under it, holding digits,
    measure unlike)."""
    top = [
        "王建国（市农业局副",
        "菜篮子工程建设见成效",
        "局长）：９０年代以来，",
        "全市蔬菜的品种和产量",
        "都有了很大的增长，市民",
    ]
    assert put_heads_first([HEADER, *top]) == [HEADER, top[1], top[0], *top[2:]]
    page = parse_text("\n".join([HEADER, *top, "的菜篮子越来越丰富了。"]))
    assert page.items[0].headline == "菜篮子工程建设见成效"


def test_a_title_over_three_lines_stays_in_order() -> None:
    """`topswap._cut` asks a bracket `（` only: a title in `《》` runs over three lines, the
    middle one inside it and ending in a dash (pagegen 89, drawn at test time)."""
    corpus = pagegen.load_corpus()
    if corpus is None:
        pytest.skip("no corpus")
    raw = page_lines(pagegen.generate(corpus, 89).text)
    assert put_heads_first(raw) == raw


def test_a_word_broken_over_the_head_goes_back_together() -> None:
    # `…承办先` / head / `进单位…` (whole-typeset 228, 574 in PDFium's text): the pair
    # read into the head is loose, so the line seemed to run on into it, but the pair
    # into the line under the head is a word (先进): the head cut the line from it.
    raw = [
        "人民日报",
        "1998 年 1 月 22 日 星期四 第 1 版",
        "本报讯本市灯会的承办先",
        "闻名古城办起灯会",
        "进单位今年推出了新的灯会项",
        "目游人如织热闹非凡的新景象",
        "受到了市民和游客的好评。",
    ]
    assert put_heads_first(raw) == [*raw[:2], raw[3], raw[2], *raw[4:]]
    page = parse_text("\r\n".join(raw))
    story = next(it for it in page.items if it.headline == "闻名古城办起灯会")
    assert story.paragraphs[0].startswith("本市灯会的承办先进单位")


def test_a_head_as_wide_as_the_column_that_cuts_a_word_goes_back() -> None:
    # `…看到七` / head / `八个人…` (whole-typeset 386, 380, 233 in PDFium's text): the
    # head is a character short of the column, as a paragraph's line may be, but the
    # line over it breaks a word (七八) whose second half starts the line under it.
    raw = [
        "人民日报",
        "1998 年 1 月 22 日 星期四 第 1 版",
        "大姐晨练到路口看到七",
        "热心市民在街头受骗上当",
        "八个人围着一位提着篮的老",
        "人，出于好奇她也走上前去",
        "看个究竟。",
    ]
    assert put_heads_first(raw) == [*raw[:2], raw[3], raw[2], *raw[4:]]
    page = parse_text("\r\n".join(raw))
    story = next(it for it in page.items if it.headline == "热心市民在街头受骗上当")
    assert story.paragraphs[0].startswith("大姐晨练到路口看到七八个人")


def test_a_dateline_under_a_head_is_never_moved_over_it() -> None:
    # `八方同庆虎年春节` / `据新华社伦敦１月２５` / `日电…`: 节日 is a word, but a
    # dateline opens the text and heads nothing.
    raw = [
        "人民日报",
        "1998 年 1 月 26 日 星期一 第 1 版",
        "华人欢度虎年春节",
        "据新华社伦敦１月２５",
        "日电（记者王明）旅居英国的华",
        "人华侨连日来举行各种活动，",
        "喜迎农历虎年的到来。",
    ]
    assert put_heads_first(raw) == raw


def test_a_line_under_the_head_that_opens_a_dateline_finishes_no_word() -> None:
    # `…七月四日` / `肖像怪杰魏德运` / `本报北京 11 月 28 日电` (pagegen2 444): 日本 is
    # a word, but a dateline opens a story's text: the stack stays in its order.
    raw = [
        "全国春运今日全面启动",
        "铁路部门加开临客列车七月四日",
        "春运列车增开一倍",
        "本报北京 11 月 28 日电",
        "本报讯日前，铁道部宣布今年春",
        "运期间加开临时旅客列车，满足",
    ]
    assert put_heads_first(raw) == raw


def test_a_headline_over_a_dateline_line_stays_over_it() -> None:
    # `宁夏全民健身真抓实干见成效` / `据新华社银川１月２６日电` / `（记者…）…` (whole-chrome
    # 244, whole-tex 275 in PDFium's text): by the widths the dateline looked like a head
    # cutting a first line; a dateline heads nothing, so nothing moves.
    raw = [
        "14 国际 1998年1月26日 星期一 责任编辑 郭霞",
        "全民健身运动真抓实干见成效",
        "据新华社银川１月２６日电",
        "（记者王明）全省各地认真贯彻实施",
        "全民健身计划纲要，推动群众体育活",
        "动向纵深发展。",
    ]
    assert put_heads_first(raw) == raw
    page = parse_text("\r\n".join(raw))
    assert page.items[0].headline == "全民健身运动真抓实干见成效"


def test_a_word_broken_over_the_head_where_marks_hide_the_column() -> None:
    # `…厂摄` / head / `制，…` (whole-typeset 233 in PDFium's text): the lines under the
    # head measure apart by their marks, so no column shows the first line set in, but
    # 摄|制 is a word the head cut (`topswap._word_across`).
    raw = [
        "由八一电影制片厂摄",
        "纪录片《高原雄鹰》获好评",
        "制，王明编剧，李红执导",
        "的纪录片《高原雄鹰》",
        "（上、下集），为我们讲述",
        "了一个充满魅力的高原故",
        "事，在观众中引起了很大",
        "的反响。",
    ]
    assert put_heads_first(raw) == [raw[1], raw[0], *raw[2:]]
    page = parse_text("\r\n".join(raw))
    assert page.items[0].headline == raw[1]
    assert page.items[0].paragraphs[0].startswith("由八一电影制片厂摄制，王明编剧")


def test_a_dateline_cut_under_a_head_stays_under_it() -> None:
    # `…春节` / `据新华社伦敦１月２５` / `日电…` (whole-typeset 565): 节|日 is a word,
    # but the line under the head opens its dateline: the head stands where it is.
    raw = [
        "万家同庆虎年春节",
        "据新华社伦敦１月２５",
        "日电（记者王明）“四海同",
        "贺新春五洲共祝吉祥。”这",
        "副春联表达了留学人员的心",
        "情。",
    ]
    assert put_heads_first(raw) == raw


def test_a_head_over_a_dateline_whose_first_word_pairs_stays() -> None:
    # `…四日` / head / `本报北京 11 月 28 日电` (pagegen2 444): 日|本 is a word, but the
    # line under the head is a dateline, which no paragraph's line runs on into.
    raw = [
        "新年书画展在京开幕王明七月四日",
        "群众书画作品展出",
        "本报北京 11 月 28 日电",
        "本报讯日前，市文化馆在京举办了",
        "群众书画作品展，展出作品二百多",
        "幅，吸引了大批观众。",
    ]
    assert put_heads_first(raw) == raw
