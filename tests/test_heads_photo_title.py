"""A picture story's title over its caption, which is not set in (issue 12).

Chromium sets a picture story as a short title over a caption in the caption's own
type, its first line as wide as the lines under it. After a closed paragraph the
title looked like the caption's indented first line and was joined to it.
`phototitle.over_caption` reads the caption below (one paragraph that runs into a
photo credit) and the title's width against it. The page is cut from the shapes of
Chromium's whole-article pages in PDFium's text (bench/structure.py,
whole-chrome-pdfium 421 and 435).
"""

from __future__ import annotations

from pagelines import items_of

from reader.parse.lineends import lead_width
from reader.parse.phototitle import over_caption
from reader.parse.stopgap import marked_lines
from reader.parse.text import page_lines

STORY = [
    "欧盟将与我举行首次首脑会议",
    "本报布鲁塞尔１月２７日电",
    "记者丁刚报道：欧盟轮值主席国",
    "英国外交大臣库克昨晚在这里",
    "说，欧盟与中国的首次首脑会议",
    "将于今年４月初在伦敦亚欧会议",
    "期间举行。",
    "在昨天举行的欧盟外长会议",
    "上，库克还介绍了他最近的中国",
    "之行。他说，在访华期间，他与",
    "中国领导人探讨了举行首脑会议",
    "的可能性。双方一致表示，愿意",
    "通过高层会晤来进一步加强欧中",
    "关系。目前，与欧盟定期举行首",
    "脑会晤的国家已有美国、加拿",
    "大、日本和俄罗斯。",
]
PICTURE = [
    "山西运城展开“打假”战役",
    "为了让老百姓放心过好“两节”，",
    "山西运城地区技术监督局会同有关",
    "部门，在全区开展了为期一个月的",
    "“打假”战役，重点检查与老百姓",
    "过节有关的油盐酱醋烟酒等副食",
    "品。图为执法人员现场讲解。（吕",
    "乃成任志坚摄）",
]
NEXT = [
    "法俄签署军事合作",
    "意向书",
    "据新华社巴黎１月１７日电",
    "（记者郭京花）法国国防部长里",
    "夏尔和俄罗斯国防部长谢尔盖耶",
    "夫１７日在巴黎签署了１９９８",
    "年至１９９９年两国军事合作意",
    "向书。",
]


def test_a_picture_title_over_its_caption_heads_its_own_item() -> None:
    items = items_of(STORY + PICTURE + NEXT)
    titled = [it for it in items if it.get("headline") == "山西运城展开“打假”战役"]
    assert len(titled) == 1
    text = "".join(titled[0]["paragraphs"]) + "".join(
        "".join(c.get("paragraphs") or []) for c in titled[0].get("captions") or []
    )
    assert text.startswith("为了让老百姓放心过好“两节”")
    story = next(it for it in items if it.get("headline") == "欧盟将与我举行首次首脑会议")
    assert story["paragraphs"][-1].endswith("大、日本和俄罗斯。")


def test_a_paragraph_first_line_over_two_paragraphs_and_a_credit_stays_text() -> None:
    # The same widths, but the block under the line is two paragraphs (a short line
    # closes the first): no caption is under it, so the line is a first line.
    para = [
        "小扎耶德说起中国的学校",
        "他就会说：“我还要到中国去上",
        "学呢！”回国以后，他常常说起",
        "中国的朋友们。",
        "擂台赛的下一站比赛在１月",
        "１０日，在呼和浩特市举行，男",
        "单由孔令辉对阎森，女单由王晨",
        "对林菱。（新华社记者高秀摄）",
    ]
    items = items_of(STORY + para + NEXT)
    assert not any(it.get("headline") == "小扎耶德说起中国的学校" for it in items)


def test_a_line_over_a_dash_carried_over_runs_on() -> None:
    # `…种群` / `———秦皇岛…`: the sentence goes on past the dash; no title there.
    caption = [
        "我国目前最大的野生动物种群",
        "———秦皇岛野生动物园，为了保护",
        "珍贵的剑羚羚角，动物园职工为剑",
        "羚角套上了保护套。（新华社记者",
        "杨世尧摄）",
    ]
    items = items_of(STORY + caption + NEXT)
    assert not any(it.get("headline") == "我国目前最大的野生动物种群" for it in items)


# A picture story as the typesetting engine sets it: the caption in the body's type,
# not set in, its open lines thirteen ems; the title ten ideographs, short of the
# column by less than an indent and the caption's first unit (`120`, an em and a half)
# but by more than an em and a half and the unit (whole-typeset 250, 556, 584, 592:
# ten over twelve and a half, the unit an em; the title ran into its caption).
TITLE = "江南古镇迎来新春游客"
CAPTION = [
    "120名外地游客春节前来到",
    "江南一座古镇游览镇上老街两",
    "旁摆满了各色年货游客们驻足",
    "选购热闹非凡的景象在镇上随",
    "处可见。",
    "（本报记者王明摄）",
]


def _over_caption(raw: list[str], at: str) -> bool:
    lines = marked_lines(page_lines("\n".join(raw)))[0]
    i = next(n for n, line in enumerate(lines) if line.text == at)
    return over_caption(lines, i, lead_width)


def test_a_title_an_indent_short_of_a_caption_not_set_in_is_its_title() -> None:
    assert _over_caption([*STORY, TITLE, *CAPTION, *NEXT], TITLE)


def test_a_title_at_the_page_top_over_its_caption_is_its_title() -> None:
    # Nothing above the title: the page's top is a boundary as a closed line is
    # (whole-office 527, a picture story first on its page).
    assert _over_caption([TITLE, *CAPTION, *NEXT], TITLE)
    items = items_of([TITLE, *CAPTION, *NEXT])
    (titled,) = [it for it in items if it.get("headline") == TITLE]
    assert "".join(titled["paragraphs"]).startswith("120名")


def test_a_caption_first_line_set_in_is_no_title() -> None:
    # A line set in two ems from the caption's column of thirteen, open: it is the
    # caption's first line, not a title over it.
    first = "江南古镇迎来新春游客们"
    assert not _over_caption([*STORY, first, *CAPTION, *NEXT], first)


def test_a_line_that_measures_loosely_must_leave_the_indent() -> None:
    # Digits or quotes in the line: as wide as the title above by count, but such
    # marks measure loosely, so only a line short by the indent is a title
    # (pagegen2 16: `图为中国队9号孙` over the rest of its caption).
    for line in ("98年江南古镇迎新春游", "江南古镇迎“新春”游"):
        assert not _over_caption([*STORY, line, *CAPTION, *NEXT], line)


def test_a_line_set_in_at_the_page_top_is_its_caption_first_line() -> None:
    # At the page's top no story's end shows: a line the extractor saw set in is
    # the caption's own first line (pagegen2 467).
    assert not _over_caption(["\u3000" + TITLE, *CAPTION, *NEXT], TITLE)
