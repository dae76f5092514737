"""Pages of whole 1998 articles (bench/wholecorpus.py), laid out by two engines.

The other generators draw a headline, a body and a photo each from a pool of its own;
here every story on a page is one article of the corpus with its own head lines,
byline, every paragraph and its picture, cut by the rules of bench/wholecorpus.py. The
engines and their page types are the existing ones, only the stories differ:

- `TYPESET`: Typst, through tests/typesetgen.py's page layout (rows of modules: a
  lead, stories, pictures, a column of briefs), each module set from a whole article;
- `CHROME`: Chromium, through bench/weasygen.py's HTML page and bench/chromegen.py's
  looks and printing;
- `TEX`: XeTeX, through bench/texgen.py's page (xeCJK's punctuation styles, multicols);
- `OFFICE`: LibreOffice Writer, through bench/logen.py's page (sections, tables).

A module takes an article that fits it: a lead 400 to 1,400 characters, a story at
most 250 a column it spans, a brief (headline and byline only) at most 220; a picture
module is a picture story of the corpus (its headline over its caption and credit). An
article's own picture is set under its body, the credit where the corpus has it (run
on after the caption, or a line of its own). No article comes twice on a page.

    python bench/wholegen.py --seed 3 --pages 2 --out /tmp/whole
"""

from __future__ import annotations

import argparse
import random
import sys
from functools import cache
from pathlib import Path
from typing import Protocol

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import chromegen  # noqa: E402
import logen  # noqa: E402
import texgen  # noqa: E402
import typesetgen  # noqa: E402
import weasygen  # noqa: E402
import wholecorpus  # noqa: E402
from wholecorpus import Article  # noqa: E402

LEAD = (400, 1400)
STORY_PER_COLUMN = 250
BRIEF = 220


class Pool:
    """The articles a page draws from, by the module they fit; none twice a page."""

    def __init__(self, articles: tuple[Article, ...], rng: random.Random) -> None:
        self.rng = rng
        self.used: set[int] = set()
        self.articles = articles
        self.stories = [n for n, a in enumerate(articles) if a.paragraphs]
        self.pictures = [n for n, a in enumerate(articles) if not a.paragraphs]

    def _draw(self, ok: list[int]) -> Article:
        fresh = [n for n in ok if n not in self.used] or ok
        n = self.rng.choice(fresh)
        self.used.add(n)
        return self.articles[n]

    def lead(self) -> Article:
        return self._draw(
            [n for n in self.stories if LEAD[0] <= self.articles[n].size() <= LEAD[1]]
        )

    def story(self, span: int) -> Article:
        most = STORY_PER_COLUMN * span
        return self._draw([n for n in self.stories if self.articles[n].size() <= most])

    def brief(self) -> Article:
        return self._draw(
            [
                n
                for n in self.stories
                if self.articles[n].size() <= BRIEF
                and not (self.articles[n].kicker or self.articles[n].subtitle)
                and not self.articles[n].photos
            ]
        )

    def picture(self) -> Article:
        return self._draw(self.pictures)


def _story_item(a: Article) -> typesetgen.Item:
    (item,) = [it for it in a.items() if it.kind == "article"]
    return item


def _credit(photo: wholecorpus.Photo) -> tuple[str, list[str]]:
    """(tail run on after the caption, lines under it), as the corpus prints the credit."""
    return (photo.credit, []) if photo.inline else ("", [photo.credit])


@cache
def _articles() -> tuple[Article, ...]:
    arts = wholecorpus.load()
    if arts is None:
        raise FileNotFoundError(wholecorpus.CORPUS)
    return arts


class _Setter(Protocol):
    """A generator's page that sets a story and a picture from what it is given."""

    pool: Pool

    def set_story(self, span: int, lead: bool, item: typesetgen.Item, byline: list[str]) -> str:
        """A story's module."""

    def set_photo(
        self,
        span: int,
        caption: str,
        tail: str,
        lines: list[str],
        credit: str,
        headline: str | None = None,
    ) -> str:
        """A picture and its caption."""


def _whole_story(page: _Setter, span: int, lead: bool) -> str:
    """A whole article that fits the module, with its own pictures under it."""
    a = page.pool.lead() if lead else page.pool.story(span)
    out = page.set_story(span, lead, _story_item(a), [a.byline] if a.byline else [])
    for p in a.photos:
        tail, lines = _credit(p)
        out += page.set_photo(span, p.caption, tail, lines, p.credit)
    return out


def _picture_story(page: _Setter, span: int) -> str:
    """A picture story of the corpus: its headline over its caption and credit."""
    p = page.pool.picture().photos[0]
    tail, lines = _credit(p)
    return page.set_photo(span, p.caption, tail, lines, p.credit, p.headline)


class _TypstBuilder(typesetgen._Builder):
    """typesetgen's page, each module set from a whole article."""

    def __init__(self, corpus: typesetgen.Corpus, rng: random.Random, style: typesetgen._Style):
        super().__init__(corpus, rng, style)
        self.pool = Pool(_articles(), rng)

    def story(self, span: int, lead: bool = False, body: tuple[int, int] = (1, 4)) -> str:
        return _whole_story(self, span, lead)

    def photo(self, span: int) -> str:
        return _picture_story(self, span)

    def briefs(self) -> str:
        st, out = self.style, []
        for n in range(self.rng.randint(2, 4)):
            if n:
                out.append("#line(length: 100%, stroke: 0.4pt)\n")
            a = self.pool.brief()
            out.append(
                self.line(
                    a.headline, round(st.body * 1.3, 1), typesetgen.SANS, "bold", "left", 5, 3
                )
            )
            if a.byline:
                out.append(self.line(a.byline, st.body, typesetgen.SANS, "regular", "left", 1, 3))
            out.append(self.paragraphs(a.paragraphs))
            self.items.append(_story_item(a))
        return "".join(out)


class _Typeset:
    """Typst pages of whole articles, as an engine (`generate`) for bench/structure.py."""

    @staticmethod
    def generate(seed: int) -> typesetgen.TypesetPage:
        return typesetgen.generate(seed, builder=_TypstBuilder)

    @staticmethod
    def available() -> bool:
        return typesetgen.fetch_fonts() is not None and wholecorpus.load() is not None


class _HtmlPage(weasygen._Page):
    """weasygen's page, each story and picture a whole article."""

    def __init__(self, corpus: typesetgen.Corpus, rng: random.Random) -> None:
        super().__init__(corpus, rng)
        self.pool = Pool(_articles(), rng)

    def story(self, lead: bool) -> str:
        a = self.pool.lead() if lead else self.pool.story(1)
        out = self.set_story(lead, _story_item(a), [a.byline] if a.byline else [])
        for p in a.photos:
            tail, lines = _credit(p)
            out += "\n" + self.set_photo(p.caption, tail, lines, p.credit)
        return out

    def photo(self) -> str:
        p = self.pool.picture().photos[0]
        tail, lines = _credit(p)
        return self.set_photo(p.caption, tail, lines, p.credit, p.headline)


def _pages(pdf: bytes) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


class _Chrome:
    """Chromium pages of whole articles (chromegen's looks), as an engine."""

    @staticmethod
    def html(seed: int) -> tuple[int, str, str, tuple[typesetgen.Item, ...]]:
        corpus = typesetgen.load_corpus()
        if corpus is None:
            raise FileNotFoundError(typesetgen.CORPUS)
        rng = random.Random(seed)
        page = 1 if rng.random() < 0.35 else rng.randint(2, 16)
        layout = _HtmlPage(corpus, rng)
        doc, header = layout.html(page)
        css = chromegen.Look.draw(seed).css()
        doc = doc.replace("</head>", f"<style>{css}</style></head>", 1)
        return page, doc, header, tuple(layout.items)

    @classmethod
    def generate(cls, seed: int) -> typesetgen.TypesetPage:
        page, doc, header, items = cls.html(seed)
        pdf = chromegen.print_pdf(doc)
        if _pages(pdf) > 1:
            # Whole articles may run longer than the pools' trimmed bodies: a taller
            # sheet keeps every one on the first page, which is all a row reads.
            doc = doc.replace(" 2400pt;", " 4800pt;", 1)
            pdf = chromegen.print_pdf(doc)
        return typesetgen.TypesetPage(seed, page, header, items, doc, pdf)

    @staticmethod
    def available() -> bool:
        return chromegen.available() and wholecorpus.load() is not None


class _TexPage(texgen._Page):
    """texgen's page, each module set from a whole article."""

    def __init__(
        self,
        corpus: typesetgen.Corpus,
        rng: random.Random,
        look: texgen.Look,
        variant: texgen.Variant | None = None,
    ) -> None:
        super().__init__(corpus, rng, look, variant)
        self.pool = Pool(_articles(), rng)

    def story(self, span: int, lead: bool = False, body: tuple[int, int] = (1, 4)) -> str:
        return _whole_story(self, span, lead)

    def photo(self, span: int) -> str:
        return _picture_story(self, span)

    def briefs(self) -> str:
        st, out = self.style, [self.body_block(1, "")]
        for n in range(self.rng.randint(2, 4)):
            if n:
                out.append("\\par\\vspace{4pt}\\hrule height 0.4pt\\vspace{4pt}\n")
            a = self.pool.brief()
            out.append(self.line(a.headline or "", st.body * 1.3, "sansbold", "left"))
            if a.byline:
                out.append(self.line(a.byline, st.body, "sans", "left", self.look.space))
            out.append("\\vspace{3pt}\n" + self.paragraphs(a.paragraphs) + "\\par\n")
            self.items.append(_story_item(a))
        return "".join(out)


class _Tex:
    """XeTeX pages of whole articles (texgen's looks), as an engine."""

    @staticmethod
    def generate(seed: int) -> typesetgen.TypesetPage:
        return texgen.generate(seed, page_type=_TexPage, name="whole-tex")

    @staticmethod
    def available() -> bool:
        return texgen.available() and wholecorpus.load() is not None


class _OfficePage(logen._Page):
    """logen's page, each module set from a whole article."""

    def __init__(self, corpus: typesetgen.Corpus, rng: random.Random, look: logen.Look) -> None:
        super().__init__(corpus, rng, look)
        self.pool = Pool(_articles(), rng)

    def story(self, span: int, lead: bool = False, body: tuple[int, int] = (1, 4)) -> str:
        return _whole_story(self, span, lead)

    def photo(self, span: int) -> str:
        return _picture_story(self, span)

    def briefs(self) -> str:
        st, out = self.style, []
        for n in range(self.rng.randint(2, 4)):
            if n:
                out.append(self.spacer(3, "0.4pt solid #000000") + self.spacer(3))
            a = self.pool.brief()
            head = ("Noto Sans CJK SC", "bold")
            out.append(self.line(a.headline or "", st.body * 1.3, head, "left", 3))
            if a.byline:
                out.append(self.line(a.byline, st.body, (self.look.byline, "normal"), "left", 2))
            out.append(self.paragraphs(a.paragraphs))
            self.items.append(_story_item(a))
        return "".join(out)


class _Office:
    """Writer pages of whole articles (logen's looks), as an engine."""

    @staticmethod
    def generate(seed: int) -> typesetgen.TypesetPage:
        return logen.generate(seed, page_type=_OfficePage, name="whole-office")

    @staticmethod
    def available() -> bool:
        return logen.available() and wholecorpus.load() is not None


TYPESET = _Typeset()
CHROME = _Chrome()
TEX = _Tex()
OFFICE = _Office()


def main() -> None:
    """Write PDFs and their ground truth to a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument(
        "--engine", choices=("typeset", "chrome", "tex", "office"), default="typeset"
    )
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    engines: dict[str, _Typeset | _Chrome | _Tex | _Office] = {
        "typeset": TYPESET,
        "chrome": CHROME,
        "tex": TEX,
        "office": OFFICE,
    }
    engine = engines[args.engine]
    if not engine.available():
        sys.exit(f"{args.engine}: the engine, the fonts or the corpus are missing")
    args.out.mkdir(parents=True, exist_ok=True)
    for n in range(args.seed, args.seed + args.pages):
        source = {"typeset": ".typ", "chrome": ".html", "tex": ".tex", "office": ".fodt"}[
            args.engine
        ]
        weasygen.save(engine.generate(n), args.out / f"whole-{args.engine}-{n}", source)


if __name__ == "__main__":
    main()
