"""Broadsheet pages set by LuaLaTeX + luatexja: texgen's pages through another TeX engine.

texgen's pages are set by XeLaTeX + xeCJK and written by xdvipdfmx. LuaTeX is another
producer of the same TeX pages: it writes the PDF itself (no DVI), embeds the fonts
through luaotfload (its own subsets, its own ToUnicode maps, glyph runs with kerns in
TJ), and luatexja sets the ideographs by a JFM (the metric of a Japanese typesetting
tradition: its own glue between ideographs, its own squeeze of ，。「」 at a line's ends and
between marks, its own spacing of CJK and Latin). Issue 12's private PDFs come from
"another typesetting engine": this is one more, with truth known.

The content, layout and fonts are texgen's (its `layout` draws the page, seeded); only
the CJK layer is translated: `\\setCJKmainfont` to `\\setmainjfont`, a family of xeCJK's
`\\setCJKfamilyfont` to a `\\newjfontfamily` that `\\CJKfamily{name}` selects, xeCJK's
punctuation settings dropped (the JFM decides), `\\pdfpageheight` to LuaTeX's
`\\pageheight`. Optional: runs only where `lualatex` and luatexja are installed
(`apt-get install texlive-luatex texlive-lang-japanese`); PDFs are cached under
bench/out/lua/ beside their LaTeX.

    python bench/luagen.py --seed 3 --pages 2 --out /tmp/lua
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import texgen
import typesetgen
import weasygen

CACHE = Path(__file__).resolve().parent / "out" / "lua"
_PREAMBLE = r"""\usepackage{luatexja-fontspec}
\ltjsetparameter{jacharrange={-1,-2,+3,-4,-5,+6,+7,+8}}
\newcommand\CJKfamily[1]{\csname jfam@#1\endcsname}
\ifdefined\pdfpageheight\else\let\pdfpageheight\pageheight\fi
"""


def available() -> bool:
    """Whether lualatex, luatexja and texgen's fonts and corpus are all here."""
    if shutil.which("lualatex") is None or shutil.which("kpsewhich") is None:
        return False
    found = subprocess.run(["kpsewhich", "luatexja.sty"], capture_output=True, text=True)
    return bool(found.stdout.strip()) and texgen.available()


def translate(doc: str) -> str:
    """texgen's XeLaTeX as LuaLaTeX + luatexja."""
    out = doc.replace("\\usepackage{xeCJK}\n", _PREAMBLE)
    out = re.sub(r"\\xeCJKsetup\{.*\}\n", "", out)
    out = re.sub(r"\\xeCJKDeclareCharClass\{.*\}\n", "", out)
    out = out.replace("\\setCJKmainfont", "\\setmainjfont")
    out = out.replace("\\setCJKsansfont", "\\setsansjfont")
    return re.sub(
        r"\\setCJKfamilyfont\{(\w+)\}",
        lambda m: f"\\expandafter\\newjfontfamily\\csname jfam@{m.group(1)}\\endcsname",
        out,
    )


def generate(seed: int) -> typesetgen.TypesetPage:
    """One LuaLaTeX page, seeded: texgen's page `seed`, cached as bench/out/lua/lua-N
    (lualatex is slower than xelatex: a longer bound)."""
    page, header, items, xedoc = texgen.layout(seed)
    doc = translate(xedoc)
    pdf = texgen.cached_pdf(CACHE / f"lua-{seed}", doc, engine="lualatex", timeout=900)
    return typesetgen.TypesetPage(seed, page, header, items, doc, pdf)


def main() -> None:
    """Write PDFs, their LaTeX and ground truth to a folder."""
    missing = "lualatex, luatexja, the fonts or the corpus are missing"
    weasygen.write_pages(
        "lua", generate, None if available() else missing, source=".tex", look=texgen.Look.draw
    )


if __name__ == "__main__":
    main()
