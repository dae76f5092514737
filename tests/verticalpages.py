"""Pages with vertical type (竖排) beside horizontal stories, made two independent ways.

- `chromium_pdf`: Blink lays the heads out with `writing-mode: vertical-rl;
  text-orientation: upright` in Noto Serif CJK SC (a face with vertical metrics and
  the `vert` forms), Skia writes the PDF: a vertical headline left of its story, a
  vertical kicker left of a horizontal headline, a column name (`今日谈`) in a ruled
  box, one whose digits are turned a quarter (`text-orientation: mixed`, the CSS
  default), and last a vertical headline right of its story.
- `reportlab_pdf`: glyph by glyph, upright glyphs placed one under another at one x in
  AR PL UMing (a TrueType face with the vertical presentation forms), with those forms
  where a typesetter sets them (﹁﹂ for quotes, ︵︶ for brackets, ︓ for a colon); a
  column name in reportlab's CID font `STSong-Light` written with the vertical CMap
  `UniGB-UCS2-V` (the writer advances each glyph down the page itself).

Each returns the PDF's bytes, or None when its engine or face is not on this machine.
The stories' texts are the module's constants, so a test can count every character.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Page

P = "国务院日前发出通知，要求各地做好春节期间的市场供应工作，保证群众过一个欢乐祥和的节日。"
Q = "各级政府要加强对市场的调控，稳定物价，丰富供应，满足城乡居民的节日消费需求。"
R = "记者在百货大楼看到，食品、服装、家电柜台前挤满了选购商品的顾客，营业员忙个不停。"
MASTHEAD = "人民日报"
HEAD = "春节市场供应充足"  # vertical, left of its story
KICKER = "迎接新春佳节"  # vertical, left of the horizontal headline
UNDER_KICKER = "城市供暖保障有力"
COLUMN = "今日谈"  # vertical, in a ruled box
RIGHT_HEAD = "菜篮子：十年巨变（上）"  # vertical, right of its story
DIGITS_HEAD = "迎接1998年春节"  # vertical, its digits turned a quarter (`mixed`)
STORIES: dict[str, tuple[str, ...]] = {
    HEAD: (P, Q, P),
    UNDER_KICKER: (Q, P),
    COLUMN: (R, Q),
    RIGHT_HEAD: (P, R),
    DIGITS_HEAD: (Q, R),
}

# The reportlab page: the same heads with vertical forms where a typesetter puts them.
FORMS_HEAD = "﹁菜篮子﹂工程见成效"
FORMS_RIGHT = "菜篮子︓十年巨变︵上︶"
V_COLUMN = "短评"
FORMS_STORIES: dict[str, tuple[str, ...]] = {
    FORMS_HEAD: (P, Q),
    FORMS_RIGHT: (Q, R),
    V_COLUMN: (R, P),
}
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
_CHROMIUM_FACE = "Noto Serif CJK SC"


def _face_installed(name: str) -> bool:
    fc = shutil.which("fc-list")
    if fc is None:
        return False
    done = subprocess.run([fc, ":", "family"], capture_output=True, text=True, check=False)
    return name in done.stdout


def _html() -> str:
    def body(paras: tuple[str, ...]) -> str:
        return "".join(f"<p>{p}</p>" for p in paras)

    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: 420pt 1000pt; margin: 30pt; }}
body {{ font-family: '{_CHROMIUM_FACE}'; font-size: 10pt; line-height: 1.45; margin: 0; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }}
h1 {{ font-size: 36pt; text-align: center; margin: 0 0 6pt 0; border-bottom: 1px solid; }}
h2 {{ font-size: 18pt; text-align: center; margin: 0 0 4pt 0; }}
.v {{ writing-mode: vertical-rl; text-orientation: upright; white-space: nowrap; margin: 0; }}
.row {{ display: flex; gap: 8pt; margin-bottom: 20pt; align-items: flex-start; }}
.row > div {{ flex: 1; }}
.row > .v {{ flex: 0 0 24pt; }}  /* every story's text starts at one x, as in a column */
.head {{ font-size: 20pt; font-weight: 700; }}
.kick {{ font-size: 12pt; font-weight: 400; }}
.box {{ border: 1pt solid black; padding: 3pt; font-size: 14pt; font-weight: 700;
  box-sizing: border-box; text-align: center; }}
</style></head><body><h1>{MASTHEAD}</h1>
<div class="row"><h2 class="v head">{HEAD}</h2><div>{body(STORIES[HEAD])}</div></div>
<div class="row"><p class="v kick">{KICKER}</p>
<div><h2>{UNDER_KICKER}</h2>{body(STORIES[UNDER_KICKER])}</div></div>
<div class="row"><div class="v box">{COLUMN}</div>
<div>{body(STORIES[COLUMN])}</div></div>
<div class="row"><h2 class="v head" style="text-orientation: mixed">{DIGITS_HEAD}</h2>
<div>{body(STORIES[DIGITS_HEAD])}</div></div>
<div class="row"><div>{body(STORIES[RIGHT_HEAD])}</div><h2 class="v head">{RIGHT_HEAD}</h2></div>
</body></html>"""


def chromium_pdf() -> bytes | None:
    """The Chromium page, or None without Chromium or its face."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import chromegen

    if chromegen.binary() is None or not _face_installed(_CHROMIUM_FACE):
        return None
    return chromegen.print_pdf(_html())


def _wrap(text: str, per_line: int) -> list[str]:
    return [text[k : k + per_line] for k in range(0, len(text), per_line)]


def reportlab_pdf() -> bytes | None:
    """The glyph-by-glyph page, or None without the UMing face."""
    if not UMING.exists():
        return None
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    vertical = UnicodeCIDFont("STSong-Light", isVertical=True)
    vertical.name = vertical.fontName = "STSong-Light-V"  # both encodings side by side
    pdfmetrics.registerFont(vertical)
    pdfmetrics.registerFont(TTFont("UMingCN", str(UMING), subfontIndex=0))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(360.0, 640.0), invariant=1)
    top = 600.0

    def story(paras: tuple[str, ...], x: float, y: float) -> float:
        """Paragraphs 20 characters a line, 14 points apart, the first line indented."""
        canvas.setFont("STSong-Light", 10)
        for para in paras:
            for n, text in enumerate(_wrap("\u3000\u3000" + para, 20)):
                canvas.drawString(x + (20 if n == 0 else 0), y, text.lstrip("\u3000"))
                y -= 14
        return y

    def upright(text: str, font: str, size: float, x: float, y: float) -> None:
        """One glyph under another, an em apart, at one x."""
        canvas.setFont(font, size)
        for k, char in enumerate(text):
            canvas.drawString(x, y - k * size, char)

    # A vertical head left of its story, its top level with the story's first line.
    upright(FORMS_HEAD, "UMingCN", 18, 30, top - 8)
    foot = story(FORMS_STORIES[FORMS_HEAD], 60, top)
    # A vertical head right of its story.
    top = min(foot, top - 18 * len(FORMS_HEAD)) - 30
    foot = story(FORMS_STORIES[FORMS_RIGHT], 30, top)
    upright(FORMS_RIGHT, "UMingCN", 18, 250, top - 8)
    # A column name in the vertical CMap, in a ruled box, left of its commentary.
    top = min(foot, top - 18 * len(FORMS_RIGHT)) - 30
    canvas.rect(27, top - 30, 20, 40)
    canvas.setFont("STSong-Light-V", 14)  # a glyph hangs from its origin, centred on it
    canvas.drawString(37, top + 6, V_COLUMN)
    story(FORMS_STORIES[V_COLUMN], 60, top)
    canvas.save()
    return out.getvalue()


def visible(*texts: str | None) -> Counter[str]:
    """The characters of `texts`, whitespace aside."""
    return Counter(c for t in texts if t for c in t if not c.isspace())


def page_chars(page: Page) -> Counter[str]:
    """Every character a parsed page holds in its header and its items' fields."""
    out = visible(page.header)
    for it in page.items:
        out += visible(it.kicker, it.headline, it.subtitle, *it.paragraphs)
        out += visible(it.byline, it.credit, it.source)
    return out
