"""Train the wrap model of headline stacks (reader/parse/wrapmodel.py) and write it.

A headline stack's lines are joined into the parts they print (kicker, headline,
subtitle): a line either wraps the one above or starts a part. The rules of
`reader.parse.stacks.continues` decide the sure cases (dashes, brackets, stubs); the
rest is a logistic regression over a few line features, one of them a table of
character bigrams that are common inside words of the corpus (a wrap in large type
often breaks a word: `国色天香凌冬开菏` / `泽暖棚牡丹含苞待放`).

Training pages: Typst seeds 1-40 (tests/typesetgen.py) and pagegen2 seeds 0-299;
held out: Typst seeds 200-219 and pagegen/pagegen2 seeds 300-599. Pure Python (no
numpy on the machines this runs on); a few seconds.

    python tools/train_stacks.py [--check]   # --check: print accuracy, write nothing
    python tools/train_stacks.py --tables    # the corpus tables only, the weights kept
"""

from __future__ import annotations

import itertools
import math
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from reader.parse import wrapmodel  # noqa: E402
from reader.parse.furniture import take_header  # noqa: E402
from reader.parse.heads import mark_heads, stack_end  # noqa: E402
from reader.parse.lines import make_lines  # noqa: E402
from reader.parse.stacks import sure, wraps_seen  # noqa: E402
from reader.parse.text import decode, page_lines  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "pd199801.txt"
OUT = ROOT / "reader" / "parse" / "wrapdata.py"


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def bigram_table(min_count: int = 3, min_pmi: float = 2.0) -> dict[int, str]:
    """Sticky bigrams of the corpus's body text by whole-number PMI: {pmi: "ab cd ..."}."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for raw in CORPUS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if len(line) < 24 or line[-1] not in "。！？”":
            continue  # body paragraphs only, not the headlines
        uni.update(line)
        bi.update(a + b for a, b in itertools.pairwise(line) if _cjk(a) and _cjk(b))
    total = sum(uni.values())
    buckets: dict[int, list[str]] = {}
    for pair, count in sorted(bi.items()):
        if count < min_count:
            continue
        pmi = math.log(count * total / (uni[pair[0]] * uni[pair[1]]))
        if pmi >= min_pmi:
            buckets.setdefault(min(int(pmi), 8), []).append(pair)
    return {k: "".join(v) for k, v in sorted(buckets.items())}


_HEAD_END = "。！？；，、：…"
_NOTE = re.compile(r"（[^（）]*）$")


def edge_tables(min_count: int = 8) -> tuple[dict[int, str], dict[int, str]]:
    """How much more often than its share each character ends, and starts, a headline line.

    Headline-like lines of the corpus (4 to 30 characters, no sentence mark, a
    note such as （附图片１张） taken off): for each character seen at least
    `min_count` times in them, log(ends / occurrences / the rate of ends over all
    characters), in half units, bucketed {value: "chars"}; likewise for starts.
    A line of a stack that ends on a character that rarely ends a headline (的,
    不, 危) or a line that starts on one that rarely starts one (的, 了, 区) is
    likely a wrap.
    """
    occ: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    starts: Counter[str] = Counter()
    lines = 0
    for raw in CORPUS.read_text(encoding="utf-8").splitlines():
        line = _NOTE.sub("", raw.strip())
        if not 4 <= len(line) <= 30 or line[-1] in _HEAD_END or "。" in line:
            continue
        lines += 1
        occ.update(line)
        ends[line[-1]] += 1
        starts[line[0]] += 1
    rate = lines / sum(occ.values())
    out: list[dict[int, str]] = []
    for edge in (ends, starts):
        buckets: dict[int, list[str]] = {}
        for char, count in sorted(occ.items()):
            if count >= min_count and _cjk(char):
                value = round(2 * math.log((edge[char] + 0.5) / count / rate))
                if value:
                    buckets.setdefault(value, []).append(char)
        out.append({k: "".join(v) for k, v in sorted(buckets.items())})
    return out[0], out[1]


def paragraph_starts(least: float = 8.0, most: float = 0.02) -> str:
    """Characters that start almost no paragraph of the corpus: 的, 了, 们, 个, 性, 度...

    Over the corpus's body paragraphs, a character's expected count of paragraph
    starts is its count times the paragraphs' share of all characters; kept are
    those expected to start at least `least` paragraphs that start at most `most`
    of that. A line that starts with one continues the line above: no headline
    stands over it. (`业`, `家`, `理` are left out: `业余…`, `家乡…` start some.)
    """
    occ: Counter[str] = Counter()
    starts: Counter[str] = Counter()
    paragraphs = 0
    for raw in CORPUS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if len(line) < 24 or line[-1] not in "。！？”":
            continue  # body paragraphs only, as in bigram_table
        paragraphs += 1
        occ.update(line)
        starts[line[0]] += 1
    rate = paragraphs / sum(occ.values())
    return "".join(
        c
        for c, count in sorted(occ.items())
        if _cjk(c) and count * rate >= least and starts[c] <= most * count * rate
    )


def _table_source(name: str, table: dict[int, str], step: int) -> list[str]:
    out = [f"{name}: dict[int, str] = {{"]
    for key, text in table.items():
        out.append(f"    {key}: (")
        out.extend(f'        "{text[i : i + step]}"' for i in range(0, len(text), step))
        out.append("    ),")
    out.append("}")
    return out


def _data_module(table: dict[int, str], weights: tuple[float, ...] = ()) -> str:
    """The source of `reader.parse.wrapdata`: the tables in lines of 80 characters."""
    ends, starts = edge_tables()
    out = [
        '"""Data of the wrap model (tools/train_stacks.py writes it; do not edit).',
        "",
        "STICKY: character pairs (concatenated) by the whole-number PMI of the pair in",
        "the corpus's body text; ENDS, STARTS: characters by how much more often than",
        "their share they end, and start, a headline line of the corpus (the log of the",
        "ratio, in half units; 0 left out); NO_START: characters that start almost no",
        "paragraph of the corpus's body text; WEIGHTS: the logistic regression's, the",
        "bias last.",
        '"""',
        "",
    ]
    out += _table_source("STICKY", table, 80)
    out += _table_source("ENDS", ends, 40)
    out += _table_source("STARTS", starts, 40)
    chars = paragraph_starts()
    out.append("NO_START = (")
    out.extend(f'    "{chars[i : i + 40]}"' for i in range(0, len(chars), 40))
    out.append(")")
    out.append("WEIGHTS: tuple[float, ...] = (")
    out.extend(f"    {w!r}," for w in weights)
    out.append(")")
    return "\n".join(out) + "\n"


def _stacks(text: str) -> tuple[list[list[str]], bool]:
    """The page's headline stacks, and whether it wraps headlines."""
    lines = make_lines(page_lines(decode(text.encode())))
    take_header(lines)
    wrapping = mark_heads(lines)
    out, i = [], 0
    while i < len(lines):
        if lines[i].head:
            end = stack_end(lines, i)
            out.append([ln.text for ln in lines[i : end + 1]])
            i = end + 1
        else:
            i += 1
    return out, wrapping


def _norm(text: str | None) -> str:
    return "".join((text or "").split())


def examples(text: str, truth: dict) -> list[tuple[list[float], int]]:
    """(features, wraps) for each undecided pair of stack lines the truth can label."""
    fields = [
        _norm(it.get(f))
        for it in truth["items"]
        for f in ("kicker", "headline", "subtitle")
        if it.get(f)
    ]
    out = []
    stacks, page_wraps = _stacks(text)
    for stack in stacks:
        wrapping = page_wraps or wraps_seen(stack)  # as `reader.parse.stacks.parts` has it
        for k in range(1, len(stack)):
            above, line = stack[k - 1], stack[k]
            if sure(above, line) is not None or wrapmodel.width(above) < wrapmodel._FULL:
                continue
            a, b = _norm(above), _norm(line)
            if not any(a in f for f in fields) or not any(b in f for f in fields):
                continue  # not a true stack's lines
            wraps = any(a + b in f for f in fields)
            out.append((wrapmodel.features(stack, k, wrapping), int(wraps)))
    return out


def pages(kind: str, seeds: range) -> list[tuple[str, dict]]:
    if kind == "typeset":
        import typesetgen

        out = []
        for n in seeds:
            page = typesetgen.generate(n)
            out.append((typesetgen.pdfium_text(page.pdf), page.truth()))
        return out
    from pagegen2 import generate2

    return [(g.text, g.truth()) for g in map(generate2, seeds)]


def train(
    data: list[tuple[list[float], int]], epochs: int = 3000, rate: float = 0.5
) -> list[float]:
    """Logistic regression by batch gradient descent, L2 0.001; the last weight is the bias."""
    n = len(data[0][0])
    w = [0.0] * (n + 1)
    for _ in range(epochs):
        grad = [0.0] * (n + 1)
        for x, y in data:
            p = 1 / (1 + math.exp(-(sum(wi * xi for wi, xi in zip(w, x, strict=False)) + w[-1])))
            for i in range(n):
                grad[i] += (p - y) * x[i]
            grad[-1] += p - y
        w = [wi - rate * (g / len(data) + 0.001 * wi) for wi, g in zip(w, grad, strict=True)]
    return w


def accuracy(w: list[float], data: list[tuple[list[float], int]]) -> float:
    hits = sum(
        (sum(wi * xi for wi, xi in zip(w, x, strict=False)) + w[-1] > 0) == bool(y) for x, y in data
    )
    return hits / len(data) if data else 0.0


def main() -> None:
    check = "--check" in sys.argv
    if "--tables" in sys.argv:  # the corpus tables again, the weights kept
        from reader.parse.wrapdata import WEIGHTS

        OUT.write_text(_data_module(bigram_table(), WEIGHTS), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(OUT)], check=False)
        return
    if not check:
        OUT.write_text(_data_module(bigram_table()), encoding="utf-8")
    tuned = [e for t, tr in pages("typeset", range(1, 41)) for e in examples(t, tr)]
    tuned += [e for t, tr in pages("pagegen2", range(300)) for e in examples(t, tr)]
    held = [e for t, tr in pages("typeset", range(200, 220)) for e in examples(t, tr)]
    held2 = [e for t, tr in pages("pagegen2", range(300, 600)) for e in examples(t, tr)]
    w = train(tuned)
    rule = [0.0] * len(w)
    print(
        f"pairs: {len(tuned)} trained on ({sum(y for _, y in tuned)} wraps), "
        f"{len(held)} + {len(held2)} held out"
    )
    for name, d in (("train", tuned), ("typeset 200-219", held), ("pagegen2 300-599", held2)):
        print(f"{name}: model {accuracy(w, d):.3f}, all-new-part {accuracy(rule, d):.3f}")
    print("weights", [round(x, 3) for x in w])
    if not check:
        weights = tuple(round(x, 4) for x in w)
        OUT.write_text(_data_module(bigram_table(), weights), encoding="utf-8")
        # The repository's style check holds generated code too: a short table is one line.
        subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(OUT)], check=False)


if __name__ == "__main__":
    main()
