"""Paragraphs set in with spaces (`　　`, as web pages and some extractors write them)."""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

PARAS = [
    "我国经济建设取得新的重大成就，各项事业全面发展，人民生活水平进一步提高。",
    "农业生产再次获得好的收成，企业改革继续深化，对外经济技术合作与交流不断扩大。",
    "民主法制建设、精神文明建设和其他各项事业都有新的进展，社会保持稳定。",
    "我们十分关注最近一个时期一些国家和地区发生的金融风波，情况会逐步得到缓解。",
]


def _wrapped(text: str, indent: str) -> list[str]:
    """A paragraph in a 12-em column, its first line set in by the indent."""
    return [indent + text[:10], *(text[k : k + 12] for k in range(10, len(text), 12))]


@pytest.mark.parametrize("indent", ["\u3000\u3000", "  "])
@pytest.mark.parametrize("count", [2, 4])
def test_one_indented_paragraph_a_line_is_one_article(indent: str, count: int) -> None:
    text = "\n".join(
        ["全国农业工作会议召开", "本报记者 张三", *(indent + p for p in PARAS[:count])]
    )
    (item,) = parse_text(text).items
    assert item.headline == "全国农业工作会议召开"
    assert item.byline == "本报记者 张三"
    assert item.paragraphs == tuple(PARAS[:count])


@pytest.mark.parametrize("indent", ["\u3000\u3000", "  "])
def test_indented_wrapped_paragraphs_stay_in_their_story(indent: str) -> None:
    story = [line for p in PARAS for line in _wrapped(p, indent)]
    page = parse_text("\n".join(["全国农业工作会议召开", *story, "菜篮子：十年巨变", *story]))
    assert [(i.headline, i.paragraphs) for i in page.items] == [
        ("全国农业工作会议召开", tuple(PARAS)),
        ("菜篮子：十年巨变", tuple(PARAS)),
    ]


def test_a_space_before_a_few_story_starts_is_still_a_hint() -> None:
    body = _wrapped(PARAS[0], "")
    page = parse_text("\n".join([*body, " " + PARAS[1][:10], *_wrapped(PARAS[1], "")[1:]]))
    assert len(page.items) == 2


def test_a_line_short_by_a_word_that_did_not_fit_continues_its_paragraph() -> None:
    # `2.14%；` ends its line short of the 11-em column, closing at a semicolon:
    # the next line's first word (`秘鲁`, one em) would not have fitted after it.
    lines = [
        "据此间报道，委内瑞",
        "拉加拉加斯股市受冲击最",
        "大，主要股票指数下跌；",
        "墨西哥股市下跌2.14%；",
        "秘鲁利马股市下跌1.77%；",
        "哥伦比亚圣菲波哥大股市",
        "也下跌了。",
    ]
    page = parse_text("\n".join(["拉美股市普遍下跌", *lines, "全国农业工作会议召开", *lines]))
    assert [len(i.paragraphs) for i in page.items] == [1, 1]


def test_when_every_line_starts_with_a_space_each_is_a_story() -> None:
    # As tests/corpuslib.py writes library pages: the hints mark stories, not indents.
    text = "1998年1月5日 星期一 第1版 要闻\n" + "".join(f" {p}\n" for p in PARAS)
    page = parse_text(text)
    assert [i.paragraphs for i in page.items] == [(p,) for p in PARAS]
