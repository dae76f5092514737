"""An ellipsis broken over two lines (`…贫困…` / `…`) is one mark: the half under the line
goes on in its paragraph (issue 12, round 27: `reader.parse.text.rejoin_ellipses`).
Invented lines in the shape of the case (whole-office 560-08, a 13-em column)."""

from __future__ import annotations

from reader.parse.stories import parse_text
from reader.parse.text import rejoin_ellipses

HEAD = "某地集中投入智力扶贫"
FIRST = [
    "前后不到两年，某地区的扶",
    "贫行动结出累累硕果：全区兴",
    "办示范小区三百多个，数十万",
    "名妇女接受培训，数万名妇",
    "女摆脱了贫困…",
]
NEXT = ["前不久，某省扶贫现场会", "在该地区举行，向全省推广她", "们的做法。"]


def paragraphs(*lines: str) -> list[str]:
    return [p for item in parse_text("\n".join(lines)).items for p in item.paragraphs]


def test_the_second_half_of_a_broken_ellipsis_goes_on() -> None:
    got = paragraphs(HEAD, *FIRST, "…", *NEXT)
    assert any(p.endswith("女摆脱了贫困……") for p in got)
    assert "…" not in got
    assert "".join(NEXT) in got


def test_ellipses_after_a_whole_one_stay_apart() -> None:
    # A line ending in a whole ellipsis (two characters): the line of them under it is
    # its own (the corpus prints a paragraph of `…………` twice).
    lines = ["她说：“我们还要干下去……", "…………", "前不久"]
    assert rejoin_ellipses(lines) == lines
    assert rejoin_ellipses(["贫困…", "…”"]) == ["贫困……”"]
