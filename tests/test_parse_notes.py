"""Source notes and credits in PDFium's text of pages set by others (issue 12, round 8)."""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

# Paragraphs set in a 12-em column, first lines indented 2 ems.
HEAD = "全国政协举行迎春茶话会"
HEAD2 = "迎春茶话会在京举行"
OPEN = ["经济建设取得新的重大", "成就，各项事业全面发展，", "人民生活水平进一步提高，"]
SHORT_END = [*OPEN, "形势很好。"]  # room for a note on the last line
FULL_END = [*OPEN, "今年的形势比去年更好。"]  # no room for a note
BODY = ["社会主义现代化建设", "又取得了新的进展，城市面", "貌发生了新的变化。"]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def test_a_note_under_a_full_line_is_paragraph_text_on_a_page_that_runs_notes_in() -> None:
    # `…更好。` fills the column, so `（据新华社电）` may be the paragraph's end that
    # did not fit: nothing on the page says otherwise (the corpus runs notes in).
    page = items(HEAD, *FULL_END, "（据新华社电）", HEAD2, *BODY)
    assert page[0].source is None
    assert page[0].paragraphs[-1].endswith("更好。（据新华社电）")


def test_a_page_that_sets_a_note_apart_sets_them_all_apart() -> None:
    # `（张三）` under `形势很好。` would have fitted on that line: set apart by
    # choice, so the note under the full line below is set apart too: each is its
    # story's last paragraph (a note is no `（来源：…）` source line, `reader.parse.notes`).
    first = [HEAD, *SHORT_END, "（张三）"]
    page = items(*first, HEAD2, "本报记者 李四", *FULL_END, "（据新华社电）", HEAD, *BODY)
    assert [i.source for i in page] == [None, None, None]
    assert page[0].paragraphs == ("".join(SHORT_END), "（张三）")
    assert page[1].paragraphs == ("".join(FULL_END), "（据新华社电）")


def test_a_note_that_would_not_have_fitted_above_says_nothing_of_the_page() -> None:
    # Short of the column by room for the note's opening, but by less than the note.
    end = [*OPEN, "今年形势更好。"]
    page = items(HEAD, *end, "（据新华社北京电）", HEAD2, *FULL_END, "（张三）", "春节", *BODY)
    assert page[0].paragraphs[-1] == "（据新华社北京电）"  # under a short line: set apart
    assert page[1].source is None
    assert page[1].paragraphs[-1].endswith("更好。（张三）")


# A caption in a 13-em column, a writer's note at its end and the credit after it.
CAPTION = [
    "１月１５日，医院又在灾区建",
    "起了临时病房，为灾区群众",
    "和救灾人员的身体健康提供",
    "保障。（陆君喜张冠军张津",
]


def test_a_squeezed_close_and_open_bracket_written_opening_first_is_mended() -> None:
    # `）（` squeezed into one em: PDFium writes the opening mark first.
    page = items(HEAD, *BODY, *CAPTION, "雪孙继革（）本报记者 陈春 摄）", HEAD2, *BODY)
    caption = page[1]
    assert caption.kind == "caption"
    assert caption.paragraphs == ("".join(CAPTION) + "雪孙继革）",)
    assert caption.credit == "（本报记者 陈春 摄）"
    assert page[2].headline == HEAD2


def test_an_empty_bracket_pair_in_the_text_stays() -> None:
    line = "常用万分之几（）来表示。"
    page = items(HEAD, *BODY[:2], line, HEAD2, *BODY)
    assert page[0].paragraphs[-1].endswith(line)


def test_a_short_last_line_joined_to_a_caption_s_first_line_is_cut_apart() -> None:
    # PDFium writes one baseline as one line: the story's `动员纪录。` (5 ems, in an
    # 11-em column), a space, the caption's first line (13 ems, its column 14).
    story = [
        ["百慕大、巴西、伊朗、", "卢森堡和乌拉圭都只有一", "名运动员参赛。肯尼亚是第"],
        ["在冬奥会历史上，４年", "前的挪威利勒哈默尔冬奥", "会创造了６７个参赛国家"],
    ]
    caption = [
        "人人都是“经济动物”，只会赚",
        "钱，不会求知。其次，一个地方",
        "的经济要发展，必须有文化的",
        "积累，人才的储备。再次，以",
        "形成不靠行政命令，也不靠长",
        "官意志。（本报记者 谢伟 摄）",
    ]
    joined = "动员纪录。 首先，在经济发达地区，并非"
    lines = [
        *story[0],
        "一次参加冬奥会，他们将派",
        "出两名运动员参赛。",
        *story[1],
        "创造了１８０１的参赛运",
        joined,
    ]
    page = items(HEAD, *lines, *caption, HEAD2, *BODY)
    assert [i.kind for i in page] == ["article", "caption", "article"]
    assert page[0].paragraphs[1] == "".join(story[1]) + "创造了１８０１的参赛运动员纪录。"
    assert page[1].paragraphs[0].startswith("首先，在经济发达地区，并非人人")
    assert page[1].credit == "（本报记者谢伟摄）"  # a credit inside a line loses its spaces


WIDE_CAPTION = [
    "各“窗口”行业公布便民措施后，分别在内部进行了动员，建立起领",
    "导干部责任制，并层层分解量化，落实到岗到人。１月１１日，南马",
    "过去三四昼夜才能干完的活儿。（受访者供图）",
]


def test_a_stack_after_a_caption_s_credit_heads_the_next_story() -> None:
    # Under a marker the next story's own lines start without a stack of their
    # own: the stack between is theirs, not a title read after the caption's body.
    brief = ["●由单位进行福利性", "住房分配的旧体制还在延", "续，致使新建住房不断进入"]
    brief.append("旧的住房体制。")
    page = items(HEAD, *BODY, *WIDE_CAPTION, "春城绿意张昆华", "卢军：用爱心送子进大学", *brief)
    caption = next(i for i in page if i.kind == "caption")
    assert (caption.headline, caption.subtitle) == (None, None)
    assert caption.credit == "（受访者供图）"
    assert any(i.headline for i in page[page.index(caption) + 1 :])


def test_a_picture_title_over_its_credit_alone_is_the_caption_s_text() -> None:
    title = ["蓝天芭蕾——空军『八一』飞行表演", "队（附图片２张）"]
    page = items(HEAD, *BODY, *title, "本报记者 许英", "摄于1月5日", HEAD2, *BODY)
    caption = page[1]
    assert caption.kind == "caption"
    assert caption.headline is None
    assert caption.paragraphs == ("蓝天芭蕾——空军『八一』飞行表演队（附图片２张）",)
    assert caption.credit == "本报记者 许英 摄于1月5日"
    assert page[2].headline == HEAD2


def test_a_squeezed_full_stop_and_open_bracket_written_opening_first_is_mended() -> None:
    caption = ["１月１５日，医院又在灾区建", "起了临时病房，为灾区群众", "和救灾人员的身体健康提供"]
    page = items(HEAD, *BODY, *caption, "保障（。本报记者 徐军 摄）", HEAD2, *BODY)
    assert page[1].kind == "caption"
    assert page[1].paragraphs == ("".join(caption) + "保障。",)
    assert page[1].credit == "（本报记者徐军摄）"


def test_a_story_under_a_byline_keeps_the_credit_that_ends_its_text() -> None:
    # A picture's caption printed as a story's text, under a headline and a byline:
    # captions carry credits, not bylines, so it stays an article with its text whole.
    text = [
        "２、１月４日，美国肯塔基州的一",
        "座化肥仓库燃起大火，数千名当",
        "地居民被疏散。图为从空中看到",
        "的现场。（新华社发美联",
        "社照片）",
    ]
    page = items(HEAD, *BODY, "农业部部长刘江", "本报记者 谢明", *text, HEAD2, *BODY)
    story = page[1]
    assert (story.kind, story.headline, story.byline) == (
        "article",
        "农业部部长刘江",
        "本报记者 谢明",
    )
    assert story.paragraphs == ("".join(text),)
    assert story.credit is None


def test_a_story_under_a_byline_keeps_a_credit_set_on_the_line_below() -> None:
    text = ["１月４日，以色列外长利维在特", "拉维夫宣布，他决定辞职。这加", "剧了政府的政治危机。"]
    page = items(
        HEAD,
        *BODY,
        "利维宣布辞职",
        "本报记者 吴启松",
        *text,
        "（新华社发美联社照片）",
        HEAD2,
        *BODY,
    )
    story = page[1]
    assert (story.kind, story.byline, story.credit) == ("article", "本报记者 吴启松", None)
    assert story.paragraphs == ("".join(text) + "（新华社发美联社照片）",)
