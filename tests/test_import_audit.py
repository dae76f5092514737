"""Issue 12 item 13 checked end to end: replace, re-import and Ctrl-C through `reader import`.

A 3-page issue is imported from one PDF; then a single page is replaced (`--page 2`),
a two-page PDF goes over pages 1-2, the same file again is a no-op, and an import
stopped by Ctrl-C leaves every page whole: its text, PDF and structure file all from
before or all from after, and no staging file behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pdfgen
import pytest

from reader.importing.importer import apply, plan_import
from reader.library import Library

ISSUE = "2024-05-06"
PARTS = (".txt", ".pdf", ".structure.json")


def reader(lib: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "READER_LIBRARY"}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(lib), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def pdfs(tmp_path: Path, pages: int = 3) -> tuple[Path, Path, Path]:
    """The issue as first filed, a two-page PDF of other pages, and one other page."""
    first = pdfgen.build_pdf(tmp_path / "first.pdf", pdfgen.tiny_pages(pages))
    other = pdfgen.tiny_pages(pages)
    for n, spec in enumerate(other, 1):
        spec.header = f"{n} 另一版 星期二"
    two = pdfgen.build_pdf(tmp_path / "two.pdf", other[:2])
    one = pdfgen.build_pdf(tmp_path / "one.pdf", other[1:2])
    return first, two, one


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def headers(folder: Path) -> list[str]:
    pages = sorted(folder.glob("*.txt"))
    return [p.read_text(encoding="utf-8").split("\n")[0].strip() for p in pages]


def test_replace_names_exactly_its_pages_and_the_same_file_is_a_no_op(tmp_path: Path) -> None:
    first, two, one = pdfs(tmp_path)
    lib = tmp_path / "lib"
    folder = lib / "p" / ISSUE
    done = reader(lib, "import", str(first), "--paper", "p", "--issue", ISSUE)
    assert (done.returncode, done.stdout) == (0, f"p/{ISSUE}: added pages 1, 2, 3\n")
    before = snapshot(folder)

    again = reader(lib, "import", str(first), "--paper", "p", "--issue", ISSUE)
    assert (again.returncode, again.stdout, again.stderr) == (
        0,
        f"p/{ISSUE}: unchanged pages 1, 2, 3\n",
        "",
    )
    assert snapshot(folder) == before

    refused = reader(lib, "import", str(one), "--paper", "p", "--issue", ISSUE, "--page", "2")
    assert refused.returncode == 2 and "use --replace" in refused.stderr
    assert snapshot(folder) == before

    args = ("import", str(one), "--paper", "p", "--issue", ISSUE, "--page", "2")
    page2 = reader(lib, *args, "--replace")
    assert (page2.returncode, page2.stdout) == (0, f"p/{ISSUE}: replaced page 2\n")
    assert headers(folder) == ["1 综合新闻 星期一", "2 另一版 星期二", "3 综合新闻 星期一"]
    for n in (1, 3):
        for part in PARTS:
            assert (folder / f"0{n}{part}").read_bytes() == before[f"0{n}{part}"]

    over = reader(lib, "import", str(two), "--paper", "p", "--issue", ISSUE, "--replace")
    # Page 2's text is the same, but its PDF page comes out of another file: replaced.
    assert (over.returncode, over.stdout) == (0, f"p/{ISSUE}: replaced pages 1, 2\n")
    assert headers(folder) == ["1 另一版 星期二", "2 另一版 星期二", "3 综合新闻 星期一"]
    listed = reader(lib, "list", "--json")
    assert '"pages": [1, 2, 3]' in listed.stdout

    back = reader(lib, "import", str(first), "--paper", "p", "--issue", ISSUE, "--replace")
    assert back.stdout == f"p/{ISSUE}: replaced pages 1, 2; unchanged page 3\n"
    assert snapshot(folder) == before


def _consistent(folder: Path, old: dict[str, bytes], pages: int) -> None:
    """Every page is whole: all of its files from before, or all from after."""
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]
    for n in range(1, pages + 1):
        files = [folder / f"{n:02d}{part}" for part in PARTS]
        there = [f.exists() for f in files]
        assert all(there) or not any(there), (n, there)
        if all(there):
            ages = {"old" if old.get(f.name) == f.read_bytes() else "new" for f in files}
            assert len(ages) == 1, (n, ages)


@pytest.fixture
def filed(tmp_path: Path) -> tuple[Library, Path, dict[str, bytes]]:
    first = pdfgen.build_pdf(tmp_path / "first.pdf", pdfgen.tiny_pages(3))
    lib = Library(tmp_path / "lib")
    apply(plan_import(lib, [first], paper="p", issue=ISSUE))
    other = pdfgen.tiny_pages(6)
    for n, spec in enumerate(other, 1):
        spec.header = f"{n} 另一版 星期二"
    big = pdfgen.build_pdf(tmp_path / "big.pdf", other)
    return lib, big, snapshot(lib.root / "p" / ISSUE)


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, name: str, calls: int) -> None:
    """Ctrl-C arrives right after the `calls`-th call of `os.<name>` in the importer."""
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach only the main thread")
    real = getattr(os, name)
    seen = [0]

    def hit(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)
        seen[0] += 1
        if seen[0] == calls:
            os.kill(os.getpid(), signal.SIGINT)
        return result

    monkeypatch.setattr(os, name, hit)


@pytest.mark.parametrize("calls", [1, 2, 4])
def test_ctrl_c_between_the_renames_leaves_every_page_whole(
    filed: tuple[Library, Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, calls: int
) -> None:
    lib, big, old = filed
    plan = plan_import(lib, [big], paper="p", issue=ISSUE, replace=True)
    _interrupt_after(monkeypatch, "replace", calls)
    with pytest.raises(KeyboardInterrupt):
        apply(plan)
    _consistent(lib.root / "p" / ISSUE, old, 6)


def test_ctrl_c_as_a_staging_file_is_made_leaves_none_behind(
    filed: tuple[Library, Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib, big, old = filed
    plan = plan_import(lib, [big], paper="p", issue=ISSUE, replace=True)
    real = tempfile.mkstemp
    made = [0]

    def mkstemp(*, prefix: str, suffix: str, dir: Path) -> tuple[int, str]:
        result = real(prefix=prefix, suffix=suffix, dir=dir)
        made[0] += 1
        if made[0] == 3:
            os.kill(os.getpid(), signal.SIGINT)
        return result

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach only the main thread")
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    with pytest.raises(KeyboardInterrupt):
        apply(plan)
    assert snapshot(lib.root / "p" / ISSUE) == old


def test_ctrl_c_through_a_real_process_leaves_every_page_whole(
    filed: tuple[Library, Path, dict[str, bytes]],
) -> None:
    """Whenever it lands (before, during or after the writing), nothing is half there."""
    import time

    lib, big, old = filed
    folder = lib.root / "p" / ISSUE
    env = {k: v for k, v in os.environ.items() if k != "READER_LIBRARY"}
    command = [sys.executable, "-m", "reader", "--library", str(lib.root), "import", str(big)]
    command += ["--paper", "p", "--issue", ISSUE, "--replace"]
    for delay in (0.2, 0.35, 0.5, 0.8):
        proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, 130, -signal.SIGINT), err
        assert "Traceback" not in err
        _consistent(folder, old, 6)
        # Put the issue back as it was for the next delay.
        for name in os.listdir(folder):
            (folder / name).unlink()
        for name, data in old.items():
            (folder / name).write_bytes(data)
