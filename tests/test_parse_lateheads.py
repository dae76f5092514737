"""Headlines PDFium writes after the rest of the page, given back (issue 12).

Chromium writes a scaled head as a form XObject; PDFium's text writes forms after
the page's own text, so the heads come last, away from their stories. The lines
here are shapes of PDFium's text of bench/chromereal.py's pages (CRLF, as PDFium
writes), cut down.
"""

from __future__ import annotations

from collections import Counter

from reader.parse.lateheads import _plan
from reader.parse.lateplan import one_head as _one_head
from reader.parse.stories import parse_text

A = ["辩论大厅是英国议会的雏", "形，正反方对面而坐。发言时讲", "求风度，口口声声“贵方”如何"]
A += ["如何，语气谦恭，笑里藏刀。这", "是未来政客的演习场。"]
B = ["生产能力迅猛提高，伊利走", "向全国、提高产品市场占有率的", "“野心”越来越大，千方百计开"]
B += ["拓市场。"]
C = ["她们还明白，搞培训，不能", "空对空，不能黑板上种庄稼，讲", "台上开机器。"]


def _chars(page_text: str) -> Counter[str]:
    return Counter(c for c in page_text if not c.isspace())


def _printed(items: tuple[object, ...]) -> Counter[str]:
    out: Counter[str] = Counter()
    for item in items:
        for key in ("kicker", "headline", "subtitle", "byline", "source", "credit", "marker"):
            out.update(c for c in getattr(item, key) or "" if not c.isspace())
        for paragraph in item.paragraphs:  # type: ignore[attr-defined]
            out.update(c for c in paragraph if not c.isspace())
    return out


def test_heads_at_the_end_go_to_the_stories_left_without_one() -> None:
    # Story 2 starts at its subtitle, story 3 at its byline inside story 2's text:
    # the two heads at the end are theirs, in order; the first wraps over two lines.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["——科学的世界观、方法论", "本报记者 吕娜超 罗国", *B, "新华社记者 沈静强", *C]
    lines += ["伊利走向全国的", "“野心”", "巾帼扶贫送技术"]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [(i.headline, i.subtitle, i.byline) for i in page.items] == [
        ("去年国债发行兑付工作顺利结束", None, "本报记者 黄超"),
        ("伊利走向全国的“野心”", "——科学的世界观、方法论", "本报记者 吕娜超 罗国"),
        ("巾帼扶贫送技术", None, "新华社记者 沈静强"),
    ]
    assert page.items[1].paragraphs == ("".join(B),)
    assert page.items[2].paragraphs == ("".join(C),)
    assert [i.id for i in page.items] == ["//01/1", "//01/2", "//01/3"]
    assert _printed(page.items) == _chars(text)  # nothing lost, nothing doubled


def test_a_head_no_story_is_known_to_lack_stays_where_it_was() -> None:
    # Two stories with a head of one line each (a kicker perhaps, a head as likely):
    # nothing tells which one the late head is for, and it stays an item of its own.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["伊利人说：不让利不得利", "本报记者 吕娜超 罗国", *B, "巾帼扶贫送技术"]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [i.headline for i in page.items] == [
        "去年国债发行兑付工作顺利结束",
        "伊利人说：不让利不得利",
        "巾帼扶贫送技术",
    ]
    assert page.items[-1].paragraphs == ()
    assert _printed(page.items) == _chars(text)


def test_a_kicker_over_the_text_takes_the_one_head_left() -> None:
    # Story 1 has its stack whole (kicker, head, subtitle); story 2 one line over its
    # byline: the one head at the end is its head, and that line its kicker.
    lines = ["一轮明月照两岸", "去年国债发行兑付工作顺利结束", "——科学的世界观、方法论"]
    lines += ["本报记者 黄超", *A, "京郊电信扶贫", "本报记者 吕娜超", *B]
    lines += ["首都举行文艺演出慰", "问留学回国人员"]
    page = parse_text("\r\n".join(lines))
    assert [(i.kicker, i.headline, i.subtitle) for i in page.items] == [
        ("一轮明月照两岸", "去年国债发行兑付工作顺利结束", "——科学的世界观、方法论"),
        ("京郊电信扶贫", "首都举行文艺演出慰问留学回国人员", None),
    ]


def test_a_page_without_late_heads_is_read_as_before() -> None:
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A, "——科学的世界观、方法论", *B]
    page = parse_text("\r\n".join(lines))
    assert page.items[-1].headline == "——科学的世界观、方法论"  # no head to give it


def test_a_wrapped_head_is_one_box() -> None:
    assert _one_head(["朝阳区团委开展“送温", "暖”活动"])
    assert not _one_head(["暖”活动"])  # a closing quote opens no head
    assert not _one_head(["朝阳区团委开展“送温"])  # nor does one end inside a quote
    assert not _one_head(["钱其琛会见陈方", "安生会见", "中影中唱组建"])  # lines of two widths


def test_the_plan_follows_the_order_and_the_odds() -> None:
    strong, kicker = 1, 2
    # One head and one story without: it goes there.
    assert _plan(["尼共六大开幕"], [kicker, strong, kicker]) == [(0, 1, 1)]
    # One head, two stories that may lack one: neither is likely enough.
    assert _plan(["尼共六大开幕"], [kicker, kicker]) == []
    # A wider line starts a new head: two heads for two stories, in order.
    assert _plan(
        ["首都举行文艺演出慰", "问留学回国人员", "交通银行实现利润近四十八亿元"], [strong, strong]
    ) == [
        (0, 2, 0),
        (2, 3, 1),
    ]
