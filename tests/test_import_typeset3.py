"""Causes found on Typst pages in issue 12's third round of the import, one test each.

Hand-placed glyphs in the shapes Typst gives with Noto SC fonts (see
test_import_typeset.py for the earlier rounds).
"""

from __future__ import annotations

from dataclasses import replace

from handset import line, texts

from reader.importing.reading_order import Glyph, layout
from reader.importing.structure import build
from reader.importing.typography import is_byline
from reader.model import Item


def two_columns(top: float, rows: int, x: float = 0) -> list[Glyph]:
    """Body text in two 10-em columns with an 11 pt gutter (Typst's)."""
    glyphs: list[Glyph] = []
    for n in range(rows):
        glyphs += line("一二三四五六七八九十", x, top - 14 * n)
        glyphs += line("子丑寅卯辰巳午未申酉", x + 111, top - 14 * n)
    return glyphs


def test_two_headlines_side_by_side_over_a_gutter_are_two_segments() -> None:
    # Two stories' headlines in 19.2 pt type on one baseline, 11.2 pt apart (less
    # than 0.6 em of their own size) right over the gutter of the columns under them.
    glyphs = line("甲乙丙丁戊", 4, 700, 19.2, 700) + line("天地玄黄", 111.2, 700, 19.2, 700)
    glyphs += two_columns(670, 8)
    assert texts(glyphs)[:2] == ["甲乙丙丁戊", "天地玄黄"]


def test_a_digit_space_in_a_headline_over_running_text_keeps_it_one_segment() -> None:
    # The same gap inside one headline (Typst's space around digits is narrower, but
    # a justified headline may stretch it): the columns under it print right there.
    glyphs = line("甲乙丙丁戊", 0, 700, 19.2, 700) + line("天地玄黄", 107.2, 700, 19.2, 700)
    for n in range(8):
        glyphs += line("一二三四五六七八九十一二三四五六七八九十", 0, 670 - 14 * n)
    assert texts(glyphs)[0] == "甲乙丙丁戊 天地玄黄"


def test_a_credit_sticking_out_of_its_picture_leaves_the_column_beside_it_whole() -> None:
    # pdfgen-typo seed 123: a picture 301 pt wide, its caption under it and the credit
    # set flush right past the picture's edge, 2 pt from the next column's text.
    glyphs = line("标题在此处", 349, 700, 22)
    for n in range(12):
        glyphs += line(
            "正文正文正文正文正文正文正文" if n % 4 else "正文正文正文。", 349, 680 - 14 * n
        )
    glyphs += line("图为汉口站将货运单内容并为一单办理，方便货主。", 36, 561) + line(
        "受访者供图", 297, 547
    )
    page = layout(glyphs, [(36.0, 575.0, 337.0, 726.0)], is_byline)
    texts = [t.strip() for t in page.texts]
    assert texts[:3] == [
        "图为汉口站将货运单内容并为一单办理，方便货主。",
        "受访者供图",
        "标题在此处",
    ]
    assert all(t.startswith("正文") for t in texts[3:])


def test_a_caption_line_a_little_wider_than_its_picture_is_still_its_caption() -> None:
    # pdfgen-typo seed 109: the caption's first line reaches an em past the picture.
    glyphs = line("标题在此处", 348.8, 700, 22)
    for n in range(12):
        glyphs += line(
            "正文正文正文正文正文正文正文" if n % 4 else "正文正文正文。", 348.8, 680 - 14 * n
        )
    glyphs += line("话剧是这次话剧交流中具有代表性的一台剧目今晚的精彩演出观众笑。", 36, 561)
    glyphs += line("激起观众阵阵笑声。", 36, 547) + line("本报记者 李明 摄", 244, 533)
    page = layout(glyphs, [(36.0, 575.0, 334.0, 726.0)], is_byline)
    texts = [t.strip() for t in page.texts]
    assert texts[:3] == [
        "话剧是这次话剧交流中具有代表性的一台剧目今晚的精彩演出观众笑。",
        "激起观众阵阵笑声。",
        "本报记者 李明 摄",
    ]
    assert all(t.startswith("正文") for t in texts[4:])


def test_a_credit_set_up_to_two_points_from_the_next_column_is_its_own_segment() -> None:
    # pdfgen-typo seed 118: the credit, flush right past its picture, ends 2 pt before
    # the next column's line on the same baseline; the rows around leave that gutter.
    glyphs: list[Glyph] = []
    for n in range(8):
        glyphs += line("正文正文正文正文正文正文正", 348.8, 569 - 14 * n)
    glyphs += line("第二条在中华人民共和国境内从事地震监测预报、地震灾", 36, 555.4)
    glyphs += line("应急、震后救灾与重建等活动。", 36, 541.4) + line("受访者供图", 296.8, 527.4)
    assert "受访者供图" in texts(glyphs)
    assert texts(glyphs).count("正文正文正文正文正文正文正") == 8


def test_a_digit_space_in_a_headline_right_over_a_gutter_keeps_it_one_segment() -> None:
    # pdfgen-typo seed 7: `校舍1 20所` in 22 pt type, the 1.7 pt gap after the `1` lies
    # over the gutter of the columns under it; the `2` starts nowhere near a column edge.
    glyphs = line("全省新建校舍", 36, 700, 22)
    for c, x0, x1 in (("1", 173.5, 183.9), ("2", 185.6, 199.1), ("0", 197.7, 211.7)):
        glyphs.append(Glyph(c, x0, x1, 694.5, 716.5, 700, 22))
    glyphs += line("所", 215.3, 700, 22)
    for n in range(8):
        glyphs += line("一二三四五六七八九十一二三四", 36, 670 - 14 * n)
        glyphs += line("子丑寅卯辰巳午未申酉子丑寅卯", 193, 670 - 14 * n)
    assert texts(glyphs)[0].replace(" ", "") == "全省新建校舍120所"


def test_a_caption_beside_a_story_is_not_a_column_of_that_story() -> None:
    # Seeds 8 and 23: a picture and its caption in one column, a story with its
    # headline in the column to the right, the headline just above the caption's top.
    # The story's headline is followed by its own body, not by the caption.
    glyphs = line("图为灾民领到衣物。", 120, 590) + line("受访者供图", 120, 576)
    glyphs += line("标题在此处", 232, 612, 20) + line("头条在此", 0, 800, 20)
    for n in range(4):
        glyphs += line("头条正文头条正文头条正文头条正文头条正文头条正文头条正文", 0, 770 - 14 * n)
    for n in range(10):
        glyphs += line("正文正文正文正文正" if n % 4 else "正文正文。", 232, 590 - 14 * n)
    page = layout(glyphs, [(120.0, 600.0, 222.0, 700.0)], is_byline)
    texts = [t.strip() for t in page.texts]
    head = texts.index("标题在此处")
    assert texts[head + 1].startswith("正文")
    assert texts.index("受访者供图") == texts.index("图为灾民领到衣物。") + 1


def test_a_story_whose_first_paragraph_starts_with_a_bullet_keeps_it() -> None:
    # Seed 26: headline, a byline as wide as the column, then the body's first line
    # starts with `●` (the corpus has such paragraphs). One article with its byline,
    # the bullet kept in the paragraph: no brief of its own.
    glyphs = line("旅人！别泄气", 0, 700, 20, 700) + line("本报记者 刘海 通讯员 董雪强", 0, 676)
    for n, text in enumerate(
        ["●党和政府十分关心地震灾区，经当", "地驻军奋力救助，国内外各界无私", "援助。"]
    ):
        glyphs += line(text, 0, 662 - 14 * n)
    result = build(layout(glyphs, (), is_byline), ())
    assert result is not None
    (item,) = result[0].items
    assert (item.kind, item.headline, item.byline, item.marker) == (
        "article",
        "旅人！别泄气",
        "本报记者 刘海 通讯员 董雪强",
        None,
    )
    assert item.paragraphs[0].startswith("●党和政府")


def test_a_closing_quote_inside_a_headline_over_a_gutter_does_not_split_it() -> None:
    # Seed 33: `江西“双拥”工作` in 16.7 pt type across two columns; the `”` box abuts
    # the `工`, its ink leaves 0.6 em of white right over the gutter under it. No row
    # in the headline's type shows a gutter there: it is one line.
    size = 16.7
    glyphs = line("江西“双拥”", 30, 700, size, 700) + line(
        "工作常抓",
        30.3 + 6 * size,
        700,
        size,
        700,  # justified: 0.3 pt more
    )
    for n in range(8):
        glyphs += line("一二三四五六七八九十", 0, 676 - 14 * n)
        glyphs += line("子丑寅卯辰巳午未申酉", 117, 676 - 14 * n)
    assert texts(glyphs)[0] == "江西“双拥”工作常抓"


def test_a_centred_headline_set_tight_on_its_columns_is_read_before_them() -> None:
    # Seed 13: a headline centred over the second and third of three columns; its
    # loose box reaches 2 pt into the first row of the columns, whose rows do not line
    # up. Headline first, then each column whole (not row by row across them).
    glyphs = line("雪以河为床", 150, 1231, 21.3, 700)
    for k in range(3):
        for n in range(6):
            text = "正文正文正文正文正文" if n < 5 else f"第{k}栏完。"
            glyphs += line(text, 120 * k, 1219 - 14 * n - 5 * k)  # rows not aligned
    glyphs = [
        replace(g, bottom=g.baseline - 0.25 * g.size, top=g.baseline + 0.88 * g.size)
        for g in glyphs
    ]
    texts_ = [t.strip() for t in layout(glyphs, (), is_byline).texts]
    head = texts_.index("雪以河为床")
    assert texts_[head + 1 :].index("第0栏完。") == 5
    assert texts_[head + 1 :].index("第1栏完。") == 11


def test_a_rule_between_stories_cuts_the_page_however_tight() -> None:
    # Seed 39: a story in two columns over two stories side by side whose gutter lines
    # up with its own; less than 0.8 em of white around the rule between them. The
    # upper story's columns are read before either story under the rule.
    glyphs = line("要闻", 0, 860) + line("上面的标题", 40, 800, 20, 700)
    for n in range(6):
        glyphs += line("上文上文上文上文上文", 0, 770 - 14 * n) + line(
            "上文上文上文上文上文", 110, 770 - 14 * n
        )
    glyphs += line("左下标题", 0, 680, 16, 700) + line("右下标题", 110, 680, 16, 700)
    for n in range(4):
        glyphs += line("下文下文下文下文下文", 0, 662 - 14 * n) + line(
            "下文下文下文下文下文", 110, 662 - 14 * n
        )
    texts_ = [t.strip() for t in layout(glyphs, [(0.0, 695.0, 210.0, 695.8)], is_byline).texts]
    assert texts_[1:14] == ["上面的标题"] + ["上文上文上文上文上文"] * 12


def test_a_quote_hung_into_a_gutter_under_a_byline_across_it_still_ends_its_column() -> None:
    # Seed 26: the first line of a column ends with `”` hung into the gutter, the next
    # column's first line 5 pt after its box; the byline over the story is centred
    # across that gutter one row above. The rows below show the gutter: two segments.
    glyphs = line("本报记者彭静", 190, 1207.5, 9.5)
    glyphs += line("认清我们站的是什么位置”", 345.7 - 240, 1196.4, 9.5)
    glyphs += line("们认识的差别很大。一些本来在", 464.2 - 240, 1196.4, 9.5)
    for n in range(1, 5):
        glyphs += line("至关重要。过去战争年代，部队", 321.5 - 240, 1196.4 - 11.5 * n, 9.5)
        glyphs += line("全国并不突出的地方，却能够今", 464.2 - 240, 1196.4 - 11.5 * n, 9.5)
    got = texts(glyphs)
    assert "认清我们站的是什么位置”" in got
    assert "们认识的差别很大。一些本来在" in got


def test_a_bold_subtitle_over_a_gutter_is_not_split_after_a_closing_mark() -> None:
    # Seed 25: `——内蒙古获赠电影《白骆驼》拷贝` in bold body-size type; the ink of `》`
    # ends right where the gutter of the regular columns under it starts. Rows in
    # another weight are no witness: the subtitle stays one line.
    glyphs = line("——内蒙古获赠电影《白骆驼》", 36, 433.8, 9.0, 812)
    glyphs += line("拷贝", 162.0, 433.8, 9.0, 812)
    for n in range(6):
        glyphs += line("当中国新年钟声敲响的时候", 36, 420 - 11.5 * n, 9.0)
        glyphs += line("将收到一份让他们意想不到", 162.0, 420 - 11.5 * n, 9.0)
    assert texts(glyphs)[0].replace(" ", "") == "——内蒙古获赠电影《白骆驼》拷贝"


def one_item(glyphs: list[Glyph]) -> Item:
    result = build(layout(glyphs, (), is_byline), ())
    assert result is not None
    (item,) = result[0].items
    return item


def story_under(*stack: str) -> list[Glyph]:
    """A headline, lines in body type under it, then a paragraph whose first line is
    not indented (Typst indents no first paragraph) in an 11-em column."""
    glyphs = line("标题在此", 0, 700, 20, 700)
    y = 676.0
    for text in stack:
        glyphs += line(text, 0, y, 9.5)
        y -= 12
    for n, text in enumerate(["五年中，有一件永载史册", "的大事。１９９７年７月", "重要一步。"]):
        glyphs += line(text, 0, y - 12 * n, 9.5)
    return glyphs


def test_a_byline_and_a_dateline_ending_short_are_one_byline_block() -> None:
    # Seed 7: the dateline under the byline fills most of the narrow column; the
    # paragraph under it is not indented. It ends short of that line: the byline's.
    item = one_item(story_under("本报记者 吴国", "本报南京1月17日讯"))
    assert item.byline == "本报记者 吴国 本报南京1月17日讯"
    assert item.paragraphs == ("五年中，有一件永载史册的大事。１９９７年７月重要一步。",)


def test_a_byline_wrapped_after_a_role_is_one_byline() -> None:
    # Seed 7: `本报记者 邓芳涛 通讯员` / `许洋`, the name on a line of its own.
    item = one_item(story_under("本报记者 邓芳涛 通讯员", "许洋"))
    assert item.byline == "本报记者 邓芳涛 通讯员 许洋"
    assert item.paragraphs[0].startswith("五年中")


def test_a_credit_shaped_like_a_byline_does_not_reach_over_the_story_beside() -> None:
    # Seed 20: a story's column left of a picture; under the picture its caption and a
    # credit `本报记者 李建` / `摄于1月25日` set flush right. The credit looks like a
    # byline, but it is the picture's: the story's column is read whole.
    glyphs = line("要闻", 0, 900)
    for n in range(12):  # a paragraph space after the sixth line, beside the credit
        y = 800 - 12 * n - (12 if n > 5 else 0)
        glyphs += line("正文正文正文正文正文正" if n % 6 else "正文正文正文。", 0, y, 9.5)
    glyphs += line("一月一日，大使馆开馆。这是升国旗。", 117, 740, 8.2)
    glyphs += line("本报记者 李建", 219.5, 730, 8.2) + line("摄于1月25日", 219.5, 722, 8.2)
    page = layout(glyphs, [(117.0, 750.0, 277.0, 850.0)], is_byline)
    texts_ = [t.strip() for t in page.texts]
    assert all(t.startswith("正文") for t in texts_[1:13])


def test_a_headline_in_display_type_may_start_with_a_bullet() -> None:
    # Seed 15: `●建成住房１０５万套●家庭人均住房８．４５平方米` in 17 pt bold over its
    # story: a headline, not a brief with a marker.
    glyphs = line("●建成住房１０５万套●家庭", 0, 700, 17.2, 812)
    glyphs += line("人均住房８．４５平方米", 17, 682, 17.2, 812)
    for n, text in enumerate(
        ["李铁映强调，建设有中", "国特色社会主义文化，繁荣", "社会主义文艺事业。"]
    ):
        glyphs += line(text, 18 if n == 0 else 0, 660 - 12 * n, 9.0)
    item = one_item(glyphs)
    assert (item.kind, item.marker) == ("article", None)
    assert item.headline == "●建成住房１０５万套●家庭人均住房８．４５平方米"


def test_a_comma_hung_into_a_gutter_only_one_other_row_shows_still_ends_its_column() -> None:
    # pdfgen-typo seed 122: a short story of two rows in three columns; the first row of
    # the second column ends in `，` hung to 2 pt from the third column. Only the other
    # row shows that gutter; body type hangs marks, so it is enough.
    glyphs = line("前些年家里安电话从买话机到", 36, 1044.4)
    glyphs += line("办本来想要个乳白色话机的我，", 206.8, 1044.4)
    glyphs += line("何更不用说选择电话机的品牌", 348.8, 1044.4)
    for x in (36, 192.4, 348.8):
        glyphs += line("机到架话线都是由电话局一手包", x, 1030.4)
    texts_ = [t.strip() for t in layout(glyphs, (), is_byline).texts]
    second = texts_.index("办本来想要个乳白色话机的我，")
    assert texts_[second + 1] == "机到架话线都是由电话局一手包"
