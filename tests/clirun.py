"""The `reader` command in a real process over a test library, as the audit tests run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PAGE = " 徐汇率先完成全国首批公共数据资源登记\n 本报讯 数据资源登记工作已经完成。\n"
"""A page of one story: a headline and a dateline paragraph."""


def reader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`reader --library LIBRARY ARGS...`, uncoloured, run beside the library."""
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
        cwd=library.parent,
        check=False,
    )
