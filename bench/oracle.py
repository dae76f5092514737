"""Search against a brute-force oracle: the hit set and every span of many drawn queries.

A library is laid out from `--lines` corpus paragraphs (`tests/searchoracle.py`: every
fifth in traditional print, some with characters whose NFKC changes length, every third
page wrapped) in a temporary folder and indexed. Queries of each kind
(`searchoracle.KINDS`: single characters, 2-8 character runs across word boundaries,
text across a wrapped line and across a paragraph boundary, odd forms, the other script,
stop characters, repeated terms, exclusions, fields, phrases) go through
`engine.search` in process (`--queries` of each kind) and, for a sample
(`--shell`), through the installed `reader search --json --limit 0` and
`reader search --color always`, whose highlighted characters must be the spans' own.
Each query's hit set and every span is compared with the oracle's scan of the folded
fields. Prints a line per kind and the first disagreements; exits 1 on any.

`--odd N` instead draws N fields of odd text and a piece of each, no library: the layers
of `tests/test_search_oracle.py` (matcher spans, the quick test, the bigram row).

Usage: python bench/oracle.py [--lines 3000] [--queries 200] [--seed 18] [--shell 40]
       python bench/oracle.py --odd 100000 [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from oracledraw import KINDS, Drawer, build  # noqa: E402
from searchoracle import (  # noqa: E402
    Filters,
    Shelf,
    Verdict,
    fold,
    judge,
    query_text,
    searchable,
)
from test_search_oracle import ODD_TEXT, layers  # noqa: E402

from reader.errors import ReaderError  # noqa: E402
from reader.search import engine  # noqa: E402

Found = dict[str, dict[str, list[tuple[int, int]]]] | str
READER = [sys.executable, "-m", "reader"]
"""This interpreter's reader: a `reader` on PATH may be another tree's (a pyenv shim)."""
_SGR = re.compile(r"\x1b\[([0-9;]*)m")


def in_process(library: object, query: str, filters: Filters | None = None) -> Found:
    try:
        hits = engine.search(
            library,  # type: ignore[arg-type]
            query,
            **(filters or Filters())._asdict(),
            limit=None,
            update=False,
        )
    except ReaderError as error:
        return str(error)
    return {hit.id: {k: [(s, e) for s, e in v] for k, v in hit.spans.items()} for hit in hits}


def shell(root: Path, query: str) -> tuple[Found, list[str]]:
    """The hits of `reader search --json`, and what its coloured output highlights
    that the JSON's spans do not (each a line saying where)."""
    base = [*READER, "search", "-L", str(root), "--limit", "0", "--", query]
    done = subprocess.run([*base[:-2], "--json", *base[-2:]], capture_output=True, text=True)
    if done.returncode == 2:
        return done.stderr.strip(), []
    hits = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    got = {h["id"]: {k: [(s, e) for s, e in v] for k, v in h["spans"].items()} for h in hits}
    wrong = []
    for hit in hits:  # the snippet's spans are the field's, moved into the snippet
        snippet, key = hit["snippet"], hit["snippet_field"]
        for start, end in hit["snippet_spans"]:
            text = hit["texts"].get(key, "") if key else ""
            held = got[hit["id"]].get(key, [])
            if not key or not any(snippet[start:end] in text[s:e] for s, e in held):
                wrong.append(f"{hit['id']} snippet {snippet[start:end]!r} not a span of {key}")
    colour = subprocess.run(
        [*base[:-2], "--color", "always", *base[-2:]], capture_output=True, text=True
    )
    lit = _lit(colour.stdout)
    shown = sorted(
        hit["texts"][k][s:e]
        for hit in hits
        for k, spans in hit["spans"].items()
        if k in (hit["snippet_field"], "headline", "derived_headline") or not hit["snippet_field"]
        for s, e in spans
    )
    for piece in lit:
        if not any(piece in whole for whole in shown):
            wrong.append(f"highlighted {piece!r} is no span's text")
    return got, wrong


def _lit(output: str) -> list[str]:
    """The runs of text drawn with a background (the hit style) in SGR-coloured output."""
    runs: list[str] = []
    on = False
    at = 0
    current = ""
    for match in _SGR.finditer(output):
        if on:
            current += output[at : match.start()]
        codes = match.group(1).split(";")
        lit = "43" in codes or any(c.startswith("48") for c in codes)
        if on and not lit and current:
            runs.append(current.replace("\n", ""))
            current = ""
        on = lit if match.group(1) else False
        at = match.end()
    return runs


def odd(draws: int, seed: int, show: int) -> int:
    """`test_a_field_of_odd_text_matches_as_the_oracle_says_at_every_layer`, `draws` times:
    up to 20 characters of `ODD_TEXT`, a piece of 1-6 of them as printed or as folded."""
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    for _ in range(draws):
        text = "".join(rng.choice(ODD_TEXT) for _ in range(rng.randint(1, 20)))
        at = rng.randrange(len(text))
        term = text[at : at + rng.randint(1, 6)]
        where = layers(text, fold(term) if rng.random() < 0.5 else term)
        counts[where] = counts.get(where, 0) + 1
        if where not in ("", "no hit", "no query") and counts[where] <= show:
            print(f"   {where}: {text!a} {term!a}")
    asked = draws - counts.get("no query", 0)
    wrong = asked - counts.get("", 0) - counts.get("no hit", 0)
    print(f"odd text: {asked} queries, {counts.get('', 0)} hits, {wrong} disagree: {counts}")
    return 1 if wrong else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--shell", type=int, default=40)
    parser.add_argument("--show", type=int, default=8, help="disagreements printed per kind")
    parser.add_argument("--odd", type=int, default=0, help="draws of odd text, no library")
    args = parser.parse_args()
    if args.odd:
        return odd(args.odd, args.seed, args.show)
    folder = Path(tempfile.mkdtemp(prefix="oracle-"))
    try:
        started = time.perf_counter()
        library = build(folder / "lib", args.lines, args.seed)
        engine.update(library)
        shelf = Shelf(library)
        drawer = Drawer(shelf, library)
        print(
            f"library: {args.lines} lines, {len(shelf.items)} items, {len(drawer.wraps)} wraps,"
            f" built and indexed in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        rng = random.Random(args.seed)
        bad = 0
        drawn: list[str] = []
        for kind in KINDS:
            verdicts: list[Verdict] = []
            hits = 0
            tries = 0
            while len(verdicts) < args.queries and tries < args.queries * 20:
                tries += 1
                clauses = drawer.draw(rng, kind)
                if clauses is None:
                    continue
                query = query_text(clauses)
                filters = Filters.draw(rng)
                want = shelf.answer(clauses, filters) if searchable(clauses) else None
                verdict = judge(f"{query} {filters}", in_process(library, query, filters), want)
                verdicts.append(verdict)
                drawn.append(query)
                hits += len(want or {})
            failed = [v for v in verdicts if not v.good]
            bad += len(failed)
            print(f"{kind:>10}: {len(verdicts)} queries, {hits} hits, {len(failed)} disagree")
            for verdict in failed[: args.show]:
                print(
                    f"            {verdict.query!r}: missing {verdict.missing[:3]} extra"
                    f" {verdict.extra[:3]} spans {verdict.spans[:2]} {verdict.refused or ''}"
                )
        sample = random.Random(args.seed).sample(drawn, min(args.shell, len(drawn)))
        off = 0
        for typed in sample:
            got, wrong = shell(library.root, typed)
            mine = in_process(library, typed)
            if got != mine or wrong:
                off += 1
                if off <= args.show:
                    differ = "hits differ; " if got != mine else ""
                    print(f"     shell: {typed!r}: {differ}{wrong[:3]}")
        print(f"     shell: {len(sample)} queries through `reader search`, {off} disagree")
        return 1 if bad or off else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
