"""The start-up tricks keep the properties they rely on (reader/startup.py)."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

import pytest

from reader import startup
from reader.cli import main as cli_main


class _Exited(Exception):
    """Stands in for the end of the process at `os._exit`."""


@pytest.mark.parametrize(
    "args",
    [["search", "数据"], ["list"], ["show", "xuhui/sample/01/4"], ["search", "没有这个词"]],
)
def test_one_shot_commands_leave_no_thread_alive_at_quick_exit(
    library: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    seen: dict[str, object] = {}

    def fake_exit(code: int) -> None:
        seen["code"] = code
        seen["threads"] = [
            t.name for t in threading.enumerate() if t is not threading.main_thread()
        ]
        raise _Exited

    monkeypatch.setattr(os, "_exit", fake_exit)  # the module reader.startup calls
    with pytest.raises(_Exited):
        cli_main.main(["--library", str(library), *args])
    capsys.readouterr()
    assert seen["code"] in (0, 1)
    assert seen["threads"] == []


def test_collection_resumes_frozen_after_a_pause() -> None:
    try:
        startup.pause_collection()
        assert not gc.isenabled()
        startup.resume_collection()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()
