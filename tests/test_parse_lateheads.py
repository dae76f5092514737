"""Headlines PDFium writes after the rest of the page, given back (issue 12).

Chromium writes a scaled head as a form XObject; PDFium's text writes forms after
the page's own text, so the heads come last, away from their stories. The lines
here are shapes of PDFium's text of bench/chromereal.py's pages (CRLF, as PDFium
writes), cut down.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.model import Item
from reader.parse.lateheads import _plan, give_back
from reader.parse.lateplan import _cut, plan
from reader.parse.lateplan import one_head as _one_head
from reader.parse.stories import parse_text

A = ["辩论大厅是英国议会的雏", "形，正反方对面而坐。发言时讲", "求风度，口口声声“贵方”如何"]
A += ["如何，语气谦恭，笑里藏刀。这", "是未来政客的演习场。"]
B = ["生产能力迅猛提高，伊利走", "向全国、提高产品市场占有率的", "“野心”越来越大，千方百计开"]
B += ["拓市场。"]
C = ["她们还明白，搞培训，不能", "空对空，不能黑板上种庄稼，讲", "台上开机器。"]
# A story that opens with a dateline, and its head (their words shared: 西湖, 毁林...).
W = ["据新华社杭州１月２３日电（许", "群）闻名天下的杭州西湖风景", "区日前发生一起毁林案，一片"]
W += ["山林被毁。"]
HEAD_W = "西湖发生一起毁林案"
E = ["编者按：西湖的山林是杭州的", "宝，护林人人有责。"]
N = ["内蒙古治乱减负工作主要", "通过取消有关管理部门的“收", "费权”来解决政企不分、方方"]
N += ["面面“吃企业”的问题。前不", "久，公布取消第一批涉企收费", "项目１０９项，为企业减负１"]
N += ["·７８亿元。"]


def _chars(page_text: str) -> Counter[str]:
    return Counter(c for c in page_text if not c.isspace())


def _printed(items: tuple[object, ...]) -> Counter[str]:
    out: Counter[str] = Counter()
    for item in items:
        for key in ("kicker", "headline", "subtitle", "byline", "source", "credit", "marker"):
            out.update(c for c in getattr(item, key) or "" if not c.isspace())
        for paragraph in item.paragraphs:  # type: ignore[attr-defined]
            out.update(c for c in paragraph if not c.isspace())
    return out


def test_heads_at_the_end_go_to_the_stories_left_without_one() -> None:
    # Story 2 starts at its subtitle, story 3 at its byline inside story 2's text:
    # the two heads at the end are theirs, in order; the first wraps over two lines.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["——科学的世界观、方法论", "本报记者 吕娜超 罗国", *B, "新华社记者 沈静强", *C]
    lines += ["伊利走向全国的", "“野心”", "巾帼扶贫送技术"]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [(i.headline, i.subtitle, i.byline) for i in page.items] == [
        ("去年国债发行兑付工作顺利结束", None, "本报记者 黄超"),
        ("伊利走向全国的“野心”", "——科学的世界观、方法论", "本报记者 吕娜超 罗国"),
        ("巾帼扶贫送技术", None, "新华社记者 沈静强"),
    ]
    assert page.items[1].paragraphs == ("".join(B),)
    assert page.items[2].paragraphs == ("".join(C),)
    assert [i.id for i in page.items] == ["//01/1", "//01/2", "//01/3"]
    assert _printed(page.items) == _chars(text)  # nothing lost, nothing doubled


def test_a_head_no_story_is_known_to_lack_stays_where_it_was() -> None:
    # Two stories with a head of one line each (a kicker perhaps, a head as likely: the
    # page's lead, and a line half as wide as its column): nothing tells which one the
    # late head is for, and it stays an item of its own.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["伊利人说：不让利", "本报记者 吕娜超 罗国", *B, "巾帼扶贫送技术"]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [i.headline for i in page.items] == [
        "去年国债发行兑付工作顺利结束",
        "伊利人说：不让利",
        "巾帼扶贫送技术",
    ]
    assert page.items[-1].paragraphs == ()
    assert _printed(page.items) == _chars(text)


def test_a_kicker_over_the_text_takes_the_one_head_left() -> None:
    # Story 1 has its stack whole (kicker, head, subtitle); story 2 one line over its
    # byline: the one head at the end is its head, and that line its kicker.
    lines = ["一轮明月照两岸", "去年国债发行兑付工作顺利结束", "——科学的世界观、方法论"]
    lines += ["本报记者 黄超", *A, "京郊电信扶贫工作展开", "本报记者 吕娜超", *B]
    lines += ["首都举行文艺演出慰", "问留学回国人员"]
    page = parse_text("\r\n".join(lines))
    assert [(i.kicker, i.headline, i.subtitle) for i in page.items] == [
        ("一轮明月照两岸", "去年国债发行兑付工作顺利结束", "——科学的世界观、方法论"),
        ("京郊电信扶贫工作展开", "首都举行文艺演出慰问留学回国人员", None),
    ]


def test_a_line_as_wide_as_its_column_is_a_kicker_and_a_narrow_one_a_head() -> None:
    # Stories 2 and 3 each show one line over their text. A head is set larger than
    # the text, so few of its characters fill a column: `春潮` (a third of story 2's
    # column) is a head, `伊利人说不让利就不得利` (four fifths of story 3's) a kicker
    # whose head came late: the head at the end is story 3's.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["春　潮", "本报记者 吕娜超", *N, "伊利人说不让利就不得利", "本报记者 罗国", *B]
    lines += ["巾帼扶贫送技术"]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [(i.kicker, i.headline) for i in page.items] == [
        (None, "去年国债发行兑付工作顺利结束"),
        (None, "春潮"),
        ("伊利人说不让利就不得利", "巾帼扶贫送技术"),
    ]
    assert _printed(page.items) == _chars(text)
    # The same lines with the two stories' stack lines swapped: now story 2's.
    two, three = lines.index("春　潮"), lines.index("伊利人说不让利就不得利")
    lines[two], lines[three] = lines[three], lines[two]
    page = parse_text("\r\n".join(lines))
    assert [(i.kicker, i.headline) for i in page.items] == [
        (None, "去年国债发行兑付工作顺利结束"),
        ("伊利人说不让利就不得利", "巾帼扶贫送技术"),
        (None, "春潮"),
    ]


def test_a_stack_wrapped_once_under_a_full_line_is_a_kicker_and_a_short_wrap_a_head() -> None:
    # Stories 2 and 3 each show a stack of two lines. A head wraps short of its
    # column (`江主席与克雷库` / `总统会谈`: half of story 2's): a head in place. A
    # line that fills the column and its one-character rest is set at the text's size:
    # story 3's kicker, whose head came late: the head at the end is story 3's.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["江主席与克雷库", "总统会谈", "本报记者 吕娜超", *N]
    lines += ["艺术家向首都干警送上新春祝", "福", "本报记者 罗国", *B, "巾帼扶贫送技术"]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [(i.kicker, i.headline) for i in page.items] == [
        (None, "去年国债发行兑付工作顺利结束"),
        (None, "江主席与克雷库总统会谈"),
        ("艺术家向首都干警送上新春祝福", "巾帼扶贫送技术"),
    ]
    assert _printed(page.items) == _chars(text)


def test_a_page_without_late_heads_is_read_as_before() -> None:
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A, "——科学的世界观、方法论", *B]
    page = parse_text("\r\n".join(lines))
    assert page.items[-1].headline == "——科学的世界观、方法论"  # no head to give it


def test_a_wrapped_head_is_one_box() -> None:
    assert _one_head(["朝阳区团委开展“送温", "暖”活动"])
    assert not _one_head(["暖”活动"])  # a closing quote opens no head
    assert not _one_head(["朝阳区团委开展“送温"])  # nor does one end inside a quote
    assert not _one_head(["钱其琛会见陈方", "安生会见", "中影中唱组建"])  # lines of two widths


def test_a_line_of_ideographs_one_wider_than_the_line_above_starts_a_head() -> None:
    # A head's box holds as many ideographs on each line but its last: a line of
    # ideographs alone one character wider than the line above is another head's
    # first (`照顾独居老人` ends one head, `市政府关于` starts the next). Lines that
    # hold marks, digits or signs may differ by an em in one box (squeezed or not,
    # narrower in the font): there the old slack stays.
    assert not _one_head(["独居老人", "市政府关于"])
    assert _cut("独居老人", "市政府关于") == 1.0
    assert _one_head(["市政府关于", "调整《城市", "绿地养护办", "法》的通知"])
    assert _one_head(["●新建校舍１", "２０所●学", "生人均面积", "６．５平方", "米"])
    assert _cut("生人均面积", "６．５平方米") < 1.0
    # Four heads for four of five places: the last, four lines set tight, is sure
    # (with the old slack it might have started at `独居老人`: nothing was).
    lines = ["西城：多方筹措为民办实事", "服务单位南京军", "区后勤保障部", "南宁：照顾", "独居老人"]
    lines += ["市政府关于", "调整《城市", "绿地养护办", "法》的通知"]
    assert (5, 9, 4) in plan(lines, [0.5, 0.9, 0.9, 0.15, 0.8])


def test_a_word_broken_across_the_break_goes_on_and_two_heads_edges_cut() -> None:
    # The language across the break: a pair the corpus's body text holds together
    # (`宣` / `传`, `办` / `实事`) is a word broken by the wrap, whatever the widths say,
    # and a line that starts as no head starts (`的…`) goes on too; a likely end of
    # one head and start of another with no such pair (`…会` / `我国…`) is a cut most
    # often; a weak pair across two likely edges (`…串门` /
    # `广州…`) and a pair that tells nothing leave it to the widths.
    assert _cut("全市开展文明交通宣", "传月活动") < 0.1
    assert _cut("西城：多方筹措为民办", "实事") < 0.1
    assert _cut("赢得市场先机，靠", "的是创新精神") < 0.1  # no head starts `的…`
    assert _cut("本市举行迎春茶话会", "我国今年将新建公路") > 0.8
    assert _cut("严禁请客串门", "广州开通地铁") == _cut("市政府关于调整", "城市绿地养护") == 0.25
    # Two heads of one width each wrapped once: the words decide where the first ends.
    lines = ["全市开展文明交通宣", "传月活动", "本市举行迎春茶话会", "我国今年将新建公路"]
    assert plan(lines, [0.95, 0.95, 0.95]) == [(0, 2, 0), (2, 3, 1), (3, 4, 2)]


def test_a_line_half_as_wide_as_the_one_above_is_most_often_its_rest() -> None:
    # A late head wrapped in its box: the last line holds what is left, often a word
    # or two (`启动`); a narrower line that still fills most of the box ends a head
    # more often, and a wider one always starts another.
    # (Words that tell nothing across the break: `…全面` / `启动…`, `…全面` / `全省…`.)
    above = "全省农村电网改造全面"
    assert _cut(above, "启动") < _cut(above, "启动工作会议") < _cut(above, above + "开始")
    assert _cut(above, "启动工作会议") > _cut(above, "全省农村电网改造工作")


def test_a_head_goes_to_a_weak_place_its_order_points_to_rather_than_stay() -> None:
    # Two heads, a place that is likely a story without its head and then a weak one
    # (a wrapped head alone, late one time in seven): a head left where it is (its
    # story run into another's, with no place) is rarer still, so both go back.
    lines = ["首都举行文艺演出慰", "问留学回国人员", "交通银行实现利润近四十八亿元"]
    assert plan(lines, [0.9, 0.15]) == [(0, 2, 0), (2, 3, 1)]


def test_the_plan_follows_the_order_and_the_odds() -> None:
    strong, kicker = 1, 2
    # One head and one story without: it goes there.
    assert _plan(["尼共六大开幕"], [kicker, strong, kicker]) == [(0, 1, 1)]
    # One head, two stories that may lack one: neither is likely enough.
    assert _plan(["尼共六大开幕"], [kicker, kicker]) == []
    # A wider line starts a new head: two heads for two stories, in order.
    assert _plan(
        ["首都举行文艺演出慰", "问留学回国人员", "交通银行实现利润近四十八亿元"], [strong, strong]
    ) == [
        (0, 2, 0),
        (2, 3, 1),
    ]


def test_a_head_goes_back_where_the_ways_that_put_it_there_weigh_four_tenths() -> None:
    # One story whose line is as wide as its column (odds 0.9), one that may lack its
    # head (0.35): the four lines go to the first as one head in 42 of 100 ways, and
    # the second takes some head in most of them.
    lines = ["全省农村电", "网改造工程", "正式全面启", "动实施"]
    assert plan(lines, [0.35, 0.9]) == [(0, 4, 1)]


def test_a_note_ends_the_run_of_late_heads() -> None:
    # The last story ends in a note (`（据新华社电）`): the head after it is late, its
    # last character wrapped alone (`案`, no head of its own), and story 2's.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["——科学的世界观、方法论", "本报记者 吕娜超 罗国", *B, "京城喜降瑞雪"]
    lines += ["明天气象预报（１９９８年１", "月３日２０时—１９９８年１月４日", "２０时）"]
    lines += ["（据新华社电）", "西湖发生一起毁林", "案"]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [(i.headline, i.subtitle) for i in page.items[:2]] == [
        ("去年国债发行兑付工作顺利结束", None),
        (HEAD_W, "——科学的世界观、方法论"),
    ]
    assert HEAD_W not in [i.headline for i in page.items[2:]]
    assert _printed(page.items) == _chars(text)


def test_a_dateline_inside_a_story_opens_the_story_whose_head_came_late() -> None:
    # Story 2 runs on from story 1 with no byline, but opens with a dateline, and the
    # late head shares its words: it heads story 2 there.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A, *W, HEAD_W]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [(i.kicker, i.headline) for i in page.items] == [
        (None, "去年国债发行兑付工作顺利结束"),
        (None, HEAD_W),
    ]
    assert page.items[0].paragraphs == ("".join(A),)
    assert page.items[1].paragraphs == ("".join(W),)
    assert _printed(page.items) == _chars(text)


def test_an_editors_note_opens_a_story_and_its_dateline_then_does_not() -> None:
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A, *E, *W, HEAD_W]
    page = parse_text("\r\n".join(lines))
    assert [i.headline for i in page.items] == ["去年国债发行兑付工作顺利结束", HEAD_W]
    assert page.items[1].paragraphs == ("".join(E), "".join(W))


def test_a_head_goes_to_the_story_whose_words_it_shares() -> None:
    # Two stories with one stack line each: by order and kind alike (the late head
    # stays, as in the test above); the head's words are in story 2's opening.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
    lines += ["伊利人说：不让利不得利", "本报记者 吕娜超 罗国", *W, HEAD_W]
    page = parse_text("\r\n".join(lines))
    assert [(i.kicker, i.headline) for i in page.items] == [
        (None, "去年国债发行兑付工作顺利结束"),
        ("伊利人说：不让利不得利", HEAD_W),
    ]


@dataclass
class _Story:
    stack: list[str]
    paragraphs: list[list[str]]
    bylines: list[str]
    byline_at: int = 0


def _items(*stories: _Story) -> tuple[Item, ...]:
    return tuple(
        Item(
            "",
            "article",
            headline=s.stack[0],
            byline=s.bylines[0],
            paragraphs=tuple("".join(p) for p in s.paragraphs),
        )
        for s in stories
    )


def test_heads_read_as_the_last_paragraph_go_back() -> None:
    # The parser ran the late head into story 2's text as its last paragraph: lines
    # with no stop after a closed paragraph, the first short of the column.
    late = ["首都举行文艺演出慰", "问留学回国人员"]
    first = _Story(["去年国债发行兑付工作顺利结束"], [A], ["本报记者 黄超"])
    second = _Story(["——科学的世界观、方法论"], [N, late], ["本报记者 吕娜超"])
    items = _items(first, second)
    out = give_back(items, [first, second], ("", "", 1))
    assert [(i.headline, i.subtitle) for i in out] == [
        ("去年国债发行兑付工作顺利结束", None),
        ("首都举行文艺演出慰问留学回国人员", "——科学的世界观、方法论"),
    ]
    assert out[1].paragraphs == ("".join(N),)
    # A last paragraph that ends a sentence is text, not heads: the items stay.
    closed = _Story(["——科学的世界观、方法论"], [N, [*late[:-1], "问留学回国人员！"]], ["本"])
    assert give_back(_items(first, closed), [first, closed], ("", "", 1)) == _items(first, closed)


def test_heads_run_into_the_last_paragraph_after_a_closed_line_go_back() -> None:
    # The text's last line closes its sentence and fills the column, so nothing ended
    # the paragraph there, and the late head ran on in it: the lines after the last
    # closed line are read as a last paragraph of heads.
    late = ["首都举行文艺演出慰", "问留学回国人员"]
    first = _Story(["去年国债发行兑付工作顺利结束"], [A], ["本报记者 黄超"])
    second = _Story(["——科学的世界观、方法论"], [[*N, *late]], ["本报记者 吕娜超"])
    out = give_back(_items(first, second), [first, second], ("", "", 1))
    assert [(i.headline, i.subtitle) for i in out] == [
        ("去年国债发行兑付工作顺利结束", None),
        ("首都举行文艺演出慰问留学回国人员", "——科学的世界观、方法论"),
    ]
    assert out[1].paragraphs == ("".join(N),)
    # Text after the closed line that ends the paragraph in a sentence stays text.
    text = ["首都举行文艺演出慰", "问留学回国人员。"]
    closed = _Story(["——科学的世界观、方法论"], [[*N, *text]], ["本"])
    assert give_back(_items(first, closed), [first, closed], ("", "", 1)) == _items(first, closed)
    # A head alone after the closed line (one line) is no run of heads: it stays.
    one = _Story(["——科学的世界观、方法论"], [[*N, "首都举行文艺演出"]], ["本"])
    assert give_back(_items(first, one), [first, one], ("", "", 1)) == _items(first, one)


def test_heads_read_as_the_last_paragraph_may_close_their_own_quotes() -> None:
    # The late head ends in a quote it opened (`帐篷里建起『少` / `儿之家』`): a head's
    # closing mark, not the text's; one that closes a quote opened further up is text.
    first = _Story(["去年国债发行兑付工作顺利结束"], [A], ["本报记者 黄超"])
    late = ["帐篷里建起『少", "儿之家』"]
    second = _Story(["——科学的世界观、方法论"], [N, late], ["本报记者 吕娜超"])
    out = give_back(_items(first, second), [first, second], ("", "", 1))
    assert [(i.headline, i.subtitle) for i in out] == [
        ("去年国债发行兑付工作顺利结束", None),
        ("帐篷里建起『少儿之家』", "——科学的世界观、方法论"),
    ]
    text = ["帐篷里建起『少年", "儿童之家", "的新房子』"]  # (a quote opened further up)
    quoted = _Story(["——科学的世界观、方法论"], [N, text], ["本"])
    assert give_back(_items(first, quoted), [first, quoted], ("", "", 1)) == _items(first, quoted)


def test_a_late_head_no_story_offers_a_place_for_stays() -> None:
    # Story 1's stack is whole (kicker, head, subtitle): no place; the head stays.
    lines = ["一轮明月照两岸", "去年国债发行兑付工作顺利结束", "——科学的世界观、方法论"]
    lines += ["本报记者 黄超", *A, "首都举行文艺演出慰", "问留学回国人员"]
    page = parse_text("\r\n".join(lines))
    assert [i.headline for i in page.items] == [
        "去年国债发行兑付工作顺利结束",
        "首都举行文艺演出慰问留学回国人员",
    ]


def test_a_dateline_alone_that_opens_a_story_whose_head_came_late_is_its_byline() -> None:
    # As the parser reads a story's first paragraph (`itemfields.lead_dateline`): the
    # dateline on a line of its own opens the story cut off at it, and is taken out.
    dateline = "新华社杭州１月２３日电"
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A, dateline, *W[1:], HEAD_W]
    text = "\r\n".join(lines)
    page = parse_text(text)
    assert [(i.headline, i.byline) for i in page.items] == [
        ("去年国债发行兑付工作顺利结束", "本报记者 黄超"),
        (HEAD_W, dateline),
    ]
    assert page.items[1].paragraphs == ("".join(W[1:]),)
    assert _printed(page.items) == _chars(text)


def test_a_byline_of_two_lines_goes_whole_to_the_story_its_late_head_opens() -> None:
    # Wrapped (`…通讯员 曹` / `霞`), over its dateline (`本报记者 朱艳` / `本报成都…讯`),
    # or with 通讯员, whose 讯 is no dateline's: the byline of the story cut off there.
    for byline in (
        ["本报记者 吕静立 通讯员 曹", "霞"],
        ["本报记者 吕静立 通讯员 曹霞"],
        ["本报记者 朱艳", "本报成都1月30日讯"],
    ):
        lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A, *byline, *B]
        page = parse_text("\r\n".join([*lines, "伊利走向全国的“野心”"]))
        assert [(i.headline, i.byline) for i in page.items] == [
            ("去年国债发行兑付工作顺利结束", "本报记者 黄超"),
            ("伊利走向全国的“野心”", " ".join(byline)),
        ]
        assert page.items[1].paragraphs == ("".join(B),)


def test_a_jump_line_ends_a_story_and_opens_the_next() -> None:
    # A story continued on another page ends in a jump line (`（下转第二版）`), and a
    # story continued from one opens with one (`（上接第一版）`): the text after the
    # one, or from the other, is another story's, which takes the late head.
    for jump, rest in (("（下转第二版）", C), ("（上接第一版）", ["（上接第一版）", *C])):
        lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A]
        lines += [jump] if jump.startswith("（下") else []
        lines += [*rest, "巾帼扶贫送技术"]
        text = "\r\n".join(lines)
        page = parse_text(text)
        heads = [i.headline for i in page.items]
        assert heads == ["去年国债发行兑付工作顺利结束", "巾帼扶贫送技术"]
        assert page.items[1].paragraphs[-1] == "".join(C)
        assert _printed(page.items) == _chars(text)


def test_a_note_after_a_jump_line_closes_the_story_above() -> None:
    # `（下转第二版）` / `（王伟）`: the author's note is the story's last, no story's start.
    lines = ["去年国债发行兑付工作顺利结束", "本报记者 黄超", *A, "（下转第二版）", "（王伟）"]
    lines += ["巾帼扶贫送技术"]
    page = parse_text("\r\n".join(lines))
    assert page.items[0].paragraphs[1:] == ("（下转第二版）", "（王伟）")
    assert len([i for i in page.items if i.paragraphs]) == 1
