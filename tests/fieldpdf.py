"""Small PDFs in the shapes e-paper PDFs come in from the field (issue 12): pages turned by
/Rotate or drawn turned, page boxes off the origin, crop marks, scans with and without an
OCR layer, hidden text, a font without ToUnicode, pages of two sizes, spreads.

Written object by object, so each shape is exactly what it says and the bytes are the same
every run. Text is set in the standard CID font STSong-Light (UniGB-UCS2-H: Unicode in,
no embedding), which PDFium maps back to Unicode as the reportlab pages do.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

WIDTH, HEIGHT = 300.0, 420.0
"""The upright page: a single column of news, in points."""

HEADLINE = "江南水乡迎来春耕"
LINES = (
    "　　本报讯　连日来，江南各地抓住",
    "晴好天气，组织农民抢修水利，备足",
    "种子化肥，田间地头一片繁忙景象。",
    "　　据了解，今年全省计划播种早稻",
    "八百万亩，比去年增加三成以上。",
)
"""A headline and two paragraphs, set 12 pt on a 15-character measure."""

_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
    b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
    b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
    b"/CapHeight 880 /StemV 93 >> /DW 1000 >>] >>"
)


def show(text: str, x: float, y: float, size: float, mode: int = 0) -> str:
    """A content-stream fragment setting `text` at (x, y) in STSong-Light."""
    code = text.encode("utf-16-be").hex().upper()
    return f"BT /F1 {size:g} Tf {mode} Tr {x:g} {y:g} Td <{code}> Tj ET\n"


def article(x: float = 0.0, y: float = 0.0, mode: int = 0) -> str:
    """The headline and its paragraphs, with the page's lower left corner at (x, y)."""
    out = show(HEADLINE, x + 54, y + HEIGHT - 60, 20, mode)
    for k, line in enumerate(LINES):
        out += show(line, x + 60, y + HEIGHT - 100 - 18 * k, 12, mode)
    return out


def image(x: float, y: float, w: float, h: float) -> str:
    """A grey 8x8 picture drawn over (x, y, w, h): a scan with no text in it."""
    data = bytes((k * 37) % 256 for k in range(64)).hex().upper()
    return (
        f"q {w:g} 0 0 {h:g} {x:g} {y:g} cm BI /W 8 /H 8 /CS /G /BPC 8 /F /AHx ID\n{data}>\nEI Q\n"
    )


@dataclass
class Page:
    """One page: its content stream and what its dictionary says besides."""

    content: str
    box: tuple[float, float, float, float] = (0.0, 0.0, WIDTH, HEIGHT)
    extra: str = ""  # more of the page dictionary, e.g. "/Rotate 90 /CropBox [...]"
    resources: str = ""  # more of the resources dictionary
    annots: Sequence[str] = field(default_factory=tuple)


def pdf(
    pages: Sequence[Page],
    catalog: str = "",
    fonts: Sequence[bytes] = (),
    extra: Sequence[bytes] = (),
    tree: str = "",
) -> bytes:
    """The pages as one PDF file. `catalog` adds to the catalog (optional content's
    /OCProperties); `extra` objects are numbered 4, 5, ...; `fonts` are more fonts,
    named /F2, /F3, ... on every page; `tree` adds to the page tree's dictionary, which
    its pages inherit (/Rotate, /MediaBox)."""
    objects: list[bytes] = [b"", b"", _FONT, *extra]  # 1 catalog, 2 page tree, 3 the font
    extra_fonts = ""
    for k, font in enumerate(fonts):
        objects.append(font)
        extra_fonts += f" /F{k + 2} {len(objects)} 0 R"
    kids = []
    for page in pages:
        stream = zlib.compress(page.content.encode("latin-1"))
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        )
        content = len(objects)
        annots = []
        for annot in page.annots:
            objects.append(annot.encode("latin-1"))
            annots.append(f"{len(objects)} 0 R")
        box = " ".join(f"{v:g}" for v in page.box)
        annot_list = f" /Annots [{' '.join(annots)}]" if annots else ""
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Contents {content} 0 R "
                f"/Resources << /Font << /F1 3 0 R{extra_fonts} >> {page.resources}>>"
                f"{annot_list} {page.extra}>>"
            ).encode("latin-1")
        )
        kids.append(f"{len(objects)} 0 R")
    objects[0] = f"<< /Type /Catalog /Pages 2 0 R {catalog}>>".encode("latin-1")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} {tree}>>".encode()
    out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def upright() -> bytes:
    """The twin every shape is checked against."""
    return pdf([Page(article())])


def turned(
    rotation: int, shown: bool = True, inherited: bool = False, said: int | None = None
) -> bytes:
    """The page stored on its side or upside down, its text drawn turned by a matrix and
    `/Rotate` turning it back upright: what scanners and some e-paper sites write. Not
    `shown` upright: no /Rotate, the page shown on its side; `inherited`: the page
    tree's /Rotate, not the page's own; `said`: the /Rotate written, if not `rotation`
    (-90 for 270)."""
    matrix = {
        90: f"0 1 -1 0 {HEIGHT:g} 0",
        180: f"-1 0 0 -1 {WIDTH:g} {HEIGHT:g}",
        270: f"0 -1 1 0 0 {WIDTH:g}",
    }[rotation]
    box = (0.0, 0.0, WIDTH, HEIGHT) if rotation == 180 else (0.0, 0.0, HEIGHT, WIDTH)
    rotate = f"/Rotate {rotation if said is None else said}" if shown else ""
    page = Page(f"q {matrix} cm\n{article()}Q\n", box, "" if inherited else rotate)
    return pdf([page], tree=rotate if inherited else "")


MARKS = "人民日报　第3版　印刷厂：北京"
"""A slug line, set outside the CropBox below the page."""


def cropped(turned: bool = False) -> bytes:
    """The page inside a MediaBox 30 pt larger all round, a CropBox trimming to the page,
    a slug line and a crop mark's label in the margin outside it; `turned`: all of it
    stored on its side and shown upright by /Rotate 90."""
    marks = show(MARKS, 20, 10, 8) + show("裁切线", 5, HEIGHT + 45, 8)
    content = article(30, 30) + marks
    if not turned:
        crop = f"/CropBox [30 30 {WIDTH + 30:g} {HEIGHT + 30:g}]"
        return pdf([Page(content, (0, 0, WIDTH + 60, HEIGHT + 60), crop)])
    crop = f"/Rotate 90 /CropBox [30 30 {HEIGHT + 30:g} {WIDTH + 30:g}]"
    content = f"q 0 1 -1 0 {HEIGHT + 60:g} 0 cm\n{content}Q\n"
    return pdf([Page(content, (0, 0, HEIGHT + 60, WIDTH + 60), crop)])


def scan(mode: int | None = None) -> Page:
    """A page that is one picture; with `mode` 3, an OCR layer of invisible text over it."""
    text = "" if mode is None else article(mode=mode)
    return Page(image(0, 0, WIDTH, HEIGHT) + text)


HIDDEN = "隐藏图层的文字"


def hidden_layer() -> bytes:
    """The page with a line in an optional-content group that is off by default."""
    line = "/OC /L1 BDC\n" + show(HIDDEN, 60, 40, 12) + "EMC\n"
    return pdf(
        [Page(article() + line, resources="/Properties << /L1 4 0 R >> ")],
        catalog="/OCProperties << /OCGs [4 0 R] /D << /OFF [4 0 R] >> >> ",
        extra=[b"<< /Type /OCG /Name (Hidden) >>"],
    )


_NO_UNICODE = (
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Glyphs /Encoding << /Differences "
    b"[65 /g1 /g2 /g3 /g4] >> /FirstChar 65 /LastChar 68 /Widths [1000 1000 1000 1000] "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /Glyphs /Flags 4 "
    b"/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 "
    b"/StemV 80 >> >>"
)
"""A font whose glyphs have made-up names and no ToUnicode: no character for any."""


def unmapped(glyphs: int, y: float = 40) -> bytes:
    """The page and a line of `glyphs` glyphs in a font that maps none to Unicode, set
    at height `y`; the page cropped to 30 pt above its foot."""
    line = f"BT /F2 12 Tf 60 {y:g} Td (" + "ABCD"[:glyphs] + ") Tj ET\n"
    crop = f"/CropBox [0 30 {WIDTH:g} {HEIGHT:g}]"
    return pdf([Page(article() + line, extra=crop)], fonts=[_NO_UNICODE])


def bitmap_font(tounicode: str = "") -> tuple[list[bytes], bytes]:
    """A scanner's Type 3 font of four bitmap glyphs (/g1-/g4, codes A-D), no Unicode in
    their names; `tounicode` maps A-D to its characters. Its objects (4-7, and 8 the map)
    to pass as `extra`, and the font to pass in `fonts` (/F2)."""
    proc = (
        "1000 0 0 0 1000 1000 d1 q 1000 0 0 1000 0 0 cm BI /W 8 /H 8 /IM true /BPC 1 "
        "/D [1 0] /F /AHx ID\nFF818181818181FF>\nEI Q"
    ).encode("latin-1")
    extra = [b"<< /Length %d >>\nstream\n" % len(proc) + proc + b"\nendstream"] * 4
    mapping = ""
    if tounicode:
        pairs = " ".join(f"<{0x41 + k:02X}> <{ord(c):04X}>" for k, c in enumerate(tounicode))
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T3 def "
            "1 begincodespacerange <00> <FF> endcodespacerange "
            f"{len(tounicode)} beginbfchar {pairs} endbfchar endcmap "
            "CMapName currentdict /CMap defineresource pop end end"
        ).encode("latin-1")
        extra.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
        mapping = " /ToUnicode 8 0 R"
    font = (
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] "
        "/FontMatrix [0.001 0 0 0.001 0 0] "
        "/CharProcs << /g1 4 0 R /g2 5 0 R /g3 6 0 R /g4 7 0 R >> "
        "/Encoding << /Type /Encoding /Differences [65 /g1 /g2 /g3 /g4] >> "
        f"/FirstChar 65 /LastChar 68 /Widths [1000 1000 1000 1000] /Resources << >>{mapping} >>"
    ).encode("latin-1")
    return extra, font


def actual_text(text: str, drawn: str) -> str:
    """`drawn` (a content-stream fragment) in a span whose /ActualText is `text`."""
    said = "FEFF" + text.encode("utf-16-be").hex().upper()
    return f"/Span << /ActualText <{said}> >> BDC\n{drawn}EMC\n"


def body() -> str:
    """The article without its headline."""
    return article().split("\n", 1)[1]
