"""A story's last paragraph that is a title ending in a quoted word, over the next story's
headline (`…工人自报“减负岗”` / `某市年饭雅俗共赏`), issue 12 round 21 (branch `story25`,
`reader.parse.artnotes.unmark_quoted_titles`). Invented lines in the shape of the case."""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

STORY = [
    "这些年来，厂里的考核办法一直",
    "没有大的变化，显然有许多地方与",
    "现在的生产方式不相适应。因此，",
    "到了修正、调整过去考核办法的时",
    "候了。",
]
LEAD = [
    "据新华社某市１月２２日电",
    "（记者王明）春节前夕，这个市的",
    "文化部门为市民准备了一桌丰盛的",
    "文化年饭，受到了群众的欢迎。",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_quoted_title_under_a_story_end_over_a_wider_head_is_a_paragraph(sep: str) -> None:
    title, head = "工人自报“减负岗”", "某市文化年饭雅俗共赏"
    items = parse_text(sep.join(["考核说", *STORY, title, head, *LEAD])).items
    assert items[-1].headline == head
    assert items[-1].kicker is None
    assert items[-2].paragraphs[-1] == title


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_wrapped_head_that_opens_with_a_quotation_keeps_it(sep: str) -> None:
    first, rest = "“可爱的家乡”", "图片展重现英烈事迹"
    items = parse_text(sep.join(["考核说", *STORY, first, rest, *LEAD])).items
    stack = [items[-1].kicker, items[-1].headline, items[-1].subtitle]
    assert "".join(part or "" for part in stack) == first + rest
