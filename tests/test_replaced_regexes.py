"""Text tests that once were regular expressions, against those expressions (kept here).

They were replaced to make importing the parser cheaper; the output must not change.
"""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from reader.parse.itemfields import _first_sentence
from reader.parse.kinds import PUNCT, is_header
from reader.parse.text import AnyOf, clean_line, is_cjk

# The character class `reader.parse.text` used before it tested CJK with bisect.
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
    "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u25a0-\u25ff\u2022"
)
_SPACE_NEXT_TO_CJK = re.compile(f"(?<=[{_CJK}]) +| +(?=[{_CJK}])")
_MULTI_SPACE = re.compile(" {2,}")


def _clean_line_by_regex(line: str) -> str:
    line = line.strip()
    if " " in line:
        line = _SPACE_NEXT_TO_CJK.sub("", line)
        if "  " in line:
            line = _MULTI_SPACE.sub(" ", line)
    return line


def test_is_cjk_is_the_old_character_class() -> None:
    chars = "".join(map(chr, range(0x20000)))
    expected = [m.start() for m in re.finditer(f"[{_CJK}]", chars)]
    assert [i for i, c in enumerate(chars) if is_cjk(c)] == expected


# Near the range boundaries of `_CJK`, and the spaces and letters around them.
_EDGES = [
    chr(c + d) for c in (0xB7, 0x2014, 0x2018, 0x25A0, 0x2E80, 0x3130, 0x4DC0) for d in (-1, 0, 1)
]
atoms = st.one_of(
    st.sampled_from(
        [" ", "  ", "   ", "\u3000", "\t", "a", "1", ".", "中", "，", "ｱ", "한", *_EDGES]
    ),
    st.characters(max_codepoint=0xFFFF),
)


@given(st.lists(atoms, max_size=30).map("".join))
@example("a 中  b")
@example("中 a  b 　 c")
def test_clean_line_is_the_old_regex_substitution(line: str) -> None:
    assert clean_line(line) == _clean_line_by_regex(line)


_HEADER_RE = re.compile(r"责任编辑|美术编辑|版式设计|星期[一二三四五六日天]")
_PUNCT_RE = re.compile(r"[，。；！？,;!?…⋯]")  # an ellipsis too since issue 12 round 9
header_atoms = st.one_of(
    st.sampled_from(
        ["责任编辑", "美术编辑", "版式设计", "星期", "编辑", "日", "天", "，", "!", " "]
    ),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E10),
    st.characters(max_codepoint=0xFFFF),
)


@given(st.lists(header_atoms, max_size=40).map("".join))
@example("1998年1月24日 星期六")
@example("星期" * 41)
def test_is_header_and_punct_are_the_old_regexes(text: str) -> None:
    assert is_header(text) == (_HEADER_RE.search(text) is not None and len(text) <= 80)
    assert PUNCT.isdisjoint(text) == (not _PUNCT_RE.search(text))


_SENTENCE_RE = re.compile(r"^.*?[。！？!?][”’」』]*")
sentence_atoms = st.one_of(
    st.sampled_from([*"。！？!?”’」』.", "中", "a", " "]),
    st.characters(max_codepoint=0xFFFF, exclude_characters="\n"),
)


@given(st.lists(sentence_atoms, max_size=30).map("".join))
@example("他说：“好！”」然后。")
def test_first_sentence_is_the_old_regex(text: str) -> None:
    match = _SENTENCE_RE.match(text)
    assert _first_sentence(text) == (match.group(0) if match else text)


# `AnyOf` stands for `frozenset.isdisjoint` in the parser's per-line tests (a regex class is
# five times faster on CJK text): the same answer for any characters, the class's own
# specials (`]`, `\\`, `^`, `-`) among them.
any_atoms = st.sampled_from([*"。；;！？!?…，、中a]\\^-[ ", "\u3000"])


@given(
    st.lists(any_atoms, min_size=1, max_size=8).map("".join),
    st.lists(st.one_of(any_atoms, st.characters(max_codepoint=0xFFFF)), max_size=30).map("".join),
)
@example("]^-\\", "a-b")
@example("。；", "国务院总理")
def test_any_of_answers_as_isdisjoint(chars: str, text: str) -> None:
    found = AnyOf(chars).search(text)
    assert (found is None) == frozenset(chars).isdisjoint(text)
    assert found is None or found.group(0) in chars
    assert AnyOf(chars).isdisjoint(text) == frozenset(chars).isdisjoint(text)
    assert [c in AnyOf(chars) for c in text] == [c in frozenset(chars) for c in text]
