"""TOML files as editors on the users' machines save them.

Notepad saves "UTF-8" with a byte order mark: a `config.toml` so saved stopped
the reader from starting ("Invalid statement (at line 1, column 1)"), and a
`paper.toml` or `issue.toml` so saved was set aside, its paper or issue read by
its folder name, with that same puzzling message. The mark is now passed over
(as page files already were read). A file in GBK, from an older editor, is one
line that says what is wrong and what to do, not a codec's error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.files import read_toml
from reader.library import PROBLEMS, Library

BOM = b"\xef\xbb\xbf"


@pytest.mark.parametrize("ends", [b"\n", b"\r\n"])
def test_a_toml_file_with_a_byte_order_mark_is_read(tmp_path: Path, ends: bytes) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(BOM + b"text_width = 30" + ends + 'highlight = ["数据"]'.encode() + ends)
    assert read_toml(path, 1 << 20) == {"text_width": 30, "highlight": ["数据"]}


def test_a_paper_and_an_issue_saved_with_the_mark_keep_their_names(library: Path) -> None:
    (library / "xuhui" / "paper.toml").write_bytes(BOM + 'name = "徐汇报BOM"\r\n'.encode())
    (library / "xuhui" / "sample" / "issue.toml").write_bytes(
        BOM + 'title = "特刊"\r\ndate = 2025-03-28\r\n'.encode()
    )
    issue = Library(library).issues()[0]
    assert issue.paper.name == "徐汇报BOM"
    assert issue.title == "特刊" and str(issue.date) == "2025-03-28"
    assert not PROBLEMS, PROBLEMS


def test_a_toml_file_in_gbk_says_to_save_it_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "issue.toml"
    path.write_bytes('title = "元旦"\n'.encode("gbk"))
    with pytest.raises(ReaderError) as caught:
        read_toml(path, 1 << 20)
    assert caught.value.message == f"{path}: not UTF-8 text (byte 12 of the file): save it as UTF-8"
