"""The start-up tricks keep the properties they rely on (reader/startup.py)."""

from __future__ import annotations

import gc
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

    monkeypatch.setattr("reader.startup.os._exit", fake_exit)
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


def test_a_one_shot_search_of_a_named_library_loads_no_config_code(library: Path) -> None:
    """tomllib (2 ms) and reader.config are for config files: a search whose library is
    named by --library asks none, on a machine with or without them."""
    import subprocess
    import sys

    built = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), "index"],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    code = (
        "import sys, os\n"
        "from reader.cli.main import run\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        f"code = run(['--library', {str(library)!r}, 'search', '数据'])\n"
        "sys.stdout = sys.__stdout__\n"
        "print(code, [m for m in ('tomllib', 'reader.config', 'jieba', 'rjieba') "
        "if m in sys.modules])\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    assert found.stdout.split(maxsplit=1) == ["0", "[]\n"]


@pytest.mark.parametrize(
    "text", ["", "港", "香港回归", "\u3400", "\u9fff", "\u33ff", "\ua000", "港a", "1998", "數據"]
)
def test_the_ideograph_test_is_the_class_it_replaced(text: str) -> None:
    import re

    from reader.search import folding

    assert folding._ideographs(text) == (re.fullmatch("[\u3400-\u9fff]+", text) is not None)
