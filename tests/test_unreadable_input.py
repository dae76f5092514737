"""Input reader cannot read, named as what it is; and nothing hand-made hangs or breaks lines.

Each case failed before its fix (reported by the round-16 audit): Chinese UTF-16 was
called binary and UTF-8 with one NUL was called UTF-16; `reader index` on an index
already current said nothing of a page it could not read; a FIFO where the freshness
witness goes hung every search; a line break inside a structure file's field printed
as lines of their own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.parse import structure
from reader.parse.stories import parse_bytes
from reader.parse.text import DecodeError, decode

PAGE = " 徐汇率先完成全国首批公共数据资源登记\n 本报讯 数据资源登记工作已经完成。\n"


def reader(library: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def library(root: Path) -> Path:
    folder = root / "p" / "2025-01-01"
    folder.mkdir(parents=True)
    (folder / "01.txt").write_text(PAGE, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ("一版新闻\n中国人民日报\n".encode("utf-16"), "UTF-16 text"),
        ("要闻\n中国人民日报社论，今天发表。\n".encode("utf-16-le"), "UTF-16LE text"),
        ("要闻\n中国人民日报社论，今天发表。\n".encode("utf-16-be"), "UTF-16BE text"),
        ("Page one\nNews\n".encode("utf-16-le"), "UTF-16LE text"),
        ("新闻标题\n正文\0内容。\n".encode(), "UTF-8 text holding a NUL byte (byte 19)"),
        (bytes(range(256)) * 8, "binary file"),
    ],
)
def test_text_in_another_encoding_is_named_as_it_is(data: bytes, named: str) -> None:
    with pytest.raises(DecodeError) as raised:
        decode(data)
    assert str(raised.value).startswith(named) or f"like {named}" in str(raised.value)


def test_an_index_already_current_still_names_the_page_it_could_not_read(tmp_path: Path) -> None:
    root = library(tmp_path / "lib")
    (root / "p" / "2025-01-01" / "02.txt").write_bytes(b"\x00\x01\x02binary\x00" * 40)
    binary = "02.txt: binary file (NUL bytes)"
    first = reader(root, "index")
    second = reader(root, "index")
    assert first.returncode == second.returncode == 0, second.stderr
    assert "index up to date" in second.stdout
    for done in (first, second):
        assert done.stderr.count(binary) == 1, done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_where_the_freshness_witness_goes_hangs_no_search(tmp_path: Path) -> None:
    root = library(tmp_path / "lib")
    # Folders changed seconds ago are still settling, and then no search vouches at all.
    past = time.time_ns() - 30_000_000_000
    for folder in (root, root / "p", root / "p" / "2025-01-01"):
        os.utime(folder, ns=(past, past))
    assert reader(root, "index").returncode == 0
    witness = root / ".reader" / "index.sqlite.checked"
    witness.unlink(missing_ok=True)
    os.mkfifo(witness)
    for _ in range(2):  # the first search vouches for the index; the second reads its witness
        done = reader(root, "search", "数据资源", "--ids", timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["p/2025-01-01/01/1"]


def test_a_line_break_in_a_structure_field_falls_back_to_the_text() -> None:
    text = PAGE.encode()
    page = parse_bytes(text)
    good = structure.encode(page, text)
    assert structure.decode(good, text, "p", "i", 1) is not None
    for field in ("headline", "paragraphs"):
        doc = json.loads(good)
        value = doc["items"][0][field]
        doc["items"][0][field] = [value[0] + "\n伪造"] if field == "paragraphs" else value + "\n"
        assert structure.decode(json.dumps(doc).encode(), text, "p", "i", 1) is None
    doc = json.loads(good)
    doc["header"] = "第1版\u2028要闻"
    assert structure.decode(json.dumps(doc).encode(), text, "p", "i", 1) is None


def test_a_pdf_of_more_pages_than_an_issue_holds_is_refused_before_it_is_read(
    tmp_path: Path,
) -> None:
    """It was read whole (about 50 ms a page) before its page 1000 was refused."""
    import io

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(1000):
        doc.new_page(200, 300)
    out = io.BytesIO()
    doc.save(out)
    doc.close()
    pdf = tmp_path / "big.pdf"
    pdf.write_bytes(out.getvalue())
    root = library(tmp_path / "lib")
    done = reader(root, "import", str(pdf), "--paper", "p", "--issue", "2025-01-02")
    assert done.returncode == 2
    assert done.stderr == f"reader: {pdf}: 1000 pages, more than an issue holds (1 to 999)\n"
    assert not (root / "p" / "2025-01-02").exists()
