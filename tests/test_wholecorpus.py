"""Whole 1998 articles as pages (bench/wholecorpus.py, bench/wholegen.py).

The cutter on lines written here in the corpus's shape (one paragraph a line, no article
boundaries; no corpus text is copied), and the bench rows on two pages where the corpus,
the fonts and the engine are there.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import wholecorpus
from wholecorpus import cut

BODY = "某市今年新建了三座污水处理厂，日处理能力达到二十万吨，居民反映河水变清了。"
BODY2 = "据了解，这些工程由市政府统一规划，企业和个人共同出资，建设周期两年。"


def lines(*rows: str) -> str:
    return "\n".join(rows) + "\n"


def test_a_headline_its_byline_and_every_paragraph_make_one_story() -> None:
    (a,) = cut(lines("小河又见清水流", "本报记者王小明", BODY, BODY2))
    assert (a.kicker, a.headline, a.subtitle, a.byline) == (
        None,
        "小河又见清水流",
        None,
        "本报记者王小明",
    )
    assert a.paragraphs == (BODY, BODY2)


def test_a_new_article_starts_at_a_head_line_after_a_paragraph() -> None:
    text = lines("小河又见清水流", BODY, "新华社北京１月３日电" + BODY2, "大桥通车", BODY2, BODY)
    first, second = cut(text)
    assert first.headline == "小河又见清水流"
    # A dateline run into the lead paragraph stays there, as the corpus prints it.
    assert first.paragraphs == (BODY, "新华社北京１月３日电" + BODY2)
    assert (second.headline, second.paragraphs) == ("大桥通车", (BODY2, BODY))


def test_a_joined_subtitle_is_cut_at_its_dashes_and_a_note_is_dropped() -> None:
    (a,) = cut(lines("春到山村——某县扶贫工作纪实（附图片１张）", "（附图片２张）", BODY, BODY2))
    assert (a.headline, a.subtitle) == ("春到山村", "——某县扶贫工作纪实")
    assert a.paragraphs == (BODY, BODY2)


def test_two_head_lines_the_shorter_is_the_headline() -> None:
    (a,) = cut(lines("省委书记在全省农村工作会议上强调", "稳定粮食生产", BODY, BODY2))
    assert (a.kicker, a.headline, a.subtitle) == (
        "省委书记在全省农村工作会议上强调",
        "稳定粮食生产",
        None,
    )
    (b,) = cut(lines("粮食生产再获丰收", "全省总产量比上年增长百分之五以上", BODY, BODY2))
    assert (b.kicker, b.headline, b.subtitle) == (
        None,
        "粮食生产再获丰收",
        "全省总产量比上年增长百分之五以上",
    )
    (c,) = cut(lines("引题在上面", "主题", "——副题在下面", BODY, BODY2))
    assert (c.kicker, c.headline, c.subtitle) == ("引题在上面", "主题", "——副题在下面")


def test_an_author_s_name_under_a_commentary_is_its_byline() -> None:
    (a,) = cut(lines("说说节约", "李四", BODY, BODY2))
    assert (a.headline, a.byline) == ("说说节约", "李四")


def test_a_caption_with_its_credit_is_a_caption_item() -> None:
    caption = "图为新建成的污水处理厂。"
    (a,) = cut(lines("小河又见清水流", BODY, caption, "（本报记者王小明摄）", BODY2))
    assert a.paragraphs == (BODY, BODY2)
    items = a.items()
    assert [i.kind for i in items] == ["article", "caption"]
    assert (items[1].paragraphs, items[1].credit) == ((caption,), "（本报记者王小明摄）")
    # The credit run on at the caption's end, as the corpus prints it too.
    (b,) = cut(lines("小河又见清水流", BODY, caption + "（新华社记者李四摄）", BODY2))
    assert b.photos[0].inline and b.photos[0].caption == caption


def test_a_picture_story_is_a_caption_with_its_headline() -> None:
    caption = "元旦来临，某市街头挂起了上千盏红灯笼，一派节日气氛。"
    (a,) = cut(lines("挂起红灯迎新年（图片）", caption, "（传真照片）", "大桥通车", BODY))
    (item,) = a.items()
    assert (item.kind, item.headline, item.paragraphs, item.credit) == (
        "caption",
        "挂起红灯迎新年",
        (caption,),
        "（传真照片）",
    )


def test_what_a_page_cannot_show_as_one_story_is_left_out() -> None:
    assert cut(lines("一、总则", BODY, "二、分则", BODY2)) == []  # sections of a text
    assert cut(lines("甲", "乙", "丙", "丁", BODY)) == []  # a table, not a stack
    assert cut(lines("某某令", "第２３９号", "自公布之日起施行。")) == []  # no story's body
    assert cut(lines("随笔", BODY, BODY2, "\uff0a" * 3, BODY, BODY2))[1:] == []  # a break
    assert cut(lines("某某散文", BODY, BODY2, "１９９５年２月", BODY, BODY2))[1:] == []  # a date
    short = cut(lines("大桥通车", BODY, BODY2, "一句话新闻", BODY))
    assert [a.headline for a in short] == ["大桥通车"]  # a body under 60 characters


def _corpus_and(engine: str) -> object:
    pytest.importorskip("typst")
    if wholecorpus.load() is None:
        pytest.skip("shared/corpus is not beside this checkout")
    import wholegen

    engines: dict[str, Any] = {
        "typeset": wholegen.TYPESET,
        "chrome": wholegen.CHROME,
        "tex": wholegen.TEX,
        "office": wholegen.OFFICE,
    }
    found = engines[engine]
    if not found.available():
        pytest.skip(f"{engine}: the engine or its fonts are not installed")
    return found


@pytest.mark.parametrize(
    ("row", "engine"),
    [
        ("whole-typeset-pdfium", "typeset"),
        ("whole-chrome-pdfium", "chrome"),
        ("whole-tex-pdf", "tex"),
        ("whole-office-pdf", "office"),
    ],
)
def test_a_row_runs_on_two_pages(row: str, engine: str) -> None:
    _corpus_and(engine)
    import structure

    figures = structure.run(row, 2, 400)
    assert figures["pages"] == 2
    assert figures["counts"]["headline"] >= 6
    # The truth is what the page prints: every character comes back, none is made up.
    assert (figures["chars_lost"], figures["chars_invented"]) == (0, 0)


def test_a_typeset_page_s_truth_is_its_articles_whole() -> None:
    _corpus_and("typeset")
    import typesetgen
    import wholegen

    page = wholegen.TYPESET.generate(401)
    assert typesetgen.chars(typesetgen.pdfium_text(page.pdf)) == page.chars()
    whole = {(a.headline, a.paragraphs) for a in wholecorpus.load() or ()}
    stories = [i for i in page.items if i.kind == "article"]
    assert stories and all((i.headline, i.paragraphs) in whole for i in stories)
