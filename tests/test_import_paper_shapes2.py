"""More shapes real papers print that no generator row sets (issue 12, round 16): two
stories side by side whose headlines sit on one baseline, a picture two columns wide
with its caption under it and a story beside it, a boxed story (rules on four sides),
a story that goes on on another page (`（下转第二版）`). One page holds them all, set by
Typst and by Chromium (real engines, Noto SC fonts); PDF import must read each from
what the PDF states."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.importing.pdf import read_pdf
from reader.model import Item, Page

P = "国务院日前发出通知，要求各地做好春节期间的市场供应工作，保证群众过一个欢乐祥和的节日。"
Q = "各级政府要加强对市场的调控，稳定物价，丰富供应，满足城乡居民的节日消费需求。"
# A story under a headline three columns wide, its picture over the first two: its text
# starts under the picture (R in the first column, S in the second) and goes on in the
# third, beside the picture and down past it (T, U three times).
R = "春节将至，王府井大街各大商场人头攒动，节日气氛日渐浓厚，各种年货摆满柜台。"
S = "记者在百货大楼看到，食品、服装、家电柜台前挤满了选购商品的顾客，营业员忙个不停。"
T = "商场负责人介绍，今年节日商品货源充足，品种丰富，价格总体平稳，一些商品还有所下降。"
U = "为方便群众购物，不少商场延长了营业时间，并增设了服务网点，开展送货上门等服务项目。"
WRAPPED = "王府井大街节日商品琳琅满目"
BESIDE = "\n\n".join((T, U) * 3)
CAPTION = "北京王府井大街节日商品琳琅满目，市民选购年货。"
CREDIT = "（本报记者 王建国摄）"
TURN = "（下转第二版）"
# Two headlines that fill their columns: side by side, one gutter apart, one baseline.
LEFT, RIGHT = "首都机场客流创新高", "节日菜篮子货足价稳"
# Two headlines set flush left, each a column and a character long: their second lines
# are one character, left of the first line of the text under them (indented two ems).
WRAP_L, WRAP_R = "呼和浩特塞北瓜果飘香", "包头二院医疗队行万里"


def _paras(n: int) -> list[str]:
    return [P if k % 2 == 0 else Q for k in range(n)]


def _source(serif: str) -> str:
    def story(head: str, n: int, tail: str = "", align: str = "center") -> str:
        return f"#align({align})[#text(size: 18pt, weight: 700)[{head}]]\n" + "\n\n".join(
            _paras(n) + ([tail] if tail else [])
        )

    picture = (
        "grid.cell(colspan: 2)[#rect(width: 100%, height: 150pt, fill: luma(200))\n"
        f"#v(2pt)#text(size: 9pt)[{CAPTION}{CREDIT}]]"
    )
    wrapped = [
        f"grid.cell(colspan: 3)[#align(center)[#text(size: 22pt, weight: 700)[{WRAPPED}]]]",
        picture,
        f"grid.cell(rowspan: 2)[{BESIDE}]",
        f"[#par[{R}]]",
        f"[#par[{S}]]",
    ]
    boxed = f"[#rect(width: 100%, stroke: 1pt, inset: 6pt)[{story('居民室温普遍达标', 2)}]]"
    cells = [
        f"[{story(LEFT, 3)}]",
        f"[{story(RIGHT, 3)}]",
        f"[{story('春运开始售票', 2)}]",
        *wrapped,
        boxed,
        f"[{story('春节市场供应充足', 3, TURN)}]",
        f"[{story('城市供暖保障有力', 3)}]",
        f"[{story(WRAP_L, 2, align='left')}]",
        f"[{story(WRAP_R, 2, align='left')}]",
        f"[{story('铁路春运售票顺利', 1)}]",
    ]
    return (
        "#set page(width: 600pt, height: 1100pt, margin: 36pt)\n"
        f'#set text(font: "{serif}", size: 10pt, lang: "zh")\n'
        "#set par(justify: true, leading: 0.55em, spacing: 0.55em,"
        " first-line-indent: (amount: 2em, all: true))\n"
        "#align(center)[#text(size: 40pt, weight: 900)[人民日报]]\n#line(length: 100%)\n"
        "#grid(columns: (1fr, 1fr, 1fr), column-gutter: 12pt, row-gutter: 18pt,\n"
        + ",\n".join(cells)
        + ")\n"
    )


def _html() -> str:
    """The same page as Chromium's HTML: a CSS grid."""

    def story(head: str, n: int, tail: str = "", align: str = "center") -> str:
        body = "".join(f"<p>{p}</p>" for p in _paras(n) + ([tail] if tail else []))
        return f'<h2 style="text-align: {align}">{head}</h2>{body}'

    beside = "".join(f"<p>{p}</p>" for p in (T, U) * 3)
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: 600pt 1100pt; margin: 36pt; }}
body {{ font-family: 'Noto Serif SC'; font-size: 10pt; line-height: 1.45; margin: 0; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
.grid {{ display: grid; grid-template-columns: repeat(3, 1fr); gap: 18pt 12pt; }}
h1 {{ font-size: 40pt; text-align: center; margin: 0 0 6pt 0; border-bottom: 1px solid; }}
h2 {{ font-size: 18pt; text-align: center; margin: 0 0 4pt 0; }}
.two {{ grid-column: span 2; }} .pic {{ height: 150pt; background: #ccc; }}
.cap {{ font-size: 9pt; text-indent: 0; margin-top: 2pt; }}
.box {{ border: 1pt solid black; padding: 6pt; }}
</style></head><body><h1>人民日报</h1><div class="grid">
<div>{story(LEFT, 3)}</div><div>{story(RIGHT, 3)}</div><div>{story("春运开始售票", 2)}</div>
<h2 style="grid-column: span 3; font-size: 22pt">{WRAPPED}</h2>
<div class="two"><div class="pic"></div><p class="cap">{CAPTION}{CREDIT}</p></div>
<div style="grid-row: span 2">{beside}</div><div><p>{R}</p></div><div><p>{S}</p></div>
<div class="box">{story("居民室温普遍达标", 2)}</div>
<div>{story("春节市场供应充足", 3, TURN)}</div>
<div>{story("城市供暖保障有力", 3)}</div>
<div>{story(WRAP_L, 2, align="left")}</div><div>{story(WRAP_R, 2, align="left")}</div>
<div>{story("铁路春运售票顺利", 1)}</div>
</div></body></html>"""


def _typst(work: Path) -> bytes:
    typst = pytest.importorskip("typst")
    import typesetgen

    if not typesetgen.fonts_ready():
        pytest.skip("the Noto CJK fonts are not in the font cache")
    source = work / "page.typ"
    source.write_text(_source(typesetgen.SERIF), encoding="utf-8")
    pdf: bytes = typst.compile(str(source), font_paths=[str(typesetgen.FONT_DIR)])
    return pdf


def _chromium(work: Path) -> bytes:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import chromegen

    if not chromegen.available():
        pytest.skip("no Chromium")
    return chromegen.print_pdf(_html())


@pytest.fixture(scope="module", params=["typst", "chromium"])
def page(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Page:
    work = tmp_path_factory.mktemp("shapes2")
    pdf = (_typst if request.param == "typst" else _chromium)(work)
    (read,) = read_pdf(pdf, "page.pdf")
    assert read.structure is not None
    return read.structure[0]


def _story(page: Page, headline: str) -> Item:
    (story,) = [it for it in page.items if it.headline == headline]
    return story


def test_two_headlines_side_by_side_on_one_baseline_head_two_stories(page: Page) -> None:
    for headline in (LEFT, RIGHT):
        story = _story(page, headline)
        assert story.paragraphs == (P, Q, P)
        assert story.subtitle is None and story.kicker is None


def test_headlines_side_by_side_wrapped_onto_one_character_head_their_own_columns(
    page: Page,
) -> None:
    for headline in (WRAP_L, WRAP_R):
        assert _story(page, headline).paragraphs == (P, Q)


def test_a_picture_two_columns_wide_keeps_its_caption_and_its_story_around_it(
    page: Page,
) -> None:
    (caption,) = [it for it in page.items if it.kind == "caption"]
    assert caption.paragraphs == (CAPTION,)
    assert caption.credit == CREDIT
    # Under the picture, first and second column, then the third column beside it.
    assert _story(page, WRAPPED).paragraphs == (R, S, T, U, T, U, T, U)
    assert _story(page, "春运开始售票").paragraphs == (P, Q)


def test_a_boxed_story_is_one_story(page: Page) -> None:
    story = _story(page, "居民室温普遍达标")
    assert story.paragraphs == (P, Q)


def test_a_continuation_line_ends_its_story(page: Page) -> None:
    story = _story(page, "春节市场供应充足")
    assert story.paragraphs == (P, Q, P, TURN)
    assert story.byline is None
    assert _story(page, "城市供暖保障有力").paragraphs == (P, Q, P)
