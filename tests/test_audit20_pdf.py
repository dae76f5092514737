"""PDFs made to be costly (audit20): read in a child whose memory and CPU are bounded.

A 7 KB PDF whose thirty forms each draw the next one twice grew `reader import`
to 22 GB before the kernel ended it; now the child reading it dies at its limit
and the import is one line, exit 2, nothing filed. The limits are lowered here so
the tests stay small; `bench/README.md` (audit20) has the figures at the real ones.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import reader
from costlypdf import forms

from reader.errors import ReaderError
from reader.importing import bounded
from reader.importing.sources import read_pdf_file

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the limits need fork")


def test_forms_drawn_inside_forms_end_at_the_memory_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bounded, "HEADROOM", 256 << 20)
    path = tmp_path / "fan.pdf"
    path.write_bytes(forms(30, 2))  # 2^30 drawings
    with pytest.raises(
        ReaderError, match=r"fan\.pdf: too costly to read: .* past 0\.25 GB of memory$"
    ):
        read_pdf_file(path)


def test_a_child_past_its_cpu_time_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "CPU_SECONDS", 1)

    def spin() -> None:
        while True:
            time.process_time()

    with pytest.raises(ReaderError, match=r"^x\.pdf: too costly to read: over 1 s of CPU$"):
        bounded.bounded("x.pdf", spin)


def test_the_childs_answer_and_errors_come_back_as_they_were() -> None:
    assert bounded.bounded("x.pdf", lambda: {"pages": [1, 2]}) == {"pages": [1, 2]}

    def refuse() -> None:
        raise ReaderError("x.pdf: damaged PDF")

    with pytest.raises(ReaderError, match=r"^x\.pdf: damaged PDF$"):
        bounded.bounded("x.pdf", refuse)
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        bounded.bounded("x.pdf", lambda: 1 // 0)


def test_forms_that_draw_each_other_a_few_times_import_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "forms.pdf"
    path.write_bytes(forms(4, 2))
    done = reader(tmp_path / "lib", "import", str(path), "--paper", "p", "--issue", "2025-01-01")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "lib" / "p" / "2025-01-01" / "01.txt").is_file()


def test_an_imports_pdfs_are_read_in_one_child_in_order() -> None:
    # A fork and the child's first touch of the parent's memory cost 20-30 ms a PDF, a
    # third of reading a one-page PDF: an issue of one-page PDFs pays them once.
    def reading(n: int) -> Callable[[], tuple[int, int]]:
        return lambda: (n, os.getpid())

    answers = list(bounded.bounded_each([(f"{n}.pdf", reading(n)) for n in range(3)]))
    assert [n for n, _ in answers] == [0, 1, 2]
    assert len({pid for _, pid in answers}) == 1
    assert answers[0][1] != os.getpid()


def test_each_pdf_has_its_own_cpu_time_and_the_first_refused_stops_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bounded, "CPU_SECONDS", 2)

    def busy() -> str:  # 1.2 s each: three together pass one PDF's 2 s
        start = time.process_time()
        while time.process_time() - start < 1.2:
            pass
        return "read"

    def spin() -> str:
        while True:
            time.process_time()

    read = bounded.bounded_each([("a.pdf", busy), ("b.pdf", busy), ("c.pdf", busy)])
    assert list(read) == ["read"] * 3
    read = bounded.bounded_each([("a.pdf", busy), ("b.pdf", spin), ("c.pdf", busy)])
    assert next(read) == "read"
    with pytest.raises(ReaderError, match=r"^b\.pdf: too costly to read: over 2 s of CPU$"):
        next(read)


def test_an_import_of_text_pages_starts_no_child(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("a child started for no PDF")

    monkeypatch.setattr(os, "fork", no_fork)
    assert list(bounded.bounded_each([])) == []
