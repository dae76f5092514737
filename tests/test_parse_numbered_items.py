"""A numbered run of captions or points with no credits: each item opens a paragraph
(issue 12, round 20; `reader.parse.series._mark_numbered`)."""

from __future__ import annotations

from reader.parse.stories import parse_text

# A 10-em column, first lines set in 2 ems; the paragraph's last line fills the column,
# and so do the items' first lines: nothing but their numbers says where they open.
HEAD = "军事文选出版"
TEXT = [
    "这部文选比较系统地",
    "反映了周恩来的军事实",
    "践和军事理论。这是科",
    "学的评价，历史的定位。",
]
ITEMS = [
    ["１、长征到达陕北后的", "周恩来。"],
    ["２、１９４８年４月，周", "恩来和毛泽东到达河北", "省西柏坡。"],
]
HEAD2 = "读书天地见面"
BODY = ["读书天地作为大地", "周刊的一个专版在新年", "之初与读者见面了。"]


def test_each_item_of_a_numbered_run_under_a_full_closed_line_opens_a_paragraph() -> None:
    items = parse_text("\n".join([HEAD, *TEXT, *ITEMS[0], *ITEMS[1], HEAD2, *BODY])).items
    assert items[0].paragraphs == ("".join(TEXT), "".join(ITEMS[0]), "".join(ITEMS[1]))
    assert items[1].headline == HEAD2


def test_one_numbered_line_alone_is_no_run() -> None:
    # `１、` with no `２、` after it: nothing on the page says it opens a paragraph (the
    # corpus runs a point on after a full stop too).
    items = parse_text("\n".join([HEAD, *TEXT, *ITEMS[0], HEAD2, *BODY])).items
    assert items[0].paragraphs == ("".join(TEXT) + "".join(ITEMS[0]),)


# The first item set in a narrow box and spread to fill it (round 25): its lines, their
# spaces gone, short of the 12-em column and open, as a head's are.
NEWS = ["目前，学习电脑网络知识成", "为京城人又一新时尚，每周", "就吸引着数百人参加学习。"]
SPREAD = [
    "１： 在 北 京 电 报 局",
    "营 业 大 厅 内， 每 天 前 来",
    "办 理 入 网 手 续 和 咨 询 网",
    "上 业 务 的 人 络 绎 不 绝。",
]
SECOND = ["２：北京电报局为院士们办", "理免费入网。这是一位院士", "在上网操作。"]


def test_a_numbered_run_s_first_item_spread_short_is_its_text_not_a_head() -> None:
    items = parse_text("\n".join(["京城网络热", *NEWS, *SPREAD, *SECOND, HEAD2, *BODY])).items
    spread = "".join(SPREAD).replace(" ", "")
    assert items[0].paragraphs[-2:] == (spread, "".join(SECOND))


# Points numbered with a middle dot (`１·`, TeX's text: `１・`, round 22): the same run.
DOTTED = [
    ["１・长征到达陕北后的", "周恩来。"],
    ["２・同年的四月间，周", "恩来和毛泽东到达河北", "省西柏坡。"],
]


def test_items_numbered_with_a_middle_dot_open_paragraphs() -> None:
    lines = [HEAD, *TEXT, *DOTTED[0], *DOTTED[1], HEAD2, *BODY]
    items = parse_text("\n".join(lines)).items
    assert items[0].paragraphs == ("".join(TEXT), "".join(DOTTED[0]), "".join(DOTTED[1]))


def test_a_middle_dot_between_figures_is_a_decimal_point_not_a_number() -> None:
    # `１·５` is one and a half: no item opens there (a line of the paragraph going on).
    # (The short closed line over `２·５` ends its paragraph, as any does.)
    decimal = [
        ["１·５万人到达陕北后", "周恩来。"],
        ["２·５万人在同年四月周", "恩来和毛泽东到达河北", "省西柏坡。"],
    ]
    items = parse_text("\n".join([HEAD, *TEXT, *decimal[0], *decimal[1], HEAD2, *BODY])).items
    assert items[0].paragraphs[0] == "".join(TEXT) + "".join(decimal[0])


def test_dotted_points_run_on_after_semicolons_stay_one_paragraph() -> None:
    # The corpus runs dotted points on in one paragraph too (`…；２·…；３·…。`): an item
    # that ends in a semicolon, not a full stop, is no paragraph of its own.
    run = [
        "１·形象独特，精神与意",
        "识适用于大部分企业；",
        "２·语言简单而有力，内",
        "涵深；３·资源丰富。",
    ]
    items = parse_text("\n".join([HEAD, *TEXT, *run, HEAD2, *BODY])).items
    assert items[0].paragraphs == ("".join(TEXT) + "".join(run),)
