"""Stories printed with a kicker or a subtitle, by what the parser made of their stack (issue 12).

A stack's roles (kicker, headline, subtitle) go wrong in a few ways, and each asks
for other evidence: two plain one-line parts read the wrong way round (nothing but
the words and their widths tells kicker + headline from headline + subtitle), a
kicker joined to its headline as a wrap or a wrapped headline cut in two (the wrap
model's call), a stack not found or taken with lines of the story beside it (the
story's bounds). This counts, per page set, the stories printed with a kicker and
those printed with a subtitle by that cause, and the stacks the parser read as two
plain one-line parts by their truth, its reading and the widths of the two lines
(the upper line wider than the lower, as wide, narrower).

The parser runs in process (`parse_text`, `stories.split_stack` wrapped to see each
stack's parts); stories are matched to the truth as `bench/structure.py` scores
them. Pages come from `bench/structure.py`'s generators, or from cached page text
(JSON files holding `text` and `truth`, as the round's read sets are kept).

    python tools/stack_roles.py --generator typeset-pdfium --seed 1500 --pages 20
    python tools/stack_roles.py --cached '/tmp/read20/chrome-pdfium-*.json'
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import structure  # noqa: E402

from reader.parse import stories  # noqa: E402
from reader.parse.stories import parse_text  # noqa: E402
from reader.parse.text import width  # noqa: E402

Roles = tuple[str, str, str]  # kicker, headline, subtitle as compared ("" for none)
CAUSES = (
    "right",
    "kicker + headline read as headline + subtitle",
    "headline + subtitle read as kicker + headline",
    "kicker joined to its headline",
    "headline joined to its subtitle",
    "headline cut in two",
    "headline's first line read as a kicker",
    "subtitle cut in two under the headline read as a kicker",
    "story not found",
    "other",
)


def _norm(text: str | None) -> str:
    return "".join(structure._norm(text).split())


def roles(item: dict[str, Any]) -> Roles:
    """An item's kicker, headline and subtitle as compared (dashes before a subtitle kept)."""
    return _norm(item.get("kicker")), _norm(item.get("headline")), _norm(item.get("subtitle"))


def cause(want: Roles, got: Roles | None) -> str:
    """Why the parse's stack roles `got` differ from the printed `want` (or "right").

    Judged on the headline first (the private set scores headlines), then on the
    kicker and the subtitle.
    """
    if got is None:
        return CAUSES[8]
    (k, h, s), (gk, gh, gs) = want, got
    if got == want:
        return CAUSES[0]
    if k and not s and (gh, gs) == (k, h) and not gk:
        return CAUSES[1]
    if s and not k and (gk, gh) == (h, s) and not gs:
        return CAUSES[2]
    if k and gh.startswith(k + h) and h:
        return CAUSES[3]
    if s and gh.endswith(h + s.lstrip("—")) and h:
        return CAUSES[4]
    if h and gh and gh != h and h.startswith(gh):
        return CAUSES[5]
    if gk and gh and h == gk + gh and k + s == gs:
        return CAUSES[6]
    if s and not k and gk == h and gh and gh + gs == s:
        return CAUSES[7]
    return CAUSES[9]


@contextmanager
def recorded() -> Iterator[list[tuple[list[list[str]], tuple[str | None, ...]]]]:
    """Each stack's parts (as `stacks.group` gives them) and roles, as the parser splits it."""
    seen: list[tuple[list[list[str]], tuple[str | None, ...]]] = []
    split = stories.split_stack

    def record(stack: list[str], *args: Any, **kwargs: Any) -> tuple[str | None, ...]:
        out = split(stack, *args, **kwargs)
        grouped = kwargs.get("grouped") or stories.group(stack, bool(args and args[0]))
        seen.append(([list(part) for part in grouped], out))
        return out

    stories.split_stack = record  # type: ignore[assignment]
    try:
        yield seen
    finally:
        stories.split_stack = split  # type: ignore[assignment]


def _shape(above: str, below: str) -> str:
    wa, wb = width(above), width(below)
    return "upper wider" if wa > wb + 0.5 else "narrower" if wa < wb - 0.5 else "as wide"


def page_counts(
    text: str,
    truth: dict[str, Any],
    table: Counter[tuple[str, ...]],
    misses: list[str] | None = None,
) -> None:
    """Count one page's stories with a kicker or a subtitle, and its two-line stacks;
    `misses` collects a line for each story whose roles are wrong."""
    with recorded() as seen:
        page = json.loads(parse_text(text).to_json())
    want_items, got_items = truth["items"], page["items"]
    match = structure._match(want_items, got_items)
    for i, item in enumerate(want_items):
        want = roles(item)
        if not want[1] or not (want[0] or want[2]):
            continue
        got = roles(got_items[match[i]]) if i in match else None
        why = cause(want, got)
        table["kicker" if want[0] else "subtitle", why] += 1
        if misses is not None and why != CAUSES[0]:
            misses.append(f"{why}: {' | '.join(want)}  ->  {' | '.join(got or ('?',))}")
    printed = {"".join(roles(t)): roles(t) for t in want_items if t.get("headline")}
    for grouped, out in seen:
        if len(grouped) != 2 or any(len(part) != 1 for part in grouped):
            continue
        (above,), (below,) = grouped
        want = printed.get(_norm(above + below))
        if "—" in above + below or want is None or (want[0] and want[2]):
            continue
        truth_reads = "kicker + headline" if want[0] else "headline + subtitle"
        reads = "kicker + headline" if out[0] else "headline + subtitle" if out[2] else "one part"
        table["pair", truth_reads, reads, _shape(above, below)] += 1


def _pages(args: argparse.Namespace, tmp: Path) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for pattern in args.cached or ():
        for name in sorted(glob.glob(pattern)):
            cached = json.loads(Path(name).read_text(encoding="utf-8"))
            yield pattern, cached["text"], cached["truth"]
    for gen in args.generator or ():
        for case in structure.GENERATORS[gen](args.pages, args.seed, tmp):
            yield gen, case.path.read_text(encoding="utf-8"), case.truth


def report(table: Counter[tuple[str, ...]]) -> list[str]:
    """The counts as two Markdown tables."""
    lines = ["| printed with | " + " | ".join(CAUSES) + " |", "|---" * (len(CAUSES) + 1) + "|"]
    for kind in ("kicker", "subtitle"):
        lines.append(f"| {kind} | " + " | ".join(str(table[kind, c]) for c in CAUSES) + " |")
    shapes = ("upper wider", "as wide", "narrower")
    lines += [
        "",
        "| two plain lines, printed / read | " + " | ".join(shapes) + " |",
        "|---" * 4 + "|",
    ]
    for key in sorted({k[1:3] for k in table if k[0] == "pair"}):
        counts = " | ".join(str(table["pair", *key, s]) for s in shapes)
        lines.append(f"| {key[0]} / {key[1]} | {counts} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", action="append", choices=sorted(structure.GENERATORS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--cached", action="append", help="glob of cached page-text JSON")
    parser.add_argument("--miss", action="store_true", help="list each story read wrong")
    args = parser.parse_args()
    if not args.generator and not args.cached:
        args.generator = ["typeset-pdfium"]
    tables: dict[str, Counter[tuple[str, ...]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, text, truth in _pages(args, Path(tmp)):
            misses: list[str] = []
            page_counts(text, truth, tables.setdefault(name, Counter()), misses)
            if args.miss:
                print("\n".join(misses))
    for name, table in tables.items():
        print(f"\n{name}\n")
        print("\n".join(report(table)))


if __name__ == "__main__":
    main()
