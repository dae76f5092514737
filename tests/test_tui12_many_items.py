"""A page of many items (tried under tmux in round 11 with 10,000 in one issue).

`/标题` there listed 10,000 hits, then every `n` took seconds (4.6 s of restyling
plus a re-measure of the whole headline list): each jump rebuilt and replaced
every headline's prompt, although only two change (the hit that was current and
the one that is). Counted here in prompts made and list layouts dropped, not time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList
from tui_scenes import app_for, prompt_kinds, settle, write_page

from reader.tui import contents

pytest.importorskip("reader.search.engine")

ITEMS = 300


async def test_a_jump_between_hits_rebuilds_only_the_headlines_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = (f" 第{n}号新闻标题\n 这是第{n}篇文章的正文，讲述了一件事情。" for n in range(ITEMS))
    text = "\n\n".join(stories)
    write_page(tmp_path, "2025-01-01", text + "\n")
    app = app_for(tmp_path, "xuhui/2025-01-01")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.page is not None and len(app.main.page.items) == ITEMS
        await pilot.press("slash", *"标题", "enter")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        made: list[str] = []
        real = contents.headline_prompt

        def counting(item, *args, **kwargs):  # type: ignore[no-untyped-def]
            made.append(item.id)
            return real(item, *args, **kwargs)

        layouts: list[int] = []
        clear = OptionList._clear_caches

        def counting_clear(self: OptionList) -> None:
            layouts.append(1)
            clear(self)

        monkeypatch.setattr(contents, "headline_prompt", counting)
        monkeypatch.setattr(OptionList, "_clear_caches", counting_clear)
        for _ in range(3):
            await pilot.press("n")
            await settle(app, pilot)
        index = app.main.item_index
        assert index is not None and index > 0
        assert "current" in prompt_kinds(app, index), "the current hit is drawn as current"
        assert "current" not in prompt_kinds(app, index - 1)
        assert len(made) <= 3 * 4, f"{len(made)} prompts made for 3 jumps"
        assert not layouts, "the headline list was laid out again"
