"""`startup.share_charsets`: each character class optimized once a process, the same code.

On a first start the parser compiles its patterns, and `re` optimized the same
ideograph classes again for each pattern (300 classes, 100 distinct): 40 ms of the
reader's first start. Kept by their arguments, they compile to the same code.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest

import reader
from reader import startup

EXTRA = [
    ("(?i)[a-zß-ÿ]+", 0),
    ("[^\\u4e00-\\u9fff]", 0),
    ("(?i)[^kK\\u212a]", 0),
    ("[\\w\\d·]", re.ASCII),
    ("(?i)[Ss\\u017f]", re.ASCII),
    ("[\\u4e00-\\u9fff·]{2,4}", 0),
    ("[\\u4e00-\\u9fff·]{2,4}", re.IGNORECASE),
]


@pytest.fixture
def restored() -> Iterator[None]:
    """`re` as it was after the test."""
    real = _compiler._optimize_charset
    yield
    _compiler._optimize_charset = real


def patterns() -> list[tuple[str, int]]:
    """Every compiled pattern at the top of a module of the package, and some of
    other flags and classes."""
    found = list(EXTRA)
    for info in pkgutil.walk_packages(reader.__path__, "reader."):
        if ".tui" in info.name or info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((value.pattern, value.flags))
    return found


def code(pattern: str, flags: int) -> list[int]:
    parsed = _parser.parse(pattern, flags)
    return list(_compiler._code(parsed, flags))


def test_the_patterns_compile_to_the_same_code(restored: None) -> None:
    every = patterns()
    assert len(every) > 80
    before = [code(p, f) for p, f in every]
    startup.share_charsets()
    assert getattr(_compiler._optimize_charset, "shared", False)
    assert [code(p, f) for p, f in every] == before
    assert [code(p, f) for p, f in every] == before  # from the kept results


def test_a_class_is_optimized_once(restored: None) -> None:
    real = _compiler._optimize_charset
    calls: list[object] = []

    def counted(
        charset: object, iscased: object = None, fixup: object = None, fixes: object = None
    ) -> object:
        calls.append(charset)
        return real(charset, iscased, fixup, fixes)

    _compiler._optimize_charset = counted
    startup.share_charsets()
    code("[\\u4e00-\\u9f00·]{2}(?:记者|通讯员)", 0)
    first = len(calls)
    assert first >= 1
    code("^[\\u4e00-\\u9f00·]{3}x", 0)
    assert len(calls) == first
    startup.share_charsets()  # twice: wrapped once
    code("[\\u4e00-\\u9f00·]$", 0)
    assert len(calls) == first
