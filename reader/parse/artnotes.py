"""A story's paragraph that titles a drawing, `细语（中国画）`, `夜读春秋（马得画）`: no stack line.

The corpus prints the title of a drawing set in a story, with its kind or its artist in
brackets, as a short paragraph of that story, often its last (`燕子垭（速写）（高莽）`). Short
and with no full stop, it reads as a headline line, and the next story's headline under
it became that stack's subtitle or its second part (`夜读春秋（马得画）` / `武汉：自学考试
升温`, whole-tex 535; `千年古杉（速写）（高莽）` / `捐献`, whole-typeset 525). On the read
sets' truth (whole-* 520-559, pooled 520-539) every short line that ends so is a
paragraph (4 lines, 16 times, two engines each), none a headline, kicker or subtitle. A
headline line that ends in such a note is text; the text under it opens a paragraph.
"""

from __future__ import annotations

import re

from reader.parse.lines import Line

__all__ = ["unmark_art_notes"]

# The kind of a drawing or its artist and 画 in brackets, then perhaps the artist's name
# in brackets: `（中国画）`, `（马得画）`, `（速写）（高莽）`; a sculpture's or a print's
# (`（石膏）（X）`, `（套色木刻）（X）`) and a poem's with the poems set after it
# (`春之歌（外一首）`): on the read truth (whole-* 520-599 and 200-299, pooled) such short
# lines are paragraphs, no stack part ends so (branch `story27`). Not a picture's title
# `…（图片）`, which heads its caption (`test_parse_captions`).
_ART_NOTE = re.compile(
    r"（(?:中国画|国画|油画|版画|[\u4e00-\u9fff]{0,2}木刻|漫画|速写|写生|素描|剪纸|篆刻|书法"
    r"|[行隶草楷]书|大篆|石膏|雕塑|水彩|水粉|外[一二三四五]首"
    r"|[\u4e00-\u9fff]{2,4}画)）(?:（[\u4e00-\u9fff]{2,4}）)?$"
)


def unmark_art_notes(lines: list[Line]) -> None:
    """Unmark each headline line that ends in a drawing's note: a paragraph of its story."""
    unmarked = []
    for i, line in enumerate(lines):
        if not (line.head and line.last == "）"):
            continue
        if _ART_NOTE.search(line.text) is not None:
            line.head = False
            unmarked.append(i)
        elif i and lines[i - 1].head and _wrapped(lines[i - 1].text, line.text):
            lines[i - 1].head = line.head = False
            unmarked.append(i)
    # The note ends its paragraph as a stop would: the text under it opens one, and so
    # does a second drawing's title (`燕子垭（速写）（高莽）` / `千年古杉（速写）（高莽）`).
    for i in unmarked:
        if i + 1 < len(lines) and not lines[i + 1].head:
            lines[i + 1].indent = True


def _wrapped(above: str, text: str) -> bool:
    """The note opens on the line above and closes on this one: `苍岩山桥殿飞虹（写` /
    `生）（罗雪村）`, a drawing's title wrapped inside its brackets (Writer's 11 ems)."""
    found = _ART_NOTE.search(above + text)
    return found is not None and found.start() < len(above)
