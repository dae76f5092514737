"""A paragraph's first line after a closed paragraph is no headline (issue 12, round 12).

Shapes read on PDFium's text of Chromium and TeX pages (branch `para14`): the line
after a paragraph's short closed last line, two ems short of the column the
paragraph above filled, over a full line of the same paragraph, was taken as a
one-line stack and so a new story (`出了血，全然不顾。` / `某团“卫国先锋连”冲`), on a
page whose stacks wrap (`东方通信引` / `进高新技术` / `业绩惊人`). PDFium's text of
Chromium's page 345 (`bench/chromegen.py`), as written.
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

ABOVE = [
    "质勘察单位的领导班子，发",
    "现有６名领导干部无所作",
    "为、业绩不明显、群众威信",
    "不高，按以前的做法又要将",
    "其重新安排、易地做官；这",
    "次，地矿厅对他们免职后安",
    "排做具体工作，不搞“只能",
    "上、不能下”的老套套，受到",
    "了全厅干部职工的好评。",
    "东方通信引",
    "进高新技术",
    "业绩惊人 ——贺岁影片《甲方乙",
    "方》票房火爆",
    "新华社上海1月6日电",
    "部队的１１个医疗队与",
    "地方医务人员密切配合，争",
    "分夺秒抢救伤病员。灾区１５",
    "４０名重伤员不到两天就全",
    "部得到救治或送到张家口",
    "地区的医院，重伤员仅有两",
    "人在医院抢救无效死亡。这",
    "么多的重伤员，在这么短的",
    "时间内得到救治，这不能不",
    "说是个奇迹。",
    "坝 上 五 六 级 的“白 毛",
    "风”呼呼刮着。顶着滴水成",
    "冰的严寒，冒着余震的危",
    "险，“红一师”某团官兵冲上",
    "来了，冲进倒塌的房屋，扒",
    "开砖石泥土，掀开断木折",
    "梁，救出人员，抢出衣物、食",
    "品和贵重物品。许多官兵工",
    "具断了，就用手扒，用脚踹，",
    "手上、脚上、脸上砸破了、磨",
    "出了血，全然不顾。",
]
NEXT = [
    "某团“卫国先锋连”冲",
    "上来了，当天就救出２０多名",
    "灾民，搭起了８７个防冻棚，",
    "使４００多名无家可归的群众",
    "有了安身之地。",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_paragraphs_first_line_after_a_closed_paragraph_stays_in_the_story(sep: str) -> None:
    items = parse_text(sep.join([*ABOVE, *NEXT])).items
    assert [i.headline for i in items if i.headline] == ["东方通信引进高新技术业绩惊人"]
    assert items[-1].paragraphs[-1] == "".join(NEXT)


def test_a_headline_over_a_wrapped_stub_after_a_closed_paragraph_is_still_a_stack() -> None:
    """The line under the candidate fills the column, but the one under that is a stub:
    a headline over a stack's wrapped part (`福建又有…` / `…，也` / `当学生`), read on
    PDFium's text of a TeX page."""
    stack = ["福建又有二十七万人脱贫", "目前状况办学校，当老师，也", "当学生"]
    body = ["湘西是全国有名的老少边", "穷地区，也是国家重点扶贫的地", "区之一。"]
    items = parse_text("\n".join([*ABOVE, *NEXT, *stack, *body])).items
    ours = [i for i in items if i.paragraphs and i.paragraphs[0].startswith("湘西")]
    assert len(ours) == 1 and ours[0].headline is not None
    assert "福建又有二十七万人脱贫" in (ours[0].kicker or "") + ours[0].headline


def test_a_headline_between_columns_over_a_set_in_first_line_is_still_a_stack() -> None:
    """The line under the headline is short of the wider column under it: set in, a
    paragraph's first line, not an inner one (`pagegen` page 392, MuPDF's shape)."""
    above = [
        "１９９７年１至１０月份，完",
        "成工业产值８５亿元，占全区",
        "全部工业产值２１２亿元的４",
        "０％，提供的主要工业品化肥、",
        "棉纱等占全区总产量的６０％",
        "以上，有１０万名工人。因此，",
        "国有企业本身并不是社会的包",
        "袱，却背着沉重的社会包袱。",
    ]
    story = [
        "特殊的省委常委扩大会",
        "这么多年来，一包又一包的",
        "嫩竹由北方航空公司的班机运达",
        "沈阳。这一次，北航领导专门召",
        "开会议，为强强及其护送人员开",
        "出了特别通行证……",
    ]
    items = parse_text("\n\n".join([*above, *story])).items
    assert items[-1].headline == "特殊的省委常委扩大会"
    assert items[-1].paragraphs == ("".join(story[1:]),)
