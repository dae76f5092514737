"""The field page set by TeX engines the other rows do not use (issue 12): pdfLaTeX with
the CJK package (Type 1 subfonts of 256 glyphs, one face split across dozens of fonts),
with and without the cmap package and with its ToUnicode maps taken out, and LuaLaTeX
(luatexja, CFF CID fonts). Each imports as the upright twin of `fieldpdf` does: the same
text, the same items. Skipped where the engine or its CJK fonts are missing."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import fieldpdf as F
import pytest

from reader.errors import ReaderError
from reader.importing.fonts import subfont_families
from reader.importing.pdf import read_pdf

_BODY = (
    "\\noindent{\\Large\\bfseries " + F.HEADLINE + "}\\par\\bigskip\n"
    "\\noindent\\hspace*{2em}本报讯\\hspace{1em}连日来，江南各地抓住\\\\\n"
    "晴好天气，组织农民抢修水利，备足\\\\\n"
    "种子化肥，田间地头一片繁忙景象。\\par\n"
    "\\noindent\\hspace*{2em}据了解，今年全省计划播种早稻\\\\\n"
    "八百万亩，比去年增加三成以上。\\par\n"
)
"""The twin's headline and lines, broken where it breaks them."""

_PAGE = (
    "\\documentclass{article}\n{preamble}"
    "\\usepackage[paperwidth=300bp,paperheight=420bp,margin=50bp]{geometry}\n"
    "\\pagestyle{empty}\n\\begin{document}\n{body}\\end{document}\n"
)


def _typeset(tmp: Path, engine: str, preamble: str, body: str) -> bytes:
    """The page set by `engine`, uncompressed where pdfTeX can (so its maps can be cut)."""
    if shutil.which(engine) is None:
        pytest.skip(f"{engine} is not installed")
    tex = tmp / "page.tex"
    tex.write_text(_PAGE.replace("{preamble}", preamble).replace("{body}", body), "utf-8")
    done = subprocess.run(
        [engine, "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=tmp,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0 or not (tmp / "page.pdf").exists():
        pytest.skip(f"{engine} cannot set the page here (a package or font missing)")
    return (tmp / "page.pdf").read_bytes()


def _items(data: bytes) -> tuple[str, list[dict[str, object]]]:
    page = read_pdf(data, "page.pdf")[0]
    assert page.structure is not None and page.notes == ()
    return page.text, json.loads(page.structure[0].to_json())["items"]


_CJK = "\\usepackage{CJKutf8}\n\\pdfcompresslevel=0 \\pdfobjcompresslevel=0\n"


@pytest.mark.parametrize("variant", ["cmap package", "no cmap package", "no ToUnicode"])
def test_pdflatex_cjk_subfonts_import_as_the_twin(tmp_path: Path, variant: str) -> None:
    """Before it was read as one face, each subfont was a face of its own and their
    stated weights (400 or 1472, as their /StemV is 0 or 333) came and went along a
    line: the body's first lines were read as the headline and the headline lost."""
    preamble = ("\\usepackage{cmap}\n" if variant == "cmap package" else "") + _CJK
    body = "\\begin{CJK*}{UTF8}{gbsn}\n" + _BODY + "\\end{CJK*}\n"
    data = _typeset(tmp_path, "pdflatex", preamble, body)
    assert b"/ToUnicode" in data and b"gbsnu4e" in data  # the CJK package's own maps
    if variant == "no ToUnicode":  # the glyphs' names (uni6C5F) are all that is left
        data = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), data)
        assert b"/ToUnicode" not in data
    assert _items(data) == _items(F.upright())


def test_lualatex_imports_as_the_twin(tmp_path: Path) -> None:
    """LuaLaTeX with luatexja: Noto Serif CJK embedded as CFF CID fonts."""
    preamble = "\\usepackage{luatexja-fontspec}\n\\setmainjfont{Noto Serif CJK SC}\n"
    data = _typeset(tmp_path, "lualatex", preamble, _BODY)
    assert b"lualatex" in data.lower() or b"luatex" in data.lower()
    assert _items(data) == _items(F.upright())


def test_cff_cid_fonts_without_tounicode_are_refused_in_one_line(tmp_path: Path) -> None:
    """The LuaLaTeX page with its ToUnicode maps cut: an Identity-ordered CFF font's
    glyphs name no character (its charset maps glyphs to CIDs, not to Unicode), so
    nothing can be read, and import says so rather than inventing text."""
    preamble = (
        "\\pdfvariable compresslevel=0 \\pdfvariable objcompresslevel=0\n"
        "\\usepackage{luatexja-fontspec}\n\\setmainjfont{Noto Serif CJK SC}\n"
    )
    data = _typeset(tmp_path, "lualatex", preamble, _BODY)
    data = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), data)
    assert b"/ToUnicode" not in data
    with pytest.raises(ReaderError) as err:
        read_pdf(data, "page.pdf")
    assert str(err.value) == (
        "page.pdf: page 1: its fonts map no characters to Unicode, so its text cannot be read"
    )


def test_subfonts_are_one_face_only_as_a_family_of_three() -> None:
    """Three fonts named family + two hex digits are one face at their least weight (an
    unstated 0 read as 400); two such (`cmr10`, `cmr12`), or mixed-case names, are not."""
    faces = {b"gbsnu4e": 1, b"gbsnu6c": 2, b"gbsnuff": 3, b"cmr10": 4, b"cmr12": 5}
    faces |= {b"NotoSerifCJKsc-Bold": 6, b"FZSSK--GBK1-00": 7, b"FZSSK--GBK1-01": 8}
    weights = {1: 1472, 2: 0, 3: 1472, 4: 400, 5: 400, 6: 700}
    assert subfont_families(faces, weights) == {1: (1, 400), 2: (1, 400), 3: (1, 400)}
    assert subfont_families(faces, {1: 1472, 2: 500, 3: 1472}) == {
        face: (1, 500) for face in (1, 2, 3)
    }
