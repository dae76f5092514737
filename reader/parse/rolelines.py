"""A byline of several roles over one to three lines, in page text: the paper's reporters
and another outlet's (`新华社记者刘建新中央人民广播电台记者胡训军本报记者郭嘉`), set past
the column (LibreOffice) or wrapped at it, inside a role too (`新华社记者刘思扬本报记` /
`者郑宏范`). `reader.parse.names` asks these where a line opens with the paper's role or
follows a byline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reader.parse.kinds import DATELINE_RE, OUTLET_ROLE, Kind, is_byline
from reader.parse.namelist import names


class Line(Protocol):
    """The facts of a line read and set here (`reader.parse.lines.Line`)."""

    text: str
    width: float
    candidate: bool
    kind: Kind

    def measure(self) -> float: ...


_IDEOGRAPHS = re.compile(r"^[\u4e00-\u9fff·]+$")


# Outlets whose reporters sign with the paper's: read as the paper's own role.
_OTHER_OUTLET = re.compile(
    r"(?:中央人民广播电台|中央电视台|(?:中国)?国际广播电台|经济日报|光明日报|工人日报|解放军报"
    r"|中国青年报|农民日报|法制日报|科技日报)(?=(?:特约|见习|实习)?(?:记者|通讯员))"
)


# The rest of a byline of several roles wrapped inside an outlet's name: `新华社记者刘建新
# 中央人民广播电` / `台记者胡训军本报记者郭嘉`.
_ROLE_REST = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:记者|通讯员)[\u4e00-\u9fff·]{2,4}?"
    r"(?:(?:本报|新华社|中新社)?(?:特约|见习|实习)?(?:记者|通讯员)[\u4e00-\u9fff·]{2,4}?)*$"
)


# (What is left of a role a byline's line breaks inside: `本报记` / `者郑宏范`.)
_ROLE_CUT = re.compile(r"(?:记|通讯|通)$")


def roles_end(lines: Sequence[Line], i: int) -> int:
    """The last line of a byline of several roles that line i opens, set past the column or
    wrapped at it (`新华社记者陈辉李清华本报` / `记者何伟`), reporters of another outlet
    among them (`…中央人民广播电台记者胡训军…`); i - 1 if the lines are none. The
    longest such run: a break inside a role leaves a name's length (`…胡训军本报记` / `者郭嘉`)."""
    text, end = "", i - 1
    for j in range(i, min(i + 3, len(lines) - 1)):
        line = lines[j]
        if j > i and (
            line.kind is not Kind.BODY or lines[j - 1].width < lines[j - 1].measure() - 1.5
        ):
            break  # a byline wraps at the column: the line above it is full
        text += line.text
        if not _IDEOGRAPHS.match(text):
            break
        joined = _OTHER_OUTLET.sub("本报", text)
        if (j > i or joined != text) and is_byline(joined):
            end = j  # (one line of the paper's own roles and names is `kind_of`'s...
        elif j == i and names(OUTLET_ROLE.sub("", text, count=1)) == 3:
            end = j  # ...but three names past its six characters: `本报记者曹照琴谢国明王尧`)
    return end


# A role alone on its line (`通讯员`): PyMuPDF writes a byline's spaced words a line each.
_ROLE_ALONE = re.compile(r"^(?:本报|新华社)?(?:特约|见习|实习)?(?:记者|通讯员)$|^实习生$")
_ROLE_LAST = ("记者", "通讯员", "实习生")


def role_rest(byline: Line, line: Line) -> None:
    """Mark the line a byline's when it is the wrapped rest of the full byline above it,
    the break inside a role too (`新华社记者刘思扬本报记` / `者郑宏范`), or a word of the
    byline written on a line of its own (`split_rest`)."""
    text = line.text
    if split_rest(byline.text, text):
        line.kind, line.candidate = Kind.BYLINE, False
        return
    cut = _ROLE_CUT.search(byline.text) if text[:1] in "者讯员" else None
    if cut:
        text = cut.group(0) + text
    if byline.width >= line.width and _ROLE_REST.match(text) and not DATELINE_RE.match(text):
        line.kind, line.candidate = Kind.BYLINE, False


def split_rest(above: str, text: str) -> bool:
    """A byline's spaced words, a line each, as PyMuPDF writes TeX's (`本报记者 张春` /
    `通讯员` / `胡` / `松`): a role alone under a byline, a name of one to four under a
    role, one character under one (a name of two spaced apart, `胡　松`). No paragraph's
    line is a role alone, nor a word this short under a byline."""
    if _ROLE_ALONE.match(text):
        return True
    if not _IDEOGRAPHS.match(text):
        return False
    if above.endswith(_ROLE_LAST):
        return len(text) <= 4
    return len(above) == 1 and len(text) == 1
