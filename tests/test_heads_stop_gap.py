"""A headline written on a paragraph's closed last line after a gap (issue 12).

PDFium writes what lies on one baseline as one line: `区将有小雪。 欢欢喜喜迎接虎年` is
the weather story's last line and the next story's headline beside it. Pasted text
runs a paragraph on after `。 ` the same way; the page's head marking, asked of the run
standing alone, tells the two apart (`parse/stopgap.py`). Cut from LibreOffice's
whole-article page in PDFium's text (bench/structure.py, whole-office-pdfium 402).
"""

from __future__ import annotations

from pagelines import items_of

WEATHER = [
    "天气趋势分析",
    "据中央气象台提供的信息：",
    "过去两天，我国中部和东部地区",
    "经历了一场大范围的较强雨雪天",
    "气。尤其是江南、华南出现了往",
    "年同期罕见的大到暴雨。目前，",
    "上述雨雪区已经明显减弱南移，",
    "我国的大部分地区将转为多云到",
    "阴天气，但１５日晚上到１６",
    "日，东南和华南沿海仍将有小到",
    "中雨，华北北部和西北的部分地",
]
JOINED = "区将有小雪。 欢欢喜喜迎接虎年"
NEXT = [
    "今年中央电视台春节联欢晚会进入",
    "彩排阶段，晚会将向观众呈现一派",
    "独特、新颖、欢快、祥和的气氛。",
    "高压氧舱添活力",
    "高压氧治疗是利用在高浓度",
    "和高压力氧的作用下，机体对氧",
    "的摄取和利用方式发生的改变，",
    "血液中氧含量增加，氧分压增",
    "高，由此引起中枢神经、循环、",
    "呼吸、消化及内分泌系统的生理",
    "机能发生变化。",
]


def test_a_headline_beside_a_closed_last_line_heads_its_story() -> None:
    items = items_of([*WEATHER, JOINED, *NEXT])
    weather = next(it for it in items if it.get("headline") == "天气趋势分析")
    assert weather["paragraphs"][-1].endswith("华北北部和西北的部分地区将有小雪。")
    story = next(it for it in items if it.get("headline") == "欢欢喜喜迎接虎年")
    assert story["paragraphs"][0].startswith("今年中央电视台春节联欢晚会进入彩排阶段")


def test_a_sentence_run_on_after_the_gap_stays_in_its_paragraph() -> None:
    # The run after the gap goes on below (`国家经贸` / `委、…`): no cut, no headline.
    lines = [
        *WEATHER[:6],
        "日程，狠抓落实。 国家经贸",
        "委、国家民委、民政部、人事",
        "部等二十几个部门召开会议。",
    ]
    items = items_of(lines)
    assert not any(it.get("headline") == "国家经贸" for it in items)
    assert any("狠抓落实。国家经贸委、国家民委" in p for it in items for p in it["paragraphs"])


def test_a_short_run_a_paragraph_takes_on_is_no_headline() -> None:
    # `希望各级防` is too short for a first line; it ends on a word's first half.
    lines = [*WEATHER[:6], "治任务。 希望各级防", "汛部门做好准备，确保安全度汛。"]
    items = items_of(lines)
    assert all(it.get("headline") != "希望各级防" for it in items)


def test_on_a_page_that_spaces_its_commas_the_run_stays_text() -> None:
    # The writer spaces after `，` inside a line: a space after `。` is the writer's too.
    spaced = [line.replace("阴天气，但", "阴天气， 但") for line in WEATHER]
    items = items_of([*spaced, JOINED, *NEXT])
    assert all(it.get("headline") != "欢欢喜喜迎接虎年" for it in items)


CAPTION = [
    "春节临近，各地年货市场商品丰",
    "富，货源充足，煞是红火。图为",
    "成都街头生意兴旺的灯笼摊点。",
]
BESIDE_CREDIT = "（新华社记者刘向刚摄） 腊梅傲雪"
PICTURE = [
    "１月１４日，连降一天一夜瑞雪的京城银装素裹，空气清新湿润。",
    "北京’９８迎春花市上，腊梅、迎春傲雪开放，为冬日带来一片",
    "亮丽，煞是喜人，吸引游人驻足观赏。（新华社记者张旭摄）",
    "特困柜台",
    "临近春节，一块块写有“特困",
    "柜台”的标牌摆放在沈阳市１",
    "３个国有零售商店的特困专柜。",
]


def test_a_title_beside_a_captions_credit_heads_its_picture_story() -> None:
    # Typst's whole-article page 432 in PDFium's text: a credit closes a caption as a stop does.
    items = items_of(["红红火火过大年", *CAPTION, BESIDE_CREDIT, *PICTURE])
    story = next(it for it in items if it.get("headline") == "腊梅傲雪")
    assert story["paragraphs"][0].startswith("１月１４日，连降一天一夜瑞雪")


NOTE_STORY = [
    "丹顶鹤过冬",
    "今年冬天，江苏盐城滩涂自然保",
    "护区迎来了一千多只丹顶鹤，比",
    "去年多出两百余只。据介绍，丹",
    "顶鹤越冬时大多分布在我国东部",
    "沿海的湿地，在盐城比较集中。",
]
TEXT_UNDER = [
    "河北赞皇县小马村是贫困县的",
    "贫困村，被定为科技扶贫试点。",
    "县里十多名科技人员到村包户，",
    "把种植技术送到农家，帮助全村",
    "农户建起了大棚，去年人均收入",
    "比前年翻了一番。",
]


def test_a_headline_beside_a_note_on_its_own_line_heads_its_story() -> None:
    # A story's closing note (`（李志勇）`) on a line of its own ends its story as a
    # credit does; PDFium wrote the next column's headline beside it (whole-typeset 301).
    items = items_of([*NOTE_STORY, "（王小明） 科技富农家", *TEXT_UNDER])
    crane = next(it for it in items if it.get("headline") == "丹顶鹤过冬")
    assert crane["paragraphs"][-1].endswith("比较集中。（王小明）")
    story = next(it for it in items if it.get("headline") == "科技富农家")
    assert story["paragraphs"][0].startswith("河北赞皇县小马村是贫困县的贫困村")


def test_a_headline_beside_a_note_after_a_stop_heads_its_story() -> None:
    # `…集中。（王小明） 科技富农家`: the note closes the sentence's paragraph, then the gap.
    closed = [*NOTE_STORY[:-1], "沿海的湿地，在盐城比较集中。（王小明） 科技富农家"]
    items = items_of([*closed, *TEXT_UNDER])
    story = next(it for it in items if it.get("headline") == "科技富农家")
    assert story["paragraphs"][0].startswith("河北赞皇县小马村")


def test_a_bracketed_aside_inside_a_caption_stays_in_its_text() -> None:
    # `（前排左） 在华东…`: a bracket that closes no story; the run after the gap goes on.
    lines = [*NOTE_STORY[:3], "（前排左） 在华东师范大学的", "课堂上为同学们讲解操作要领。"]
    items = items_of(lines)
    assert all(it.get("headline") != "在华东师范大学的" for it in items)
