"""Search as a researcher queries it: recall, precision and headline rank against a literal truth.

The library is bench/search.py's generator at 8 paragraphs a page (the corpus once, about
2,170 pages of 5 MB, in `bench/out/queries/`, not committed), indexed with `reader index`.
Queries of the kinds a researcher types are drawn, seeded, from the corpus as printed
(jieba's part-of-speech tags pick names, places, short names and idioms from a sample of
its lines; the rest are runs of the page text):

  person, place, org    a word jieba tags nr, ns, nt/j (a short name such as 人大)
  word2                 a two-character word
  idiom                 a four-character word jieba tags i or l
  cross                 3-6 characters starting or ending inside a jieba word
  digits                full-width digits and their unit (1998年, 1/6), typed half-width
  latin                 full-width Latin (WTO printed full-width), typed half-width in any case
  trad                  a word of 2-4 characters typed in traditional characters (經濟)
  punct                 two runs around a comma or colon, typed as printed or half-width
  space                 a quoted phrase with a space typed at a word boundary ("香港 回归")
  quoted                a quoted 4-8 character run ("…")
  paste                 12-40 characters of a paragraph as printed, pasted unquoted
  and                   two words of one item, ANDed (香港 回归)
  headonly              a word printed in headlines only
  seam                  4-8 characters printed on one line that the parser cut into two fields
                        of one item's headline stack or of its body (a dateline and its
                        paragraph), pasted as printed

Truth (never the engine's code): the query folded as DESIGN section 5 says, by the
oracle's own folding (tests/searchoracle.py: NFKC, lower case, OpenCC's table to its end);
a page is true when one of its lines (a paragraph) holds it, or one of its items' fields
(a headline the parser joined from two lines: the wrapped lines joined), and for `and`
when one of the page's items, as the parser cuts them, holds every term. Each query goes through
`reader search Q --json --limit 0` in a subprocess. Per kind: recall over the true pages,
precision over the pages hit, the queries with every page found and with no false page,
and, for queries where some item prints every term in its headline, the rank of the first
such item among the hits (MRR and the share in the first 10).

Usage: python bench/queries.py [--per-kind 30] [--seed 21] [--miss] [--json FILE]
  [--pythonpath DIR]   (a copy of another tree's reader/ first on the path: base vs branch)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from search import generate  # noqa: E402
from searchoracle import fold, t2s  # noqa: E402

OUT = HERE / "out" / "queries"
KINDS = (
    "person",
    "place",
    "org",
    "word2",
    "idiom",
    "cross",
    "digits",
    "latin",
    "trad",
    "punct",
    "space",
    "quoted",
    "paste",
    "and",
    "headonly",
    "seam",
)
CJK = re.compile(r"^[\u4e00-\u9fff]+$")


class Page(NamedTuple):
    """One page file: its id (paper/issue/page), folded lines, and parsed items."""

    key: str
    lines: list[str]
    items: list[tuple[str, str, str, str]]  # id, folded headline, folded item, printed headline
    chains: list[list[str]]  # each item's headline stack, and its body, fields as printed


class Query(NamedTuple):
    kind: str
    text: str  # as typed
    terms: tuple[str, ...]  # folded, every one must be in a true page (or item for `and`)


def load_pages(root: Path) -> list[Page]:
    from reader.fields import item_fields
    from reader.parse.pages import parse_page_bytes

    pages = []
    for path in sorted(root.glob("*/*/*.txt")):
        paper, issue, number = path.parent.parent.name, path.parent.name, int(path.stem)
        data = path.read_bytes()
        lines = [fold(line.strip()) for line in data.decode("utf-8").splitlines() if line.strip()]
        parsed = parse_page_bytes(data, path, paper, issue, number)
        items = []
        chains = []
        for n, item in enumerate(parsed.items):
            chains.append([t for t in [item.kicker, item.headline, item.subtitle] if t])
            body = [item.byline, *item.paragraphs, item.source, item.credit]
            chains.append([t for t in body if t])
            texts = [text for _, text in item_fields(item)]
            if n == 0 and parsed.header:
                texts.append(parsed.header)
            head = item.headline or ""
            items.append((item.id, fold(head), fold("\n".join(texts)), head))
        pages.append(Page(f"{paper}/{issue}/{number:02d}", lines, items, chains))
    return pages


def tagged(lines: list[str], rng: random.Random, sample: int) -> list[tuple[str, str]]:
    """(word, jieba tag) of a sample of the corpus's lines, as printed."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return [
        (pair.word, pair.flag)
        for line in rng.sample(lines, min(sample, len(lines)))
        for pair in jieba.posseg.cut(line, HMM=False)
    ]


def traditional() -> dict[str, str]:
    """A traditional character for each simplified one that has one (the first in order)."""
    back: dict[str, str] = {}
    for trad, simp in sorted(t2s().items()):
        if trad != simp and len(trad) == 1 and fold(trad) == simp:
            back.setdefault(simp, trad)
    return back


def draw(
    lines: list[str], pages: list[Page], per_kind: int, seed: int, heads: bool = False
) -> list[Query]:
    """Queries of every kind from `lines`; from headlines (`heads`), those a headline holds."""
    rng = random.Random(seed)
    words = tagged(lines, rng, 4000)
    pool: dict[str, list[str]] = defaultdict(list)
    for word, flag in words:
        if not CJK.match(word):
            continue
        if flag == "nr" and 2 <= len(word) <= 4:
            pool["person"].append(word)
        elif flag == "ns" and 2 <= len(word) <= 5:
            pool["place"].append(word)
        elif flag in ("nt", "j") and 2 <= len(word) <= 4:
            pool["org"].append(word)
        elif flag in ("i", "l") and len(word) == 4:
            pool["idiom"].append(word)
        if len(word) == 2:
            pool["word2"].append(word)
        if 2 <= len(word) <= 4:
            pool["word"].append(word)
    queries: list[Query] = []
    for kind in ("person", "place", "org", "word2", "idiom"):
        chosen = rng.sample(sorted(set(pool[kind])), min(per_kind, len(set(pool[kind]))))
        queries += [Query(kind, w, (fold(w),)) for w in chosen]
    body = [line for line in lines if len(line) > (6 if heads else 30)]
    queries += _cross(body, rng, per_kind)
    queries += _digits(lines, rng, per_kind)
    queries += _latin(lines, rng, per_kind)
    back = traditional()
    trad = sorted({w for w in pool["word"] if sum(c in back for c in w) >= 1})
    for word in rng.sample(trad, min(per_kind, len(trad))):
        typed = "".join(back.get(c, c) for c in word)
        queries.append(Query("trad", typed, (fold(word),)))
    queries += _punct(body, rng, per_kind)
    queries += _phrases(body, rng, per_kind)
    if heads:
        return queries
    queries += _paste(body, rng, per_kind)
    queries += _and(pages, pool["word"], rng, per_kind)
    queries += _headonly(pages, rng, per_kind)
    queries += _seam(pages, rng, per_kind)
    return queries


def _segmented(line: str) -> list[str]:
    import jieba

    return list(jieba.cut(line, HMM=False))


def _cross(body: list[str], rng: random.Random, n: int) -> list[Query]:
    out: list[Query] = []
    for _ in range(100 * n):
        if len(out) >= n:
            break
        line = rng.choice(body)
        cuts, at = set(), 0
        for word in _segmented(line):
            at += len(word)
            cuts.add(at)
        size = rng.randint(3, 6)
        if len(line) < size + 3:
            continue
        start = rng.randrange(1, len(line) - size)
        run = line[start : start + size]
        if CJK.match(run) and (start not in cuts or start + size not in cuts):
            out.append(Query("cross", run, (fold(run),)))
    return out


_DIGITS = re.compile(
    "[\\uff10-\\uff19]+(?:[\\uff0e\\uff0f\\uff1a][\\uff10-\\uff19]+)?[年月日\\uff05个万亿元人名家项次岁号届]"
)


def _digits(lines: list[str], rng: random.Random, n: int) -> list[Query]:
    found = sorted({m.group() for line in lines for m in _DIGITS.finditer(line)})
    typed = [
        "".join(
            chr(ord(c) - 0xFEE0)
            if "\uff10" <= c <= "\uff19" or c in "\uff0e\uff0f\uff1a\uff05"
            else c
            for c in s
        )
        for s in rng.sample(found, min(n, len(found)))
    ]
    return [Query("digits", t, (fold(t),)) for t in typed]


def _latin(lines: list[str], rng: random.Random, n: int) -> list[Query]:
    found = sorted(
        {
            m.group()
            for line in lines
            for m in re.finditer("[\\uff21-\\uff3a\\uff41-\\uff5a]{2,}", line)
        }
    )
    out = []
    for word in rng.sample(found, min(n, len(found))):
        half = unicodedata.normalize("NFKC", word)
        typed = rng.choice((half.lower(), half.upper(), half.capitalize(), half))
        out.append(Query("latin", typed, (fold(typed),)))
    return out


def _punct(body: list[str], rng: random.Random, n: int) -> list[Query]:
    out: list[Query] = []
    for _ in range(100 * n):
        if len(out) >= n:
            break
        line = rng.choice(body)
        marks = [m.start() for m in re.finditer("[，：；]", line)]
        if not marks:
            continue
        at = rng.choice(marks)
        left, right = line[max(0, at - rng.randint(2, 4)) : at], line[at + 1 : at + 3]
        if not (CJK.match(left) and CJK.match(right)):
            continue
        mark = line[at] if rng.random() < 0.5 else chr(ord(line[at]) - 0xFEE0)
        typed = left + mark + right
        out.append(Query("punct", typed, (fold(typed),)))
    return out


def _phrases(body: list[str], rng: random.Random, n: int) -> list[Query]:
    out: list[Query] = []
    for _ in range(200 * n):
        if len(out) >= 2 * n:
            break
        line = rng.choice(body)
        words = _segmented(line)
        at = rng.randrange(len(words))
        run = words[at : at + 3]
        text = "".join(run)
        if len(run) < 2 or not CJK.match(text) or not 4 <= len(text) <= 8:
            continue
        if len(out) % 2 == 0:
            out.append(Query("space", f'"{run[0]} {"".join(run[1:])}"', (fold(text),)))
        else:
            out.append(Query("quoted", f'"{text}"', (fold(text),)))
    return out


def _paste(body: list[str], rng: random.Random, n: int) -> list[Query]:
    out: list[Query] = []
    for _ in range(100 * n):
        if len(out) >= n:
            break
        line = rng.choice(body)
        size = rng.randint(12, 40)
        if len(line) <= size or " " in line:
            continue
        start = rng.randrange(0, len(line) - size)
        run = line[start : start + size]
        out.append(Query("paste", run, (fold(run),)))
    return out


def _and(pages: list[Page], vocab: list[str], rng: random.Random, n: int) -> list[Query]:
    out: list[Query] = []
    words = sorted(set(vocab))
    while len(out) < n:
        page = rng.choice(pages)
        _, _, text, _ = rng.choice(page.items)
        inside = [w for w in rng.sample(words, 400) if fold(w) in text]
        if len(inside) >= 2:
            a, b = inside[:2]
            if a not in b and b not in a:
                out.append(Query("and", f"{a} {b}", (fold(a), fold(b))))
    return out


def _headonly(pages: list[Page], rng: random.Random, n: int) -> list[Query]:
    heads = [h for p in pages for _, h, _, _ in p.items if h]
    printed = set(heads)
    bodies = "\n".join(line for p in pages for line in p.lines if line not in printed)
    out: list[Query] = []
    tries = 0
    while len(out) < n and tries < 20000:
        tries += 1
        words = [w for w in _segmented(rng.choice(heads)) if CJK.match(w) and len(w) >= 2]
        if words:
            word = rng.choice(words)
            if word not in bodies and word not in {q.text for q in out}:
                out.append(Query("headonly", word, (word,)))
    return out


def _seam(pages: list[Page], rng: random.Random, n: int) -> list[Query]:
    """Runs printed on one line of a page (no space in them) that the parser cut into two
    fields of one item: 2-4 characters each side of the cut, typed as printed (a full-width
    parenthesis stays one: typed half-width it is the query's group), drawn last (the other
    kinds' draws stay as they were)."""
    found = sorted(
        {
            (before[-rng.randint(2, 4) :] + after[: rng.randint(2, 4)], page.key)
            for page in pages
            for chain in page.chains
            for before, after in pairwise(chain)
        }
    )
    out: list[Query] = []
    pages_by_key = {page.key: page for page in pages}
    for run, key in rng.sample(found, len(found)):
        if len(out) >= n:
            break
        term = fold(run)
        lines = pages_by_key[key].lines
        if len(run) >= 4 and " " not in run and any(term in line for line in lines):
            out.append(Query("seam", run, (term,)))
    return out


def held(query: Query, page: Page) -> bool:
    """Whether one item of the page, field by field as the parser cut them, holds the query."""
    return any(all(t in text for t in query.terms) for _, _, text, _ in page.items)


def truth(query: Query, pages: list[Page]) -> tuple[set[str], set[str]]:
    """The true pages, and the items holding every term in their headline."""
    want, heads = set(), set()
    for page in pages:
        if query.kind == "and":
            hit = any(all(t in text for t in query.terms) for _, _, text, _ in page.items)
        else:  # a line, or a field the parser joined from wrapped lines (a headline)
            term = query.terms[0]
            hit = any(term in line for line in page.lines) or any(
                term in text for _, _, text, _ in page.items
            )
        if hit:
            want.add(page.key)
        for key, head, _, _ in page.items:
            if head and all(t in head for t in query.terms):
                heads.add(key)
    return want, heads


def search(command: list[str], library: Path, text: str) -> tuple[int, list[dict[str, Any]]]:
    done = subprocess.run(
        [*command, "--library", str(library), "search", text, "--json", "--limit", "0"],
        capture_output=True,
        text=True,
        check=False,
    )
    hits = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return done.returncode, hits


def page_of(hit: dict[str, Any]) -> str:
    return f"{hit['paper']}/{hit['issue']}/{hit['page']:02d}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--per-kind", type=int, default=30)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--miss", action="store_true", help="print every miss and false hit")
    parser.add_argument("--json", type=Path, help="write every query's result here")
    parser.add_argument("--pythonpath", help="put this directory first on the search's path")
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()

    library = OUT / "lib"
    generate(library, 5, lines_per_page=8)
    env = dict(os.environ)
    if args.pythonpath:
        env["PYTHONPATH"] = args.pythonpath
    command = [sys.executable, "-m", "reader"]
    subprocess.run([*command, "--library", str(library), "index"], check=True, env=env)
    os.environ.update(env)
    pages = load_pages(library)
    raw = [
        line.strip()
        for path in sorted(library.glob("*/*/*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    printed = sorted({head for page in pages for *_, head in page.items if head})
    drawn = draw(raw, pages, args.per_kind, args.seed)
    drawn += draw(printed, pages, args.per_kind // 2, args.seed + 1, heads=True)
    queries = [q for q in dict.fromkeys(drawn) if q.kind in args.kinds]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda q: search(command, library, q.text), queries))
    report(queries, results, pages, args)


def report(queries, results, pages, args) -> None:  # type: ignore[no-untyped-def]
    rows: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    pages_by_key = {page.key: page for page in pages}
    records = []
    for query, (code, hits) in zip(queries, results, strict=True):
        want, heads = truth(query, pages)
        got = [page_of(h) for h in hits]
        got_set = set(got)
        row = rows[query.kind]
        row["n"] += 1
        row["want"] += len(want)
        row["found"] += len(want & got_set)
        row["hit"] += len(got_set)
        row["true"] += len(got_set & want)
        row["complete"] += want <= got_set
        row["exact"] += not (got_set - want)
        rank = next((n for n, h in enumerate(hits, 1) if h["id"] in heads), None)
        if heads:
            row["heads"] += 1
            row["rr"] += 1 / rank if rank else 0
            row["top10"] += bool(rank and rank <= 10)
        lost, false = sorted(want - got_set), sorted(got_set - want)
        cut = [key for key in lost if not held(query, pages_by_key[key])]
        row["cut"] += len(cut)
        records.append(
            {
                "kind": query.kind,
                "query": query.text,
                "code": code,
                "want": len(want),
                "hits": len(hits),
                "lost": lost,
                "cut": cut,
                "false": false,
                "heads": len(heads),
                "rank": rank,
            }
        )
        if args.miss and (lost or false or (heads and (not rank or rank > 10))):
            print(
                f"{query.kind:8} {query.text!r}: want {len(want)} pages, lost {len(lost)} "
                f"({len(cut)} across the parser's fields) "
                f"{lost[:3]}, false {len(false)} {false[:3]}, headline rank {rank} "
                f"of {len(heads)} heads",
                file=sys.stderr,
            )
    total: dict[str, float] = defaultdict(float)
    print(
        "| kind | queries | true pages | recall | lost across fields | precision | all found "
        "| none false | with a headline | headline MRR | in first 10 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for kind in [*KINDS, "all"]:
        if kind == "all":
            row = total
        elif kind in rows:
            row = rows[kind]
            for key, value in row.items():
                total[key] += value
        else:
            continue
        print(
            f"| {kind} | {row['n']:.0f} | {row['want']:.0f} "
            f"| {_share(row['found'], row['want'])} | {row['cut']:.0f} "
            f"| {_share(row['true'], row['hit'])} "
            f"| {row['complete']:.0f} | {row['exact']:.0f} | {row['heads']:.0f} "
            f"| {_mrr(row)} "
            f"| {_share(row['top10'], row['heads'])} |"
        )
    if args.json:
        args.json.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")


def _mrr(row: dict[str, float]) -> str:
    return f"{row['rr'] / row['heads']:.3f}" if row["heads"] else "-"


def _share(part: float, whole: float) -> str:
    """A percentage that reads 100% only when it is (6,551 of 6,553 is 99.97%)."""
    return f"{100 * part / whole:.{1 if part == whole else 2}f}%" if whole else "-"


if __name__ == "__main__":
    main()
