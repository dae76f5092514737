"""CJK text rules: decoding page bytes, normalising lines, joining wrapped lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

# A character that sits in a CJK run: ideographs, kana, hangul, full-width forms
# and CJK punctuation. Extractors put spaces next to these that print never had.
# Ranges (first, last) tested with bisect, not a regex class: `re` builds a class
# one code point at a time, ~6 ms at import for these 40,000.
_CJK_RANGES = (
    ("\u00b7", "\u00b7"),  # middle dot
    ("\u2014", "\u2014"),  # em dash
    ("\u2018", "\u2019"),  # single quotes
    ("\u201c", "\u201d"),  # double quotes
    ("\u2022", "\u2022"),  # bullet
    ("\u2026", "\u2026"),  # ellipsis
    ("\u25a0", "\u25ff"),  # geometric shapes
    ("\u2e80", "\u2fff"),  # radicals
    ("\u3000", "\u312f"),  # CJK punctuation, kana, bopomofo
    ("\u3200", "\u4dbf"),  # enclosed and compatibility forms, extension A
    ("\u4e00", "\u9fff"),  # unified ideographs
    ("\uac00", "\ud7af"),  # hangul
    ("\uf900", "\ufaff"),  # compatibility ideographs
    ("\ufe30", "\ufe4f"),  # vertical and compatibility forms
    ("\uff00", "\uffef"),  # half-width and full-width forms
)
# Each range's first character and the one after its last, in order: a character
# is CJK when an odd number of these are <= it.
_CJK_BOUNDS = tuple(c for first, last in _CJK_RANGES for c in (first, chr(ord(last) + 1)))

# Whitespace (as str.isspace() has it) other than a plain space and LF.
_OTHER_SPACE = re.compile(
    "[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
# A blank line (spaces at most) between two line breaks.
_BLANK_LINE = re.compile(r"\n *\n")
# The last character of a line and the first of the next, when a space goes between.
_LATIN_BREAK = re.compile(r"[A-Za-z0-9.,;:!?%)\]'\"-][A-Za-z0-9(\['\"]")

# A line ends a sentence at 。！？… or a colon, then closing quotes and brackets; or
# at a dateline or note in brackets that closes a story: （新华社北京1月1日电）, （完）.
# `⋯` (U+22EF) is the ellipsis as PDFium writes it from a PDF whose font shares the
# glyph (xdvipdfmx maps Noto SC's centred `…` back to U+22EF): read as one, kept as is.
SENTENCE_STOPS = frozenset("。！？!?…⋯；：:")
CLOSING_MARKS = "”’」』）)》〉\"'"
OPENING_MARKS = "“‘《（(「『〈"  # marks a line may not end on (a wrap breaks before them)

MAX_PAGE_BYTES = 16 * 1024 * 1024
INDENT = 2.0  # ems an indented first line is shorter than the lines below it
"""Page files above 16 MB are refused: a page of news holds 5-50 KB of text, and a
50 MB "page" (a whole archive in one file, or not page text at all) would take
seconds and over 600 MB of memory to parse for nothing useful."""


class DecodeError(ValueError):
    """The bytes are not page text: binary, or in no encoding we read."""


def decode(data: bytes) -> str:
    """Decode page bytes: UTF-8 (BOM or not), else GB18030, else `DecodeError`."""
    if b"\x00" in data[:8192]:
        utf16 = _utf16(data)
        if utf16 is not None:
            raise DecodeError(
                f"looks like {utf16} text, which reader does not read: "
                f"convert it to UTF-8 first (iconv -f {utf16} -t UTF-8)"
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = ""
        if text.count("\0") > 8 or _looks_binary(text.replace("\0", "")) or not text:
            raise DecodeError("binary file (NUL bytes), not page text")
        raise DecodeError(
            f"UTF-8 text holding a NUL byte (byte {data.index(0)}): page text holds none; "
            "remove it first (tr -d '\\000')"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8 = err
    if utf8.end == len(data) and utf8.reason == "unexpected end of data":
        # UTF-8 up to its last character, cut in two (`head -c`, a copy cut short).
        raise DecodeError(
            f"cut off inside its last character (UTF-8, byte {utf8.start}): the file is "
            "incomplete; copy it again"
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise DecodeError(
            f"undecodable bytes: not UTF-8 (byte {utf8.start}) nor GB18030 (byte {err.start})"
        ) from None
    if _looks_binary(text):
        raise DecodeError("binary file, not page text")
    from reader.parse.encodings import foreign_encoding  # only pages that are not UTF-8 get here

    other = foreign_encoding(data)
    if other is not None:
        raise DecodeError(
            f"looks like {other} text, which reader does not read: "
            f"convert it to UTF-8 first (iconv -f {other.upper().replace('-', '_')} -t UTF-8)"
        )
    return text


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _utf16(data: bytes) -> str | None:
    """The iconv name of the UTF-16 the NUL-holding bytes are in, if they read as such text.

    The NULs of its ASCII characters (newlines, digits) all fall on one side of
    each byte pair; binary data has them on both. A byte order mark names it UTF-16.
    """
    head = data[:8192]
    if head[:2] in _UTF16_BOMS:
        # A byte order mark says which: Chinese text has NULs on both sides of its
        # pairs (一 is U+4E00), so the side they fall on could not.
        name = "UTF-16LE" if head[:2] == b"\xff\xfe" else "UTF-16BE"
    else:
        high, low = head[0::2].count(0), head[1::2].count(0)
        if high and low:
            return None
        name = "UTF-16LE" if low else "UTF-16BE"
    text = head[: len(head) // 2 * 2].decode(name.lower(), errors="replace")
    if _looks_binary(text) or text.count("\ufffd") > 1 or not _reads_as_text(text):
        return None
    return "UTF-16" if head[:2] in _UTF16_BOMS else name


_TEXT_RANGES: tuple[tuple[int, int], ...] = (
    *((0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x3000, 0x303F)),
    *((0x4E00, 0x9FFF), (0xFEFF, 0xFEFF), (0xFF00, 0xFFEF)),
)
"""Where the characters of text lie: ASCII, Latin, punctuation, CJK, full-width forms."""


def _reads_as_text(text: str) -> bool:
    """Nine of ten characters are whitespace, Latin, punctuation, CJK or full-width forms:
    bytes read in the wrong encoding give code points from all over the plane."""
    sample = text[:2048]
    known = sum(
        1
        for c in sample
        if c in "\n\r\t" or any(low <= ord(c) <= high for low, high in _TEXT_RANGES)
    )
    return known >= 0.9 * len(sample)


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
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The two other spaces of most pages replaced in C first, ten times faster than
    # `_OTHER_SPACE.sub`. The rest are all unprintable (str.isprintable): lines that are
    # all printable hold none, told in C at a third of the cost of a regex search.
    text = text.replace("\u3000", " ").replace("\xa0", " ")
    lines = text.split("\n")
    if not all(map(str.isprintable, lines)) and _OTHER_SPACE.search(text):
        text = _OTHER_SPACE.sub(" ", text)
        lines = text.split("\n")
    if len(lines) > 2 and _BLANK_LINE.search(text):
        # The lines between two breaks that hold only spaces go (split in C and
        # filtered: a third of the time of splitting at a regex `\n(?: *\n)*`). A line
        # strips to nothing just when it is empty or all space: `filter` asks it in C.
        return [lines[0], *filter(str.strip, lines[1:-1]), lines[-1]]
    return lines


class AnyOf:
    """Whether a text holds any of some characters: `search(text)` finds the first.

    `frozenset.isdisjoint(text)` asks the same, but makes a string of each character of
    the text and hashes it: five times the time of a regex class's search on a line of
    CJK text. The class is compiled on the first search, not at import (~0.3 ms each).
    `char in` and `isdisjoint(text)` answer as the frozenset's do, so a rule written for
    one reads the other.
    """

    __slots__ = ("_set", "chars", "search")

    def __init__(self, chars: Iterable[str]) -> None:
        self._set = frozenset(chars)
        self.chars = "".join(sorted(self._set))
        self.search: Callable[[str], re.Match[str] | None] = self._compiled

    def __contains__(self, char: object) -> bool:
        return char in self._set

    def isdisjoint(self, text: str) -> bool:
        return self.search(text) is None

    def _compiled(self, text: str) -> re.Match[str] | None:
        self.search = re.compile(f"[{re.escape(self.chars)}]").search
        return self.search(text)


def is_cjk(char: str) -> bool:
    """Whether a character is one that sits in a CJK run (see `_CJK_RANGES`)."""
    return bisect_right(_CJK_BOUNDS, char) % 2 == 1


def clean_line(line: str) -> str:
    """Strip a line and drop the extractor's spaces next to CJK characters.

    A run of spaces with a CJK character on either side goes; any other run
    becomes one space.
    """
    line = line.strip()
    if " " not in line:
        return line
    words = line.split(" ")  # the first is not empty: the line is stripped
    out = [words[0]]
    for word in words[1:]:
        if not word:
            continue  # between two spaces of a run
        if not (is_cjk(out[-1][-1]) or is_cjk(word[0])):
            out.append(" ")
        out.append(word)
    return "".join(out)


def width(line: str) -> float:
    """Printed width in ems: CJK and full-width characters 1, ASCII half."""
    if line.isascii():
        return len(line) / 2
    return len(line) - len(line.encode("ascii", "ignore")) / 2


def join_lines(lines: list[str]) -> str:
    """Join wrapped, cleaned lines: no space between CJK, one between Latin words."""
    if len(lines) == 1:
        return lines[0]  # a paragraph of one line: most of text pasted a paragraph a line
    joined = "".join(lines)
    if not joined.encode("ascii", "ignore"):
        return joined  # no ASCII, so no two Latin words to space apart (most paragraphs)
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


ELLIPSIS_BREAK = re.compile(r"[…⋯] *\r?\n\s*[…⋯]")  # where to look (asked of the page first)


def rejoin_ellipses(raw: list[str]) -> list[str]:
    """`raw` with a line that opens with the second half of an ellipsis joined to the line
    above, which ends with the first half (`…５万名妇女摆脱了贫困…` / `…`).

    An ellipsis is two characters (`……`, `⋯⋯`), and no line opens with one: a line ending
    in an odd number of them broke inside one (Writer does where the line is full), and
    the half under it read as a paragraph of its own, or cut a headline in two. A
    paragraph of ellipses alone (the corpus prints `…………` twice) follows a line ending in
    an even number, or none.
    """
    out: list[str] = []
    for line in raw:
        text = line.strip()
        if out and text and text[0] in "…⋯":
            above = out[-1].rstrip()
            if (len(above) - len(above.rstrip("…⋯"))) % 2 == 1:
                out[-1] = above + text
                continue
        out.append(line)
    return out


def ends_sentence(line: str) -> bool:
    """Whether a line closes a sentence (so a paragraph may end after it)."""
    body = line.rstrip(CLOSING_MARKS)
    if not body:
        return False
    if body[-1] in SENTENCE_STOPS:
        return True
    if len(line) - len(body) != 1 or line[-1] not in "）)":
        return False
    if body[-1] in "电讯完":
        return True
    # A bracketed note after a closed sentence, or alone on its line: a writer's
    # name `。（张春启）` or `。”（孟西安）`, a photo credit `。（新华社记者 王伟 摄）`.
    at = max(body.rfind("（"), body.rfind("("))
    if at < 0 or len(body) - at > 25:
        return False
    before = body[:at].rstrip(CLOSING_MARKS)
    if at and body[at - 1] in "）)":  # a second note: `。（赵中宝）（资料图片）`
        return ends_sentence(body[:at])
    return at == 0 or (before != "" and before[-1] in SENTENCE_STOPS)
