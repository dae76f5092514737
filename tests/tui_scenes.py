"""Helpers for the TUI tests: throwaway libraries, building and settling the App, scenes."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from reader.library import Issue, Library
from reader.tui.app import ReaderApp
from reader.tui.article import ArticleView
from reader.tui.bars import StatusBar, TitleBar
from reader.tui.launch import build_app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_PAGE = ROOT / "issues" / "xuhui" / "sample" / "01.txt"
SCREENSHOTS = ROOT / "screenshots"


def make_library(root: Path, issues: Sequence[tuple[str, int]], paper: str = "xuhui") -> Path:
    """A library of `paper` with issues (key, page count), every page the sample page."""
    folder = root / paper
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "paper.toml").write_text('name = "徐汇报"\n', encoding="utf-8")
    for key, pages in issues:
        (folder / key).mkdir()
        for number in range(1, pages + 1):
            shutil.copyfile(SAMPLE_PAGE, folder / key / f"{number:02d}.txt")
    return root


def write_page(root: Path, key: str, text: str, paper: str = "xuhui") -> Path:
    """A library with one issue of one page holding `text`."""
    folder = root / paper / key
    folder.mkdir(parents=True)
    (root / paper / "paper.toml").write_text('name = "测试报"\n', encoding="utf-8")
    (folder / "01.txt").write_text(text, encoding="utf-8")
    return root


def app_for(
    root: Path,
    target: str | None = None,
    *,
    page: int | None = None,
    highlight: str = "",
    search: str | None = None,
    lang: str | None = None,
) -> ReaderApp:
    """The App exactly as `reader read` builds it (environment from the test fixture).

    The interface speaks English unless `lang` sets `LANG` (the locale of the
    machine running the tests does not count).
    """
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    if lang is not None:
        env["LANG"] = lang
    library = Library(root)
    return build_app(library, target, page=page, highlight=highlight, search=search, env=env)


async def settle(app: ReaderApp, pilot: Pilot[None]) -> None:
    """Let workers finish and their messages land, including workers they start.

    Loading starts after the first frame and a search after loading, so one wait
    is not enough: wait until two rounds in a row find nothing running.
    """
    quiet = 0
    for _ in range(200):
        # A search a later key replaced (`}` after `}` in a burst) is cancelled: as designed.
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(worker.is_running for worker in app.workers)
        quiet = 0 if busy else quiet + 1
        if quiet == 2:
            return


def title(app: ReaderApp) -> str:
    return str(app.query_one(TitleBar).left)


def prompt_kinds(app: ReaderApp, index: int) -> set[str]:
    """Which styles (tag, derived, watch, hit, current) headline `index` is drawn with."""
    from reader.tui.contents import Headlines

    headlines = app.query_one(Headlines)
    prompt = headlines.get_option_at_index(index).prompt
    used = {span.style for span in getattr(prompt, "spans", ())}
    return {name for name, style in headlines.prompt_styles.items() if style in used}


def state(app: ReaderApp) -> str:
    return str(app.query_one(TitleBar).right)


def status(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).left)


def article_text(app: ReaderApp) -> str:
    return "\n".join(block.text for block in app.query_one(ArticleView).blocks)


@dataclass(frozen=True)
class Scene:
    """A named screenshot: terminal size, how the App is built, the keys pressed."""

    name: str
    size: tuple[int, int]
    keys: tuple[str, ...] = ()
    target: str | None = None
    highlight: str = ""
    search: str | None = None
    needs_index: bool = False
    lang: str | None = None


SEARCH = ("slash", *"数据", "enter")
SCENES = (
    # What a newcomer sees on first start: the sample at its lead story.
    Scene("sample-100x30", (100, 30)),
    # The same in Chinese (LANG=zh_CN.UTF-8): every label of the interface follows.
    Scene("zh-100x30", (100, 30), lang="zh_CN.UTF-8"),
    # A search: hits listed with snippets, the counter, hits highlighted in the article.
    Scene(
        "search-100x30", (100, 30), (*SEARCH, "down", "down", "enter", "slash"), needs_index=True
    ),
    # Watch-words, and 120 columns: three panes side by side.
    Scene("watch-words-120x32", (120, 32), highlight="数据,徐汇"),
    # Narrow terminals: the article alone, a comfortable column; Space has read on.
    Scene("narrow-60x20", (60, 20), ("space",)),
    Scene("tiny-40x12", (40, 12), lang="zh_CN.UTF-8"),
    # `c` on a narrow terminal: the headlines beside the article.
    Scene("contents-80x24", (80, 24), ("c",)),
    # The light theme (`t`) with watch-words and search hits side by side. The hit is
    # in an item at the top of the list: the list's scroll when a jump closes the
    # panel depends on timing, and a screenshot must not.
    Scene(
        "light-100x30",
        (100, 30),
        ("t", "slash", *"外资", "enter", "enter"),
        highlight="徐汇",
        needs_index=True,
    ),
)


def count_listings(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The library roots `Library.issues` lists from now on, one entry a listing."""
    scans: list[Path] = []
    issues = Library.issues

    def counted(self: Library, paper: str | None = None) -> list[Issue]:
        scans.append(self.root)
        return issues(self, paper)

    monkeypatch.setattr(Library, "issues", counted)
    return scans
