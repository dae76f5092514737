"""`reader import` of text pages: layout on disk, numbering, idempotence, refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reader.cli.main import app
from reader.importing.importer import update_index as real_update_index
from reader.library import Library
from reader.parse.pages import load_item

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """conftest.clean_env already points the cache and data dirs at tmp dirs."""
    # The index has its own tests; indexing after every import here would only slow these.
    monkeypatch.setattr("reader.importing.importer.update_index", lambda library, issues=None: None)


def run(lib: Path, *args: str) -> tuple[int, str, str]:
    """Run `reader --library LIB import ARGS` in-process: (exit code, stdout, stderr)."""
    result = runner.invoke(app, ["--library", str(lib), "import", *args])
    return result.exit_code, result.stdout, result.stderr


def page_text(n: int) -> bytes:
    """A distinct small page of text."""
    return f"第{n}版的标题\n　　这是第{n}版的正文，内容不同。\n".encode()


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under root with its bytes, to show a library untouched."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_text_pages_are_filed_byte_for_byte(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    code, out, err = run(lib, str(SAMPLE), "--paper", "xuhui", "--issue", "2025-03-28")
    assert code == 0, err
    issue = lib / "xuhui" / "2025-03-28"
    assert (issue / "01.txt").read_bytes() == SAMPLE.read_bytes()
    assert tomllib.loads((lib / "xuhui" / "paper.toml").read_text()) == {"name": "xuhui"}
    assert str(tomllib.loads((issue / "issue.toml").read_text())["date"]) == "2025-03-28"
    assert "xuhui/2025-03-28: added page 1" in out
    # The library reads it back as DESIGN section 2 says.
    found = Library(lib)
    assert [i.id for i in found.issues()] == ["xuhui/2025-03-28"]
    assert load_item(found, "xuhui/2025-03-28/01/1").credit == "通讯员 倪修龙 摄于 3 月 25 日"


def test_display_name_and_any_issue_key(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    code, _, err = run(
        lib, str(SAMPLE), "--paper", "xh", "--name", '徐汇报 "周刊"', "--issue", "s1"
    )
    assert code == 0, err
    assert tomllib.loads((lib / "xh" / "paper.toml").read_text())["name"] == '徐汇报 "周刊"'
    assert not (lib / "xh" / "s1" / "issue.toml").exists()  # a key that is no date
    assert Library(lib).paper("xh").name == '徐汇报 "周刊"'


def test_page_numbers_from_names_then_next_free(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    names = ["page-3.txt", "A05.txt", "scan.txt", "01.txt", "notes.txt", "第7版.txt"]
    for n, name in enumerate(names, start=1):
        (src / name).write_bytes(page_text(n))
    lib = tmp_path / "lib"
    code, _, err = run(lib, *(str(src / name) for name in names), "--paper", "p", "--issue", "k")
    assert code == 0, err
    issue = lib / "p" / "k"
    on_disk = {int(p.stem): p.read_bytes() for p in issue.glob("*.txt")}
    # Named pages keep their numbers; the others take the lowest free ones in order.
    assert on_disk == {
        3: page_text(1),
        5: page_text(2),
        2: page_text(3),
        1: page_text(4),
        4: page_text(5),
        7: page_text(6),
    }


def test_folder_with_date_in_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "rmrb_1998-01-02"
    folder.mkdir()
    for n in (2, 10, 1):
        (folder / f"{n}.txt").write_bytes(page_text(n))
    (folder / "cover.jpg").write_bytes(b"\xff\xd8")  # not a page file: left alone
    lib = tmp_path / "lib"
    code, out, err = run(lib, str(folder), "--paper", "rmrb")
    assert code == 0, err
    issue = lib / "rmrb" / "1998-01-02"
    assert sorted(p.name for p in issue.iterdir()) == ["01.txt", "02.txt", "10.txt", "issue.toml"]
    assert (issue / "10.txt").read_bytes() == page_text(10)
    assert "added pages 1, 2, 10" in out


def test_date_from_file_name_or_a_clear_refusal(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "rmrb-19980103-02.txt").write_bytes(page_text(2))
    (src / "loose.txt").write_bytes(page_text(9))
    lib = tmp_path / "lib"
    code, _, err = run(lib, str(src / "rmrb-19980103-02.txt"), "--paper", "rmrb")
    assert code == 0, err
    assert (lib / "rmrb" / "1998-01-03" / "02.txt").read_bytes() == page_text(2)
    code, _, err = run(lib, str(src / "loose.txt"), "--paper", "rmrb")
    assert code == 2
    assert "loose.txt: no date in its name or folder: give --issue" in err
    assert err.count("\n") == 1


def test_same_file_again_changes_nothing(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    assert run(lib, str(SAMPLE), "--paper", "x", "--issue", "2025-03-28")[0] == 0
    page = lib / "x" / "2025-03-28" / "01.txt"
    os.utime(page, (1_000_000, 1_000_000))
    before = snapshot(lib)
    code, out, err = run(lib, str(SAMPLE), "--paper", "x", "--issue", "2025-03-28")
    assert code == 0, err
    assert "unchanged page 1" in out
    assert snapshot(lib) == before
    assert page.stat().st_mtime == 1_000_000  # not even rewritten


def test_other_content_for_an_existing_page_needs_replace(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    src = tmp_path / "01.txt"
    src.write_bytes(page_text(1))
    assert run(lib, str(src), "--paper", "x", "--issue", "k")[0] == 0
    before = snapshot(lib)
    src.write_bytes(page_text(2))
    code, _, err = run(lib, str(src), "--paper", "x", "--issue", "k")
    assert code == 2
    assert err == (
        f"reader: page 1 of k exists with other content ({src}); use --replace to overwrite it\n"
    )
    assert snapshot(lib) == before
    code, out, err = run(lib, str(src), "--paper", "x", "--issue", "k", "--replace")
    assert code == 0, err
    assert "replaced page 1" in out
    assert (lib / "x" / "k" / "01.txt").read_bytes() == page_text(2)


def test_page_option(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    code, _, err = run(lib, str(SAMPLE), "--paper", "x", "--issue", "k", "--page", "12")
    assert code == 0, err
    assert (lib / "x" / "k" / "12.txt").read_bytes() == SAMPLE.read_bytes()
    other = tmp_path / "other.txt"
    other.write_bytes(page_text(1))
    code, _, err = run(lib, str(SAMPLE), str(other), "--paper", "x", "--issue", "k", "--page", "3")
    assert code == 2
    assert "--page 3 is for a single page; the inputs hold 2" in err


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b" \n\n", "empty page file"),
        ("binary.txt", b"\x00\x01\x02" * 50, "binary file"),
        ("notes.doc", b"text", "not a page file (expected .txt or .pdf)"),
    ],
)
def test_bad_text_input_leaves_the_library_untouched(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    lib = tmp_path / "lib"
    assert run(lib, str(SAMPLE), "--paper", "x", "--issue", "k")[0] == 0
    before = snapshot(lib)
    good = tmp_path / "02.txt"
    good.write_bytes(page_text(2))
    bad = tmp_path / name
    bad.write_bytes(data)
    # The good page comes first: everything is checked before anything is written.
    code, out, err = run(lib, str(good), str(bad), "--paper", "x", "--issue", "k")
    assert code == 2
    assert out == ""
    assert message in err and err.startswith("reader: ") and err.count("\n") == 1
    assert snapshot(lib) == before


def test_a_clash_inside_one_import(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "01.txt").write_bytes(page_text(1))
    (folder / "page-1.txt").write_bytes(page_text(2))
    lib = tmp_path / "lib"
    code, _, err = run(lib, str(folder), "--paper", "x", "--issue", "k")
    assert code == 2
    assert "page 1 of k would come from both" in err
    assert not lib.exists()  # a new library folder is not even created


@pytest.mark.parametrize(
    "bad", ["../up", "a b", ".hidden", "x/y", "a\x1b]0;T\x07", "a\x9b31m", "a\u202eb"]
)
def test_bad_paper_or_issue_keys(tmp_path: Path, bad: str) -> None:
    lib = tmp_path / "lib"
    assert run(lib, str(SAMPLE), "--paper", bad, "--issue", "k")[0] == 2
    assert run(lib, str(SAMPLE), "--paper", "x", "--issue", bad)[0] == 2
    assert not lib.exists()


def test_never_writes_into_the_bundled_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["import", str(SAMPLE), "--paper", "x", "--issue", "k"])
    assert result.exit_code == 2
    assert "no library chosen" in result.stderr


def test_missing_input(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "lib", str(tmp_path / "nope.txt"), "--paper", "x")
    assert code == 2
    assert err == f"reader: {tmp_path / 'nope.txt'}: no such file or folder\n"


def test_index_is_brought_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    monkeypatch.setattr("reader.importing.importer.update_index", real_update_index)
    monkeypatch.setattr(
        "reader.search.engine.update", lambda library, **kw: calls.append(library.root)
    )
    lib = tmp_path / "lib"
    assert run(lib, str(SAMPLE), "--paper", "x", "--issue", "k")[0] == 0
    assert calls == [lib]
    assert run(lib, str(SAMPLE), "--paper", "x", "--issue", "k")[0] == 0
    assert calls == [lib]  # nothing changed, nothing to index


def test_imported_page_is_found_by_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.importing.importer.update_index", real_update_index)
    lib = tmp_path / "lib"
    assert run(lib, str(SAMPLE), "--paper", "xuhui", "--issue", "2025-03-28")[0] == 0
    found = runner.invoke(app, ["--library", str(lib), "search", "香港理工", "--json"])
    assert found.exit_code == 0
    ids = [json.loads(line)["id"] for line in found.stdout.splitlines()]
    assert "xuhui/2025-03-28/01/6" in ids


def test_through_a_real_process(tmp_path: Path) -> None:
    env = dict(
        os.environ, READER_CACHE_DIR=str(tmp_path / "c"), READER_DATA_DIR=str(tmp_path / "d")
    )
    env.pop("READER_LIBRARY", None)
    lib = tmp_path / "lib"
    bad = tmp_path / "fake.pdf"
    bad.write_text("not a pdf at all")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(lib), "import", str(bad), "--paper", "x"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == f"reader: {bad}: not a PDF (no %PDF- header)\n"
    assert not lib.exists()


def test_the_cli_does_not_load_pdf_code_at_start() -> None:
    code = (
        "import sys, reader.cli.main; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pypdfium2', 'reportlab')"
        " or m.startswith('reader.importing.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
