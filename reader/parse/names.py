"""Bylines that are a bare name, in page text: `朱峻峰` under a commentary's headline.

Most bylines of 1998 print no reporter's title: a writer's name of two to four
characters (`马利`, `杨子才`, spaced `马　利`), several names set together
(`宋学春张仁明`), or a post over its holder's name (`山西省交口县县长李来福`). Page
text has no type faces: such a line reads as the last line of the headline over
it, wrapped (`高举旗帜的坚定性和邓` / `小平理论的科学性` / `朱峻峰`), or as a
one-line subtitle. What the page says instead (`mark_name_bylines`):

- the line's own text: short, no marks, no digits, and a name by the closed list of
  surnames (`namelist.SURNAMES`, the common ones and the compound ones), no word of a
  phrase (的, 了, 是...) inside;
- its place: right under a headline-like line (no sentence mark, not closed) and
  over the story's first paragraph (a line wider than it, or one with marks);
- the break above: a wrapped headline fills its lines to one measure and breaks
  inside a phrase, so a name is no wrap when the line over it is short of the
  column's headline measure or a stub, and when no word or phrase of the corpus
  runs across the break (`wrapmodel.broken_word`, `seam.phrase_across`).

A pen name without a surname (`诗云`, `政文`) is taken only when the line over it
cannot be wrapped on (a stub under a longer line). The line is then a byline
(`Kind.BYLINE`) before headline stacks are marked, so it ends its stack. A post over
a name at the column's width is `reader.parse.postlines`'s to tell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.parse import seam, wrapmodel
from reader.parse.kinds import (
    CREDIT_RE,
    DATELINE_HEADS,
    DATELINE_RE,
    OUTLET_ROLE,
    Kind,
    is_header,
)
from reader.parse.namelist import NOT_IN_NAMES, names, one_name, spaced, words_inside
from reader.parse.postlines import (  # Line: the facts of a line read and set here
    POST,
    POST_END,
    POST_LAST,
    RUNS_ON,
    TEXT_HEADS,
    Line,
    band,
    first_head,
    full_post,
    post_over_text,
    stub,
)
from reader.parse.rolelines import role_rest, roles_end

_IDEOGRAPHS = re.compile(r"^[\u4e00-\u9fff·]+$")
# An order's number, which the paper prints where a byline stands (`第九十二号`).
_ORDER_NO = re.compile(r"^第[零〇一二三四五六七八九十百千０-９0-9]{1,6}号$")
_NUMERALS = frozenset("一二三四五六七八九十百千万两零〇")
_OUTLET_FIRST = frozenset(head[0] for head in DATELINE_HEADS)  # (本报, 新华社…: a byline's)
_DATELINE_FIRST = _OUTLET_FIRST | {"据"}
_FULL_POST = 8  # (ems: a shorter post line is `mark_name_bylines`'s own case)
# Surnames that are words first (向, 于, 万, 高, 成...): two characters under a full line
# that start with one are more likely a headline's end than a name.
_WORDLIKE = frozenset("向于万高成任时常文方白金石关安齐易华严明")
_CLOSING = frozenset("》』”」）")  # (no word runs on across a closing mark: `…新编》` / `万达`)
_SENTENCE_END = frozenset("。！？")
_HEAD = 0.75  # of the line below: a headline over it (its lines wrap at the column)
# Provinces and countries the paper sets as a label where a byline stands (`湖南`, `泰国`).
_REGION_NAMES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南"
    " 广东 海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 台湾"
    " 泰国 欧盟 日本 韩国 朝鲜 印尼 法国 英国 德国 俄罗斯"  # (not 美国: `_region_over_dateline`)
)
_REGIONS = frozenset(_REGION_NAMES.split())


def name_line(line: Line) -> str:
    """How the line reads as a byline: "name" (a surname and a name, several names,
    a post over a name), "pen" (two to four ideographs, no surname), or ""."""
    text = line.text
    if line.width > 16 or not _IDEOGRAPHS.match(text):
        return ""
    if " " in line.raw.strip() or "\u3000" in line.raw.strip():
        return "name" if spaced(line.raw.replace("\u3000", " ")) else ""
    count = names(text)  # two names set together: of three characters each (`牛辞丰稔岁`)
    if count == 1 or (count == 2 and len(text) == 6 and not words_inside(text)):
        return "name"
    post = POST.match(text)
    if post and len(post.group(1)) == 3 and one_name(post.group(1)):  # (`部长李伯` / `勇…`)
        return "name"
    if 2 <= len(text) <= 3 and NOT_IN_NAMES.isdisjoint(text):
        return "pen"
    return ""


def mark_name_bylines(lines: Sequence[Line]) -> None:
    """Mark a bare-name line under a headline and over its story's text as a byline."""
    body, byline = Kind.BODY, Kind.BYLINE
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if line.kind is not body:
            continue
        above = lines[i - 1]
        if above.kind is byline:
            role_rest(above, line)
            continue
        if line.first in _OUTLET_FIRST and OUTLET_ROLE.match(line.text):
            for j in range(i, roles_end(lines, i) + 1):
                lines[j].kind, lines[j].candidate = Kind.BYLINE, False
            continue
        if not line.candidate:
            continue
        below = lines[i + 1]
        if line.last == "号" and above.last == "令" and _ORDER_NO.match(line.text):
            line.kind, line.candidate = byline, False  # `主席令` / `第九十二号`
            continue
        post = not POST_LAST.isdisjoint(line.text[-4:-2])  # (asked below again: kept)
        if post and post_over_text(lines, i):
            line.kind, line.candidate = byline, False  # `农业部部长刘江` / a set-in first line
            continue
        if below.kind is byline and _label_over_dateline(lines, i):
            line.kind, line.candidate = byline, False  # `贬值` / `泰国` / `本报曼谷…电`
            below.kind, below.candidate = body, False  # (the dateline opens the text)
            continue
        if line.text in _REGIONS and _region_over_dateline(lines, i):
            line.kind, line.candidate = byline, False  # `…温暖送进万家` / `湖南` / `本报…电`
            if below.kind is byline:
                below.kind, below.candidate = body, False  # (the dateline opens the text)
            continue
        if line.width > 16 or (
            below.width < line.width + 2
            and not (below.last in _SENTENCE_END and _over_sentence(line, below))
        ):  # (`_over_sentence`'s first test written out: most lines end in no stop)
            # the line is a paragraph's first (as full as the next), or over a headline,
            # not over a paragraph's first line (the cheap test first: most are); or a
            # post over its holder's name as wide as the column (`…县长李来福`)
            wide = line.width >= _FULL_POST and above.candidate and not below.closes
            if wide and post and full_post(lines, i):
                line.kind, line.candidate = Kind.BYLINE, False
            continue
        if not (above.candidate and above.kind is body) or below.kind is not body:
            continue
        if POST_END.search(above.text):
            continue  # the holder's name under a post (`…总经理` / `屠光绍`): one line wrapped
        if above.last == "—":
            continue  # a kicker's dashes point at its headline: this line
        if below.hint:
            continue  # a new story starts below (a line set in with a space)
        if below.first == "—":
            continue  # a subtitle under it: the line is a headline over its subtitle
        if below.first in RUNS_ON or wrapmodel.runs_on(below.text):
            continue  # the line goes on below (a mark, or 的, 们: no paragraph starts so)
        if (
            i + 2 < len(lines)
            and _head_over(below, lines[i + 2])
            and not _name_under_head(lines, i)
            and not _name_under_stack(lines, i)
        ):
            continue  # a headline below, over its text: the line is no byline over a story
        if i + 2 < len(lines) and lines[i + 2].kind is byline and below.candidate:
            continue  # a headline below, over its byline (`一片` / `襄樊家庭文化…` / `本报记者…`)
        how = name_line(line) or _names_under_subtitle(above, line)
        if not how or _wrap_across(above.text, line.text) or _over_dateline(lines, i):
            continue
        short = _short_above(lines, i)
        if not short and wrapmodel.glued(above.text, line.text) and not _name_alone(lines, i):
            continue  # under a full line, a break inside a phrase (`接受和` / `谈建议`)
        if how == "pen" and not short and not _pen_apart(lines, i):
            continue
        if how == "name" and not short and len(line.text) <= 2 and _word(above, line.text):
            continue  # a stub of two under a full line: the headline's end (`任务`)
        line.kind, line.candidate = Kind.BYLINE, False


# A dateline that opens the line under a name line, written whole or wrapped before its
# 电 or 讯 (`新华社澳大利亚珀斯１月１４` / `日电…`, `本报珀斯１月１６日` / `电记者…`).
_DATELINE_OPENS = re.compile(
    r"^据?(?:本报|新华社|中新社|人民网|新华网)[^，。：:\s]{0,12}?"
    r"(?:电|讯|[0-9０-９一二三四五六七八九十]{1,2}月)"
)


def _over_dateline(lines: Sequence[Line], i: int) -> bool:
    """A name line over a dateline (`世界游泳锦标赛再传捷报吴艳艳陈妍２００米混合泳摘` /
    `金夺银` / `本报珀斯１月１６日电…`, `…四名中国选手Ａ瓶` / `呈阳性` / `新华社…电`): a
    story with a dateline names its reporter there and prints no byline, so the line is
    the headline's wrapped end, whatever surname it starts with. (A region's label over
    a dateline, `湖南` / `本报长沙…电`, is taken before, `_region_over_dateline`, or here
    when the dateline wraps before its 电: `吉林` / `据新华社长春１月２４` / `日电…`.)"""
    below = lines[i + 1]
    if lines[i].text in _REGIONS or below.first not in _DATELINE_FIRST:
        return False
    return _DATELINE_OPENS.match(below.text) is not None


def _pen_apart(lines: Sequence[Line], i: int) -> bool:
    """A pen name under a full line (`为西部鼓掌` / `广记`, `藏族姑娘淘粪忙` / `汪志`): the
    break is where a headline ends and another line starts, by the corpus's tables
    (`wrapmodel.inside`: `忙`, `掌` end headlines often, `广`, `西` start them), and the text
    under it opens with no dateline (`本报讯`, `据新华社…`): a story with a dateline
    names its reporter there and prints no byline, so a short line over one is the
    headline's wrapped end (`石家庄打假治劣保` / `春供` / `本报讯…`). The line over it
    opens its stack: under a wrap (`纽约股市开门红印` / `尼菲律宾货币汇率` / `再跌`) it
    is a third line."""
    above, line, below = lines[i - 1], lines[i], lines[i + 1]
    text = line.text
    return (
        len(text) == 2
        and text[0] not in _NUMERALS  # (`中国乒乓球擂台赛产生` / `四强`)
        and not wrapmodel.broken_word(text[0], text[1], 1)  # (a word: `礼物`, `直播`, `人物`)
        and not wrapmodel.inside(above.text, text)
        and not below.text.startswith(TEXT_HEADS)
        and first_head(lines, i - 1)
    )


def _names_under_subtitle(above: Line, line: Line) -> str:
    """Two names of three set together under a subtitle (`——大连陆军学院开展群体活动纪实`
    / `叶先明张劲松`), though a word reads across them (`劲松`): the subtitle ends the
    stack, and no headline's wrapped rest follows a subtitle's dashes."""
    if above.first != "—" or len(line.text) != 6 or not _IDEOGRAPHS.match(line.text):
        return ""
    return "name" if names(line.text) == 2 else ""


def _label_over_dateline(lines: Sequence[Line], i: int) -> bool:
    """Line i is a region's label over a dateline (`泰国` / `本报曼谷１月５日电`,
    `欧盟` / `本报布鲁塞尔…电`): two ideographs read as a name, under a
    headline's stub, whose wrap ended there (`东亚货币继续` / `贬值`). The paper prints
    the label where a byline stands and runs the dateline into the text. (Under a full
    line the line is the headline's wrapped end: `李岚清会见法国` / `客人` / `新华社…电`.)"""
    line, below = lines[i], lines[i + 1]
    above = lines[i - 1]
    return (
        len(line.text) == 2  # (`椰水浓于酒军民` / `鱼水情` / `本报广州…讯`: a stub of three)
        and DATELINE_RE.match(below.text) is not None
        and "记者" not in below.text  # (`本报记者何勇通讯员…`: a byline, 讯 of 通讯员)
        and "通讯员" not in below.text  # (`本报通讯员王伟`)
        and above.candidate
        and above.kind is Kind.BODY
        and _short_above(lines, i)
        and name_line(line) != ""
        and not _wrap_across(above.text, line.text)  # (`出版李` / `鹏题词`)
        and not wrapmodel.glued(above.text, line.text)
    )


def _region_over_dateline(lines: Sequence[Line], i: int) -> bool:
    """A province's or a country's name under a headline's line, over a dateline (`不忘群众
    疾苦温暖送进万家` / `湖南` / `本报长沙１月２５日电`, `吉林` / `据新华社长春…电`): the
    paper's label where a byline stands, under a full line too. The corpus prints 13 such
    labels alone over a dateline, and 4 headlines ending in a region over one, which leave
    the region alone on a line only when they wrap just there (`贝宁总统访问海南`); two end
    in `美国`, which is no label of the corpus. (`wrapmodel.inside` would take two of the
    four and lose the labels `安徽` and `四川` of the read sets.)"""
    above, below = lines[i - 1], lines[i + 1]
    text = below.text.removeprefix("据")
    if DATELINE_RE.match(text) is None:
        return False
    head = text.split("电", 1)[0].split("讯", 1)[0]  # (`本报记者何勇通讯员…`: 讯 of 通讯员)
    return (
        "记者" not in head
        and not head.endswith("通")
        and above.candidate
        and above.kind is Kind.BODY
        and not _wrap_across(above.text, lines[i].text)
    )


def _word(above: Line, text: str) -> bool:
    """Two characters that are a word of the corpus's text (`任务`, `成立`; a name of two,
    `刘健`, `田勇`, is none), or start with a surname that is a word first (`合作意` / `向书`;
    not after a closing mark, `《马克思主义哲学基础新编》` / `万达`), or the unit of a number
    the line above breaks (`６５` / `万封`)."""
    return (
        (text[0] in _WORDLIKE and above.last not in _CLOSING)
        or wrapmodel.broken_word(text[0], text[1], 1)
        or above.last.isdigit()
        or above.last.isascii()
    )


def _name_under_head(lines: Sequence[Line], i: int) -> bool:
    """One name alone (`李耕`, `严泽铣`) under a one-line headline that opens its stack,
    over a paragraph's first line set in as far as a headline is narrower: a story prints
    its text under the byline, so the line below is no headline over a story of its own.
    (Not under the header band: a pooled page prints a name set there as a kicker.)"""
    return names(lines[i].text) == 1 and not band(lines, i - 1) and first_head(lines, i - 1)


def _name_under_stack(lines: Sequence[Line], i: int) -> bool:
    """Names (`赵富林`, `刘武生杜宏奇`) under a stack's last line that ends it: a subtitle
    (`——读《周恩来军事文选》`), or the stub a headline's first line wrapped into, the
    headline opening its stack (`社会主义能够消` / `除贫穷`). TeX sets a narrow column's
    first line in by three ems and more (`为纪念中国人民解` over `放军建军７０周年和周恩`),
    so the line below reads as a headline over its text (`_head_over`); but the stack
    ended over the names, and a story prints its text under its byline."""
    if not names(lines[i].text):
        return False
    above = lines[i - 1]
    if above.first == "—":
        return True
    return i >= 2 and stub(lines, i - 1) and first_head(lines, i - 2)


def _name_alone(lines: Sequence[Line], i: int) -> bool:
    """One name by the list (`潘驰`, `周佩府`) under a one-line headline that opens its
    stack (`_name_under_head`), over text that opens with no dateline: the byline, though
    the pair across the break is one the corpus's text holds together weakly (`理潘`,
    `市周`: `wrapmodel.glued`). A surname starts many words, so a line that starts with one
    is glued to most line ends; a word of the corpus across the break is still asked
    apart (`_wrap_across`), and a story with a dateline prints no byline (`武器核查小组撤离`
    / `伊拉克` / `据新华社巴格达…电`: the headline's wrapped end)."""
    return _name_under_head(lines, i) and not lines[i + 1].text.startswith(TEXT_HEADS)


def _over_sentence(line: Line, below: Line) -> bool:
    """One name over a paragraph of one short sentence (`胡昭衡` / `新年好！`): the text
    under a byline, though no wider than the name."""
    return below.last in _SENTENCE_END and names(line.text) == 1


def _head_over(line: Line, below: Line) -> bool:
    """The line reads as a headline over the line below: unmarked and far narrower."""
    return (
        line.candidate
        and _IDEOGRAPHS.match(line.text) is not None
        and (line.width <= _HEAD * below.width)
    )


def _wrap_across(above: str, text: str) -> bool:
    """A word or a phrase of the corpus runs across the break: the line wraps the one above."""
    return wrapmodel.broken_word(above, text) or seam.phrase_across(above, text)


def _short_above(lines: Sequence[Line], i: int) -> bool:
    """The line over line i cannot have wrapped on: it is a stub under a longer line of
    its stack (`婴幼儿配方乳粉：质量` / `问题严重` / `政文`), so the wrap ended there.

    (Not a width against the column: Chromium sets a one-column headline in type so
    large that its full lines are half the column, `石家庄打假治劣保` / `春供`.)"""
    above = lines[i - 1]
    return (
        i >= 2
        and lines[i - 2].candidate
        and lines[i - 2].width >= above.width + 2
        and not is_header(lines[i - 2].text)  # (headers are taken after this pass)
        and CREDIT_RE.search(lines[i - 2].text) is None  # (a caption's last line, its
        # credit in brackets: `７、恩重如山永不忘（李舸摄）` / `青岛黄岛口岸截获谷` / `斑皮蠹`)
    )
