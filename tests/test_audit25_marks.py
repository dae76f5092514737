"""An item of many paragraphs with many hits is highlighted in one pass over its marks.

The article pane asked for an item's marks (every field's: watch-words, hits, the
current hit) once for each of its blocks, a paragraph each: the paragraphs times the
hits. A page of 64,000 one-line paragraphs (`数据。`, a list or verse set so) and the
search `"。数据"` held the reader at "Searching…" for hours; 4,000 of them took 40 s
of CPU, now 1.2 s.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_scenes import app_for, settle, write_page

from reader.tui.screens.issue import IssueScreen


async def test_a_search_asks_each_item_for_its_marks_not_each_paragraph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = 300
    root = write_page(tmp_path, "2025-03-28", "测试标题\n" + "　　数据。\n" * count)
    asked: list[str] = []
    real = IssueScreen.marks_for

    def marks_for(self: IssueScreen, item_id: str) -> object:
        asked.append(item_id)
        return real(self, item_id)

    monkeypatch.setattr(IssueScreen, "marks_for", marks_for)
    app = app_for(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.opened is not None
        assert len(app.main.opened.pages[0].items[0].paragraphs) == count
        asked.clear()
        await pilot.press("slash", *'"。数据"', "enter")
        await settle(app, pilot)
        for _ in range(40):
            if app.main.finder.walk.hits:
                break
            await pilot.pause(0.1)
        assert len(app.main.finder.walk.hits) >= count - 1  # one a seam
        assert 0 < len(asked) < count  # once a paragraph: several times `count`
