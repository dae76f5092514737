"""Vertical type (竖排) in page text: a head written one character a line, joined.

PDFium and MuPDF write a headline, kicker or column name set top to bottom
(`春` / `节` / `市` / `场` …) as one line a glyph, in reading order. Read so, each
character would be a line of its own: a run of headlines and subtitles one
character long, or the tail of the paragraph before. A run of two or more lines
that hold one character each, two of them ideographs, is one line again, read
top to bottom, with the story-start hint (a leading space) that a head standing
beside its story has. Vertical presentation
forms of punctuation (︵︶﹁﹂︒︑) are kept as printed (search folds them by NFKC).
Lines of two characters and more are left as they are: a headline's one-character
wrap stands alone, never two in a row. A run after a line that runs on (no stop, no
closing mark) is PDFium's glyphs of two columns interleaved, and one after a
reporter's role is a name spaced out, and one before a line with a `——` inside it is
PDFium's order broken around a dash ligature (`reader.parse.dashorder`): all stay as
they were.
"""

from __future__ import annotations

from reader.parse.text import CLOSING_MARKS, SENTENCE_STOPS

_LEAST = 2  # one-character lines in a row: fewer is a wrapped headline's last character
_SHORT = 8  # characters: a line this short before a run may be a block of its own
# A line ending so names a reporter: the one-character lines after it are a name
# spaced out (`新华社记者` / `赵` / `勇`), never a head.
_ROLE_END = ("记者", "通讯员", "摄影", "撰稿", "摄", "电", "讯", "文", "图")


def _upright(char: str) -> bool:
    """A character of a vertical run: CJK, full-width and vertical forms, and the
    digits and Latin PDFium writes one a line there too (set upright or turned)."""
    o = ord(char)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFE10 <= o <= 0xFE19
        or 0xFE30 <= o <= 0xFE4F
        or 0xFF01 <= o <= 0xFF60
        or char in "“”‘’…—·"
        or (char.isascii() and char.isalnum())  # a head's digits: upright or turned
    )


def _member(text: str) -> bool:
    """A line of a vertical run: one character, or digits and Latin turned a quarter
    that MuPDF writes as one line (`1998`)."""
    if len(text) == 1:
        return _upright(text)
    return 1 < len(text) <= 4 and text.isascii() and text.isalnum()


def _after_block(before: str) -> bool:
    """A head may stand after `before`: the page's start, a line that closes its
    sentence or its brackets, or a short line of its own (a masthead, a head) that
    names no reporter. After a line that runs on, one-character lines are PDFium's
    glyphs of two columns interleaved, not a head."""
    before = before.strip()
    if not before or before[-1] in SENTENCE_STOPS or before[-1] in CLOSING_MARKS:
        return True
    return (
        2 <= len(before) <= _SHORT
        and all("\u4e00" <= c <= "\u9fff" for c in before)
        and not before.endswith(_ROLE_END)
    )


def join_vertical(raw: list[str]) -> list[str]:
    """`raw` with each run of one-character lines (a vertical head) as one line."""
    if not any(len(line.strip()) == 1 for line in [line for line in raw if len(line) <= 3]):
        return raw  # the fast path: no page line is one character (the short ones listed first)
    out: list[str] = []
    run: list[str] = []
    for line in [*raw, ""]:
        if len(line) <= 6 and _member(line.strip()):
            run.append(line)
            continue
        chars = [r.strip() for r in run]
        if (
            sum(1 for c in chars if "\u4e00" <= c <= "\u9fff") >= _LEAST
            and _after_block(out[-1] if out else "")
            and "——" not in line.strip()[1:]
        ):
            out.append(" " + "".join(chars))
        else:
            out.extend(run)
        run = []
        out.append(line)
    out.pop()  # the "" that closed the last run
    return out
