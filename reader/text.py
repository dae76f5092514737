"""CJK text rules: decoding page bytes, normalising lines, joining wrapped lines."""

from __future__ import annotations

import re

# A character that sits in a CJK run: ideographs, kana, hangul, full-width forms
# and CJK punctuation. Extractors put spaces next to these that print never had.
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u25a0-\u25ff\u2022"
)
_SPACE_NEXT_TO_CJK = re.compile(f"(?<=[{_CJK}]) +| +(?=[{_CJK}])")
_MULTI_SPACE = re.compile(" {2,}")
# Whitespace (as str.isspace() has it) other than a plain space and LF.
_OTHER_SPACE = re.compile(
    "[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
# A line break and any blank lines after it.
_LINE_BREAKS = re.compile(r"\n(?: *\n)*")
# The last character of a line and the first of the next, when a space goes between.
_LATIN_BREAK = re.compile(r"[A-Za-z0-9.,;:!?%)\]'\"-][A-Za-z0-9(\['\"]")

# A line ends a sentence at 。！？… or a colon, then closing quotes and brackets; or
# at a dateline or note in brackets that closes a story: （新华社北京1月1日电）, （完）.
SENTENCE_STOPS = frozenset("。！？!?…；：:")
CLOSING_MARKS = "”’」』）)》〉\"'"

MAX_PAGE_BYTES = 16 * 1024 * 1024
"""Page files above 16 MB are refused: a page of news holds 5-50 KB of text, and a
50 MB "page" (a whole archive in one file, or not page text at all) would take
seconds and over 600 MB of memory to parse for nothing useful."""


class DecodeError(ValueError):
    """The bytes are not page text: binary, or in no encoding we read."""


def decode(data: bytes) -> str:
    """Decode page bytes: UTF-8 (BOM or not), else GB18030, else `DecodeError`."""
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (NUL bytes), not page text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"undecodable bytes at offset {err.start}: neither UTF-8 nor GB18030"
        ) from None
    if _looks_binary(text):
        raise DecodeError("binary file, not page text")
    return text


def _looks_binary(text: str) -> bool:
    """Many C0 controls in a decoded text mean it was never text."""
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    return controls > max(8, len(sample) // 50)


def split_lines(text: str) -> list[str]:
    """Normalise line ends and spaces; return the lines, blank ones included.

    CRLF and CR become LF; every other whitespace character (NBSP, U+3000, tabs)
    becomes a plain space. Only whitespace is touched, so no printed character
    is lost.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _OTHER_SPACE.sub(" ", text).split("\n")


def page_lines(text: str) -> list[str]:
    """Like `split_lines`, but runs of blank lines are dropped (the parser's fast path).

    Only the first and the last line returned can be blank.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LINE_BREAKS.split(_OTHER_SPACE.sub(" ", text))


def clean_line(line: str) -> str:
    """Strip a line and drop the extractor's spaces next to CJK characters."""
    line = line.strip()
    if " " in line:
        line = _SPACE_NEXT_TO_CJK.sub("", line)
        if "  " in line:
            line = _MULTI_SPACE.sub(" ", line)
    return line


def width(line: str) -> float:
    """Printed width in ems: CJK and full-width characters 1, ASCII half."""
    if line.isascii():
        return len(line) / 2
    return len(line) - len(line.encode("ascii", "ignore")) / 2


def join_lines(lines: list[str]) -> str:
    """Join wrapped, cleaned lines: no space between CJK, one between Latin words."""
    if not lines:
        return ""
    out = [lines[0]]
    for line in lines[1:]:
        if not line:
            continue
        prev = out[-1]
        # Most joins are between CJK characters: test the two ends before any regex.
        if (
            prev
            and prev[-1] < "\x80"
            and line[0] < "\x80"
            and _LATIN_BREAK.match(prev[-1] + line[0])
        ):
            out.append(" ")
        out.append(line)
    return "".join(out)


def ends_sentence(line: str) -> bool:
    """Whether a line closes a sentence (so a paragraph may end after it)."""
    body = line.rstrip(CLOSING_MARKS)
    if not body:
        return False
    if body[-1] in SENTENCE_STOPS:
        return True
    return len(line) - len(body) == 1 and body[-1] in "电讯完" and line[-1] in "）)"
