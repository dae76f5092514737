"""A story's source note and a wider caption's first line written on one line.

Typst's page 724 in MuPDF's text: `掌声打断。` / `（据新华社电）１、今年新年夜，…` / `迎新烟花…
进口。（本报记者 韩华军 摄）`; TeX's 343 in PDFium's, with a space at the gap: `（来源：经济
日报） 图为秦华孙说，…`. The note ends the story above; the caption starts after it
(issue 12 round 12). Text made up for these tests but the notes.
"""

from __future__ import annotations

import pytest
from test_parse_captions_open import BODY, HEAD, NEXT  # the same two stories around it

from reader.model import Item
from reader.parse.stories import parse_text

CAPTION_END = "迎新烟花绝大部分从中国进口。（本报记者 韩华军 摄）"
CAPTION_FIRST = "１、今年新年夜，德国波恩市礼花争艳。德国共花１·６亿马克购买的"


def _items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


@pytest.mark.parametrize("note", ["（据新华社电）", "（来源：经济日报） "])
def test_a_source_beside_a_captions_first_line_ends_the_story(note: str) -> None:
    page = _items(HEAD, *BODY, note + CAPTION_FIRST, CAPTION_END, NEXT, *BODY)
    (caption,) = [i for i in page if i.kind == "caption"]
    assert caption.paragraphs == (CAPTION_FIRST + "迎新烟花绝大部分从中国进口。",)
    assert (caption.credit or "").replace(" ", "") == "（本报记者韩华军摄）"
    story = page[0]
    assert story.headline == HEAD
    assert "".join(story.paragraphs) + (story.source or "") == "".join(BODY) + note.strip()


def test_a_name_in_brackets_before_text_stays_on_its_line() -> None:
    # `（左一）和薄一波同志…`: a bracket that opens a line of text is no source note.
    line = "（左一）和薄一波同志（中）在一起交谈。"
    page = _items(HEAD, *BODY[:3], line, NEXT, *BODY)
    assert page[0].paragraphs[-1].endswith(line)
