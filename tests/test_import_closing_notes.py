"""A writer's name in brackets closing a story (`（王忠家）`): 1998 prints it as a
paragraph of its own, set at the paragraph indent (whole-typeset-pdf read seeds 404,
408: the corpus has it as the story's last paragraph); the pooled generators set it
flush right. Either way it ends the story, so a brief after it is a story of its own,
and either way it is the story's last paragraph (round 17, `reader.parse.notes`: the
corpus prints such notes as text; a `source` is a `（来源：…）` line)."""

from __future__ import annotations

from handset import line

from reader.importing.reading_order import Glyph, layout
from reader.importing.structure import build
from reader.importing.typography import is_byline
from reader.model import Item


def page(note: list[Glyph]) -> tuple[Item, ...]:
    """A headline over a 14-em column: two paragraphs, `note`, then a brief."""
    glyphs = line("高举旗帜的坚定性", 0, 700, 20)
    glyphs += line("甲" * 12, 20, 670) + line("乙" * 14, 0, 656) + line("乙乙。", 0, 642)
    glyphs += line("丙" * 12, 20, 628) + line("丁" * 14, 0, 614) + line("丁丁。", 0, 600)
    glyphs += note
    glyphs += line("本报讯戊" + "戊" * 8, 20, 572) + line("己" * 14, 0, 558) + line("己。", 0, 544)
    done = build(layout(glyphs, [], is_byline), [])
    assert done is not None
    return done[0].items


def test_a_bracketed_name_at_the_paragraph_indent_is_a_paragraph_that_ends_the_story() -> None:
    items = page(line("（王忠家）", 20, 586))
    assert items[0].paragraphs[-1] == "（王忠家）"
    assert items[0].source is None
    assert len(items) == 2 and items[1].byline == "本报讯"


def test_a_bracketed_name_set_flush_right_is_a_paragraph_that_ends_the_story() -> None:
    items = page(line("（郑雪）", 100, 586))
    assert items[0].source is None
    assert items[0].paragraphs[-2:] == ("丙" * 12 + "丁" * 14 + "丁丁。", "（郑雪）")
    assert len(items) == 2


def test_a_source_line_set_flush_right_stays_the_source() -> None:
    items = page(line("（来源：新华社）", 60, 586))
    assert items[0].source == "（来源：新华社）"
    assert items[0].paragraphs[-1].endswith("丁丁。")
    assert len(items) == 2
