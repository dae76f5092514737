"""What the language says at each break of a headline stack: wrap or seam (issue 12).

A stack's lines are joined into parts by `reader.parse.stacks.parts`; where the rules
(`stacks.sure`: dashes, brackets, stubs) cannot tell, a break is either a wrapped
headline's (a wrap) or one between two parts, kicker | headline or headline |
subtitle (a seam). This counts, over a generator's pages, each such break by its
truth and the parser's reading, against the evidence the corpus's language gives
across it:

- crossing phrase: the four characters around the break (`金融|体系`, `采取|有力`) are
  a phrase of the corpus's body text (`reader.parse.seam.phrase_across`);
- sticky pair: the two characters across are a pair of PMI 3+ (`wrapdata.STICKY`);
- open end: the line above ends on a character no headline part ends with
  (`wrapmodel.open_end`), or the pair across has PMI 2;
- seam by edge tables: the line above ends on a character that ends headlines more
  often than its share and the line below starts on one that starts them so
  (`wrapmodel.inside` is false), and none of the above;
- nothing either way.

The parser runs in process (`parse_text`, with `split_stack` wrapped to see each
stack); truth labels a break only in a stack whose text is one item's kicker,
headline and subtitle in order. Pages come from `bench/structure.py`'s generators.

`--write` writes `reader.parse.seamdata` instead: the phrases the parser uses
(`reader.parse.seam`), four CJK characters seen 4 times or more whose middle pair
is no sticky pair already (`wrapdata.STICKY` below PMI 3: those breaks the wrap
model weighs). Counting then uses that table.

    python tools/seam_evidence.py --generator tex-pdfium --seed 200 --pages 80
    python tools/seam_evidence.py --write
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import structure  # noqa: E402

from reader.parse import seam, stacks, stories, wrapmodel  # noqa: E402
from reader.parse.stories import parse_text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "pd199801.txt"
OUT = ROOT / "reader" / "parse" / "seamdata.py"
LEAST_SEEN = 4
CLASSES = (
    "crossing phrase",
    "sticky pair",
    "open end",
    "nothing either way",
    "seam by edge tables",
)
COLUMNS = ("wrap, joined", "wrap, read as parts", "seam, apart", "seam, joined")


def ngrams() -> Counter[str]:
    """Counts of 2- and 4-grams in the corpus's body paragraphs (as `train_stacks` reads it)."""
    counts: Counter[str] = Counter()
    for raw in CORPUS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if len(line) < 24 or line[-1] not in "。！？”":
            continue
        for n in (2, 4):
            counts.update(line[i : i + n] for i in range(len(line) - n + 1))
    return counts


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def phrase_table(counts: Counter[str]) -> str:
    """Four-character phrases cut in the middle by a break, concatenated and sorted."""
    sticky = wrapmodel._table()
    return "".join(
        sorted(
            text
            for text, seen in counts.items()
            if len(text) == 4
            and seen >= LEAST_SEEN
            and all(map(_cjk, text))
            and sticky.get(text[1:3], 0) < 3
        )
    )


def _write(counts: Counter[str]) -> None:
    text = phrase_table(counts)
    out = [
        '"""Data of `reader.parse.seam` (tools/seam_evidence.py --write writes it; do not edit).',
        "",
        "PHRASES: four-character strings of the corpus's body text seen "
        f"{LEAST_SEEN} times or more,",
        "concatenated, whose middle pair is no sticky pair of `wrapdata.STICKY` (PMI 3+).",
        '"""',
        "",
        "PHRASES = (",
    ]
    out.extend(f'    "{text[i : i + 300]}"' for i in range(0, len(text), 300))
    out.append(")")
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")


def evidence(above: str, line: str) -> str:
    if seam.phrase_across(above, line):
        return CLASSES[0]
    if wrapmodel.broken_word(above, line):
        return CLASSES[1]
    if wrapmodel.open_end(above) or wrapmodel.broken_word(above, line, 2):
        return CLASSES[2]
    if not wrapmodel.inside(above, line):
        return CLASSES[4]
    return CLASSES[3]


def _norm(text: str | None) -> str:
    return "".join(structure._norm(text).split())


def _cuts(
    lines: list[str], kicker: str | None, headline: str | None, subtitle: str | None
) -> list[str]:
    """Each break's reading: `w` inside a part, `kh` after the kicker, `hs` before the subtitle."""
    k, h = _norm(kicker), _norm(headline)
    at = {len(k): "kh"} if k else {}
    if subtitle:
        at[len(k) + len(h)] = "hs"
    out, pos = [], 0
    for line in lines[:-1]:
        pos += len(_norm(line))
        out.append(at.get(pos, "w"))
    return out


def page_breaks(text: str, truth: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(above, line, truth's reading, parser's reading) of each break the rules leave open."""
    seen: list[tuple[list[str], tuple[str | None, str | None, str | None]]] = []
    split = stories.split_stack

    def record(
        stack: list[str], *args: Any, **kwargs: Any
    ) -> tuple[str | None, str | None, str | None]:
        out = split(stack, *args, **kwargs)  # (the page's column, parts and measures with it)
        seen.append((list(stack), out))
        return out

    stories.split_stack = record  # type: ignore[assignment]
    try:
        parse_text(text)
    finally:
        stories.split_stack = split  # type: ignore[assignment]
    items = {
        _norm("".join(t.get(f) or "" for f in ("kicker", "headline", "subtitle"))): t
        for t in truth["items"]
        if t.get("headline")
    }
    out = []
    for stack, got in seen:
        item = items.get(_norm("".join(stack)))
        lines = stacks._runs_apart(stack)
        if item is None or len(lines) != len(stack):
            continue
        want = _cuts(lines, item.get("kicker"), item.get("headline"), item.get("subtitle"))
        for k, (w, g) in enumerate(zip(want, _cuts(lines, *got), strict=True)):
            above, line = lines[k], lines[k + 1]
            if "—" not in above + line and stacks.sure(above, line) is None:
                out.append((above, line, w, g))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", action="append", choices=sorted(structure.GENERATORS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="write reader/parse/seamdata.py")
    args = parser.parse_args()
    if args.write:
        _write(ngrams())
        return
    table: Counter[tuple[str, str]] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.generator or ["typeset-pdfium"]:
            for case in structure.GENERATORS[name](args.pages, args.seed, Path(tmp)):
                text = case.path.read_text(encoding="utf-8")
                for above, line, want, got in page_breaks(text, case.truth):
                    wrap = want == "w"
                    column = COLUMNS[(0 if got == "w" else 1) if wrap else (3 if got == "w" else 2)]
                    table[evidence(above, line), column] += 1
    print("| evidence at the break | " + " | ".join(COLUMNS) + " |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    for kind in CLASSES:
        print(f"| {kind} | " + " | ".join(str(table[kind, c]) for c in COLUMNS) + " |")
    sums = [sum(table[k, c] for k in CLASSES) for c in COLUMNS]
    print("| all | " + " | ".join(map(str, sums)) + " |")


if __name__ == "__main__":
    main()
