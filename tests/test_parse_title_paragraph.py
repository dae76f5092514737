"""A picture's title printed as a story's paragraph, then its text (issue 12 round 10).

`…统计局公布房地产指数（附图片１` / `张）` / `国家统计局投资司、中国…`: the title ends at
its note, not at a sentence's stop, and the story's text opens under it. Text made
up for these tests, in the shape PDFium writes of Chromium's pages.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = ["房地产市场缓慢回升", "本报记者 王明"]
BODY = [
    "国家统计局投资司、中国",
    "经济景气监测中心测算的全国",
    "房地产开发业景气指数，去年",
    "四季度比上季度回升一点。",
]


def _paragraphs(*lines: str) -> list[str]:
    return [p for item in parse_text("\n".join(lines)).items for p in item.paragraphs]


def test_a_title_ending_in_its_picture_note_ends_its_paragraph() -> None:
    title = ["投资和资金来源分类指数与上", "年基本持平（附图片１", "张）"]
    assert _paragraphs(*HEAD, *title, *BODY) == ["".join(title), "".join(BODY)]


def test_a_short_line_ending_in_another_note_runs_on() -> None:
    # `（右）` ends a line only because the next word did not fit: no title's note.
    text = ["会上，市长张明（右）", "和代表们亲切交谈。"]
    assert _paragraphs(*HEAD, *text, *BODY)[0] == "".join(text)
