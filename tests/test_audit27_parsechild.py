"""A parse child that writes something else on its stdout never breaks the screen.

`parsechild.read_pages` took any record marshal could read: one whose page number was
a list (a `sitecustomize` or a stray print writing into the child's stdout, a child
cut off and its bytes read as another record) raised `TypeError: unhashable type` in
the worker that waits for the child, and the worker's error ended the reader. Now such
a record ends the reading like a record cut off: the screen parses the pages itself.
"""

from __future__ import annotations

import marshal
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from tui_scenes import app_for, make_library, settle

from reader.library import Library
from reader.tui import parsechild


def _record(value: Any) -> bytes:
    data = marshal.dumps(value)
    return len(data).to_bytes(8, "big") + data


HOSTILE = [
    _record(([1], None, "message")),
    _record(({}, None, "message")),
    _record((1.5, None, "message")),
    _record((None, None, "message")),
    _record((1, 5, None)),
    _record(5),
    b"hello from sitecustomize\n" * 3,
    b"\xff" * 40,
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_a_record_not_of_the_child_ends_the_reading_without_an_error(
    raw: bytes, tmp_path: Path
) -> None:
    library = Library(make_library(tmp_path / "lib", [("2025-03-28", 2)]))
    issue = library.issue("xuhui", "2025-03-28")
    found = parsechild.read_pages(raw, issue)
    assert all(type(number) is int for number in found)


def test_random_bytes_never_raise(tmp_path: Path) -> None:
    library = Library(make_library(tmp_path / "lib", [("2025-03-28", 1)]))
    issue = library.issue("xuhui", "2025-03-28")
    rng = random.Random(27)
    for _ in range(3000):
        head = _record((rng.choice([1, [1], None, "1"]), None, rng.choice(["m", None])))
        tail = bytes(rng.randrange(256) for _ in range(rng.randrange(30)))
        parsechild.read_pages(head + tail if rng.random() < 0.5 else tail, issue)


async def test_a_child_that_writes_garbage_leaves_the_issue_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`}` into an issue read by a child whose stdout holds a record with a list for its
    page number: the issue opens, all its pages, and the reader runs on."""
    monkeypatch.setattr(parsechild, "SLOW", 100)
    root = make_library(tmp_path / "lib", [("2025-03-21", 1), ("2025-03-28", 3)])
    out = tmp_path / "out.bin"
    out.write_bytes(HOSTILE[0])
    script = f"import sys; sys.stdout.buffer.write(open({str(out)!r}, 'rb').read())"
    monkeypatch.setattr(parsechild, "command", lambda *_: [sys.executable, "-c", script])
    app = app_for(root, "xuhui/2025-03-21")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("right_curly_bracket")
        for _ in range(200):
            await settle(app, pilot)
            if not app.main.slow.holding:
                break
        assert app.return_code is None
        assert app.main.opened is not None and app.main.opened.issue.key == "2025-03-28"
        assert len(app.main.opened.pages) == 3
