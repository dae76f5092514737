"""Headline stacks in page text laid out by others, issue 12 round 10 (branch `heads11`).

Each test is a cause counted on PDFium's text of pages no round had read before
(bench/README.md, "Headlines in page text laid out by others, issue 12 round 10").
"""

from __future__ import annotations

from reader.parse.joined import split_gaps
from reader.parse.lineends import ends_here
from reader.parse.lines import make_lines
from reader.parse.stacks import split_stack
from reader.parse.stories import parse_text

# A 12-em column: full lines of 12 characters, a paragraph's first line 2 ems in.
BODY = [
    "江泽民对联邦快递公司来北",
    "京举行董事会表示欢迎，希望",
    "董事会成员通过访问更好地了",
    "解中国，并与中国有关公司共",
    "同探讨合作的机会。",
]
# ...and a paragraph whose first line is set two ems in.
INDENTED = [
    "１９９７年５月中旬，一",
    "位市委书记来到村里，一连几",
    "天走访了二十多户农家，问的",
    "都是吃饭穿衣的事情。",
]
CLOSED = [*BODY, "为欢度虎年新春，中国京剧院", "在大会堂三楼小礼堂举行了专", "场演出。"]


def test_a_wrapped_headlines_last_characters_a_space_before_its_subtitles_dashes() -> None:
    # PDFium writes the stub of a wrapped headline and the subtitle, set in smaller
    # type on the same baseline band, as one line with a space at the gap.
    for stack, headline, subtitle in (
        (
            ["承德：科技良种作年", "礼 ——翟俊杰拍出《挺立潮头》"],
            "承德：科技良种作年礼",
            "——翟俊杰拍出《挺立潮头》",
        ),
        (
            ["河北实施共富工", "程贫困人口脱贫", "率达到８０％ ——１９９７世界十大科技进", "展"],
            "河北实施共富工程贫困人口脱贫率达到８０％",
            "——１９９７世界十大科技进展",
        ),
    ):
        page = parse_text("\n".join([*CLOSED, *stack, "新华社记者 张 敏", *BODY]))
        assert (page.items[-1].headline, page.items[-1].subtitle) == (headline, subtitle)


def test_no_gap_before_three_dashes_nor_after_a_long_run() -> None:
    # `———` in a line of text is a paragraph's dash (round 9), not a subtitle's.
    line = "是巨大的透明玻璃！ ———“透明”到这个份儿上"
    assert split_gaps([line]) == [line]
    # ...nor before two after a run longer than a headline's last characters.
    line = "全年增长了１２．５％ ——这是多年来最高的"
    assert split_gaps([line]) == [line]
    assert split_gaps(["礼 ——翟俊杰拍出《挺立潮头》"]) == ["礼", "——翟俊杰拍出《挺立潮头》"]


def test_a_dashed_quote_that_closes_under_a_headline_is_its_subtitle() -> None:
    # It closes a sentence, so it was no candidate; `——` under a headline line is
    # a subtitle's (688 of 700 such lines on the cached pages).
    stack = ["谨防“金蝉脱壳”", "——“那么多钱，能负担吗？”"]
    for byline, body in ((["本报记者 赵平 通讯员 韩超霞"], BODY), ([], INDENTED)):
        page = parse_text("\n".join([*CLOSED, *stack, *byline, *body]))
        assert page.items[-1].headline == "谨防“金蝉脱壳”"
        assert page.items[-1].subtitle == "——“那么多钱，能负担吗？”"
        assert page.items[-1].paragraphs[0].startswith(body[0])


def test_a_quote_closed_by_a_full_stop_over_a_byline_is_a_headline() -> None:
    stack = ["“我是来报案的，我", "的摩托车丢了。”"]
    page = parse_text("\n".join([*CLOSED, "（来源：经济日报）", *stack, "本报记者许平", *BODY]))
    assert page.items[-1].headline == "“我是来报案的，我的摩托车丢了。”"
    assert page.items[-1].byline == "本报记者许平"


def test_a_quote_closed_by_a_full_stop_over_a_paragraph_stays_dialogue() -> None:
    lines = [*CLOSED, "“我是来报案的，我的摩托车丢了。”", *BODY]
    page = parse_text("\n".join(lines))
    assert [item.headline for item in page.items] == [None]
    assert "“我是来报案的，我的摩托车丢了。”" in "".join(page.items[0].paragraphs)


def test_three_dashes_at_a_stack_lines_end_run_on_into_the_next() -> None:
    # A kicker's mark is two dashes; three are a dash inside the headline.
    stack = ["而那些氤氲的积淀和发生就像这雪", "群众参与、群众受益———", "志愿服务的生命力所在"]
    assert split_stack(stack) == (stack[0], "群众参与、群众受益———志愿服务的生命力所在", None)
    assert split_stack(["科技兴农——", "农民要致富农校来帮助"]) == (
        "科技兴农——",
        "农民要致富农校来帮助",
        None,
    )


def test_a_stub_on_its_subtitles_line_far_wider_than_the_headline_is_split_off() -> None:
    # PDFium writes the stub (headline type) and the subtitle (smaller) as one line
    # with no space; a wrapped headline's rest is never the wider of its lines.
    stack = ["确立京剧改革的指导理论", "香港将建特区政府", "总部——英国可怜鱼儿雄变雌奈何污"]
    assert split_stack(stack) == (
        "确立京剧改革的指导理论",
        "香港将建特区政府总部",
        "——英国可怜鱼儿雄变雌奈何污",
    )
    # ...but not before three dashes, nor under a line about as wide: a headline's own dash.
    assert split_stack(["全国政协举行第五十一次主席会议", "李宁牌———中国体育用品第一品牌"])[2] == (
        "李宁牌———中国体育用品第一品牌"
    )
    assert split_stack(["香港将建特区政府", "总部——英国可怜"])[2] == "总部——英国可怜"


def test_a_stub_and_its_subtitle_on_one_line_end_where_they_stand() -> None:
    # PDFium of Chromium's page: the widths below do not say that the stack ends
    # (the next line measures as full as the line); the dashes after a stub do, as
    # they do at a line's start (every such line on the pages read is a stack's).
    above = "十五大作出的战略部署顺利实现。"
    stack = ["塔乌两国总统会", "谈——『月球勘探者』进入环月轨道"]
    below = [
        "从一九九二年人民出版社成立策划",
        "室并由方鸣任主任开始作为出版策",
        "划的倡言者方鸣搞了一系列出版策",
    ]
    assert ends_here(make_lines([above, *stack, *below]), 2)
