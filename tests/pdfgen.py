"""Real multi-column Chinese newspaper pages as PDFs, for the import tests and the bench.

Pages are laid out the way modern papers are: a page header, then rows of modules;
a module is one story (headline stack across its width, body balanced over its
columns, byline and source line) or a photo with its caption and credit. Text is
drawn with reportlab's built-in CID font `STSong-Light`, so no font files are needed.
The builder returns what it placed, so tests can compare the parsed articles with
the text that went in.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

FONT = "STSong-Light"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pd199801.txt"
PAGE_SIZE = (842.0, 1191.0)  # A3 portrait, in points
MARGIN = 36.0
GUTTER = 16.0
BODY = 10.0  # body font size
LEADING = 14.0
HEAD = 20.0
SUB = 13.0
Order = Literal["reading", "reversed", "shuffled"]

_CLOSING = "。！？”…"
_NO_LINE_START = "。，、；：！？”’）》…"
_registered = False


def font() -> str:
    """Register the CID font once and return its name."""
    global _registered
    if not _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        _registered = True
    return FONT


@dataclass(frozen=True)
class Story:
    """An article as it goes onto the page."""

    headline: str | None
    paragraphs: tuple[str, ...]
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Photo:
    """A photo (a grey box) with its caption and credit."""

    caption: str
    credit: str


Module = Story | Photo


@dataclass(frozen=True)
class Run:
    """One drawn line of text."""

    x: float
    y: float
    size: float
    text: str


@dataclass
class PageSpec:
    """What one page holds: a header line and rows of (module, columns) cells."""

    header: str | None
    rows: list[list[tuple[Module, int]]]
    columns: int = 4
    placed: list[Module] = field(default_factory=list)


def corpus_lines() -> list[str]:
    """The corpus, one paragraph a line (callers skip when it is missing)."""
    return [ln.strip() for ln in CORPUS.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _is_headline(line: str) -> bool:
    """A corpus line that reads as a headline (not a credit, byline or list entry)."""
    return (
        4 <= len(line) <= 22
        and not any(c in line for c in "，。；！？：、（）《》“”…●□■")
        and not any(w in line for w in ("摄", "记者", "评论员", "供图", "——"))
        and not any(c.isdigit() for c in line)
    )


def _is_paragraph(line: str) -> bool:
    return 30 <= len(line) <= 260 and line[-1] in _CLOSING and not line.startswith("（")


def stories(lines: Sequence[str], rng: random.Random) -> Iterator[Story]:
    """Stories from corpus lines: a headline line, then the paragraphs after it."""
    heads = [i for i, ln in enumerate(lines) if _is_headline(ln)]
    while True:
        start = rng.choice(heads)
        paragraphs = [ln for ln in lines[start + 1 : start + 12] if _is_paragraph(ln)]
        if not paragraphs:
            continue
        subtitle = None
        if rng.random() < 0.3:
            other = lines[rng.choice(heads)]
            subtitle = "——" + other
        yield Story(
            headline=lines[start],
            paragraphs=tuple(paragraphs[: rng.randint(1, 4)]),
            subtitle=subtitle,
            byline="本报记者 " + rng.choice(["王晨", "李小明", "张华", "陈雁"])
            if rng.random() < 0.5
            else None,
            source="（来源：新华社）" if rng.random() < 0.4 else None,
        )


def photos(lines: Sequence[str], rng: random.Random) -> Iterator[Photo]:
    """Photo captions: one corpus sentence and a credit line."""
    candidates = [ln for ln in lines if 20 <= len(ln) <= 70 and ln[-1] == "。"]
    while True:
        name = rng.choice(["兰红光", "樊如钧", "倪修龙"])
        yield Photo(caption=rng.choice(candidates), credit=f"新华社记者 {name} 摄")


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Greedy wrap at `width` points; the first line is indented by `indent` points."""
    lines: list[str] = []
    line = ""
    room = width - indent
    for char in text:
        # Closing punctuation hangs at the line end rather than start a line.
        fits = pdfmetrics.stringWidth(line + char, font(), size) <= room
        hangs = char in _NO_LINE_START and pdfmetrics.stringWidth(line, font(), size) <= room
        if line and not fits and not hangs:
            lines.append(line)
            line, room = "", width
        line += char
    if line:
        lines.append(line)
    if len(lines) > 1 and len(lines[-1]) == 1:
        # No lone character on a last line (a typesetting rule, and PDFium drops a
        # text object of one glyph in a font that is not embedded).
        lines[-2], lines[-1] = lines[-2][:-1], lines[-2][-1] + lines[-1]
    return lines


def _column_width(columns: int, span: int) -> tuple[float, float]:
    """Width of one column and of `span` columns on a page of `columns`."""
    usable = PAGE_SIZE[0] - 2 * MARGIN
    one = (usable - (columns - 1) * GUTTER) / columns
    return one, span * one + (span - 1) * GUTTER


def _story_runs(story: Story, x: float, top: float, columns: int, span: int) -> list[Run]:
    """Lay out a story at (x, top): stack across the width, body balanced over columns."""
    one, total = _column_width(columns, span)
    runs: list[Run] = []
    y = top
    for text, size in ((story.kicker, SUB), (story.headline, HEAD), (story.subtitle, SUB)):
        if text:
            for line in wrap(text, total, size):
                y -= size * 1.3
                runs.append(Run(x, y, size, line))
    y -= LEADING * 0.8
    body: list[tuple[float, str]] = []  # (indent, text)
    if story.byline:
        body.append((0.0, story.byline))
    for paragraph in story.paragraphs:
        for n, line in enumerate(wrap(paragraph, one, BODY, indent=2 * BODY)):
            body.append((2 * BODY if n == 0 else 0.0, line))
    if story.source:
        body.append((0.0, story.source))
    per_column = -(-len(body) // span)
    for n, (indent, line) in enumerate(body):
        column, row = divmod(n, per_column)
        runs.append(Run(x + column * (one + GUTTER) + indent, y - (row + 1) * LEADING, BODY, line))
    return runs


def _photo_runs(photo: Photo, x: float, top: float, columns: int, span: int) -> list[Run]:
    """A photo box's caption and credit (the box itself is drawn separately)."""
    _, total = _column_width(columns, span)
    y = top - 0.5 * total - 6
    runs = []
    for line in wrap(photo.caption, total, BODY):
        y -= LEADING
        runs.append(Run(x, y, BODY, line))
    y -= LEADING
    credit_width = pdfmetrics.stringWidth(photo.credit, font(), BODY)
    runs.append(Run(x + total - credit_width, y, BODY, photo.credit))
    return runs


def layout(spec: PageSpec) -> tuple[list[Run], list[tuple[float, float, float, float]]]:
    """Place the header and the rows; rows that do not fit are left out of `placed`."""
    runs: list[Run] = []
    boxes: list[tuple[float, float, float, float]] = []
    top = PAGE_SIZE[1] - MARGIN
    if spec.header:
        runs.append(Run(MARGIN, top - BODY, BODY, spec.header))
        top -= BODY + LEADING
    one, _ = _column_width(spec.columns, 1)
    for row in spec.rows:
        row_runs: list[Run] = []
        row_boxes = []
        column = 0
        for module, span in row:
            x = MARGIN + column * (one + GUTTER)
            if isinstance(module, Photo):
                _, total = _column_width(spec.columns, span)
                row_boxes.append((x, top - 0.5 * total, total, 0.5 * total))
                row_runs += _photo_runs(module, x, top, spec.columns, span)
            else:
                row_runs += _story_runs(module, x, top, spec.columns, span)
            column += span
        bottom = min(r.y for r in row_runs) - BODY
        if bottom < MARGIN:
            break
        runs += row_runs
        boxes += row_boxes
        spec.placed += [module for module, _ in row]
        top = bottom - LEADING * 1.5
    return runs, boxes


def build_pdf(
    path: Path,
    pages: Sequence[PageSpec],
    *,
    order: Order = "reading",
    seed: int = 0,
    encrypt: str | None = None,
) -> Path:
    """Write the pages to `path`, drawing text in the given order."""
    canvas = Canvas(str(path), pagesize=PAGE_SIZE, encrypt=encrypt, invariant=True)
    rng = random.Random(seed)
    for spec in pages:
        runs, boxes = layout(spec)
        canvas.setFillGray(0.8)
        for x, y, w, h in boxes:
            canvas.rect(x, y, w, h, stroke=0, fill=1)
        canvas.setFillGray(0.0)
        if order == "reversed":
            runs = runs[::-1]
        elif order == "shuffled":
            rng.shuffle(runs)
        for run in runs:
            canvas.setFont(font(), run.size)
            canvas.drawString(run.x, run.y, run.text)
        canvas.showPage()
    canvas.save()
    return path


def blank_pdf(path: Path, pages: int = 1) -> Path:
    """A PDF with drawings and no text layer: what a scan looks like to us."""
    canvas = Canvas(str(path), pagesize=PAGE_SIZE, invariant=True)
    for _ in range(pages):
        canvas.setFillGray(0.5)
        canvas.rect(100, 100, 400, 600, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def sample_pages(count: int, seed: int = 1, columns: int = 4) -> list[PageSpec]:
    """Full pages from the corpus: a lead across the page, then mixed rows."""
    rng = random.Random(seed)
    lines = corpus_lines()
    story = stories(lines, rng)
    photo = photos(lines, rng)
    specs = []
    for n in range(1, count + 1):
        header = f"{n} 要闻 1998年1月{n}日 星期四 责任编辑：张三"
        rows: list[list[tuple[Module, int]]] = [[(next(story), columns)]]
        for _ in range(6):
            spans = rng.choice([[2, 1, 1], [1, 3], [2, 2], [1, 1, 2], [4]])
            spans = [s for s in spans if s <= columns] or [columns]
            row: list[tuple[Module, int]] = []
            for span in spans:
                module: Module = next(photo) if rng.random() < 0.15 else next(story)
                row.append((module, span))
            rows.append(row)
        specs.append(PageSpec(header=header, rows=rows, columns=columns))
    return specs


TINY_HEADLINE = "市民公园今日开放"


def tiny_pages(count: int = 1) -> list[PageSpec]:
    """Small fixed pages that need no corpus: a headline story and a photo."""
    story = Story(
        headline=TINY_HEADLINE,
        paragraphs=("公园占地十二公顷，设有步道和儿童游乐区，全天免费开放。",),
        source="（来源：区绿化局）",
    )
    photo = Photo(caption="清晨，市民在新开放的公园里散步。", credit="通讯员 李明 摄")
    return [
        PageSpec(header=f"{n} 综合新闻 星期一", rows=[[(story, 2), (photo, 2)]])
        for n in range(1, count + 1)
    ]
