"""Broadsheet pages set by a third engine, WeasyPrint (HTML + CSS), with their ground truth.

Issue 12 holds PDF import to pages "set by another typesetting engine". The import reads
reportlab (tests/pdfgen.py) and Typst (tests/typesetgen.py) pages; this generator asks
whether it also reads a page whose PDF was written by a different engine: WeasyPrint
lays text out with Pango and HarfBuzz, writes its own text runs, ToUnicode maps and glyph
positions, and takes the layout from CSS (`column-count`, `column-fill: balance`,
`text-align: justify`, `text-indent: 2em`, `@font-face` with the Noto SC fonts of the
typeset cache).

Optional: WeasyPrint needs Pango, so it is not a dependency of the project
(`pip install weasyprint` on a machine that has Pango). `available()` says whether it
can run. The text comes from the 1998 corpus through tests/typesetgen.py's reading of it,
and the truth has the shape of `TypesetPage.truth()`, so bench/structure.py scores it.

What a page holds, seeded: a masthead (人民日报) and date band, or an inner page's header
band; a lead story, its stack (kicker above the headline in smaller type, headline,
subtitle below, byline) across the page over its body in 4 to 6 balanced columns; a
rule; then the same columns holding stories one after the other (an em of space
between), each with its stack in the column, its body running on into the next column
where the column ends, and now and then a picture (a grey box) with caption and credit.

    python bench/weasygen.py --seed 3 --pages 2 --out /tmp/weasy

`--variant` (the `weasyvar-pdf` row): the same seeded content in type the other
generators never set, drawn per page from a second seed (`Variant.draw`): system CJK
fonts with other metrics (AR PL UMing / SungtiL, Noto Serif / Sans CJK, WenQuanYi Zen
Hei, Kai for bylines), a headline 1.2x to 4x the body, sometimes in the regular weight
of a heavier face, a kicker the size of the subtitle, captions in the body's face, 4 to
7 columns, ragged instead of justified. It needs `apt-get install fonts-wqy-zenhei
fonts-arphic-uming fonts-arphic-ukai fonts-arphic-gbsn00lp fonts-arphic-gkai00mp
fonts-noto-cjk` (`variant_available()`); without `--variant` the output is what it
always was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import typesetgen  # noqa: E402
from typesetgen import Corpus, Item  # noqa: E402

FONTS = {
    "serif": ("Noto Serif SC", "NotoSerifSC"),
    "sans": ("Noto Sans SC", "NotoSansSC"),
}
WEIGHTS = {400: "400Regular", 700: "700Bold", 900: "900Black"}


def available() -> bool:
    """Whether WeasyPrint imports (it needs Pango) and the fonts are in the cache."""
    try:
        import weasyprint  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except (ImportError, OSError):
        return False
    return typesetgen.fetch_fonts() is not None and typesetgen.load_corpus() is not None


# Faces of the variant pages, by fontconfig family: (family, weight it is set in).
BODY_FACES = (
    ("Noto Serif SC", 400),
    ("AR PL UMing CN", 400),
    ("AR PL SungtiL GB", 400),
    ("Noto Serif CJK SC", 400),
    ("WenQuanYi Zen Hei", 400),
    ("Noto Sans CJK SC", 400),
)
# A headline's face: a bold face, or the regular weight of a heavy one (Zen Hei has no
# bold; nor have UMing and Kai, so a bold asked of them is whatever the engine makes).
HEAD_FACES = (
    ("Noto Sans SC", 900),
    ("Noto Sans CJK SC", 700),
    ("Noto Serif CJK SC", 700),
    ("WenQuanYi Zen Hei", 400),
    ("Noto Serif SC", 700),
)
KAI = ("AR PL UKai CN", "AR PL KaitiM GB")
SYSTEM_FAMILIES = (
    "AR PL UMing CN",
    "AR PL SungtiL GB",
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "WenQuanYi Zen Hei",
    *KAI,
)


def variant_available() -> bool:
    """Whether the variant pages' system fonts are installed (fontconfig knows them)."""
    if not available() or shutil.which("fc-list") is None:
        return False
    done = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True)
    known = {f.strip() for line in done.stdout.splitlines() for f in line.split(",")}
    return all(family in known for family in SYSTEM_FAMILIES)


@dataclass(frozen=True)
class Variant:
    """A page's type beyond weasygen's own, drawn from a seed of its own."""

    body: tuple[str, int]
    head: tuple[str, int]
    stack: tuple[str, int]  # kicker and subtitle
    byline: str
    caption: str
    lead_ratio: float
    story_ratio: tuple[float, float]
    kicker_as_subtitle: bool
    columns: int
    ragged: bool

    @classmethod
    def draw(cls, seed: int) -> Variant:
        rng = random.Random(f"weasyvar-{seed}")
        body = rng.choice(BODY_FACES)
        head = rng.choice(HEAD_FACES)
        stack = rng.choice((head, (body[0], 700), (rng.choice(KAI), 400), head))
        if stack == body:
            stack = (body[0], 700)  # a kicker set apart from the body somehow
        low = rng.choice((1.2, 1.3, 1.5, 1.6))
        return cls(
            body=body,
            head=head,
            stack=stack,
            byline=rng.choice((rng.choice(KAI), "Noto Sans SC", body[0])),
            caption=rng.choice((body[0], "Noto Sans SC", "WenQuanYi Zen Hei")),
            lead_ratio=rng.uniform(max(low, 1.4), 4.0),
            story_ratio=(low, low + rng.uniform(0.1, 0.8)),
            kicker_as_subtitle=rng.random() < 0.5,
            columns=rng.choice((4, 5, 6, 7)),
            ragged=rng.random() < 0.4,
        )


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _font_faces() -> str:
    rules = []
    for family, stem in FONTS.values():
        for weight, name in WEIGHTS.items():
            path = typesetgen.FONT_DIR / f"{stem}_{name}.ttf"
            rules.append(
                f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
                f"src: url('{path.as_uri()}'); }}"
            )
    return "\n".join(rules)


class _Page:
    """Lays one page out: HTML and the items in reading order."""

    def __init__(self, corpus: Corpus, rng: random.Random, variant: Variant | None = None) -> None:
        self.corpus = corpus
        self.rng = rng
        self.variant = variant
        self.vrng = random.Random(repr(variant))
        self.items: list[Item] = []
        self.day = rng.randint(1, 31)
        self.body_pt = rng.choice((9.0, 9.5, 10.0, 10.5))

    # the text, as typesetgen picks it

    def _builder(self) -> Any:
        style = typesetgen._Style(4, self.body_pt, 0, 0, "", "", "", 0.5)
        builder = typesetgen._Builder(self.corpus, self.rng, style)
        builder.day = self.day
        return builder

    def story(self, lead: bool) -> str:
        rng, b = self.rng, self._builder()
        kicker = b.kicker() if rng.random() < 0.35 else None
        headline = b.headline()
        subtitle = b.subtitle() if rng.random() < 0.4 else None
        byline = typesetgen._byline(rng, self.day) if rng.random() < 0.7 else []
        paragraphs = b.body(3, 6) if lead else b.body(1, 4)
        source = None
        if rng.random() < 0.2:
            source = rng.choice(("（据新华社电）", f"（{typesetgen._name(rng)}）"))
        item = Item(
            kicker=kicker,
            headline=headline,
            subtitle=subtitle,
            byline=" ".join(byline) or None,
            paragraphs=paragraphs,
            source=source,
        )
        return self.set_story(lead, item, byline)

    def set_story(self, lead: bool, item: Item, byline: list[str]) -> str:
        """A story's HTML from its item (`byline`: the item's byline, line by line)."""
        rng = self.rng
        kicker, headline, subtitle = item.kicker, item.headline or "", item.subtitle
        size = self.body_pt * (rng.uniform(2.6, 3.4) if lead else rng.uniform(1.5, 2.0))
        family = FONTS[rng.choice(("serif", "sans"))][0]
        weight = rng.choice((700, 900))
        align = rng.choice(("left", "center"))
        head_style = f"text-align: {align}; text-indent: 0; font-family: '{family}';"
        kicker_pt = max(size * 0.5, self.body_pt)
        subtitle_pt = max(size * 0.55, self.body_pt)
        stack_style = head_style
        if self.variant:
            v, vrng = self.variant, self.vrng
            ratio = v.lead_ratio if lead else vrng.uniform(*v.story_ratio)
            size = self.body_pt * ratio
            family, weight = v.head
            head_style = f"text-align: {align}; text-indent: 0; font-family: '{family}';"
            subtitle_pt = self.body_pt * max(1.0, min(ratio * 0.6, ratio - 0.15))
            kicker_pt = subtitle_pt if v.kicker_as_subtitle else max(self.body_pt, size * 0.5)
            stack_style = (
                f"text-align: {align}; text-indent: 0; font-family: '{v.stack[0]}'; "
                f"font-weight: {v.stack[1]};"
            )
        out = []
        if kicker:
            out.append(
                f'<p class="kicker" style="{stack_style} font-size: '
                f'{kicker_pt:.1f}pt">{_e(kicker)}</p>'
            )
        out.append(
            f'<h2 style="{head_style} font-size: {size:.1f}pt; font-weight: {weight}">'
            f"{_e(headline)}</h2>"
        )
        if subtitle:
            out.append(
                f'<p class="subtitle" style="{stack_style} font-size: '
                f'{subtitle_pt:.1f}pt">{_e(subtitle)}</p>'
            )
        for line in byline:
            out.append(f'<p class="byline" style="text-align: {align}">{_e(line)}</p>')
        text = [f"<p>{_e(p)}</p>" for p in item.paragraphs]
        if item.source:
            text.append(f'<p class="source">{_e(item.source)}</p>')
        # A lead's stack stands across the page over its body in columns of its own; a
        # story further down stands in the column its body runs in.
        if lead:
            out.append(f'<div class="cols">{"".join(text)}</div><hr>')
        else:
            out = ['<div class="story">', *out, *text, "</div>"]
        self.items.append(item)
        return "\n".join(out)

    def photo(self) -> str:
        rng = self.rng
        if self.corpus.photos and rng.random() < 0.5:
            caption, corpus_credit = rng.choice(self.corpus.photos)
        else:
            caption, corpus_credit = rng.choice(rng.choice(self.corpus.bodies)), None
        tail, lines, credit = typesetgen._credit_forms(rng, corpus_credit)
        return self.set_photo(caption, tail, lines, credit)

    def set_photo(
        self, caption: str, tail: str, lines: list[str], credit: str, headline: str | None = None
    ) -> str:
        """A picture and its caption: `tail` run on after it, `lines` under it; a picture
        story's `headline` in bold over the caption."""
        rng = self.rng
        align = rng.choice(("right", "left"))
        out = [
            '<div class="story picture">',
            f'<div class="photo" style="height: {rng.randint(70, 130)}pt"></div>',
        ]
        if headline:
            out.append(f'<p class="caption" style="font-weight: 700">{_e(headline)}</p>')
        out.append(f'<p class="caption">{_e(caption + tail)}</p>')
        out += [f'<p class="credit" style="text-align: {align}">{_e(t)}</p>' for t in lines]
        out.append("</div>")
        self.items.append(
            Item(kind="caption", headline=headline, paragraphs=(caption,), credit=credit)
        )
        return "\n".join(out)

    def furniture(self, page: int) -> tuple[str, str]:
        """The masthead and date band, or the header band; and the header text."""
        rng = self.rng
        date = dt.date(1998, 1, self.day)
        weekday = f"星期{typesetgen._WEEKDAY[date.weekday()]}"
        when = typesetgen._date(self.day, full_width=rng.random() < 0.2)
        if page == 1:
            band = [f"{when} {weekday}", f"第{page}版"]
            spans = "".join(f"<span>{_e(t)}</span>" for t in band)
            out = (
                f'<h1 class="masthead">人民日报</h1>'
                f'<div class="band">{spans}</div><hr class="thick">'
            )
            return out, " ".join(["人民日报", *band])
        section = rng.choice(typesetgen._SECTIONS)
        editor = "责任编辑 " + typesetgen._name(rng)
        cells = [str(page), section, f"{when} {weekday}", editor]
        spans = "".join(f'<span class="h{i}">{_e(t)}</span>' for i, t in enumerate(cells))
        return f'<div class="band header">{spans}</div><hr class="thick">', " ".join(cells)

    def html(self, page: int) -> tuple[str, str]:
        """The page's HTML and header text."""
        rng = self.rng
        columns = rng.choice((4, 5, 6))
        if self.variant:
            columns = self.variant.columns
        column = self.body_pt * rng.randint(11, 15)
        gutter = self.body_pt * rng.uniform(1.0, 1.6)
        width = columns * column + (columns - 1) * gutter + 72
        leading = rng.uniform(1.45, 1.7)
        furniture, header = self.furniture(page)
        lead = self.story(lead=True)
        modules = []
        for _ in range(rng.randint(columns, columns + 3)):
            modules.append(self.photo() if rng.random() < 0.15 else self.story(lead=False))
        css = f"""
{_font_faces()}
@page {{ size: {width:.0f}pt 2400pt; margin: 36pt; }}
body {{ font-family: 'Noto Serif SC'; font-size: {self.body_pt}pt; line-height: {leading:.2f};
       margin: 0; }}
.cols {{ column-count: {columns}; column-gap: {gutter:.1f}pt; column-fill: balance; }}
p {{ text-align: justify; text-indent: 2em; margin: 0; }}
h1, h2 {{ margin: 4pt 0 2pt 0; line-height: 1.2; }}
h2, .kicker, .subtitle, .byline {{ break-after: avoid; }}
.masthead {{ font-family: 'Noto Sans SC'; font-weight: 900; font-size: {self.body_pt * 6:.0f}pt;
            text-align: center; }}
.band {{ display: flex; justify-content: space-between; font-family: 'Noto Sans SC'; }}
.header .h0 {{ font-size: {self.body_pt * 2.4:.1f}pt; font-weight: 900; }}
.header .h1 {{ font-size: {self.body_pt * 1.6:.1f}pt; font-weight: 700; }}
hr {{ border: 0; border-top: 0.5pt solid black; margin: 6pt 0; }}
hr.thick {{ border-top: 1.5pt solid black; }}
.story {{ margin-top: 1em; }}
.story:first-child {{ margin-top: 0; }}
.picture {{ break-inside: avoid; }}
.kicker, .subtitle {{ font-weight: 700; margin: 2pt 0; line-height: 1.2; }}
.byline {{ font-family: 'Noto Sans SC'; text-indent: 0; margin: 2pt 0 4pt 0; }}
.source {{ text-align: right; text-indent: 0; }}
.photo {{ background: #ccc; margin: 6pt 0 3pt 0; break-inside: avoid; }}
.caption {{ font-family: 'Noto Sans SC'; font-size: {self.body_pt * 0.9:.1f}pt;
            text-indent: 0; }}
.credit {{ font-family: 'Noto Sans SC'; font-size: {self.body_pt * 0.9:.1f}pt;
           text-indent: 0; }}
"""
        if self.variant:
            css += self.variant_css()
        body = "\n".join(modules)
        doc = (
            f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<style>{css}</style></head><body>{furniture}{lead}"
            f'<div class="cols">{body}</div></body></html>'
        )
        return doc, header

    def variant_css(self) -> str:
        """The variant's faces and measure, over the page's own CSS."""
        v = self.variant
        assert v is not None
        align = "left" if v.ragged else "justify"
        return f"""
body {{ font-family: '{v.body[0]}'; font-weight: {v.body[1]}; }}
p {{ text-align: {align}; }}
.byline {{ font-family: '{v.byline}'; }}
.caption, .credit {{ font-family: '{v.caption}'; }}
"""


def generate(seed: int, variant: bool = False) -> typesetgen.TypesetPage:
    """One WeasyPrint page from the corpus, seeded; its truth as typesetgen's pages have it.
    `variant`: in the type of `Variant.draw(seed)` (system fonts, other sizes, measures)."""
    import weasyprint  # type: ignore[import-untyped,import-not-found,unused-ignore]

    corpus = typesetgen.load_corpus()
    if corpus is None:
        raise FileNotFoundError(typesetgen.CORPUS)
    rng = random.Random(seed)
    page = 1 if rng.random() < 0.35 else rng.randint(2, 16)
    layout = _Page(corpus, rng, Variant.draw(seed) if variant else None)
    doc, header = layout.html(page)
    pdf = weasyprint.HTML(string=doc).write_pdf()
    assert pdf is not None
    return typesetgen.TypesetPage(seed, page, header, tuple(layout.items), doc, pdf)


class _Variant:
    """The variant pages as an engine of their own (`generate`), for bench/structure.py."""

    @staticmethod
    def generate(seed: int) -> typesetgen.TypesetPage:
        return generate(seed, variant=True)


VARIANT = _Variant()


def save(page: typesetgen.TypesetPage, stem: Path, source: str = ".html") -> Path:
    """Write a page's PDF, its source (HTML, or `source`'s kind) and its truth beside each
    other; the PDF's path."""
    stem.with_suffix(".pdf").write_bytes(page.pdf)
    stem.with_suffix(source).write_text(page.source, encoding="utf-8")
    truth = json.dumps(page.truth(), ensure_ascii=False, indent=2)
    stem.with_suffix(".json").write_text(truth + "\n", encoding="utf-8")
    return stem.with_suffix(".pdf")


def write_pages(
    engine: str,
    make: Callable[[int], typesetgen.TypesetPage],
    missing: str | None,
    *,
    source: str = ".html",
    look: Callable[[int], object] | None = None,
    variant: tuple[Callable[[int], typesetgen.TypesetPage], Callable[[int], object], str | None]
    | None = None,
) -> None:
    """The command line of a page generator: `--seed`, `--pages`, `--out`; each page's PDF,
    source and truth written to the folder (`save`), its path printed with its `look`.

    `missing`: what the engine lacks on this machine, if anything (exit with it).
    `variant`: the maker, look and missing of `--variant` pages, where the engine has them.
    """
    parser = argparse.ArgumentParser(description=f"Write {engine} PDFs, sources and truth.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    if variant:
        parser.add_argument("--variant", action="store_true", help="pages in other type")
    args = parser.parse_args()
    if variant and args.variant:
        make, look, missing = variant
        engine += "var"
    if missing:
        sys.exit(f"{engine}gen: {missing}")
    args.out.mkdir(parents=True, exist_ok=True)
    for seed in range(args.seed, args.seed + args.pages):
        path = save(make(seed), args.out / f"{engine}-{seed}", source)
        print(path, *([look(seed)] if look else []))


def main() -> None:
    """Write PDFs, their HTML and ground truth to a folder."""
    missing = "WeasyPrint (with Pango), the fonts or the corpus are missing"
    var_missing = "the variant's system CJK fonts (see the module's doc) are missing"
    write_pages(
        "weasy",
        generate,
        None if available() else missing,
        variant=(
            lambda seed: generate(seed, variant=True),
            Variant.draw,
            None if variant_available() else var_missing,
        ),
    )


if __name__ == "__main__":
    main()
