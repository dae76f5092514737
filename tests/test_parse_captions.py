"""Captions, credits and page furniture in text extracted from pages set by others."""

from __future__ import annotations

import pytest

from reader.model import Item
from reader.parse.stories import parse_text

# A paragraph set in a 10-em column, its first line indented 2 ems.
BODY = ["经济建设取得新的", "重大成就，各项事业全", "面发展，人民生活水平", "进一步提高。"]
HEAD = "全国政协举行迎春茶话会"


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


@pytest.mark.parametrize("credit", ["（新华社发）", "（资料图片）", "（受访者供图）"])
def test_a_bracketed_credit_without_a_name_ends_the_caption(credit: str) -> None:
    page = items("元月１日，著名演员来到北京市儿", f"童福利院联欢。{credit}", HEAD, *BODY)
    assert page[0].kind == "caption"
    assert page[0].paragraphs == ("元月１日，著名演员来到北京市儿童福利院联欢。",)
    assert page[0].credit == credit
    assert page[1].headline == HEAD


def test_the_page_count_set_apart_from_the_date_band_is_header() -> None:
    page = parse_text(
        "\n".join(["1998 年 1 月 31 日 星期六 第 1 版", "人民日报", "今日 20 版", HEAD, *BODY])
    )
    assert page.header == "人民日报 1998 年 1 月 31 日 星期六 第 1 版 今日 20 版"
    assert [i.headline for i in page.items] == [HEAD]


# The last paragraph of a story whose last line is full: no short line sets it apart.
FULL_END = [
    "经济建设取得新的",
    "重大成就，各项事业全",
    "面发展，人民生活水平",
    "进一步提高，形势很好。",
]
CAPTION = ["元月一日，著名演员来到", "北京市儿童福利院，与孤", "残少儿联欢。（新华社发）"]


def test_a_caption_in_the_story_column_starts_after_its_last_sentence() -> None:
    page = items(HEAD, *FULL_END, *CAPTION, "迎春茶话会在京举行", *BODY)
    assert [i.kind for i in page] == ["article", "caption", "article"]
    assert page[0].paragraphs == ("".join(FULL_END),)
    assert page[1].paragraphs == ("元月一日，著名演员来到北京市儿童福利院，与孤残少儿联欢。",)
    assert page[1].credit == "（新华社发）"
    assert page[2].headline == "迎春茶话会在京举行"


def test_a_caption_under_a_brief_starts_after_the_brief() -> None:
    brief = ["■各项事业全面发展，人", "民生活水平进一步提高，", "经济形势一年比一年好。"]
    page = items(*BODY, *brief, *CAPTION, "迎春茶话会在京举行", *BODY)
    assert [i.kind for i in page] == ["brief", "brief", "caption", "article"]
    assert page[1].marker == "■"
    assert page[2].credit == "（新华社发）"


def test_a_note_wrapped_onto_the_next_line_closes_the_paragraph() -> None:
    story = [*BODY[:3], "进一步提高。（孟", "西安）"]
    page = items(HEAD, *story, *CAPTION, "迎春茶话会在京举行", *BODY)
    assert [i.kind for i in page] == ["article", "caption", "article"]
    assert page[0].paragraphs[-1].endswith("进一步提高。（孟西安）")
    assert page[1].paragraphs[0].startswith("元月一日")


def test_a_credit_wrapped_inside_its_name_is_the_credit() -> None:
    caption = [
        "元月一日，著名演员来到",
        "北京市儿童福利院与孤残",
        "少儿联欢。（新华社记者",
        "周重要摄）",
    ]
    page = items(HEAD, *BODY, *caption, "迎春茶话会在京举行", *BODY)
    assert [i.kind for i in page] == ["article", "caption", "article"]
    assert page[1].paragraphs == ("元月一日，著名演员来到北京市儿童福利院与孤残少儿联欢。",)
    assert page[1].credit is not None
    assert page[1].credit.replace(" ", "") == "（新华社记者周重要摄）"


def test_a_caption_under_another_does_not_open_with_a_headline() -> None:
    first = ["图为工人们正在加工发电机。", "新华社记者 王伟 摄"]
    second = [
        "河北省保定市交警三大队八中队在",
        "学习济南交警的活动中，以优质",
        "的服务受到好评。图为女民警在搀",
        "扶老人过马路。（通讯员 宋建洋 摄）",
    ]
    page = items(*first, *second, "迎春茶话会在京举行", *BODY)
    assert [(i.kind, i.headline) for i in page] == [
        ("caption", None),
        ("caption", None),
        ("article", "迎春茶话会在京举行"),
    ]
    assert page[1].paragraphs[0].startswith("河北省保定市")


@pytest.mark.parametrize(
    "credit", ["（新华社发美联社照片）", "（传真照片）", "（新华社记者陈天湖摄）"]
)
def test_a_picture_headline_heads_its_caption(credit: str) -> None:
    # The corpus prints a picture item so: `挂起红灯迎新年（图片）`, the caption, its credit.
    text = (
        "元旦来临，安徽省合肥市长江路悬挂起３３００盏大红灯笼，为节日营造出欢乐祥和气氛。" + credit
    )
    caption = [text[k : k + 12] for k in range(0, len(text), 12)]  # not indented
    page = items(HEAD, *BODY, "挂起红灯迎新年（图片）", *caption, "迎春茶话会在京举行", *BODY)
    assert [(i.kind, i.headline) for i in page] == [
        ("article", HEAD),
        ("caption", "挂起红灯迎新年（图片）"),
        ("article", "迎春茶话会在京举行"),
    ]
    assert page[1].paragraphs == (text[: -len(credit)],)
    assert page[1].credit == credit  # no space where the line broke inside it


def test_a_dateline_after_the_story_text_opens_a_paragraph_not_a_byline() -> None:
    page = items(
        HEAD, "本报记者 张三", *BODY, "新华社开罗1月10日电", "（记者侯嘉）埃及外长穆萨", *BODY[1:]
    )
    (item,) = page
    assert item.byline == "本报记者 张三"
    assert item.paragraphs[1].startswith("新华社开罗1月10日电（记者侯嘉）埃及外长穆萨重大成就")


def test_a_dateline_under_a_line_left_open_starts_the_next_story() -> None:
    # `本报天津1月4日讯` under a line left open (the end of a story, or a stack the
    # parser did not find): the next story's dateline, not a second byline above.
    page = items(
        HEAD, "本报记者 张三", *BODY, *BODY, "过年物资已准备齐全，", "本报天津1月4日讯", *BODY
    )
    assert [i.byline for i in page] == ["本报记者 张三", "本报天津1月4日讯"]
    assert page[1].paragraphs == ("".join(BODY),)


def test_a_note_after_a_closing_quote_closes_the_paragraph() -> None:
    story = [*BODY[:3], "进一步提高了。”（孟", "西安韩宏）"]
    page = items(HEAD, *story, *CAPTION, "迎春茶话会在京举行", *BODY)
    assert [i.kind for i in page] == ["article", "caption", "article"]
    assert page[0].paragraphs[-1].endswith("进一步提高了。”（孟西安韩宏）")


def test_a_credit_closing_the_caption_over_a_credit_line_is_the_credit() -> None:
    # The corpus: `…的欢乐祥和气氛。（新华社记者戴浩摄）`, then `（传真照片）` on its own line.
    page = items(
        *BODY,
        "挂起红灯迎新年（图片）",
        "元旦来临，合肥市长江路挂起大红灯笼。（新华社记者戴浩摄）",
        "（传真照片）",
    )
    assert page[-1].kind == "caption"
    assert page[-1].headline == "挂起红灯迎新年（图片）"
    assert page[-1].paragraphs == ("元旦来临，合肥市长江路挂起大红灯笼。",)
    assert page[-1].credit == "（新华社记者戴浩摄） （传真照片）"


def test_band_cells_that_layout_text_set_apart_are_header_not_headlines() -> None:
    # `pdftotext -layout`-like text cut into columns: the page number set large beside
    # an inner page's band comes out on a line of its own under it, and the front
    # page's `今日 20 版` at the head of a column further down, over a caption.
    caption = ["元月一日，著名演员来到", "北京市儿童福利院联欢。", "新华社记者 王伟 摄"]
    inner = parse_text("\n".join(["要闻 1998年1月27日 星期二 责任编辑 宋平立", "12", *caption]))
    assert inner.header == "12 要闻 1998年1月27日 星期二 责任编辑 宋平立"
    assert [(i.kind, i.headline) for i in inner.items] == [("caption", None)]
    front = parse_text(
        "\n".join(["1998 年 1 月 27 日 星期二", "人民日报", HEAD, *BODY, "今日 20 版", *caption])
    )
    assert front.header is not None and front.header.endswith("今日 20 版")
    assert [(i.kind, i.headline) for i in front.items] == [("article", HEAD), ("caption", None)]
