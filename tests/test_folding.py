"""Folding is NFKC of the whole text: a letter and its combining mark fold together."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Item
from reader.search import folding
from reader.search.folding import fold, folded
from reader.search.matching import find_spans


def whole(text: str) -> str:
    """The definition: NFKC of the string, each character lower-cased, until stable."""
    out = text
    for _ in range(4):
        nxt = "".join(char.lower() for char in unicodedata.normalize("NFKC", out))
        if nxt == out:
            break
        out = nxt
    return out


def test_a_decomposed_accent_matches_the_composed_one() -> None:
    assert fold("Cafe\u0301") == fold("café") == "café"
    item = Item(id="p/i/01/1", kind="brief", paragraphs=("在Cafe\u0301里喝咖啡",))
    assert find_spans(item, ["café"]) == {"paragraphs.0": [(1, 6)]}  # the accent included
    assert find_spans(item, ["CAFE\u0301"]) == {"paragraphs.0": [(1, 6)]}
    assert folded("ｶﾞ").text == "ガ"  # a half-width voiced mark joins its kana


def test_search_finds_a_decomposed_word(tmp_path: Path) -> None:
    issue = tmp_path / "lib" / "p" / "2025-01-01"
    issue.mkdir(parents=True)
    (issue / "01.txt").write_text(" 他在Cafe\u0301里写作。\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(tmp_path / "lib"), "search", "café"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Cafe" in done.stdout


marks = st.sampled_from(["\u0301", "\u0308", "\u0323", "\u3099", "\uff9e", "\u1161", "\u11a8"])
letters = st.sampled_from(["e", "E", "a", "ｶ", "か", "\u1100", "가", "Σ", "ﬁ", "㎏", "中", " "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(letters, marks), max_size=12))
def test_folding_by_segments_is_the_fold_of_the_whole(parts: list[str]) -> None:
    text = "".join(parts)
    form = folded(text)
    assert form.text == fold(text) == whole(text)
    if form.origin is not None:
        assert len(form.origin) == len(form.text)
        for n in range(len(form.text)):
            start, end = form.span(n, n + 1)
            assert 0 <= start < end <= len(text)


def test_the_pairs_are_the_files_pairs_and_nothing_else() -> None:
    """Every space-separated pair of the file's lines, in order, two distinct characters
    each; no space or other whitespace left in the joined pairs."""
    data = (Path(folding.__file__).with_name("t2s.txt")).read_text(encoding="utf-8")
    lines = [line for line in data.splitlines() if not line.startswith("#")]
    words = [word for line in lines for word in line.split()]
    joined = folding._pairs()
    assert all(len(word) == 2 and word[0] != word[1] for word in words)
    assert joined == "".join(words)
    assert not any(char.isspace() for char in joined)


def test_a_search_reads_opencc_pairs_as_the_table_has_them() -> None:
    """A search looks characters up in the pairs, not in the table (`simplified`), which
    it no longer makes: both say the same for every character of the pairs."""
    pairs = folding._pairs()
    table = folding.simplified()
    back: dict[str, set[str]] = {}
    for trad, simp in table.items():
        back.setdefault(simp, set()).add(trad)
    chars = set(pairs) | set("中港a1１")
    assert len(table) > 3000 and "數" in table
    for char in chars:
        assert folding._simplified(char) == table.get(char, char), char
        assert set(folding._traditional(char)) == back.get(char, set()), char
    assert fold("統計數據") == "统计数据"
    into = folding._folding_into("数据")
    assert into is not None and into.search("數") and not into.search("数")


def test_a_one_shot_search_makes_no_opencc_table(tmp_path: Path) -> None:
    code = (
        "from reader.search import folding\n"
        "from reader.search.matching import holds_all\n"
        "from reader.model import Item\n"
        "assert folding.fold('數據港') == '数据港'\n"
        "assert holds_all(Item(id='p/i/01/1', kind='brief', paragraphs=('統計數據',)), ['数据'])\n"
        "assert not folding._SIMPLIFIED\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_folding_what_is_folded_changes_nothing() -> None:
    """A query's terms are folded, then folded again with the item's fields (`term_spans`),
    so a second fold must change nothing. OpenCC's table maps 薴 to 苧, which it maps to 苎:
    `薴麻` folded to 苧麻 and then to 苎麻, and missed the item printed 薴麻."""
    assert fold("薴麻") == fold("苧麻") == fold("苎麻") == "苎麻"
    table = folding.simplified()
    assert not [(t, s) for t, s in table.items() if table.get(s, s) != s]
    changed = []
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        once = fold(chr(code))
        if fold(once) != once:
            changed.append(hex(code))
    assert not changed
