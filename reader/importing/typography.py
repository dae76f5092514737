"""What each line of a PDF page looks like: its type size, weight and place.

The facts the page text cannot keep: a kicker is set smaller than its headline, a
headline larger or bolder than the body, a caption sits under a picture. Sizes
and edges are measured from the glyph boxes PDFium gives, never by counting
characters (real typesetting squeezes punctuation and spaces digits).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.importing.names import is_name_line
from reader.importing.reading_order import Glyph, Layout

_BOLD = 150  # this much heavier than the body (PDF font weight units) is bold
_SAME_SIZE = 0.06  # sizes within this share of the body size are the body's
_OPENING = frozenset("“‘（《「『【〔([")
# A correspondent's post follows the outlet only: 本报驻意大利记者 X, never 驻京记者站成立.
_ROLE = (
    r"(?:本报|新华社|中新社|人民日报|特约|见习|实习|首席)*(?:(?<=[报社])驻[\u4e00-\u9fff]{1,6}?)?"
    r"(?:特约|首席)?(?:记者|通讯员|撰稿人?|摄影记者)"
)
# A dateline's place and date up to 电 or 讯, never a reporter's role (本报记者 X 通讯员).
_PLACE = r"(?:(?!记者|通讯员)[^，。：:\s]){0,12}?(?:电|讯)(?!员)"
BYLINE = re.compile(
    rf"^(?:[（(]\s*)?{_ROLE}\s*[\u4e00-\u9fff·]{{1,4}}(?:\s+[\u4e00-\u9fff·]{{1,4}}){{0,3}}"
    r"(?:\s*[）)])?$"
    rf"|^(?:本报|新华社|中新社){_PLACE}(?:\s*[（(][^）)]{{1,30}}[）)])?$"
)
_BYLINE_REST = re.compile(
    r"^(?:者|员|讯员|稿人?)\s+[\u4e00-\u9fff·]{1,4}(?:\s+[\u4e00-\u9fff·]{1,4}){0,3}$"
)
DATELINE = re.compile(
    rf"^(?:本报|新华社|中新社|人民网|新华网){_PLACE}"
    r"(?:\s*[（(][^）)]{1,30}[）)])?"
)
SOURCE = re.compile(r"^[（(]\s*(?:来源|稿件来源|信息来源)\s*[：:].*[）)]$")
# A story's closing note on a line of its own: （据新华社电）, a writer's name （郑雪）.
NOTE = re.compile(r"^[（(]\s*(?:据\S{1,12}?(?:电|讯|报道)|[\u4e00-\u9fff·]{2,4})\s*[）)]$")
_CREDIT_END = r"(?:摄影?|供图|制图|绘图|图片|摄于\S{0,16}|社发)"  # 社发: （新华社发）
# The rest of a credit broken at the column edge: `本报记者 X` / `摄于1月5日`.
CREDIT_REST = re.compile(r"^(?:摄影?|摄?于\S{1,16}|供图)$")
# In brackets only, a photo's agency: （新华社发美联社照片）, （传真照片）; bare, `照片` ends
# headlines (`一张老照片`).
_BRACKETED_END = rf"(?:{_CREDIT_END}|照片)"
CREDIT = re.compile(
    rf"^(?:[（(][^，。；！？（()）]{{1,30}}{_BRACKETED_END}[）)]|[^，。；！？（()）]{{1,30}}{_CREDIT_END})$"
)
CREDIT_TAIL = re.compile(rf"[（(][^（()）]{{1,40}}{_BRACKETED_END}[）)]$")
MARKERS = "□■●"
SENTENCE_END = frozenset("。！？!?…")
CLOSERS = frozenset("”’」』）)》")


@dataclass
class TypeLine:
    """One text line of the page with what the PDF says about it."""

    text: str
    hint: bool
    size: float
    bold: bool
    x0: float
    x1: float  # the right edge of the ink: a hung closing mark does not count
    top: float
    bottom: float
    # Its ideographs are set in a face other than the body's (a Kai subtitle over a Song
    # body, a kicker in Hei): set apart as a bold line is, whatever its weight.
    face: bool = False

    @property
    def closes(self) -> bool:
        """The line ends a sentence (closing quotes and brackets looked through)."""
        text = self.text.rstrip("".join(CLOSERS))
        return bool(text) and text[-1] in SENTENCE_END

    def plain(self, body: float) -> bool:
        """Set like the body: its size and not bold."""
        return abs(self.size - body) <= _SAME_SIZE * body and not self.bold


def _body_weight(page: Layout) -> int:
    """The weight most glyphs at the body's size are set in (to the half unit), the
    lighter of two as common; 400 for none. Counted in one pass over the page's glyphs,
    not three (the weights listed, made floats, then counted)."""
    weights: dict[int, int] = {}  # (each weight as first met: the halves below alike)
    body = page.body
    for group in page.groups:
        for line in group:
            for seg in line.segments:
                for g in seg.glyphs:
                    if abs(g.size - body) <= _SAME_SIZE * body:
                        weights[g.weight] = weights.get(g.weight, 0) + 1
    counts: dict[float, int] = {}
    for weight, n in weights.items():
        key = round(float(weight) * 2) / 2
        counts[key] = counts.get(key, 0) + n
    return int(max(counts, key=lambda k: (counts[k], -k))) if counts else 400


def type_lines(page: Layout) -> tuple[list[TypeLine], int]:
    """The layout's text lines with their typography; also the body's font weight."""
    body_weight = _body_weight(page)
    heavy_from = body_weight + _BOLD
    # The body's face: most body-type lines' (size and weight), by their middle glyph.
    faces: Counter[int] = Counter()
    for group in page.groups:
        for line in group:
            for seg in line.segments:
                middle = seg.glyphs[len(seg.glyphs) // 2]
                same = abs(seg.size - page.body) <= _SAME_SIZE * page.body
                if same and middle.weight < heavy_from:
                    faces[middle.face] += len(seg.glyphs)
    body_face = faces.most_common(1)[0][0] if faces else 0
    out = []
    for text, group in zip(page.texts, page.groups, strict=True):
        glyphs: list[Glyph] = [g for line in group for seg in line.segments for g in seg.glyphs]
        visible = [g for g in glyphs if not g.char.isspace()] or glyphs
        # One pass for what _mode, sum, min and max would each walk the line for.
        counts: dict[float, int] = {}
        heavy = 0
        first = visible[0]
        x0, x1, top, bottom = first.x0, first.ink_x1, first.top, first.bottom
        for g in visible:
            key = round(g.size * 2) / 2
            counts[key] = counts.get(key, 0) + 1
            if g.weight >= heavy_from:
                heavy += 1
            if g.x0 < x0:
                x0 = g.x0
            ink = g.ink_x1
            if ink > x1:
                x1 = ink
            if g.top > top:
                top = g.top
            if g.bottom < bottom:
                bottom = g.bottom
        out.append(
            TypeLine(
                text=text.strip(),
                hint=text.startswith(" "),
                size=max(counts, key=lambda k: (counts[k], -k)),
                bold=heavy * 2 > len(visible),
                x0=x0,
                x1=x1,
                top=top,
                bottom=bottom,
                face=_other_face(visible, body_face),
            )
        )
    return out, body_weight


def _other_face(glyphs: list[Glyph], body_face: int) -> bool:
    """Most of the line's ideographs are set in another face than the body's. Its first,
    middle and last glyph show it first: most lines are the body's, all of them."""
    if all(glyphs[k].face == body_face for k in (0, len(glyphs) // 2, -1)):
        return False
    ideographs = [g.face for g in glyphs if "\u4e00" <= g.char <= "\u9fff"]
    return sum(f != body_face for f in ideographs) * 2 > len(ideographs)


_DIGIT_SPACE = re.compile(r"\s+(?=[0-9０-９])|(?<=[0-9０-９])\s+")
_WHITE = re.compile(r"\s")  # (the same white space as `_DIGIT_SPACE`'s)


def tight(text: str) -> str:
    """The text without the space typesetting puts around digits (`1月 12日电`). A line
    with no white space in it is as it is: most body lines, searched six times faster
    for a space than for one beside a digit."""
    text = text.strip()
    return _DIGIT_SPACE.sub("", text) if _WHITE.search(text) else text


def is_byline(text: str) -> bool:
    """A byline or a dateline on its own line: 本报记者 陈鹏, 新华社北京1月4日电."""
    return len(text) <= 40 and bool(BYLINE.match(tight(text)))


def name_byline(
    line: TypeLine, prev: TypeLine, nxt: TypeLine | None, body: float, text: str = ""
) -> bool:
    """A name alone at the body's size and weight right under a headline stack, over
    the body: the story's byline (`朱峻峰` under a commentary's headline, in a face of
    its own or the body's), not a subtitle (set bold or larger), nor the rest of the
    line over it wrapped in the same type (`——访全国劳动模范` / `李素丽`). `text`: the
    byline's whole text when it wraps onto the lines under it (`nxt` is then the line
    after them)."""
    return (
        line.plain(body)
        and nxt is not None
        and nxt.plain(body)
        and is_name_line(text or line.text)
        and not (
            abs(prev.size - line.size) <= _SAME_SIZE * body
            and prev.bold == line.bold
            and prev.face == line.face
        )
    )


def byline_row(text: str) -> bool:
    """A byline, or the rest of one broken inside its role word at the column's edge
    with its names an em after it (`本报记者 董静群 通讯` / `员　王国平`, TeX's `\\quad`)."""
    return is_byline(text) or (len(text) <= 40 and bool(_BYLINE_REST.match(text.strip())))


def is_credit(text: str) -> bool:
    """A photo credit as a whole line: 新华社记者 王伟 摄, 受访者供图, （本报记者 吴萍磊 摄）."""
    text = tight(text)
    return len(text) <= 40 and bool(CREDIT.match(text))


def credit_tail(text: str) -> int:
    """Where a credit in brackets at the end of a caption starts, else -1."""
    match = CREDIT_TAIL.search(text)
    return match.start() if match else -1
