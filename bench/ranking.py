"""Known-item ranking: does `reader search` put the wanted article first, against plain bm25?

A library of the People's Daily of January 1998 is laid out from the corpus
(`../shared/corpus/pd199801.txt`: a short line without sentence punctuation starts an
article, the paragraphs after it are its body; 31 daily issues) in `bench/out/ranking/`
(not committed) and indexed with `reader index`. The articles as reader reads them
(`reader show PAGE --format json`) are the collection; only those whose headline came
out as laid out are wanted. Seeded known-item queries, three kinds (issue 13, DESIGN
section 8):

- `headline`: two jieba precise-mode words of the wanted article's headline;
- `phrase`: a 4-8 character CJK run of one of its body paragraphs found in at most
  5 articles (a literal scan);
- `pair`: a common body word (in at least 3% of the articles) and a rare one (in at
  most 5), both jieba words of its body.

Each query goes through `reader search QUERY --json` (the installed script, nothing of
reader imported) and through the baseline: an in-memory SQLite FTS5 table over the same
articles' jieba precise-mode words (HMM off, NFKC and lower-cased as reader folds;
columns headline and body, bm25 with equal weights), queried with the jieba words of
the query's terms ANDed (ORed when that finds nothing). For each kind: the share of
queries whose wanted article comes first, and the mean reciprocal rank over the top
`--limit` (default 20; a miss counts 0); "contested" queries are those that several
articles match literally.

Also the check of issue 13: `理工` must rank an article about 香港理工大学 above one about
管理工作 (a tiny library of its own, once with 香港理工大学 in the headline, once only in
the body).

Usage: python bench/ranking.py [--queries 300] [--seed 1998] [--limit 20] [--json]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from corpuslib import CORPUS, corpus_lines  # noqa: E402

OUT = HERE / "out" / "ranking"
KINDS = ("headline", "phrase", "pair")
ISSUES = 31  # a month of daily issues
PER_PAGE = 12  # articles on a page
RARE = 5  # a rare phrase or word is in at most this many articles
COMMON = 0.03  # a common word is in at least this share of the articles
PAPER = "rmrb"

_HEAD_BAD = re.compile(r"[。！？；，：:;,!?]")
# Bylines, subtitles, numbered section heads, captions: never a headline.
_NOT_HEAD = re.compile(
    r"(本报|新华社|记者|通讯员|—|[一二三四五六七八九十]+、|（|[０-９0-9]+[、．.])"
)
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_CJK_WORD = re.compile(r"[\u3400-\u9fff]{2,}")


# --- the collection -----------------------------------------------------------------


def articles_from_lines(lines: Iterable[str]) -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of the corpus: a short line without sentence punctuation
    after a body starts an article, the paragraphs that close a sentence after it are its
    body. Other short lines (the rest of a headline stack, bylines, numbered section
    heads), captions and credits are left out."""
    found: list[tuple[str, list[str]]] = []
    current: tuple[str, list[str]] | None = None
    for raw in lines:
        line = raw.strip()
        if _NOT_HEAD.match(line):
            continue
        if 6 <= len(line) <= 30 and not _HEAD_BAD.search(line):
            if current is None or current[1]:
                if current:
                    found.append(current)
                current = (line, [])
        elif current and len(line) >= 10 and line[-1] in "。！？”…" and line[0] != "（":
            current[1].append(line)
    if current and current[1]:
        found.append(current)
    return [a for a in found if sum(map(len, a[1])) >= 80]


def write_library(
    root: Path, articles: Sequence[tuple[str, list[str]]], issues: int = ISSUES
) -> list[str]:
    """Lay the articles out as daily issues of pages; returns the page ids.

    A headline line starts with a space (reader's new-story hint); body lines do not.
    """
    folder = root / PAPER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "paper.toml").write_text('name = "人民日报"\n', encoding="utf-8")
    per_issue = -(-len(articles) // issues)
    pages = []
    for n, first in enumerate(range(0, len(articles), per_issue)):
        day = f"1998-01-{n + 1:02d}"
        issue = folder / day
        issue.mkdir(exist_ok=True)
        (issue / "issue.toml").write_text(f"date = {day}\n", encoding="utf-8")
        chunk = articles[first : first + per_issue]
        for page, at in enumerate(range(0, len(chunk), PER_PAGE), start=1):
            text = "".join(
                f" {head}\n" + "".join(f"{p}\n" for p in body)
                for head, body in chunk[at : at + PER_PAGE]
            )
            (issue / f"{page:02d}.txt").write_text(text, encoding="utf-8")
            pages.append(f"{PAPER}/{day}/{page:02d}")
    return pages


@dataclass(frozen=True)
class Doc:
    """One item as reader reads it; `wanted` when its headline came out as laid out."""

    id: str
    headline: str  # kicker, headline and subtitle, as printed
    body: str  # paragraphs, one a line
    wanted: bool


def reader_command() -> list[str]:
    """The installed `reader` script beside this interpreter (what users run), else -m."""
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def reader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the reader CLI on a library: the one place this bench talks to reader."""
    return subprocess.run(
        [*reader_command(), "--library", str(library), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def search_ids(library: Path, query: str, limit: int) -> list[str]:
    """Item ids of `reader search QUERY --json`, best first (none for exit 1)."""
    done = reader(library, "search", query, "--json", "--limit", str(limit))
    if done.returncode not in (0, 1):
        raise RuntimeError(f"reader search {query!r}: exit {done.returncode}: {done.stderr}")
    return [json.loads(line)["id"] for line in done.stdout.splitlines() if line.strip()]


def index(library: Path) -> None:
    done = reader(library, "index")
    if done.returncode:
        raise RuntimeError(f"reader index: exit {done.returncode}: {done.stderr}")


def read_docs(library: Path, pages: Iterable[str], headlines: set[str]) -> list[Doc]:
    """The items of the pages as `reader show` gives them."""
    docs = []
    for page in pages:
        done = reader(library, "show", page, "--format", "json")
        if done.returncode:
            raise RuntimeError(f"reader show {page}: exit {done.returncode}: {done.stderr}")
        for item in json.loads(done.stdout)["items"]:
            head = [item.get(f) for f in ("kicker", "headline", "subtitle")]
            docs.append(
                Doc(
                    id=item["id"],
                    headline=" ".join(h for h in head if h),
                    body="\n".join(item["paragraphs"]),
                    wanted=item["kind"] == "article" and item.get("headline") in headlines,
                )
            )
    return docs


def build(root: Path) -> list[Doc]:
    """The bench library (built once, then reused) and its items."""
    cache = root / "docs.json"
    library = root / "library"
    if not cache.exists():
        articles = articles_from_lines(corpus_lines())
        library.mkdir(parents=True, exist_ok=True)
        pages = write_library(library, articles)
        index(library)
        docs = read_docs(library, pages, {head for head, _ in articles})
        cache.write_text(json.dumps([asdict(d) for d in docs], ensure_ascii=False))
    index(library)  # brought up to date with this reader
    return [Doc(**d) for d in json.loads(cache.read_text())]


# --- segmentation and folding --------------------------------------------------------


def fold(text: str) -> str:
    """As reader folds search text (DESIGN section 5), short of traditional characters."""
    return unicodedata.normalize("NFKC", text).lower()


def segmenter() -> Callable[[str], list[str]]:
    """jieba precise mode, HMM off (rjieba when installed: the same tokens, faster)."""
    cut: Callable[[str], list[str]]
    try:
        import rjieba

        cut = lambda text: list(rjieba.cut(text, False))  # noqa: E731
    except ImportError:
        import jieba

        jieba.setLogLevel(60)
        cut = lambda text: list(jieba.cut(text, HMM=False))  # noqa: E731
    return functools.lru_cache(maxsize=None)(cut)


def words(cut: Callable[[str], list[str]], text: str) -> list[str]:
    """The jieba words of `text` a person might type: two or more CJK characters."""
    return [w for w in cut(text) if _CJK_WORD.fullmatch(w)]


# --- queries ------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    kind: str
    text: str  # space-separated terms, as typed
    wanted: str  # the item id


def make_queries(
    docs: Sequence[Doc], per_kind: int, seed: int, cut: Callable[[str], list[str]]
) -> list[Query]:
    """`per_kind` queries of each kind (fewer if the collection runs out), seeded."""
    rng = random.Random(seed)
    texts = [fold(f"{d.headline}\n{d.body}") for d in docs]
    body_words = {d.id: words(cut, fold(d.body)) for d in docs if d.wanted}
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(words(cut, fold(d.headline))) | set(words(cut, fold(d.body))))
    common = COMMON * len(docs)

    def literal_df(term: str) -> int:
        return sum(term in t for t in texts)

    def headline(d: Doc) -> str | None:
        found = list(dict.fromkeys(words(cut, fold(d.headline))))
        if len(found) < 2:
            return None
        first, second = sorted(rng.sample(range(len(found)), 2))
        return f"{found[first]} {found[second]}"

    def phrase(d: Doc) -> str | None:
        runs: list[str] = [r for r in _CJK_RUN.findall(fold(d.body)) if len(r) >= 4]
        for _ in range(4):
            if not runs:
                return None
            run = rng.choice(runs)
            size = rng.randint(4, min(8, len(run)))
            at = rng.randrange(len(run) - size + 1)
            if literal_df(run[at : at + size]) <= RARE:
                return run[at : at + size]
        return None

    def pair(d: Doc) -> str | None:
        mine = sorted(set(body_words[d.id]))
        often = [w for w in mine if df[w] >= common]
        rare = [w for w in mine if df[w] <= RARE]
        if not often or not rare:
            return None
        one, two = rng.choice(often), rng.choice(rare)
        if one in two or two in one:
            return None
        return f"{one} {two}"

    makers = {"headline": headline, "phrase": phrase, "pair": pair}
    wanted = [d for d in docs if d.wanted]
    queries = []
    for kind in KINDS:
        made = 0
        for d in rng.sample(wanted, len(wanted)):
            if made == per_kind:
                break
            text = makers[kind](d)
            if text:
                queries.append(Query(kind, text, d.id))
                made += 1
    return queries


def matching(texts: Sequence[str], query: str) -> int:
    """How many of the (folded) texts hold every term of the query literally."""
    terms = fold(query).split()
    return sum(all(t in text for t in terms) for text in texts)


# --- the baseline -------------------------------------------------------------------


class Baseline:
    """A plain SQLite FTS5 table over jieba precise-mode words, ranked by bm25."""

    def __init__(self, docs: Sequence[Doc], cut: Callable[[str], list[str]]) -> None:
        self.cut = cut
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, headline, body, "
            "tokenize = 'unicode61')"
        )
        self.db.executemany(
            "INSERT INTO docs VALUES (?, ?, ?)",
            ((d.id, self.tokens(d.headline), self.tokens(d.body)) for d in docs),
        )

    def tokens(self, text: str) -> str:
        return " ".join(w for w in self.cut(fold(text)) if w.strip())

    def match(self, query: str, join: str = " ") -> str:
        """Every jieba word of every term, ANDed (a term's words need not be adjacent)."""
        found = [w for term in query.split() for w in self.cut(fold(term)) if w.strip()]
        return join.join('"' + w.replace('"', '""') + '"' for w in found)

    def search(self, query: str, limit: int) -> list[str]:
        """Best first; when no article has every word (a phrase cut out of its context
        may split into other words), the articles with any of them."""
        for join in (" ", " OR "):
            expression = self.match(query, join)
            if not expression:
                return []
            rows = self.db.execute(
                "SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                (expression, limit),
            ).fetchall()
            if rows:
                break
        return [row[0] for row in rows]


# --- metrics ------------------------------------------------------------------------


def rank_of(wanted: str, ids: Sequence[str]) -> int | None:
    """1-based position of the wanted id in a ranked list, None if absent."""
    return ids.index(wanted) + 1 if wanted in ids else None


def summarize(ranks: Sequence[int | None]) -> dict[str, float]:
    """Share first (%) and mean reciprocal rank (a miss counts 0) of some queries."""
    if not ranks:
        return {"n": 0, "first": 0.0, "mrr": 0.0}
    return {
        "n": len(ranks),
        "first": 100 * sum(r == 1 for r in ranks) / len(ranks),
        "mrr": sum(1 / r for r in ranks if r) / len(ranks),
    }


@dataclass
class Outcome:
    query: Query
    matching: int  # articles holding every term literally
    reader: int | None
    baseline: int | None


def report(outcomes: Sequence[Outcome]) -> dict[str, dict[str, dict[str, float]]]:
    """Per kind (and all): reader's and the baseline's figures, on all and contested."""
    result: dict[str, dict[str, dict[str, float]]] = {}
    for kind in (*KINDS, "all"):
        mine = [o for o in outcomes if kind in ("all", o.query.kind)]
        contested = [o for o in mine if o.matching > 1]
        result[kind] = {
            "reader": summarize([o.reader for o in mine]),
            "baseline": summarize([o.baseline for o in mine]),
            "reader_contested": summarize([o.reader for o in contested]),
            "baseline_contested": summarize([o.baseline for o in contested]),
        }
    return result


def table(figures: dict[str, dict[str, dict[str, float]]]) -> str:
    head = (
        "| queries | n | reader first | reader MRR | baseline first | baseline MRR "
        "| contested n | reader first | baseline first |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    rows = []
    for kind, f in figures.items():
        r, b = f["reader"], f["baseline"]
        rc, bc = f["reader_contested"], f["baseline_contested"]
        rows.append(
            f"| {kind} | {r['n']:.0f} | {r['first']:.1f}% | {r['mrr']:.3f} "
            f"| {b['first']:.1f}% | {b['mrr']:.3f} | {rc['n']:.0f} "
            f"| {rc['first']:.1f}% | {bc['first']:.1f}% |"
        )
    return head + "\n".join(rows) + "\n"


def run(
    library: Path,
    docs: Sequence[Doc],
    queries: Sequence[Query],
    limit: int,
    cut: Callable[[str], list[str]],
    progress: bool = False,
) -> list[Outcome]:
    baseline = Baseline(docs, cut)
    texts = [fold(f"{d.headline}\n{d.body}") for d in docs]
    outcomes = []
    for n, q in enumerate(queries, start=1):
        outcomes.append(
            Outcome(
                q,
                matching(texts, q.text),
                rank_of(q.wanted, search_ids(library, q.text, limit)),
                rank_of(q.wanted, baseline.search(q.text, limit)),
            )
        )
        if progress and n % 100 == 0:
            print(f"{n}/{len(queries)} queries", file=sys.stderr, flush=True)
    return outcomes


# --- 理工 -----------------------------------------------------------------------------

FILLER = [
    ("上海举行迎春长跑活动", ["本报上海１月１日电数千名市民今天参加了迎春长跑。"]),
    ("农业银行增加春耕贷款", ["中国农业银行今年增加春耕贷款，支持农民购买化肥和种子。"]),
]


def ligong_library(root: Path, in_headline: bool) -> list[Doc]:
    """A tiny library: an article about 香港理工大学 (first), one about 管理工作 (second;
    it repeats the word, so bm25 over sub-words favours it), and fillers; its items."""
    about = (
        ("徐汇区与香港理工大学签署合作意向书", "")
        if in_headline
        else ("沪港两地高校签署合作意向书", "香港理工大学与复旦大学今天签署合作意向书，")
    )
    articles = [
        (
            about[0],
            [
                about[1] + "双方将在人才培养、科学研究和成果转化方面开展交流。",
                "香港理工大学校长表示，愿与内地高校加强合作，共同培养人才。",
            ],
        ),
        (
            "加强基层管理工作",
            [
                "做好管理工作是基层的责任，各级干部要把管理工作放在重要位置。",
                "管理工作要细，管理工作要实。",
            ],
        ),
        *FILLER,
    ]
    pages = write_library(root, articles, issues=1)
    index(root)
    return read_docs(root, pages, {head for head, _ in articles})


def ligong(limit: int, cut: Callable[[str], list[str]]) -> dict[str, dict[str, bool]]:
    """Does `理工` rank 香港理工大学 above 管理工作 (with it in the headline, in the body),
    in reader and in the baseline?"""
    passed: dict[str, dict[str, bool]] = {}
    for in_headline in (True, False):
        with tempfile.TemporaryDirectory() as tmp:
            docs = ligong_library(Path(tmp), in_headline)
            hk = next(d.id for d in docs if "理工大学" in d.headline + d.body)
            work = next(d.id for d in docs if "管理工作" in d.headline)
            results = {
                "reader": search_ids(Path(tmp), "理工", limit),
                "baseline": Baseline(docs, cut).search("理工", limit),
            }
            passed["headline" if in_headline else "body"] = {
                name: above(hk, work, ids) for name, ids in results.items()
            }
    return passed


def above(first: str, second: str, ids: Sequence[str]) -> bool:
    """`first` is found, and ranked above `second` if that is found at all."""
    at, other = rank_of(first, ids), rank_of(second, ids)
    return at is not None and (other is None or at < other)


# --- main ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--queries", type=int, default=300, help="queries of each kind")
    parser.add_argument("--seed", type=int, default=1998)
    parser.add_argument("--limit", type=int, default=20, help="hits looked at (MRR@limit)")
    parser.add_argument("--json", action="store_true", help="figures and losses as JSON")
    parser.add_argument("--out", type=Path, default=OUT, help="where the library is kept")
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"no corpus at {CORPUS}")
    docs = build(args.out)
    cut = segmenter()
    queries = make_queries(docs, args.queries, args.seed, cut)
    print(
        f"{len(docs)} items ({sum(d.wanted for d in docs)} articles to want), "
        f"{len(queries)} queries, {os.cpu_count()} cores",
        file=sys.stderr,
        flush=True,
    )
    outcomes = run(args.out / "library", docs, queries, args.limit, cut, progress=True)
    figures = report(outcomes)
    check = ligong(args.limit, cut)
    if args.json:
        losses = [asdict(o) for o in outcomes if o.reader != 1]
        found = {"figures": figures, "ligong": check, "losses": losses}
        print(json.dumps(found, ensure_ascii=False))
        return
    print(table(figures))
    for where, ok in check.items():
        said = ", ".join(f"{name} {'yes' if yes else 'NO'}" for name, yes in ok.items())
        print(f"理工: 香港理工大学 (in the {where}) above 管理工作: {said}")


if __name__ == "__main__":
    main()
