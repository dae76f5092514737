"""A title a story prints as a paragraph is no stack (issue 12, round 13).

PDFium's text of a Typst page (`tests/typesetgen.py`, seed 1527), as written: between
two paragraphs of one story, `中纪委第二次全体会议公` / `报（一九九八年一月二十二日）`
was read as a wrapped headline and so a new story, which took the rest of the text
(and the scorer's match for the story above). A wrapped headline's rest is never the
wider of its lines; here the lower one is wider by the indent, fills the column and
goes on with the word above (公报): an indented first line and its last (branch `heads15`).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

ABOVE = [
    "鲜、任建新、张思卿、杨汝岱、王",
    "兆国等领导同志出席了会议。中",
    "央纪律检查委员会委员，列席会",
    "议的各省、自治区、直辖市及中",
    "央和国家机关各部门纪检监察",
    "机关的负责同志，中直机关、中",
    "央国家机关、解放军驻京各大单",
    "位、武警部队的负责同志，出席",
    "全军纪律检查工作会议的代表",
    "参加了会议。",
]
BELOW = [
    "中国共产党中央纪律检查",
    "委员会第二次全体会议，于一九",
    "九八年一月二十日至二十二日",
    "在北京举行。出席这次会议的中",
    "央纪律检查委员会委员１１５人。",
]


def test_an_indented_title_line_over_its_full_rest_is_a_paragraph() -> None:
    title = ["中纪委第二次全体会议公", "报（一九九八年一月二十二日）"]
    items = parse_text("\n".join([*ABOVE, *title, *BELOW])).items
    assert [it.headline for it in items] == [None]
    assert items[0].paragraphs[1].startswith("".join(title))  # (a paragraph of its own
    # in the truth: where a title ends is the paragraph rules' question)


def test_a_headline_over_a_wider_subtitle_stays_a_stack() -> None:
    # The same widths, but no word across the break: a headline and its subtitle.
    stack = ["全国人大常委会举行会议", "李鹏主持会议审议多项法律草案"]
    items = parse_text("\n".join([*ABOVE, *stack, *BELOW])).items
    assert items[-1].headline is not None
    assert all("".join(stack) not in p for it in items for p in it.paragraphs)
