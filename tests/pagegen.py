"""Generated pages: corpus text laid out the way PDF extractors write it, with the answer.

`generate(corpus, seed)` lays paragraphs and short lines of the People's Daily corpus
(`shared/corpus/pd199801.txt`, read in place, never copied) out as one page of text
and returns the items a perfect parser would find. What varies, seeded:

- line breaks `\\n\\n` (MuPDF, PDFium) or `\\n` (PyMuPDF plain), CRLF, NBSP and U+3000;
- a column width of 8 to 20 ems per story, CJK 1 em and ASCII half; the first line of
  a paragraph is indented 2 ems, closing marks hang past the column and an opening
  one moves to the next line; ASCII number runs and `——` are never broken;
- full-width digits kept, or made ASCII with the extractor's spaces around them;
- headline stacks (kicker ending `——`, headline, subtitle with or without `——`)
  before the body or after it, `（来源：…）` lines, photo captions with credits on one
  or two lines, `□ ■ ●` briefs, a page header line.

Layouts stay ones a reader of the text alone could disambiguate:

1. A story's leading-space hint sits on its first printed line (stack or body).
2. A story whose first printed line is body text has a hint or a marker, unless it
   opens the page or follows a source or credit line.
3. A stack printed after its body follows a closed sentence or a source line, and is
   followed by the end of the page or by a story that starts with a hint or a marker.
4. A two-line stack without dashes is headline and subtitle; a kicker has `——`
   unless a subtitle follows it.
5. A paragraph whose last line is within 2 ems of the column is not followed by a
   one-line paragraph (nothing would show where one ends and the other starts).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPUS = CORPUS_DIR / "pd199801.txt"

_HEAD_OK = re.compile(r"^[\u4e00-\u9fff“《][^，。；：！？…—\u2236（）()□■●○△▲·]{3,23}$")
_HEAD_BAD = re.compile(
    r"记者|通讯员|评论员|本报|新华社|摄|[电讯]$|星期|编辑|来源|[转见]第|、$|[０-９]年|\uff0d|[０-９．]{5}"
)
_BODY_END = re.compile(r"(?:[。！？…][”’』]?|[电讯]）)$")
_CLOSED = re.compile(r"[。！？…][”’』]?$")
_CAPTION = re.compile(
    r"^(.{10,160}[。！？]”?)（((?:新华社|本报)?(?:记者|通讯员)?)([\u4e00-\u9fff]{2,3}?)摄）$"
)
_FULL_NUMBER = re.compile(r"[０-９]+(?:[．.][０-９]+)?％?")
_CLOSING = {*"，。、；：？！”’）》』」…", "……"}
_OPENING = set("“‘（《『「")
_SAFE_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]")
_SOURCES = ("新华社", "本报综合", "区数据局、区大数据中心", "区委统战部、区科委", "经济日报")
_SECTIONS = ("要闻", "时政", "经济", "国际", "社会", "文化", "体育")
_WEEKDAYS = "一二三四五六日"
MARKERS = "□■●"


@dataclass(frozen=True)
class Corpus:
    """The corpus, sorted into headline lines, body paragraphs and photo captions."""

    headlines: tuple[str, ...]
    paragraphs: tuple[str, ...]
    captions: tuple[tuple[str, str, str], ...]

    @classmethod
    def read(cls, path: Path = CORPUS) -> Corpus:
        """Read and sort the corpus file (one paragraph a line)."""
        heads, paras, caps = [], [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            if (m := _CAPTION.match(line)) is not None:
                caps.append((m.group(1), m.group(2), m.group(3)))
            elif _HEAD_OK.match(line) and not _HEAD_BAD.search(line):
                heads.append(line)
            elif len(line) >= 8 and _BODY_END.search(line) and not _bad_body(line):
                paras.append(line)
        return cls(tuple(heads), tuple(paras), tuple(caps))


def _bad_body(line: str) -> bool:
    return line[0] in "（(" or "摄）" in line or any(c in line for c in MARKERS + "○")


@cache
def load_corpus() -> Corpus | None:
    """The corpus beside this checkout, or None when it is not there."""
    return Corpus.read() if CORPUS.exists() else None


@dataclass(frozen=True)
class Expected:
    """One item as a perfect parser finds it (normalised text, as in the model)."""

    kicker: str | None = None
    headline: str | None = None
    subtitle: str | None = None
    paragraphs: tuple[str, ...] = ()
    source: str | None = None
    credit: str | None = None
    marker: str | None = None


@dataclass(frozen=True)
class GenPage:
    """A generated page: its text and what it holds."""

    seed: int
    text: str
    header: str | None
    items: tuple[Expected, ...]


@dataclass
class _Style:
    """The extractor's habits for one page."""

    rng: random.Random
    spaces: str
    ascii_digits: bool
    digit_spaces: float
    punct_spaces: float

    def space(self) -> str:
        return self.rng.choice(self.spaces)

    def number(self, text: str) -> str:
        """Digits as the page prints them: full-width, or ASCII."""
        if not self.ascii_digits:
            return text
        return _FULL_NUMBER.sub(lambda m: m.group(0).translate(_TO_ASCII), text)

    def spaced(self, line: str) -> str:
        """The extractor's spaces: around ASCII number runs, after some punctuation."""
        out: list[str] = []
        for i, ch in enumerate(line):
            prev = line[i - 1] if i else ""
            at_number = (prev.isascii() and _SAFE_CJK.match(ch) is not None) or (
                ch.isascii() and _SAFE_CJK.match(prev) is not None
            )
            if (at_number and self.rng.random() < self.digit_spaces) or (
                prev in "，。、；" and self.rng.random() < self.punct_spaces
            ):
                out.append(self.space())
            out.append(ch)
        return "".join(out)


_TO_ASCII = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


@dataclass
class _Story:
    """A story being laid out."""

    kind: str
    col: int
    stack: list[str] = field(default_factory=list)
    after: bool = False
    paragraphs: list[str] = field(default_factory=list)
    source: str | None = None
    credit: list[str] = field(default_factory=list)
    marker: str | None = None
    hint: bool = False
    lines: list[list[str]] = field(default_factory=list)

    def expected(self) -> Expected:
        """The item a perfect parser finds (rule 4 splits the stack)."""
        stack = [_clean(line) for line in self.stack]
        kicker = subtitle = None
        if len(stack) == 3 or (len(stack) == 2 and stack[0].endswith("——")):
            kicker = stack.pop(0)
        if len(stack) == 2:
            subtitle = stack.pop()
        return Expected(
            kicker=kicker,
            headline=stack[0] if stack else None,
            subtitle=subtitle,
            paragraphs=tuple(self.paragraphs),
            source=self.source,
            credit=" ".join(" ".join(c.split()) for c in self.credit) or None,
            marker=self.marker,
        )


def _clean(text: str) -> str:
    return "".join(text.split())


def width(text: str) -> float:
    """Printed width in ems: ASCII half, everything else one."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def _units(text: str) -> list[str]:
    """Pieces a line never breaks inside: ASCII runs, `——`, `……`, single characters."""
    return re.findall(r"[\x21-\x7e]+|——|……|.", text)


def wrap(text: str, col: int, first: int = 2) -> list[str]:
    """Break text into lines of `col` ems, the first `first` ems shorter."""
    lines: list[str] = []
    cur: list[str] = []
    used, limit = 0.0, col - first
    for unit in _units(text):
        w = width(unit)
        hangs = unit in _CLOSING and used <= limit + 2  # never start a line with them
        if cur and used + w > limit and not hangs:
            carry = [cur.pop()] if cur[-1] in _OPENING and len(cur) > 1 else []
            lines.append("".join(cur))
            cur, used, limit = carry, sum(width(u) for u in carry), col
        cur.append(unit)
        used += w
    if cur:
        lines.append("".join(cur))
    return lines


def generate(corpus: Corpus, seed: int) -> GenPage:
    """One page of text from the corpus, seeded, with its expected items."""
    rng = random.Random(seed)
    ascii_digits = rng.random() < 0.6
    style = _Style(
        rng,
        spaces=rng.choice([" ", " ", " \u00a0", " \u3000", "\u3000"]),
        ascii_digits=ascii_digits,
        digit_spaces=rng.choice([0.0, 0.9]) if ascii_digits else 0.0,
        punct_spaces=rng.choice([0.0, 0.0, 0.15]),
    )
    stories = [_story(corpus, rng, style) for _ in range(rng.randint(2, 6))]
    _disambiguate(stories)
    lines: list[tuple[str, bool]] = []
    header = None
    if rng.random() < 0.3:
        header = _header(corpus, rng, style)
        lines.append((header, False))
    for story in stories:
        lines.extend(_lay_out(story, style))
    text = _join(lines, rng)
    expected = tuple(s.expected() for s in stories)
    header = " ".join(header.split()) if header else None
    return GenPage(seed, text, header, expected)


def _header(corpus: Corpus, rng: random.Random, style: _Style) -> str:
    day = rng.randint(1, 31)
    parts = [
        style.number(str(rng.randint(1, 16))),
        rng.choice(_SECTIONS),
        style.number(f"1998年1月{day}日"),
        f"星期{_WEEKDAYS[(day + 2) % 7]}",
        f"责任编辑：{rng.choice(corpus.captions)[2]}",
    ]
    return style.space().join(parts)


def _story(corpus: Corpus, rng: random.Random, style: _Style) -> _Story:
    kind = rng.choices(("article", "caption", "brief"), (6, 2, 2))[0]
    story = _Story(kind, col=rng.randint(8, 20), hint=rng.random() < 0.5)
    if kind == "caption":
        text, role, name = rng.choice(corpus.captions)
        story.paragraphs = [style.number(text)]
        story.credit = _credit(rng, style, role, name)
        _wrap_story(story, style)
        return story
    count = rng.choice((1, 1, 2)) if kind == "brief" else rng.randint(1, 6)
    at = rng.randrange(len(corpus.paragraphs) - count)
    story.paragraphs = [style.number(p) for p in corpus.paragraphs[at : at + count]]
    while len(story.paragraphs) > 1 and sum(map(len, story.paragraphs)) > 1500:
        story.paragraphs.pop()
    if kind == "brief":
        story.marker = rng.choice(MARKERS)
    _wrap_story(story, style)
    if kind == "brief":
        return story
    if rng.random() < 0.85:
        story.stack = _stack(corpus, rng, style)
        story.after = rng.random() < 0.25
    if rng.random() < 0.4:
        story.source = f"（来源：{rng.choice(_SOURCES)}）"
    if story.after and story.source is None and not _CLOSED.search(story.paragraphs[-1]):
        story.after = False  # rule 3
    return story


def _wrap_story(story: _Story, style: _Style) -> None:
    """Wrap the paragraphs into the story's column, dropping any that break rule 5."""
    kept: list[str] = []
    last_full = False
    for para in story.paragraphs:
        text = f"{story.marker}{style.space()}{para}" if story.marker and not kept else para
        lines = wrap(text, story.col)
        if len(lines) == 1 and last_full:
            continue
        kept.append(para)
        story.lines.append(lines)
        last_full = width(lines[-1]) > story.col - 2
    story.paragraphs = kept


def _stack(corpus: Corpus, rng: random.Random, style: _Style) -> list[str]:
    def head() -> str:
        return style.number(rng.choice(corpus.headlines))

    shape = rng.choice(("h", "h", "hs", "h-s", "k-h", "khs", "k-h-s"))
    stack = [head()]
    if shape.startswith("k"):
        stack.insert(0, head() + ("——" if "-h" in shape else ""))
    if shape.endswith("s"):
        stack.append(("——" if "-s" in shape else "") + head())
    return stack


def _credit(rng: random.Random, style: _Style, role: str, name: str) -> list[str]:
    sp = style.space
    shape = rng.randrange(3)
    if shape == 0:
        return [f"{role}{sp()}{name}{sp()}摄" if role else f"{name}{sp()}摄"]
    if shape == 1:
        month, day = style.number(f"{rng.randint(1, 12)}"), style.number(f"{rng.randint(1, 28)}")
        if style.ascii_digits and style.digit_spaces:
            date = f"摄于{sp()}{month}{sp()}月{sp()}{day}{sp()}日"
        else:
            date = f"摄于{month}月{day}日"
        return [f"{role or '通讯员'}{sp()}{name}", date]
    return [f"（{role}{name}摄）"]


def _disambiguate(stories: list[_Story]) -> None:
    """Apply rules 2 and 3 of the module docstring."""
    for i, story in enumerate(stories):
        prev = stories[i - 1] if i else None
        body_first = not story.stack or story.after
        ended = prev is not None and not prev.after and bool(prev.source or prev.credit)
        if prev is not None and (prev.after or (body_first and not ended)):
            story.hint = True


def _lay_out(story: _Story, style: _Style) -> list[tuple[str, bool]]:
    """The story's printed lines, each with whether it starts the story."""
    out: list[tuple[str, bool]] = []
    stack = [(style.spaced(h).strip(), False) for h in story.stack]
    if stack and not story.after:
        out.extend(stack)
    for lines in story.lines:
        out.extend((style.spaced(line).strip(), False) for line in lines)
    if story.source:
        out.append((story.source, False))
    out.extend((c, False) for c in story.credit)
    if stack and story.after:
        out.extend(stack)
    if story.hint:
        out[0] = (style.space() + out[0][0], True)
    return out


def _join(lines: list[tuple[str, bool]], rng: random.Random) -> str:
    """Join printed lines as an extractor writes them."""
    double = rng.random() < 0.6
    single_before_hint = double and rng.random() < 0.5
    parts = ["\n" if rng.random() < 0.3 else ""]
    for n, (line, hinted) in enumerate(lines):
        if n:
            parts.append("\n" if not double or (hinted and single_before_hint) else "\n\n")
        parts.append(line)
    parts.append(rng.choice(["", "\n", "\n \n"]))
    text = "".join(parts)
    return text.replace("\n", "\r\n") if rng.random() < 0.2 else text


def chars(text: str) -> Counter[str]:
    """The multiset of non-whitespace characters of a text."""
    return Counter(c for c in text if not c.isspace())
