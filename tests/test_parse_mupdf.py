"""Page text as MuPDF writes it: printed lines in pieces, the header band a piece a line.

MuPDF (`page.get_text()`) starts a new line where a squeezed mark sets the next
glyph back (`独唱《迎面一轮朝阳》、` / `《万事`) and writes the header band one piece a
line (`责任编辑：林强宇` / `1998 年1 月12 日 星期一` / `社会` / `3`). PyMuPDF is AGPL and
no dependency: `typesetgen.mupdfsplit_text` emulates its line splitting from
PDFium's characters; tests/test_typeset_parse.py holds the parser to what it reaches
on that shape.
"""

from __future__ import annotations

import pytest

from reader.parse.pieces import rejoin_pieces
from reader.parse.stories import parse_text
from reader.parse.text import page_lines

# One column of 12 ems (squeezed marks at half an em), as MuPDF writes it.
_SPLIT_COLUMN = """\
大会堂里悬挂着“高举
邓小平理论伟大旗帜，把建
设有中国特色社会主义事业
全面推向二十一世纪”的巨
大红色横幅，表达了各界群
众在党的十五大精神指引下
开拓前进的共同心愿。
今天的晚会内容丰富，
形式多样，异彩纷呈，到处是
笑语欢歌，洋溢着节日的喜
庆气氛。
《贺新年欢庆十五大
京剧联唱》拉开了文艺演出
的序幕。舞蹈《我爱中华》、
《春色满园》，桑巴舞《热情
似火》，大型歌舞《芬芳的赞
歌》热情奔放，如鲜花竞开；
独唱《迎面一轮朝阳》、
《万事
如意》、
《红月亮》、
《月琴弹起
来》、《我的祖国甜花香》等，
或高亢雄浑，或舒展优美，
向祖国热情地献上了节日的
祝愿。
"""


def _paragraphs(text: str) -> list[str]:
    return [p for item in parse_text(text).items for p in item.paragraphs]


def test_pieces_of_a_printed_line_are_joined() -> None:
    lines = [line.strip() for line in rejoin_pieces(page_lines(_SPLIT_COLUMN)) if line]
    assert "独唱《迎面一轮朝阳》、《万事" in lines
    assert "如意》、《红月亮》、《月琴弹起" in lines
    assert "庆气氛。《贺新年欢庆十五大" in lines
    assert len(lines) == len(_SPLIT_COLUMN.splitlines()) - 4
    paragraphs = _paragraphs(_SPLIT_COLUMN)
    assert any("庆气氛。《贺新年欢庆十五大京剧联唱》" in p for p in paragraphs)
    assert not any(p.startswith(("《贺新年", "《万事", "《红月亮")) for p in paragraphs)


def test_paragraph_end_over_a_quote_stays_without_sure_pieces() -> None:
    # PDFium's shape: a paragraph's short last line, then the next opens with a
    # quote; the two together fill the column, as pieces would, but the page
    # shows no piece after ，or 、, so the paragraphs stay two.
    lines = [
        "主任。当时正值三年困难时期，他深",
        "入农村调查研究，认真纠正左的错误",
        "促进了西北地区工农业生产的恢复和",
        "发展。",
        "“文化大革命”期间，刘澜涛",
        "同志在极其困难的条件下，坚持维",
        "护党的领导和人民利益，坚决抵制林",
        "彪、江青的反革命行为。",
    ]
    text = "\n".join(lines) + "\n"
    assert len(_paragraphs(text)) == 2


def test_a_whole_note_on_its_line_is_no_piece() -> None:
    text = _SPLIT_COLUMN.replace("祝愿。\n", "祝愿。\n（据新华社电）\n")
    page = parse_text(text)
    # Not joined to `祝愿。` as a piece: a paragraph of its own (`reader.parse.notes`).
    holding = [p for it in page.items for p in it.paragraphs if "（据新华社电）" in p]
    assert holding == ["（据新华社电）"]


def test_header_band_one_piece_a_line() -> None:
    for band in (
        "责任编辑：林强宇\n1998 年1 月12 日 星期一\n社会\n3\n",
        "3\n理论\n１９９８年１月１６日 星期五\n责任编辑：郭伟萍\n",
    ):
        page = parse_text(band + "克林顿称萨达姆无权决定人选\n" + _SPLIT_COLUMN)
        assert page.header is not None
        assert page.header.replace(" ", "") == band.replace("\n", "").replace(" ", "")
        assert page.items[0].headline == "克林顿称萨达姆无权决定人选"


def test_a_short_headline_after_the_band_stays_a_headline() -> None:
    # A name of four characters after the band, with no page number beside it.
    text = "3\n经济\n1998 年1 月15 日 星期四\n责任编辑 吕志萍\n乐得清贫\n" + _SPLIT_COLUMN
    page = parse_text(text)
    assert page.header is not None and "乐得清贫" not in page.header
    assert page.items[0].headline == "乐得清贫"


# --- Typst pages in the shape MuPDF writes ------------------------------------------------

typesetgen = pytest.importorskip("typesetgen")

# The parser's floors on this shape are held in tests/test_typeset_parse.py with the
# other shapes of the same pages.


@pytest.fixture(scope="module")
def seed5_lines() -> list[str]:
    pytest.importorskip("typst")
    pytest.importorskip("pypdfium2")
    corpus = typesetgen.load_corpus()
    if corpus is None:
        pytest.skip("shared/corpus is not beside this checkout")
    if not typesetgen.fonts_ready():
        pytest.skip(f"Noto SC fonts not in {typesetgen.FONT_DIR}")
    lines: list[str] = typesetgen.mupdfsplit_text(typesetgen.generate(5, corpus).pdf).splitlines()
    return lines


def test_emulation_splits_where_mupdf_does(seed5_lines: list[str]) -> None:
    lines = seed5_lines
    # A squeezed `、` sets `《` back an em: two lines. `》，` sets it back half: one.
    at = lines.index("独唱《迎面一轮朝阳》、")
    assert lines[at + 1] == "《万事"
    assert "《春色满园》，桑巴舞《热情" in lines
    # The band a piece a line; a `——` ligature (one glyph, two characters) stays whole.
    assert lines[:4] == ["责任编辑：林强宇", "1998 年 1 月 12 日 星期一", "社会", "3"]
    assert "——王兆国就第九届全国政协委员人选建议名单作说明" in lines
    assert "" not in lines
