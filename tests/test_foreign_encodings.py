"""Big5 and Shift-JIS pages are named and refused, not filed as GB18030 mojibake."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from corpuslib import corpus_lines

from reader.parse.encodings import foreign_encoding

TRADITIONAL = (
    "臺灣的報紙報導了今天的新聞。政府宣佈新的經濟政策，民眾對此表示關注。"
    "記者在臺北採訪了多位專家，他們認為這項計劃將會帶來長遠的影響。\n"
)
JAPANESE = "これは日本語の新聞記事です。東京で会議が開かれ、政府は新しい政策を発表しました。\n"


def parse(page: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "parse", str(page)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("text", "encoding", "name"),
    [(TRADITIONAL * 5, "big5", "Big5"), (JAPANESE * 5, "shift_jis", "Shift-JIS")],
)
def test_a_foreign_page_is_one_line_naming_its_encoding(
    tmp_path: Path, text: str, encoding: str, name: str
) -> None:
    page = tmp_path / "01.txt"
    page.write_bytes(text.encode(encoding))
    done = parse(page)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and f"looks like {name}" in done.stderr, done.stderr
    assert done.stdout == ""


def test_gb_pages_are_still_read() -> None:
    lines = corpus_lines(2000)
    for at in range(0, 2000, 20):  # simplified pages in GB18030, a hundred of them
        assert foreign_encoding("\n".join(lines[at : at + 20]).encode("gb18030")) is None
    assert foreign_encoding((TRADITIONAL * 5).encode("gb18030")) is None  # traditional in GBK
    assert foreign_encoding("短".encode("gb18030")) is None  # too little to judge


def test_a_short_big5_line_is_not_taken_for_japanese() -> None:
    assert foreign_encoding("臺灣的報紙報導了今天的新聞。".encode("big5")) == "Big5"
