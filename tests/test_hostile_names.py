"""A library with escapes, C1 controls, bidi overrides and newlines in every name.

Every command run on it through a real process: nothing it prints (stdout or
stderr, text or JSON) carries a control character a terminal would act on,
and each error stays one line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.printable import dumps, one_line, printable

OSC_TITLE = "\x1b]0;PWNED\x1b\\"
OSC_CLIPBOARD = "\x1b]52;c;aGFja2VkIQ==\x07"
CSI_C1 = "\x9b31m"
BIDI = "\u202e"
HOSTILE = OSC_TITLE + OSC_CLIPBOARD + CSI_C1 + BIDI
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Paper, issue and page text all carry escapes; an issue name holds a newline."""
    root = tmp_path / f"lib{HOSTILE}"
    paper = root / f"p{HOSTILE}"
    issue = paper / f"i{HOSTILE}"
    issue.mkdir(parents=True)
    (paper / "paper.toml").write_text(
        f'name = "{json.dumps(OSC_CLIPBOARD)[1:-1]}报"\n', encoding="utf-8"
    )
    page = f" 标题{OSC_TITLE}\n 正文{CSI_C1}{BIDI}数据。\n"
    (issue / "01.txt").write_text(page, encoding="utf-8")
    broken = paper / "x\nreader: fake second line"
    broken.mkdir()
    with (broken / "01.txt").open("wb") as handle:  # over the limit: skipped with a message
        handle.truncate(17 * 2**20)
    return root


def reader(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


def clean(done: subprocess.CompletedProcess[str]) -> None:
    for stream in (done.stdout, done.stderr):
        for char in RAW:
            assert char not in stream, (char, stream)
    for line in done.stderr.splitlines():
        assert line.startswith("reader: "), done.stderr


def test_every_command_keeps_library_strings_printable(hostile: Path) -> None:
    paper = f"p{HOSTILE}"
    issue = f"i{HOSTILE}"
    item = f"{paper}/{issue}/01/1"
    indexed = reader(hostile, "index")
    clean(indexed)
    assert indexed.returncode == 0
    assert indexed.stderr.count("\n") == 1 and "skipped a page" in indexed.stderr
    for args in (
        ("list",),
        ("list", "--json"),
        ("show", item),
        ("show", item, "--format", "markdown"),
        ("show", item, "--format", "json"),
        ("show", f"{paper}/{issue}/01", "--format", "json"),
        ("search", "数据"),
        ("search", "数据", "--json"),
        ("search", f"正文{CSI_C1}"),
        ("parse", str(hostile / paper / issue / "01.txt")),
        ("parse", str(hostile / paper / issue / "01.txt"), "--json"),
        ("show", f"{paper}/nope{OSC_TITLE}/01/1"),
        ("parse", str(hostile / paper / f"gone{OSC_TITLE}\nx.txt")),
    ):
        done = reader(hostile, *args)
        clean(done)
        expected = 1 if "nope" in args[-1] else 2 if "gone" in args[-1] else 0
        assert done.returncode == expected, (args, done.stderr)
        if args[0] in ("list", "search") and "--json" in args:
            for line in done.stdout.splitlines():
                json.loads(line)  # still valid JSON, the escapes as \\u sequences
        elif "json" in args or "--json" in args:
            json.loads(done.stdout)


def test_json_escapes_c1_controls_and_bidi_overrides() -> None:
    text = dumps({"a": f"x{CSI_C1}{BIDI}\u2066y\x1b"})
    assert "\\u009b" in text and "\\u202e" in text and "\\u2066" in text and "\\u001b" in text
    assert json.loads(text) == {"a": f"x{CSI_C1}{BIDI}\u2066y\x1b"}
    assert dumps(["数据"]) == '["数据"]'


def test_one_line_and_printable_keep_offsets() -> None:
    assert "\n" not in one_line("a\nb") and len(one_line("a\nb\tc")) == 5
    assert printable(HOSTILE).isprintable()
    assert len(printable(HOSTILE)) == len(HOSTILE)


def test_bidi_marks_are_shown_not_obeyed() -> None:
    """U+200E, U+200F and U+061C passed through: marks, not overrides, but a bidi-aware
    terminal still reorders the neutral characters around them (tui12, round 11)."""
    for mark in ("\u200e", "\u200f", "\u061c"):
        assert printable(f"报{mark}1, 2") == "报\ufffd1, 2"
        assert f"\\u{ord(mark):04x}" in dumps({"a": mark})
