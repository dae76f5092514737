"""Round-16 audit: damaged input files and a damaged library, in real processes.

Each case failed before its fix: one malformed `paper.toml` stopped every command
for the whole library; `reader import` filed pages only their owner could read; a
folder where a page file goes left a temporary file and half an import behind.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import PAGE, reader
from textual.geometry import Region
from tui_scenes import app_for, make_library, settle, status

from reader.library import Library
from reader.state import load_position
from reader.tui.help import key_rows
from reader.tui.labels import labels_for
from reader.tui.launch import build_app


def lines(done: subprocess.CompletedProcess[str]) -> list[str]:
    """stderr's lines, each `reader: …`, never a traceback."""
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    found = done.stderr.splitlines()
    assert all(line.startswith("reader: ") for line in found), done.stderr
    return found


def two_papers(root: Path) -> Path:
    for paper in ("a", "b"):
        folder = root / paper / "2025-01-01"
        folder.mkdir(parents=True)
        (folder / "01.txt").write_text(PAGE, encoding="utf-8")
        (root / paper / "paper.toml").write_text(f'name = "{paper.upper()}"\n', encoding="utf-8")
    return root


@pytest.mark.parametrize("command", [("list",), ("search", "登记", "--ids"), ("index",)])
def test_a_malformed_paper_toml_spoils_only_its_paper(tmp_path: Path, command: tuple[str]) -> None:
    """A malformed `issue.toml` was said and its issue read by its folder name; a malformed
    `paper.toml` stopped `list`, `search` and `index` for every paper of the library, with
    nothing printed. Now the paper is read by its folder name, the file said at the end."""
    root = two_papers(tmp_path / "lib")
    (root / "b" / "paper.toml").write_text('name = "B"\nname = "again"\n', encoding="utf-8")
    done = reader(root, *command)
    assert done.returncode == 2, done
    said = lines(done)
    assert len(said) == 1 and "b/paper.toml" in said[0] and "read without it" in said[0]
    if command[0] == "list":
        assert "A" in done.stdout and "b" in done.stdout, done.stdout
    if command[0] == "search":
        assert set(done.stdout.split()) == {"a/2025-01-01/01/1", "b/2025-01-01/01/1"}


def importing(library: Path, *args: str, umask: int = 0o022) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "import", "--library", str(library), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
        cwd=library.parent,
        check=False,
        preexec_fn=lambda: os.umask(umask),
    )


def files_under(root: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode)
        for p in root.rglob("*")
        if p.is_file() and ".reader" not in p.parts
    }


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_imported_files_are_readable_as_the_umask_says(
    tmp_path: Path, umask: int, mode: int
) -> None:
    """Import staged every file with mkstemp, which makes it for its owner alone (0600),
    and renamed it into place so: on a shared server (issue 14) an administrator's
    import filed pages, `paper.toml` and `issue.toml` no other user could read."""
    page = tmp_path / "2025-01-01_01.txt"
    page.write_text(PAGE, encoding="utf-8")
    root = tmp_path / "lib"
    root.mkdir()
    done = importing(root, str(page), "--paper", "p", umask=umask)
    assert done.returncode == 0, done.stderr
    found = files_under(root)
    assert set(found) == {"p/paper.toml", "p/2025-01-01/issue.toml", "p/2025-01-01/01.txt"}
    assert set(found.values()) == {mode}, found


def test_a_folder_where_a_page_file_goes_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """A folder named `01.txt` in the issue: the import staged its files, wrote
    `issue.toml` into place, failed renaming onto the folder, and left the staged
    `.01.txt.*.tmp` behind, with a message naming that temporary file."""
    page = tmp_path / "2025-01-01_01.txt"
    page.write_text(PAGE, encoding="utf-8")
    root = two_papers(tmp_path / "lib")
    (root / "c" / "2025-01-01" / "01.txt").mkdir(parents=True)
    before = files_under(root)
    done = importing(root, str(page), "--paper", "c")
    assert done.returncode == 2, done
    said = lines(done)
    assert len(said) == 1 and "c/2025-01-01/01.txt: a folder where a page file goes" in said[0]
    assert files_under(root) == before
    assert not [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def test_a_file_where_a_folder_goes_is_named(tmp_path: Path) -> None:
    page = tmp_path / "2025-01-01_01.txt"
    page.write_text(PAGE, encoding="utf-8")
    root = two_papers(tmp_path / "lib")
    (root / "c").write_text("not a paper", encoding="utf-8")
    done = importing(root, str(page), "--paper", "c")
    assert done.returncode == 2
    assert lines(done) == [f"reader: {root / 'c'}: a file where a folder goes; move it away first"]


def test_a_rename_that_fails_leaves_no_staged_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files not yet renamed into place when one rename fails are removed."""
    from reader.importing import staging

    stage = staging.Stage()
    for name in ("01.txt", "02.txt", "03.txt"):
        stage.file(tmp_path / name, b"x")
    real = os.replace
    calls: list[str] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied", str(src))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(PermissionError):
        stage.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01.txt"]


async def test_the_reader_says_when_it_cannot_save_the_place(tmp_path: Path) -> None:
    """With a state folder that cannot be written (HOME unset, XDG_STATE_HOME read-only:
    here a file where the folder goes, which root cannot write either) every position
    was lost without a word. The first failure is said in the status line and kept for
    the line on stderr after the screen is gone."""

    root = make_library(tmp_path / "lib", [("2025-03-21", 2)])
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    env = {"READER_DATA_DIR": str(blocker), "READER_CONFIG": str(tmp_path / "none.toml")}
    app = build_app(Library(root), env=env)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("J")
        await settle(app, pilot)
        assert app.unsaved is not None and str(blocker) in app.unsaved
        assert "cannot be saved" in status(app), status(app)
        await pilot.press("q")


async def test_a_writable_state_folder_says_nothing(tmp_path: Path) -> None:

    root = make_library(tmp_path / "lib", [("2025-03-21", 2)])
    env = {"READER_DATA_DIR": str(tmp_path / "state"), "READER_CONFIG": str(tmp_path / "x")}
    app = build_app(Library(root), env=env)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("J")
        await settle(app, pilot)
        await pilot.press("q")
    assert app.unsaved is None
    assert load_position(app.state_path) is not None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("size", "lang"), [((40, 12), None), ((60, 20), None), ((40, 12), "zh_CN")]
)
async def test_help_wraps_each_description_in_its_own_column(
    tmp_path: Path, size: tuple[int, int], lang: str | None
) -> None:
    """A description wider than the help box wrapped to the box's left edge, under the
    keys: at 40x12 `move in a` / `list, scroll the article`, words that read as a key."""
    root = make_library(tmp_path / "lib", [("2025-03-21", 1)])
    app = app_for(root, lang=lang)
    words = labels_for(None, {"LANG": lang or "C"})
    keys = [k for k, _ in [*key_rows(words), *words.legend]]
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        shown = app.screen.query_one("#help-text")
        width, height = shown.size
        painted = [s.text for s in shown.render_lines(Region(0, 0, width, height))]
        assert len(painted) > 20, painted
        column = painted[2].index(words.keys_help["move"][:3])
        for text in painted[2:]:
            if text.strip() and text.strip() != words.help_marks:
                assert text.startswith(" " * column) or any(text.startswith(k) for k in keys), text


async def test_a_damaged_index_is_rebuilt_by_the_readers_search(tmp_path: Path) -> None:
    """`reader search` rebuilds a damaged index (one line says so); `/` in the reader said
    "the index … is damaged" on every search, and found nothing, until `reader index`."""
    root = make_library(tmp_path / "lib", [("2025-03-21", 1)])
    assert reader(root, "index").returncode == 0
    index = root / ".reader" / "index.sqlite"
    index.write_bytes(b"\x00garbage, not SQLite" * 5000)
    app = app_for(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"数据", "enter")
        await settle(app, pilot)
        assert "damaged" not in status(app), status(app)
        assert app.main.finder.walk.hits, status(app)
    assert index.read_bytes()[:16] == b"SQLite format 3\x00"


def test_an_index_a_full_disk_stopped_is_said_once(tmp_path: Path) -> None:
    """The pages fit on the disk and the index update did not: the message said both
    "(`reader index` builds it again)" and "(run `reader index`)"."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a small tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(disk)])
    if mounted.returncode != 0:
        pytest.skip("mount -t tmpfs not permitted")
    try:
        root = two_papers(disk / "lib")
        assert reader(root, "index").returncode == 0
        page = tmp_path / "2025-01-01_01.txt"
        page.write_text(PAGE * 40, encoding="utf-8")
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * (free - 40 * 1024))
        done = importing(root, str(page), "--paper", "c")
        assert done.returncode == 2, done
        said = lines(done)
        assert len(said) == 1 and said[0].count("`reader index`") == 1, said
        assert "pages imported, but the index was not updated" in said[0]
    finally:
        subprocess.run(["umount", str(disk)], check=False)


@pytest.mark.parametrize(("name", "said"), [("0.txt", "page 0"), ("1000.txt", "page 1000")])
def test_a_name_that_is_a_page_number_no_page_has_is_refused(
    tmp_path: Path, name: str, said: str
) -> None:
    """`0.txt` and `1000.txt` were filed as the next free page (1) without a word."""
    page = tmp_path / name
    page.write_text(PAGE, encoding="utf-8")
    root = two_papers(tmp_path / "lib")
    done = importing(root, str(page), "--paper", "c", "--issue", "2025-01-01")
    assert done.returncode == 2
    assert lines(done) == [f"reader: {page}: {said} is out of range (1 to 999)"]
    assert not (root / "c").exists()
    placed = importing(root, str(page), "--paper", "c", "--issue", "2025-01-01", "--page", "7")
    assert placed.returncode == 0, placed.stderr
    assert (root / "c" / "2025-01-01" / "07.txt").is_file()


@pytest.mark.parametrize(
    ("name", "issue", "filed"),
    [
        # Full-width 2, as Chinese file names write it: it went to page 1.
        ("第２版.txt", "2025-01-01", "02.txt"),
        # A date and a page run together name no page: the next free one, as before.
        ("2025032801.txt", "2025-03-28", "01.txt"),
    ],
)
def test_a_file_name_gives_its_page_or_none(
    tmp_path: Path, name: str, issue: str, filed: str
) -> None:
    page = tmp_path / name
    page.write_text(PAGE, encoding="utf-8")
    root = two_papers(tmp_path / "lib")
    done = importing(root, str(page), "--paper", "c", "--issue", issue)
    assert done.returncode == 0, done.stderr
    assert (root / "c" / issue / filed).is_file()


def test_a_pdf_with_no_pages_says_so(tmp_path: Path) -> None:
    """PDFium will not load an empty page tree, and its error is "Success": the import
    said `damaged PDF (Failed to load document (PDFium: Success).)`."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    pdf = tmp_path / "2025-01-01.pdf"
    pdf.write_bytes(bytes(out))
    root = two_papers(tmp_path / "lib")
    done = importing(root, str(pdf), "--paper", "c")
    assert done.returncode == 2
    assert lines(done) == [f"reader: {pdf}: the PDF has no pages"]
    assert not (root / "c").exists()


def test_the_reader_takes_the_terminals_size_not_columns_and_lines(tmp_path: Path) -> None:
    """With COLUMNS=20 LINES=5 exported, the reader drew 20x5 in an 80x24 terminal (and
    kept that size through every resize): the title bar never showed `page 1 of 1`."""
    import fcntl
    import pty
    import select
    import struct
    import termios
    import time

    root = two_papers(tmp_path / "lib")
    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "READER_DATA_DIR": str(tmp_path / "data")}
    env |= {"COLUMNS": "20", "LINES": "5"}
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", "--library", str(root), "read", "a/2025-01-01"],
        stdin=side,
        stdout=side,
        stderr=side,
        cwd=root.parent,
        env=env,
    )
    os.close(side)
    seen = b""
    # A bound on waiting, not a timing assertion: at a load of 7-25 (helpers' suites on
    # two cores) the first frame took past 60 s three times in round 17.
    deadline = time.monotonic() + 240
    try:
        while b"page 1 of 1" not in seen and time.monotonic() < deadline:
            if select.select([main], [], [], 0.2)[0]:
                try:
                    seen += os.read(main, 65536)
                except OSError:
                    break
        os.write(main, b"q")
        # The rest of the frame and the screen's end are read on: left in a full pty,
        # they held Textual's writer thread, and the reader with it (2 starts in 8 at
        # a load of 30, on main as well).
        quit_by = time.monotonic() + 120
        while child.poll() is None and time.monotonic() < quit_by:
            if select.select([main], [], [], 0.2)[0]:
                try:
                    os.read(main, 65536)
                except OSError:
                    break
        code = child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(main)
    assert b"page 1 of 1" in seen, "drawn at COLUMNS x LINES, not the terminal's size"
    assert code == 0


def test_an_index_that_cannot_be_written_still_says_the_pages_were_imported(
    tmp_path: Path,
) -> None:
    """`.reader` a file: the page was filed, and the one line said only
    `.reader/index.sqlite: not a directory`, as if the import had failed."""
    page = tmp_path / "2025-01-01_01.txt"
    page.write_text(PAGE, encoding="utf-8")
    root = two_papers(tmp_path / "lib")
    (root / ".reader").write_text("not a folder", encoding="utf-8")
    done = importing(root, str(page), "--paper", "c")
    assert done.returncode == 2
    said = lines(done)
    assert len(said) == 1, said
    assert said[0].startswith("reader: pages imported, but the index was not updated: ")
    assert said[0].endswith("not a directory (run `reader index`)"), said
    assert (root / "c" / "2025-01-01" / "01.txt").is_file()


@pytest.mark.parametrize("empty", ["", " "])
def test_an_empty_path_to_import_is_refused_not_read_as_the_current_folder(
    tmp_path: Path, empty: str
) -> None:
    """`Path("")` is `.`: `reader import "$DIR" --paper p` with DIR unset filed the page
    files of the current folder."""
    here = tmp_path / "cwd"
    here.mkdir()
    (here / "2025-01-01_01.txt").write_text(PAGE, encoding="utf-8")
    root = two_papers(tmp_path / "lib")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "import", "--library", str(root), empty, "-p", "c"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=here,
        check=False,
    )
    assert done.returncode == 2
    assert lines(done) == [
        "reader: Invalid value for 'PATH...': an empty path names no file "
        "(see reader import --help)"
    ]
    assert not (root / "c").exists()


def test_import_to_a_closed_pipe_still_brings_the_index_up_to_date(tmp_path: Path) -> None:
    """`reader import … | head -1`: Rich ends the process (exit 1) at the first line it
    cannot write, so the pages were filed and the index update after the lines never ran."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for day in ("01", "02", "03"):
        (pages / f"2025-01-{day}_01.txt").write_text(PAGE, encoding="utf-8")
    root = two_papers(tmp_path / "lib")
    assert reader(root, "index").returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: every write fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "reader", "import", "-L", str(root), str(pages), "-p", "c"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=tmp_path,
            check=False,
        )
    finally:
        os.close(write_end)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(list((root / "c").glob("*/01.txt"))) == 3
    after = reader(root, "index")
    assert after.stdout.startswith("index up to date: 5 pages"), after.stdout


def test_the_progress_bar_shows_a_file_names_escapes_as_pictures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`reader import` names each file on its progress bar: a name holding `\\e[2J`
    cleared the terminal and `\\e[31m` turned it red (Rich strips BEL and CR, not ESC)."""
    import io

    from rich.console import Console

    from reader.cli import common

    sink = io.StringIO()
    monkeypatch.setattr(common, "stderr", lambda: Console(file=sink, force_terminal=True))
    report = common.Report("reading")
    report(1, 3, "2025-01-01_05\x1b[2J\x1b[31m\u202e.txt")
    report.bar.refresh()
    report.bar.stop()
    shown = sink.getvalue()
    assert "2025-01-01_05␛[2J␛[31m" in shown, shown
    assert "\x1b[2J" not in shown and "\u202e" not in shown


def test_a_file_named_twice_is_one_page(tmp_path: Path) -> None:
    """`reader import a.txt a.txt` filed pages 1 and 2 with the same text; a folder and a
    file in it said the page "would come from both" the file and itself."""
    folder = tmp_path / "pages"
    folder.mkdir()
    page = folder / "a.txt"
    page.write_text(PAGE, encoding="utf-8")
    (folder / "b.txt").write_text(PAGE.replace("数据", "资料"), encoding="utf-8")
    root = two_papers(tmp_path / "lib")
    done = importing(root, str(page), str(page), "--paper", "c", "--issue", "x")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "c/x: added page 1"
    both = importing(root, str(folder), str(page), "--paper", "c", "--issue", "y")
    assert both.returncode == 0, both.stderr
    assert both.stdout.strip() == "c/y: added pages 1, 2"
