"""Chromium pages with the headline typography of real Chinese papers (the `chromereal` rows).

Issue 12's private set is broadsheets "set by another typesetting engine"; every engine
here set its headlines plainly. Real papers set, every day:

- **spaced headlines**: a short headline (2-6 characters: `新年献词`, `短评`, `编后`) spread
  over its column with tracking of ½ to 2 ems (`letter-spacing`), or with full-width
  spaces between its characters (`新　年　献　词`), centred or justified over the column;
- **condensed or expanded type** (长体 / 扁体): a headline scaled horizontally to 70-90%
  or 110-130% (`transform: scaleX()`, which Skia writes as a matrix before the text), its
  box set 1/s as wide so that the scaled lines fill the column as the paper's do;
- **a headline in a band or box**: white type on a dark band, black on a grey one, or a
  ruled box around it;
- **jump lines**: `（下转第二版）` closing a story on page 1 (run into its last paragraph,
  or a line of its own set right), `（上接第一版）` opening one on an inner page (a line of
  its own); they are the story's text.

A page is chromegen's page of the same seed (`chromegen.html`: weasygen's content and
truth, Chromium's CSS look), its headlines restyled by a generator seeded apart
(`random.Random(f"chromereal-{seed}")`), so chromegen's pages are untouched. The truth
keeps a headline's characters without spacing (U+3000 is whitespace to the bench) and
the jump lines in the story's paragraphs.

    python bench/chromereal.py --seed 3 --pages 2 --out /tmp/chromereal
"""

from __future__ import annotations

import dataclasses
import html as htmllib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

import chromegen  # noqa: E402
import typesetgen  # noqa: E402
import weasygen  # noqa: E402

# Column heads real papers spread over a column, when the corpus gives too few.
SHORT_HEADS = ("新年献词", "短评", "编后", "今日谈", "社论", "人民论坛", "时评", "随笔", "编后小语")
PAGES = "二三四五六七八九"
# Column labels real papers spread over a column above a story's head (`_labels`).
COLUMN_LABELS = (
    "短评",
    "经济要闻",
    "国际时评",
    "今日谈",
    "编后",
    "人民论坛",
    "社会广角",
    "读者来信",
)
_H2 = re.compile(r'<h2 style="([^"]*)">([^<]*)</h2>')
_PUNCT = set("，。；：！？、“”《》（）——…·,.:;!?()")


def _short_heads(corpus: typesetgen.Corpus) -> list[str]:
    """Headlines of 2-6 characters from the corpus, no punctuation, plus the column heads."""
    found = {h for h in corpus.heads if 2 <= len(h) <= 6 and not _PUNCT & set(h)}
    return sorted(found) + list(SHORT_HEADS)


def _column(doc: str) -> float:
    """The width of the page's columns in pt (weasygen's `@page` and `.cols`)."""
    width = float(re.search(r"@page \{ size: ([\d.]+)pt", doc).group(1))  # type: ignore[union-attr]
    cols = re.search(r"column-count: (\d+); column-gap: ([\d.]+)pt", doc)
    assert cols is not None
    count, gap = int(cols.group(1)), float(cols.group(2))
    return (width - 72 - (count - 1) * gap) / count


def _restyle(
    rng: random.Random, style: str, text: str, short: list[str], room: float
) -> tuple[str, str]:
    """One headline's new style and printed HTML (`room`: its measure in pt); the headline
    as the truth has it is the printed text with its whitespace removed."""
    size = float(re.search(r"font-size: ([\d.]+)pt", style).group(1))  # type: ignore[union-attr]
    extra = []
    inner = htmllib.escape(text, quote=False)
    shape = rng.random()
    if shape < 0.3:  # spaced: a short head over the column
        text = rng.choice([h for h in short if len(h) * size <= room - 8] or ["短评"])
        inner = text
        # tracking of 1/2 to 2 ems, or full-width spaces, as much as keeps it on one line;
        # else justified alone, which spreads a short head's characters just the same
        most = (room - 8) / (size * len(text)) - 1
        tracking = [t for t in (0.5, 0.75, 1.0, 1.5, 2.0) if t <= most]
        if rng.random() < 0.5 and (2 * len(text) - 1) * size <= room - 8:
            inner = "\u3000".join(text)
        elif tracking:
            extra.append(f"letter-spacing: {rng.choice(tracking)}em;")
        if rng.random() < 0.5:
            extra.append("text-align: justify; text-align-last: justify;")
        else:
            extra.append("text-align: center;")
    elif shape < 0.6:  # condensed or expanded
        scale = rng.uniform(0.7, 0.9) if rng.random() < 0.6 else rng.uniform(1.1, 1.3)
        # the box 1/s as wide, so that the scaled lines fill the column
        extra.append(f"box-sizing: border-box; width: {100 / scale:.1f}%;")
        extra.append(f"transform: scaleX({scale:.2f}); transform-origin: 0 0;")
    if rng.random() < 0.3:  # a band or a box
        band = rng.choice(
            (
                "background: #222; color: #fff;",
                "background: #ccc;",
                "border: 1pt solid #000;",
            )
        )
        extra.append(f"{band} padding: 2pt 3pt;")
    if extra:
        style = f"{style}; {' '.join(extra)}"
    return style, inner


def html(seed: int, labels: bool = False) -> tuple[int, str, str, tuple[typesetgen.Item, ...]]:
    """chromegen's page of `seed`, its headlines restyled and jump lines added
    (`labels`: column labels spaced out over some heads, `_labels`)."""
    page, doc, header, items = chromegen.html(seed)
    corpus = typesetgen.load_corpus()
    assert corpus is not None
    rng = random.Random(f"chromereal-{seed}")
    short = _short_heads(corpus)
    out_items = list(items)
    stories = [n for n, it in enumerate(items) if it.kind == "article"]
    heads = list(_H2.finditer(doc))
    assert len(heads) == len(stories), (seed, len(heads), len(stories))
    parts, at = [], 0
    column = _column(doc)
    for k, (n, match) in enumerate(zip(stories, heads, strict=True)):
        room = column * 4 if k == 0 else column  # the lead's stack stands across the page
        head = htmllib.unescape(match.group(2))
        style, inner = _restyle(rng, match.group(1), head, short, room)
        parts += [doc[at : match.start()], f'<h2 style="{style}">{inner}</h2>']
        at = match.end()
        headline = re.sub(r"\s", "", htmllib.unescape(inner))
        out_items[n] = dataclasses.replace(items[n], headline=headline)
    parts.append(doc[at:])
    doc = "".join(parts)
    doc, out_items = _jump_lines(rng, doc, page, out_items, stories)
    if labels:
        doc, out_items = _labels(seed, doc, out_items, stories)
    return page, doc, header, tuple(out_items)


def _labels(
    seed: int, doc: str, items: list[typesetgen.Item], stories: list[int]
) -> tuple[str, list[typesetgen.Item]]:
    """A column label (`短　评`, `经济要闻` tracked) spread over the column above some
    heads set plainly, in type near the text's size: the story's kicker in the truth.
    Seeded apart (`chromelabel-{seed}`), so the pages of `html(seed)` stay as they are."""
    rng = random.Random(f"chromelabel-{seed}")
    body = float(re.search(r"body \{[^}]*font-size: ([\d.]+)pt", doc).group(1))  # type: ignore[union-attr]
    heads = list(_H2.finditer(doc))
    parts, at = [], 0
    for k, (n, match) in enumerate(zip(stories, heads, strict=True)):
        style, item = match.group(1), items[n]
        spread = (
            "letter-spacing" in style or "text-align-last" in style or "\u3000" in match.group(2)
        )
        if k == 0 or item.kicker or spread or rng.random() >= 0.4:
            continue
        label = rng.choice(COLUMN_LABELS)
        size = body * rng.uniform(1.0, 1.3)
        if rng.random() < 0.5:
            inner, track = "\u3000".join(label), ""
        else:
            inner, track = label, f"letter-spacing: {rng.choice((0.5, 1.0))}em; "
        align = (
            "text-align: justify; text-align-last: justify;"
            if rng.random() < 0.5
            else "text-align: center;"
        )
        start = match.start()
        parts += [
            doc[at:start],
            f'<p class="kicker" style="{align} text-indent: 0; {track}font-size: {size:.1f}pt">'
            f"{inner}</p>",
        ]
        at = start
        items[n] = dataclasses.replace(item, kicker=label)
    parts.append(doc[at:])
    return "".join(parts), items


def _jump_lines(
    rng: random.Random, doc: str, page: int, items: list[typesetgen.Item], stories: list[int]
) -> tuple[str, list[typesetgen.Item]]:
    """`（下转第X版）` after a page-1 story's text, `（上接第一版）` before an inner one's."""
    for n in stories:
        if rng.random() >= 0.3:
            continue
        item = items[n]
        paragraphs = list(item.paragraphs)
        if page == 1:
            last = f"<p>{htmllib.escape(paragraphs[-1], quote=False)}</p>"
            jump = f"（下转第{rng.choice(PAGES)}版）"
            if rng.random() < 0.5:
                new = last[:-4] + htmllib.escape(jump, quote=False) + "</p>"
                paragraphs[-1] += jump
            else:
                new = f'{last}<p style="text-align: right; text-indent: 0">{jump}</p>'
                paragraphs.append(jump)
            # the story's last paragraph: the first such <p> after its headline
            at = _story_at(doc, stories.index(n))
            found = doc.find(last, at)
            if found < 0:
                continue
            doc = doc[:found] + new + doc[found + len(last) :]
        else:
            first = f"<p>{htmllib.escape(paragraphs[0], quote=False)}</p>"
            jump = "（上接第一版）"
            at = _story_at(doc, stories.index(n))
            found = doc.find(first, at)
            if found < 0:
                continue
            align = rng.choice(("left", "right"))
            new = f'<p style="text-align: {align}; text-indent: 0">{jump}</p>{first}'
            doc = doc[:found] + new + doc[found + len(first) :]
            paragraphs.insert(0, jump)
        items[n] = dataclasses.replace(item, paragraphs=tuple(paragraphs))
    return doc, items


def _story_at(doc: str, k: int) -> int:
    """Where the k-th story's headline starts in the page."""
    return [m.start() for m in re.finditer(r"<h2 ", doc)][k]


def generate(seed: int) -> typesetgen.TypesetPage:
    """One Chromium page with real papers' headline typography; its truth."""
    page, doc, header, items = html(seed)
    return typesetgen.TypesetPage(seed, page, header, items, doc, chromegen.print_pdf(doc))


def generate_labels(seed: int) -> typesetgen.TypesetPage:
    """`generate`'s page with column labels over some heads (`_labels`)."""
    page, doc, header, items = html(seed, labels=True)
    return typesetgen.TypesetPage(seed, page, header, items, doc, chromegen.print_pdf(doc))


class _Labels:
    """The labelled pages as an engine of their own (`generate`), for bench/structure.py."""

    @staticmethod
    def generate(seed: int) -> typesetgen.TypesetPage:
        return generate_labels(seed)


LABELS = _Labels()


def main() -> None:
    """Write PDFs, their HTML and ground truth to a folder."""
    missing = "Chromium, the fonts or the corpus are missing"
    weasygen.write_pages("chromereal", generate, None if chromegen.available() else missing)


if __name__ == "__main__":
    main()
