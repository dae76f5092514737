"""A caption whose text ends in a bracket left open, over a credit line that is whole.

Typst's page 1302 in PDFium's text: `…重又活跃。（新华社发美联。` / `通讯员 韩刚志 摄`. The
credit below closes no bracket, so the open one above is not its first half: it stays
the caption's text and the credit is the line below as printed.
"""

from __future__ import annotations

import pytest

from reader.model import Item
from reader.parse.stories import parse_text

HEAD = "全国政协举行迎春茶话会"
NEXT = "迎春茶话会在京举行"
BODY = [
    "经济建设取得新的",
    "重大成就，各项事业全",
    "面发展，人民生活水平",
    "进一步提高。",
]
CAPTION = [
    "图为一月十三日，位于西西里岛的埃特纳火山的东南面喷射出熔融的岩浆。上星期，一系列",
    "地震使埃特纳火山重又活跃。（新华社发美联。",
]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def caption_of(page: tuple[Item, ...]) -> Item:
    (got,) = [i for i in page if i.kind == "caption"]
    return got


def test_an_open_bracket_over_a_whole_credit_line_stays_the_captions_text() -> None:
    page = items(HEAD, *BODY, *CAPTION, "通讯员 韩刚志 摄", NEXT, *BODY)
    got = caption_of(page)
    assert "".join(got.paragraphs) == "".join(CAPTION)
    assert got.credit == "通讯员 韩刚志 摄"
    assert [i.headline for i in page if i.kind != "caption"] == [HEAD, NEXT]


@pytest.mark.parametrize(
    ("tail", "credit"),
    [
        (["地震使埃特纳火山重又活跃。（新华社记者", "王伟摄）"], "（新华社记者王伟摄）"),
        (["地震使埃特纳火山重又活跃。", "（本报记者马", "娜芳摄）"], "（本报记者马娜芳摄）"),
    ],
)
def test_an_open_bracket_the_credit_line_closes_is_the_credits(
    tail: list[str], credit: str
) -> None:
    page = items(HEAD, *BODY, CAPTION[0], *tail, NEXT, *BODY)
    got = caption_of(page)
    assert "".join((got.credit or "").split()) == credit
    assert "".join(got.paragraphs).endswith("重又活跃。")
