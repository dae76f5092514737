"""Two plain one-line parts on a dashed page whose stacks are nearly all one part (issue 12).

Whole-article pages (bench/wholegen.py) print the corpus's dashed subtitles, so they
read as pages that dash their subtitles, where two plain lines are kicker + headline
(`stacks._two_lines`); but a page of one-part stacks prints a subtitle without its
dashes as often, and there the plain line under the headline is its subtitle.
Invented lines in the shape of the case.
"""

from __future__ import annotations

from reader.parse.measures import Shown
from reader.parse.stacks import split_stack

PAIR = [["市委市政府关心困难职工生活"], ["各区全力做好节日物资供应工作"]]
BODY = [["本报讯记者从有关部门获悉，今"] * 4]


def _page(others: list[list[list[str]]]) -> Shown:
    groups = [PAIR, *others]
    return Shown(groups, [BODY] * len(groups))


def _split(shown: Shown) -> tuple[str | None, str | None, str | None]:
    stack = [line for part in PAIR for line in part]
    return split_stack(stack, True, True, BODY, grouped=PAIR, shown=shown)


def test_on_a_page_of_one_part_stacks_the_plain_line_under_the_headline_is_its_subtitle() -> None:
    dashed = [["新春走基层"], ["——记者探访城郊农家"]]
    rare = _page([dashed] + [[["某地举行迎春长跑活动"]]] * 6)
    assert rare.parts_rare()
    assert _split(rare) == (None, "市委市政府关心困难职工生活", "各区全力做好节日物资供应工作")


def test_on_a_page_that_prints_parts_the_plain_pair_stays_kicker_and_headline() -> None:
    kicker = [["迎新春"], ["某地举行迎春长跑活动"]]
    many = _page([kicker] * 3 + [[["某地举行迎春长跑活动"]]] * 4)
    assert not many.parts_rare()
    assert _split(many) == ("市委市政府关心困难职工生活", "各区全力做好节日物资供应工作", None)
