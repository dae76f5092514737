"""Full-width digits that Chromium sets proportional, and a full line under them
(issue 12 round 12).

Chromium 384 in PDFium's text: `钱５００卢布与旧钱５０００００卢` prints in a 13-em column but
measures 16 ems (its font's `palt`), so the column's measure comes out 14.5 and the
next full lines (`布是一样的图案，一样的颜色。` / `领导已经提醒我们收款员不要`) read as a
paragraph's short last line and the next one's first. Short is judged against the
lines around that hold no two such digits. Text made up in that shape: a 14-em
column, the lines with digits 15 to 17 ems.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = ["莫斯科见闻", "新华社莫斯科1月2日电"]
PARAGRAPHS = [
    "记者在街上转了一圈，想看",
    "货币改革第一天的景象，然而所",
    "的商店和银行都关门，街上不时",
    "响起一阵阵在北京已听不到，爆",
    "竹声提醒我今天是新年。",
    "第二天，银行和商店都开始",
    "业，商品都醒目地标出了新旧两",
    "的两种价格，一盒奶旧币５２００卢",
    "新币５．２卢布，一个面包旧币３",
    "２００卢，新币３．２卢布我买了",
    "盒奶和一个面包，按新币计算应",
    "卢布。交款时我还有意说出来新",
    "币的数额，收款员笑着说您若没",
    "新币，还是交１８８００旧卢布吧据",
    "说新钱５００卢与旧钱５０００００卢",
    "布是一样的图案和一样的颜色。",
]
NEXT = ["为了见到新币，我特意去了", "银行用美元换卢布，只见那银行", "率牌仍用旧币标价。"]


def _paragraphs(*lines: str) -> list[str]:
    return [p for item in parse_text("\n".join(lines)).items for p in item.paragraphs]


def test_a_full_line_under_wide_digits_goes_on() -> None:
    tail = ["领导已经提醒我们，收款员不要", "搞错。"]
    paragraphs = _paragraphs(*HEAD, *PARAGRAPHS, *tail, *NEXT)
    assert paragraphs[1] == "".join(PARAGRAPHS[5:] + tail)
    assert paragraphs[2] == "".join(NEXT)


def test_a_line_short_of_the_plain_lines_still_opens_a_paragraph() -> None:
    # Under the same closed line, a line short of the lines without such digits: set in.
    tail = ["领导已经提醒收款员", "不要搞错。"]
    paragraphs = _paragraphs(*HEAD, *PARAGRAPHS, *tail, *NEXT)
    assert paragraphs[1:3] == ["".join(PARAGRAPHS[5:]), "".join(tail)]
