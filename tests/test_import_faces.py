"""Import round 10: type our generators never set (bench/weasygen.py --variant), hand-set
as the PDFs had it. No font is needed: a glyph's face is a number, as the import reads it.

- a subtitle or kicker at the body's size and weight in another face (Kai over a Song
  body) is set apart as a bold one is: it is the stack's, and a lead's subtitle centred
  under its headline lets the headline claim the outer columns under both;
- a kicker wrapped onto a centred second line, a subtitle over two lines;
- a dateline in another face centred over an indented first line stands alone;
- a line that ends short only because the next line's start cannot be broken
  (`《中`, `以“三`) ends no paragraph;
- a byline in a heavier face (Hei over a Ming body reads bold) wrapped onto a line of
  its own;
- a byline broken inside its role word (`通讯` / `员 曾杰明`);
- two closing marks squeezed into one box's start (xeCJK's `”，`): the order the PDF
  draws them in;
- a kicker at body size drawn with a stroke (fake bold: text render mode 2), or in
  another font, in a PDF written with reportlab (its CID fonts: no font file needed).
"""

from __future__ import annotations

import io
from dataclasses import replace

from handset import line, texts
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from reader.importing.pdf import read_pdf
from reader.importing.reading_order import Glyph, layout
from reader.importing.structure import build
from reader.importing.typography import is_byline
from reader.model import Page

PITCH = 14.0
KAI = 1  # the face of the stack; the body's is 0


def faced(glyphs: list[Glyph], face: int = KAI) -> list[Glyph]:
    return [replace(g, face=face) for g in glyphs]


def rows(texts: list[str], x: float, top: float, size: float = 10.0) -> list[Glyph]:
    return [g for n, t in enumerate(texts) for g in line(t, x, top - n * PITCH, size)]


def built(glyphs: list[Glyph]) -> Page:
    done = build(layout(glyphs, [], is_byline), [])
    assert done is not None
    return done[0]


def column(mark: str, x: float, top: float) -> list[Glyph]:
    """A 14-em column: an indented first line, two full lines and a closing short one."""
    return line(mark * 12, x + 20, top) + rows([mark * 14, mark * 14, mark + "。"], x, top - PITCH)


def test_a_subtitle_in_another_face_is_the_stacks_and_lets_a_centred_lead_claim_its_columns() -> (
    None
):
    # A story above; then five 14-em columns an em apart, a 16-pt headline centred over
    # the middle three, a body-size subtitle in Kai centred under it, reaching a hair
    # into the second and fourth columns (WeasyPrint seed 16 of the variant pages).
    def page(face: int) -> Page:
        glyphs = line("上篇标题", 0, 680, 20) + rows(["戊" * 14, "戊戊。"], 0, 650)
        glyphs += line("强调发展长期稳定全面合作面向未来真诚友好关系", 194, 560, 16)
        glyphs += faced(line("——斯德哥尔摩欧洲文化首都九八年", 285, 538), face)
        for k, mark in enumerate("甲乙丙丁己"):
            glyphs += column(mark, 150 * k, 520)
        return built(glyphs)

    item = page(KAI).items[-1]
    assert item.headline == "强调发展长期稳定全面合作面向未来真诚友好关系"
    assert item.subtitle == "——斯德哥尔摩欧洲文化首都九八年"
    assert [p[0] for p in item.paragraphs] == ["甲", "乙", "丙", "丁", "己"]
    # In the body's face it is running text over the middle columns: the first column
    # was read before the headline, as a story of its own.
    assert page(0).items[1].paragraphs[0][0] == "甲"


def test_a_kicker_wrapped_centred_and_a_subtitle_over_two_lines_in_another_face() -> None:
    glyphs = faced(line("第八世夏茸尕布活佛转", 0, 600) + line("认定", 40, 586))
    glyphs += line("哦越下越大", 12.5, 566, 15)
    glyphs += faced(line("——海关去年征税九百四", 0, 545) + line("十亿创纪录", 0, 531))
    glyphs += column("甲", 0, 510)
    (item,) = built(glyphs).items
    assert item.kicker == "第八世夏茸尕布活佛转认定"
    assert item.headline == "哦越下越大"
    assert item.subtitle == "——海关去年征税九百四十亿创纪录"
    assert item.paragraphs[0].startswith("甲")


def test_a_dateline_in_another_face_over_an_indented_first_line_stands_alone() -> None:
    # Centred over a ragged column whose first line is indented two ems: in from the
    # dateline's start by less than an indent, and ending left of it.
    glyphs = line("标题在这里", 10, 560, 20)
    glyphs += faced(line("新华社重庆1月22日电", 5, 530))
    glyphs += line("这支建筑队伍还坚", 12, 515) + rows(["持工地在哪里就将党团", "工会。"], 0, 501)
    (item,) = built(glyphs).items
    assert item.byline == "新华社重庆1月22日电"
    assert item.paragraphs == ("这支建筑队伍还坚持工地在哪里就将党团工会。",)


def test_a_line_broken_early_before_an_unbreakable_start_ends_no_paragraph() -> None:
    # No indents (a caption): a short line closing a sentence ends a paragraph, unless
    # the next line starts with what could not be broken into the room left.
    def paragraphs(next_line: str) -> tuple[str, ...]:
        glyphs = line("标题在这里", 0, 560, 20)
        texts = [
            "人实施制裁的具体行政",
            "实施制裁具体行为。",
            next_line,
            "人实施制裁的具体行政",
            "得。",
        ]
        (item,) = built(glyphs + rows(texts, 0, 530)).items
        return item.paragraphs

    # `…行为。` ends 1.6 ems short (its 。's blank half counted): `中华` fits there, so
    # the line ended its paragraph; `《中` (an opening mark never ends a line) and `以“三`
    # (quotes glue to both sides in Unicode's line breaking) do not.
    assert len(paragraphs("中华人民共和国行政处")) == 2
    assert len(paragraphs("《中华人民共和国行政")) == 1
    assert len(paragraphs("以“三个有利于”为标准")) == 1


def test_a_byline_in_a_heavier_face_wrapped_onto_a_second_line_stays_the_byline() -> None:
    # A Ming body (PDFium weight 355), the byline in Zen Hei (545): bold by the weights.
    def ming(glyphs: list[Glyph]) -> list[Glyph]:
        return [g if g.face else replace(g, weight=355) for g in glyphs]

    glyphs = line("上篇标题", 0, 680, 20) + rows(["戊" * 10, "戊戊。"], 0, 650)
    glyphs += line("长沙租台彩电过新年", 0, 560, 12)
    glyphs += faced(line("本报记者 赵磊 通讯员", 0, 540, weight=545))
    glyphs += faced(line("萧振", 0, 526, weight=545))
    glyphs += line("甲一甲一甲一甲一", 20, 510) + rows(["甲二甲二甲二甲二甲二", "甲三。"], 0, 496)
    item = built(ming(glyphs)).items[-1]
    assert item.headline == "长沙租台彩电过新年"
    assert item.byline == "本报记者 赵磊 通讯员 萧振"
    assert item.paragraphs == ("甲一甲一甲一甲一甲二甲二甲二甲二甲二甲三。",)


def test_a_byline_broken_inside_its_role_word_is_the_byline() -> None:
    glyphs = line("上篇标题", 0, 680, 20) + rows(["戊" * 10, "戊戊。"], 0, 650)
    glyphs += line("贵阳筹集慰问金千万元", 0, 560, 12)
    glyphs += line("本报记者 高志松 通讯", 0, 540) + line("员 曾杰明", 0, 526)
    glyphs += line("甲一甲一甲一甲一", 20, 510) + rows(["甲二甲二甲二甲二甲二", "甲三。"], 0, 496)
    item = built(glyphs).items[-1]
    assert item.byline == "本报记者 高志松 通讯员 曾杰明"
    assert item.paragraphs == ("甲一甲一甲一甲一甲二甲二甲二甲二甲二甲三。",)


def test_two_closing_marks_squeezed_to_one_start_keep_the_order_they_are_drawn_in() -> None:
    # xeCJK (banjiao) sets `线”，也`: the `，` kerned back to where the half-wide `”`
    # starts, its box a hair left of the quote's. PDFium's indices give the order.
    glyphs = [Glyph(c, x, x + 7.7, 497.5, 507.5, 500.0, 7.7, 400, n)
              for n, (c, x) in enumerate((("风", 367.5), ("线", 375.1)))]  # fmt: skip
    glyphs += [
        Glyph("”", 382.85, 385.3, 497.5, 507.5, 500.0, 7.7, 400, 2),
        Glyph("，", 382.8, 390.5, 497.5, 507.5, 500.0, 7.7, 400, 3),
        Glyph("也", 390.5, 398.2, 497.5, 507.5, 500.0, 7.7, 400, 4),
    ]
    assert texts(glyphs) == ["风线”，也"]
    # Drawn the other way round, they read the other way round.
    glyphs[2:4] = [replace(glyphs[2], index=3), replace(glyphs[3], index=2)]
    assert "".join(texts(glyphs)) == "风线，”也"


def _pdf(kicker_mode: int, kicker_font: str = "STSong-Light") -> bytes:
    """Two stories written with reportlab; the second's stack a body-size kicker (in
    `kicker_font`, drawn in text render mode `kicker_mode`) and a 20-pt headline."""
    for font in ("STSong-Light", "MSung-Light"):
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=(300, 360))

    def story(top: float, body: str) -> None:
        page.setFont("STSong-Light", 10)
        for n, text in enumerate((f"　　{body * 5}", body * 6, f"{body[0]}三。")):
            page.drawString(40, top - 14 * n, text)

    page.setFont("STSong-Light", 20)
    page.drawString(40, 320, "上篇稿件标题")
    story(296, "乙一")
    text = page.beginText(40, 232)
    text.setFont(kicker_font, 10)
    text.setTextRenderMode(kicker_mode)
    text.textOut("江主席会见美国防部长")
    text.setTextRenderMode(0)  # the mode is kept in the graphics state, past ET
    page.drawText(text)
    page.setFont("STSong-Light", 20)
    page.drawString(40, 206, "一个天文数字的实现")
    story(182, "甲一")
    page.save()
    return buf.getvalue()


def _story(data: bytes) -> tuple[str | None, str | None]:
    (page,) = read_pdf(data, "story.pdf")
    assert page.structure is not None
    item = page.structure[0].items[-1]
    return item.kicker, item.headline


def test_a_kicker_in_fake_bold_or_another_face_is_the_kicker_in_a_real_pdf() -> None:
    # Fill (0): a line of running text over the headline, closing the story above. Fill
    # and stroke (2, fake bold: xdvipdfmx's FakeBold) or another face: the kicker.
    assert _story(_pdf(0)) == (None, "一个天文数字的实现")
    assert _story(_pdf(2)) == ("江主席会见美国防部长", "一个天文数字的实现")
    assert _story(_pdf(0, "MSung-Light")) == ("江主席会见美国防部长", "一个天文数字的实现")
