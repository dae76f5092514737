"""Import round 6: the shapes WeasyPrint (bench/weasygen.py) and reportlab pages still
got wrong, hand-placed as the PDFs had them.

- a story's body running on from the foot of one column to the head of the next;
- a justified line of a narrow column that puts all its slack into one word space;
- a closing mark inside a line where the rows around start glyphs on the same grid;
- a bold subtitle that quotes a closed sentence, its opening quote off the baseline;
- a credit set flush right under a shorter caption line;
- a kicker, a headline and the first row of the columns under them, boxes touching;
- a byline wrapped onto a centred second line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from handset import line, texts

from reader.importing.reading_order import Glyph, layout, page_text
from reader.importing.regions import Box
from reader.importing.structure import build
from reader.importing.typography import is_byline
from reader.model import Item, Page

PITCH = 14.0
LEFT, RIGHT = 0.0, 115.0  # two 10-em columns of 10 pt type, a 1.5-em gutter


def rows(texts_: list[str], x: float, top: float, size: float = 10.0) -> list[Glyph]:
    return [g for n, t in enumerate(texts_) for g in line(t, x, top - n * PITCH, size)]


def built(glyphs: list[Glyph], drawn: Sequence[Box] = ()) -> Page:
    done = build(layout(glyphs, drawn, is_byline), drawn)
    assert done is not None
    return done[0]


def _with(page: Page, headline: str) -> Item:
    (item,) = [it for it in page.items if it.headline == headline]
    return item


def test_a_story_runs_on_from_the_foot_of_one_column_to_the_head_of_the_next() -> None:
    # Column one: a headline, then the story's body to the column's foot, its last line
    # full and closing a sentence. Column two's head carries on with a new paragraph
    # (indented) or, on a second page, with the same paragraph (flush).
    left = ["甲一甲一甲一甲一", "甲二甲二甲二甲二甲二", "甲三甲三甲三甲三甲三",
            "甲四甲四甲四甲四甲。"]  # fmt: skip
    glyphs = line("左栏标题", LEFT, 530, 20) + line(left[0], LEFT + 20, 500)
    glyphs += rows(left[1:], LEFT, 500 - PITCH)
    tail = rows(["乙二乙二乙二乙二乙二", "乙三。"], RIGHT, 530 - PITCH)
    page = built([*glyphs, *line("乙一乙一乙一乙一", RIGHT + 20, 530), *tail])
    assert len(page.items) == 1
    assert [p[:2] for p in _with(page, "左栏标题").paragraphs] == ["甲一", "乙一"]

    page = built([*glyphs, *line("乙一乙一乙一乙一乙一", RIGHT, 530), *tail])
    assert len(page.items) == 1
    assert len(_with(page, "左栏标题").paragraphs) == 1  # the sentence ended, not the paragraph


def test_a_column_head_after_a_source_note_still_starts_no_story_of_its_own() -> None:
    # The other side: a story that ended with its source note leaves the next column's
    # head to what follows (here a brief with no headline), not to itself.
    left = ["甲一甲一甲一甲一甲一", "甲二甲二甲二甲。"]
    glyphs = line("左栏标题", LEFT, 530, 20) + rows(left, LEFT, 500)
    glyphs += line("（据新华社电）", LEFT + 30, 500 - 2 * PITCH)
    glyphs += rows(["乙一乙一乙一乙一乙一", "乙二。"], RIGHT, 530)
    page = built(glyphs)
    assert len(page.items) == 2
    assert page.items[0].paragraphs[-1] == "（据新华社电）"  # a note is text, not the source


def test_one_word_space_stretched_over_two_ems_in_a_narrow_justified_column() -> None:
    # A caption column 13.3 ems of 9.5 pt wide; the line `脑培训。（通讯员 吴艳立` has one
    # word space and takes all its slack there (21.5 pt). The rows around print across.
    size, x = 9.5, 587.0
    full = "学校的毕业生都没有接受过电"
    glyphs = rows([full, full, full], x, 1600, size)
    glyphs += line("脑培训。（通讯员", x, 1600 - 3 * PITCH, size)
    glyphs += line("吴艳立", 684.5, 1600 - 3 * PITCH, size)
    glyphs += rows(["摄）"], x, 1600 - 4 * PITCH, size)
    assert "脑培训。（通讯员 吴艳立" in texts(glyphs)
    # Three ems after a short last line, before the next column (a one-em gutter): the
    # rows around print across the gap's middle but not its right end. A gutter.
    glyphs = rows([full, full, full[:11], full], x, 1600, size)
    glyphs += rows(["吴艳立吴艳立吴艳立吴艳立"] * 4, 720.0, 1600, size)
    assert full[:11] in texts(glyphs)
    # A `、` hung past a column's edge, a 1.2-em gutter, the next column's line indented
    # two ems (reportlab, pdfgen-typo seed 44): as wide, printed across at its middle and
    # its right end by the next column's rows, but white right after the mark.
    left, right = "访的日本首相桥本龙太郎的特", "据新华社马尼拉１月２３日外务"
    glyphs = rows([left] * 4, 0, 600) + line("、", 130, 600 - 2 * PITCH)
    glyphs += rows([right] * 2, 142, 600) + line(right[:12], 162, 600 - 2 * PITCH)
    glyphs += rows([right], 142, 600 - 3 * PITCH)
    assert f"{left}、" in texts(glyphs)


def test_a_closing_quote_inside_a_line_over_an_indent_is_no_gutter() -> None:
    # 9 pt type in a 12-em column: `子”` then `产品…` with nothing between the boxes. An
    # indented first line above starts where the quote's ink ends, and so do the
    # centred dateline and byline over it and a `，` two rows down (its ink in its left
    # half): a grid of CJK type starts glyphs there in many rows. No row ends there.
    s = 9.0
    glyphs = line("本报记者 程霞立", 30, 700, s) + line("本报成都1月16日讯", 24, 686, s)
    glyphs += line("在生产上，主要是“菜篮", 18, 672, s)
    glyphs += rows(["子”产品品质以及与此相关的", "环境保护问题。"], 0, 658, s)
    glyphs += line("随着居民生活水平的提", 18, 658 - 2 * PITCH, s)
    glyphs += rows(["高，消费者对“菜篮子”产", "品“质”的要求越来越突出。"], 0, 658 - 3 * PITCH, s)
    assert "子”产品品质以及与此相关的" in texts(glyphs)


def test_a_bold_subtitle_quoting_a_sentence_is_one_line_and_a_subtitle() -> None:
    # WeasyPrint sets the opening quote 1.8 pt off the line's baseline; the line is
    # bold body type right under the headline and ends in `。”`.
    head = line("曹禺戏剧评论奖首次颁奖", 0, 560, 17, 700)
    sub = line("“豁出命根子，刨除穷根子。”", 0, 542, 10, 700)
    first = sub[0]
    sub[0] = replace(first, baseline=first.baseline - 1.8)
    glyphs = rows(["前文前文前文前文前文", "前文完。"], 0, 620) + head + sub
    glyphs += line("新华社记者 吕 建", 0, 528) + line("我们中华民族的传统文", 20, 512)
    glyphs += rows(["化源远流长、博大精深，有许", "多享誉世界的瑰宝。"], 0, 512 - PITCH)
    assert "“豁出命根子，刨除穷根子。”" in texts(glyphs)
    story = _with(built(glyphs), "曹禺戏剧评论奖首次颁奖")
    assert story.subtitle == "“豁出命根子，刨除穷根子。”"
    assert story.byline == "新华社记者 吕 建"


def test_a_credit_flush_right_under_a_shorter_caption_line_stays_with_it() -> None:
    # reportlab (tests/pdfgen.py, seed 300): a picture over the page's width, its
    # caption one line ending at x 220, the credit a line lower flush with the
    # picture's right edge (x 460), right of every column of the story under them.
    picture = (0.0, 420.0, 460.0, 600.0)
    glyphs = line("通知说，生产、销售和购买警灯、警报器须经当地", 0, 410)
    glyphs += line("新华社记者 倪修龙 摄", 350, 396)
    glyphs += line("挡不住的诱惑", 0, 360, 20)
    for k in range(3):
        glyphs += rows([f"栏{k}一栏一栏一栏一栏", f"栏{k}二栏二栏二栏二栏"], k * 115.0, 330)
    lines = [t.strip() for t in layout(glyphs, [picture], is_byline).texts]
    assert lines[:3] == ["通知说，生产、销售和购买警灯、警报器须经当地", "新华社记者 倪修龙 摄",
                         "挡不住的诱惑"]  # fmt: skip
    page = built(glyphs, [picture])
    (caption,) = [it for it in page.items if it.kind == "caption"]
    assert caption.credit == "新华社记者 倪修龙 摄"


def test_a_kicker_and_headline_touching_the_first_row_of_their_columns() -> None:
    # The lead's kicker (13 pt) and headline (26.5 pt) over four columns, each box
    # reaching a little into the next; the first row of the columns touches the
    # headline's. The columns are still read one after the other.
    glyphs = line("瑞士历史图片展资料珍贵", 0, 600, 13, 700)
    glyphs += line("社会学研究新特点初见端倪", 0, 579, 26.5, 700)
    for k in range(4):
        glyphs += rows([f"栏{k}一栏一栏一栏一栏", f"栏{k}二栏二栏二栏二栏"], k * 115.0, 567.15)
    lines = [t.strip() for t in page_text(glyphs).splitlines() if t.strip()]
    assert lines[:4] == ["瑞士历史图片展资料珍贵", "社会学研究新特点初见端倪",
                         "栏0一栏一栏一栏一栏", "栏0二栏二栏二栏二栏"]  # fmt: skip


def test_a_byline_wrapped_onto_a_centred_second_line() -> None:
    # A stack centred in its 12.5-em column: the byline fills the width and its last
    # character wraps onto a line of its own, centred as the stack is.
    glyphs = line("住房消费市场逐步回升", 12.5, 600, 10.0, 700)
    glyphs += line("本报记者 郭明 通讯员 宋超", 0, 575)
    glyphs += line("磊", 65, 561)
    glyphs += line("１月２１日，在罗马尼", 20, 545)
    glyphs += rows(["亚众参两院特别联席会议上，", "总理乔尔贝亚代表政府。"], 0, 545 - PITCH)
    page = built(glyphs)
    (story,) = [it for it in page.items if it.byline]
    assert story.byline == "本报记者 郭明 通讯员 宋超磊"


def test_a_marked_kicker_wrapped_over_two_lines_is_still_the_kicker() -> None:
    # `●新开工竣工面积分类指数持` / `续走高` in bold body type over an 18 pt headline: a
    # kicker that filled its column, not a bold brief followed by a story.
    glyphs = rows(["前文前文前文前文前文", "前文完。"], 0, 640)
    glyphs += line("●新开工竣工面积分类指数持", 0, 600, 10, 700) + line("续走高", 0, 588, 10, 700)
    glyphs += line("中国围棋天元战本赛落幕", 0, 570, 18, 700)
    glyphs += line("天元战本赛今天结束，王", 20, 545) + rows(["磊将挑战常昊。"], 0, 545 - PITCH)
    story = _with(built(glyphs), "中国围棋天元战本赛落幕")
    assert story.kicker == "●新开工竣工面积分类指数持续走高"


def test_a_source_note_flush_right_under_a_short_line_is_no_column_top() -> None:
    # Column two ends a story with a short last line and its writer's name set flush
    # right (`（何松）`); column one's next headline stands level with the name. The name
    # is no column top for that headline to claim: the columns are read one by one.
    left = ["甲一甲一甲一甲一甲一", "甲二甲二甲二甲二甲二", "甲三甲三甲三甲三甲三"]
    right = ["乙一乙一乙一乙一乙一", "乙二乙二乙二乙二乙二", "乙三乙三乙三乙三乙三",
             "乙四乙四乙四乙四乙四", "完。"]  # fmt: skip
    glyphs = rows(left, LEFT, 500) + line("左栏新标题", LEFT, 440, 20)
    glyphs += rows(["丙一丙一丙一丙一丙一", "丙二丙二丙二丙二丙二", "丙三。"], LEFT, 410)
    glyphs += rows(right, RIGHT, 500) + line("（何松）", RIGHT + 60, 430)
    glyphs += line("右栏标题", RIGHT, 400, 20) + rows(
        ["丁一丁一丁一丁一丁一", "丁二。"], RIGHT, 376
    )
    lines = [t.strip() for t in page_text(glyphs).splitlines() if t.strip()]
    assert lines.index("丙三。") < lines.index("乙一乙一乙一乙一乙一")
    assert lines.index("完。") + 1 == lines.index("（何松）")


def test_where_paragraphs_start_indented_a_short_line_ends_none_by_itself() -> None:
    # `视剧《三坊七巷》。` broken early (no break after `这“`), the next line flush: the
    # same paragraph, as the indented first lines of this story show.
    glyphs = rows(["前文前文前文前文前文", "前文完。"], 0, 640) + line("三坊七巷", 0, 600, 20)
    glyphs += line("近日又见有媒体报道", 20, 575)
    glyphs += rows(
        ["建为故乡执导一部得到省", "视剧《三坊七巷》。", "这“三坊七巷”犹如北京", "的大栅栏。"],
        0,
        561,
    )
    glyphs += line("又一段开始了开始了", 20, 561 - 4 * PITCH) + line("完。", 0, 561 - 5 * PITCH)
    story = _with(built(glyphs), "三坊七巷")
    assert [p[:2] for p in story.paragraphs] == ["近日", "又一"]


def test_a_colon_inside_a_line_where_a_short_last_line_ends_above_it() -> None:
    # `查：干支沟…`: the colon's ink ends an em in, where a two-character last line
    # (`础。`) ends two rows up; most rows around start a glyph after a `，` or `。` there,
    # or an indented line. A short last line is no column's edge: the line stays whole.
    x = 196.0
    glyphs = rows(["的安全，为粮棉高产稳产奠定了基", "础。"], x, 700)
    glyphs += line("近年来，由于排碱渠淤积严", x + 20, 700 - 2 * PITCH)
    body = ["重，工程效益不能正常发挥。据调", "", "深，分毛沟淤积平均１米左右，局",
            "部，地段已被人为倾倒的禾秆垃圾", "满。据对东干支沟１７．３８公里",
            "的，实际测量总淤积量达３２．６"]  # fmt: skip
    glyphs += rows(body, x, 700 - 3 * PITCH)
    # Justified: a third of a point more after each glyph than their boxes hold.
    glyphs += [
        g
        for k, c in enumerate("查：干支沟淤积平均２米—３米")
        for g in line(c, x + k * 10.3, 700 - 4 * PITCH)
    ]
    assert "查：干支沟淤积平均２米—３米" in texts(glyphs)
