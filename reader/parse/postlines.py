"""A post over its holder's name as a byline, in page text: `农业部部长刘江`,
`中共湖南岳阳市委书记阳宝华`, `国家税务总局党组书记、副局长项怀诚`, on a line of its
own under a headline and over the story's text, at any width up to the column's and
past it. `reader.parse.names` asks these of a line that ends in a post's last
character and a name; the facts of a headline's stack they read (a line opens a
stack, a stub of one, the header band over it) serve its other rules too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reader.parse import wrapmodel
from reader.parse.kinds import DATELINE_HEADS, Kind, is_header
from reader.parse.namelist import NOT_IN_NAMES, names, one_name


class Line(Protocol):
    """The facts of a line read here (`reader.parse.lines.Line`)."""

    text: str
    raw: str
    last: str
    first: str
    width: float
    hint: bool
    candidate: bool
    closes: bool
    kind: Kind

    def measure(self) -> float: ...


POSTS = (
    "书记|县长|市长|省长|区长|州长|盟长|主任|主席|部长|局长|厂长|"
    "经理|董事长|总裁|校长|院长|所长|会长|司令员|政委|教授|研究员"
)
# A post over its holder's name (`中共湖南岳阳市委书记阳宝华`, `山西省交口县县长李来福`).
POST = re.compile(rf"^[\u4e00-\u9fff]{{2,14}}?(?:{POSTS})([\u4e00-\u9fff·]{{2,3}})$")
# ...the same on a line of its own as wide as the column: a post of several (`、`).
_MORE_POSTS = f"{POSTS}|行长|社长|台长|司长|处长|秘书长|理事长|馆长|团长|总编辑"
_POST_LINE = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{2,14}}?(?:{_MORE_POSTS})[、兼]){{0,3}}[\u4e00-\u9fff]{{1,18}}?"
    rf"(?:{_MORE_POSTS})([\u4e00-\u9fff·]{{2,3}})$"
)
# (The last character of a post: a name of two or three follows it.)
POST_LAST = frozenset(post[-1] for post in _MORE_POSTS.split("|"))
# (A title over its holder's name: `…总经理` / `屠光绍`, `…戏迷代表` / `何来生`.)
POST_END = re.compile(rf"(?:{POSTS}|导演|代表)$")
# The date band's page cells: `第1版`, and the page count (`今日 20 版`).
_BAND = re.compile(r"^(?:第|今日)\s*[0-9０-９]{1,3}\s*版")
TEXT_HEADS = (*DATELINE_HEADS, "据")  # (a dateline run into the text: `本报讯`, `据新华社…`)
# (A band's last cells: the page number with the section's name or alone, `要闻6`, `14文化`,
# `16`; the section's name alone, `理论`, over the number.)
_NUMBER_CELL = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}\s*[0-9０-９]{1,3}|[0-9０-９]{1,3}(?:\s*[\u4e00-\u9fff]{2,4})?)$"
)
_SECTION_CELL = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_MARKS = frozenset("，。；、！？")
RUNS_ON = frozenset("，。、；：？！”’）》」』…")


def band(lines: Sequence[Line], k: int) -> bool:
    """Line k is the header band's (`…星期五`, `第1版`) or one of its last cells under it:
    the section's name and the page number as one cell (`要闻6`) or each alone (`理论` /
    `16`), which PyMuPDF writes a line each under the band's date (`责任编辑：刘松` /
    `１９９８年１月２３日 星期五` / `要闻6`). A stack under them opens there, as under
    the band written on one line."""
    text = lines[k].text
    if is_header(text) or _BAND.match(text) is not None:
        return True
    if k < 1 or _NUMBER_CELL.match(text) is None:
        return False
    over = lines[k - 1].text
    if is_header(over):
        return True
    return k >= 2 and _SECTION_CELL.match(over) is not None and is_header(lines[k - 2].text)


def full_post(lines: Sequence[Line], i: int) -> bool:
    """A post over its holder's name on a line of its own as wide as the column or
    wider (`中共湖南岳阳市委书记阳宝华`, `国家税务总局党组书记、副局长项怀诚`), under a
    headline's short last line and over a paragraph's first line, set in from the wider
    line under it: no paragraph's line, which would run on into the set-in line."""
    if i + 2 >= len(lines):
        return False
    text = lines[i].text
    line, above, below, after = lines[i], lines[i - 1], lines[i + 1], lines[i + 2]
    if not (
        _over_text(above, below, after)
        and not (below.closes or after.closes)  # a paragraph's first lines, going on
        and _set_in(below, after, 1)  # set in two ems, not a headline's short line
        and above.last != "—"
        and above.width <= above.measure() - 1  # a headline's last line, short
        and _as_wide(line, below, after)
        and not _dated(below, after)
    ):
        return False
    post = _POST_LINE.match(text)
    if not post or not one_name(post.group(1)) or not NOT_IN_NAMES.isdisjoint(post.group(1)):
        return False
    return (
        not POST_END.search(above.text)
        and not wrapmodel.broken_word(above.text, line.text)  # (a phrase may run across:
        # `迎接更辉煌的新世纪` / `中国文联副主席李默然`, the post a phrase of its own)
        and below.first not in RUNS_ON
        and not wrapmodel.runs_on(below.text)
        and opens_stack(lines, i - 1)
    )


def post_over_text(lines: Sequence[Line], i: int) -> bool:
    """A post over its holder's name (`农业部部长刘江`, `中国剧协副主席胡可`, `中国银行行长
    王雪冰`), under a headline's last line that opens its stack, or its stub, over a
    paragraph's first line set in from the line under it: at any width. A paragraph's line
    would run on into the set-in line; a headline's wrapped rest ends no stack in a
    name (a name of two too, which `name_line` takes only at three)."""
    if i + 2 >= len(lines):
        return False
    line, above, below, after = lines[i], lines[i - 1], lines[i + 1], lines[i + 2]
    if not (
        _over_text(above, below, after)
        and not below.closes
        and _set_in(below, after, 1.5)
        and after.width >= after.measure() - 1.5  # (from a full line)
        and not above.hint  # (a pooled page's headline set in with a space: its stack's)
        and above.last != "—"
        and _MARKS.isdisjoint(above.text)  # (a paragraph's line: `三时多，张家口市` / `邮电…`)
        and below.first not in RUNS_ON
        and not wrapmodel.runs_on(below.text)
        and not _dated(below, after)
    ):
        return False
    post = _POST_LINE.match(line.text)
    if not post or names(post.group(1)) != 1:
        return False
    return (
        not POST_END.search(above.text)
        and not wrapmodel.broken_word(above.text, line.text)  # (no phrase: `发展` / `农业部…`)
        and (first_head(lines, i - 1) or (stub(lines, i - 1) and first_head(lines, i - 2)))
    )


def _set_in(below: Line, after: Line, least: float) -> bool:
    """A paragraph's first line set in about two ems from the full line under it, by
    `least` ems at least (marks and digits make a line's width half an em uncertain).
    The full line is taken no wider than the column's measure: digits that TeX sets
    narrower than half an em make it look wider (`侧，吕梁山脉中段，１９７１年建`, 15
    in a column of 14, under `交口县地处山西省中部西`, 11)."""
    return min(after.width, after.measure()) - 3.5 < below.width <= after.width - least


def _over_text(above: Line, below: Line, after: Line) -> bool:
    """A post line's place: under a line that may be a headline's, over two lines of text,
    the first not set in with a space (`_full_post`, `_post_over_text`)."""
    return (
        above.kind is Kind.BODY
        and above.candidate
        and below.kind is Kind.BODY
        and after.kind is Kind.BODY
        and not below.hint
    )


def _dated(below: Line, after: Line) -> bool:
    """A dateline opens one of the two lines under a post line: a story with a dateline
    prints no byline, the line is its headline's (`袁启彤当选福建省人` / `大常委会主任贺国强`
    / `当选福建省省长` / `新华社福州１月１４日电…`)."""
    return below.text.startswith(TEXT_HEADS) or after.text.startswith(TEXT_HEADS)


def stub(lines: Sequence[Line], i: int) -> bool:
    """Line i is the stub a headline's first line wrapped into (`实现农业和农村经济持续稳定`
    / `发展`): at most half as wide as that line, which is no wider than the column (a kicker
    over a headline may be either, `上海暖冬已十年` / `牛辞丰稔岁`)."""
    over = lines[i - 1]
    return (
        i >= 1
        and over.candidate
        and over.kind is Kind.BODY
        and 2 * lines[i].width <= over.width <= over.measure() + 1
    )


def first_head(lines: Sequence[Line], i: int) -> bool:
    """Line i follows no line of a stack: a closed paragraph, a credit, the header band."""
    over = lines[i - 1] if i else None
    if over is None or not (over.candidate and over.kind is Kind.BODY):
        return True
    return band(lines, i - 1)


def _as_wide(line: Line, below: Line, after: Line) -> bool:
    """The post line fills the column, or it is as wide as the paragraph's set-in first
    line under it, over a full line (`山西省交口县县长李来福` in a column of fourteen):
    no line of a stack, whose measure is its own."""
    if line.width >= line.measure() - 1.5:
        return True
    return line.width >= below.width - 0.5 and after.width >= after.measure() - 1


def opens_stack(lines: Sequence[Line], i: int) -> bool:
    """Line i is a headline's first line, or the rest its first line wrapped into (the
    break inside a phrase): no third line of a stack (a kicker and a headline over a
    subtitle)."""
    over = lines[i - 1] if i else None
    if over is None or not (over.candidate and over.kind is Kind.BODY):
        return True  # after a closed paragraph, a byline, a credit
    if band(lines, i - 1):
        return True
    return wrapmodel.glued(over.text, lines[i].text)  # (Chromium halves a headline:
    # `发展县域经济` / `要有科学方略`)
