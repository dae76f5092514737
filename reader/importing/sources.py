"""What an import reads: page files and folders -> pages with their text, number and date.

Everything here only reads. Each input becomes one `Source` per page (a PDF
gives one per PDF page), checked and extracted in full, so that the importer
can refuse a bad batch before it writes anything.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.parse.text import MAX_PAGE_BYTES, DecodeError, decode

if TYPE_CHECKING:
    from reader.importing.pdf import PdfPage

SUFFIXES = (".txt", ".pdf")
MAX_PAGE = 999  # page files are NN.txt with one to three digits
MAX_PDF_BYTES = 1 << 30
"""An e-paper PDF is a few MB; a bound all the same, as every read has one."""

_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.](0?[1-9]|1[0-2])[-_.](0?[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"((?:19|20)\d\d)年(0?[1-9]|1[0-2])月(0?[1-9]|[12]\d|3[01])日"),
)
_PAGE = re.compile(
    r"(?:^|[^0-9A-Za-z])(?:page|pg|p|第)?[-_ ]?[A-Za-z]?0*([1-9]\d{0,2})版?$", re.IGNORECASE
)


@dataclass(frozen=True)
class Source:
    """One page to file: where it came from, the bytes to write, and what its name says."""

    origin: str
    text: bytes
    pdf: bytes | None
    number: int | None
    date: date | None
    empty: bool = False
    structure: bytes | None = None  # what the PDF's typography says (reader.parse.structure)
    notes: tuple[str, ...] = ()  # what import left out or doubts, said on stderr as it files


def date_in(name: str) -> tuple[date | None, str]:
    """The first real date in a file or folder name, and the name without it."""
    for pattern in _DATES:
        for match in pattern.finditer(name):
            year, month, day = (int(g) for g in match.groups())
            try:
                found = date(year, month, day)
            except ValueError:
                continue
            return found, name[: match.start()] + name[match.end() :]
    return None, name


def page_in(stem: str) -> int | None:
    """The page number a file name gives (`01`, `page-3`, `A03`, `第3版`, `第２版`), if any.

    A name that is only a number of up to four digits is that number, whatever it
    is: `0.txt` and `1000.txt` were filed as the next free page without a word; now
    the import says they are out of range (`--page` still files them anywhere).
    Longer numbers (`2025032801`, a date and a page run together) name no page.
    """
    _, rest = date_in(unicodedata.normalize("NFKC", stem))
    rest = rest.strip(" -_.")
    if rest.isascii() and rest.isdigit() and len(rest) <= 4:
        return int(rest)
    match = _PAGE.search(rest)
    return int(match.group(1)) if match else None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named and the page files directly inside folders named, in a stable order.

    A file named twice (`a.txt a.txt`, a folder and a file in it, a link to it) is read
    once: `a.txt a.txt` was filed as two pages of the same text.
    """
    once: dict[str, Path] = {}
    for path in _expand(paths):
        once.setdefault(os.path.realpath(path), path)
    return list(once.values())


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = [
                p
                for p in path.iterdir()
                if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and not p.is_dir()
            ]
            for p in inside:  # a page the user named by its folder: never passed over unsaid
                if not p.is_file():
                    why = "a link to nothing" if not p.exists() else "not a regular file"
                    raise ReaderError(f"{p}: {why}")
            if not inside:
                raise ReaderError(f"{path}: no .txt or .pdf page files in this folder")
            files += sorted(inside, key=_natural)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise ReaderError(f"{path}: not a page file (expected .txt or .pdf)")
            files.append(path)
        elif path.exists():
            raise ReaderError(f"{path}: not a regular file")
        else:
            raise ReaderError(f"{path}: no such file or folder")
    return files


def _natural(path: Path) -> tuple[object, ...]:
    """Sort `2.txt` before `10.txt`."""
    parts = re.split(r"(\d+)", path.name.lower())
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def _read(path: Path) -> bytes:
    from reader.files import read_bounded

    if path.suffix.lower() == ".txt":
        return read_bounded(path, MAX_PAGE_BYTES, "page file")
    return read_bounded(path, MAX_PDF_BYTES, "PDF file")


def _when(path: Path) -> date | None:
    found, _ = date_in(path.stem)
    return found if found else date_in(path.parent.name)[0]


def read_text_file(path: Path) -> Source:
    """A `.txt` page: kept byte for byte, once it decodes as page text."""
    data = _read(path)
    try:
        text = decode(data)
    except DecodeError as err:
        raise ReaderError(f"{path}: {err}") from None
    if not text.strip():
        raise ReaderError(f"{path}: empty page file")
    return Source(str(path), data, None, page_in(path.stem), _when(path))


def read_pdf_file(path: Path) -> list[Source]:
    """A `.pdf`: one source per PDF page, the page's own PDF kept beside its text.

    The PDF's pages are the issue's pages from the one its name gives, else from
    page 1: a different PDF for the same issue then meets the pages it would
    replace, rather than being filed after them.
    """
    from reader.importing.bounded import bounded

    return _sources(path, bounded(str(path), _reading(path)))


def _reading(path: Path) -> Callable[[], list[PdfPage]]:
    """The work of reading the PDF at `path`, done in the bounded child (`bounded`)."""
    from reader.importing.pdf import read_pdf

    return lambda: read_pdf(_read(path), str(path), most=MAX_PAGE)


def _sources(path: Path, pages: list[PdfPage]) -> list[Source]:
    """The sources of a PDF's pages read (`read_pdf_file`)."""
    from reader.parse.structure import encode

    named = page_in(path.stem)
    first = 1 if named is None else named
    when = _when(path)
    sources = []
    for page in pages:
        text = page.text.encode("utf-8")
        structure = None
        if page.structure is not None:
            structure = encode(page.structure[0], text, page.structure[1])
        sources.append(
            Source(
                origin=str(path) if len(pages) == 1 else f"{path} (page {page.number})",
                text=text,
                pdf=page.pdf,
                number=first + page.number - 1,
                date=when,
                empty=not page.has_text,
                structure=structure,
                notes=page.notes,
            )
        )
    return sources


def read_sources(files: list[Path], tick: Callable[[str], None] | None = None) -> list[Source]:
    """Read and check every file; the first bad one stops the import.

    The PDFs are read in one bounded child, in order, while text files are read here.
    """
    from reader.importing.bounded import bounded_each

    pdfs = [path for path in files if path.suffix.lower() == ".pdf"]
    sources: list[Source] = []
    with closing(bounded_each([(str(path), _reading(path)) for path in pdfs])) as read:
        for path in files:
            if path.suffix.lower() == ".pdf":
                sources += _sources(path, next(read))
            else:
                sources.append(read_text_file(path))
            if tick:
                tick(path.name)
    return sources
