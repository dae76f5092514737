"""Headline stacks in page text laid out by others, issue 12 round 11 (branch `heads12`).

Each test is a shape read on PDFium's and MuPDF's text of generated pages, or one of
the issue's page-text shapes still wrong after round 10, written by hand at a 12-em
column (full lines of 12 characters, a paragraph's first line two ems in).
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text


def _para(text: str) -> list[str]:
    """A paragraph set in the column: its first line 10 characters, the rest 12."""
    return [text[:10], *(text[k : k + 12] for k in range(10, len(text), 12))]


CLOSED = _para("江泽民对联邦快递公司来北京举行董事会表示欢迎并希望同中国有关公司探讨合作的机会。")
BODY = _para(
    "我国经济建设取得新成就，各项事业全面发展，人民生活水平进一步提高，民主法制建设继续加强。"
)
OTHER = _para("农业生产再次获得好收成，企业改革继续深化，对外经济技术合作与交流不断扩大。")


HEADS = ["全国政协举行迎春茶话会", "抢占市场制高点，靠的是不断进取精神", "菜篮子十年巨变"]


def _pages(story: list[str]) -> list[list[str]]:
    """The story first, between two others, and last."""
    before = ["全国政协举行迎春茶话会", *CLOSED]
    after = ["菜篮子十年巨变", *OTHER]
    return [story + after, before + story + after, before + story]


@pytest.mark.parametrize("byline", [[], ["本报记者陈鹏"]], ids=["plain", "byline"])
@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_headline_broken_at_its_comma_over_a_wider_line_is_one_headline(
    byline: list[str], sep: str
) -> None:
    story = ["抢占市场制高点，", "靠的是不断进取精神", *byline, *BODY]
    for lines in _pages(story):
        items = parse_text(sep.join(lines)).items
        ours = [i for i in items if i.paragraphs and i.paragraphs[0].startswith("我国经济")]
        assert len(ours) == 1
        assert (ours[0].kicker, ours[0].headline, ours[0].subtitle) == (
            None,
            "抢占市场制高点，靠的是不断进取精神",
            None,
        )
        assert [i.headline for i in items if i.headline in HEADS] == [
            h for h in HEADS if h in "".join(lines)
        ]


def test_a_paragraphs_first_line_ending_at_a_comma_stays_in_its_paragraph() -> None:
    """Set two ems in and full, it could take no more: no headline."""
    para = _para("他说，意大利认为，在当前经济全球化趋势进一步加强的形势下，中国的作用日益重要。")
    page = parse_text("\n".join(["全国政协举行迎春茶话会", *CLOSED, *para]))
    assert [i.headline for i in page.items] == ["全国政协举行迎春茶话会"]
    assert page.items[0].paragraphs[-1] == "".join(para)


def test_a_headline_over_a_first_line_that_ends_at_a_colon() -> None:
    """The colon closes the line's sentence, not its paragraph: the line is set in."""
    story = ["木炭火熔不开火炉", "据中央气象台提供信息：", *BODY[1:]]
    page = parse_text("\n".join(["全国政协举行迎春茶话会", *CLOSED, *story]))
    assert [i.headline for i in page.items] == [
        "全国政协举行迎春茶话会",
        "木炭火熔不开火炉",
    ]


def test_a_line_that_leaves_a_bracket_open_runs_on() -> None:
    """`杨伟光（中央电视台台` / `长、《潘汉年》总监制）：` is one paragraph's lead."""
    para = [
        "杨伟光（中央电视台",
        "台长、《潘汉年》总监制）：",
        *_para("这部剧是首次将我党隐蔽斗争战线高级领导人搬上荧屏。"),
    ]
    page = parse_text("\n".join(["全国政协举行迎春茶话会", *CLOSED, *para]))
    assert [i.headline for i in page.items] == ["全国政协举行迎春茶话会"]


@pytest.mark.parametrize(
    ("stack", "want"),
    [
        (  # TeX balances a wrapped headline's lines: 忠|诚 is one word
            ["拥军办实事爱民献忠", "诚江西“双拥”工作常", "抓不懈"],
            (None, "拥军办实事爱民献忠诚江西“双拥”工作常抓不懈", None),
        ),
        (  # ...and a kicker's last character and its headline's first make none
            ["漫天皆白雀跃的孩子们", "武汉：自学考试升", "温"],
            ("漫天皆白雀跃的孩子们", "武汉：自学考试升温", None),
        ),
    ],
)
def test_a_word_broken_between_a_line_and_a_wrapped_part_joins_them(
    stack: list[str], want: tuple[str | None, str, str | None]
) -> None:
    page = parse_text("\n".join(["全国政协举行迎春茶话会", *CLOSED, *stack, "本报记者陈鹏", *BODY]))
    last = page.items[-1]
    assert (last.kicker, last.headline, last.subtitle) == want


def test_a_quote_wrapped_over_four_lines_after_a_source_is_the_next_headline() -> None:
    """Set in display type over a narrow span: the quote opens the story under it."""
    quote = ["“看到这个栏，", "就像看到了警", "察，感到安全多", "了！”"]
    lines = ["全国政协举行迎春茶话会", *CLOSED, "（据新华社电）", *quote, *BODY]
    page = parse_text("\n".join(lines))
    assert [i.headline for i in page.items] == [
        "全国政协举行迎春茶话会",
        "“看到这个栏，就像看到了警察，感到安全多了！”",
    ]
    assert list(page.items[-1].paragraphs) == ["".join(BODY)]


@pytest.mark.parametrize(
    "end", ["（据新华社电）", "（本报记者 王伟 摄）"], ids=["source", "credit"]
)
def test_a_stated_quote_after_a_story_end_is_the_next_headline(end: str) -> None:
    """`。”` closes dialogue too; after a source or a credit a story starts."""
    lines = ["全国政协举行迎春茶话会", *CLOSED, end, "“我希望你不要轻易放弃自己的追求。”", *BODY]
    page = parse_text("\n".join(lines))
    assert page.items[-1].headline == "“我希望你不要轻易放弃自己的追求。”"
    assert list(page.items[-1].paragraphs) == ["".join(BODY)]


def test_a_stated_quote_in_a_story_stays_its_paragraph() -> None:
    lines = ["全国政协举行迎春茶话会", *CLOSED, "“我希望你不要放弃。”", *BODY]
    page = parse_text("\n".join(lines))
    assert [i.headline for i in page.items] == ["全国政协举行迎春茶话会"]


@pytest.mark.parametrize(
    ("seed", "headline", "first"),
    [
        (544, "不容忽视的问题", "就在经济总量迅速增长之时"),  # the marks' squeeze
        (536, "第三，深化改革，促进科技与经济的结合", "据中央气象台提供的信息："),  # a colon
    ],
)
def test_typst_pages_read_this_round(seed: int, headline: str, first: str) -> None:
    """Typst pages (PDFium's text): a headline over a first line that looked set full.

    On 544 the lines under `就在经济总量迅速增` measure 10.5 ems by their squeezed
    commas in an 11-em column, so against them the first line is not set in; the
    block's measure says it is. On 536 the first line ends at a colon.
    """
    typesetgen = pytest.importorskip("typesetgen")
    pytest.importorskip("typst")
    pytest.importorskip("pypdfium2")
    page = typesetgen.generate(seed)
    items = parse_text(typesetgen.pdfium_text(page.pdf)).items
    (ours,) = [i for i in items if i.paragraphs and i.paragraphs[0].startswith(first)]
    assert ours.headline == headline


def test_a_first_line_with_a_comma_keeps_the_widths_of_the_lines_below() -> None:
    """`去年夏天，在人们对` is measured short by its own comma: it leads its paragraph."""
    para = [
        "去年夏天，在人们对",
        "电视连续剧《长征岁月》",
        "的赞誉声中，执导该剧的",
        "导演获得了好评。",
    ]
    page = parse_text(
        "\n".join(
            [
                "全国政协举行迎春茶话会",
                *_para("江泽民对联邦快递公司来北京举行董事会表示欢迎并希望同中国有关公司合作。"),
                *para,
            ]
        )
    )
    assert [i.headline for i in page.items] == ["全国政协举行迎春茶话会"]


def test_a_headline_wrapped_in_a_narrow_span_may_hold_commas() -> None:
    """Four lines at half the column and a subtitle: too many parts by the rules alone."""
    stack = ["坚持解放生产", "力不动摇，努", "力寻找公有制", "实现形式", "——图为“世界艾滋病日”"]
    page = parse_text("\n".join(["全国政协举行迎春茶话会", *CLOSED, *stack, *BODY]))
    last = page.items[-1]
    assert last.headline == "坚持解放生产力不动摇，努力寻找公有制实现形式"
    assert last.subtitle == "——图为“世界艾滋病日”"
    assert list(last.paragraphs) == ["".join(BODY)]
