"""Heads a page writes after their stories' text, each given back (issue 12).

The items are as the parser reads such a page: the first story with no head, each
story after it under the head of the one before, a head alone at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from reader.model import Item
from reader.parse.afterheads import heads_after_text

ONE = "全市春运今日启动，铁路部门增开临时列车一百二十对，方便旅客返乡过年。"
TWO = "新建的城南污水处理厂昨天投入运行，每天可处理污水十万吨。"
THREE = "首届冰雪旅游节昨晚在北湖公园开幕，冰灯和雪雕吸引了众多市民。"
HEADS = ("全市春运今日启动", "城南污水处理厂投入运行", "首届冰雪旅游节开幕")


def _read(heads: tuple[str, str, str]) -> tuple[Item, ...]:
    """The items of a page whose text runs ONE, heads[0], TWO, heads[1], THREE, heads[2]."""
    return (
        Item("//01/1", "article", paragraphs=(ONE, "春运期间各站延长售票时间。")),
        Item("//01/2", "caption", paragraphs=("图为旅客在候车。",), credit="本报记者 王林 摄"),
        Item("//01/3", "article", headline=heads[0], paragraphs=(TWO,), byline="本报讯"),
        Item("//01/4", "article", headline=heads[1], subtitle="——冰城迎客", paragraphs=(THREE,)),
        Item("//01/5", "article", headline=heads[2]),
    )


def _printed(items: tuple[Item, ...]) -> Counter[str]:
    out: Counter[str] = Counter()
    for item in items:
        fields = (item.kicker, item.headline, item.subtitle, item.byline, *item.paragraphs)
        for text in (*fields, item.source, item.credit, item.marker):
            out.update((text or "").replace(" ", ""))
    return out


def test_heads_written_after_their_stories_go_back_to_them() -> None:
    items = _read(HEADS)
    out = heads_after_text(items, ("", "", 1))
    assert [(i.kind, i.headline, i.subtitle, i.paragraphs[0][:4]) for i in out] == [
        ("article", "全市春运今日启动", None, "全市春运"),
        ("caption", None, None, "图为旅客"),
        ("article", "城南污水处理厂投入运行", "——冰城迎客", "新建的城"),
        ("article", "首届冰雪旅游节开幕", None, "首届冰雪"),
    ]
    assert [i.derived_headline for i in out] == [None, None, None, None]
    assert [i.id for i in out] == ["//01/1", "//01/2", "//01/3", "//01/4"]
    assert _printed(out) == _printed(items)  # nothing lost, nothing doubled


def test_heads_whose_words_are_not_the_text_above_stay() -> None:
    # Each head's words are the story below it: heads over their own stories.
    items = _read((HEADS[1], HEADS[2], "国债发行顺利"))
    assert heads_after_text(items, ("", "", 1)) is items
    # Heads that share no words with any story (drawn at random) stay too.
    items = _read(("钱其琛会见外宾", "李鹏视察港口", "国债发行顺利"))
    assert heads_after_text(items, ("", "", 1)) is items


def test_a_page_that_shows_a_head_for_its_first_story_or_none_alone_is_read_as_is() -> None:
    items = _read(HEADS)
    first = (replace(items[0], headline="春运"),)
    assert heads_after_text(first + items[1:], ("", "", 1)) == first + items[1:]
    assert heads_after_text(items[:-1], ("", "", 1)) == items[:-1]  # no head at the end
