"""Properties of the parser on any input: nothing lost or invented, deterministic, no crash."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Page
from reader.parse.stories import parse_bytes, parse_text
from reader.parse.text import DecodeError, decode, page_lines, split_lines

PUNCT = [*"。，、；：！？“”‘’（）《》【】…—·．％", "——", "……"]
MARKS = ["□", "■", "●", "○"]
SPACES = [" ", "  ", "\u3000", "\u00a0", "\t", "\x0b", "\x0c", "\x1c", "\u2028", "\x85"]
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n \n"]
WORDS = ["本报北京3月1日电", "新华社", "通讯员", "记者", "摄", "摄于", "供图", "来源", "责任编辑"]
WORDS += [
    "星期五",
    "下转第4版",
    "见第2版",
    "（来源：区数据局）",
    "通讯员 倪修龙",
    "摄于 3 月 25 日",
]

cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
ascii_text = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
controls = st.characters(max_codepoint=0x1F)
atoms = st.one_of(
    cjk,
    cjk,
    cjk,
    st.sampled_from(PUNCT),
    st.sampled_from(MARKS),
    st.sampled_from(SPACES),
    st.sampled_from(BREAKS),
    st.sampled_from(WORDS),
    ascii_text,
    controls,
    st.characters(codec="utf-8"),
)
page_texts = st.lists(atoms, max_size=120).map("".join)

# Whole lines, so that headline stacks, sources, credits and briefs are reached.
lines = st.one_of(
    st.lists(cjk, min_size=1, max_size=24).map("".join),
    st.tuples(
        st.lists(st.one_of(cjk, st.sampled_from(PUNCT)), max_size=30), st.sampled_from(PUNCT)
    ).map(lambda t: "".join(t[0]) + t[1]),
    st.sampled_from(WORDS),
    st.tuples(st.sampled_from(MARKS), st.lists(cjk, max_size=12)).map(
        lambda t: t[0] + " " + "".join(t[1])
    ),
    page_texts,
)
line_pages = st.tuples(
    st.lists(st.tuples(st.booleans(), lines), max_size=30), st.sampled_from(BREAKS)
).map(lambda t: t[1].join((" " if hint else "") + line for hint, line in t[0]))
any_text = st.one_of(page_texts, line_pages)


def chars(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def printed(page: Page) -> str:
    """Every field that holds printed text: all but `derived_headline`."""
    parts = [page.header or ""]
    for item in page.items:
        parts.extend(
            f or "" for f in (item.kicker, item.headline, item.subtitle, item.byline, item.source)
        )
        parts.extend((item.credit or "", item.marker or "", *item.paragraphs))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_nothing_lost_nothing_invented(text: str) -> None:
    page = parse_text(text)
    assert chars(printed(page)) == chars(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_fields_are_normalised(text: str) -> None:
    """No field is blank or padded, and its only whitespace is single plain spaces."""
    page = parse_text(text)
    for item in page.items:
        values = (item.kicker, item.headline, item.subtitle, item.byline, item.source)
        for value in (*values, item.derived_headline, item.credit, item.marker, *item.paragraphs):
            if value is None:
                continue
            assert value and value == value.strip(), (value, item)
            assert "  " not in value, value
            assert all(c == " " or not c.isspace() for c in value), value


encoded = st.one_of(
    st.binary(max_size=400),
    any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    any_text.map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8", "surrogatepass")),
    any_text.map(lambda t: t.encode("gb18030", "replace")),
    st.tuples(any_text, st.binary(max_size=4), st.integers(0, 400)).map(
        lambda t: _splice(t[0].encode("utf-8", "surrogatepass"), t[1], t[2])
    ),
)


def _splice(data: bytes, junk: bytes, at: int) -> bytes:
    at = at % (len(data) + 1)
    return data[:at] + junk + data[at:]


@settings(max_examples=300, deadline=None)
@given(encoded)
def test_bytes_parse_or_raise_decode_error(data: bytes) -> None:
    try:
        text = decode(data)
    except DecodeError:
        try:
            parse_bytes(data)
        except DecodeError:
            return
        raise AssertionError("decode refused what parse_bytes took") from None
    page = parse_bytes(data, "paper", "2025-03-28", 3)
    assert chars(printed(page)) == chars(text)
    assert parse_bytes(data, "paper", "2025-03-28", 3).to_json() == page.to_json()


@settings(max_examples=200, deadline=None)
@given(any_text, st.text(max_size=8), st.text(max_size=12), st.integers(1, 99))
def test_json_round_trip(text: str, paper: str, issue: str, number: int) -> None:
    page = parse_text(text, paper, issue, number)
    assert Page.from_json(page.to_json()) == page
    assert Page.from_json(page.to_json(indent=None)) == page
    assert parse_text(text, paper, issue, number) == page


@settings(deadline=None)
@given(st.text())
def test_no_string_makes_the_parser_raise(text: str) -> None:
    parse_text(text)


@settings(max_examples=100, deadline=None)
@given(any_text)
def test_page_lines_are_split_lines_without_blank_runs(text: str) -> None:
    def nonblank(lines: list[str]) -> list[str]:
        return [line for line in lines if line.strip(" ")]

    assert nonblank(page_lines(text)) == nonblank(split_lines(text))
    assert all(line.strip(" ") for line in page_lines(text)[1:-1])


def test_every_whitespace_character_becomes_a_space_or_a_break() -> None:
    for code in range(0x10000):
        char = chr(code)
        if char in "\n\r":
            expected = ["a", "b"]
        elif char.isspace():
            expected = ["a b"]
        else:
            expected = [f"a{char}b"]
        assert split_lines(f"a{char}b") == expected, hex(code)
