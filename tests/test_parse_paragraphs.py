"""Paragraph breaks in PDFium's text of pages set by others (issue 12, round 8)."""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = "全国政协举行迎春茶话会"
FIRST = [
    "被评为此次青年锻炼干部的",
    "李延拉着记者的手说这两年我真",
    "无悔我真正看到了西藏看到了中",
    "国我认识到了很多很多的事情认",
    "识了自己该怎么做。",
]
# Its first line holds Latin digits, set wider than they count (a quarter em around
# them): by count only 1 em short of the column, not 2.
SECOND = [
    "沉默寡言的李春是此次1998年",
    "锻炼干部中三名女青年之一对于",
    "记者的问题回答得很干脆耐性意",
    "志锻炼是我永生的收益。",
]


def test_a_line_far_short_of_the_column_ends_its_paragraph() -> None:
    # `识了自己该怎么做。` is 9 ems of 14 with every mark whole: no indented first
    # line is that short, so it is a paragraph's last line and the next one opens.
    (item,) = parse_text("\n".join([HEAD, *FIRST, *SECOND])).items
    assert item.paragraphs == ("".join(FIRST), "".join(SECOND))


def test_an_indented_first_line_that_closes_goes_on() -> None:
    # `过年前，母亲是最忙的人。` is 12 ems of 14 counted whole: the indent, and the
    # paragraph goes on below it.
    lines = [
        "过年是大人们的事，也是孩",
        "子们的事，他们为过年忙得不可",
        "开交。孩子们则盼着穿新衣，吃",
        "好的，玩个痛快。",
        "过年前，母亲是最忙的人。",
        "除了要把父亲采购回的年货变成",
        "美味的佳肴，还要把家人特别是",
        "孩子们的新衣裳准备好。",
    ]
    (item,) = parse_text("\n".join([HEAD, *lines])).items
    assert item.paragraphs == ("".join(lines[:4]), "".join(lines[4:]))
