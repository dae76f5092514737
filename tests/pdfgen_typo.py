"""PDF pages with varied typography, set character by character through reportlab.

Where tests/pdfgen.py draws whole lines at one advance a character, this sets
type as broadsheets do: squeezed ，、“” (half an em), a quarter em around digits,
closing marks hung past the column, justified lines, several type sizes (kicker
smaller than its headline, no dashes; subtitle; briefs' small headlines), a
masthead with a date band or a header row, a column of briefs beside a lead,
pictures with captions whose credits come in every form. `build(seed)` gives the
PDF bytes and the truth in the shape of the Page JSON (DESIGN section 3).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from typing import Any

import pdfgen
from reportlab.pdfgen.canvas import Canvas

PAGE = (842.0, 1191.0)
MARGIN = 36.0
GUTTER = 12.0
COLUMNS = 5
BODY = 10.0
LEADING = 14.0
SQUEEZED = frozenset("，、；：“”‘’（）《》")
HANGING = frozenset("，。、")
CREDITS = (
    "新华社记者 {n} 摄",
    "（本报记者 {n} 摄）",
    "受访者供图",
    "本报记者 {n} 摄",
)
NAMES = ("吴萍磊", "王伟", "陈鹏", "李明")


@dataclass
class Setter:
    """Glyphs placed one by one: (char, x, baseline, size)."""

    glyphs: list[tuple[str, float, float, float]] = field(default_factory=list)

    def advance(self, char: str, size: float) -> float:
        if char.isascii():
            return 0.55 * size
        return 0.5 * size if char in SQUEEZED else size

    def pieces(self, text: str, size: float) -> list[tuple[str, float]]:
        """Characters with their advances, a quarter em around runs of digits."""
        out: list[tuple[str, float]] = []
        for i, char in enumerate(text):
            adv = self.advance(char, size)
            if char.isascii() and char != " ":
                if i and not text[i - 1].isascii():
                    out.append(("", 0.25 * size))
                out.append((char, adv))
                if i + 1 < len(text) and not text[i + 1].isascii():
                    out.append(("", 0.25 * size))
            elif char == " ":
                out.append(("", 0.33 * size))
            else:
                out.append((char, adv))
        return out

    def line(self, pieces: list[tuple[str, float]], x: float, y: float, size: float,
             width: float | None = None) -> None:  # fmt: skip
        """Set one line at x; justified to `width` when given (a hung mark left out)."""
        chars = [p for p in pieces if p[0]]
        natural = sum(a for _, a in pieces)
        hang = 0.0
        if chars and chars[-1][0] in HANGING and width is not None and natural > width:
            hang = pieces[-1][1]
        extra = 0.0
        if width is not None and len(pieces) > 1:
            extra = max(0.0, width - (natural - hang)) / (len(pieces) - 1)
        for char, adv in pieces:
            if char:
                self.glyphs.append((char, x, y, size))
            x += adv + extra

    def paragraph(self, text: str, x: float, y: float, width: float, size: float,
                  indent: bool = True) -> list[float]:  # fmt: skip
        """Set a justified paragraph from y down; the baselines used."""
        pieces = self.pieces(text, size)
        lines: list[list[tuple[str, float]]] = [[]]
        room = width - (2 * size if indent else 0.0)
        used = 0.0
        for piece in pieces:
            fits = used + piece[1] <= room + 0.01
            hangs = piece[0] in HANGING and used <= room
            if lines[-1] and not fits and not hangs:
                lines.append([])
                used, room = 0.0, width
            lines[-1].append(piece)
            used += piece[1]
        if len(lines) > 1 and len([p for p in lines[-1] if p[0]]) == 1:
            lines[-1] = lines[-2][-1:] + lines[-1]
            lines[-2] = lines[-2][:-1]
        ys = []
        for n, pieces_ in enumerate(lines):
            start = x + (2 * size if indent and n == 0 else 0.0)
            last = n == len(lines) - 1
            self.line(pieces_, start, y, size, None if last else x + width - start)
            ys.append(y)
            y -= LEADING * size / BODY
        return ys


def _col(k: int) -> float:
    one = (PAGE[0] - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS
    return MARGIN + k * (one + GUTTER)


def _span(n: int) -> float:
    one = (PAGE[0] - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS
    return n * one + (n - 1) * GUTTER


def _item(kind: str = "article", paragraphs: Any = (), **fields: str | None) -> dict[str, Any]:
    out: dict[str, Any] = dict.fromkeys(("kicker", "headline", "subtitle", "byline", "source"))
    out.update(credit=None, marker=None)
    out.update(fields, kind=kind, paragraphs=list(paragraphs))
    return out


def _flow(s: Setter, paragraphs: list[str], col: int, span: int, top: float) -> float:
    """Body over `span` columns from `top`, balanced by lines; the lowest baseline."""
    sets = []
    for text in paragraphs:
        one = Setter()
        sets.append((one, one.paragraph(text, 0, 0, _span(1), BODY)))
    per = -(-sum(len(ys) for _, ys in sets) // span)
    used, low = 0, top
    for one, ys in sets:
        for char, gx, gy, size in one.glyphs:
            k, row = divmod(used + ys.index(gy), per)
            y = top - row * LEADING
            s.glyphs.append((char, _col(col + k) + gx, y, size))
            low = min(low, y)
        used += len(ys)
    return low


def _story(s: Setter, rng: random.Random, story: pdfgen.Story, col: int, span: int,
           top: float, digits: bool) -> tuple[dict[str, Any], float]:  # fmt: skip
    kicker = rng.choice(KICKERS) if rng.random() < 0.5 else None
    headline = rng.choice(HEADLINES) if digits else story.headline
    subtitle = rng.choice(SUBTITLES) if rng.random() < 0.5 else None
    byline = f"本报记者{rng.choice(NAMES)}" if rng.random() < 0.6 else None
    y = top
    for text, size in ((kicker, 12.0), (headline, 22.0), (subtitle, 14.0)):
        if text:
            y -= size * 1.3
            s.line(s.pieces(text, size), _col(col), y, size)
    y -= LEADING * 1.3
    if byline:
        s.line(s.pieces(byline, BODY), _col(col), y, BODY)
        y -= LEADING
    low = _flow(s, list(story.paragraphs[:3]), col, span, y)
    fields = {"kicker": kicker, "headline": headline, "subtitle": subtitle, "byline": byline}
    return _item("article", story.paragraphs[:3], **fields), low


HEADLINES = (
    "举报过期食品被奖2毛，安全监管岂能如此",
    "菜篮子：十年巨变",
    "全省新建校舍120所，适龄儿童全部入学",
    "“绿色通道”畅通无阻",
)
KICKERS = ("春节前夕走基层", "一线见闻", "改革开放二十年")
SUBTITLES = ("各地加快推进年度重点工程", "记者走访京郊农村见闻")


def build(seed: int) -> tuple[bytes, dict[str, Any]]:
    """One page: PDF bytes and its truth (header and items in reading order)."""
    rng = random.Random(seed)
    lines = pdfgen.corpus_lines()
    stories = pdfgen.stories(lines, rng)
    s = Setter()
    items: list[dict[str, Any]] = []
    top = PAGE[1] - MARGIN
    front = seed % 2 == 1
    if front:
        s.line(s.pieces("人民日报", 44.0), _col(0), top - 44, 44.0)
        band = f"1998年1月{seed % 28 + 1}日 星期一 第1版"
        s.line(s.pieces(band, BODY), _col(0), top - 62, BODY)
        header = f"人民日报 {band}"
        top -= 80
    else:
        header = f"2 要闻 1998年1月{seed % 28 + 1}日 星期四 责任编辑：赵磊"
        s.line(s.pieces(header, BODY), _col(0), top - BODY, BODY)
        top -= 30
    lead, low = _story(s, rng, next(stories), 0, 4, top, digits=True)
    items.append(lead)
    y = top  # briefs beside the lead, small headlines in the fifth column
    for _ in range(3):
        brief = next(stories)
        head = (brief.headline or "简讯")[:8]
        y -= 12 * 1.3
        s.line(s.pieces(head, 12.0), _col(4), y, 12.0)
        y -= LEADING
        text = brief.paragraphs[0][:90]
        if text[-1] not in "。！？”":
            text += "。"
        ys = s.paragraph(text, _col(4), y, _span(1), BODY)
        y = ys[-1] - LEADING * 1.2
        items.append(_item("article", [text], headline=head))
    top = min(low, y) - 3 * LEADING
    # A picture over two columns with its caption, a story beside it.
    w, h = _span(2), 0.5 * _span(2)
    s_boxes = [(_col(0), top - h, w, h)]
    form = rng.choice(CREDITS).format(n=rng.choice(NAMES))
    caption = rng.choice([ln for ln in lines if 20 <= len(ln) <= 60 and ln[-1] == "。"])
    if rng.random() < 0.4:
        caption = "图为" + caption
    cy = top - h - LEADING
    if form.startswith("（"):
        ys = s.paragraph(caption + form, _col(0), cy, w, BODY, indent=False)
    else:
        ys = s.paragraph(caption, _col(0), cy, w, BODY, indent=False)
        s.line(s.pieces(form, BODY), _col(0) + w - len(form) * BODY * 0.8, ys[-1] - LEADING, BODY)
        ys.append(ys[-1] - LEADING)
    items.append(_item("caption", [caption], credit=form))
    story, low2 = _story(s, rng, next(stories), 2, 3, top, digits=False)
    items.append(story)
    return _render(s, s_boxes), {"header": header, "items": items, "low": min(low2, ys[-1])}


def _render(s: Setter, boxes: list[tuple[float, float, float, float]]) -> bytes:
    """Each row of glyphs as one TJ array: PDFium drops lone CID glyphs of a font that
    is not embedded, so every glyph is placed by a kerning number, not a text object."""
    from reportlab.pdfbase import pdfmetrics

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=PAGE, invariant=True)
    canvas.setFillGray(0.8)
    for x, y, w, h in boxes:
        canvas.rect(x, y, w, h, stroke=0, fill=1)
    canvas.setFillGray(0.0)
    font = pdfgen.font()
    rows: dict[tuple[float, float], list[tuple[float, str]]] = {}
    for char, x, y, size in s.glyphs:
        rows.setdefault((round(y, 2), size), []).append((x, char))
    text = canvas.beginText()
    for (y, size), row in sorted(rows.items(), key=lambda kv: (-kv[0][0], kv[0][1])):
        row.sort()
        text.setFont(font, size)
        text.setTextOrigin(row[0][0], y)
        parts = []
        for (x, char), nxt in zip(row, [*row[1:], None], strict=True):
            parts.append("<" + char.encode("utf-16-be").hex().upper() + ">")
            if nxt is not None:
                natural = pdfmetrics.stringWidth(char, font, size)
                parts.append(f"{-(nxt[0] - x - natural) * 1000 / size:.1f}")
        text._code.append("[" + " ".join(parts) + "] TJ")
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
