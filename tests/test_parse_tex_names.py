"""Bylines and credits in MuPDF's text of XeTeX's pages (issue 12 round 13).

MuPDF starts a new line where TeX's glue moves the pen, so a byline or a picture's
credit comes a word a line (`本报记者` / `何立` / `通讯员` / `曾强`), or whole with no
space where the glue was (`本报记者张红梅通讯员李强`, `周建华摄`). Text made up for
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
    assert is_byline("本报记者张红梅通讯员李强")
    page = parse_text(_STORY.format(byline="本报记者张红梅通讯员李强"))
    (story,) = page.items
    assert story.byline == "本报记者张红梅通讯员李强"
    assert story.paragraphs[0].startswith("本报北京")


def test_a_credit_a_word_a_line_goes_with_its_caption() -> None:
    for credit in ("本报记者\n赵明\n摄于1 月19 日", "通讯员\n孙丽\n摄", "周建华摄", "冯平\n摄"):
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
    assert kind_of("周建华摄", "周建华摄") is Kind.CREDIT
    assert kind_of("他为此拍摄了照片。", "他为此拍摄了照片。") is Kind.BODY


def test_pieces_under_a_headline_are_measured_by_the_whole_lines() -> None:
    # A story's first lines, many of them pieces (`二次起步”。` / `“新华”…`), under a
    # headline's short lines: the column is the width of its whole lines, not theirs.
    text = (
        "水利部部长王大明\n——调查报告表明市民对今后生活\n充满信心\n"
        "善于抓住时机的新华商场今\n年把对“东风”合作管理看作“第\n二次起步”。\n"
        "“新华”有外资成分，限\n于规定，不能开分店。\n“新华”总经\n"
        "理王立新表示，如果不靠合作管理\n扩大规模，给职工以一显身手的舞\n台，\n"
        "“新华”就不再是“领头羊”了，剩\n下的只能是“小店”不是“大店”了。\n"
    )
    paragraphs = [p for item in parse_text(text).items for p in item.paragraphs]
    assert paragraphs[0].startswith(
        "善于抓住时机的新华商场今年把对“东风”合作管理看作“第二次起步”。“新华”"
    )


def test_a_header_band_a_word_a_line_is_the_header() -> None:
    text = "责任编辑\n王小明\n1998 年1 月5 日\n星期一\n文化\n15\n" + _STORY.format(
        byline="本报记者何立"
    )
    page = parse_text(text)
    assert page.header is not None
    assert page.header.replace(" ", "") == "责任编辑王小明1998年1月5日星期一文化15"
    assert page.items[0].headline == "春节前夕各地市场供应充足"


def test_a_band_a_cell_a_line_is_taken_whole() -> None:
    for band, header in (
        (
            "15\n国际\n１９９８年１月２０日\n星期二\n责任编辑：王小明\n",
            "15国际１９９８年１月２０日星期二责任编辑：王小明",
        ),
        (
            "人民日报\n1998 年1 月7 日\n星期三\n第1 版\n今日12 版\n",
            "人民日报1998年1月7日星期三第1版今日12版",
        ),
    ):
        page = parse_text(band + _STORY.format(byline="本报记者何立"))
        assert (page.header or "").replace(" ", "") == header
        assert page.items[0].headline == "春节前夕各地市场供应充足"


# A printed line in pieces no paragraph makes (`家乡》、` / `《春天来了》`): the page was
# written so.
_SURE = (
    "新年晚会在市文化宫举行。\n晚会上演出了舞蹈《我的\n家乡》、\n"
    "《春天来了》，独唱《\n山歌唱给亲人听》等节目。\n"
)


def test_a_first_line_in_pieces_under_a_dateline_is_joined() -> None:
    # `王建国教授说：` / `“学校`: the paragraph's first line, set in, under a dateline
    # (no sentence closed above it).
    text = (
        "教师节前夕访名师\n本报杭州1月9日讯\n王建国教授说：\n“学校\n"
        "的发展要靠一支好的教师队\n伍，建设好这支队伍周期长\n难度也大。经过多年的积累\n"
        "中青年教师已经成为骨干。\n" + _SURE
    )
    paragraphs = [p for item in parse_text(text).items for p in item.paragraphs]
    assert paragraphs[0].startswith("王建国教授说：“学校的发展")


def test_pieces_followed_by_pieces_are_joined() -> None:
    # `老板：` / `“怎么会这样贵？”老` fill the column, and the line after them is a
    # printed line's first piece in turn (`板说：` / `“本店的货物，都是`).
    text = (
        _SURE
        + "我们问那位卖货的\n老板：\n“怎么会这样贵？”老\n板说：\n“本店的货物，都是\n"
        + "从外地运来的好货。”请\n他拿出价目单，老板却说\n没有，一直就是这个价。\n"
    )
    paragraphs = [p for item in parse_text(text).items for p in item.paragraphs]
    assert any("老板：“怎么会这样贵？”老板说：“本店的货物，都是从外地" in p for p in paragraphs)
