"""A paragraph's last line told by the line above it and the unit below it (issue 12 round 11).

Text made up for these tests, in the shapes PDFium writes of WeasyPrint's and Chromium's
pages: a story under a byline whose paragraphs are not set in, so a paragraph ends only
where its last line stops short, and the line breaking of engines that follow Unicode's
rules (no break on either side of a quote).
"""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

HEAD = ["老区扶贫", "新华社记者 梁军娜"]
NEXT = ["盗窃家鼠田鼠两祸", "本报记者 王明", "迎春晚会昨晚在人民大", "会堂举行，节目丰富多彩。"]


def story(*lines: str) -> Item:
    page = parse_text("\n".join([*HEAD, *lines, *NEXT])).items
    return page[0]


def test_a_closed_line_two_ems_short_under_a_full_one_ends_its_paragraph() -> None:
    # `刮来的飕飕寒风的呼啸。`: 11 ems under a 13-em line inside the paragraph, and `童`
    # would have fitted on it: the paragraph ended there (no indent on these pages).
    got = story(
        "听不见莺啼燕唱，只有从海上",
        "刮来的飕飕寒风的呼啸。",
        "童志成四处搜寻，可怎么也望",
        "不到何老伯那熟悉的身影。",
    )
    assert got.paragraphs == (
        "听不见莺啼燕唱，只有从海上刮来的飕飕寒风的呼啸。",
        "童志成四处搜寻，可怎么也望不到何老伯那熟悉的身影。",
    )


def test_a_closed_line_that_could_not_take_a_quote_goes_on() -> None:
    # `视剧《三坊七巷》。` / `这“三坊七巷”犹如北京`: `这“三` breaks nowhere (no break
    # before or after `“`) and is three ems: it did not fit on the line above, which
    # went down whole. One paragraph.
    lines = [
        "建为故乡执导一部得到省",
        "委和省政府大力支持的电",
        "视剧《三坊七巷》。",
        "这“三坊七巷”犹如北京",
        "的大栅栏、上海的外滩一",
        "样，是福州城区的名片。",
    ]
    got = story(*lines)
    assert got.paragraphs == ("".join(lines),)


def test_a_closed_line_under_a_paragraphs_first_line_is_not_told_by_it() -> None:
    # The line above is the paragraph's first, set in by two ems: the closed line under
    # it (`少人都在向钱看，没钱办不成事。`, an em short of the column) is no narrower.
    lines = [
        "在现今市场经济的大潮中，不",
        "少人都在向钱看，没钱办不成事。",
        "对此，黄斌说：“医生的天职就是",
        "治病救人，救人是最要紧的。”",
    ]
    got = story(*lines)
    assert got.paragraphs == ("".join(lines),)


def test_a_line_opening_with_a_closing_quote_goes_on_the_line_above() -> None:
    # `…恕不接待上访。` / `”后来…`: the quote closes the sentence above (a wrapper that
    # moved it down); no paragraph opens with a closing mark.
    lines = [
        "在老吴那儿，以前也有一块办公室常挂",
        "的小黑板，上面写着：“今日内部学习，",
        "恕不接待上访。",
        "”后来这块小黑板被吴天祥锁进了柜子。老",
        "吴讲得在理，群众有难就得接待他们。",
    ]
    got = story(*lines)
    assert got.paragraphs == ("".join(lines),)
