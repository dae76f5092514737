"""A paragraph's first line set in under a closed line, its sentence running on (issue 12).

The shape read on the whole-article read pages (branch `story27`), written here as
invented lines: a paragraph's first line, set in by the indent and ending in a word's
first half (`…，全` / `市各…`), after a paragraph's closed last line and over its
inner lines, one of them measured wide by its marks, was read as a one-line headline
and cut the story in two.
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

HEAD = ["全县冬季农田建设忙"]
ABOVE = [
    "今冬以来，这个县的农民",
    "群众积极投身农田水利建设",
    "全县共修建水渠两百多条新",
    "增灌溉面积三万亩，各乡镇",
    "的技术人员深入村组帮助",
    "农民修整农田和改良土壤，",
    "受到群众的欢迎和好评。",
]
INNER = [
    "各乡镇农资供应站先后从",
    "外地调进了化肥、农药、种",
    "子、地膜、农机具、柴油、配",
    "件等两万多吨生产资料",
    "保证了春耕生产的需要。",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_first_line_that_runs_on_into_the_column_is_no_headline(sep: str) -> None:
    """`innerfirst.unmark_inner_firsts`: `…，全` / `市各…`, the line under it full."""
    first = "为搞好春耕工作，全"
    items = parse_text(sep.join([*HEAD, *ABOVE, first, "市" + INNER[0], *INNER[1:]])).items
    assert len(items) == 1
    assert items[0].paragraphs[-1].startswith(first + "市各乡镇")


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_headline_over_a_first_line_set_in_stays(sep: str) -> None:
    """A headline there stands over its story's first line, set in: not an inner line."""
    head = "春耕物资准备充足"
    body = ["今年各乡镇农资供应站", *INNER]
    items = parse_text(sep.join([*HEAD, *ABOVE, head, *body])).items
    assert items[-1].headline == head
