"""Vertical type (竖排) in PDF import: a head, a kicker, a column name set top to bottom
beside a horizontal story (tests/verticalpages.py, by Chromium and glyph by glyph), and
the geometry alone on hand-placed glyphs. A run of upright glyphs stacked at one x is
one line, read top to bottom, put before the story it stands beside; its size and
weight give its role; vertical punctuation forms are kept as printed."""

from __future__ import annotations

import pytest
import verticalpages as vp
from handset import line

from reader.importing.glyphs import Glyph
from reader.importing.pdf import read_pdf
from reader.importing.reading_order import layout
from reader.importing.vertical import insert, take
from reader.model import Item, Page


def _column(text: str, x: float, top: float, size: float, weight: int = 700) -> list[Glyph]:
    """Upright glyphs one under another, an em apart, at one x."""
    return [
        Glyph(c, x, x + size, top - (k + 1) * size, top - k * size, top - (k + 0.88) * size,
              size, weight)
        for k, c in enumerate(text)
    ]  # fmt: skip


def _story(page: Page, headline: str) -> Item:
    (story,) = [it for it in page.items if it.headline == headline]
    return story


@pytest.fixture(scope="module")
def chromium() -> tuple[str, Page]:
    pdf = vp.chromium_pdf()
    if pdf is None:
        pytest.skip("no Chromium or no Noto Serif CJK SC")
    (read,) = read_pdf(pdf, "vertical.pdf")
    assert read.structure is not None
    return read.text, read.structure[0]


@pytest.fixture(scope="module")
def glyphwise() -> tuple[str, Page]:
    pdf = vp.reportlab_pdf()
    if pdf is None:
        pytest.skip("no AR PL UMing face")
    (read,) = read_pdf(pdf, "vertical.pdf")
    assert read.structure is not None
    return read.text, read.structure[0]


def test_vertical_heads_by_chromium_head_the_stories_beside_them(
    chromium: tuple[str, Page],
) -> None:
    text, page = chromium
    for head in (vp.HEAD, vp.COLUMN, vp.RIGHT_HEAD, vp.DIGITS_HEAD):
        assert f" {head}" in text.splitlines()  # one line, top to bottom
        story = _story(page, head)
        assert story.paragraphs == vp.STORIES[head]
        assert story.kicker is None and story.subtitle is None
    # Smaller, at body weight, beside the horizontal headline: its kicker.
    story = _story(page, vp.UNDER_KICKER)
    assert story.kicker == vp.KICKER
    assert story.paragraphs == vp.STORIES[vp.UNDER_KICKER]
    assert page.header == vp.MASTHEAD
    assert len(page.items) == 5


def test_vertical_heads_by_chromium_lose_and_invent_nothing(chromium: tuple[str, Page]) -> None:
    text, page = chromium
    printed = [vp.MASTHEAD, vp.KICKER] + [h for h in vp.STORIES]
    printed += [p for paras in vp.STORIES.values() for p in paras]
    assert vp.visible(text) == vp.visible(*printed)
    assert vp.page_chars(page) == vp.visible(text)


def test_glyphs_placed_one_under_another_with_vertical_forms_are_one_line_as_printed(
    glyphwise: tuple[str, Page],
) -> None:
    text, page = glyphwise
    lines = text.splitlines()
    for head in vp.FORMS_STORIES:
        assert f" {head}" in lines
        story = _story(page, head)
        assert story.paragraphs == vp.FORMS_STORIES[head]
    # ﹁﹂︓︵︶ kept, never folded to “”：（）: the page text is what was printed.
    paras = [p for story in vp.FORMS_STORIES.values() for p in story]
    assert vp.visible(text) == vp.visible(*vp.FORMS_STORIES, *paras)
    assert vp.page_chars(page) == vp.visible(text)


def test_a_run_of_one_size_stacked_glyphs_is_one_line_before_the_story_beside_it() -> None:
    glyphs = _column("春节市场供应充足", 0.0, 700.0, 18.0)
    for k in range(8):
        glyphs += line("国务院日前发出通知要求各地", 30.0, 690.0 - 14.0 * k)
    rest, heads, _ = take(glyphs)
    assert len(rest) == 8 * 13 and len(heads) == 1
    page = layout(rest)
    insert(page, heads)
    assert page.texts[0] == " 春节市场供应充足"
    assert [g.char for line in page.groups[0] for s in line.segments for g in s.glyphs] == list(
        "春节市场供应充足"
    )
    assert len(page.texts) == 9


def test_a_head_set_in_two_columns_reads_the_right_one_first() -> None:
    # Half an em between the two columns (white under a third of an em reads as rows).
    glyphs = _column("抢占市场", 40.0, 700.0, 18.0) + _column("制高点", 13.0, 700.0, 18.0)
    rest, heads, _ = take(glyphs)
    assert rest == [] and ["".join(g.char for g in h.glyphs) for h in heads] == ["抢占市场制高点"]


def test_digits_upright_or_two_in_one_em_are_read_in_the_run() -> None:
    size = 18.0
    glyphs = _column("迎接", 0.0, 700.0, size)
    # Upright, each centred in the run's em and half an em tall.
    for k, digit in enumerate("1998"):
        top = 700.0 - 2 * size - k * 0.5 * size
        glyphs.append(Glyph(digit, 4.5, 13.5, top - 0.5 * size, top, top - 0.45 * size, size, 700))
    glyphs += _column("年春节", 0.0, 700.0 - 4 * size, size)
    # Two digits set across the run in one em (`text-combine-upright`).
    glyphs += [
        Glyph("9", 0.0, 9.0, 574.0 - size, 574.0, 574.0 - 0.88 * size, size, 700),
        Glyph("8", 9.0, 18.0, 574.0 - size, 574.0, 574.0 - 0.88 * size, size, 700),
    ]
    glyphs += _column("届", 0.0, 574.0 - size, size)
    rest, heads = take(glyphs)[:2]
    assert rest == []
    assert ["".join(g.char for g in h.glyphs) for h in heads] == ["迎接1998年春节98届"]


def test_rows_of_a_column_stay_rows() -> None:
    # The first glyphs of lines after a squeezed comma, one under another: each has a
    # neighbour on its own row (the comma's box overlaps it), so no run.
    glyphs: list[Glyph] = []
    for k in range(4):
        base = 700.0 - 14.0 * k
        glyphs += line("要求各地，", 0.0, base)
        glyphs += [Glyph("预", 45.0, 55.0, base - 2.5, base + 7.5, base, 10.0)]
        glyphs += line("做好市场", 58.0, base)
    # A one-character line under a headline (its wrap) stands alone, not in a run.
    glyphs += line("春节市场供应充", 0.0, 800.0, 18.0) + line("足", 0.0, 780.0, 18.0)
    rest, heads, _ = take(glyphs)
    assert heads == [] and len(rest) == len(glyphs)


def test_a_run_beside_a_picture_is_its_credit_under_its_caption() -> None:
    picture = (100.0, 500.0, 300.0, 650.0)
    glyphs = _column("新华社记者王伟摄", 302.0, 650.0, 8.0, 400)
    glyphs += line("北京王府井大街节日商品琳琅满目", 100.0, 488.0)
    rest, heads, _ = take(glyphs, [picture])
    assert heads == []
    credit = [g for g in rest if g.size == 8.0]
    assert "".join(g.char for g in sorted(credit, key=lambda g: g.x0)) == "新华社记者王伟摄"
    assert max(g.top for g in credit) < 488.0  # under the caption line
