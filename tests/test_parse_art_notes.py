"""A drawing's title at a story's end is its paragraph, not the next stack's part (round 20).

Shape read on whole-tex 535 and whole-typeset 525 (branch `story24`), written here as
invented lines: `…（X画）` or `…（速写）（X）` over the next story's headline made one
stack of the two, the headline its second part.
"""

from __future__ import annotations

import pytest

from reader.parse.stories import parse_text

STORY = ["这位老画家六十年来画遍了家乡的", "山山水水，他说，只要还拿得动画笔，", "就要一直画下去。"]
BODY = [
    "本报讯春节前夕，市文化馆举办迎春书",
    "画展，展出本市书画家的作品二百多",
    "幅，吸引了大批市民前来观看。",
]


@pytest.mark.parametrize(
    "note",
    [
        "山村晨曲（李明画）",
        "古杉（速写）（王刚）",
        "纤夫（石膏）（李明）",
        "山路（套色木刻）（王刚）",
        "冬日（外一首）",
    ],
)
@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])
def test_a_drawings_title_stays_with_its_story(note: str, sep: str) -> None:
    head = "市文化馆举办迎春书画展"
    items = parse_text(sep.join([*STORY, note, head, *BODY])).items
    assert items[-1].headline == head and items[-1].subtitle is None
    assert items[0].paragraphs[-1] == note
