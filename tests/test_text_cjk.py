"""`clean_line` and `is_cjk` against the regular expressions they replaced (kept here)."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from reader.text import clean_line, is_cjk

# The character class `reader.text` used before it tested CJK with bisect.
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
