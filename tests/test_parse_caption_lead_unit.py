"""A caption's first line short of its column only by the next line's first unit (issue 12).

Typst sets a picture story's caption flush under its title: `母子当选人大代表` /
`西藏乃东县结莎居委会的农民坚宗` (15 ems of 16.5) / `（右）自一九六三年…`. The first
line looked set in by an indent, so the caption was cut at its second sentence: the
title and first sentence an article (whole-typeset 416, 450, both extractors). It is
short only because `（右` did not fit: a line that could not take the next line's first
unit is full, not a paragraph's indented first line.
"""

from __future__ import annotations

from reader.parse.captions import caption_starts
from reader.parse.heads import mark_heads
from reader.parse.lines import make_lines
from reader.parse.stories import parse_text

# A page that sets its paragraphs two ems in and its marks at half an em (a full line of
# two marks holds a character more): 16 ems.
STORY = [
    "高压氧舱添活力",
    "高压氧治疗是利用在高浓度和高",
    "压力氧的作用下机体对氧的摄取和利",
    "用方式发生改变，血液中的氧含量，使",
    "细胞的活力增强从而达到治疗的目的",
    "这种方法简便，病人容易接受，费用也",
    "不高。",
    "高压氧治疗的疾病涉及到临床各",
    "科包括急性脑缺氧脑水肿一氧化碳中",
    "毒、减压病等多种疾病，治疗效果都很",
    "显著而且副作用小受到了患者的欢迎",
    "和好评，不少医院已经，把它列为常规",
    "治疗。",
    "这种治疗方法在我国已有三十年",
    "的历史在各地医院都得到了推广为许",
    "危重病人的抢救，赢得了宝贵时间，为",
    "医院带来了良好的社会效益和经济效",
    "益，也为医学研究积累了经验，很受重",
    "视。",
    "目前全国各地已有高压氧舱近两",
    "千台分布在各地的大中型医院每年治",
    "疗的病人达数十万人次，之多，而且还",
    "不断增加之中有关部门正在制订新的",
    "规范，以保证治疗的安全和效果，方便",
    "患者。",
    "专家提醒患者一定要在医生的指",
    "导下接受治疗不可自行其是以免发生",
    "耳痛等不良反应，和意外事故，对此患",
    "和家属都要特别注意以免延误病情和",
    "治疗，医院也应加强管理，完善各项制",
    "度。",
]
CAPTION = [
    "西藏乃东县结莎居委会的农民坚宗",
    "（右）自一九六三年三月当选为该县第",
    "一届人大代表，至今已连续当了八届。",
    "在该县日前举行的第九届一次代表大",
    "会上，六十六岁的坚宗和她四十八岁的",
    "儿子阿旺甘丹（左）又同时被群众推选",
    "为人大代表。",
]
NEXT = ["温家宝会见西班牙客人", "据新华社北京１月１２日电", "中共中央政治局委员、书记处书记"]
NEXT += ["温家宝今晚在人民大会堂会见了西班", "牙客人。"]
PAGE = [*STORY, "母子当选人大代表", *CAPTION, "（新华社记者觉果摄）", *NEXT]


def test_no_caption_starts_inside_the_run_under_the_title() -> None:
    lines = make_lines(PAGE)
    mark_heads(lines)
    title = PAGE.index("母子当选人大代表")
    assert lines[title].head
    assert not [k for k in caption_starts(lines) if title < k <= title + len(CAPTION)]


def test_the_caption_keeps_its_title_and_first_sentence() -> None:
    items = parse_text("\n".join(PAGE)).items
    caption = next(item for item in items if item.credit)
    assert caption.kind == "caption"
    assert caption.headline == "母子当选人大代表"
    assert "".join(caption.paragraphs) == "".join(CAPTION)
