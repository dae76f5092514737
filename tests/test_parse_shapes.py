"""Issue 12's patterns 1-5 and its caption and furniture shapes, with its own examples."""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

# A paragraph set in a 10-em column, its first line indented 2 ems.
BODY = ["经济建设取得新的", "重大成就，各项事业全", "面发展，人民生活水平", "进一步提高。"]
LEAD = "农业再获丰收，"


def items(*lines: str, sep: str = "\n") -> tuple[Item, ...]:
    return parse_text(sep.join(lines)).items


def test_bylines_under_the_headline_are_bylines() -> None:
    for byline in ("本报记者陈鹏", "新华社记者 王 伟", "本报记者 张三 李四"):
        (item,) = items("全国农业工作会议召开", byline, LEAD, *BODY)
        assert item.headline == "全国农业工作会议召开"
        assert item.subtitle is None
        assert item.byline == byline


def test_byline_does_not_join_the_previous_story() -> None:
    page = items(*BODY, "全国农业工作会议召开", "本报记者陈鹏", LEAD, *BODY)
    assert len(page) == 2
    assert page[1].byline == "本报记者陈鹏"
    assert page[0].byline is None


def test_headlines_with_punctuation_digits_and_latin() -> None:
    for head in (
        "抢占市场制高点，靠的是不断进取精神",
        "菜篮子：十年巨变",
        "篇幅缩为1\uff0f6，适合中等文化程度读者",  # a full-width solidus, as printed
    ):
        page = items(*BODY, head, LEAD, *BODY)
        assert [i.headline for i in page] == [None, head]


def test_hint_after_a_bracketed_credit_starts_a_story() -> None:
    page = items(*BODY[:2], "面发展。（张春启）", " 菜篮子：十年巨变", LEAD, *BODY)
    assert len(page) == 2
    assert page[0].paragraphs[-1].endswith("（张春启）")
    assert page[1].headline == "菜篮子：十年巨变"


def test_a_line_of_closing_marks_continues_the_line_before() -> None:
    lines = ["他说：“我们一定", "要把农业生产搞上去，", "经济也要搞上去。", "”"]
    page = items(*lines, LEAD, *BODY[1:])
    assert [i.headline for i in page] == [None]
    assert page[0].paragraphs[0] == "他说：“我们一定要把农业生产搞上去，经济也要搞上去。”"
    page = items("新华社北京1月1日电（记者谷利", "）我国农业生产再获丰收，", *BODY[1:])
    assert page[0].byline == "新华社北京1月1日电（记者谷利）"
    assert page[0].paragraphs[0].startswith("我国农业生产再获丰收，")


def test_one_paragraph_a_line_from_the_web() -> None:
    paras = [
        "我国经济建设取得新的重大成就，各项事业全面发展，人民生活水平进一步提高。",
        "农业生产再次获得好的收成，企业改革继续深化，对外经济技术合作与交流不断扩大。",
        "民主法制建设、精神文明建设和其他各项事业都有新的进展，社会保持稳定。",
        "我们十分关注最近一个时期一些国家和地区发生的金融风波，情况会逐步得到缓解。",
    ]
    (item,) = items("全国农业工作会议召开", *paras)
    assert item.headline == "全国农业工作会议召开"
    assert item.paragraphs == tuple(paras)


def test_headline_after_a_closed_paragraph_with_no_hint() -> None:
    page = items(*BODY, "全国政协举行迎春茶话会", LEAD, *BODY)
    assert [i.headline for i in page] == [None, "全国政协举行迎春茶话会"]


def test_credit_at_the_end_of_the_caption_sentence() -> None:
    page = items(
        "中国选手在女子跳水",
        "比赛中再添一金。（本报",
        "记者 吴萍磊 摄）",
        "全国政协举行迎春茶话会",
        *BODY,
    )
    assert page[0].kind == "caption"
    assert page[0].paragraphs == ("中国选手在女子跳水比赛中再添一金。",)
    assert page[0].credit is not None and page[0].credit.replace(" ", "") == "（本报记者吴萍磊摄）"
    assert page[1].headline == "全国政协举行迎春茶话会"


def test_credits_in_other_forms() -> None:
    for credit in (["受访者供图"], ["新华社记者 王伟 摄"], ["新华社记者", "王伟 摄"]):
        page = items("图为工人们正在加工发电机。", *credit, "全国政协举行迎春茶话会", *BODY)
        assert page[0].kind == "caption"
        assert page[0].credit == " ".join(credit)
        assert page[1].headline == "全国政协举行迎春茶话会"


def test_caption_starting_tuwei_after_a_story() -> None:
    page = items(*BODY, "图为工人们正在加工发电机。", "新华社记者 王伟 摄")
    assert [i.kind for i in page][-1] == "caption"
    assert page[-1].paragraphs == ("图为工人们正在加工发电机。",)


def test_masthead_and_date_band_are_the_header() -> None:
    page = parse_text(
        "\n".join(["人民日报", "1998年1月5日 星期一 第1版", "全国农业工作会议召开", *BODY])
    )
    assert page.header == "人民日报 1998年1月5日 星期一 第1版"
    assert [i.headline for i in page.items] == ["全国农业工作会议召开"]
