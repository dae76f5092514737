"""A stack line's first part that ends at a comma or a colon, or opens with a bullet.

Whether such a line heads a stack depends on the lines under it only: a stack line
or a byline below makes it the stack's first line (`comma_wrap`, `colon_wrap`), and a
bullet opens a stack only over one (`bullet_head`). Asked by `reader.parse.heads`
as it marks the stacks; moved here from `reader.parse.lineends`, unchanged. A run that
wraps by the rules over a dateline, or a short line between a paragraph's short last
line and an indented first line, is a headline even after a paragraph left open
(`wrap_over_dateline`, `after_open_end`).
"""

from __future__ import annotations

from reader.parse.column import comma_line, dateline_at, fill_after
from reader.parse.kinds import Kind
from reader.parse.lines import Line
from reader.parse.stacks import wraps_seen
from reader.parse.text import INDENT, AnyOf

_STACK_ENDS = (Kind.BYLINE, Kind.SOURCE)
_CLOSES = frozenset("）)」』》”’〉")  # marks no headline starts with
_WRAP_LINES = 3  # the most lines of a headline's wrap over a dateline after an open line
_NO_STOP = AnyOf("。；;！？!?…，")  # a line broken after a headline's colon holds none


def comma_wrap(lines: list[Line], i: int) -> bool:
    """A short line ending in ，or 、 over a stack line: a headline broken at its comma.

    `第二，提高产品科技含量，` / `增强产品市场竞争能力` over a dateline. A line of a
    paragraph that ends so runs on into lines of that paragraph, not into a stack
    line no wider than itself and with no comma of its own.
    """
    return i + 1 < len(lines) and lines[i + 1].head and comma_line(lines[i]) and lines[i].short


def colon_wrap(lines: list[Line], i: int) -> bool:
    """A short line ending in a colon over a stack of two lines or more: its first line.

    `高起点引进：` / `现实与目标的` / `和谐` over a byline, `医药：加快推进结构调整轻工：` /
    `积极培育新增长点` / `——…`: a headline broken after its colon. A colon ends a
    line's sentence, so the line was read as a paragraph of one line and the
    story kept only the rest. A line that introduces what follows (`会议决定如下：`
    over a list's one-line heading `一、加强领导`) stays a paragraph's: the stack
    under it must hold two lines at least (a wrap, a subtitle) or stand over a
    byline. No sentence may end inside the line, and it holds no comma.
    """
    if i + 1 >= len(lines) or not lines[i + 1].head:
        return False
    line = lines[i]
    if line.kind is not Kind.BODY or line.hint or _NO_STOP.search(line.text[:-1]):
        return False
    if line.width > 20 or lines[i + 1].text.startswith("——"):
        return False
    nxt = lines[i + 2] if i + 2 < len(lines) else None
    return nxt is not None and (nxt.head or nxt.kind in _STACK_ENDS) and line.short


def bullet_head(lines: list[Line], i: int) -> bool:
    """A line that starts with ● heads a stack only over a stack line or a byline.

    `●单程运行８小时以上列` / `车“夕发朝至”` over an indented paragraph is a headline of
    the corpus's list kind; a brief's first line after its marker runs into the
    lines of its paragraph.
    """
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    return nxt.head or nxt.kind in (Kind.BYLINE, Kind.SOURCE)


def wrap_over_dateline(lines: list[Line], i: int) -> bool:
    """Line i starts a wrapped headline over a dateline or byline, after an open line.

    `世界游泳锦标赛预` / `赛中国选手一路顺` / `风` over `本报珀斯１月９日电记者…`,
    `四部委联合通知要求严格限` / `制进口旧机电产品` over `本报北京１月７日讯记…`: the
    paragraph above ends without a closing mark (the corpus cut it short), so no
    boundary shows, but the run is a headline by the page's own facts: two or three
    candidate lines, each narrower than the line above them (a paragraph's lines
    fill its column), that wrap by the rules (a stub of a last line, a word broken
    across the break: `stacks.wraps_seen`), with a dateline or a byline right under
    them. A paragraph's last lines over a dateline are no wrap of one phrase.
    """
    if i == 0:
        return False
    prev = lines[i - 1]
    if prev.kind is not Kind.BODY or prev.closes:
        return False
    j = i
    while j < len(lines) and lines[j].candidate and lines[j].kind is Kind.BODY:
        if lines[j].hint or lines[j].width >= prev.width - 0.5 or j - i >= _WRAP_LINES:
            return False
        j += 1
    if j - i < 2 or j >= len(lines):
        return False
    below = lines[j]
    if below.kind is not Kind.BYLINE and not dateline_at(lines, j):
        return False
    return wraps_seen([line.text for line in lines[i:j]])


def after_open_end(lines: list[Line], i: int) -> bool:
    """Line i, short, stands between a paragraph's short last line left open and the
    indented first line of the next paragraph: a one-line headline.

    `…看到这些，你不能不承认` / `病魔急剧蔓延` / `根据新近统计数字，全球…` (whole-typeset
    401, whole-tex 401): the corpus cut the paragraph above short of its full stop,
    so no boundary shows, but the page's layout does: the line above ends short of
    its column under a full line, and the line below is set in by an indent from
    the lines under it. A paragraph's inner line fills its column; a one-line
    paragraph between two closes its sentence.
    """
    if i < 2 or i + 2 >= len(lines):
        return False
    above, prev, line, nxt = lines[i - 2], lines[i - 1], lines[i], lines[i + 1]
    body = Kind.BODY
    # Widths first (a paragraph's inner lines fail here), the columns' estimates last.
    if prev.width > above.width - INDENT or line.width > nxt.width - 1:
        return False  # (widths read, not the column's estimate: it strays between blocks)
    if prev.kind is not body or prev.closes or above.kind is not body:
        return False
    if nxt.kind is not body or nxt.closes or nxt.hint:
        return False
    if line.text[0] in _CLOSES or prev.text.count("（") > prev.text.count("）"):
        return False  # `年基本持平（附图片１` / `张）`: the line goes on with the one above
    if above.short or not line.short:
        return False
    column = fill_after(lines, i + 2)[0]
    set_in = column - INDENT - 1 <= nxt.width <= column - INDENT + 0.5  # by an indent, no more
    return column > 0 and set_in
