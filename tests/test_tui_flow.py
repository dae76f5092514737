"""Reading an issue front to back (issue 9): Space reads on, J/K and ← → move, the article
wins the space, the interface speaks Chinese, position, scroll and theme come back,
Ctrl+C and Ctrl+Z as in less, keys rebound in config.toml; every key of a burst counts."""

from __future__ import annotations

import asyncio
import os
import random
import shlex
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from test_tui_burst import ISSUES, PAPERS, Where, burst, where
from test_tui_burst import papers as papers  # the fixture
from test_tui_smoke import READER, TMUX, UNSET, Terminal, socket_name
from textual.pilot import Pilot
from tui_scenes import app_for, make_library, settle, status, title
from typer.testing import CliRunner

from reader.cli.main import app as cli
from reader.errors import ReaderError
from reader.state import load_position, load_theme, state_file
from reader.tui import launch
from reader.tui.app import ReaderApp
from reader.tui.article import ArticleView, CaptionsView
from reader.tui.bars import StatusBar
from reader.tui.contents import Headlines, PageList

assert ISSUES and PAPERS


def pages_library(tmp_path: Path) -> Path:
    """One issue of three pages, each the sample page (6 items, the lead is the 4th)."""
    return make_library(tmp_path / "lib", [("2025-03-28", 3)])


def config(text: str) -> None:
    Path(os.environ["READER_CONFIG"]).write_text(text, encoding="utf-8")


def article_lines(app: ReaderApp) -> list[str]:
    """The article's lines as drawn, trailing blanks cut."""
    view = app.query_one(ArticleView)
    height = view.scrollable_content_region.height
    return [view.render_line(y).text.rstrip() for y in range(height)]


def focused(app: ReaderApp) -> object:
    """The focused widget (a function: mypy narrows `app.focused` after one `is`)."""
    return app.focused


async def space_to_next_item(app: ReaderApp, pilot: Pilot[None]) -> int:
    """Spaces pressed until the item changes; how many."""
    start = app.main.item_index
    for count in range(1, 50):
        await pilot.press("space")
        if app.main.item_index != start:
            return count
    raise AssertionError("Space never left the item")


async def test_space_pages_the_article_then_opens_the_next_item(library: Path) -> None:
    app = app_for(library, "xuhui/sample/01/4")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        article = app.query_one(ArticleView)
        assert app.focused is article  # `reader read ID` opens with the article focused
        height = article.scrollable_content_region.height
        await pilot.press("space")
        last = article.virtual_size.height - height
        assert app.main.item_index == 3 and article.scroll_offset.y == min(height - 1, last) > 0
        presses = await space_to_next_item(app, pilot)
        assert presses >= 1 and app.main.item is not None
        assert app.main.item.id == "xuhui/sample/01/5" and article.scroll_offset.y == 0
        assert app.query_one(Headlines).highlighted == 4
        # b goes back the same way: the previous item, at its last screen.
        await pilot.press("b")
        assert app.main.item.id == "xuhui/sample/01/4" and article.at_end
        assert article.scroll_offset.y > 0
        await pilot.press("shift+space")
        assert article.scroll_offset.y < article.virtual_size.height - height


async def test_space_at_the_end_of_a_page_opens_the_next_page(tmp_path: Path) -> None:
    app = app_for(pages_library(tmp_path), "xuhui/2025-03-28/01/6")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await space_to_next_item(app, pilot)
        # The next page's first item, not its lead: Space reads everything in order.
        assert (app.main.page_index, app.main.item_index) == (1, 0)
        assert "第2版" in title(app) and app.query_one(PageList).highlighted == 1
        await pilot.press("b")
        assert (app.main.page_index, app.main.item_index) == (0, 5)
        await pilot.press("end", "right_curly_bracket")  # no later issue: stays
        app.query_one(ArticleView).focus()
        await pilot.press("J", "J", "J", "J", "J", "J", "J", "J", "J", "J", "J", "J")
        assert (app.main.page_index, app.main.item_index) == (2, 5)
        await pilot.press("space", "space", "space", "space", "space", "space", "space")
        assert (app.main.page_index, app.main.item_index) == (2, 5)
        assert "end of the issue: } opens the next one" in status(app)


async def test_j_k_move_by_article_and_arrows_turn_pages(tmp_path: Path) -> None:
    app = app_for(pages_library(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert (app.main.page_index, app.main.item_index) == (0, 3)  # the lead story
        await pilot.press("J", "J", "J")
        assert (app.main.page_index, app.main.item_index) == (1, 0)
        await pilot.press("K")
        assert (app.main.page_index, app.main.item_index) == (0, 5)
        await pilot.press("right")
        assert (app.main.page_index, app.main.item_index) == (1, 3)
        await pilot.press("l", "l")
        assert app.main.page_index == 2 and "last page" in status(app)
        await pilot.press("h")
        assert app.main.page_index == 1
        app.query_one(ArticleView).focus()  # the article takes no arrow of its own
        await pilot.press("left")
        assert app.main.page_index == 0
        await pilot.press("i")
        assert status(app) == "Id: xuhui/2025-03-28/01/4"


@pytest.mark.parametrize(("size", "least"), [((60, 20), 20), ((40, 12), 14)])
async def test_narrow_terminals_give_the_article_the_room(
    library: Path, size: tuple[int, int], least: int
) -> None:
    app = app_for(library)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        article = app.query_one(ArticleView)
        assert focused(app) is article
        assert not app.query_one(Headlines).parent.display  # type: ignore[union-attr]
        assert not app.query_one(CaptionsView).display
        body = [line for line in article_lines(app) if "，" in line or "。" in line]
        assert body and max(cell_len(line) for line in body) // 2 >= least
        # `c`: the headlines beside the article, focused; again: the article alone.
        await pilot.press("c")
        assert focused(app) is app.query_one(Headlines)
        await pilot.press("home", "down", "enter")
        assert app.main.item_index == 1 and focused(app) is article
        await pilot.press("c")
        assert not app.query_one(Headlines).parent.display  # type: ignore[union-attr]


async def test_the_text_column_has_a_comfortable_width(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        article = app.query_one(ArticleView)
        assert article.text_width == 80  # 40 characters of two cells
        assert max(cell_len(line) for line in article_lines(app)) <= 81
    config("text_width = 20\n")
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert max(cell_len(line) for line in article_lines(app)) <= 41


async def test_a_page_without_captions_gives_their_pane_away(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    folder = root / "xuhui" / "2025-03-28"
    folder.mkdir(parents=True)
    (root / "xuhui" / "paper.toml").write_text('name = "徐汇报"\n', encoding="utf-8")
    (folder / "01.txt").write_text(" 数据工作会议召开。\n 会议强调数据安全。\n", encoding="utf-8")
    app = app_for(root)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        assert not app.query_one(CaptionsView).display
        assert app.query_one(ArticleView).size.width > 200 // 2
        await pilot.press("tab", "tab", "tab")  # pages, headlines, article: no captions
        assert app.focused is app.query_one(Headlines)


async def test_the_interface_speaks_chinese_under_a_chinese_locale(library: Path) -> None:
    app = app_for(library, lang="zh_CN.UTF-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "第1版  共1版" in title(app) and "page" not in title(app)
        assert app.query_one(PageList).border_title == "版面"
        assert app.query_one(Headlines).border_title == "标题"
        assert app.query_one(CaptionsView).border_title == "图片说明"
        assert str(app.query_one(StatusBar).right) == "? 帮助  / 搜索  q 退出"
        label = app.query_one(ArticleView).blocks[0].text
        assert label == "第1版 · 文章 第4篇，共6篇"
        await pilot.press("l")
        assert status(app) == "已是最后一版。"
        await pilot.press("question_mark")
        assert "reader：按键" in str(app.screen.query_one("#help-text").render())
    config('ui_language = "en"\n')
    app = app_for(library, lang="zh_CN.UTF-8")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "page 1 of 1" in title(app)


async def test_theme_item_and_scroll_come_back(library: Path) -> None:
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.query_one(ArticleView).focus()
        await pilot.press("t", "j", "j", "j", "j", "j")
        place = app.query_one(ArticleView).place
        await pilot.press("q")
    assert place != (0, 0) and load_theme(state_file(library)) == "light"
    again = app_for(library)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        assert again.theme == "textual-light" and again.main.item_index == 3
        assert again.query_one(ArticleView).place == place
    # Asked for an item, the reader opens it at its top.
    other = app_for(library, "xuhui/sample/01/4")
    async with other.run_test(size=(100, 30)) as pilot:
        await settle(other, pilot)
        assert other.query_one(ArticleView).scroll_offset.y == 0


async def test_ctrl_c_quits_saving_the_position_and_ctrl_z_suspends(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suspended = []
    monkeypatch.setattr(ReaderApp, "action_suspend_process", lambda self: suspended.append(1))
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+z")
        assert suspended == [1]
        await pilot.press("j", "slash", "ctrl+c")  # even from the search box
        await pilot.pause()
    assert app.return_code == 0
    saved = load_position(state_file(library))
    assert saved is not None and saved.item == 5


async def test_keys_can_be_rebound_in_the_config(library: Path) -> None:
    config('[keys]\nnext_article = "."\nread_on = "f,space"\n')
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("full_stop")
        assert app.main.item_index == 4
        await pilot.press("J")  # no longer bound
        assert app.main.item_index == 4
        app.query_one(ArticleView).focus()
        await pilot.press("f", "f", "f", "f", "f", "f")
        assert app.main.item_index == 5
        await pilot.press("question_mark")
        assert ".  " in str(app.screen.query_one("#help-text").render())


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[keys]\nfly = "f"\n', "[keys]: no action 'fly'; the actions are read_on, "),
        ('[keys]\nread_on = "spacebar"\n', "[keys]: read_on = 'spacebar': 'spacebar' is not a key"),
    ],
)
def test_a_wrong_key_binding_is_one_clear_line(
    library: Path, table: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    config(table)
    monkeypatch.setattr(launch, "is_terminal", lambda: True)
    with pytest.raises(ReaderError, match=message.replace("[", r"\[").replace("]", r"\]")):
        app_for(library)
    result = CliRunner().invoke(cli, ["--library", str(library), "read"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0]


@pytest.mark.parametrize("paper", [key for key, _ in PAPERS])
async def test_a_burst_of_reading_keys_ends_where_slow_presses_end(
    papers: Path, paper: str
) -> None:
    choices = ["space", "space", "space", "b", "J", "K", "l", "h", "j", "c", "tab", "}", "end"]
    keys = random.Random(f"read-{paper}").choices(choices, k=50)
    for size in ((100, 30), (60, 20)):
        results = []
        for slow in (True, False):
            app = app_for(papers, f"{paper}/1998-01-05")
            async with app.run_test(size=size) as pilot:
                await settle(app, pilot)
                if slow:
                    for key in keys:
                        await pilot.press(key)
                        await settle(app, pilot)
                else:
                    burst(app, keys)
                    await settle(app, pilot)
                scroll = app.query_one(ArticleView).scroll_offset.y
                results.append((*where(app), scroll))
        assert results[0] == results[1], (size, keys)


async def test_forty_spaces_in_a_burst_read_as_far_as_forty_slow_ones(papers: Path) -> None:
    ends = []
    for slow in (True, False):
        app = app_for(papers, "rmrb/1998-01-02/01/1")
        async with app.run_test(size=(60, 20)) as pilot:
            await settle(app, pilot)
            if slow:
                for _ in range(40):
                    await pilot.press("space")
            else:
                burst(app, ["space"] * 40)
                await settle(app, pilot)
            ends.append((*where(app), app.query_one(ArticleView).scroll_offset.y))
    assert ends[0] == ends[1] and ends[0][1:3] != (0, 0)


# Under tmux: the installed reader in a real terminal.


@pytest.fixture
def tmux() -> Iterator[Terminal]:
    if TMUX is None or not READER.exists():
        pytest.skip("needs tmux and the installed reader script")
    term = Terminal(socket_name("flow"))
    yield term
    subprocess.run([TMUX, "-L", term.socket, "kill-server"], capture_output=True)


def start(terminal: Terminal, root: Path, args: str, size: tuple[int, int]) -> None:
    names = ("READER_DATA_DIR", "READER_CACHE_DIR", "READER_CONFIG")
    env = {name: os.environ[name] for name in names} | {"TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    reader = f"{shlex.quote(str(READER))} --library {shlex.quote(str(root))} {args}"
    shell = f"env {UNSET} {exports} {reader}; echo reader-exited-$?; sleep 30"
    width, height = (str(n) for n in size)
    terminal.tmux("new-session", "-d", "-s", "smoke", "-x", width, "-y", height, shell)


def test_space_reads_on_under_tmux(tmux: Terminal, library: Path) -> None:
    start(tmux, library, "read xuhui/sample/01/4", (100, 30))
    tmux.wait_for("第1版 · article 4 of 6")
    tmux.keys("Space")
    tmux.wait_for("的数据动力。")  # its last screen
    tmux.keys("Space")
    tmux.wait_for("第1版 · article 5 of 6")
    tmux.keys("i")
    tmux.wait_for("Id: xuhui/sample/01/5")
    tmux.keys("C-c")
    tmux.wait_for("reader-exited-0")
    saved = load_position(state_file(library))
    assert saved is not None and saved.item == 5


@pytest.mark.parametrize("size", [(60, 20), (40, 12)])
def test_a_narrow_terminal_under_tmux(tmux: Terminal, library: Path, size: tuple[int, int]) -> None:
    start(tmux, library, "", size)
    screen = tmux.wait_for("徐汇率先完成全国首批")
    assert "Headlines" not in screen and "Captions" not in screen
    body = [line for line in screen.splitlines() if "，" in line]
    assert body and max(cell_len(line.strip()) for line in body) // 2 >= (
        20 if size[0] == 60 else 14
    )
    tmux.keys("c")
    tmux.wait_for("俺老孙来")
    tmux.keys("q")
    tmux.wait_for("reader-exited-0")


def test_a_burst_of_reading_keys_under_tmux(tmux: Terminal, papers: Path) -> None:
    keys = [*"JJJlllh", *["space"] * 30]
    slow = app_for(papers, "rmrb/1998-01-03")

    async def replay() -> Where:
        async with slow.run_test(size=(100, 30)) as pilot:
            await settle(slow, pilot)
            for key in keys:
                await pilot.press(key)
            return where(slow)

    _, page, item, _ = asyncio.run(replay())
    assert item is not None
    start(tmux, papers, "read rmrb/1998-01-03", (100, 30))
    tmux.wait_for("1998-01-03  第1版  page 1 of 8")
    # One write, as typing ahead or a paste delivers it.
    tmux.keys("JJJlllh" + " " * 30, literal=True)
    tmux.wait_for(f"1998-01-03  第{page + 1}版  page {page + 1} of 8")
    time.sleep(0.5)  # nothing else is still on its way
    tmux.keys("i")
    tmux.wait_for(f"Id: rmrb/1998-01-03/{page + 1:02d}/{item + 1}")
    tmux.keys("q")
    tmux.wait_for("reader-exited-0")
