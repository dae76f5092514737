"""Broadsheet pages set by a fifth engine, TeX (XeLaTeX + xeCJK + xdvipdfmx), with their truth.

Issue 12 holds PDF import to a private set "set by another typesetting engine". The
importer was tuned on reportlab, Typst, WeasyPrint and Chromium pages; TeX is none of
them: Knuth-Plass breaks the paragraphs (whole-paragraph optimum, not line by line),
xeCJK puts stretchable glue between ideographs, compresses punctuation by its own rules
(`PunctStyle`) and sets glue between CJK and Latin or digits (`CJKecglue`), and
xdvipdfmx writes the PDF: its own text runs, ToUnicode maps and font subsets, and no
glyph for a space (TeX has none: a space is glue).

The content is tests/typesetgen.py's, picked the same way (its `_Builder` draws the
headlines, kickers, subtitles, bodies; its `_byline`, `_credit_forms` and `_rows` the
bylines, credits and the rows of modules), laid out in LaTeX: a masthead and date band
or an inner page's header band; rows of modules across 4 to 6 columns, each module a
top-aligned `minipage` (a lead story over n-1 or n columns, stories over 1-3 columns
whose body is balanced over them by `multicol`, pictures with caption and credit, a
column of briefs), rules between the rows. What TeX allows and real papers vary is drawn
from a second seed (`Look`): xeCJK's punctuation style (`quanjiao`, `banjiao`,
`kaiming`, `hangmobanjiao`), a serif or sans body, Latin and digits from the CJK font or
from a Latin one (TeX Gyre Termes, Latin Modern), xeCJK's CJK-Latin glue or none, the
space in a byline (an interword space, half an em, an em), rules in the gutters,
pictures as an image or a filled box.

Optional: it runs only where `xelatex` is on PATH (`available()`); no dependency of the
project (`apt-get install texlive-xetex texlive-lang-chinese`). PDFs are cached under
bench/out/tex/ beside the LaTeX they were made from, and made again when it changes.

    python bench/texgen.py --seed 3 --pages 2 --out /tmp/tex

`--variant` (the `texvar-pdf` row): the same seeded content in type the other
generators never set, drawn from a third seed (`Variant.draw`): system CJK fonts (AR PL
UMing, Noto Serif / Sans CJK, WenQuanYi Zen Hei, Kai) for the body, kickers,
subtitles, bylines and captions; fake bold (xdvipdfmx strokes the glyphs: `2 Tr`)
instead of a bold face; headlines 1.2x to 4x the body, kickers the size of subtitles,
4 to 7 columns, ragged text. Needs the fonts of bench/weasygen.py's variant
(`weasygen.variant_available()`); cached as bench/out/tex/texvar-N.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import chromegen  # noqa: E402
import typesetgen  # noqa: E402
import weasygen  # noqa: E402
from typesetgen import Corpus, Item  # noqa: E402

CACHE = Path(__file__).resolve().parent / "out" / "tex"
PUNCT_STYLES = ("quanjiao", "banjiao", "kaiming", "hangmobanjiao")
LATIN_FONTS = ("cjk", "texgyretermes", "lmroman10")
BYLINE_SPACES = ("\\ ", "\\hspace{0.5em}", "\\hspace{1em}")
# Symbols a Chinese paper sets in its CJK font (Ⅱ, the ratio sign, ①, ■, ★); xeCJK
# leaves them to the Latin font by default, which may have no glyph: TeX drops them.
CJK_SYMBOLS = '"2150 -> "218F, "2190 -> "23FF, "2460 -> "24FF, "25A0 -> "25FF, "2600 -> "27BF'
_SPECIAL = {
    "\\": "\\textbackslash{}",
    "{": "\\{",
    "}": "\\}",
    "%": "\\%",
    "&": "\\&",
    "#": "\\#",
    "$": "\\$",
    "_": "\\_",
    "~": "\\textasciitilde{}",
    "^": "\\textasciicircum{}",
}


def available() -> bool:
    """Whether xelatex, the fonts and the corpus are all here."""
    return (
        shutil.which("xelatex") is not None
        and typesetgen.fetch_fonts() is not None
        and typesetgen.load_corpus() is not None
    )


def story_text(
    rng: random.Random, b: typesetgen._Builder, body: tuple[int, int]
) -> tuple[str | None, str, str | None, list[str], tuple[str, ...], str | None]:
    """A story's kicker, headline, subtitle, byline lines, paragraphs and source line,
    drawn in this order (a page's draws stay the same for the same seed)."""
    kicker = b.kicker() if rng.random() < 0.35 else None
    headline = b.headline()
    subtitle = b.subtitle() if rng.random() < 0.4 else None
    byline = typesetgen._byline(rng, b.day) if rng.random() < 0.7 else []
    paragraphs = b.body(*body)
    source = None
    if rng.random() < 0.2:
        source = rng.choice(
            (
                f"（来源：{rng.choice(typesetgen._SOURCES)}）",
                "（据新华社电）",
                f"（{typesetgen._name(rng)}）",
            )
        )
    return kicker, headline, subtitle, byline, paragraphs, source


@dataclass(frozen=True)
class Look:
    """What TeX lets a page vary beyond the content, drawn from a second seed."""

    punct: str
    sans_body: bool
    latin: str
    ecglue: bool
    space: str
    column_rule: bool
    image: bool

    @classmethod
    def draw(cls, seed: int) -> Look:
        rng = random.Random(f"tex-{seed}")
        return cls(
            punct=rng.choice(PUNCT_STYLES),
            sans_body=rng.random() < 0.3,
            latin=rng.choice(LATIN_FONTS),
            ecglue=rng.random() < 0.7,
            space=rng.choice(BYLINE_SPACES),
            column_rule=rng.random() < 0.4,
            image=rng.random() < 0.5,
        )


# Fonts of the variant pages, as xeCJK's `\setCJKfamilyfont` takes them: [options]{name}.
_FAKE = "[FakeBold={}]"
# GB 2312 fonts (AR PL SungtiL GB, KaitiM GB) lack characters the corpus prints (镕):
# TeX would drop them, so only fonts that cover it are drawn here.
VARIANT_BODIES = (
    "{AR PL UMing CN}",
    "{Noto Serif CJK SC}",
    "{WenQuanYi Zen Hei}",
)
VARIANT_FACES = {
    # kickers and bold subtitles: the body's face made bold, a bold face, or Kai
    "serifbold": ("fake", "{Noto Serif CJK SC Bold}", "{AR PL UKai CN}"),
    # headlines: a bold face, the body's face made bold, or the regular of a heavy face
    "serifblack": ("{Noto Serif CJK SC Bold}", "fake", "{WenQuanYi Zen Hei}"),
    "sansbold": ("{WenQuanYi Zen Hei}", _FAKE.format(2) + "{WenQuanYi Zen Hei}",
                 "{Noto Sans CJK SC Bold}"),
    "sansblack": (_FAKE.format(3) + "{WenQuanYi Zen Hei}", "{Noto Sans CJK SC Bold}"),
    # bylines, captions set in sans, the header's cells
    "sans": ("{AR PL UKai CN}", "{WenQuanYi Zen Hei}", "body"),
}  # fmt: skip


@dataclass(frozen=True)
class Variant:
    """A page's type beyond texgen's own, drawn from a seed of its own."""

    body: str
    families: tuple[tuple[str, str], ...]
    lead_ratio: float
    story_ratio: tuple[float, float]
    kicker_as_subtitle: bool
    columns: int
    ragged: bool

    @classmethod
    def draw(cls, seed: int) -> Variant:
        rng = random.Random(f"texvar-{seed}")
        body = rng.choice(VARIANT_BODIES)
        families = []
        for family, choices in VARIANT_FACES.items():
            font = rng.choice(choices)
            if font == "fake":
                font = _FAKE.format(rng.choice((2, 2.5, 3))) + body
            if font == body and family.endswith("bold"):
                font = _FAKE.format(2.5) + body  # a subtitle set apart from the body somehow
            families.append((family, body if font == "body" else font))
        low = rng.choice((1.2, 1.3, 1.5))
        return cls(
            body=body,
            families=tuple(families),
            lead_ratio=rng.uniform(max(low, 1.4), 4.0),
            story_ratio=(low, low + rng.uniform(0.1, 0.8)),
            kicker_as_subtitle=rng.random() < 0.5,
            columns=rng.choice((4, 5, 6, 7)),
            ragged=rng.random() < 0.4,
        )

    def fonts(self) -> str:
        """xeCJK's font commands over texgen's own."""
        out = [f"\\setCJKmainfont{self.body}", f"\\setCJKfamilyfont{{serif}}{self.body}"]
        for family, font in self.families:
            out.append(f"\\setCJKfamilyfont{{{family}}}{font}")
        return "\n".join(out)


def _e(text: str, space: str = " ") -> str:
    """Text as LaTeX source; a space as `space` (a space between ideographs is dropped by
    xeCJK, so where the page must show one it is set as explicit glue)."""
    out = "".join(_SPECIAL.get(c, c) for c in text)
    return out.replace(" ", space) if space != " " else out


def _pt(value: float) -> str:
    return f"{value:.2f}pt"


def _fonts(look: Look) -> str:
    d = typesetgen.FONT_DIR
    out = []
    for family, stem in (("serif", "NotoSerifSC"), ("sans", "NotoSansSC")):
        for weight, name in (("", "400Regular"), ("bold", "700Bold"), ("black", "900Black")):
            out.append(f"\\setCJKfamilyfont{{{family}{weight}}}{{{stem}_{name}.ttf}}[Path={d}/]")
    body = "NotoSansSC" if look.sans_body else "NotoSerifSC"
    out.append(f"\\setCJKmainfont{{{body}_400Regular.ttf}}[Path={d}/, BoldFont={body}_700Bold.ttf]")
    out.append(
        f"\\setCJKsansfont{{NotoSansSC_400Regular.ttf}}[Path={d}/, BoldFont=NotoSansSC_700Bold.ttf]"
    )
    if look.latin == "cjk":
        out.append(
            f"\\setmainfont{{{body}_400Regular.ttf}}[Path={d}/, BoldFont={body}_700Bold.ttf]"
        )
        out.append(
            f"\\setsansfont{{NotoSansSC_400Regular.ttf}}[Path={d}/, "
            "BoldFont=NotoSansSC_700Bold.ttf]"
        )
    else:
        out.append(
            f"\\setmainfont{{{look.latin}-regular.otf}}[BoldFont={look.latin}-bold.otf]"
            if look.latin == "texgyretermes"
            else "\\setmainfont{lmroman10-regular.otf}[BoldFont=lmroman10-bold.otf]"
        )
    return "\n".join(out)


class _Page:
    """Lays one page out: LaTeX and the items in reading order."""

    def __init__(
        self, corpus: Corpus, rng: random.Random, look: Look, variant: Variant | None = None
    ) -> None:
        self.rng = rng
        self.look = look
        self.variant = variant
        self.vrng = random.Random(repr(variant))
        n = rng.choice((4, 5, 6))
        body = rng.choice((9.0, 9.5, 10.0, 10.5))
        self.style = typesetgen._Style(
            columns=variant.columns if variant else n,
            body=body,
            column=body * rng.randint(11, 15),
            gutter=body * rng.uniform(1.0, 1.6),
            head_font=rng.choice(("serif", "sans")),
            head_weight=rng.choice(("bold", "black")),
            caption_font=rng.choice(("sans", "serif")),
            leading=rng.uniform(0.45, 0.7),
        )
        self.b = typesetgen._Builder(corpus, rng, self.style)
        self.items: list[Item] = self.b.items

    # pieces

    def size(self, pt: float, leading: float = 1.25) -> str:
        return f"\\fontsize{{{pt:.1f}pt}}{{{pt * leading:.1f}pt}}\\selectfont"

    def line(self, text: str, size: float, family: str, align: str, space: str = " ") -> str:
        """A block of display type: unjustified, no indent."""
        where = "\\centering" if align == "center" else "\\raggedright"
        if align == "right":
            where = "\\raggedleft"
        return f"{{{where}{self.size(size, 1.2)}\\CJKfamily{{{family}}}{_e(text, space)}\\par}}\n"

    def paragraphs(self, paragraphs: tuple[str, ...]) -> str:
        return "\n\n".join(_e(p) for p in paragraphs) + "\n"

    def body_block(self, span: int, text: str) -> str:
        st = self.style
        lead = st.body * (1 + st.leading)
        head = (
            f"\\setlength{{\\parindent}}{{2em}}\\fontsize{{{st.body}pt}}{{{lead:.2f}pt}}"
            "\\selectfont\n"
        )
        if self.variant and self.variant.ragged:
            head = "\\raggedright" + head  # before the indent: LaTeX's zeroes it
        if span == 1:
            return head + text
        return head + f"\\begin{{multicols}}{{{span}}}\n{text}\\end{{multicols}}\n"

    # modules

    def story(self, span: int, lead: bool = False, body: tuple[int, int] = (1, 4)) -> str:
        kicker, headline, subtitle, byline, paragraphs, source = story_text(self.rng, self.b, body)
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
        paragraphs, source = item.paragraphs, item.source
        size = st.body * (rng.uniform(2.6, 3.6) if lead else rng.uniform(1.5, 2.4))
        least = 1.3 * st.body
        if self.variant:
            v = self.variant
            size = st.body * (v.lead_ratio if lead else self.vrng.uniform(*v.story_ratio))
            least = 1.2 * st.body
        size = max(min(size, st.span(span) / max(4, min(len(headline), 12))), least)
        kicker_pt, subtitle_pt = max(size * 0.5, st.body), max(size * 0.55, st.body)
        if self.variant:
            ratio = size / st.body
            subtitle_pt = st.body * max(1.0, min(ratio * 0.6, ratio - 0.15))
            kicker_pt = subtitle_pt if self.variant.kicker_as_subtitle else kicker_pt
        align = rng.choice(("left", "center")) if span > 1 else "left"
        family = st.head_font if rng.random() < 0.8 else "sans"
        gap = size * 0.25
        out = []
        if kicker:
            out.append(self.line(kicker, kicker_pt, "serifbold", align))
            out.append(f"\\vspace{{{_pt(gap)}}}\n")
        out.append(self.line(headline, size, family + st.head_weight, align))
        if subtitle:
            sub = rng.choice(("serif", "sans")) + "bold"
            out.append(f"\\vspace{{{_pt(gap)}}}\n")
            out.append(self.line(subtitle, subtitle_pt, sub, align))
        out.append(f"\\vspace{{{_pt(gap)}}}\n")
        for text in byline:
            out.append(self.line(text, st.body, "sans", align, self.look.space))
        if byline:
            out.append("\\vspace{4pt}\n")
        text = self.paragraphs(paragraphs)
        if source:
            text += f"\n{{\\raggedleft {_e(source)}\\par}}\n"
        out.append(self.body_block(span, text))
        self.items.append(item)
        return "".join(out)

    def photo(self, span: int) -> str:
        caption, tail, lines, credit = typesetgen.photo_text(self.rng, self.b.corpus)
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
        width, height = st.span(span), st.span(span) * rng.uniform(0.45, 0.75)
        size = st.body * rng.uniform(0.85, 0.95)
        family = st.caption_font
        if self.look.image:
            box = f"\\includegraphics[width={_pt(width)},height={_pt(height)}]{{photo.png}}"
        else:
            box = f"{{\\color{{black!20}}\\rule{{{_pt(width)}}}{{{_pt(height)}}}}}"
        out = [
            f"\\vspace{{6pt}}\\noindent{box}\\par\\vspace{{3pt}}\n",
            self.line(headline, st.body * 1.2, "sansbold", "left") if headline else "",
            f"{{\\setlength{{\\parindent}}{{0pt}}{self.size(size, 1.45)}\\CJKfamily{{{family}}}"
            f"{_e(caption + tail)}\\par}}\n",
        ]
        align = rng.choice(("right", "left"))
        for text in lines:
            out.append(self.line(text, size, family, align, self.look.space))
        self.items.append(
            Item(kind="caption", headline=headline, paragraphs=(caption,), credit=credit)
        )
        return "".join(out)

    def briefs(self) -> str:
        rng, st, b = self.rng, self.style, self.b
        out = [self.body_block(1, "")]
        for n in range(rng.randint(2, 4)):
            if n:
                out.append("\\par\\vspace{4pt}\\hrule height 0.4pt\\vspace{4pt}\n")
            body = b.body(1, 1)
            if rng.random() < 0.3:
                marker = rng.choice("■●□")
                out.append(f"\\noindent {marker}\\hspace{{0.3em}}{_e(body[0])}\\par\n")
                self.items.append(Item(kind="brief", paragraphs=body, marker=marker))
                continue
            headline = rng.choice(b.corpus.heads + b.corpus.special_heads)
            out.append(self.line(headline, st.body * 1.3, "sansbold", "left"))
            out.append("\\vspace{3pt}\n" + self.paragraphs(body) + "\\par\n")
            self.items.append(Item(headline=headline, paragraphs=body))
        return "".join(out)

    def furniture(self, page: int) -> tuple[str, str]:
        """The masthead and date band, or the header band; and the header text."""
        rng, st = self.rng, self.style
        day = self.b.day
        weekday = f"星期{typesetgen._WEEKDAY[dt.date(1998, 1, day).weekday()]}"
        when = typesetgen._date(day, full_width=rng.random() < 0.2)
        sp = self.look.space
        if page == 1:
            band = [f"{when} {weekday}", f"第{page}版"]
            if rng.random() < 0.5:
                band.append(f"今日{rng.choice((12, 16, 20))}版")
            size = st.body * rng.uniform(5, 7)
            where = rng.choice(("center", "left"))
            out = self.line("人民日报", size, "sansblack", where)
            cell = st.width / len(band)
            boxed = "".join(f"\\makebox[{_pt(cell)}][l]{{{_e(t, sp)}}}" for t in band)
            out += (
                f"\\vspace{{{_pt(size * 0.3)}}}\n{{\\noindent{self.size(st.body)}{boxed}\\par}}\n"
                "\\vspace{3pt}\\hrule height 1.2pt\\vspace{6pt}\n"
            )
            return out, " ".join(["人民日报", *band])
        section = rng.choice(typesetgen._SECTIONS)
        editor = rng.choice(("责任编辑 ", "责任编辑：")) + typesetgen._name(rng)
        cells = [str(page), section, f"{when} {weekday}", editor]
        sizes = [st.body * 2.4, st.body * 1.6, st.body, st.body]
        families = ["sansblack", "sansbold", "sans", "sans"]
        if rng.random() < 0.5:  # even pages carry the number on the left, odd on the right
            cells, sizes, families = cells[::-1], sizes[::-1], families[::-1]
        boxes = [
            f"{{{self.size(s)}\\CJKfamily{{{f}}}{_e(c, sp)}}}"
            for c, s, f in zip(cells, sizes, families, strict=True)
        ]
        line = f"{boxes[0]}\\hspace{{14pt}}{boxes[1]}\\hspace{{14pt}}{boxes[2]}\\hfill{boxes[3]}"
        out = f"{{\\noindent{line}\\par}}\n\\vspace{{3pt}}\\hrule height 1.5pt\\vspace{{6pt}}\n"
        return out, " ".join(cells)

    def row(self, spans: list[str]) -> str:
        """A row of modules side by side, tops aligned; `spans` like ["story:3", "briefs:1"]."""
        st = self.style
        cells = []
        for cell in spans:
            kind, n = cell.split(":")
            span = int(n)
            if kind == "lead":
                content = self.story(span, lead=True, body=(3, 8))
            elif kind == "story":
                content = self.story(span, body=(span, 1 + 2 * span))
            elif kind == "photo":
                content = self.photo(span)
            else:
                content = self.briefs()
            cells.append(
                f"\\begin{{minipage}}[t]{{{_pt(st.span(span))}}}\\vspace{{0pt}}\n"
                f"{content}\\end{{minipage}}"
            )
        half = _pt(st.gutter / 2)
        rule = "\\vrule width 0.4pt" if self.look.column_rule else ""
        sep = f"\\hspace{{{half}}}{rule}\\hspace{{{half}}}%\n"
        # One box: a row never breaks, whatever the rounding of its widths.
        return "\\noindent\\hbox{%\n" + sep.join(cells) + "}\\par\n"

    def latex(self, page: int) -> tuple[str, str]:
        """The page's LaTeX and header text."""
        rng, st, look = self.rng, self.style, self.look
        furniture, header = self.furniture(page)
        rows = typesetgen._rows(rng, st.columns, page == 1)
        between = "\\vspace{6pt}\\hrule height 0.5pt\\vspace{6pt}\n"
        body = between.join(self.row(r) for r in rows)
        margin = 36
        ecglue = "" if look.ecglue else "CJKecglue={},"
        variant_fonts = "\n" + self.variant.fonts() if self.variant else ""
        paper = f"paperwidth={_pt(st.width + 2 * margin)},paperheight=16000pt,margin={margin}pt"
        doc = f"""\\documentclass{{article}}
\\usepackage[{paper}]{{geometry}}
\\usepackage{{xeCJK}}
\\usepackage{{multicol}}
\\usepackage{{xcolor}}
\\usepackage{{graphicx}}
\\xeCJKsetup{{PunctStyle={look.punct},{ecglue}CheckSingle=true}}
\\xeCJKDeclareCharClass{{CJK}}{{{CJK_SYMBOLS}}}
{_fonts(look)}{variant_fonts}
\\pagestyle{{empty}}
\\setlength{{\\parskip}}{{0pt}}
\\setlength{{\\columnsep}}{{{_pt(st.gutter)}}}
\\setlength{{\\columnseprule}}{{{"0.4pt" if look.column_rule else "0pt"}}}
\\setlength{{\\multicolsep}}{{2pt}}
\\emergencystretch=2em
\\newsavebox\\pagebox
\\begin{{document}}
\\begin{{lrbox}}{{\\pagebox}}\\begin{{minipage}}[t]{{{_pt(st.width)}}}\\vspace{{0pt}}
{furniture}{body}\\end{{minipage}}\\end{{lrbox}}%
\\pdfpageheight=\\dimexpr\\ht\\pagebox+\\dp\\pagebox+{2 * margin}pt\\relax
\\noindent\\usebox{{\\pagebox}}
\\end{{document}}
"""
        return doc, header


def layout(
    seed: int, variant: bool = False, page_type: type[_Page] = _Page
) -> tuple[int, str, tuple[Item, ...], str]:
    """The page number, header, items and LaTeX of one seeded page (`variant`: in the
    type of `Variant.draw(seed)`; `page_type`: who picks its stories)."""
    corpus = typesetgen.load_corpus()
    if corpus is None:
        raise FileNotFoundError(typesetgen.CORPUS)
    rng = random.Random(seed)
    page = 1 if rng.random() < 0.35 else rng.randint(2, 16)
    layout = page_type(corpus, rng, Look.draw(seed), Variant.draw(seed) if variant else None)
    doc, header = layout.latex(page)
    return page, header, tuple(layout.items), doc


def compile_pdf(doc: str, engine: str = "xelatex", timeout: int = 300) -> bytes:
    """The LaTeX set by `engine` (one run: nothing refers forward)."""
    with tempfile.TemporaryDirectory(prefix=f"{engine}-") as tmp:
        (Path(tmp) / "page.tex").write_text(doc, encoding="utf-8")
        (Path(tmp) / "photo.png").write_bytes(chromegen._png())
        done = subprocess.run(
            [engine, "-interaction=batchmode", "-halt-on-error", "page.tex"],
            cwd=tmp,
            capture_output=True,
            timeout=timeout,
        )
        pdf = Path(tmp) / "page.pdf"
        if done.returncode or not pdf.exists():
            log = (Path(tmp) / "page.log").read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"{engine} failed:\n{log[-3000:]}")
        return pdf.read_bytes()


def generate(
    seed: int, variant: bool = False, page_type: type[_Page] = _Page, name: str = ""
) -> typesetgen.TypesetPage:
    """One TeX page, seeded; cached under bench/out/tex/ beside its LaTeX (`name`: the
    cache's name for pages of another `page_type`)."""
    page, header, items, doc = layout(seed, variant, page_type)
    pdf = cached_pdf(CACHE / f"{name or ('texvar' if variant else 'tex')}-{seed}", doc)
    return typesetgen.TypesetPage(seed, page, header, items, doc, pdf)


def cached_pdf(stem: Path, doc: str, engine: str = "xelatex", timeout: int = 300) -> bytes:
    """`doc` set by `engine`, from `stem`.pdf when `stem`.tex holds the same LaTeX; else
    set now and both written there."""
    tex, pdf_path = stem.with_suffix(".tex"), stem.with_suffix(".pdf")
    if tex.exists() and pdf_path.exists() and tex.read_text(encoding="utf-8") == doc:
        return pdf_path.read_bytes()
    pdf = compile_pdf(doc, engine, timeout)
    stem.parent.mkdir(parents=True, exist_ok=True)
    pdf_path.write_bytes(pdf)
    tex.write_text(doc, encoding="utf-8")
    return pdf


def main() -> None:
    """Write PDFs, their LaTeX and ground truth to a folder."""
    missing = "xelatex, the fonts or the corpus are missing"
    var_missing = "the variant's system CJK fonts (see bench/weasygen.py) are missing"
    weasygen.write_pages(
        "tex",
        generate,
        None if available() else missing,
        source=".tex",
        look=Look.draw,
        variant=(
            lambda seed: generate(seed, variant=True),
            Variant.draw,
            None if available() and weasygen.variant_available() else var_missing,
        ),
    )


class _Variant:
    """The variant pages as an engine of their own (`generate`), for bench/structure.py."""

    @staticmethod
    def generate(seed: int) -> typesetgen.TypesetPage:
        return generate(seed, variant=True)


VARIANT = _Variant()


if __name__ == "__main__":
    main()
