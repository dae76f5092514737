"""A picture's title over a caption of two sentences (issue 12 round 15).

Text made up for these tests in the shape PDFium and MuPDF write of Typst's pages of
whole 1998 articles (`bench/wholegen.py`): paragraphs set in by two ems, a caption set
flush under its title, its second sentence opening as captions do (`这是…`, `图为…`)
after a full line that closes the first.
"""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

# Stories in a 14-em column, their paragraphs set in by two ems: the page indents them.
STORIES = [
    "春节前夕，市里组织文艺小",
    "分队深入山区，为群众送去精彩",
    "的节目，受到了欢迎。",
    "演出结束后，演员们又和村",
    "民一起包饺子，欢声笑语不断，",
    "大家都很开心。",
    "晚会在京举行",
    "迎春晚会昨晚在人民大会堂",
    "举行，节目丰富多彩，观众不时",
    "报以热烈的掌声。",
    "晚会由中央电视台承办，全",
    "国各地的观众通过电视观看了这",
    "台晚会。",
    "节目结束后，观众久久不愿",
    "离去，纷纷与演员们合影留念，",
    "场面感人。",
    "晚会结束时，全场起立高唱",
    "《歌唱祖国》，气氛十分热烈。",
]
TITLE = "云岭菜花香"
CAPTION = [  # flush: its first line fills the column
    "春节前夕，云南省曲靖、玉溪等",
    "地去冬种植的１３５万亩油菜扬",
    "花吐蕊，一片金黄，开始结荚。",
    "这是玉溪市春和镇农民节前抓紧",
    "对油菜田进行后期管理，给结荚",
    "油菜喷打防虫农药。（新华社记",
]
NEXT = ["开发沙漠结硕果", "陕西榆林个体工商户刘建", "成累计投资开发沙漠，收效明显。"]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def test_a_flush_caption_under_its_title_is_one_caption() -> None:
    page = items("市里送戏下乡", *STORIES, TITLE, *CAPTION, "者周重要摄）", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.headline == TITLE
    text = "".join(CAPTION).removesuffix("（新华社记")
    assert got.paragraphs == (text,)
    assert got.credit == "（新华社记者周重要摄）"


def test_a_story_set_in_under_its_headline_keeps_its_caption_apart() -> None:
    # The text's first line under the headline is set in: a story's paragraph, and
    # the caption below it (`这是…`) is a picture's of its own, as before.
    story = [
        "春节前夕，云南省曲靖、",
        "玉溪等地去冬种植的１３５万亩",
        "油菜扬花吐蕊，一片金黄，开始",
        "结荚。",
    ]
    page = items("市里送戏下乡", *STORIES, TITLE, *story, *CAPTION[3:], "者周重要摄）", *NEXT)
    (caption,) = [i for i in page if i.kind == "caption"]
    assert caption.paragraphs[0].startswith("这是玉溪市")
    (article,) = [i for i in page if i.headline == TITLE]
    assert article.kind == "article"
    assert article.paragraphs == ("".join(story),)


def test_on_a_page_of_flush_paragraphs_the_caption_stays_apart() -> None:
    # No paragraph on the page is set in (text from the web, an engine that does not
    # indent): a full first line under a headline tells nothing, the story's text
    # ends at its closed line and the caption opens at `这是…` as before.
    flush = ["演出结束后，演员们又和村民一", "起包饺子，欢声笑语不断。"] * 3
    page = items("市里送戏下乡", *flush, TITLE, *CAPTION, "者周重要摄）", *NEXT)
    (caption,) = [i for i in page if i.kind == "caption"]
    assert caption.paragraphs[0].startswith("这是玉溪市")
    (article,) = [i for i in page if i.headline == TITLE]
    assert article.paragraphs == ("".join(CAPTION[:3]),)


def test_a_caption_whose_first_sentence_fills_a_line_is_one_caption() -> None:
    # `…创历史新低。` / `图为印尼首都…`: the first line under the title closes its
    # sentence and runs full, no paragraph's first line set in: the caption's.
    caption = ["一月以来印尼盾汇率持续下跌。", "图为印尼首都雅加达的一位货币", "交易员在数印尼盾。"]
    page = items("市里送戏下乡", *STORIES, "印尼盾汇率继续下跌", *caption, "（新华社发）", *NEXT)
    (got,) = [i for i in page if i.kind == "caption"]
    assert got.headline == "印尼盾汇率继续下跌"
    assert got.paragraphs == ("".join(caption),)
