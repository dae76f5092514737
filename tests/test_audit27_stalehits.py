"""Enter on a list of hits whose walk was cleared does nothing, and the reader runs on.

Found under tmux at 40x12 and 100x30 (bursts of `{}]]`, `/ 数据 Enter n n N`, `g DATE
Enter ] / 徐汇 Enter n Enter` while `reader import` rewrote the shown issue): `reader`
ended with "stopped on an internal error", `IndexError` in `Finder.go`. An issue opened
(`issue_opened`) clears the walk of hits at once, but the panel's list keeps the last
rows until the new search's hits come in; Enter on the list in that gap chose hit 0 of
an empty walk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_scenes import app_for, make_library, settle

from reader.tui.finder import Finder


async def test_enter_on_the_hits_of_the_issue_before_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_library(tmp_path / "lib", [("2025-03-28", 2)])
    app = app_for(root, "xuhui/2025-03-28")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "徐", "汇", "enter")
        await settle(app, pilot)
        finder = app.main.finder
        panel = finder.mounted_panel()
        assert panel is not None and finder.walk.hits
        assert app.focused is panel.hit_list and panel.hit_list.option_count
        # The issue is opened again (an import rewrote it); its new search is slow to come.
        monkeypatch.setattr(Finder, "_start", lambda *_: None)
        assert app.main.opened is not None
        finder.issue_opened(app.main.opened, None)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.return_code is None and app.is_running
        await pilot.press("j")  # the reader still takes keys
        await settle(app, pilot)
        assert app.return_code is None and app.is_running
