"""A table's title that names its hours does not head the next story (issue 12).

`明天气象预报（１月２日２０` / `时—３日２０时）` (the weather table's title; the table is
not in the text) over `新年足坛打响第一炮广东` / `女足捧得李宁杯`: read as one stack, the
title became the headline and the next story's headline its subtitle.
`heads._table_titles` lets the title's lines go. Cut from LibreOffice's
whole-article page in PDFium's text (bench/structure.py, whole-office-pdfium 411).
"""

from __future__ import annotations

from pagelines import items_of

ABOVE = [
    "济南：多管齐下为民解困",
    "本报济南１月１日电记者贾建",
    "舟、刘磊报道：新年期间，济南市",
    "政府及社会各界的送温暖活动正成",
    "为寒冬中的一股暖流。几天前，市",
    "政府专门召开会议，对元旦和春节",
    "期间的职工解困、再就业、农村救",
    "灾等工作进行部署。",
    "此外，还给每户特困家庭加发６０",
    "元过节慰问金。",
]
TITLE = ["明天气象预报（１月２日２０", "时—３日２０时）"]
STORY = [
    "广东女足捧得李宁杯",
    "本报讯代表中国女足最高水平",
    "的第二届李宁杯中国女足超霸赛１",
    "月４日在成都体育中心进行。广东",
    "海印队凭借下半时两粒进球，力克",
    "上海远东队，成为中国女子足坛的",
    "“新霸王”。",
]


def test_a_table_title_over_a_stack_leaves_the_headline_its_own() -> None:
    items = items_of(ABOVE + TITLE + STORY)
    story = next(it for it in items if it.get("headline") == "广东女足捧得李宁杯")
    assert story.get("subtitle") is None and story.get("kicker") is None
    assert not any("明天气象预报" in (it.get("headline") or "") for it in items)
    assert any(
        "明天气象预报（１月２日２０时—３日２０时）" in p for it in items for p in it["paragraphs"]
    )


def test_a_bracket_that_names_no_hours_stays_in_the_stack() -> None:
    # A headline's own note (`（上）`) names no span of hours: the stack stays whole.
    stack = ["哥斯达黎加见闻（上）", "“花园”景美游客多"]
    items = items_of(ABOVE + stack + STORY[1:])
    assert not any("哥斯达黎加见闻" in p for it in items for p in it["paragraphs"])
