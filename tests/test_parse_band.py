"""The band above the stories in PDFium's text of Chromium's prints (issue 12, round 8)."""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = "全国政协举行迎春茶话会"
BODY = ["经济建设取得新的", "重大成就，各项事业全", "面发展，人民生活水平", "进一步提高。"]


def test_a_page_number_written_before_its_band_is_the_header_s() -> None:
    page = parse_text("\n".join(["8", "国际 1998年1月16日 星期五 责任编辑 曹立", HEAD, *BODY]))
    assert page.header == "8 国际 1998年1月16日 星期五 责任编辑 曹立"
    assert [(i.headline, i.paragraphs) for i in page.items] == [(HEAD, ("".join(BODY),))]


def test_a_number_over_a_story_is_no_band() -> None:
    page = parse_text("\n".join(["8", HEAD, *BODY]))
    assert page.header is None


def test_the_masthead_written_after_the_date_heads_the_header() -> None:
    page = parse_text("\n".join(["1998年1月5日 星期一 人民日报", "第1版", HEAD, *BODY]))
    assert page.header == "人民日报 1998年1月5日 星期一 第1版"
    assert [i.headline for i in page.items] == [HEAD]


def test_a_page_number_and_section_written_before_the_band_are_the_header_s() -> None:
    page = parse_text("\n".join(["13 体育", "1998年1月9日 星期五 责任编辑 林艳", HEAD, *BODY]))
    assert page.header == "13 体育 1998年1月9日 星期五 责任编辑 林艳"
    assert [i.headline for i in page.items] == [HEAD]


# LibreOffice's header band in PyMuPDF's text: a cell a line, the section's name and
# the page number as one cell with no space between them (issue 12, round 14).


def test_a_section_and_number_cell_after_the_band_is_the_header_s() -> None:
    band = ["责任编辑 陈海桂", "1998 年1 月9 日 星期五", "国际8"]
    page = parse_text("\n".join([*band, HEAD, *BODY]))
    assert page.header == "责任编辑 陈海桂 1998 年1 月9 日 星期五 国际8"
    assert [(i.headline, i.paragraphs) for i in page.items] == [(HEAD, ("".join(BODY),))]


def test_a_number_and_section_cell_before_the_band_is_the_header_s() -> None:
    band = ["14文化", "1998 年1 月30 日 星期五", "责任编辑：朱春"]
    page = parse_text("\n".join([*band, HEAD, *BODY]))
    assert page.header == "14文化 1998 年1 月30 日 星期五 责任编辑：朱春"
    assert [i.headline for i in page.items] == [HEAD]


def test_a_section_and_number_line_with_no_band_above_it_is_no_header() -> None:
    page = parse_text("\n".join(["国际8", HEAD, *BODY]))
    assert page.header is None
