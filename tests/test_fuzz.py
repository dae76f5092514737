"""The parser fuzzed at a size CI affords; `bench/fuzz.py` runs the same checks a million times."""

from __future__ import annotations

import random
import subprocess
import sys

from fuzzlib import page_text, problem
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import any_text


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_hypothesis_pages_parse_whole_and_stable(text: str) -> None:
    assert problem(text) is None


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 2**32))
def test_seeded_pages_of_the_fuzz_script(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(20):
        text = page_text(rng)
        assert problem(text) is None, repr(text)


def test_a_derived_headline_does_not_end_in_a_space() -> None:
    for text in (
        "□ x .",
        "□ x 。",
        "□ 说明 . .",
        "□ B篜梊輱羁郹笹\n\n鏔y……星期五7\t(鏹\r\n|傽窖_\r\n摄于 3 月 25 日摄于",  # open bracket
        " 这是一段很长很长的没有标点的文字内容，后面还有 更多的 文字继续写下去呢。",
    ):
        assert problem(text) is None, text
    done = subprocess.run(
        [sys.executable, "-m", "reader", "parse", "-", "--json"],
        input="□ x .",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert '"derived_headline": "x"' in done.stdout
