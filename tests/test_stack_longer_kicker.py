"""Two plain one-line parts, the upper the longer, on a page of few parts: kicker + headline
(issue 12).

Whole-article pages (bench/wholegen.py): the corpus prints no subtitle shorter than its
headline, yet two plain lines on a small page came out as headline + subtitle by
position (`reader.parse.stackkick`). Invented lines in the shape of the case.
"""

from __future__ import annotations

from reader.parse.measures import Shown
from reader.parse.stackkick import longer_above
from reader.parse.stories import parse_text

WRAP = ["工行北京分行效益上新", "台阶"]  # a stub: the page wraps its headlines
HEAD = ["首都机场新航站楼开工"]


def _story(n: int) -> list[str]:
    return [
        f"本报北京１月{n + 1}日讯记者",
        "王明报道：今年以来，各地加",
        "快了基础设施建设的步伐，工",
        "程进展顺利，群众十分满意。",
    ]


def _last(stack: list[str], others: list[list[str]]) -> tuple[str | None, ...]:
    lines: list[str] = []
    for n, head in enumerate([WRAP, *others, stack]):
        lines += [*head, *_story(n)]
    item = parse_text("\n".join(lines) + "\n").items[-1]
    return item.kicker, item.headline, item.subtitle


def test_the_longer_of_two_plain_lines_above_is_the_kicker() -> None:
    stack = ["市领导春节前夕走访慰问困难群众", "本市启动冬季供暖"]  # apart: two phrases
    assert _last(stack, [HEAD]) == ("市领导春节前夕走访慰问困难群众", "本市启动冬季供暖", None)


def test_the_shorter_above_a_line_of_names_or_a_page_of_parts_keep_the_position() -> None:
    assert _last(["本市启动冬季供暖", "市领导春节前夕走访慰问困难群众"], [HEAD])[2] == (
        "市领导春节前夕走访慰问困难群众"
    )  # the longer below: the subtitle
    shown = Shown([[HEAD], [WRAP], [["首都"], ["机场"]]], [[]] * 3)  # few parts
    assert longer_above([["市领导春节前夕走访慰问困难群众"], ["本市启动冬季供暖"]], shown)
    assert not longer_above([["市领导春节前夕走访慰问困难群众"], ["李建国王明"]], shown)  # names
    assert not longer_above([["市领导春节前夕走访慰问困难群众"], ["韩钟（昆音）"]], shown)
    parts = [
        ["本市启动冬季供暖", "市领导春节前夕走访慰问困难群众"],
        ["本市启动冬季供暖", "坚持改革开放推动经济发展"],
    ]
    stack = ["市领导春节前夕走访慰问困难群众", "本市启动冬季供暖"]
    assert _last(stack, [HEAD, *parts])[0] is None  # a page that prints parts
