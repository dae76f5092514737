"""A list's points numbered `（一）`, `（二）`…: each a paragraph (issue 12, round 18).

A law printed whole (whole-chrome 435, whole-typeset 438): `…并采取必要的抗震加固措施：`
over `（一）属于重大建设工程的建筑物、构筑物；` / `（二）…；` / … In a narrow column a
point's last line (`物；`) and the next point's first (`（三）有重大文物价`) fit one line,
so they read as one printed line the extractor wrote in two; and MuPDF's `措施：` /
`（一）属于重大建设工程` was joined as the pieces of one line. The corpus starts a
paragraph at such a point after ：or ；109 times and runs one on once. Round 27: a
law's articles (`第十七条…`) and a list's items whose last line ends short at `；`.
"""

from __future__ import annotations

from reader.parse.pieces import rejoin_pieces
from reader.parse.stories import parse_text

LEAD = (
    "第二十条已经建成的/下列建筑物、构筑物，未/采取抗震设防措施的，应/当按照国家有关规定进行"
    "/抗震性能鉴定，并采取必/要的抗震加固措施："
)
POINTS = [
    "（一）属于重大建设/工程的建筑物、构筑物；",
    "（二）可能发生严重/次生灾害的建筑物、构筑/物；",
    "（三）有重大文物价/值和纪念意义的建筑物、/构筑物；",
    "（四）地震重点监视/防御区的建筑物、构筑/物。",
]  # each paragraph's printed lines, `/` between them (an 11-em column)
NEXT = (
    "第二十一条对地震可/能引起的火灾、水灾、山/体滑坡、放射性污染、疫/情等次生灾害源，有关地"
    "/方人民政府应当采取相应/的有效防范措施。"
)


def test_each_numbered_point_is_a_paragraph() -> None:
    head = "中华人民共和国防震减灾法"
    text = "\n".join([head, *(p for par in (LEAD, *POINTS, NEXT) for p in par.split("/"))])
    story = parse_text(text).items[0]
    assert story.paragraphs == tuple(p.replace("/", "") for p in (LEAD, *POINTS, NEXT))


def test_a_point_after_a_colon_is_no_piece_of_the_line_above() -> None:
    # MuPDF's text of a Typst page in pieces: `措施：` and the point fill the 12.5-em column.
    lines = [
        "第二十条已经建成的下",
        "列建筑物、构筑物，未采取抗",
        "震设防措施的，应当按照国",
        "家有关规定进行抗震性能鉴",
        "定，并采取必要的抗震加固",
        "措施：",
        "（一）属于重大建设工程",
        "的建筑物、构筑物；",
        "（二）可能发生严重次生",
        "灾害的建筑物、构筑物；",
    ]
    assert rejoin_pieces(lines) == lines
    # ...where a quote opening after the colon is a piece of its line.
    quoted = [*lines[:6], "“属于重大建设工程", *lines[7:]]
    assert rejoin_pieces(quoted)[5] == "措施：“属于重大建设工程"


def test_points_run_on_after_a_full_lines_colon_stay_in_their_paragraph() -> None:
    # pagegen2 80: `…这十大新闻是：（一）江泽民…` runs on, the colon ends a full line.
    par = (
        "本报讯由中国财经报社主办、/北京安易电脑会计公司协办的/“安易”杯十大财税新闻评选/"
        "二十三日在京揭晓。这十大新闻是：/（一）江泽民总书记在十五大报/告中，对财政、税务、国资等工/"
        "作做了重要论述。（二）我国第/四次大幅度降低关税税率，平均/降幅达百分之二十六。"
    )
    text = "\n".join(["十大财税新闻揭晓", *par.split("/")])
    (story,) = parse_text(text).items
    assert len(story.paragraphs) == 1
    assert "这十大新闻是：（一）江泽民" in story.paragraphs[0]


# A law's articles (round 27): `…依法给予处分。` / `第十七条工作人员…`, the article's
# first line as wide as the column (its gap after `条` dropped by the extractor), under a
# full closed line. The corpus starts a paragraph at `第…条` 152 times and runs one on
# after a stop 4 times, each a citation (`…。”第一百五十九条第一款规定：`, `第…条规定`).
ARTICLES = [
    "第十六条单位违反本条例",
    "规定，未按期报送有关材料",
    "的，由主管部门责令改正；",
    "情节严重的，依法给予处分。",
    "第十七条工作人员玩忽职",
    "守、滥用职权的，依法给予",
    "处分；构成犯罪的，依法追",
    "究刑事责任。",
]
HEAD = "某某管理条例"


def test_each_article_of_a_law_opens_a_paragraph() -> None:
    story = parse_text("\n".join([HEAD, *ARTICLES])).items[0]
    assert story.paragraphs == ("".join(ARTICLES[:4]), "".join(ARTICLES[4:]))


def test_an_article_cited_after_a_stop_runs_on() -> None:
    cited = [*ARTICLES[:4], "第十七条规定的工作人员玩", *ARTICLES[5:]]
    story = parse_text("\n".join([HEAD, *cited])).items[0]
    assert story.paragraphs == ("".join(cited),)


# A notice's list (round 27), each item a paragraph ending in `；`, a 12-em column that
# sets its first lines in little: an item's last line short of the column by 3 ems or more
# (`器；`) ended by choice, so the line under it opens the next item.
ITEMS = [
    ["北京某某仪器厂某某牌瞬变", "码型无线遥控汽车防盗报警", "器；"],
    ["上海某某电子有限公司某某", "牌汽车防盗报警器；"],
    ["深圳市某某汽车防盗器材有", "限公司某某牌防盗报警器。"],
]


def list_paragraphs(lines: list[str]) -> list[str]:
    return [
        p
        for item in parse_text("\n".join(["汽车防盗报警器名单", *lines])).items
        for p in item.paragraphs
    ]


def test_a_list_item_s_short_last_line_ends_its_paragraph() -> None:
    got = list_paragraphs([line for item in ITEMS for line in item])
    assert any(p.endswith("".join(ITEMS[0])) for p in got)
    assert "".join(ITEMS[1]) in got


def test_a_semicolon_at_a_full_line_s_end_goes_on() -> None:
    full = [*ITEMS[0][:2], "器，属于某某产品的系列；", *ITEMS[1], *ITEMS[2]]
    got = list_paragraphs(full)
    assert any("系列；上海某某" in p for p in got)
