"""Bylines and credits in MuPDF's text of XeTeX's pages (issue 12 round 13).

MuPDF starts a new line where TeX's glue moves the pen, so a byline or a picture's
credit comes a word a line (`本报记者` / `何立` / `通讯员` / `曾强`), or whole with no
space where the glue was (`本报记者邓明桂通讯员胡立`, `曾振国摄`). Text made up for
these tests.
"""

from __future__ import annotations

from reader.parse.kinds import Kind, is_byline, kind_of
from reader.parse.pieces import may_hold_names, rejoin_names
from reader.parse.stories import parse_text

_STORY = """\
春节前夕各地市场供应充足
{byline}
本报北京１月２０日讯春节临近，记者
在京城几家大商场看到，各类节日商
品琳琅满目，货源充足，价格平稳。
"""

_CAPTION = """\
一月十九日，北京市民在庙会上观看
民间艺人表演。
{credit}
农村电网改造全面展开
本报讯今年，国家将继续加大农村电
网改造的力度，让更多农民用上电。
"""


def test_a_byline_a_word_a_line_is_one_byline() -> None:
    page = parse_text(_STORY.format(byline="本报记者\n何立\n通讯员\n曾强"))
    (story,) = page.items
    assert story.byline is not None
    assert story.byline.replace(" ", "") == "本报记者何立通讯员曾强"
    assert story.paragraphs[0].startswith("本报北京")


def test_a_byline_without_its_gaps_is_one_byline() -> None:
    assert is_byline("本报记者邓明桂通讯员胡立")
    page = parse_text(_STORY.format(byline="本报记者邓明桂通讯员胡立"))
    (story,) = page.items
    assert story.byline == "本报记者邓明桂通讯员胡立"
    assert story.paragraphs[0].startswith("本报北京")


def test_a_credit_a_word_a_line_goes_with_its_caption() -> None:
    for credit in ("本报记者\n郭刚\n摄于1 月19 日", "通讯员\n李桂\n摄", "曾振国摄"):
        page = parse_text(_CAPTION.format(credit=credit))
        caption = page.items[0]
        assert caption.kind == "caption", credit
        assert (caption.credit or "").replace(" ", "") == credit.replace("\n", "").replace(" ", "")
        assert page.items[1].headline == "农村电网改造全面展开"


def test_names_are_joined_only_after_a_role_alone() -> None:
    raw = ["记者节前夕", "何立", "本报记者", "通讯员", "曾强", "摄", "本报记者", "这是一段正文。"]
    assert rejoin_names(raw) == [
        "记者节前夕",
        "何立",
        "本报记者",
        "通讯员 曾强 摄",
        "本报记者",
        "这是一段正文。",
    ]
    assert not may_hold_names("本报记者何立\n正文")
    assert may_hold_names("正文。\n本报记者\n何立\n")


def test_a_name_and_take_without_a_gap_is_a_credit() -> None:
    assert kind_of("曾振国摄", "曾振国摄") is Kind.CREDIT
    assert kind_of("他为此拍摄了照片。", "他为此拍摄了照片。") is Kind.BODY


def test_pieces_under_a_headline_are_measured_by_the_whole_lines() -> None:
    # A story's first lines, many of them pieces (`二次创业”。` / `“贵友”…`), under a
    # headline's short lines: the column is the width of its whole lines, not theirs.
    text = (
        "林业部部长陈耀邦\n——社会蓝皮书揭示公众对社会走\n向有信心\n"
        "惯于掐尖抢鲜的贵友大厦此\n次把对“卡玛”输出管理视为“第\n二次创业”。\n"
        "“贵友”含港资成分，囿\n于政策，无法开分店。\n“贵友”总经\n"
        "理高颖维感慨，再不利用输出管理\n扩张规模，给人才以一展才华的舞\n台，\n"
        "“贵友”将不再是“梧桐树”了，留\n下的也只是“麻雀”不是“凤凰”了。\n"
    )
    paragraphs = [p for item in parse_text(text).items for p in item.paragraphs]
    assert paragraphs[0].startswith(
        "惯于掐尖抢鲜的贵友大厦此次把对“卡玛”输出管理视为“第二次创业”。“贵友”"
    )


def test_a_header_band_a_word_a_line_is_the_header() -> None:
    text = "责任编辑\n黄雪\n1998 年1 月5 日\n星期一\n文化\n15\n" + _STORY.format(
        byline="本报记者何立"
    )
    page = parse_text(text)
    assert page.header is not None
    assert page.header.replace(" ", "") == "责任编辑黄雪1998年1月5日星期一文化15"
    assert page.items[0].headline == "春节前夕各地市场供应充足"


def test_a_band_a_cell_a_line_is_taken_whole() -> None:
    for band, header in (
        (
            "15\n国际\n１９９８年１月２０日\n星期二\n责任编辑：谢志燕\n",
            "15国际１９９８年１月２０日星期二责任编辑：谢志燕",
        ),
        (
            "人民日报\n1998 年1 月7 日\n星期三\n第1 版\n今日12 版\n",
            "人民日报1998年1月7日星期三第1版今日12版",
        ),
    ):
        page = parse_text(band + _STORY.format(byline="本报记者何立"))
        assert (page.header or "").replace(" ", "") == header
        assert page.items[0].headline == "春节前夕各地市场供应充足"


def test_a_first_line_in_pieces_under_a_dateline_is_joined() -> None:
    # `李渭清教授说：` / `“教师`: the paragraph's first line, set in, under a dateline
    # (no sentence closed above it), on a page that shows sure pieces (`、` / `《`).
    text = (
        "教师节前夕访名师\n本报杭州1月9日讯\n李渭清教授说：\n“教师\n"
        "队伍的建设是教育事业的关\n键问题，要建设好一支队伍\n周期长，难度大。经过２０\n"
        "年的人才积聚，中青年教师\n已成为骨干。\n"
        "晚会上演出了舞蹈《我爱\n中华》、\n《春色满园》，桑巴舞《\n热情似火》等节目。\n"
    )
    paragraphs = [p for item in parse_text(text).items for p in item.paragraphs]
    assert paragraphs[0].startswith("李渭清教授说：“教师队伍的建设")
