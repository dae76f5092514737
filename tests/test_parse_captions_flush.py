"""Captions set flush and wide, and a note on the credit's line (issue 12 round 10).

Text made up for these tests, in the shapes PDFium writes of Chromium's pages (every
mark an em wide, a caption under a picture wider than the story's column) and MuPDF
writes of Typst's (a note and the credit alone on the caption's last line).
"""

from __future__ import annotations

import pytest

from reader.model import Item
from reader.parse import lines as line_module
from reader.parse.stories import parse_text

HEAD = "全国政协举行迎春茶话会"
# A story in a 13-em column, its paragraphs indented, its last line short.
STORY = [
    "春节前夕，市里组织文艺",
    "小分队深入山区，为群众送去",
    "精彩的节目，受到了群众的欢",
    "迎。演出结束后，演员们又和",
    "村民一起包饺子。",
]
NEXT = ["晚会在京举行", "本报记者 王明", "迎春晚会昨晚在人民大", "会堂举行，节目丰富多彩。"]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


CAPTION = [  # 14 ems a line, each mark an em
    "在多年的实践中，我们体会到，",
    "对于学校第一线的教育实践工作",
    "者来说，提高质量需要解决一系",
    "列理论与实际操作的问题。",
]


def test_a_flush_caption_opening_with_quotes_is_not_an_indented_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # On a page read as set with squeezed marks (as PDFium's text of a Chromium page
    # can be, from its lines' widths), `“减负”的意义之一，就是让学` counts 12.5 ems, as
    # a line set in by an indent would, and 14 with its marks whole: it fills the
    # 14-em caption, no indent in it, and the caption starts there.
    monkeypatch.setattr(line_module, "is_squeezed", lambda *_: True)
    caption = [
        "“减负”的意义之一，就是让学",
        "生有更多的时间读书思考和运动",
        "在实施素质教育的过程中，我们",
        "必须下大力气解决好这个问题。",
        *CAPTION,
    ]
    page = items(HEAD, *STORY, *caption, "受访者供图", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption),)
    assert got.credit == "受访者供图"
    assert page[0].paragraphs[-1].endswith("村民一起包饺子。")


def test_an_indented_first_line_above_a_caption_still_stops_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(line_module, "is_squeezed", lambda *_: True)
    # `大家都说今年的春节过得格`: 12 ems in the 14-em run, marks or not: set in, the
    # story's own paragraph, which its closed full line ends.
    story = [*STORY, "大家都说今年的春节过得格", "外热闹，格外开心，格外难忘。"]
    page = items(HEAD, *story, *CAPTION, "受访者供图", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(CAPTION),)
    assert page[0].paragraphs[-1] == "大家都说今年的春节过得格外热闹，格外开心，格外难忘。"


def test_a_note_before_the_credit_on_its_own_line_closes_the_caption_text() -> None:
    # `…兼并工作。` / `（龚萱）（新华社发）`: the note is the text's, as on one line.
    caption = ["为了鼓励企业兼并工作，工商银", "行多次参与、协调了十多家企业", "的兼并工作。"]
    page = items(HEAD, *STORY, *caption, "（张明）（新华社发）", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption) + "（张明）",)
    assert got.credit == "（新华社发）"


def test_a_credit_line_that_is_one_credit_stays_whole() -> None:
    caption = ["为了鼓励企业兼并工作，工商银", "行多次参与、协调了十多家企业", "的兼并工作。"]
    page = items(HEAD, *STORY, *caption, "（新华社记者 张明 摄）", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption),)
    assert got.credit == "（新华社记者 张明 摄）"


def test_a_caption_set_wider_than_the_column_starts_under_its_closed_full_line() -> None:
    # On a page that indents its paragraphs, the story's column is 12 ems and its last
    # paragraph ends on a full line; the caption under the picture is 13 ems and its two
    # sentences each end on a full line: a closed line short only by its hanging mark
    # did not end the caption's search, which went back to the latest closed line.
    story = [
        "市民们说，新的公园建",
        "成以后，附近的环境大为改",
        "观，面貌一新。",
        "每天清晨，都有许多老",
        "人在这里锻炼身体，孩子们",
        "在这里嬉戏。",
        "周末的时候，很多家庭",
        "来这里散步，放风筝，拍照",
        "留念。",
        "公园里还有一个小小的",
        "动物园，养着猴子和孔雀。",
        "孩子们都很喜欢。",
        "大家都说，这里已经成",
        "了市民们休息娱乐的地方，",
        "是全市最受欢迎的好公园。",
    ]
    caption = [
        "福建省福州市左海公园近日收",
        "养了一只罕见的大海龟，这只",
        "海龟体重约一百二十八公斤。",
        "专家鉴定龟龄约一百五十岁。",
    ]
    page = items(HEAD, *story, *caption, "（本报通讯员 林明 摄）", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("".join(caption),)
    assert page[0].paragraphs[-1].endswith("是全市最受欢迎的好公园。")


def test_a_caption_in_the_story_column_still_starts_at_the_latest_closed_line() -> None:
    # Set in the column itself, no wider: where the caption opens, the text cannot say;
    # the latest closed line stays the cut (the parser's reading before this round).
    story = [
        "市民们说，新的公园建",
        "成以后，附近的环境大为改",
        "观，面貌一新。",
        "每天清晨，都有许多老",
        "人在这里锻炼身体，孩子们",
        "在这里嬉戏。",
        "周末的时候，很多家庭",
        "来这里散步，放风筝，拍照",
        "留念。",
        "公园里还有一个小小的",
        "动物园，养着猴子和孔雀。",
        "孩子们都很喜欢。",
        "大家都说，这里已经成",
        "了市民们休息娱乐的地方，",
        "是全市最受欢迎的好公园。",
    ]
    caption = [
        "福建省福州市左海公园近日",
        "收养了一只罕见的大海龟，",
        "体重约一百二十八公斤。",
        "专家鉴定龟龄约一百五十岁。",
    ]
    page = items(HEAD, *story, *caption, "（本报通讯员 林明 摄）", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("专家鉴定龟龄约一百五十岁。",)


def test_a_story_end_and_a_numbered_caption_joined_with_no_space_are_split() -> None:
    # PDFium wrote the story's last line and a one-line caption under a wide picture as
    # one line, with no space: `…厂供稿。４、…开通。`, its credit on the next line.
    story = [
        "“贺新年”一组剪纸，由",
        "我国最大的剪纸工厂蔚县",
        "剪纸厂供稿。２、河南驻马店金融同城清算系统开通。",
    ]
    page = items(HEAD, *STORY, *story, "吕秀伟 摄", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.paragraphs == ("２、河南驻马店金融同城清算系统开通。",)
    assert page[0].paragraphs[-1] == "“贺新年”一组剪纸，由我国最大的剪纸工厂蔚县剪纸厂供稿。"


def test_a_numbered_sentence_inside_a_line_of_the_column_stays() -> None:
    # `。２、` inside a line no wider than its neighbours: the story's own list.
    story = ["会议提出两点要求：１、", "抓好落实。２、加强监督。"]
    page = items(HEAD, *STORY, *story, *NEXT)
    assert not [i for i in page if i.kind == "caption"]
    assert page[0].paragraphs[-1].endswith("抓好落实。２、加强监督。")
