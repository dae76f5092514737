"""A library whose path is not UTF-8 (a folder named in GBK bytes on an old server).

`reader index` and `reader search` there ended in "internal error:
UnicodeEncodeError … surrogates not allowed": the index keeps the library's path
in its text (SQLite's text is UTF-8), and reading its own file name back failed
the same way ("the index … is damaged"). The path is now kept as bytes when it
is not UTF-8. Names *inside* a library are audit12's (test_audit12_cli.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.locations import SAMPLE_MARK

GBK = "数据".encode("gbk")  # b'\xca\xfd\xbe\xdd': not UTF-8


def command() -> list[str]:
    script = Path(sys.executable).parent / "reader"
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


@pytest.mark.parametrize("index_in_cache", [False, True])
def test_index_and_search_in_a_library_whose_path_is_not_utf8(
    library: Path, tmp_path: Path, index_in_cache: bool
) -> None:
    parent = os.fsencode(tmp_path) + b"/lib-" + GBK
    try:
        os.mkdir(parent)
    except OSError:
        pytest.skip("this file system takes UTF-8 names only")
    root = Path(os.fsdecode(parent)) / "papers"
    shutil.copytree(library, root)
    if index_in_cache:  # a library reader may not write into: its index in the cache dir
        (root / SAMPLE_MARK).write_text("")
    env = {**os.environ, "READER_CACHE_DIR": str(tmp_path / "cache")}
    for args in (["index"], ["search", "数据", "--count"], ["search", "数据", "--json"]):
        done = subprocess.run(
            [*command(), "--library", str(root), *args],
            env=env,
            capture_output=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        assert done.stderr == b""
    assert b"xuhui/sample/01/" in done.stdout
