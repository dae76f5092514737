"""`/ 徐 汇 Enter n n N` that ends as the query `/徐汇nnN`: what the keys do typed slowly.

audit26 saw the query line read `/徐汇nnN` once in about ten tmux bursts of
`g 2025-03-25 Enter ] ] / 徐汇 Enter n n N` into an issue read by a child, and left it
as a possible reorder (the keys after Enter typed into the line). Reproduced here under
tmux in two runs of two (load 15-28): the title said `徐汇 no hits`, so the Enter had
searched first. The slow issue (random spaced heads) holds no 徐汇, and with no hits the
query line keeps the focus for a better query: `n n N` typed slowly go into it as well.
No reorder; these tests pin that the burst ends where the slow keys end, hits or none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_audit26_slowload import ended, ends_after, wrapped
from tui_scenes import app_for, make_library, settle

from reader.tui import parsechild

ISSUES = [("2025-03-21", 1), ("2025-03-28", 3)]


@pytest.mark.parametrize("word", ["火星", "徐汇"])
async def test_keys_after_enter_end_as_typed_slowly_with_hits_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    keys = ["g", *"2025-03-28", "enter", "]", "slash", *word, "enter", "n", "n", "N"]
    make_library(tmp_path / "lib", ISSUES)
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "fresh-cache"))
    app = app_for(tmp_path / "lib", "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        expected = ended(app), app.main.finder.mounted_panel().query_box.value  # type: ignore[union-attr]
    real = parsechild.command
    monkeypatch.setattr(parsechild, "SLOW", 100)
    monkeypatch.setattr(parsechild, "command", lambda *a: [*wrapped(1.0), *real(*a)])
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "other-cache"))
    app = app_for(tmp_path / "lib", "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        got = await ends_after(app, pilot, keys)
        line = app.main.finder.mounted_panel().query_box.value  # type: ignore[union-attr]
    assert (got, line) == expected
    if word == "火星":  # no hits: the line keeps the focus, and the later keys
        assert line == "火星nnN"
