"""Shapes real papers print that no generator row set before (issue 12, round 15): a
byline set flush right at the story's end (`（本报记者 张晓明）`, or a bare name), a
headline two columns wide over a story in two columns, a kicker in the subtitle's type.
One page holds them all, set by Typst and by Chromium (real engines, Noto SC fonts);
PDF import must read each from what the PDF states."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.importing.pdf import read_pdf
from reader.model import Item

P = "国务院日前发出通知，要求各地做好春节期间的市场供应工作，保证群众过一个欢乐祥和的节日。"
Q = "各级政府要加强对市场的调控，稳定物价，丰富供应，满足城乡居民的节日消费需求。"


def _paras(n: int) -> str:
    return "\n\n".join(P if k % 2 == 0 else Q for k in range(n))


def _stack(kicker: str, headline: str, subtitle: str, small: str) -> str:
    """A centred stack: kicker and subtitle in the same type (`small`)."""
    return (
        f"#align(center)[#text({small})[{kicker}]]\n"
        f"#align(center)[#text(size: 20pt, weight: 700)[{headline}]]\n"
        f"#align(center)[#text({small})[{subtitle}]]\n"
    )


def _source(serif: str, sans: str) -> str:
    head = "#text(size: 20pt, weight: 700)"
    wide = (  # a headline two columns wide over its story set in two columns
        f"grid.cell(colspan: 2)[#text(size: 24pt, weight: 700)[春节市场供应充足价格平稳]\n"
        f"#v(4pt)\n#columns(2, gutter: 14pt)[{_paras(6)}]]"
    )
    cells = [
        _stack("国务院发出通知要求", "做好节日市场供应", "保证群众欢度春节", "weight: 700")
        + _paras(4),
        _stack("各地加大投入力度", "农村电网改造提速", "今年完成三百个县", f'font: "{sans}"')
        + _paras(4),
        _stack("冬季供暖", "城市供暖保障有力", "居民室温普遍达标", "size: 12pt")
        + _paras(3)
        + "\n#align(right)[（本报记者 张晓明）]",
        f"#align(center)[{head}[首都机场客流创新高]]\n{_paras(3)}\n#align(right)[王伟]",
        f"#align(center)[{head}[节日菜篮子货足价稳]]\n{_paras(3)}\n#align(right)[李德润葛洪]",
    ]
    grid = ",\n".join([f"[{c}]" for c in cells[:2]] + [wide] + [f"[{c}]" for c in cells[2:]])
    return (
        "#set page(width: 700pt, height: 900pt, margin: 36pt)\n"
        f'#set text(font: "{serif}", size: 10pt, lang: "zh")\n'
        "#set par(justify: true, leading: 0.55em, spacing: 0.55em,"
        " first-line-indent: (amount: 2em, all: true))\n"
        "#align(center)[#text(size: 40pt, weight: 900)[人民日报]]\n#line(length: 100%)\n"
        "#grid(columns: (1fr, 1fr, 1fr, 1fr), column-gutter: 14pt, row-gutter: 18pt,\n"
        f"{grid})\n"
    )


def _html() -> str:
    """The same page as Chromium's HTML: CSS grid, a story in CSS columns."""

    def paras(n: int) -> str:
        return "".join(f"<p>{P if k % 2 == 0 else Q}</p>" for k in range(n))

    def stack(kicker: str, headline: str, subtitle: str, style: str) -> str:
        return (
            f'<p class="c" style="{style}">{kicker}</p><h2>{headline}</h2>'
            f'<p class="c" style="{style}">{subtitle}</p>'
        )

    bold, sans = "font-weight: bold", "font-family: 'Noto Sans CJK SC'"
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: 700pt 900pt; margin: 36pt; }}
body {{ font-family: 'Noto Serif SC'; font-size: 10pt; line-height: 1.45; margin: 0; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
.grid {{ display: grid; grid-template-columns: repeat(4, 1fr); gap: 18pt 14pt; }}
h1 {{ font-size: 40pt; text-align: center; margin: 0 0 6pt 0; border-bottom: 1px solid; }}
h2 {{ font-size: 20pt; text-align: center; margin: 0 0 4pt 0; }}
.c {{ text-align: center; text-indent: 0; }} .r {{ text-align: right; text-indent: 0; }}
.two {{ grid-column: span 2; }} .cols {{ column-count: 2; column-gap: 14pt; }}
</style></head><body><h1>人民日报</h1><div class="grid">
<div>{stack("国务院发出通知要求", "做好节日市场供应", "保证群众欢度春节", bold)}{paras(4)}</div>
<div>{stack("各地加大投入力度", "农村电网改造提速", "今年完成三百个县", sans)}{paras(4)}</div>
<div class="two"><h2 style="font-size: 24pt">春节市场供应充足价格平稳</h2>
<div class="cols">{paras(6)}</div></div>
<div>{stack("冬季供暖", "城市供暖保障有力", "居民室温普遍达标", "font-size: 12pt")}{paras(3)}
<p class="r">（本报记者 张晓明）</p></div>
<div><h2>首都机场客流创新高</h2>{paras(3)}<p class="r">王伟</p></div>
<div><h2>节日菜篮子货足价稳</h2>{paras(3)}<p class="r">李德润葛洪</p></div>
</div></body></html>"""


def _typst(work: Path) -> bytes:
    typst = pytest.importorskip("typst")
    import typesetgen

    if not typesetgen.fonts_ready():
        pytest.skip("the Noto CJK fonts are not in the font cache")
    source = work / "page.typ"
    source.write_text(_source(typesetgen.SERIF, typesetgen.SANS), encoding="utf-8")
    pdf: bytes = typst.compile(str(source), font_paths=[str(typesetgen.FONT_DIR)])
    return pdf


def _chromium(work: Path) -> bytes:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import chromegen

    if not chromegen.available():
        pytest.skip("no Chromium")
    return chromegen.print_pdf(_html())


@pytest.fixture(scope="module", params=["typst", "chromium"])
def items(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Item]:
    work = tmp_path_factory.mktemp("shapes")
    pdf = (_typst if request.param == "typst" else _chromium)(work)
    (page,) = read_pdf(pdf, "page.pdf")
    assert page.structure is not None
    return {it.headline or "": it for it in page.structure[0].items}


def test_a_bracketed_byline_flush_right_at_the_end_is_the_byline(items: dict[str, Item]) -> None:
    story = items["城市供暖保障有力"]
    assert story.byline == "（本报记者 张晓明）"
    assert len(story.paragraphs) == 3


def test_a_bare_name_flush_right_at_the_end_is_the_byline(items: dict[str, Item]) -> None:
    story = items["首都机场客流创新高"]
    assert story.byline == "王伟"
    assert story.paragraphs == (P, Q, P)


def test_two_names_set_together_flush_right_at_the_end_are_the_byline(
    items: dict[str, Item],
) -> None:
    story = items["节日菜篮子货足价稳"]
    assert story.byline == "李德润葛洪"
    assert story.paragraphs[-1] == P


def test_a_headline_two_columns_wide_keeps_its_story_in_two_columns(
    items: dict[str, Item],
) -> None:
    story = items["春节市场供应充足价格平稳"]
    assert story.paragraphs == (P, Q, P, Q, P, Q)
    assert story.kicker is None and story.subtitle is None


@pytest.mark.parametrize(
    ("headline", "kicker", "subtitle"),
    [
        ("做好节日市场供应", "国务院发出通知要求", "保证群众欢度春节"),
        ("农村电网改造提速", "各地加大投入力度", "今年完成三百个县"),
        ("城市供暖保障有力", "冬季供暖", "居民室温普遍达标"),
    ],
    ids=["bold-body-size", "sans-body-size", "12pt-regular"],
)
def test_a_kicker_in_the_subtitle_s_type_is_the_kicker(
    items: dict[str, Item], headline: str, kicker: str, subtitle: str
) -> None:
    story = items[headline]
    assert (story.kicker, story.subtitle) == (kicker, subtitle)
    assert story.paragraphs[0] == P
