"""The shapes a byline line takes when it is only names, posts and roles.

Used only where the PDF has already set the line apart as a byline would be (body
type, right under a headline stack, over the body: `typography.name_byline`), never
on text alone: 1998's bylines are mostly a writer's name (`朱峻峰`), two or three
names set together (`宋学春张仁明`), a post over a name (`农业部部长刘江`), a
correspondent (`本报驻美国记者张亮`), several reporters of several desks run on
(`新华社记者刘思扬本报记者郑宏范`), or the paper's commentator (`本报评论员`).
"""

from __future__ import annotations

import re

from reader.parse import namelist

_HAN = r"[\u4e00-\u9fff·]"
# A desk before the role: the paper, an agency, a broadcaster, a post abroad.
_DESK = (
    r"(?:本报|新华社|中新社|人民日报|中央人民广播电台|国际广播电台|中央电视台|经济日报|光明日报)?"
    r"(?:驻[\u4e00-\u9fff]{1,6}?)?(?:特约|见习|实习|首席)?"
)
_ROLE = rf"{_DESK}(?:摄影记者|记者|通讯员|撰稿人?)"
# A post ends the line's title: a unit's head (`部长`, `县长`, `董事长`; not `增长`), ...
_POSTS = (
    r"(?:[部局处科院校所厂县市省州区乡镇行社团队组司署台馆站会事]长"
    r"|书记|主任|主席|委员|成员|代表|经理|教授|研究员)"
)
# A run of names set together is read as names only when each one starts with a
# surname: page text's list (reader.parse.names), and 洪 and 萧, which it leaves out
# because they start words of headlines (洪水, 萧条); here the PDF has set the line
# apart as a byline already.
SURNAMES = namelist.SURNAMES | frozenset("洪萧")
# Words a run of names does not hold.
_NOT_IN_NAMES = frozenset("的了在是和与赴向把被从到也就都而及")
_NAMES = re.compile(rf"^{_HAN}{{2,4}}(?:\s+{_HAN}{{2,4}}){{0,2}}$")
_POST = re.compile(rf"^[\u4e00-\u9fff、]{{2,30}}{_POSTS}{_HAN}{{2,3}}$")
_REPORTERS = re.compile(rf"^(?:{_ROLE}\s*{_HAN}{{2,9}}\s*){{1,3}}$")
_COMMENTATOR = re.compile(r"^(?:本报|人民日报|新华社)?(?:特约)?评论员$")


def _names_together(text: str) -> bool:
    """Two or three names of two or three characters each set without a space, each
    starting with a common surname: `宋学春张仁明`, `杨雪梅吕游`."""
    if not 4 <= len(text) <= 9 or not re.fullmatch(r"[\u4e00-\u9fff]+", text):
        return False
    if any(c in _NOT_IN_NAMES for c in text):
        return False  # `温馨的贺卡`, `陈方安生启程赴京`: words, not names

    def split(rest: str, names: int) -> bool:
        if not rest:
            return names >= 2
        if names == 3 or rest[0] not in SURNAMES:
            return False
        return any(len(rest) >= n and split(rest[n:], names + 1) for n in (2, 3))

    return split(text, 0)


def is_name_line(text: str) -> bool:
    """The whole line is names, a post over a name, reporters with their desks, or the
    commentator: the shapes of a byline that a pattern of roles alone does not take."""
    text = text.strip()
    if _NAMES.match(text) or _POST.match(text) or _COMMENTATOR.match(text):
        return True
    if _REPORTERS.match(text):  # not `记者在重灾区大河乡注意`, a paragraph's first line
        return not any(c in _NOT_IN_NAMES for c in re.sub(_ROLE, "", text))
    return _names_together(text)
