"""The library changing under a running reader (tried under tmux, round 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui_scenes import app_for, make_library, settle, status

from reader.tui.app import ReaderApp


def issue_of(app: ReaderApp) -> str:
    assert app.main.opened is not None
    return app.main.opened.issue.id


async def test_an_issue_removed_while_reading_is_skipped_with_a_plain_message(
    tmp_path: Path,
) -> None:
    """`}` to an issue folder removed since start said `[Errno 2] No such file or
    directory: '/…'`, and said it again at every `}`: the next issue was out of reach."""
    make_library(tmp_path, [("2025-03-21", 1), ("2025-03-26", 1), ("2025-03-28", 1)])
    app = app_for(tmp_path, "xuhui/2025-03-21")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        shutil.rmtree(tmp_path / "xuhui" / "2025-03-26")
        await pilot.press("right_curly_bracket")
        await settle(app, pilot)
        assert issue_of(app) == "xuhui/2025-03-28"
        assert "Errno" not in status(app)
        assert "2025-03-26" in status(app)
        await pilot.press("left_curly_bracket")
        await settle(app, pilot)
        assert issue_of(app) == "xuhui/2025-03-21"


async def test_a_newline_in_a_folder_name_stays_on_the_one_line_bars(tmp_path: Path) -> None:
    """An issue folder named `2025\\n01`: the title bar and the id (`i`) showed `2025`
    and dropped the rest, the newline folding it out of the one-line bar."""
    from tui_scenes import title, write_page

    write_page(tmp_path, "2025\n01", " 标题\n 这是正文。\n")
    app = app_for(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert "2025␤01" in title(app)
        await pilot.press("i")
        assert "2025␤01" in status(app)
