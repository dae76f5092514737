"""What a line of page text is by its own pattern: body, source, credit, byline or
cross-reference, and the patterns that tell them (a picture's credit, a byline's
roles and names, a dateline, a note, a page header's words).

`reader.parse.lines` classifies each line with `kind_of` once, then corrects the
kinds by the lines around it (a byline's rest, a note set apart, a credit's name).
"""

from __future__ import annotations

import re
from typing import ClassVar

from reader.parse.text import AnyOf


class Kind:
    """What a line is, by its own pattern: one of the five constants below, compared with `is`.

    Not an Enum: rules read `Kind.BODY` and the like for every line, and an Enum's class
    attribute costs four times a plain one on CPython 3.11 (8% of the parse).
    """

    BODY: ClassVar[Kind]
    SOURCE: ClassVar[Kind]
    CREDIT: ClassVar[Kind]
    BYLINE: ClassVar[Kind]
    CROSSREF: ClassVar[Kind]

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Kind.{self.name}"


for _name in ("BODY", "SOURCE", "CREDIT", "BYLINE", "CROSSREF"):
    setattr(Kind, _name, Kind(_name))


MARKERS = "□■●"
_ROLE = r"(?:本报|新华社|中新社|特约|见习|实习|首席)?(?:记者|通讯员|摄影|编辑)"
SOURCE_RE = re.compile(r"^[（(]\s*(?:来源|稿件来源|信息来源)\s*[：:].*[）)]$")
CREDIT_RE = re.compile(r"(?:摄影?|供图|制图|绘图|摄于\S{0,16}|资料图片|照片|社发)[）)]?$")
_CREDIT_SHAPE = re.compile(
    rf"^摄于|\s(?:摄影?|供图|制图|绘图)[）)]?$|{_ROLE}|^[（(].*[）)]$|供图$|^摄影?[）)]$|^[（(]?资料图片"
    r"|^(?:新华社|中新社)(?:传真照片|发)$"  # `本报美术组 制图`, `新华社发` alone on their line
    r"|^[\u4e00-\u9fff·]{2,4}摄$"  # `曾振国摄`: MuPDF writes TeX's credit without the gap
)
CREDIT_NAME_RE = re.compile(rf"^[（(]?(?:{_ROLE}(?:\s*\S{{1,6}}){{0,3}}|\S{{2,4}})$")
BYLINE_RE = re.compile(rf"^(?:{_ROLE}\s+\S.{{0,24}}|[（(]{_ROLE}.{{1,24}}[）)])$")
# A byline with the outlet first: `本报记者陈鹏`, `新华社记者 王 伟`, `本报驻美国记者张亮`,
# `本报评论员`; then names of up to four characters, spaced or not, or another role.
OUTLET_ROLE = re.compile(
    r"(?:本报|新华社|中新社|人民网|新华网)(?:驻[\u4e00-\u9fff]{1,6}?)?(?:特约|见习|实习|首席)?"
    r"(?:摄影)?(?:记者|通讯员|评论员)"
)
# ...and after the first, a role without its outlet: `本报记者邓明桂通讯员胡立`.
_LATER_ROLE = re.compile(rf"{OUTLET_ROLE.pattern}|(?:特约|见习|实习)?(?:记者|通讯员)|实习生")
_NAMES = re.compile(r"^(?:\s*[\u4e00-\u9fff·]{1,4}){0,3}\s*$")
NAMELESS_CREDIT_RE = re.compile(r"^(?:摄影?|供图|制图|绘图)(?:于|$|[）)]$)")
DATELINE_RE = re.compile(
    r"^(?:本报|新华社|中新社|人民网|新华网)[^，。：:\s]{0,12}?(?:电|讯)"
    r"(?:\s*[（(][^）)]{1,30}[）)])?"
)
DATELINE_HEADS = ("本报", "新华社", "中新社", "人民网", "新华网")
"""What every `DATELINE_RE` match starts with: `str.startswith` asks it in C first."""
REST_RE = re.compile(r"^[\u4e00-\u9fff·]{1,4}$")
# A byline's second role with its names, wrapped or split off (`实习生 李四`, `通讯员王伟`),
# matched on the printed line: names spaced apart, or one name set against the role.
ROLE_REST_RE = re.compile(
    r"^(?:本报|新华社)?(?:特约|见习)?(?:通讯员|实习生)"
    r"(?:[\u4e00-\u9fff·]{2,4}|(?:\s+[\u4e00-\u9fff·]{1,4}){1,3})$"
)
# A byline that says the role reported it, on its own line: `通讯员王伟报道`, `记者陈鹏、
# 通讯员王伟报道`. Not with a colon: `…讯记者王建新报道：` opens its paragraph's text.
REPORTED_RE = re.compile(
    r"^(?:(?:本报|新华社)?(?:特约|见习|实习)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{1,4}?\s*[、\s]?)+报道$"
)
NOTE_RE = re.compile(r"^[（(](?:据\S{1,12}?[电讯]|[\u4e00-\u9fff·]{2,4})[）)]$")
# A picture's headline ends so: `挂起红灯迎新年（图片）`, `…出席（附图片１张）`.
PHOTO_HEAD_RE = re.compile(r"[（(]附?图片(?:[0-9０-９一二三四五六七八九十]{1,2}张)?[）)]$")
CROSSREF_RE = re.compile(r"^[（(]?(?:[上下]转第?\S{1,3}版|见第?\S{1,3}版)[）)]?$")
# A page header holds one of these words. Tested with `in`, not a regex: classes of
# scattered CJK characters cost re ~0.3 ms each to build (these made two).
_HEADER_WORDS = ("责任编辑", "美术编辑", "版式设计", *(f"星期{day}" for day in "一二三四五六日天"))
PUNCT = frozenset("，。；！？,;!?…⋯")  # a set, not a regex class: see _HEADER_WORDS
_PUNCT_IN = AnyOf(PUNCT)  # (its class compiled on first use)


def is_header(text: str) -> bool:
    """A page header line: page number, section, date, weekday, editor."""
    return len(text) <= 80 and any(word in text for word in _HEADER_WORDS)


def kind_of(raw: str, text: str) -> Kind:
    """The kind a line's own text shows (`raw`: as printed, `text`: cleaned)."""
    if SOURCE_RE.match(text):
        return Kind.SOURCE
    if CROSSREF_RE.match(text):
        return Kind.CROSSREF
    if len(text) <= 30 and _PUNCT_IN.search(text) is None:
        if CREDIT_RE.search(text) and _CREDIT_SHAPE.search(raw.strip()):
            return Kind.CREDIT
        if len(text) <= 16 and BYLINE_RE.match(raw.strip()):
            return Kind.BYLINE
        if OUTLET_ROLE.match(text) and is_byline(raw.strip()):
            return Kind.BYLINE
        if (match := DATELINE_RE.match(text)) and match.end() == len(text):
            return Kind.BYLINE
        if text.endswith("报道") and REPORTED_RE.match(text):
            return Kind.BYLINE
    return Kind.BODY


def is_byline(text: str) -> bool:
    """Roles each followed by names: `新华社记者陈辉李清华本报记者何伟`, `本报记者 张三 李四`,
    `本报记者邓明桂通讯员胡立` (MuPDF's TeX: no space where the glue was)."""
    at = 0
    for match in _LATER_ROLE.finditer(text):
        names = text[at : match.start()]
        if at and (not _NAMES.match(names) or len(names.replace(" ", "")) > 6):
            return False
        at = match.end()
    names = text[at:]
    return bool(_NAMES.match(names)) and len(names.replace(" ", "")) <= 6
