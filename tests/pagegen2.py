"""Generated pages in the shapes the first generator leaves out (issue 12), with the answer.

`tests/pagegen.py` keeps only layouts the parser already reads. This generator lays
corpus text out with what real page text holds and that one avoids:

- headlines as the corpus prints them, with ，：、“”《》, digits and Latin;
- bylines under the headline stack (`本报记者陈鹏`, `新华社记者 王 伟`, `本报记者 张三 李四`,
  `本报驻美国记者张亮`), and datelines on a line of their own;
- stories that start with no hint right after a closed paragraph (headline first);
- a story-start hint after a paragraph ending in a bracketed credit (`（张春启）`);
- closing marks that the extractor sets on a line of their own (`”`) or at the start
  of the next line (`）`);
- captions with credits in every form: at the end of the caption sentence
  (`…。（本报记者 吴萍磊 摄）`), on one line, split over two lines, `受访者供图`, captions
  that start `图为`;
- page furniture: masthead (`人民日报`) and date band (`1998年1月5日 星期一 第1版`), or a
  section header band;
- web paste: one paragraph a line, no indent, nothing wrapped.

A story whose first line is body text (no stack, no marker, not `图为`) still gets a
hint unless it opens the page or follows a source or credit: without one nothing in the
text shows where it starts. A two-line stack without dashes is headline and subtitle.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cache

from pagegen import CORPUS, MARKERS, Corpus, _join, _Style, load_corpus, width, wrap

_HEAD = re.compile(r"^[^\s（(【□■●○、，：0-9０-９“”]..{3,22}$")
_HEAD_BAD = re.compile(
    r"记者|通讯员|评论员|本报|新华社|摄|[电讯]$|星期|编辑|来源|[转见]第|版$|——|…|[。！？；（）]"
    r"|^[一二三四五六七八九十]+、|[，：、“《]$|^第.{1,3}[章节条]"
)
_NAME = re.compile(r"^(?:本报|新华社)(?:驻\S{2,5})?记者([\u4e00-\u9fff]{2,3})$")
_BRACKET_END = re.compile(r"。（[\u4e00-\u9fff]{2,4}）$")
_PICTURE = re.compile(r"^图为[^（）]{6,80}。$")
_STOPS = "。！？…"
_SECTIONS = ("要闻", "国内", "经济", "国际", "社会", "文化", "体育", "理论")
_WEEKDAYS = "一二三四五六日"
_PLACES = ("北京", "上海", "广州", "拉萨", "东京", "华盛顿", "莫斯科")
_OUTLETS = ("本报", "本报", "新华社")


@dataclass(frozen=True)
class Pools:
    """What the corpus gives beyond `Corpus`: headline lines, names, picture captions."""

    headlines: tuple[str, ...]
    names: tuple[str, ...]
    pictures: tuple[str, ...]
    credited: tuple[str, ...]


@cache
def load_pools() -> Pools | None:
    """Sort the corpus once more for the shapes of this generator."""
    if not CORPUS.exists():
        return None
    heads, names, pics, credited = [], [], [], []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if _HEAD.match(line) and not _HEAD_BAD.search(line):
            heads.append(line)
        elif m := _NAME.match(line):
            names.append(m.group(1))
        elif _PICTURE.match(line):
            pics.append(line)
        elif _BRACKET_END.search(line) and 40 <= len(line) <= 400 and line[0] not in "（(":
            credited.append(line)
    return Pools(tuple(heads), tuple(sorted(set(names))), tuple(pics), tuple(credited))


@dataclass
class Truth:
    """One item as a perfect parser finds it, in the shape of the Page JSON."""

    kind: str = "article"
    kicker: str | None = None
    headline: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    source: str | None = None
    credit: str | None = None
    marker: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The Page JSON fields of this item (no id, no derived headline)."""
        return dict(self.__dict__)


@dataclass(frozen=True)
class GenPage2:
    """A generated page: its text, its header and items."""

    seed: int
    text: str
    header: str | None
    items: tuple[Truth, ...]

    def truth(self) -> dict[str, object]:
        """The page in the shape of the Page JSON."""
        return {"header": self.header, "items": [t.to_dict() for t in self.items]}


@dataclass
class _Page:
    """A page being laid out: its style, lines (text, starts a story) and truth."""

    rng: random.Random
    style: _Style
    corpus: Corpus
    pools: Pools
    web: bool
    split_marks: float
    lines: list[tuple[str, bool]] = field(default_factory=list)
    items: list[Truth] = field(default_factory=list)
    ended: bool = True  # the text so far ends where a reader sees a story end

    def head(self) -> str:
        return self.style.number(self.rng.choice(self.pools.headlines))

    def name(self) -> str:
        name = self.rng.choice(self.pools.names)
        if len(name) == 2 and self.rng.random() < 0.4:
            name = f"{name[0]} {name[1]}"  # two-character names are set spaced out
        return name

    def add(self, lines: list[str], hint: bool) -> None:
        """Add a story's printed lines; a hint is a leading space on the first."""
        out = [(self.style.spaced(line).strip(), False) for line in lines]
        if hint:
            out[0] = (self.style.space() + out[0][0], True)
        self.lines.extend(out)

    def body(self, paragraphs: list[str], col: int) -> list[str]:
        """The paragraphs wrapped into a column (or one a line, pasted from the web)."""
        if self.web:
            return list(paragraphs)
        out: list[str] = []
        for para in paragraphs:
            lines = wrap(para, col)
            for n, line in enumerate(lines):
                split = len(line) > 1 and line[-1] in "”）" and self.rng.random() < self.split_marks
                if split and n + 1 < len(lines) and self.rng.random() < 0.5:
                    # The extractor starts the next line with the hanging mark.
                    out.append(line[:-1])
                    lines[n + 1] = line[-1] + lines[n + 1]
                elif split and line[-2] in _STOPS + "”":
                    out.extend((line[:-1], line[-1]))  # or sets it on a line of its own
                else:
                    out.append(line)
        return out


def generate2(seed: int, corpus: Corpus | None = None, pools: Pools | None = None) -> GenPage2:
    """One page, seeded, with its expected header and items."""
    corpus = corpus or load_corpus()
    pools = pools or load_pools()
    assert corpus is not None and pools is not None, "no corpus"
    rng = random.Random(seed)
    ascii_digits = rng.random() < 0.5
    style = _Style(
        rng,
        spaces=rng.choice([" ", " ", " \u00a0", " \u3000", "\u3000"]),
        ascii_digits=ascii_digits,
        digit_spaces=rng.choice([0.0, 0.9]) if ascii_digits else 0.0,
        punct_spaces=rng.choice([0.0, 0.0, 0.15]),
    )
    page = _Page(rng, style, corpus, pools, web=rng.random() < 0.12, split_marks=0.0)
    page.split_marks = rng.choice([0.0, 0.0, 0.5])
    header = _furniture(page) if rng.random() < 0.5 else None
    for _ in range(rng.randint(3, 7)):
        kind = rng.choices(("article", "caption", "brief"), (6, 2, 1))[0]
        if page.web and kind != "article":
            kind = "article"
        {"article": _article, "caption": _caption, "brief": _brief}[kind](page)
    text = _join(page.lines, rng)
    return GenPage2(seed, text, header, tuple(page.items))


def _furniture(page: _Page) -> str:
    """A masthead and date band (front page) or a header band (inner page)."""
    rng, sp = page.rng, page.style.space
    day = rng.randint(1, 31)
    date = page.style.number(f"1998年1月{day}日")
    weekday = f"星期{_WEEKDAYS[(day + 2) % 7]}"
    if rng.random() < 0.5:
        number = page.style.number(str(rng.randint(2, 12)))
        band = sp().join([number, rng.choice(_SECTIONS), date, weekday])
        if rng.random() < 0.6:
            band += f"{sp()}责任编辑：{page.name().replace(' ', '')}"
        lines = [band]
    else:
        band = sp().join([date, weekday, f"第{page.style.number('1')}版"])
        lines = ["人民日报", band] if rng.random() < 0.7 else ["人民日报" + sp() + band]
    page.lines.extend((line, False) for line in lines)
    return " ".join(" ".join(lines).split())


def _byline(page: _Page) -> str:
    rng = page.rng
    shape = rng.randrange(7)
    if shape == 0:
        return f"本报记者{page.name().replace(' ', '')}"
    if shape == 1:
        return f"新华社记者 {page.name()}"
    if shape == 2:
        return f"本报记者 {page.name()} {page.name()}"
    if shape == 3:
        return f"本报驻{rng.choice(('美国', '日本', '俄罗斯', '法国'))}记者{page.name()}"
    if shape == 4:
        return f"本报记者 {page.name()}{page.style.space()}通讯员 {page.name()}"
    if shape == 5:
        day = page.style.number(f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
        return f"{rng.choice(_OUTLETS)}{rng.choice(_PLACES)}{day}{rng.choice('电讯')}"
    return "本报评论员"


def _stack(page: _Page) -> list[str]:
    shape = page.rng.choice(("h", "h", "h", "hs", "h-s", "k-h", "khs", "k-h-s"))
    stack = [page.head()]
    if shape.startswith("k"):
        stack.insert(0, page.head() + ("——" if "-h" in shape else ""))
    if shape.endswith("s"):
        stack.append(("——" if "-s" in shape else "") + page.head())
    return stack


def _split(stack: list[str]) -> tuple[str | None, str | None, str | None]:
    stack = ["".join(line.split()) for line in stack]
    kicker = subtitle = None
    if len(stack) == 3 or (len(stack) == 2 and stack[0].endswith("——")):
        kicker = stack.pop(0)
    if len(stack) == 2:
        subtitle = stack.pop()
    return kicker, stack[0], subtitle


def _paragraphs(page: _Page, count: int) -> list[str]:
    paras = page.corpus.paragraphs
    at = page.rng.randrange(len(paras) - count)
    out = [page.style.number(p) for p in paras[at : at + count]]
    while len(out) > 1 and sum(map(len, out)) > 1200:
        out.pop()
    return out


def _article(page: _Page) -> None:
    rng = page.rng
    stack = _stack(page) if rng.random() < 0.9 or page.web else []
    byline = _byline(page) if stack and rng.random() < 0.5 else None
    paragraphs = _paragraphs(page, rng.randint(1, 5))
    credited = not page.web and rng.random() < 0.2
    if credited:
        paragraphs[-1] = page.style.number(rng.choice(page.pools.credited))
    outlet = rng.choice(("新华社", "本报综合", "经济日报"))
    source = f"（来源：{outlet}）" if rng.random() < 0.2 else None
    col = rng.randint(11, 20)
    lines = [*stack, *([byline] if byline else []), *page.body(paragraphs, col)]
    if source:
        lines.append(source)
    # A stack shows where its story starts; body text first needs a hint.
    hint = (not stack and not page.ended) or (not page.web and rng.random() < 0.4)
    page.add(lines, hint)
    kicker, headline, subtitle = _split(stack) if stack else (None, None, None)
    kind = "article" if stack or len(paragraphs) > 1 or source else "brief"
    page.items.append(
        Truth(kind, kicker, headline, subtitle, _norm(byline), paragraphs, source=source)
    )
    page.ended = bool(source)


def _caption(page: _Page) -> None:
    rng, sp = page.rng, page.style.space
    picture = rng.random() < 0.4 and page.pools.pictures
    if picture:
        text = page.style.number(rng.choice(page.pools.pictures))
        role, name = rng.choice(("", "本报记者 ", "新华社记者 ")), page.name()
    else:
        text, role, name = rng.choice(page.corpus.captions)
        text = page.style.number(text)
        role = f"{role} " if role else ""
    shape = rng.randrange(5)
    col = rng.randint(8, 16)
    if shape == 0:  # at the end of the caption sentence
        credit = f"（{role}{name}{sp()}摄）"
        lines = page.body([text + credit], col)
    elif shape == 1:
        credit = f"{role}{name}{sp()}摄"
        lines = [*page.body([text], col), credit]
    elif shape == 2:  # split over two lines
        if rng.random() < 0.5:
            first, second = f"（{role}{name}", "摄）"
        else:
            first, second = role.strip() or "新华社记者", f"{name}{sp()}摄"
        credit = f"{first} {second}"
        lines = [*page.body([text], col), first, second]
    elif shape == 3:
        credit = rng.choice(("受访者供图", "资料图片", f"{name}{sp()}供图"))
        lines = [*page.body([text], col), credit]
    else:
        day = page.style.number(f"{rng.randint(1, 12)} 月 {rng.randint(1, 28)} 日")
        credit = f"{role or '通讯员 '}{name}{sp()}摄于{sp()}{day}"
        lines = [*page.body([text], col), credit]
    hint = not page.ended and not text.startswith("图为")
    page.add(lines, hint or rng.random() < 0.3)
    page.items.append(Truth("caption", paragraphs=[text], credit=_norm(credit)))
    page.ended = True


def _brief(page: _Page) -> None:
    rng = page.rng
    marker = rng.choice(MARKERS)
    paragraphs = _paragraphs(page, rng.choice((1, 1, 2)))
    lines = page.body([f"{marker}{page.style.space()}{paragraphs[0]}", *paragraphs[1:]], 15)
    page.add(lines, rng.random() < 0.5)
    page.items.append(Truth("brief", paragraphs=paragraphs, marker=marker))
    page.ended = False


def _norm(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


__all__ = ["GenPage2", "Pools", "Truth", "generate2", "load_pools", "width"]
