"""Page text made to be slow (audit20): the parser's work grows with the page, not its square.

Growth is counted, not timed: the Python calls the parser makes on a page of n
candidate lines and of 2n. A linear parse about doubles them; the two passes that
asked every line about every line above it (`roles.quote_part` in `stacks.parts`,
`roles.measure_cut`) made them four times as many, and 20,000 lines of `——` took
46 s of CPU in `reader parse`.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import reader

from reader.parse.stories import parse_text

_HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def _words(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(_HAN) for _ in range(rng.randint(low, high)))


def _dashes(n: int) -> str:
    return "——\n" * n


def _headlines(n: int) -> str:
    rng = random.Random(1)
    return "".join(_words(rng, 6, 14) + "\n" for _ in range(n))


def _open_quotes(n: int) -> str:
    rng = random.Random(2)
    return "".join("““" + _words(rng, 3, 8) + "\n" for _ in range(n))


def _calls(text: str) -> int:
    """The Python function calls (and generator steps) of parsing `text`."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        parse_text(text)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("page", [_dashes, _headlines, _open_quotes], ids=lambda f: f.__name__)
def test_the_parse_grows_with_the_page_not_its_square(page: Callable[[int], str]) -> None:
    small, large = _calls(page(1000)), _calls(page(2000))
    assert large < 2.6 * small, (small, large)  # the square: about 4x


def test_twenty_thousand_lines_of_dashes_parse_through_the_cli(tmp_path: Path) -> None:
    page = tmp_path / "01.txt"
    page.write_text(_dashes(50_000), encoding="utf-8")
    done = reader(tmp_path / "lib", "parse", str(page), "--json")
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)["items"]
    kept = sum(paragraph.count("—") for item in items for paragraph in item["paragraphs"])
    assert kept == 100_000 and done.stderr == ""
