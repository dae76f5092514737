"""Import round 11: pages an office suite set (bench/logen.py, LibreOffice Writer), hand-set
as the PDFs had them. No font is needed.

- body lines set further apart than their boxes are high (a face whose boxes are an
  em high under a leading of 1.9): the white between two lines of a column is no
  block's end, and the columns are read one after the other, not row by row;
- a bold subtitle at about body size set a headline's margin and line height under
  a 16 pt headline is the stack's, not a column top of its own;
- a marked brief right under a rule drawn over its column, beside a headline's
  centred second line: a brief, not the next column of that headline's story;
- a byline centred over a story's two columns, over a paragraph that opens with a
  short one: it stands alone;
- a subtitle centred over a gutter whose `》` (ink in the left of its box) happens to
  end over the column's edge: the next glyph's box starts right at the mark's, one
  run of advances, one line;
- a headline wrapped at 1.67 of its size (Writer's 115% of Noto CJK's line): one line;
- a row of two columns right under two bylines in Kai centred across their gutter:
  the bylines are no witness that the gutter is printed across.

One test sets a page with LibreOffice itself (skipped where `soffice` is missing).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from handset import line

from reader.importing.header import Box
from reader.importing.reading_order import Glyph, layout
from reader.importing.structure import build
from reader.importing.typography import is_byline
from reader.model import Page


def rows(texts: list[str], x: float, top: float, pitch: float, size: float = 10.0) -> list[Glyph]:
    return [g for n, t in enumerate(texts) for g in line(t, x, top - n * pitch, size)]


def built(glyphs: list[Glyph], drawn: Sequence[Box] = ()) -> Page:
    done = build(layout(glyphs, drawn, is_byline), drawn)
    assert done is not None
    return done[0]


def above() -> list[Glyph]:
    """A story at the top of the page (the first row alone would be the page header)."""
    return line("上篇标题", 0, 800, 20) + rows(["戊" * 14, "戊戊。"], 0, 770, 14)


def column(
    mark: str, x: float, top: float, pitch: float, lines: int = 8, ems: int = 12
) -> list[Glyph]:
    """A column `ems` wide: an indented first line, full lines and a closing short one."""
    full = [mark * ems] * (lines - 2)
    return line(mark * (ems - 2), x + 20, top) + rows([*full, mark + "。"], x, top - pitch, pitch)


def test_body_lines_set_further_apart_than_their_boxes_are_read_column_by_column() -> None:
    # Three 12-em columns 1.5 em apart under a headline, lines 19 pt apart: 9 pt of white
    # between every two lines of a column, more than the 8 pt that ends a block.
    glyphs = above() + line("山东财政收入突破三百亿元", 0, 700, 24)
    for k, mark in enumerate("甲乙丙"):
        glyphs += column(mark, 135 * k, 660, 19, lines=10)
    item = built(glyphs).items[-1]
    assert item.headline == "山东财政收入突破三百亿元"
    assert [p[0] + p[-1] for p in item.paragraphs] == ["甲。", "乙。", "丙。"]
    assert all(len(set(p) - {"。"}) == 1 for p in item.paragraphs)


def test_a_bold_subtitle_a_headlines_line_under_it_is_the_stacks() -> None:
    # Two stories side by side, each over two 10-em columns: on the right a 20-pt
    # headline and, 13.5 pt under its box, a bold body-size subtitle; on the left a
    # byline centred under its headline.
    glyphs = above() + line("三毛从军记光盘出版", 15, 720, 20)
    glyphs += line("本报西安一月二日讯", 60, 683)
    glyphs += line("总政发出通知要求学习", 225, 722, 20)
    glyphs += line("——巴黎展出春夏时装", 275, 696, 10, weight=700)
    for k, mark in enumerate("甲乙丙丁"):
        glyphs += column(mark, 110 * k, 662, 14, ems=10)
    items = built(glyphs).items
    right = next(it for it in items if it.headline == "总政发出通知要求学习")
    assert right.subtitle == "——巴黎展出春夏时装"
    assert [p[0] for p in right.paragraphs] == ["丙", "丁"]
    left = next(it for it in items if it.headline == "三毛从军记光盘出版")
    assert left.byline == "本报西安一月二日讯"
    assert [p[0] for p in left.paragraphs] == ["甲", "乙"]


# Writer's seed 88, as segments (text, left, baseline, size, weight, face): a one-column
# story (a bold kicker, a 15 pt headline wrapped, a bold subtitle the column wide 12.6 pt
# under its box) beside a two-column one whose byline and dateline are centred over it.
_SEED_88 = (
    ("埃及政府加强旅游景点的", 153.1, 747.8, 9.5, 700, 1),
    ("“我希望你不要轻易放弃自", 281.3, 737.4, 18.5, 700, 1),
    ("保护", 153.1, 732.0, 9.5, 700, 1),
    ("智力扶贫强素", 153.1, 706.9, 15.0, 700, 1),
    ("己的追求。”", 325.5, 706.7, 18.5, 700, 1),
    ("本报记者 吕松刚", 345.3, 684.4, 9.5, 400, 3),
    ("质", 153.1, 682.0, 15.0, 700, 1),
    ("本报西安1月28日讯", 336.7, 670.3, 9.5, 400, 3),
    ("李鹏会见六国离到任大使", 153.1, 660.5, 9.5, 700, 1),
    ("为了提高农村党员的", 289.1, 650.5, 9.5, 400, 2),
    ("中的地方建起了阅报栏，", 387.1, 650.5, 9.5, 400, 2),
    ("年富力强的刘志军，", 172.1, 641.7, 9.5, 400, 2),
    ("致富本领，从１９９６年", 270.1, 633.9, 9.5, 400, 2),
    ("指定专人定期更换。", 387.1, 633.9, 9.5, 400, 2),
    ("是铁道部分管客货运输工", 153.1, 625.1, 9.5, 400, 2),
    ("４月开始，清丰县委把引", 270.1, 617.3, 9.5, 400, 2),
    ("各级党组织结合农村", 406.1, 617.3, 9.5, 400, 2),
    ("作的副部长。一年多来，", 153.1, 608.5, 9.5, 400, 2),
    ("导农村党支部、农村党员", 270.1, 600.7, 9.5, 400, 2),
    ("特点，在“读”和“用”", 387.1, 600.7, 9.5, 400, 2),
    ("他按照部党组的部署，直", 153.1, 591.9, 9.5, 400, 2),
    ("订阅报纸杂志作为了解致", 270.1, 584.1, 9.5, 400, 2),
    ("上下功夫。许多村党支部", 387.1, 584.1, 9.5, 400, 2),
    ("接组织指挥了列车提速和", 153.1, 575.3, 9.5, 400, 2),
    ("富信息、掌握实用技术的", 270.1, 567.5, 9.5, 400, 2),
    ("在用活阅报栏的同时，举", 387.1, 567.5, 9.5, 400, 2),
)


def test_a_bold_subtitle_a_line_and_a_third_under_a_wrapped_headline_is_the_stacks() -> None:
    glyphs = above()
    for text, x, baseline, size, weight, face in _SEED_88:
        # boxes as PDFium gives Writer's Noto Sans CJK: 0.1 em below the baseline, 0.85 over
        low, high = baseline - 0.1 * size, baseline + 0.85 * size
        glyphs += [
            replace(g, face=face, bottom=low, top=high)
            for g in line(text, x, baseline, size, weight)
        ]
    items = built(glyphs).items
    left = next(it for it in items if it.headline == "智力扶贫强素质")
    assert (left.kicker, left.subtitle) == ("埃及政府加强旅游景点的保护", "李鹏会见六国离到任大使")
    assert left.paragraphs[0].startswith("年富力强的刘志军，是铁道部")
    right = next(it for it in items if it.headline == "“我希望你不要轻易放弃自己的追求。”")
    assert right.byline == "本报记者 吕松刚 本报西安1月28日讯"


def test_a_byline_widened_under_its_subtitle_keeps_a_gutter_from_the_next_column(
    tmp_path: Path,
) -> None:
    # tests/pdfgen.py's page 7 of seed 1: a byline 13 pt under a 13 pt subtitle that
    # ends 1.5 pt short of the next column, whose line stands on the byline's row. As a
    # stack line the byline reaches as far as the subtitle, but no nearer than half an
    # em to that line (it was read with it: `本报记者 王晨 是自办发行的…`).
    import pdfgen

    from reader.importing.pdf import read_pdf

    spec = pdfgen.sample_pages(20, seed=1)[6]
    path = pdfgen.build_pdf(tmp_path / "pdfgen-7.pdf", [spec])
    (page,) = read_pdf(path.read_bytes(), path.name)
    assert not [t for t in page.text.splitlines() if "王晨" in t and "天津日报" in t]


def test_a_marked_brief_under_its_own_rule_is_not_the_next_column_of_a_headline() -> None:
    # A headline centred over two 10-em columns on two lines, its second line beside
    # the rule between two briefs in the column on the right; the second brief opens
    # with a marker under that rule.
    glyphs = above() + line("催生高校学术骨干年轻教师", 0, 700, 17.5)
    glyphs += line("基金资助千人", 52.5, 674, 17.5)
    for k, mark in enumerate("甲乙"):
        glyphs += column(mark, 110 * k, 650, 14, ems=10)
    glyphs += rows(["□丙丙丙丙丙丙丙丙丙", "丙丙丙丙丙丙丙丙丙丙", "丙丙丙。"], 230, 720, 14)
    glyphs += rows(["●丁丁丁丁丁丁丁丁丁", "丁丁丁丁丁丁丁丁丁丁", "丁丁。"], 230, 664, 14)
    rule = (230.0, 678.0, 330.0, 678.4)
    items = built(glyphs, [rule]).items
    head = next(it for it in items if it.headline)
    assert head.headline == "催生高校学术骨干年轻教师基金资助千人"
    assert [p[0] for p in head.paragraphs] == ["甲", "乙"]
    briefs = [it for it in items if it.marker]
    assert [(b.marker, b.paragraphs[0][0]) for b in briefs] == [("□", "丙"), ("●", "丁")]


def test_a_byline_centred_over_a_short_first_paragraph_stands_alone() -> None:
    # Under a headline over two 10-em columns, a byline centred over both; the first
    # column opens with a paragraph of two lines.
    glyphs = above() + line("江苏乡村来了服务队", 20, 720, 18)
    glyphs += line("本报记者 董群 通讯员 王国平", 45, 690)
    glyphs += line("甲" * 8, 20, 670) + line("甲" * 6 + "。", 0, 656)
    glyphs += line("乙" * 8, 20, 642) + rows(["乙" * 10, "乙。"], 0, 628, 14)
    glyphs += rows(["丙" * 10, "丙" * 10, "丙" * 10, "丙。"], 110, 670, 14)
    item = built(glyphs).items[-1]
    assert item.byline == "本报记者 董群 通讯员 王国平"
    assert item.paragraphs[0] == "甲" * 14 + "。"


def test_a_mark_whose_box_the_next_glyph_starts_at_is_no_gutter() -> None:
    # Two 10-em columns 1.5 em apart under a headline; a Kai subtitle centred over
    # both whose `》` ends its ink at the first column's edge.
    glyphs = above() + line("西哈努克国王向我震区捐款", 48, 720, 18)
    # (the boxes 0.05 pt apart, as PDFium's rounding leaves them: the gap from the
    # mark's ink is then a hair over the 0.6 em that splits a row over a gutter)
    sub = line("——《五星红旗》", 30, 695) + line("出版座谈会举行", 110.05, 695)
    glyphs += [replace(g, face=1) for g in sub]
    for k, mark in enumerate("甲乙"):
        glyphs += column(mark, 115 * k, 683, 14, ems=10)
    item = built(glyphs).items[-1]
    assert item.subtitle == "——《五星红旗》出版座谈会举行"
    assert [p[0] for p in item.paragraphs] == ["甲", "乙"]


def test_a_headline_wrapped_at_writers_line_height_is_one_line() -> None:
    glyphs = above() + line("就伊拉克武器核查问题外交部发言人答", 0, 720, 15)
    glyphs += line("记者问", 0, 695, 15)
    glyphs += line("——湖南涌现三十五万养猪大户", 0, 674, 10, weight=700)
    for k, mark in enumerate("甲乙丙"):
        glyphs += column(mark, 115 * k, 652, 14, ems=10)
    item = built(glyphs).items[-1]
    assert item.headline == "就伊拉克武器核查问题外交部发言人答记者问"
    assert item.subtitle == "——湖南涌现三十五万养猪大户"


def test_bylines_in_another_face_across_a_gutter_do_not_join_the_rows_under_them() -> None:
    # Two 14-em columns 1.4 em apart; the first row of the left one ends with `，`, the
    # right one opens with a paragraph's short last line; over both, two Kai bylines
    # centred across the gutter.
    glyphs = above() + line("农家过年", 100, 730, 20)
    bylines = line("本报记者许涛", 117, 702) + line("本报上海一月十八日讯", 97, 688)
    glyphs += [replace(g, face=1) for g in bylines]
    glyphs += rows(["甲" * 13 + "，", "甲" * 14, "甲" * 14, "甲甲。"], 0, 667, 16)
    glyphs += line("乙" * 8 + "。", 154, 667) + line("丙" * 12, 174, 651)
    glyphs += rows([*["丙" * 14] * 4, "丙丙。"], 154, 635, 16)
    text = layout(glyphs, [], is_byline).text()
    assert not [t for t in text.splitlines() if "甲" in t and ("乙" in t or "丙" in t)]


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed",
)
def test_a_page_set_by_libreoffice_comes_out_whole(tmp_path: Path) -> None:
    """One page of bench/logen.py through the importer: every story, nothing lost."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import logen

    if not logen.available():
        pytest.skip("the system CJK fonts or the corpus are missing")
    from reader.importing.pdf import read_pdf

    page = logen.generate(12)  # lines 1.9 ems apart: read row by row before round 11
    (got,) = read_pdf(page.pdf, "office-12.pdf")
    assert got.structure is not None
    heads = [it.headline for it in got.structure[0].items if it.headline]
    assert sorted(heads) == sorted(it.headline for it in page.items if it.headline)
