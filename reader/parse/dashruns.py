"""A stack line that ends in a dash run inside a sentence, or under a paragraph's lines: text.

A dash at a line's end (`———`) leads on into what follows, and a kicker ends so as
often as a paragraph does (`继续提速———` / `追求快捷`, pooled). Two page shapes tell a
paragraph's dash: the line under it closes the sentence the dash leads into (`“X”一组
剪纸，由我国` / `目前最大的剪纸艺术品工厂———` / `X剪纸厂供稿。`: a caption's credit
line), or the run's lines above it are a paragraph's, as wide as each other, one with
a clause mark inside (`在岁末年初之际，特邀几` / `位文学评论家对此进行要` /
`言不烦的评说———` / `红红火火过大年`: an editor's lead-in over the next headline).
The run's lines down to the dash line are then text; a stack under it starts there.
A dash alone on its line over `编者` signs the editor's note above (`———` / `编者`).
On the read truth (whole-* pdfium and MuPDF 520-599, 200-299) no stack part ends in
`———` (13 head lines did, all text); the pooled pages' two are a one-line kicker.
"""

from __future__ import annotations

from reader.parse.kinds import Kind
from reader.parse.lines import Line

__all__ = ["unmark_dash_runs"]

_EVEN = 0.5  # ems two lines of a paragraph's column may differ by
_SIGNED = ("编者", "编者按", "编辑")


def unmark_dash_runs(lines: list[Line], heads: list[int]) -> None:
    """Unmark each run of stack lines down to a line that ends in a paragraph's dash run."""
    for k in heads:
        line = lines[k]
        if not (line.head and line.text.endswith("———")) or k + 1 >= len(lines):
            continue
        start = k
        while start and lines[start - 1].head and not lines[start].hint:
            start -= 1
        nxt = lines[k + 1]
        if line.text == "———" and nxt.head and nxt.text in _SIGNED:
            line.head = nxt.head = False  # `———` / `编者`: the note's signature
        elif _into_sentence(line, nxt) or _under_paragraph(lines, start, k):
            for j in range(start, k + 1):
                lines[j].head = False


def _into_sentence(line: Line, nxt: Line) -> bool:
    """The line under the dash line closes the sentence it leads into: no stack line."""
    return (
        nxt.kind is Kind.BODY
        and not nxt.head
        and nxt.last in "。！？"
        and "，" not in nxt.text
        and line.text != "———"
    )


def _under_paragraph(lines: list[Line], start: int, k: int) -> bool:
    """Lines start..k-1 are a paragraph's: as wide as each other, a clause mark in one."""
    above = lines[start:k]
    if len(above) < 2 or any(ln.kind is not Kind.BODY for ln in above):
        return False
    widths = [ln.width for ln in above]
    return max(widths) - min(widths) <= _EVEN and any("，" in ln.text[:-1] for ln in above)
