"""Libraries for search tests: corpus paragraphs laid out as pages, one per line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPUS = CORPUS_DIR / "pd199801.txt"


def corpus_lines(limit: int | None = None) -> list[str]:
    """Non-empty lines of the corpus (read in place, never copied)."""
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[:limit]


def write_page(path: Path, paragraphs: list[str]) -> None:
    """One paragraph a line, each with a leading space (the new-story hint)."""
    path.write_text("".join(f" {p}\n" for p in paragraphs), encoding="utf-8")


def make_library(
    root: Path,
    lines: list[str],
    *,
    paper: str = "rmrb",
    name: str = "人民日报",
    per_page: int = 20,
    pages_per_issue: int = 8,
    start: date = date(1998, 1, 1),
) -> Path:
    """A library of `lines` cut into pages and daily issues; returns its root."""
    folder = root / paper
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "paper.toml").write_text(f'name = "{name}"\n', encoding="utf-8")
    per_issue = per_page * pages_per_issue
    for n, first in enumerate(range(0, len(lines), per_issue)):
        day = start + timedelta(days=n)
        issue = folder / day.isoformat()
        issue.mkdir(exist_ok=True)
        (issue / "issue.toml").write_text(f"date = {day.isoformat()}\n", encoding="utf-8")
        chunk = lines[first : first + per_issue]
        for page, at in enumerate(range(0, len(chunk), per_page), start=1):
            write_page(issue / f"{page:02d}.txt", chunk[at : at + per_page])
    return root
