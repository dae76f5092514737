"""Headline stacks: which lines are one headline wrapped, and kicker, headline, subtitle.

A headline set in large type over a narrow span wraps like any other text: its
lines fill the span one after another, so a line that continues the one before is
never the longer of the two, and the last is often a stub of a character or three
(`工行北京分行效益上新` / `台阶`). A new part of the stack (kicker, headline,
subtitle) is a phrase of its own: it does not start by closing a bracket the line
before left open. Lines are first joined into the parts they print, then the parts
get their roles by position and dashes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from reader.parse import measures, roles, seam, stackkick, stackodds, stacktype, wrapmodel
from reader.parse.text import OPENING_MARKS, join_lines, width

_CLOSING = "”》）)」』〉"  # not ’: it also opens a year, ’９８
_OPENS = tuple(OPENING_MARKS)  # ...one string each, made once
_MARKED = re.compile("[，：、；！？“”《》（）『』·．0-9A-Za-z０-９\uff21-\uff3a\uff41-\uff5a]")
_STUB = 3  # a last line this short (in characters) after a longer one is a wrap's end
_FULL = 6  # ...after a line at least this long
_SURE = 1.5  # log odds of the wording (`stackodds`) that decide two plain one-line parts


def _unclosed(text: str) -> bool:
    """The line opens a bracket or quote that it does not close."""
    if not any(map(text.__contains__, _OPENS)):
        return False  # (most lines open none: asked in C, no loop over the line)
    depth = 0
    for char in text:
        if char in OPENING_MARKS:
            depth += 1
        elif char in _CLOSING and depth:
            depth -= 1
    return depth > 0


def sure(above: str, line: str) -> bool | None:
    """Whether `line` wraps `above` when the rules can tell, else None.

    Dashes mark parts (a kicker ends with ——, a subtitle starts with it), and
    nothing follows a subtitle. A line that starts by closing a bracket, or
    follows one left open or a comma, wraps; so does a stub of a last line.
    """
    if above.endswith("———") and not line.startswith("—"):
        return True  # a dash inside a headline (`群众受益———` / `志愿服务…`): a kicker's is two
    if above.endswith("—") or line.startswith("—"):
        return False
    if above.startswith("—"):
        return True  # nothing follows a subtitle in its stack
    if line[0] in _CLOSING or _unclosed(above) or above[-1] in "，、：":
        return True  # ...and no part ends at a comma or a colon
    if len(line) <= _STUB < _FULL <= len(above):
        return True
    if above[-1].isalnum() and line[0].isalnum() and not _cjk(above[-1]) and not _cjk(line[0]):
        return True  # a number or a Latin name broken: `安徽４` / `０万人摆脱贫困`
    return None


def _cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def wraps_seen(stack: list[str]) -> bool:
    """The rules see a line of the stack wrap (not a subtitle's: nothing follows one)."""
    return _wraps_seen(tuple(stack))


@lru_cache(maxsize=256)  # (the same stacks are asked several times a page: 56% of calls)
def _wraps_seen(stack: tuple[str, ...]) -> bool:
    return any(
        not stack[k - 1].startswith("—")
        and (sure(stack[k - 1], stack[k]) or wrapmodel.broken_word(stack[k - 1], stack[k]))
        for k in range(1, len(stack))
    )


def continues(
    stack: list[str], k: int, model: bool = True, wrapping: bool = False, phrase: bool = True
) -> bool:
    """Stack line k is the wrapped rest of line k - 1, not a part of its own.

    The rules decide the sure cases; the rest goes to the wrap model (a wrap fills
    its lines to the same measure and often breaks a word) and, with `phrase`, to
    the language across the break (`_phrase_cut`), or is a new part without them.
    A photographer's credit set as a picture story's subtitle (`X摄影报道`) is no
    wrap's rest, though as wide as the title over it (branch `heads25`).
    """
    above, line = stack[k - 1], stack[k]
    rule = sure(above, line)
    if rule is None and line.endswith("摄影报道"):
        return False  # a picture story's credit under its title (`X摄影报道`): a part
    if rule is None:
        return model and (
            _word_broken(above, line)
            or wrapmodel.wraps(stack, k, wrapping)
            or (phrase and _phrase_cut(above, line))
        )
    return rule


def _phrase_cut(above: str, line: str) -> bool:
    """The break cuts a phrase of the corpus (`迈出` / `新步伐`): no seam between two parts.

    Not where a dash stands in either line (a dash marks parts, and `———` runs
    inside a headline).
    """
    return "—" not in above + line and seam.phrase_across(above, line)


def _word_broken(above: str, line: str) -> bool:
    """A word the corpus's body text nearly always holds together, broken across the lines.

    A pair of PMI 4 or more (`献忠` / `诚`, `办学` / `校`, `精` / `神`) over a line
    no wider than the one above by more than a character and a half: a kicker and
    its headline, set in two sizes, are no word's two halves. TeX balances a
    wrapped headline's lines (`拥军办实事爱民献忠` / `诚江西“双拥”工作常` / `抓不
    懈`), so the widths need not match as the model wants them to. On the cached
    pages of four engines 5 such breaks left apart were wraps, none a kicker's
    or a subtitle's.
    """
    return (
        wrapmodel.broken_word(above, line, 4)
        and "—" not in line
        and width(line) <= width(above) + 1.5
    )


def parts(
    stack: list[str],
    model: bool = True,
    wrapping: bool = False,
    phrase: bool = True,
    *,
    seen: bool = False,
) -> list[list[str]]:
    """The stack's lines grouped into the parts they print, wrapped lines joined.

    `wrapping`: the page wraps its headlines, as seen in another stack; a wrap
    the rules see in this one says as much. `phrase`: a break that cuts a
    phrase of the corpus joins too (`continues`).

    Without the model only the sure wraps are joined: that is how lines are
    counted to tell a stack from a paragraph, where a guess must not make many
    lines of body text look like a few parts. `seen`: `wrapping` counts this stack's own
    wraps already (`wraps_seen`, asked by the caller). Without the model `wrapping` is
    not read, so its wraps are not looked for.
    """
    out: list[list[str]] = []
    if model and not (wrapping or seen):
        wrapping = wraps_seen(stack)
    quoted = roles.quote_parts(stack)
    for k, line in enumerate(stack):
        if (
            out
            and not quoted[k]
            and (
                continues(stack, k, model, wrapping, phrase)
                or (not line.startswith("—") and _unclosed("".join(out[-1])))
            )
        ):
            out[-1].append(line)  # ...or the part above leaves a bracket open over two lines
        else:
            out.append([line])
    return out


def group(stack: list[str], wrapping: bool = False) -> list[list[str]]:
    """The stack's lines in the parts they print (`parts`, `_measured`), for `split_stack`."""
    if not stack:
        return []
    stack = _runs_apart(stack)
    return _measured(parts(stack, wrapping=wrapping or wraps_seen(stack), seen=True))


def split_stack(
    stack: list[str],
    wrapping: bool = False,
    marked: bool = False,
    body: Sequence[list[str]] = (),
    *,
    grouped: list[list[str]] | None = None,
    shown: measures.Shown | None = None,
) -> tuple[str | None, str | None, str | None]:
    """Kicker, headline and subtitle of a headline stack, by position and dashes.

    `wrapping`: the page wraps headlines elsewhere (`reader.parse.heads.mark_heads`);
    `marked`: the page marks its stack parts with dashes (`page_marked`);
    `body`: the story's paragraphs as printed lines, whose column says which of two
    plain parts is display type (`roles.small_above`) and whether a part wrapped
    at it is small type (`roles.small_wrapped`), measured only when asked.
    `grouped`: the stack as `group` gives it (the page's parse groups every stack
    first); `shown`: the page's headline measures, which tell a wrap's last line
    from a subtitle (`measures.wrap_end`).
    """
    if not stack:
        return None, None, None
    kicker = subtitle = None
    grouped = group(stack, wrapping) if grouped is None else grouped
    if len(grouped) >= 2 and (display := stacktype.by_type(grouped, body, shown)):
        return display  # the parts' measures say which is display type
    rest = [join_lines(part) for part in grouped]
    if (
        len(rest) == 2
        and len(grouped[1]) > 1
        and body
        and roles.small_below(grouped[0], grouped[1], roles.body_measure(body))
    ):
        return None, rest[0], rest[1]
    if len(rest) == 2 and _smaller_above(grouped):
        if len(grouped[0]) == 1 and _one_measure(grouped):
            return None, rest[0] + rest[1], None
        return rest[0], rest[1], None
    if (
        len(rest) == 2
        and len(grouped[0]) > 1
        and body
        and roles.small_wrapped(grouped[0], grouped[1], roles.body_measure(body))
    ):
        return rest[0], rest[1], None
    # Two parts on a page or in a stack that wraps: asked only here (`group` asked it
    # too, of the page's stacks, but keeps no answer).
    two_wrapping = len(rest) == 2 and (wrapping or wraps_seen(_runs_apart(stack)))
    marked = two_wrapping and marked and not (shown and shown.parts_rare())  # (`measures`)
    if two_wrapping and (said := _worded(grouped)) is not None:
        return (rest[0], rest[1], None) if said else (None, rest[0], rest[1])
    if (
        two_wrapping
        and _two_lines(grouped)
        and (marked or roles.small_above(rest[0], rest[1], roles.body_measure(body)))
    ):
        return rest[0], rest[1], None
    if len(rest) > 1 and rest[0].endswith("——"):
        kicker = rest.pop(0)
    if len(rest) > 1 and rest[-1].startswith("——"):
        subtitle = rest.pop()
    # Parts left over are a kicker above the headline, or a subtitle below it (but
    # the rest of a full line wraps that line).
    if len(rest) >= 2 and subtitle is None:
        if shown and measures.wrap_end(grouped, body, shown, wrapping):
            rest[-2:] = [join_lines(rest[-2:])]
        elif not (kicker is None and wrapping and stackkick.longer_above(grouped, shown)):
            subtitle = rest.pop()  # (else the upper is the kicker, below: `stackkick`)
    if len(rest) >= 2 and kicker is None:
        kicker = rest.pop(0)
    return kicker, join_lines(rest), subtitle


def _measured(grouped: list[list[str]]) -> list[list[str]]:
    """Parts whose full lines hold two measures cut in two (`roles.measure_cut`)."""
    out: list[list[str]] = []
    for part in grouped:
        cut = roles.measure_cut(part, _apart)
        out += [part] if cut is None else [part[:cut], part[cut:]]
    return out


def _apart(above: list[str], line: str) -> bool:
    """The rules allow a new part at `line` under the lines `above` of a part, and the
    break cuts no word (TeX breaks its lines unevenly inside one: `中国市场已不再是自` /
    `己独有，目光必` / `须向外`)."""
    return (
        not sure(above[-1], line)
        and not _unclosed("".join(above))
        and not wrapmodel.broken_word(above[-1], line)
        and not seam.phrase_across(above[-1], line)
    )


def page_marked(stacks: list[list[str]]) -> bool:
    """The page dashes its subtitles: a stack shows `——`, and none an undashed subtitle.

    Of two plain one-line parts, kicker + headline and headline + undashed subtitle
    print alike; a paper sets a page in one style, so the rest of the page decides
    (`_two_lines`). A dashed part (`——` opening a line below a stack's first, or
    ending a line above its last) says the page marks its parts; a stack of three
    plain parts, a wrapped headline over a plain line, or a plain pair whose upper
    line is no plain phrase (`_MARKED`) shows a subtitle printed without dashes, and
    then the position rule stays for the whole page. The generators draw dashes per
    story (half the subtitles), so there this reads a page's style only as it shows:
    a dashed part elsewhere on the page is seen by 57-67% of kicker stories and
    56-69% of headline + undashed subtitle stories (truth, Typst, WeasyPrint,
    Chromium and TeX seeds); bench/README.md, issue 12 round 9. The stacks are
    grouped for this as before the phrase test (`_phrase_cut`): a page's style is
    the gate's to read (TeX 808: body text read as a stack of three parts, two of
    them one phrase, showed the undashed subtitle the gate closes on).
    """
    split = [_runs_apart(stack) for stack in stacks if len(stack) >= 2]
    if not any(line.startswith("——") for lines in split for line in lines[1:]) and not any(
        line.endswith("——") for lines in split for line in lines[:-1]
    ):
        return False  # no dashes: no stack is grouped (the wrap model's cost)
    return not any(
        _undashed(parts(lines, wrapping=wraps_seen(lines), phrase=False, seen=True))
        for lines in split
        if not any("—" in line for line in lines)
    )


def _undashed(grouped: list[list[str]]) -> bool:
    """The stack's parts show a subtitle printed without dashes."""
    if any("—" in line for part in grouped for line in part):
        return False
    if len(grouped) == 3:
        return True  # kicker, headline, subtitle
    if len(grouped) != 2:
        return False
    above, below = grouped
    return len(above) > len(below) or (
        len(above) == 1 == len(below) and bool(_MARKED.search(above[0]))
    )


def _runs_apart(stack: list[str]) -> list[str]:
    """A wrapped headline's stub and the subtitle written as one line: two lines again.

    An extractor may write two runs whose boxes overlap in height as one line
    (PDFium of Chromium's prints: `王振昌小康功` / `臣——安南夫妇话虎年`): a stub of a
    character or three after a full line ends a wrap (`sure`) when the line above
    runs on into it (`_held`), and the dashes after it start the subtitle, as they
    do at a line's start. The run-on test keeps the corpus's own subtitles whole
    (`全国政协举行第五十一次主席会议` / `李宁牌———中国体育用品第一品牌`).
    """
    out = stack[:1]
    for line in stack[1:]:
        at = line.find("——")
        stub = line[:at].rstrip()
        if (
            at > 0
            and len(stub) <= _STUB
            and "—" not in stub
            and len(line) - at >= 4
            and sure(out[-1], stub)
            and (_held(out[-1], stub) or (line[at + 2] != "—" and _wider(out[-1], line)))
        ):
            out += [stub, line[at:]]
        else:
            out.append(line)
    return out


def _wider(above: str, line: str) -> bool:
    """The line is far wider than the one above: no wrapped rest of it, smaller type.

    A headline's lines fill one measure, so the rest of a wrapped headline is never
    the wider; a stub in the headline's type and a subtitle in smaller type written
    as one line is (`塔乌两国总统会` / `谈——『月球勘探者』进入环月轨道`: 12 of 15 such
    lines on PDFium's text of Chromium's pages; no headline of the other engines
    wrapped at its own dashes so, `来——读《周恩来军` under `伟大的军事家周恩`).
    """
    return width(line) >= max(1.5 * width(above), width(above) + 3)


def _held(above: str, stub: str) -> bool:
    """The stub goes on from the line above by a bracket, a comma or a word broken."""
    return (
        stub[0] in _CLOSING
        or _unclosed(above)
        or above[-1] in "，、"
        or wrapmodel.glued(above, stub)
        or wrapmodel.open_end(above)
    )


def _smaller_above(grouped: list[list[str]]) -> bool:
    """Two parts, the lower wrapped over more lines than the upper: the lower is the headline.

    Large type wraps first: in the same span a headline holds fewer characters a
    line than its kicker or subtitle, set at about half its size. So of a line
    and a wrapped part below it, the wrapped part is the headline and the line
    its kicker; a line wider than the wrapped part's full lines is smaller type
    for certain. Dashes say otherwise when present, and so does a line of the
    wrapped part's measure that breaks inside a phrase (`_one_measure`). A kicker
    wrapped too is read so when the part below takes more lines (two over three:
    7 of 7 on Typst seeds 1-99 and 300-459, WeasyPrint 41-80, TeX 1-40), unless it
    is no plain phrase (`_MARKED`, as in `_two_lines`; none such on those seeds, a
    headline + subtitle on WeasyPrint 118 and Chromium 118).
    """
    above, below = grouped
    if len(above) > 1 and _MARKED.search(join_lines(above)):
        return False  # a wrapped headline that is no plain phrase (`招标：写上政` / `府采购单`)
    return len(above) < len(below) and not above[-1].endswith("—") and not below[0].startswith("—")


def _two_lines(grouped: list[list[str]]) -> bool:
    """Two one-line parts without dashes, on a page that wraps its headlines: kicker, headline.

    Of a kicker and a subtitle, each in smaller type than the headline, only the
    subtitle carries dashes as the corpus prints its stacks: 156 headline lines
    hold `——` before a subtitle, and a kicker runs into its headline with no mark
    (`供给丰足价格回落居民满意菜篮子十年有成`). So two plain lines, neither wrapped,
    are a kicker over its headline where the page sets headlines in display
    type (it wraps them) and dashes its subtitles (`page_marked`, checked by
    `split_stack`); a page that never wraps writes one part a line in reading
    order, a headline first (`tests/pagegen.py`, rule 4). The position
    rule stays where the reading is doubtful: a line above more than twice as
    long as the one below would, set at half its size, print wider than its
    headline (`学者解梦有新说如幻梦境不稀奇` / `天气趋势分析`); a word broken across
    the two (`患者|黑金`, a sticky pair) says they may be one part; and an upper
    line that is no plain phrase (`_MARKED`: a colon, quotes, a title, digits)
    reads as a headline: 25 of 27 such pairs on Typst seeds 1-99 and 300-459,
    WeasyPrint 41-80 and TeX 1-40 (the generators draw kickers from plain headlines).
    """
    if any(len(part) != 1 for part in grouped):
        return False
    (above,), (below,) = grouped
    return (
        "—" not in above + below
        and not _MARKED.search(above)
        and width(above) <= 2 * width(below) + 0.5
        and not wrapmodel.broken_word(above, below)
    )


def _worded(grouped: list[list[str]]) -> bool | None:
    """Two plain one-line parts whose wording decides: True kicker + headline, False the other.

    The corpus's stacks (`stackodds`): a line ending on a verb of saying (`…时强调`)
    is a kicker and no subtitle, a comma is a subtitle's or a headline's and
    rarely a kicker's. None when the odds are short of `_SURE` either way, or a
    part is wrapped or dashed (the dashes decide). Asked only on a page that wraps
    its headlines (display type): a page that never wraps writes one part a line,
    headline first (`tests/pagegen.py` rule 4, whose subtitles may end on 强调).
    """
    if any(len(part) != 1 for part in grouped):
        return None
    (above,), (below,) = grouped
    if "—" in above + below:
        return None
    odds = stackodds.kicker_odds(above, below)
    return True if odds >= _SURE else False if odds <= -_SURE else None


def _one_measure(grouped: list[list[str]]) -> bool:
    """The line over the wrapped part is its first full line: one headline of three lines.

    A kicker set at half the headline's size is as wide as the headline's full
    line only by chance; a wrap fills both lines to one measure. Width alone
    joins kickers too (6 for 11 wraps on Typst seeds 1-99 and 300-399), so the
    break must also not look like a headline's end and the next one's start by
    the corpus tables (`wrapmodel.inside`): kickers end on 曲, 岁, 展 as headlines do.
    """
    (above,), below = grouped
    return abs(width(above) - width(below[0])) <= 0.5 and wrapmodel.inside(above, below[0])
