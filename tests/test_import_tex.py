"""Import round 8: shapes of TeX's PDFs (XeLaTeX + xeCJK + xdvipdfmx, bench/texgen.py),
written here with reportlab or hand-placed as the PDFs have them; none needs TeX.

- glyphs a CJK font shares between two code points, named by the other one in the
  ToUnicode map (xdvipdfmx maps glyphs back to Unicode from the font): `⋯` for `…`,
  `・` for `·`, `➅` for `⑥`;
- an opening mark set half wide and kerned back over the closing mark before it
  (`。“`, `，“`, `。（`): its box starts first;
- two stories' kickers side by side, in other sizes on other baselines, little white
  between (an opening mark pulled into the gutter);
- a byline's role and name an em apart (`\\quad`), the em right over a gutter;
- a byline so spaced wider than a column, centred over the story's two columns;
- a headline about a column wide centred over three columns, a few points in from
  the middle one's edge: no flush-left headline of that column alone;
- a subtitle exactly a column wide under a headline centred over three columns, the
  headline more than three ems over their tops;
- a bold subtitle at body size wrapped onto a last line that closes the sentence;
- a caption's line opening with a bracket pulled into the margin (6 pt of 9.2).
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from handset import line
from handset import texts as segment_texts
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from reader.importing.glyphs import Glyph, segments
from reader.importing.reading_order import layout
from reader.importing.segment import join_spaced
from reader.importing.structure import build
from reader.importing.textpage import page_glyphs as _glyphs
from reader.importing.typography import is_byline


def _page_text(text: str) -> str:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    page = canvas.Canvas(buf, pagesize=(400, 400))
    page.setFont("STSong-Light", 10)
    page.drawString(40, 300, text)
    page.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        textpage = doc[0].get_textpage()
        glyphs, _ = _glyphs(textpage)
        textpage.close()
    finally:
        doc.close()
    return "".join(g.char for g in glyphs)


def test_a_shared_glyph_named_by_its_other_code_point_reads_as_chinese_text_means_it() -> None:
    # What xdvipdfmx's ToUnicode says for Noto SC's centred ellipsis, middle dot and
    # circled digit: the mathematical, katakana and dingbat code points of the glyphs.
    printed = "他说\u22ef\u22ef亨利\u30fb本西德\u2785春节\u2780"
    assert _page_text(printed) == "他说……亨利·本西德⑥春节①"
    # The code points Chinese text uses are read as they are.
    assert _page_text("他说……亨利·本西德⑥") == "他说……亨利·本西德⑥"


def test_an_opening_mark_kerned_back_over_a_closing_one_reads_after_it() -> None:
    # xeCJK (`kaiming`) sets `。` full width and the `“` after it half wide, kerned back:
    # the quote's box starts 1.4 pt before the full stop's.
    glyphs = line("崇高精神", 0.0, 500.0)
    glyphs.append(Glyph("。", 40.0, 50.0, 497.5, 507.5, 500.0, 10.0))
    glyphs.append(Glyph("“", 38.6, 48.6, 497.5, 507.5, 500.0, 10.0))
    glyphs += line("天无情", 48.6, 500.0)
    assert segment_texts(glyphs) == ["崇高精神。“天无情"]
    # `，“` in `banjiao`: the comma half wide, the quote's box over it.
    glyphs = line("说过", 0.0, 500.0)
    glyphs.append(Glyph("，", 20.0, 25.0, 497.5, 507.5, 500.0, 10.0))
    glyphs.append(Glyph("“", 22.0, 32.0, 497.5, 507.5, 500.0, 10.0))
    glyphs += line("古人", 32.0, 500.0)
    assert segment_texts(glyphs) == ["说过，“古人"]
    # Set apart, an opening mark before a closing one keeps its place (`（）`).
    glyphs = [*line("见（", 0.0, 500.0), *line("）", 20.0, 500.0)]
    assert segment_texts(glyphs) == ["见（）"]


def _two_columns(top: float, rows: int) -> list[Glyph]:
    """Body rows in two columns of ten ems, a one-em gutter between."""
    out: list[Glyph] = []
    for k in range(rows):
        out += line("经济增长趋势预示美国", 0.0, top - 15.0 * k)
        out += line("新兴产业的出现扩大就业", 110.0, top - 15.0 * k)
    return out


def test_a_byline_with_a_full_width_space_over_a_gutter_stays_one_line() -> None:
    # `本报记者\\quad 马明雪` centred over two columns: the em between role and name
    # lies right over the gutter, which cuts the row there.
    glyphs = line("湖南备耕安排早动手快", 5.0, 540.0, 20.0, 700)
    glyphs += line("本报记者", 60.0, 515.0) + line("马明雪", 110.0, 515.0)
    glyphs += _two_columns(495.0, 6)
    texts = [t.strip() for t in layout(glyphs, (), is_byline).texts]
    assert texts[:2] == ["湖南备耕安排早动手快", "本报记者 马明雪"]
    # Text beside it that makes the whole no byline: nothing joined.
    glyphs = line("本报记者", 60.0, 515.0) + line("马明雪说，经济", 110.0, 515.0)
    segs = segments(glyphs + _two_columns(495.0, 6), 10.0)
    assert len(join_spaced(segs, 10.0, is_byline)) == len(segs)


def test_kickers_of_two_stories_side_by_side_in_other_sizes_are_two_lines() -> None:
    # A 10 pt kicker filling its column, and the next column's 11.2 pt kicker opening
    # with `『` pulled half an em into the gutter (`banjiao`), 0.9 pt lower: under 0.6
    # em of white between their boxes, but another size on another baseline.
    glyphs = line("九十年代中国文学十大景点", 0.0, 500.0, 10.0, 800)
    glyphs += line("『新华文摘双星文学奖』揭晓", 125.9, 499.1, 11.16, 800)
    assert segment_texts(glyphs) == ["九十年代中国文学十大景点", "『新华文摘双星文学奖』揭晓"]
    # One line in two sizes on one baseline stays one line.
    glyphs = line("本报讯", 0.0, 500.0, 10.0) + line("记者", 31.0, 500.0, 11.16)
    assert segment_texts(glyphs) == ["本报讯记者"]


def test_a_byline_centred_over_two_columns_wider_than_one_is_the_byline() -> None:
    # Em spaces make the byline wider than a column; centred over the story's two
    # columns it starts 1.8 em right of the indented first line under it.
    glyphs = line("人民日报", 60.0, 660.0, 40.0, 900)  # the masthead over it
    glyphs += line("石漫滩水库复建工程竣工", 0.0, 560.0, 20.0, 700)
    glyphs += line("本报记者 宋伟敏 通讯员 傅华强", 17.6, 530.0)
    glyphs += line("财政收入比同期增", 20.0, 510.0) + line("新兴产业的出现扩大就业", 110.0, 510.0)
    for k in range(1, 6):
        glyphs += line("经济增长趋势预示美国", 0.0, 510.0 - 15.0 * k)
        glyphs += line("新兴产业的出现扩大就业", 110.0, 510.0 - 15.0 * k)
    built = build(layout(glyphs, (), is_byline), [])
    assert built is not None
    assert built[0].header == "人民日报"
    (story,) = built[0].items
    assert story.headline == "石漫滩水库复建工程竣工"
    assert story.byline == "本报记者 宋伟敏 通讯员 傅华强"


def test_a_headline_a_column_wide_centred_over_three_is_no_flush_left_one() -> None:
    # 固定汇率制 (five characters at 20.5 pt) centred over three columns is also centred
    # over the middle one, 3.7 pt in from its edge: it heads all three, which read
    # column by column, before the story beside with its stack on the same rows.
    glyphs = line("人民日报", 60.0, 900.0, 40.0, 900)
    glyphs += line("固定汇率制", 160.1, 725.0, 20.5, 700)
    glyphs += line("新华社天津1月7日电", 160.7, 708.0)
    glyphs += line("荣誉：“五一”劳动奖章获得者、全国", 397.8, 725.0, 20.5, 700)
    glyphs += line("优秀共产党员", 397.8, 700.0, 20.5, 700)
    glyphs += line("新华社杭州1月7日电", 397.8, 676.0)
    columns = ("民营企业富临集团欲收购", "成都市经委的一位负责同", "去我们的社会保险只覆盖")
    for k in range(6):
        y = 685.0 - 16.5 * k
        glyphs += line("同样的情况绵阳市也" if k == 0 else columns[0], 55.8 if k == 0 else 35.9, y)
        glyphs += line(columns[1], 156.4, y) + line(columns[2], 276.9, y)
    for k in range(5):
        glyphs += line("第二个故事的正文一行字", 397.8, 660.0 - 16.5 * k)
        glyphs += line("第二个故事的正文二行字", 518.0, 660.0 - 16.5 * k)
    texts = [t.strip() for t in layout(glyphs, (), is_byline).texts]
    first = texts.index("同样的情况绵阳市也")
    assert texts[1:3] == ["固定汇率制", "新华社天津1月7日电"]
    assert (
        texts[first : first + 18]
        == ["同样的情况绵阳市也"] + [columns[0]] * 5 + [columns[1]] * 6 + [columns[2]] * 6
    )
    beside = next(k for k, t in enumerate(texts) if t.startswith("荣誉"))
    assert beside > first + 17


def test_a_headline_over_a_column_wide_subtitle_heads_its_three_columns() -> None:
    # The story on the right: its headline centred over three columns, 3.1 ems over
    # their tops, a subtitle under it exactly a column wide; the story on the left has
    # its byline centred over its own two columns, its tops a row lower.
    body = 10.5
    glyphs = line("人民日报", 300.0, 1300.0, 40.0, 900)
    glyphs += line("埃里卡特指出华盛顿会谈令人失望", 189.2, 1130.1, 15.8, 700)
    glyphs += line("本报记者 萧宇", 274.0, 1113.6, body)
    glyphs += line("“金字塔”尚未形成", 553.2, 1127.5, 21.6, 700)
    glyphs += line("——这只想心事的布老虎", 592.9, 1105.5, 11.65, 700)
    left = ("迅速扩张不仅在本行业", "购并还使企业分支机构")
    right = ("克在北京再次见面希望他", "好势头这一局面来之不易", "希望英中两国关系有一个")
    for k in range(6):
        y = 1090.8 - 16.9 * k
        glyphs += line(
            "目前不少企业集团" if k == 0 else left[0], 196.5 if k == 0 else 175.5, y, body
        )
        glyphs += line(left[1], 315.0, y, body)
        y = 1081.2 - 16.9 * k
        glyphs += line(
            "江泽民表示很高兴与" if k == 0 else right[0], 475.6 if k == 0 else 454.6, y, body
        )
        glyphs += line(right[1], 594.2, y, body) + line(right[2], 733.8, y, body)
    texts = [t.strip() for t in layout(glyphs, (), is_byline).texts]
    assert texts[1:4] == ["埃里卡特指出华盛顿会谈令人失望", "本报记者 萧宇", "目前不少企业集团"]
    stack = texts.index("“金字塔”尚未形成")
    assert texts[stack + 1 : stack + 3] == ["——这只想心事的布老虎", "江泽民表示很高兴与"]
    assert stack == 3 + 6 + 6  # after both columns on the left


def test_a_bold_subtitle_wrapped_onto_a_closing_line_stays_the_subtitle() -> None:
    glyphs = line("人民日报", 60.0, 760.0, 40.0, 900)
    glyphs += line("周恩来精神在母校光大", 0.0, 700.0, 13.5, 700)
    glyphs += line("“我希望你不要轻易放弃自己的", 0.0, 680.0, 10.5, 700)
    glyphs += line("追求。”", 0.0, 667.0, 10.5, 700)
    glyphs += line("新华社记者 林 雪", 0.0, 650.0, 10.5)
    glyphs += line("《监狱法》的贯彻实施，不但", 21.0, 630.0, 10.5)
    for k in range(1, 5):
        glyphs += line("完善了我国的刑事法律体系，也", 0.0, 630.0 - 16.0 * k, 10.5)
    built = build(layout(glyphs, (), is_byline), [])
    assert built is not None
    (story,) = built[0].items
    assert story.headline == "周恩来精神在母校光大"
    assert story.subtitle == "“我希望你不要轻易放弃自己的追求。”"
    assert story.byline == "新华社记者 林 雪"


def test_a_caption_line_opening_with_a_bracket_pulled_into_the_margin_stays_in_it() -> None:
    size = 9.2
    picture = (0.0, 570.0, 140.0, 675.0)
    caption = (
        "图为重达６６０磅的月球勘探者",
        "探测器将进入距月球表面６２英里",
        "（约１００公里）高的空间轨道，",
        "对月球进行全面探测。（本报记",
        "者李舸摄）",
    )
    glyphs = line("人民日报", 20.0, 760.0, 40.0, 900)
    for k, text in enumerate(caption):
        x = -6.0 if text.startswith("（") else 0.0  # as xeCJK pulled it (`kaiming`)
        glyphs += line(text, x, 558.0 - 13.3 * k, size)
    glyphs += line("中国铁路文工团总导演", 160.0, 660.0, 13.0, 700)
    for k in range(8):
        glyphs += line("江泽民主席在十五大工作", 160.0, 640.0 - 15.0 * k, 10.0)
    built = build(layout(glyphs, [picture], is_byline), [picture])
    assert built is not None
    captions = [it for it in built[0].items if it.kind == "caption"]
    assert len(captions) == 1
    assert captions[0].credit == "（本报记者李舸摄）"
    assert captions[0].paragraphs == ("".join(caption)[: -len("（本报记者李舸摄）")],)
