"""Reading order and paragraphs of PDF import, issue 12's fifth round: one test a cause.

Causes counted on Typst seeds 41-99 and 120-199 (tests/typesetgen.py), rebuilt here
from hand-placed glyphs in the shapes Typst gives with Noto SC fonts.
"""

from __future__ import annotations

from dataclasses import replace

from handset import BODY, line, texts

from reader.importing.reading_order import Glyph, layout
from reader.importing.structure import build
from reader.importing.typography import is_byline
from reader.model import Item


def ordered(glyphs: list[Glyph]) -> list[str]:
    return [t.strip() for t in layout(glyphs, (), is_byline).texts]


def one_item(glyphs: list[Glyph]) -> Item:
    glyphs = line("第五版", 0, 760) + glyphs  # the page's header row
    result = build(layout(glyphs, (), is_byline), ())
    assert result is not None
    (item,) = result[0].items
    return item


def test_a_headline_centred_over_three_columns_owns_the_one_on_its_left() -> None:
    # Seed 80: a one-column story on the left, its headline flush left over it; beside
    # it a story of three columns whose headline is centred over them and covers only
    # the middle one. The first column of the centred story is nearer the left
    # headline's stack, but it is the centred story's: read after its headline.
    glyphs = line("一项新纪录", 0, 700, 18, 700)
    for n in range(10):
        glyphs += line("左栏正文左栏正文左栏", 0, 672 - 14 * n)
    glyphs += line("评说潘汉年", 227, 692, 18, 700)  # middle 272 = middle of 111..433
    for k, x in enumerate((111, 222, 333)):
        glyphs += line("首行缩进首行缩进", x + 20, 664)
        for n in range(1, 6):
            glyphs += line(f"第{k}栏完。" if n == 5 else "中栏正文中栏正文中栏", x, 664 - 14 * n)
    got = ordered(glyphs)
    head = got.index("评说潘汉年")
    assert got[head + 1 :].count("首行缩进首行缩进") == 3  # no column read before it
    first = ["首行缩进首行缩进", *["中栏正文中栏正文中栏"] * 4, "第0栏完。"]
    assert got[head + 1 : head + 7] == first


def test_a_headline_centred_over_one_column_claims_no_columns_beside_it() -> None:
    # The same row of column tops under a headline centred over the middle column only,
    # with a headline over each column beside: each column keeps its own headline.
    glyphs = line("第五版", 0, 760)  # the page's header row
    glyphs += line("甲栏标题", 0, 700, 18, 700)
    glyphs += line("乙栏标题", 125, 700, 18, 700)  # middle 161 = middle of 111..211
    glyphs += line("丙栏标题", 222, 700, 18, 700)
    for k, x in enumerate((0, 111, 222)):
        for n in range(6):
            text = f"第{k}栏完。" if n == 5 else "正文正文正文正文正文"
            glyphs += line(text, x, 672 - 14 * n)
    got = ordered(glyphs)
    assert got.index("甲栏标题") < got.index("第0栏完。") < got.index("乙栏标题")
    assert got.index("乙栏标题") < got.index("第1栏完。") < got.index("丙栏标题")


def test_a_justified_gap_after_a_half_width_comma_does_not_split_the_line() -> None:
    # Seeds 145, 188: the comma's box is half an em wide and justification leaves 0.7 em
    # after it, more than a gutter's least width; the rows above and below print
    # right across that strip: it is inside the column.
    glyphs = line("一二三四五六七八九十一二", 0, 514) + line("一二三四五六七八九十一二", 0, 500)
    glyphs += [*line("间", 0, 486), Glyph("，", 10, 15, 483.5, 493.5, 486, BODY)]
    glyphs += line("波涛涌动奔流向前去了", 22, 486)
    glyphs += line("子丑寅卯辰巳午未申酉戌亥", 0, 472) + line("子丑寅卯辰巳午未申酉戌亥", 0, 458)
    assert "间， 波涛涌动奔流向前去了" in texts(glyphs)  # one segment (a word space kept)


def test_a_comma_hung_into_a_gutter_where_other_rows_hang_marks_still_ends_its_column() -> None:
    # Seed 150: two columns, a 6 pt gutter after the comma's box; two other rows hang
    # marks at the very same place. Those rows do not print across the gutter (a gap
    # follows their marks), so it stays a gutter.
    def row(left: str, baseline: float) -> list[Glyph]:
        return line(left, 0, baseline) + line("子丑寅卯辰巳午未申酉", 116, baseline)

    glyphs = row("一二三四五六七八九十", 514) + row("一二三四五六七八九，", 500)
    glyphs += row("甲乙丙丁戊己庚辛壬”", 486)
    glyphs += row("一二三四五六七八九。", 472) + row("一二三四五六七八九十", 458)
    got = texts(glyphs)
    assert "甲乙丙丁戊己庚辛壬”" in got
    assert got.count("子丑寅卯辰巳午未申酉") == 5


def test_a_headline_filling_one_column_claims_none_beside_it() -> None:
    # pdfgen seed 128: story A in columns 1-2, story B in columns 3-4 under a headline
    # set flush left that fills column 3. B's headline is as centred over columns 2-4 as
    # over column 3; flush left, that says nothing: column 2 stays A's.
    glyphs = line("甲报道", 0, 420, 20, 700)
    for n in range(8):
        glyphs += line("甲栏正文甲栏正文甲" if n < 7 else "甲栏完，", 0, 390 - 14 * n)
        glyphs += line("乙栏正文乙栏正文乙" if n < 7 else "乙栏完。", 100, 390 - 14 * n)
    glyphs += line("丙报道标题", 200, 412, 18, 700)  # fills column 3: 200..290
    for n in range(8):
        glyphs += line("丙栏正文丙栏正文丙", 200, 390 - 14 * n)
        glyphs += line("丁栏正文丁栏正文丁", 300, 390 - 14 * n)
    got = ordered(glyphs)
    assert got.index("甲栏完，") + 1 == got.index("乙栏正文乙栏正文乙")
    assert got.index("乙栏完。") < got.index("丙报道标题")


def test_a_full_line_ending_in_she_is_running_text_not_a_credit() -> None:
    # Seeds 55, 122, 157: `…全年平均温度虽然只有５．３摄` / `氏度，…`: a line of the
    # story's paragraph that happens to end in 摄 (摄氏度 broken at the column's edge).
    glyphs = line("标题在此", 0, 700, 20, 700)
    body = ["这里并非冷得不可想象，全", "年平均温度虽然只有５．３摄", "氏度，就再不下降了。"]
    for n, text in enumerate(body):
        glyphs += line(text, 20 if n == 0 else 0, 670 - 14 * n)
    item = one_item(glyphs)
    assert (item.kind, item.credit) == ("article", None)
    assert item.paragraphs == ("".join(body),)


def test_a_byline_a_little_short_of_the_unindented_line_under_it_is_the_byline() -> None:
    # Seeds 75, 180, 195, 198: `本报记者 王娜燕 孙群` set ragged 0.34 em short of the
    # column's edge, over a first paragraph that Typst did not indent.
    glyphs = line("标题在此", 0, 700, 20, 700)
    x = 0.0
    for word in ("本报记者", "王娜燕", "孙群"):  # spaces a third of an em
        glyphs += line(word, x, 676)
        x += 10 * len(word) + 3.3
    glyphs += line("这部由福建人民艺术", 0, 662) + line("剧", 90, 662)  # ends at 100, 3.4 more
    glyphs += line("院创作演出的大型历", 0, 648) + line("史", 90, 648)
    glyphs += line("话剧，再现了。", 0, 634)
    item = one_item(glyphs)
    assert item.byline == "本报记者 王娜燕 孙群"
    assert item.paragraphs == ("这部由福建人民艺术剧院创作演出的大型历史话剧，再现了。",)


def test_a_dateline_opening_a_full_first_line_stays_in_its_paragraph() -> None:
    # pdfgen seed 102: `新华社济南１月１３日电（肖冠军）` fills an indented first line; its
    # ink ends at the bracket's, short of the box. Not set apart: the paragraph's.
    glyphs = line("标题在此", 0, 700, 20, 700) + line("本报记者 陈雁", 0, 676)
    glyphs += line("新华社济南１月１３日电（肖冠军）", 20, 662)
    glyphs += line("全国国际象棋棋王棋后大奖赛经过５天７", 0, 648)
    glyphs += line("轮的角逐，第一阶段循环赛结束。", 0, 634)
    item = one_item(glyphs)
    assert item.byline == "本报记者 陈雁"
    assert item.paragraphs[0].startswith("新华社济南１月１３日电（肖冠军）全国")


def test_a_kicker_under_a_rule_under_a_caption_is_no_part_of_the_caption() -> None:
    # Seed 145: a picture, its caption and a credit set flush right, a rule across the
    # page, and the next row's kicker right under it, within the picture's width and
    # as close as the caption's own lines are: the rule ends the caption.
    picture = (0.0, 760.0, 300.0, 900.0)
    rule = (0.0, 717.0, 400.0, 717.5)
    glyphs = line("党中央、国务院对职工群众生活困难的问", 0, 748, 9)
    glyphs += line("题高度重视，帮助他们过好年。", 0, 738, 9)
    glyphs += line("本报通讯员 林明", 228, 729, 9) + line("摄于1月21日", 237, 721, 9)
    glyphs += line("中央实验话剧院导演查明哲", 60, 708, 9.9, 812)
    glyphs += line("招标：写上政府采购单", 40, 688, 19.7, 812)
    for n in range(4):
        glyphs += line("１９８３年，马德海受命来到一家小厂。", 0, 668 - 13 * n, 9)
    glyphs = line("第五版", 0, 960) + glyphs  # the page's header row
    result = build(layout(glyphs, [picture, rule], is_byline), [picture, rule])
    assert result is not None
    caption, story = result[0].items
    assert caption.credit == "本报通讯员 林明摄于1月21日"
    assert (story.kicker, story.headline) == ("中央实验话剧院导演查明哲", "招标：写上政府采购单")


def test_marked_lines_in_a_stack_and_in_running_text_stay_in_their_story() -> None:
    # Seeds 49, 83, 157, 170: a kicker `●…` in small bold type over a headline that
    # ends in `。”`, a marked subtitle, and marked paragraphs inside the story's text.
    glyphs = line("●新开工竣工面积分类指数持续走高", 20, 720, 10, 812)
    glyphs += line("“豁出命根子，刨除穷根子。”", 0, 700, 17.5, 812)
    glyphs += line("●京津间增开城际高速列车", 20, 680, 11.2, 812)
    body = [
        (20, "由单位进行福利性住房分配"),
        (0, "的旧体制还在延续。"),
        (20, "●公房租金水平没有摆脱低"),
        (0, "租金循环的福利制。"),
    ]
    for n, (x, text) in enumerate(body):
        glyphs += line(text, x, 660 - 14 * n)
    item = one_item(glyphs)
    assert item.kicker == "●新开工竣工面积分类指数持续走高"
    assert item.headline == "“豁出命根子，刨除穷根子。”"
    assert item.subtitle == "●京津间增开城际高速列车"
    assert item.paragraphs == (
        "由单位进行福利性住房分配的旧体制还在延续。",
        "●公房租金水平没有摆脱低租金循环的福利制。",
    )


def test_a_headline_set_tight_on_two_columns_leaves_their_first_row_to_them() -> None:
    # Seed 156: a kicker, then a headline whose loose box reaches 1.2 pt into the first
    # row of the two columns under it (rows aligned across them). That row is each
    # column's first line, not one line read across both.
    glyphs = line("天气趋势分析", 0, 742, 10.6, 812)
    glyphs += [
        replace(g, bottom=g.baseline - 0.24 * g.size)
        for g in line("胸中有全局手中有典型", 0, 722, 21.2, 900)
    ]
    rows: list[Glyph] = []
    for n in range(5):
        rows += line("第一栏正文第一栏正文第" if n < 4 else "第一栏完，", 0, 709 - 13 * n, 10.5)
        rows += line("第二栏正文第二栏正文第" if n < 4 else "第二栏完。", 142, 709 - 13 * n, 10.5)
    glyphs += [replace(g, top=g.baseline + 0.88 * g.size) for g in rows]  # 718.2 > 716.9
    got = ordered([*line("第五版", 0, 800), *glyphs])
    head = got.index("胸中有全局手中有典型")
    assert got[head + 1 : head + 6] == [*["第一栏正文第一栏正文第"] * 4, "第一栏完，"]


def test_a_comma_hung_into_a_gutter_beside_rows_on_other_baselines_ends_its_column() -> None:
    # Seed 194: two stories side by side whose rows do not line up (no row holds both
    # columns, so none shows the gutter as a gap). A comma hung past the left column's
    # edge (its box a full em) reaches to half a point from the right column: the left
    # column still ends at its edge, where its other rows end; read one by one.
    left = (
        ["前不久笔者听邻居讲述这"] * 2
        + ["一件令他震惊不已却又有，"]
        + ["前不久笔者听邻居讲述这"] * 2
    )
    glyphs: list[Glyph] = []
    for n, text in enumerate([*left, "左栏完。"]):
        glyphs += line(text, 0, 700 - 13 * n, 9)
        glyphs += line("右栏完。" if n == 5 else "科学家们认为鼓励基础研究", 108.5, 694 - 13 * n, 9)
    got = ordered([*line("第五版", 0, 800), *glyphs])
    assert got.index("左栏完。") == got.index("科学家们认为鼓励基础研究") - 1


def test_a_comma_hung_under_a_byline_across_the_gutter_ends_its_column_in_loose_leading() -> None:
    # Seed 95: a dateline centred across the gutter right over the first row, whose
    # left column ends in a comma hung to 5 pt from the right column. With leading
    # this loose, four ems around hold one row that prints across (the dateline) and
    # only two that show the gutter; six ems hold enough rows to outvote it.
    glyphs = line("新华社杭州1月7日电", 99, 717.6, 9.5)
    glyphs += line("活娱乐产品送给贫困地区的宗旨", 0, 704.5, 9.5)
    glyphs += line("，", 133, 704.5, 9.5) + line("０多年前的人类壮举", 147.5, 704.5, 9.5)
    for n in range(1, 5):
        glyphs += line("组织实施了这次活动送给贫困", 0, 704.5 - 13.1 * n, 9.5)
        glyphs += line("万利达机也是福建万利达", 147.5, 704.5 - 13.1 * n, 9.5)
    assert "活娱乐产品送给贫困地区的宗旨，" in texts(glyphs)


def test_a_narrow_gutter_that_hung_commas_nearly_fill_is_still_a_gutter() -> None:
    # A gutter of 0.75 em (narrower than Typst's pages have, as other engines set)
    # under a headline across both columns; three rows under the first hang commas
    # whose boxes reach to 2.1 pt from the next column. A comma's ink is in its left
    # half: those rows do not print across the gutter.
    glyphs = line("春风化雨百花艳", 0, 714, 23.3, 700)
    glyphs += line("这些留学生几乎都拿到", 0, 700, 10.5)
    glyphs += line("同学朗读人民日报当年报", 112.9, 700, 10.5)
    for n in range(1, 5):
        text = "前供职于美国的各行各，" if n > 1 else "了硕士或博士文凭他们目"
        glyphs += line(text[:10], 0, 700 - 13.8 * n, 10.5)
        if n > 1:
            glyphs += [
                Glyph("，", 100.3, 110.8, 697 - 13.8 * n, 708 - 13.8 * n, 700 - 13.8 * n, 10.5)
            ]
        glyphs += line("道恢复高考的消息他的声", 112.9, 700 - 13.8 * n, 10.5)
    got = texts(glyphs)
    assert got[1:3] == ["这些留学生几乎都拿到", "同学朗读人民日报当年报"]


def test_a_comma_inside_a_line_over_a_short_last_line_does_not_split_it() -> None:
    # Seeds 42, 53: `可容纳６０个班，３００` over `０名左右学生。`, the last two rows of a
    # column. The comma's ink leaves 0.6 em before `３`; the short row under it ends
    # before that strip and shows no gutter there (nothing prints right after it).
    glyphs = line("可容纳６０个班，３００", 0, 700, 9.5) + line("０名左右学生。", 0, 687, 9.5)
    glyphs += line("这里是另一栏的正文内容", 140, 720, 9.5)  # a column well to the right
    assert texts(glyphs)[1] == "可容纳６０个班，３００"
