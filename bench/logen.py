"""Broadsheet pages set by a sixth engine, LibreOffice Writer, with their ground truth.

Issue 12 holds PDF import to a private set "set by another typesetting engine, OpenType
CJK fonts, 4-6 columns". Every other generator here was written by this project for the
parser: Typst, WeasyPrint, Chromium and TeX pages set the same Noto SC files, or system
faces picked by the project. An office suite is the producer such a set most likely
came from, and none of its machinery is ours: Writer lays the text out (its own line
breaking, CJK justification, punctuation compression and hanging punctuation, columns
balanced in sections, tables for rows of modules) and its PDF export writes the fonts
(CFF outlines as Type 1, TrueType as subsets, a bold the face lacks made by stroking)
and the text runs.

The content is tests/typesetgen.py's, picked the same way as bench/texgen.py picks it
(its `_Builder` draws headlines, kickers, subtitles, bodies; its `_byline`,
`_credit_forms` and `_rows` the bylines, credits and rows of modules). A page is a flat
ODF text document (`.fodt`, XML written here: no new dependency) converted with
`soffice --headless --convert-to pdf`: a masthead and date band or an inner page's
header band (a table), then rows of modules, each row a table whose cells are the
modules (a lead over n-1 or n columns, stories over 1-3 columns whose body is a section
balanced over its columns, pictures with caption and credit, a column of briefs), rules
between the rows. What Writer allows and real papers vary is drawn from a second seed
(`Look`): the system CJK faces (Noto Serif / Sans CJK SC, AR PL UMing, WenQuanYi Zen
Hei, Kai for kickers, subtitles or bylines), head sizes 1.3x to 3.6x the body, Writer's
punctuation compression on or off, hanging punctuation, autospace between CJK and
Latin, exact or proportional line spacing, ragged text, rules in the gutters, pictures
as a PNG or a drawn box.

Optional: it runs only where `soffice` is on PATH and the system fonts are installed
(`available()`; `apt-get install libreoffice-writer-nogui fonts-noto-cjk fonts-wqy-zenhei
fonts-arphic-uming fonts-arphic-ukai`); soffice runs with its own profile under
the temporary folder. PDFs are cached under bench/out/office/ beside the `.fodt` they
were made from, and made again when it changes.

    python bench/logen.py --seed 3 --pages 2 --out /tmp/office
"""

from __future__ import annotations

import base64
import datetime as dt
import fcntl
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import chromegen  # noqa: E402
import texgen  # noqa: E402
import typesetgen  # noqa: E402
import weasygen  # noqa: E402
from typesetgen import Corpus, Item  # noqa: E402

CACHE = Path(__file__).resolve().parent / "out" / "office"
BINARIES = ("soffice", "libreoffice")
PROFILE = Path(tempfile.gettempdir()) / "logen-profile"
BODY_FACES = ("Noto Serif CJK SC", "AR PL UMing CN", "Noto Sans CJK SC", "WenQuanYi Zen Hei")
# (face, weight): a bold face, or the regular of a heavy one; Zen Hei and UMing have no
# bold, so a bold asked of them is Writer's own (stroked) bold.
HEAD_FACES = (
    ("Noto Sans CJK SC", "bold"),
    ("Noto Serif CJK SC", "bold"),
    ("WenQuanYi Zen Hei", "normal"),
    ("WenQuanYi Zen Hei", "bold"),
    ("Noto Sans CJK SC", "bold"),
)
KAI = "AR PL UKai CN"
FAMILIES = (*BODY_FACES, KAI)


def binary() -> str | None:
    """The soffice executable on PATH, if any."""
    return chromegen.first_on_path(BINARIES)


def available() -> bool:
    """Whether soffice, the system fonts and the corpus are all here."""
    if binary() is None or typesetgen.load_corpus() is None or shutil.which("fc-list") is None:
        return False
    done = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True)
    known = {f.strip() for line in done.stdout.splitlines() for f in line.split(",")}
    return all(family in known for family in FAMILIES)


@dataclass(frozen=True)
class Look:
    """What Writer lets a page vary beyond the content, drawn from a second seed."""

    body: str
    head: tuple[str, str]
    stack: tuple[str, str]  # kickers and subtitles
    byline: str
    caption: str
    compress: bool
    hanging: bool
    autospace: bool
    exact_leading: bool
    ragged: bool
    column_rule: bool
    image: bool

    @classmethod
    def draw(cls, seed: int) -> Look:
        rng = random.Random(f"office-{seed}")
        body = rng.choice(BODY_FACES)
        head = rng.choice(HEAD_FACES)
        stack = rng.choice((head, (body, "bold"), (KAI, "normal"), ("Noto Sans CJK SC", "bold")))
        if stack == (body, "normal"):
            stack = (body, "bold")  # a kicker at the body's size is set apart somehow
        return cls(
            body=body,
            head=head,
            stack=stack,
            byline=rng.choice((KAI, "Noto Sans CJK SC", body)),
            caption=rng.choice((body, "Noto Sans CJK SC", "WenQuanYi Zen Hei")),
            compress=rng.random() < 0.6,
            hanging=rng.random() < 0.5,
            autospace=rng.random() < 0.5,
            exact_leading=rng.random() < 0.5,
            ragged=rng.random() < 0.2,
            column_rule=rng.random() < 0.4,
            image=rng.random() < 0.5,
        )


def _e(text: str) -> str:
    """Text as ODF paragraph content: XML escaped, runs of spaces as `<text:s/>`."""
    out = escape(text)
    while "  " in out:
        out = out.replace("  ", " <text:s/>")
    return out


def _pt(value: float) -> str:
    return f"{value:.2f}pt"


class _Styles:
    """Automatic styles, one per distinct look, named as they are asked for."""

    def __init__(self) -> None:
        self.xml: list[str] = []
        self.names: dict[str, str] = {}

    def get(self, family: str, body: str) -> str:
        key = family + body
        if key not in self.names:
            name = f"{family[:1].upper()}{len(self.names) + 1}"
            self.names[key] = name
            self.xml.append(
                f'<style:style style:name="{name}" style:family="{family}">{body}</style:style>'
            )
        return self.names[key]


def _text_props(face: str, size: float, weight: str = "normal") -> str:
    return (
        f'<style:text-properties style:font-name="{face}" style:font-name-asian="{face}" '
        f'fo:font-size="{_pt(size)}" style:font-size-asian="{_pt(size)}" '
        f'fo:font-weight="{weight}" style:font-weight-asian="{weight}"/>'
    )


class _Page:
    """Lays one page out: ODF body and the items in reading order."""

    def __init__(self, corpus: Corpus, rng: random.Random, look: Look) -> None:
        self.rng = rng
        self.look = look
        n = rng.choice((4, 5, 6))
        body = rng.choice((9.0, 9.5, 10.0, 10.5))
        self.style = typesetgen._Style(
            columns=n,
            body=body,
            column=body * rng.randint(11, 15),
            gutter=body * rng.uniform(1.0, 1.6),
            head_font="",
            head_weight="",
            caption_font="",
            leading=rng.uniform(1.45, 1.75),
        )
        self.b = typesetgen._Builder(corpus, rng, self.style)
        self.items: list[Item] = self.b.items
        self.styles = _Styles()
        self.sections = 0

    # pieces

    def para_style(
        self,
        face: str,
        size: float,
        weight: str = "normal",
        align: str = "left",
        indent: float = 0,
        above: float = 0,
        below: float = 0,
        leading: str | None = None,
        border: str = "",
    ) -> str:
        line = f' fo:line-height="{leading}"' if leading else ""
        props = (
            f'<style:paragraph-properties fo:text-align="{align}" fo:text-indent="{_pt(indent)}" '
            f'fo:margin-top="{_pt(above)}" fo:margin-bottom="{_pt(below)}"{line}{border}/>'
            + _text_props(face, size, weight)
        )
        return self.styles.get("paragraph", props)

    def line(self, text: str, size: float, face: tuple[str, str], align: str, below: float) -> str:
        """A block of display type: unjustified, no indent."""
        style = self.para_style(face[0], size, face[1], align, below=below, leading="115%")
        return f'<text:p text:style-name="{style}">{_e(text)}</text:p>\n'

    def body_leading(self) -> str:
        st = self.style
        if self.look.exact_leading:
            return _pt(st.body * st.leading)
        return f"{round(100 * (st.leading - 0.45))}%"  # of the face's own line (about 1.4 em)

    def paragraphs(self, paragraphs: tuple[str, ...]) -> str:
        st, look = self.style, self.look
        align = "left" if look.ragged else "justify"
        style = self.para_style(look.body, st.body, "normal", align, 2 * st.body, 0, 0,
                                self.body_leading())  # fmt: skip
        return "".join(f'<text:p text:style-name="{style}">{_e(p)}</text:p>\n' for p in paragraphs)

    def section(self, span: int, text: str) -> str:
        """Text balanced over `span` columns (a section), or as is in one."""
        if span == 1:
            return text
        st = self.style
        rule = (
            '<style:column-sep style:width="0.5pt" style:color="#000000" style:height="100%"/>'
            if self.look.column_rule
            else ""
        )
        props = (
            '<style:section-properties text:dont-balance-text-columns="false">'
            f'<style:columns fo:column-count="{span}" fo:column-gap="{_pt(st.gutter)}">{rule}'
            "</style:columns></style:section-properties>"
        )
        style = self.styles.get("section", props)
        self.sections += 1
        return (
            f'<text:section text:style-name="{style}" text:name="s{self.sections}">\n'
            f"{text}</text:section>\n"
        )

    # modules

    def story(self, span: int, lead: bool = False, body: tuple[int, int] = (1, 4)) -> str:
        kicker, headline, subtitle, byline, paragraphs, source = texgen.story_text(
            self.rng, self.b, body
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
        rng, st, look = self.rng, self.style, self.look
        kicker, headline, subtitle = item.kicker, item.headline or "", item.subtitle
        paragraphs, source = item.paragraphs, item.source
        size = st.body * (rng.uniform(2.6, 3.6) if lead else rng.uniform(1.3, 2.4))
        size = max(min(size, st.span(span) / max(4, min(len(headline), 12))), 1.3 * st.body)
        ratio = size / st.body
        subtitle_pt = st.body * max(1.0, min(ratio * 0.6, ratio - 0.2))
        kicker_pt = rng.choice((subtitle_pt, max(size * 0.5, st.body)))
        align = rng.choice(("left", "center")) if span > 1 else "left"
        gap = size * 0.2
        out = []
        if kicker:
            out.append(self.line(kicker, kicker_pt, look.stack, align, gap))
        out.append(self.line(headline, size, look.head, align, gap))
        if subtitle:
            out.append(self.line(subtitle, subtitle_pt, look.stack, align, gap))
        for text in byline:
            out.append(self.line(text, st.body, (look.byline, "normal"), align, 2))
        if byline:
            out.append(self.spacer(4))
        out.append(self.section(span, self.paragraphs(paragraphs)))
        if source:  # under the columns: Writer may clip a balanced section's last line
            style = self.para_style(look.body, st.body, align="right", leading=self.body_leading())
            out.append(f'<text:p text:style-name="{style}">{_e(source)}</text:p>\n')
        self.items.append(item)
        return "".join(out)

    def spacer(self, height: float, border: str = "") -> str:
        """An empty paragraph `height` high, with a rule under it if `border`."""
        rule = f' fo:border-bottom="{border}" fo:padding="0pt"' if border else ""
        style = self.para_style(self.look.body, height, leading=_pt(height), border=rule)
        return f'<text:p text:style-name="{style}"/>\n'

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
        rng, st, look = self.rng, self.style, self.look
        width, height = st.span(span), st.span(span) * rng.uniform(0.45, 0.75)
        size = st.body * rng.uniform(0.85, 0.95)
        size_attrs = (
            f'text:anchor-type="as-char" svg:width="{_pt(width)}" svg:height="{_pt(height)}"'
        )
        if look.image:
            data = base64.b64encode(chromegen._png()).decode("ascii")
            box = (
                f'<draw:frame draw:name="p{len(self.items)}" {size_attrs}><draw:image>'
                f"<office:binary-data>{data}</office:binary-data></draw:image></draw:frame>"
            )
        else:
            fill = (
                '<style:graphic-properties draw:fill="solid" draw:fill-color="#cccccc" '
                'draw:stroke="none"/>'
            )
            box = f'<draw:rect draw:style-name="{self.styles.get("graphic", fill)}" {size_attrs}/>'
        holder = self.para_style(look.body, st.body, above=6, below=3, leading="100%")
        cap = self.para_style(look.caption, size, "normal", "justify", leading="125%")
        out = [f'<text:p text:style-name="{holder}">{box}</text:p>\n']
        if headline:
            out.append(self.line(headline, st.body * 1.2, ("Noto Sans CJK SC", "bold"), "left", 2))
        out.append(f'<text:p text:style-name="{cap}">{_e(caption + tail)}</text:p>\n')
        align = rng.choice(("right", "left"))
        for text in lines:
            out.append(self.line(text, size, (look.caption, "normal"), align, 1))
        self.items.append(
            Item(kind="caption", headline=headline, paragraphs=(caption,), credit=credit)
        )
        return "".join(out)

    def briefs(self) -> str:
        rng, st, b = self.rng, self.style, self.b
        out = []
        for n in range(rng.randint(2, 4)):
            if n:
                out.append(self.spacer(3, "0.4pt solid #000000") + self.spacer(3))
            body = b.body(1, 1)
            if rng.random() < 0.3:
                marker = rng.choice("■●□")
                style = self.para_style(self.look.body, st.body, align="justify",
                                        leading=self.body_leading())  # fmt: skip
                out.append(f'<text:p text:style-name="{style}">{marker}{_e(body[0])}</text:p>\n')
                self.items.append(Item(kind="brief", paragraphs=body, marker=marker))
                continue
            headline = rng.choice(b.corpus.heads + b.corpus.special_heads)
            out.append(self.line(headline, st.body * 1.3, ("Noto Sans CJK SC", "bold"), "left", 3))
            out.append(self.paragraphs(body))
            self.items.append(Item(headline=headline, paragraphs=body))
        return "".join(out)

    def table(self, widths: list[float], cells: list[str], style_cells: bool = True) -> str:
        """A row of cells `widths` wide, tops aligned, nothing drawn around them."""
        total = sum(widths)
        tstyle = self.styles.get(
            "table",
            f'<style:table-properties style:width="{_pt(total)}" table:align="left" '
            'fo:margin-top="0pt" fo:margin-bottom="0pt"/>',
        )
        cell = self.styles.get(
            "table-cell",
            '<style:table-cell-properties fo:padding="0pt" fo:border="none" '
            'style:vertical-align="top"/>',
        )
        cols = "".join(
            f'<table:table-column table:style-name="'
            f'{self.styles.get("table-column", self._col(w))}"/>'
            for w in widths
        )
        body = "".join(
            f'<table:table-cell table:style-name="{cell}" office:value-type="string">'
            f"{c or '<text:p/>'}</table:table-cell>"
            for c in cells
        )
        return (
            f'<table:table table:style-name="{tstyle}">{cols}'
            f"<table:table-row>{body}</table:table-row></table:table>\n"
        )

    @staticmethod
    def _col(width: float) -> str:
        return f'<style:table-column-properties style:column-width="{_pt(width)}"/>'

    def furniture(self, page: int) -> tuple[str, str]:
        """The masthead and date band, or the header band; and the header text."""
        rng, st = self.rng, self.style
        day = self.b.day
        weekday = f"星期{typesetgen._WEEKDAY[dt.date(1998, 1, day).weekday()]}"
        when = typesetgen._date(day, full_width=rng.random() < 0.2)
        sans = "Noto Sans CJK SC"
        if page == 1:
            band = [f"{when} {weekday}", f"第{page}版"]
            if rng.random() < 0.5:
                band.append(f"今日{rng.choice((12, 16, 20))}版")
            size = st.body * rng.uniform(5, 7)
            out = self.line("人民日报", size, (sans, "bold"), rng.choice(("center", "left")), 4)
            cells = [self.line(t, st.body, (self.look.body, "normal"), "left", 0) for t in band]
            out += self.table([st.width / len(band)] * len(band), cells)
            out += self.spacer(2, "1.2pt solid #000000") + self.spacer(6)
            return out, " ".join(["人民日报", *band])
        section = rng.choice(typesetgen._SECTIONS)
        editor = rng.choice(("责任编辑 ", "责任编辑：")) + typesetgen._name(rng)
        texts = [str(page), section, f"{when} {weekday}", editor]
        sizes = [st.body * 2.4, st.body * 1.6, st.body, st.body]
        weights = ["bold", "bold", "normal", "normal"]
        aligns = ["left", "left", "left", "right"]
        widths = [st.body * 3, st.body * 5, st.width - st.body * 20, st.body * 12]
        if rng.random() < 0.5:  # even pages carry the number on the left, odd on the right
            texts, sizes, weights, widths = texts[::-1], sizes[::-1], weights[::-1], widths[::-1]
            aligns = ["left", "left", "right", "right"]
        cells = [
            self.line(t, s, (sans, w), a, 0)
            for t, s, w, a in zip(texts, sizes, weights, aligns, strict=True)
        ]
        out = self.table(widths, cells) + self.spacer(2, "1.5pt solid #000000") + self.spacer(6)
        return out, " ".join(texts)

    def row(self, spans: list[str]) -> str:
        """A row of modules side by side; `spans` like ["story:3", "briefs:1"]."""
        st = self.style
        widths, cells = [], []
        for n, cell in enumerate(spans):
            kind, k = cell.split(":")
            span = int(k)
            if kind == "lead":
                content = self.story(span, lead=True, body=(3, 8))
            elif kind == "story":
                content = self.story(span, body=(span, 1 + 2 * span))
            elif kind == "photo":
                content = self.photo(span)
            else:
                content = self.briefs()
            if n:
                widths.append(st.gutter)
                cells.append("")
            widths.append(st.span(span))
            cells.append(content)
        return self.table(widths, cells)

    def document(self, page: int) -> tuple[str, str]:
        """The page's flat ODF and header text."""
        rng, st, look = self.rng, self.style, self.look
        furniture, header = self.furniture(page)
        rows = typesetgen._rows(rng, st.columns, page == 1)
        between = self.spacer(4, "0.5pt solid #000000") + self.spacer(6)
        body = between.join(self.row(r) for r in rows)
        margin = 36
        faces = "".join(
            f'<style:font-face style:name="{f}" svg:font-family="\'{f}\'"/>' for f in FAMILIES
        )
        wrap = "hanging" if look.hanging else "simple"
        autospace = "ideograph-alpha" if look.autospace else "none"
        return (
            f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" \
office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:settings><config:config-item-set config:name="ooo:configuration-settings">
<config:config-item config:name="CharacterCompressionType" config:type="short">\
{int(look.compress)}</config:config-item>
</config:config-item-set></office:settings>
<office:font-face-decls>{faces}</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties \
style:punctuation-wrap="{wrap}" style:line-break="strict" style:text-autospace="{autospace}" \
fo:orphans="1" fo:widows="1"/>
<style:text-properties style:font-name="{look.body}" style:font-name-asian="{look.body}" \
fo:font-size="{_pt(st.body)}" style:font-size-asian="{_pt(st.body)}" fo:language="zh" \
fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties \
fo:page-width="{_pt(st.width + 2 * margin)}" fo:page-height="3200pt" \
fo:margin-top="{margin}pt" fo:margin-bottom="{margin}pt" fo:margin-left="{margin}pt" \
fo:margin-right="{margin}pt"/></style:page-layout>
{"".join(self.styles.xml)}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>\
</office:master-styles>
<office:body><office:text>
{furniture}{body}</office:text></office:body></office:document>
"""
        ), header


def layout(seed: int, page_type: type[_Page] = _Page) -> tuple[int, str, tuple[Item, ...], str]:
    """The page number, header, items and flat ODF of one seeded page (`page_type`: who
    picks its stories)."""
    corpus = typesetgen.load_corpus()
    if corpus is None:
        raise FileNotFoundError(typesetgen.CORPUS)
    rng = random.Random(seed)
    page = 1 if rng.random() < 0.35 else rng.randint(2, 16)
    layout = page_type(corpus, rng, Look.draw(seed))
    doc, header = layout.document(page)
    return page, header, tuple(layout.items), doc


def convert(doc: str) -> bytes:
    """The flat ODF as Writer exports it to PDF (headless, a profile of its own)."""
    exe = binary()
    if exe is None:
        raise FileNotFoundError("soffice")
    # One soffice at a time per profile: a second one started on a profile in use hands
    # its file to the first or fails ("failed to launch javaldx"), and several score
    # runs at once share this profile.
    PROFILE.parent.mkdir(parents=True, exist_ok=True)
    with (
        open(PROFILE.parent / f"{PROFILE.name}.lock", "w") as lock,
        tempfile.TemporaryDirectory(prefix="logen-") as tmp,
    ):
        fcntl.flock(lock, fcntl.LOCK_EX)
        src = Path(tmp) / "page.fodt"
        src.write_text(doc, encoding="utf-8")
        done = subprocess.run(
            [
                exe,
                f"-env:UserInstallation={PROFILE.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            capture_output=True,
            timeout=300,
        )
        pdf = Path(tmp) / "page.pdf"
        if done.returncode or not pdf.exists():
            raise RuntimeError(f"soffice failed: {done.stderr.decode(errors='replace')[-2000:]}")
        return pdf.read_bytes()


def generate(
    seed: int, page_type: type[_Page] = _Page, name: str = "office"
) -> typesetgen.TypesetPage:
    """One Writer page, seeded; cached under bench/out/office/ beside its flat ODF
    (`name`: the cache's name for pages of another `page_type`)."""
    page, header, items, doc = layout(seed, page_type)
    stem = CACHE / f"{name}-{seed}"
    src, pdf_path = stem.with_suffix(".fodt"), stem.with_suffix(".pdf")
    if src.exists() and pdf_path.exists() and src.read_text(encoding="utf-8") == doc:
        pdf = pdf_path.read_bytes()
    else:
        pdf = convert(doc)
        CACHE.mkdir(parents=True, exist_ok=True)
        pdf_path.write_bytes(pdf)
        src.write_text(doc, encoding="utf-8")
    out = typesetgen.TypesetPage(seed, page, header, items, doc, pdf)
    unprinted = out.chars() - typesetgen.chars(typesetgen.pdfium_text(pdf))
    if unprinted:  # the truth must be what the page prints (Writer can clip a line)
        raise RuntimeError(f"office-{seed}: not printed: {''.join(unprinted.elements())}")
    return out


def main() -> None:
    """Write PDFs, their flat ODF and ground truth to a folder."""
    missing = "soffice, the system CJK fonts or the corpus are missing"
    weasygen.write_pages(
        "office", generate, None if available() else missing, source=".fodt", look=Look.draw
    )


if __name__ == "__main__":
    main()
