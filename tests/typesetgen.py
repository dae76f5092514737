"""Newspaper pages set by a real typesetting engine, with their ground truth.

The second page generator of issue 12, written without looking at the parser: pages
are laid out the way broadsheets are set, by Typst (the `typst` package from PyPI)
with real OpenType CJK fonts (Noto Serif SC and Noto Sans SC, fetched from the npm
registry into a cache, never committed). Typst justifies the columns, squeezes and
hangs Chinese punctuation, spaces Latin and digits from CJK, and may set `——` as one
ligature glyph.

`generate(seed)` returns a `TypesetPage`: the PDF bytes and the items a perfect reader
finds, in reading order, in the shape of `reader parse --json` (DESIGN section 3).
What a page holds, seeded:

- 4 to 6 justified columns, body 9 to 10.5 pt serif, 11 to 15 ems a column;
- a front page: masthead (人民日报), date band (`1998年1月5日 星期一 第1版`); or an
  inner page: header band (`2 要闻 1998年1月5日 星期一 责任编辑 赵磊`) over a rule;
- rows of modules across the columns: stories (kicker in small type above the
  headline, headline in large bold type as the corpus has it, subtitle with or without
  `——`, byline or dateline, body flowing over the module's columns, source line),
  pictures (a grey box) with captions and credits in every form, a column of briefs
  (small headlines, or `■` with no headline) beside a lead story.

The text of the PDF as extractors write it: `pdfium_text` (pypdfium2's page text,
CRLF between lines) and `mupdf_text` (the same lines, `\\n\\n` between them); and,
emulated from PDFium's characters, `mupdfsplit_text` (MuPDF's line splits),
`layout_text` (`pdftotext -layout`) and `mupdfsort_text` (PyMuPDF's `sort=True`),
the last two with the columns at one height on one line.

    python tests/typesetgen.py --seed 3 --pages 2 --out /tmp/pages
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pd199801.txt"
FONT_DIR = Path(
    os.environ.get("READER_FONT_DIR", Path.home() / ".cache" / "reader-fonts")
).expanduser()

# npm packages that carry whole TrueType files of the fonts (the Google Fonts builds,
# SIL OFL): package -> files taken out of its tarball.
FONT_PACKAGES: dict[str, tuple[str, ...]] = {
    "@expo-google-fonts/noto-serif-sc@0.4.3": (
        "400Regular/NotoSerifSC_400Regular.ttf",
        "700Bold/NotoSerifSC_700Bold.ttf",
        "900Black/NotoSerifSC_900Black.ttf",
    ),
    "@expo-google-fonts/noto-sans-sc@0.4.3": (
        "400Regular/NotoSansSC_400Regular.ttf",
        "700Bold/NotoSansSC_700Bold.ttf",
        "900Black/NotoSansSC_900Black.ttf",
    ),
}
SERIF = "Noto Serif SC"
SANS = "Noto Sans SC"


def font_files() -> list[str]:
    """The names of the font files the pages need."""
    return [Path(f).name for files in FONT_PACKAGES.values() for f in files]


def fonts_ready(cache_dir: Path = FONT_DIR) -> bool:
    """Whether every font file is in the cache."""
    return all((cache_dir / name).is_file() for name in font_files())


def fetch_fonts(cache_dir: Path = FONT_DIR) -> Path | None:
    """Fill the font cache with `npm pack` (once); None when that cannot be done."""
    if fonts_ready(cache_dir):
        return cache_dir
    npm = shutil.which("npm")
    if npm is None:
        return None
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for package, files in FONT_PACKAGES.items():
            done = subprocess.run(
                [npm, "pack", package, "--silent"],
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            if done.returncode != 0:
                return None
            tarball = Path(tmp) / done.stdout.strip().splitlines()[-1]
            with tarfile.open(tarball) as tar:
                for name in files:
                    member = tar.extractfile(f"package/{name}")
                    if member is None:
                        return None
                    part = cache_dir / (Path(name).name + ".part")
                    part.write_bytes(member.read())
                    part.replace(cache_dir / Path(name).name)
            tarball.unlink()
    return cache_dir if fonts_ready(cache_dir) else None


# --- the corpus, sorted by this generator's own reading of it --------------------------

_CLOSE = "。！？”」）…"
_SPECIAL = re.compile("[，：、“”《》0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_NOT_HEAD_START = ("本报", "新华社", "记者", "通讯员", "（", "(", "图片", "附")
_ENUM = re.compile(r"^[０-９0-9一二三四五六七八九十]+[、．.]")
_ATTACHED = re.compile(r"（(附)?图片[０-９0-9]*张?）$|（图片）$")
_PHOTO = re.compile(r"^(.{15,120}[。！”])（([^（）]{2,16}摄)）$")
_DATELINE = re.compile(r"^(本报|新华社|据新华社).{0,16}(电|讯)")


@dataclass(frozen=True)
class Corpus:
    """Headline lines (plain and with punctuation or digits), bodies and photo captions."""

    heads: tuple[str, ...]
    special_heads: tuple[str, ...]
    bodies: tuple[tuple[str, ...], ...]
    photos: tuple[tuple[str, str], ...]


def _cjk(line: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in line)


def _head_like(line: str) -> bool:
    return (
        4 <= len(line) <= 24
        and _cjk(line) >= max(4, 0.6 * len(line))
        and line[-1] not in "。！？，；：、…）"
        and not line.startswith(_NOT_HEAD_START)
        and not _ENUM.match(line)
        and "摄" not in line
    )


def _para_like(line: str) -> bool:
    return len(line) >= 24 and line[-1] in _CLOSE and line[0] not in "（(" and "摄）" not in line


def _trim(par: str, limit: int = 240) -> str:
    """A long paragraph cut at a sentence end, so a page stays a page."""
    if len(par) <= limit:
        return par
    cut = par.rfind("。", 0, limit)
    return par[: cut + 1] if cut > 40 else par


@cache
def load_corpus(path: Path = CORPUS) -> Corpus | None:
    """Sort the corpus lines; None when the corpus is not beside this checkout."""
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    heads: list[str] = []
    bodies: list[tuple[str, ...]] = []
    photos: list[tuple[str, str]] = []
    run: list[str] = []
    for i, raw in enumerate(lines):
        line = raw.strip()
        if m := _PHOTO.match(line):
            photos.append((m.group(1), m.group(2)))
            continue
        bare = _ATTACHED.sub("", line)
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _head_like(bare) and (_para_like(nxt) or _head_like(nxt)):
            heads.append(bare)
        if _para_like(line) and not _DATELINE.match(line):
            run.append(_trim(line))
        elif run:
            bodies.append(tuple(run))
            run = []
    if run:
        bodies.append(tuple(run))
    plain = tuple(h for h in heads if not _SPECIAL.search(h))
    special = tuple(h for h in heads if _SPECIAL.search(h))
    return Corpus(plain, special, tuple(bodies), tuple(photos))


# --- the model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One item as a perfect reader finds it (DESIGN section 3)."""

    kind: str = "article"
    kicker: str | None = None
    headline: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    paragraphs: tuple[str, ...] = ()
    source: str | None = None
    credit: str | None = None
    marker: str | None = None

    def texts(self) -> list[str]:
        """Every field that holds printed characters."""
        fields = (self.kicker, self.headline, self.subtitle, self.byline, self.source)
        rest = (self.credit, self.marker)
        return [t for t in (*fields, *self.paragraphs, *rest) if t]


@dataclass(frozen=True)
class TypesetPage:
    """A typeset page: the PDF and its ground truth."""

    seed: int
    page: int
    header: str | None
    items: tuple[Item, ...]
    source: str  # the Typst markup
    pdf: bytes = field(repr=False)

    def truth(self, paper: str = "p", issue: str = "1998-01-05") -> dict[str, Any]:
        """The ground truth as `reader parse --json` writes a page."""
        items = []
        for n, it in enumerate(self.items, start=1):
            # A writer's or an agency's note set alone at a story's end (`（张三）`,
            # `（据新华社电）`) is its last paragraph, as the 1998 corpus prints such notes;
            # `source` is the `（来源：…）` line (DESIGN section 3; bench/README, para19).
            note = it.source is not None and not it.source.startswith("（来源：")
            items.append(
                {
                    "id": f"{paper}/{issue}/{self.page:02d}/{n}",
                    "kind": it.kind,
                    "kicker": it.kicker,
                    "headline": it.headline,
                    "subtitle": it.subtitle,
                    "derived_headline": None,
                    "paragraphs": [*it.paragraphs, it.source] if note else list(it.paragraphs),
                    "byline": it.byline,
                    "source": None if note else it.source,
                    "credit": it.credit,
                    "marker": it.marker,
                }
            )
        return {
            "paper": paper,
            "issue": issue,
            "page": self.page,
            "header": self.header,
            "items": items,
        }

    def chars(self) -> Counter[str]:
        """Non-whitespace characters of the truth, as a multiset."""
        return chars(self.header, *(t for it in self.items for t in it.texts()))


def chars(*texts: str | None) -> Counter[str]:
    """Non-whitespace characters, as a multiset (DESIGN section 3)."""
    return Counter(c for t in texts if t for c in t if not c.isspace())


# --- Typst markup --------------------------------------------------------------------------


def _s(text: str) -> str:
    """A Typst string literal."""
    return json.dumps(text, ensure_ascii=False)


PREAMBLE = """\
#let balanced(n, gutter, slack, body) = layout(size => {
  if n == 1 { body } else {
    let w = (size.width - (n - 1) * gutter) / n
    let h = measure(block(width: w, body)).height
    block(height: h / n + slack, columns(n, gutter: gutter, body))
  }
})
"""


@dataclass
class _Style:
    """The type of one page."""

    columns: int
    body: float  # pt
    column: float  # pt
    gutter: float  # pt
    head_font: str
    head_weight: str
    caption_font: str
    leading: float  # em

    @property
    def width(self) -> float:
        return self.columns * self.column + (self.columns - 1) * self.gutter

    def span(self, n: int) -> float:
        return n * self.column + (n - 1) * self.gutter


_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红鹏萍雪松海燕立群振宇春启"
_CITIES = ("北京", "上海", "广州", "天津", "重庆", "南京", "武汉", "成都", "西安", "沈阳", "杭州")
_SECTIONS = ("要闻", "经济", "国际", "社会", "文化", "体育", "理论", "副刊", "科教")
_SOURCES = ("新华社", "经济日报", "光明日报", "中国青年报", "工人日报", "农民日报")
_WEEKDAY = "一二三四五六日"


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 1, 2))))
    return rng.choice(_SURNAMES) + given


def _date(day: int, full_width: bool = False) -> str:
    text = f"1998年1月{day}日"
    return (
        text.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if full_width else text
    )


def _byline(rng: random.Random, day: int) -> list[str]:
    """Byline lines as printed under a headline."""
    a, b = _name(rng), _name(rng)
    spaced = " ".join(a) if len(a) == 2 else a
    city = rng.choice(_CITIES)
    forms = [
        [f"本报记者{a}"],
        [f"本报记者 {a}"],
        [f"新华社记者 {spaced}"],
        [f"本报记者 {a} {b}"],
        [f"本报记者 {a} 通讯员 {b}"],
        [f"本报{city}1月{day}日讯"],
        [f"新华社{city}1月{day}日电"],
        [f"本报记者 {a}", f"本报{city}1月{day}日讯"],
    ]
    return rng.choice(forms)


def _credit_forms(rng: random.Random, corpus_credit: str | None) -> tuple[str, list[str], str]:
    """(inline tail or "", credit lines, the credit as the truth holds it)."""
    name = _name(rng)
    day = rng.randint(1, 28)
    role = rng.choice(("本报记者", "新华社记者", "通讯员", "本报通讯员"))
    form = rng.randrange(6)
    if form == 0 and corpus_credit:
        credit = f"（{corpus_credit}）"
        return credit, [], credit
    if form in (0, 1):
        credit = f"（{role} {name} 摄）"
        return credit, [], credit
    if form == 2:
        credit = f"{role} {name} 摄"
        return "", [credit], credit
    if form == 3:
        lines = [f"{role} {name}", f"摄于1月{day}日"]
        return "", lines, " ".join(lines)
    if form == 4:
        credit = rng.choice(("（受访者供图）", "（资料图片）", "（新华社发）"))
        return credit, [], credit
    credit = rng.choice(("受访者供图", f"新华社记者 {name} 摄", f"{name} 摄"))
    return "", [credit], credit


def photo_text(rng: random.Random, corpus: Corpus) -> tuple[str, str, list[str], str]:
    """A picture's caption, the credit written after it, the credit's own lines and the
    credit as the truth has it, drawn in this order (texgen and logen draw theirs here too,
    so a page's draws stay the same for the same seed)."""
    if corpus.photos and rng.random() < 0.5:
        caption, corpus_credit = rng.choice(corpus.photos)
    else:
        caption, corpus_credit = rng.choice(rng.choice(corpus.bodies)), None
    if rng.random() < 0.25:
        caption = "图为" + rng.choice(rng.choice(corpus.bodies))[:60].rstrip("，、；：") + "。"
    tail, lines, credit = _credit_forms(rng, corpus_credit)
    return caption, tail, lines, credit


class _Builder:
    """Lays one page out: Typst markup and the items in reading order."""

    def __init__(self, corpus: Corpus, rng: random.Random, style: _Style) -> None:
        self.corpus = corpus
        self.rng = rng
        self.style = style
        self.items: list[Item] = []
        self.day = rng.randint(1, 31)

    # text pieces

    def headline(self) -> str:
        pool = self.corpus.special_heads if self.rng.random() < 0.45 else self.corpus.heads
        return self.rng.choice(pool)

    def kicker(self) -> str:
        while True:
            line = self.rng.choice(self.corpus.heads)
            if len(line) <= 16 and "——" not in line:
                return line

    def subtitle(self) -> str:
        line = self.headline()
        return "——" + line if self.rng.random() < 0.5 and "—" not in line else line

    def body(self, least: int, most: int) -> tuple[str, ...]:
        """Consecutive paragraphs of one corpus article, as many as it has up to a count."""
        count = self.rng.randint(least, most)
        for _ in range(20):
            run = self.rng.choice(self.corpus.bodies)
            if len(run) >= count:
                break
        start = self.rng.randrange(max(1, len(run) - count + 1))
        return run[start : start + count]

    # markup

    def line(
        self,
        text: str,
        size: float,
        font: str = SERIF,
        weight: str = "regular",
        align: str = "left",
        above: float = 2,
        below: float = 2,
    ) -> str:
        """A block of display type (no justification, no indent)."""
        return (
            f"#block(width: 100%, above: {above}pt, below: {below}pt)["
            f"#set par(justify: false, first-line-indent: 0pt, leading: 0.3em)\n"
            f"#align({align}, text(size: {size}pt, font: {_s(font)}, weight: {_s(weight)}, "
            f"{_s(text)}))]\n"
        )

    def paragraphs(self, paragraphs: tuple[str, ...] | list[str]) -> str:
        return "\n\n".join(f"#{_s(p)}" for p in paragraphs) + "\n"

    # modules

    def story(self, span: int, lead: bool = False, body: tuple[int, int] = (1, 4)) -> str:
        rng = self.rng
        kicker = self.kicker() if rng.random() < 0.35 else None
        headline = self.headline()
        subtitle = self.subtitle() if rng.random() < 0.4 else None
        byline = _byline(rng, self.day) if rng.random() < 0.7 else []
        paragraphs = self.body(*body)
        source = None
        if rng.random() < 0.2:
            source = rng.choice(
                (f"（来源：{rng.choice(_SOURCES)}）", "（据新华社电）", f"（{_name(rng)}）")
            )
        item = Item(
            kicker=kicker,
            headline=headline,
            subtitle=subtitle,
            byline=" ".join(byline) or None,
            paragraphs=paragraphs,
            source=source,
        )
        return self.set_story(span, lead, item, byline)

    def set_story(self, span: int, lead: bool, item: Item, byline: list[str]) -> str:
        """A story's module from its item (`byline`: the item's byline, line by line)."""
        rng, st = self.rng, self.style
        kicker, headline, subtitle = item.kicker, item.headline or "", item.subtitle
        size = st.body * (rng.uniform(2.6, 3.6) if lead else rng.uniform(1.5, 2.4))
        # Shrunk to fit its columns on one line, but never below 1.3 times the body: a
        # headline set smaller than the text under it is no headline (it wraps instead),
        # and its kicker and subtitle, set at about half its size, never go below the
        # body size (a 4.5 pt kicker on 10 pt text is unprinted, not a harder page).
        size = max(min(size, st.span(span) / max(4, min(len(headline), 12))), 1.3 * st.body)
        small = st.body
        align = rng.choice(("left", "center")) if span > 1 else "left"
        font = st.head_font if rng.random() < 0.8 else SANS
        out = []
        gap = round(size * 0.25, 1)
        if kicker:
            k_size = round(max(size * 0.5, small), 1)
            out.append(self.line(kicker, k_size, SERIF, "bold", align, 4, gap))
        out.append(self.line(headline, round(size, 1), font, st.head_weight, align, gap, gap))
        if subtitle:
            sub_font = rng.choice((SERIF, SANS))
            s_size = round(max(size * 0.55, small), 1)
            out.append(self.line(subtitle, s_size, sub_font, "bold", align, gap, gap))
        for i, text in enumerate(byline):
            below = 5 if i == len(byline) - 1 else 1
            out.append(self.line(text, st.body, SANS, "regular", align, 2, below))
        text = self.paragraphs(item.paragraphs)
        if item.source:
            text += f"\n#align(right)[#{_s(item.source)}]\n"
        slack = st.body * (1 + st.leading) * 1.5
        out.append(f"#balanced({span}, {st.gutter}pt, {slack:.1f}pt)[\n{text}]\n")
        self.items.append(item)
        return "".join(out)

    def photo(self, span: int) -> str:
        caption, tail, lines, credit = photo_text(self.rng, self.corpus)
        return self.set_photo(span, caption, tail, lines, credit)

    def set_photo(
        self,
        span: int,
        caption: str,
        tail: str,
        lines: list[str],
        credit: str,
        headline: str | None = None,
    ) -> str:
        """A picture and its caption: `tail` run on after it, `lines` under it; a picture
        story's `headline` in bold over the caption."""
        rng, st = self.rng, self.style
        height = st.span(span) * rng.uniform(0.45, 0.75)
        size = round(st.body * rng.uniform(0.85, 0.95), 1)
        font = st.caption_font
        out = [
            f"#block(above: 6pt, below: 4pt, rect(width: 100%, height: {height:.0f}pt, "
            "fill: luma(205), stroke: none))\n"
        ]
        if headline:
            out.append(self.line(headline, round(st.body * 1.2, 1), SANS, "bold", "left", 3, 1))
        out.append(
            f"#block(above: 3pt, below: 2pt)[#set par(first-line-indent: 0pt, leading: 0.45em)\n"
            f"#text(size: {size}pt, font: {_s(font)}, {_s(caption + tail)})]\n"
        )
        align = rng.choice(("right", "left"))
        for text in lines:
            out.append(self.line(text, size, font, "regular", align, 1, 1))
        self.items.append(
            Item(kind="caption", headline=headline, paragraphs=(caption,), credit=credit)
        )
        return "".join(out)

    def briefs(self) -> str:
        rng, st = self.rng, self.style
        out = []
        for n in range(rng.randint(2, 4)):
            if n:
                out.append("#line(length: 100%, stroke: 0.4pt)\n")
            body = self.body(1, 1)
            if rng.random() < 0.3:
                marker = rng.choice("■●□")
                out.append(
                    f"#block(above: 4pt, below: 4pt)[#{_s(marker)}#h(0.3em)#{_s(body[0])}]\n"
                )
                self.items.append(Item(kind="brief", paragraphs=body, marker=marker))
                continue
            headline = rng.choice(self.corpus.heads + self.corpus.special_heads)
            out.append(self.line(headline, round(st.body * 1.3, 1), SANS, "bold", "left", 5, 3))
            out.append(self.paragraphs(body))
            self.items.append(Item(headline=headline, paragraphs=body))
        return "".join(out)

    # page furniture

    def furniture(self, page: int) -> tuple[str, str]:
        """The masthead and date band, or the header band; and the header text."""
        rng, st = self.rng, self.style
        date = dt.date(1998, 1, self.day)
        weekday = f"星期{_WEEKDAY[date.weekday()]}"
        when = _date(self.day, full_width=rng.random() < 0.2)
        if page == 1:
            band = [f"{when} {weekday}", f"第{page}版"]
            if rng.random() < 0.5:
                band.append(f"今日{rng.choice((12, 16, 20))}版")
            masthead = "人民日报"
            size = round(st.body * rng.uniform(5, 7), 1)
            where = rng.choice(("center", "left"))
            out = self.line(masthead, size, SANS, "black", where, 0, round(size * 0.3, 1))
            band_cells = ", ".join(f"[#{_s(t)}]" for t in band)
            out += (
                f"#block(above: 4pt, below: 2pt)[#set par(first-line-indent: 0pt)\n"
                f"#grid(columns: ({', '.join('1fr' for _ in band)}), {band_cells})]\n"
                "#line(length: 100%, stroke: 1.2pt)\n"
            )
            return out, " ".join([masthead, *band])
        section = rng.choice(_SECTIONS)
        editor = rng.choice(("责任编辑 ", "责任编辑：")) + _name(rng)
        cells = [str(page), section, f"{when} {weekday}", editor]
        sizes = [st.body * 2.4, st.body * 1.6, st.body, st.body]
        weights = ["black", "bold", "regular", "regular"]
        if rng.random() < 0.5:  # even pages carry the number on the left, odd on the right
            cells, sizes, weights = cells[::-1], sizes[::-1], weights[::-1]
        body = ", ".join(
            f"align(horizon, text(size: {s:.1f}pt, font: {_s(SANS)}, weight: {_s(w)}, {_s(c)}))"
            for c, s, w in zip(cells, sizes, weights, strict=True)
        )
        out = (
            f"#block(below: 3pt)[#set par(first-line-indent: 0pt)\n"
            f"#grid(columns: (auto, auto, 1fr, auto), column-gutter: 14pt, {body})]\n"
            "#line(length: 100%, stroke: 1.5pt)\n"
        )
        return out, " ".join(cells)

    # rows

    def row(self, spans: list[str]) -> str:
        """A row of modules; `spans` like ["story:3", "briefs:1"]."""
        st = self.style
        widths, cells = [], []
        for cell in spans:
            kind, n = cell.split(":")
            span = int(n)
            widths.append(f"{st.span(span):.2f}pt")
            if kind == "lead":
                content = self.story(span, lead=True, body=(3, 8))
            elif kind == "story":
                content = self.story(span, body=(span, 1 + 2 * span))
            elif kind == "photo":
                content = self.photo(span)
            else:
                content = self.briefs()
            cells.append(f"[\n{content}]")
        return (
            f"#block(above: 6pt, below: 6pt, grid(columns: ({', '.join(widths)},), "
            f"column-gutter: {st.gutter}pt, {', '.join(cells)}))\n"
        )


def _rows(rng: random.Random, n: int, front: bool) -> list[list[str]]:
    """Which modules sit in which rows, each row filling the n columns."""
    rows: list[list[str]] = []
    if front or rng.random() < 0.5:
        rows.append(rng.choice([[f"lead:{n - 1}", "briefs:1"], [f"lead:{n}"]]))
    for _ in range(rng.randint(2, 3)):
        left = n
        row = []
        while left:
            span = rng.randint(1, min(3, left))
            kind = rng.choices(("story", "photo", "briefs"), (6, 2, 1 if span == 1 else 0))[0]
            row.append(f"{kind}:{span}")
            left -= span
        if all(c.startswith("photo") for c in row):
            row[0] = "story:" + row[0].split(":")[1]
        rows.append(row)
    return rows


@cache
def _compiler() -> Any:
    import typst

    return typst.Compiler(font_paths=[str(FONT_DIR)], ignore_system_fonts=True)


def layout(
    seed: int, corpus: Corpus, builder: type[_Builder] | None = None
) -> tuple[int, str | None, tuple[Item, ...], str]:
    """The page number, header, items and Typst markup of one seeded page (`builder`: a
    `_Builder` that picks its stories otherwise, bench/wholegen.py's)."""
    rng = random.Random(seed)
    n = rng.choice((4, 5, 6))
    style = _Style(
        columns=n,
        body=rng.choice((9.0, 9.5, 10.0, 10.5)),
        column=0.0,
        gutter=0.0,
        head_font=rng.choice((SERIF, SANS)),
        head_weight=rng.choice(("bold", "black")),
        caption_font=rng.choice((SANS, SERIF)),
        leading=rng.uniform(0.45, 0.7),
    )
    style.column = style.body * rng.randint(11, 15)
    style.gutter = style.body * rng.uniform(1.0, 1.6)
    page = 1 if rng.random() < 0.35 else rng.randint(2, 16)
    b = (builder or _Builder)(corpus, rng, style)
    furniture, header = b.furniture(page)
    rows = _rows(rng, n, page == 1)
    body = "#line(length: 100%, stroke: 0.5pt)\n".join(b.row(r) for r in rows)
    margin = 36
    markup = (
        f"#set page(width: {style.width + 2 * margin:.2f}pt, height: auto, margin: {margin}pt)\n"
        f'#set text(font: {_s(SERIF)}, size: {style.body}pt, lang: "zh", region: "cn", '
        "hyphenate: false)\n"
        f"#set par(justify: true, leading: {style.leading:.2f}em, "
        f"spacing: {style.leading:.2f}em, first-line-indent: (amount: 2em, all: true))\n"
        + PREAMBLE
        + furniture
        + body
    )
    return page, header, tuple(b.items), markup


def generate(
    seed: int, corpus: Corpus | None = None, builder: type[_Builder] | None = None
) -> TypesetPage:
    """One typeset page from the corpus, seeded (fonts and corpus must be there)."""
    corpus = corpus or load_corpus()
    if corpus is None:
        raise FileNotFoundError(CORPUS)
    if not fonts_ready():
        raise FileNotFoundError(f"fonts not in {FONT_DIR}: run fetch_fonts()")
    page, header, items, markup = layout(seed, corpus, builder)
    pdf = _compiler().compile(input=markup.encode("utf-8"), timestamp=0)
    return TypesetPage(seed, page, header, items, markup, pdf)


# --- text as extractors write it ---------------------------------------------------------


def pdfium_text(pdf: bytes, bounded: bool = False) -> str:
    """The first page's text from PDFium (`get_text_range`, or `get_text_bounded`)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        textpage = doc[0].get_textpage()
        text: str = textpage.get_text_bounded() if bounded else textpage.get_text_range()
        return text
    finally:
        doc.close()


def mupdf_text(pdf: bytes) -> str:
    """The same lines in the shape MuPDF writes: `\\n\\n` between visual lines."""
    lines = pdfium_text(pdf).replace("\r\n", "\n").split("\n")
    return "\n\n".join(line.rstrip() for line in lines) + "\n"


# MuPDF's stext device starts a new line where a glyph is not where the pen left off:
# an em or so back (after a squeezed `、` the next `《` sits where `、` does) or a gap
# wider than a space. Measured against PyMuPDF 1.28 `page.get_text()` on seeds 1-40:
# 99.97% of the lines written here are lines it writes, and 99.93% of its lines are here.
_MUPDF_BACK = -0.8  # ems behind the pen
_MUPDF_GAP = 0.5  # ems past it


def mupdfsplit_text(pdf: bytes) -> str:
    """The first page's text with lines split where MuPDF splits them (no blank lines).

    An emulation from PDFium's characters (PyMuPDF is AGPL and no dependency): each
    character's origin against the pen, that is the previous glyph's origin plus its
    advance (PDFium's loose box), in ems of the character's size. The pieces of one
    glyph (a `——` ligature) share a box and are never split. Lines stay in PDFium's
    order; spaces as PDFium writes them. These lines are `_runs` with the spaces kept.
    """
    return "".join(f"{run.text.strip()}\n" for run in _runs(pdf, "keep") if run.text.strip())


@dataclass(frozen=True)
class _Run:
    """A run of glyphs MuPDF keeps on one line, with its box (points, y down) and size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float
    size: float


def _runs(pdf: bytes, spaces: Literal["drop", "break", "keep"] = "drop") -> list[_Run]:
    """PDFium's characters in runs, broken where MuPDF breaks a line (the pen jumps
    back, or half an em on, `_MUPDF_BACK` / `_MUPDF_GAP`): the words MuPDF builds a
    page's text from. PDFium's spaces: dropped; "break": a run ends at each (poppler's
    words); "keep": inside the run (MuPDF's lines, `mupdfsplit_text`)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        height = page.get_height()
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        x, y = ctypes.c_double(), ctypes.c_double()
        runs: list[_Run] = []
        chars: list[str] = []
        box = [0.0, 0.0, 0.0, 0.0]  # x0, x1, top, bottom
        base = size = 0.0
        pen: tuple[float, float] | None = None
        last_box: tuple[float, float, float, float] | None = None

        def close() -> None:
            if chars:
                runs.append(_Run("".join(chars), box[0], box[1], box[2], box[3], base, size))
                chars.clear()

        for k in range(min(textpage.count_chars(), len(text))):
            char = text[k]
            if char == " " and spaces == "drop":
                continue  # PDFium's own space: a word breaks only where the pen jumps
            if char == " " and spaces == "keep":
                if chars:
                    chars.append(char)
                continue
            if char == " ":
                close()
                continue
            if char in "\r\n":
                close()
                pen = None
                continue
            left, bottom, right, top = textpage.get_charbox(k, loose=True)
            if pen is not None and (left, bottom, right, top) == last_box:
                chars.append(char)  # another character of the same glyph
                continue
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, k, ctypes.byref(x), ctypes.byref(y))
            font = pdfium_c.FPDFText_GetFontSize(textpage.raw, k) or 1.0
            if pen is not None:
                ahead, off = (x.value - pen[0]) / font, abs(y.value - pen[1]) / font
                if ahead < _MUPDF_BACK or ahead > _MUPDF_GAP or off > 0.5:
                    close()
            if not chars:
                box = [left, right, height - top, height - bottom]
                base, size = height - y.value, font
            box = [
                min(box[0], left),
                max(box[1], right),
                min(box[2], height - top),
                max(box[3], height - bottom),
            ]
            chars.append(char)
            pen, last_box = (x.value + right - left, y.value), (left, bottom, right, top)
        close()
    finally:
        doc.close()
    return runs


def mupdfsort_text(pdf: bytes) -> str:
    """The first page's text as PyMuPDF's `get_text("text", sort=True)` writes it.

    An emulation from PDFium's characters (PyMuPDF is AGPL, no dependency), of what
    that mode does with MuPDF's words: words sorted by their bottom edge and gathered
    into a line while their top or bottom is within 3 pt of the line's, each line
    left to right; a word set after as many spaces as its own character width goes
    into the gap before it (so columns at one height make one line, a gutter one to
    three spaces); lines sorted by their bottom, and as many line breaks as the gap
    above a line holds its height (none when the lines overlap: they run together).
    """
    words = sorted(_runs(pdf), key=lambda r: (r.bottom, r.x0))
    if not words:
        return ""
    sequence = [w for line in _gather(words) for w in sorted(line, key=lambda w: w.x0)]
    lines = sorted(_gather(sequence), key=lambda line: max(w.bottom for w in line))
    left = min(w.x0 for w in words)
    out: list[str] = []
    prev_bottom = 0.0
    for n, line in enumerate(lines):
        text, end = "", left
        for w in sorted(line, key=lambda w: w.x0):
            per = (w.x1 - w.x0) / len(w.text)
            gap = round((w.x0 - end) / per) if per > 0 else 0
            text += " " * max(gap, 0 if (end == left or w.x0 <= end) else 1) + w.text
            end = w.x1
        top = min(w.top for w in line)
        bottom = max(w.bottom for w in line)
        if n:
            out.append("\n" * (min(round((top - prev_bottom) / (bottom - top)), 5) + 1))
        out.append(text)
        prev_bottom = bottom
    return "".join(out)


def _gather(words: list[_Run]) -> list[list[_Run]]:
    """Words in order gathered into lines: while a word's top or bottom is within 3 pt
    of the line's so far."""
    lines: list[list[_Run]] = []
    top = bottom = 0.0
    for w in words:
        if lines and (abs(w.top - top) <= 3 or abs(w.bottom - bottom) <= 3):
            lines[-1].append(w)
            top, bottom = min(top, w.top), max(bottom, w.bottom)
        else:
            lines.append([w])
            top, bottom = w.top, w.bottom
    return lines


_POPPLER_JOIN = 3.5  # ems: runs on one baseline closer than this make one line
_POPPLER_APART = 4  # cells between a block and the blocks on its left


def layout_text(pdf: bytes) -> str:
    """The first page's text as `pdftotext -layout` (poppler) writes it: an emulation.

    From PDFium's characters, after what poppler's physical layout does: runs on one
    baseline and of one size closer than 3.5 ems make a line (the columns of a story
    set on one baseline come out as one line, one space at each gutter); lines stacked
    in one column make a block; each block is given a starting cell after the blocks
    wholly on its left (their own cell and width plus a gap), or at its share of the
    width of a block it lies under (a header band across the page sets the grid);
    then the lines are written by baseline, each padded with spaces to its cell,
    a line whose cell is already passed starting a new one.
    """
    runs = sorted(_runs(pdf, "break"), key=lambda r: (round(r.base, 1), r.x0))
    lines: list[list[_Run]] = []
    for r in runs:
        last = lines[-1][-1] if lines else None
        if (
            last is not None
            and abs(r.base - last.base) < 0.1 * r.size
            and abs(r.size - last.size) < 0.05 * r.size
            and 0 <= r.x0 - last.x1 < _POPPLER_JOIN * r.size
        ):
            lines[-1].append(r)
        else:
            lines.append([r])
    blocks: list[list[list[_Run]]] = []
    for line in sorted(lines, key=lambda ln: (ln[0].base, ln[0].x0)):
        x0, x1, size = line[0].x0, line[-1].x1, line[0].size
        home = None
        for block in reversed(blocks):
            tail = block[-1]
            if (
                0 < line[0].base - tail[0].base < 2.2 * size
                and abs(tail[0].size - size) < 0.05 * size
                and x0 < tail[-1].x1
                and tail[0].x0 < x1
            ):
                home = block
                break
        if home is None:
            blocks.append([line])
        else:
            home.append(line)
    placed = sorted(_poppler_cells(blocks), key=lambda item: (item[1][0].base, item[0]))
    groups: list[list[tuple[int, list[_Run]]]] = []
    for item in placed:  # lines on one baseline, within half the first one's size
        head = groups[-1][0][1][0] if groups else None
        if head is not None and item[1][0].base - head.base < 0.5 * head.size:
            groups[-1].append(item)
        else:
            groups.append([item])
    out: list[str] = []
    prev: _Run | None = None
    for group in groups:
        first = group[0][1][0]
        if prev is not None:
            out.append("\n" * min(max(int((first.base - prev.base) / first.size), 1), 5))
        cursor = 0
        for cell, line in sorted(group, key=lambda item: item[0]):
            text = _poppler_line(line)
            if cell < cursor:  # its cell is passed: poppler starts a new line
                out.append("\n")
                cursor = 0
            out.append(" " * (cell - cursor) + text)
            cursor = cell + len(text)
        prev = first
    return "".join(out) + "\n"


def _poppler_line(line: list[_Run]) -> str:
    """A line's runs with a space at each gap, more at a gap of several ems."""
    out = [line[0].text]
    for a, b in itertools.pairwise(line):
        out.append(" " * max(1, round((b.x0 - a.x1) / (0.8 * b.size)) - 1) + b.text)
    return "".join(out)


def _poppler_cells(blocks: list[list[list[_Run]]]) -> list[tuple[int, list[_Run]]]:
    """Each line with the cell it starts at (see `layout_text`)."""
    ordered = sorted(blocks, key=lambda b: min(ln[0].x0 for ln in b))
    done: list[tuple[float, float, int, int]] = []  # x0, x1, cell, width in cells
    out: list[tuple[int, list[_Run]]] = []
    for block in ordered:
        x0 = min(ln[0].x0 for ln in block)
        x1 = max(ln[-1].x1 for ln in block)
        cell = 0
        for bx0, bx1, bcell, bwidth in done:
            if x0 >= bx1:
                cell = max(cell, bcell + bwidth + _POPPLER_APART)
            elif bx1 > bx0:
                cell = max(cell, bcell + int((x0 - bx0) / (bx1 - bx0) * bwidth))
        width = 0
        for line in block:
            indent = round((line[0].x0 - x0) / (0.8 * line[0].size))
            text = _poppler_line(line)
            out.append((cell + indent, line))
            width = max(width, indent + len(text))
        done.append((x0, x1, cell, width))
    return out


def main() -> None:
    """Write PDFs, their ground truth and extracted text to a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if fetch_fonts() is None:
        sys.exit(f"no fonts in {FONT_DIR} and npm could not fetch them")
    args.out.mkdir(parents=True, exist_ok=True)
    for seed in range(args.seed, args.seed + args.pages):
        page = generate(seed)
        stem = args.out / f"typeset-{seed}"
        stem.with_suffix(".pdf").write_bytes(page.pdf)
        stem.with_suffix(".typ").write_text(page.source, encoding="utf-8")
        truth = json.dumps(page.truth(), ensure_ascii=False, indent=2)
        stem.with_suffix(".json").write_text(truth + "\n", encoding="utf-8")
        Path(f"{stem}.pdfium.txt").write_text(pdfium_text(page.pdf), encoding="utf-8")
        Path(f"{stem}.mupdf.txt").write_text(mupdf_text(page.pdf), encoding="utf-8")
        split = mupdfsplit_text(page.pdf)
        Path(f"{stem}.mupdfsplit.txt").write_text(split, encoding="utf-8")
        print(stem.with_suffix(".pdf"))


if __name__ == "__main__":
    main()
