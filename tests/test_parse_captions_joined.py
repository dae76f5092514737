"""Captions whose lines PDFium joined or cut across what the page set apart (issue 12 round 9).

Text made up for these tests, in the shapes PDFium writes of Typst and TeX pages.
"""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

HEAD = "全国政协举行迎春茶话会"
# A story in a 12-em column: its first line indented, its last line short.
STORY = [
    "春节前夕，市里组织",
    "文艺小分队深入山区，为",
    "群众送去精彩的节目，受",
    "到了群众的欢迎。",
]
NEXT = ["晚会在京举行", "本报记者 王明", "迎春晚会昨晚在人民大", "会堂举行，节目丰富多彩。"]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def kinds(page: tuple[Item, ...]) -> list[str]:
    return [i.kind for i in page]


def test_a_note_closed_on_the_credit_line_stays_in_the_caption_text() -> None:
    # `…（王小` / `红）（新华社记者李明摄）`: the note opened in the caption's text
    # closes on the credit's line; the credit alone is the credit.
    page = items(
        HEAD,
        *STORY,
        "志愿者为孤老户打扫卫生、",
        "拆被缝衣，并帮他们欢度佳",
        "节。（王小",
        "红）（新华社记者李明摄）",
        *NEXT,
    )
    caption = next(i for i in page if i.kind == "caption")
    assert caption.paragraphs == ("志愿者为孤老户打扫卫生、拆被缝衣，并帮他们欢度佳节。（王小红）",)
    assert caption.credit == "（新华社记者李明摄）"


def test_two_captions_side_by_side_split_after_the_first_credit() -> None:
    # The second caption's credit is four lines down, under its last line.
    page = items(
        HEAD,
        *STORY,
        "冬泳队伍里，有银发闪亮的老",
        "人，也有年轻的解放军战士，",
        "有工人、医生和学生。（通讯员 张华 摄） 近日，市中心的一条大",
        "街开辟为步行街，为市民",
        "和游客购物、休憩创造了",
        "良好的环境。",
        "本报记者 李强 摄",
        *NEXT,
    )
    captions = [i for i in page if i.kind == "caption"]
    assert [c.paragraphs for c in captions] == [
        ("冬泳队伍里，有银发闪亮的老人，也有年轻的解放军战士，有工人、医生和学生。",),
        ("近日，市中心的一条大街开辟为步行街，为市民和游客购物、休憩创造了良好的环境。",),
    ]
    assert [c.credit for c in captions] == ["（通讯员张华摄）", "本报记者 李强 摄"]


def test_a_short_last_line_joined_to_a_caption_wider_than_the_columns() -> None:
    # `…我的家。 １、春节前夕，…` on one baseline: the caption under a picture set
    # across columns runs wider than the story's lines and than its own last line.
    page = items(
        "军营情深",
        "每逢佳节来临，亲人",
        "团聚，就会想起曾经生活",
        "过的军营，那里也曾经是",
        "我的家。 １、春节前夕，驻守在灾区的某部二连组织战士舞狮队到受灾严",
        "重的乡里为灾民表演。（李强摄）",
        *NEXT,
    )
    assert kinds(page) == ["article", "caption", "article"]
    assert page[0].paragraphs == (
        "每逢佳节来临，亲人团聚，就会想起曾经生活过的军营，那里也曾经是我的家。",
    )
    assert page[1].paragraphs == (
        "１、春节前夕，驻守在灾区的某部二连组织战士舞狮队到受灾严重的乡里为灾民表演。",
    )


def test_a_picture_caption_under_a_story_with_a_headline_is_apart() -> None:
    # Under a byline and one closed paragraph, `图为…` opens the caption below
    # the story (its credit at its end), though no short line shows the break.
    page = items(
        "韩国将提升汽油价",
        "本报记者 林伟",
        "总理的题词是：“振兴百年",
        "产业，争创世界一流”。 图为一位大夫（右）给基",
        "金会捐款。（资料图片）",
        *NEXT,
    )
    assert kinds(page) == ["article", "caption", "article"]
    assert page[0].paragraphs == ("总理的题词是：“振兴百年产业，争创世界一流”。",)
    assert page[1].paragraphs == ("图为一位大夫（右）给基金会捐款。",)
    assert page[1].credit == "（资料图片）"


def test_a_caption_after_a_source_note_is_not_the_story_above() -> None:
    # `（据新华社电）` alone under a full line ends the story (or its paragraph): the
    # caption after it, up to its credit, is an item of its own.
    page = items(
        HEAD,
        "２、从本月开始，全国开展",
        "为期一个月的大型宣传活动",
        "，旨在引起全社会的重视。",
        "（据新华社电）",
        "③农民在新春佳节之际向大家",
        "问一声“新年好”。",
        "受访者供图",
        *NEXT,
    )
    caption = next(i for i in page if i.kind == "caption")
    assert caption.paragraphs == ("③农民在新春佳节之际向大家问一声“新年好”。",)
    assert caption.credit == "受访者供图"
    assert "２、从本月开始" in page[0].paragraphs[0]


def test_a_picture_title_and_its_credit_on_one_line_are_a_caption() -> None:
    # A weather map's title, no sentence in it, its credit after its note.
    page = items(
        HEAD,
        *STORY,
        "明天气象预报（１月３日２０时—１月４日２０时）（通讯员 刘磊 摄）",
        *NEXT,
    )
    assert kinds(page) == ["article", "caption", "article"]
    assert page[1].paragraphs == ("明天气象预报（１月３日２０时—１月４日２０时）",)
    assert page[1].credit == "（通讯员 刘磊 摄）"
