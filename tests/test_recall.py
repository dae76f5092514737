"""Recall and precision against a literal scan, on a library made from the corpus.

Every query of two or more characters must find exactly the items whose
printed fields hold it literally (after folding): the index may not miss a
hit, nor return one without the text.
"""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date

import pytest
from corpuslib import CORPUS, corpus_lines, make_library

from reader.fields import field_group, item_fields
from reader.library import Library
from reader.model import Item
from reader.parse.pages import load_pages
from reader.search import candidates
from reader.search import engine as index
from reader.search.folding import COMPOSED_IDEOGRAPHS, absent, fold, simplified

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="shared/corpus is not beside the repo")

# Words a segmenter folds into longer ones: 人民 in 人民币, 上海 in 上海市, 大学 in 大学生 …
FOLDED_INTO_LONGER = [
    "人民",
    "上海",
    "大学",
    "北京",
    "中国",
    "经济",
    "发展",
    "数据",
    "记者",
    "国家",
]
_RUN = re.compile(r"[^\W_]{2,}")


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, dict[str, Item]]:
    lines = corpus_lines(4000)
    # Every fifth line printed in traditional characters (as Hong Kong and Taiwan papers are).
    lines = [traditional(line) if n % 5 == 0 else line for n, line in enumerate(lines)]
    root = make_library(tmp_path_factory.mktemp("recall") / "lib", lines)
    editors = ["赵磊", "錢其琛", "王伟明", "李岚清"]
    for n, path in enumerate(sorted(root.glob("*/*/*.txt"))[::3]):  # a page header on some
        band = f"1998年1月{n % 28 + 1}日 星期五 第{n % 8 + 1}版 要闻 责任编辑 {editors[n % 4]}"
        path.write_text(band + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    lib = Library(root)
    stats = index.update(lib)
    assert stats.indexed == sum(len(i.page_numbers()) for i in lib.issues()) > 100
    items: dict[str, Item] = {}
    for issue in lib.issues():
        for page in load_pages(lib, issue):
            for item in page.items:
                items[item.id] = item
            if page.header and page.items:  # a header hit is reported as the first item
                HEADERS[page.items[0].id] = page.header
    assert len(HEADERS) > 30
    return lib, items


HEADERS: dict[str, str] = {}
"""The page header of each page's first item, as the index reports a header hit."""


_TRADITIONAL: dict[str, str] = {}


def traditional(text: str) -> str:
    """`text` with each simplified character that has one written as a traditional one."""
    if not _TRADITIONAL:
        for trad, simp in sorted(simplified().items()):
            _TRADITIONAL.setdefault(simp, trad)
    return "".join(_TRADITIONAL.get(c, c) for c in text)


def texts(item: Item, field: str | None = None) -> list[str]:
    """The folded searchable fields of an item (derived headlines are not printed)."""
    found = [
        fold(text)
        for key, text in item_fields(item)
        if (group := field_group(item, key)) is not None and field in (None, group)
    ]
    if item.id in HEADERS and field in (None, "header"):
        found.append(fold(HEADERS[item.id]))
    return found


_TEXTS: dict[tuple[str, str | None], str] = {}


def scan(items: dict[str, Item], term: str, field: str | None = None) -> set[str]:
    """The literal scan: ids of the items whose fields hold the folded term."""
    needle = fold(term)
    found = set()
    for ident, item in items.items():
        key = (ident, field)
        if key not in _TEXTS:
            _TEXTS[key] = "\n".join(texts(item, field))  # a term never holds a newline
        if needle in _TEXTS[key]:
            found.add(ident)
    return found


def queries(items: dict[str, Item], count: int, seed: int = 7) -> list[str]:
    """Random substrings of 2 to 6 letters or digits of the indexed text."""
    rng = random.Random(seed)
    pool = [t for item in items.values() for t in texts(item)]
    found: list[str] = []
    while len(found) < count:
        runs = _RUN.findall(rng.choice(pool))
        if not runs:
            continue
        run = rng.choice(runs)
        size = rng.randint(2, min(6, len(run)))
        at = rng.randint(0, len(run) - size)
        found.append(run[at : at + size])
    return found


def test_recall_and_precision_are_total(corpus_library: tuple[Library, dict[str, Item]]) -> None:
    lib, items = corpus_library
    terms = (
        queries(items, 300)
        + FOLDED_INTO_LONGER
        + ["1998", "１９９８", "\uff57\uff54\uff4f", "年1月"]
    )
    misses: dict[str, set[str]] = {}
    extras: dict[str, set[str]] = {}
    total = 0
    for term in terms:
        want = scan(items, term)
        got = {hit.id for hit in index.search(lib, term, limit=None, update=False)}
        total += len(want)
        if want - got:
            misses[term] = want - got
        if got - want:
            extras[term] = got - want
    assert total > 3000  # the queries do find things
    assert not misses, f"recall below 100% for {list(misses)[:10]}"
    assert not extras, f"hits without the text for {list(extras)[:10]}"


def test_and_exclude_and_field_match_a_literal_scan(
    corpus_library: tuple[Library, dict[str, Item]],
) -> None:
    lib, items = corpus_library
    pairs = [("中国", "经济"), ("人民", "发展"), ("北京", "记者"), ("上海", "工作")]
    for first, second in pairs:
        got = {h.id for h in index.search(lib, f"{first} {second}", limit=None, update=False)}
        assert got == scan(items, first) & scan(items, second)
        got = {h.id for h in index.search(lib, f"{first} -{second}", limit=None, update=False)}
        assert got == scan(items, first) - scan(items, second)
        query = f"headline:{first}"
        got = {h.id for h in index.search(lib, query, limit=None, update=False)}
        assert got == scan(items, first, "headline")
        # Items of a candidate page without a term are told apart in print (folding.absent),
        # traditional ones too: the same hits whichever script the query is in.
        query = f"{traditional(first)} {traditional(second)}"
        got = {h.id for h in index.search(lib, query, limit=None, update=False)}
        assert got == scan(items, first) & scan(items, second)
        got = {h.id for h in index.search(lib, f"{first} OR {second}", limit=None, update=False)}
        assert got == scan(items, first) | scan(items, second)


def test_single_characters_are_found_too(corpus_library: tuple[Library, dict[str, Item]]) -> None:
    lib, items = corpus_library
    for char in ("局", "镇", "\uff41", "7", "鑫"):
        got = {h.id for h in index.search(lib, char, limit=None, update=False)}
        assert got == scan(items, char)


def test_folding_counts(corpus_library: tuple[Library, dict[str, Item]]) -> None:
    """Full-width digits in print are found by ASCII queries and the other way round."""
    lib, items = corpus_library
    ascii_hits = index.search(lib, "1998", limit=None, update=False)
    assert len(ascii_hits) == len(scan(items, "1998")) > 50
    assert {h.id for h in ascii_hits} == {
        h.id for h in index.search(lib, "１９９８", limit=None, update=False)
    }


def test_words_inside_longer_words_are_found(
    corpus_library: tuple[Library, dict[str, Item]],
) -> None:
    """A word index alone misses 人民 in 人民币 (DESIGN 5); bigrams do not."""
    lib, items = corpus_library
    for short, longer in (("人民", "人民币"), ("上海", "上海市"), ("经济", "经济学")):
        inside = scan(items, longer)
        got = {h.id for h in index.search(lib, short, limit=None, update=False)}
        assert inside, longer
        assert inside <= got


def test_traditional_and_simplified_queries_find_the_same_items(
    corpus_library: tuple[Library, dict[str, Item]],
) -> None:
    """數據 finds 数据 and back: the index, the query and the scan fold alike."""
    lib, items = corpus_library
    terms = [t for t in queries(items, 120, seed=11) if traditional(t) != t][:60]
    assert len(terms) > 30
    printed = [text for item in items.values() for _, text in item_fields(item)]
    assert any("數據" in text for text in printed) and any("数据" in text for text in printed)
    for term in terms:
        want = scan(items, term)
        got = {h.id for h in index.search(lib, traditional(term), limit=None, update=False)}
        assert got == want, term
        assert got == {h.id for h in index.search(lib, term, limit=None, update=False)}


def test_page_headers_are_found_as_their_own_field(
    corpus_library: tuple[Library, dict[str, Item]],
) -> None:
    lib, items = corpus_library
    for term in ("责任编辑 赵磊", "責任編輯", "钱其琛", "要闻", "星期五"):
        want = set.intersection(*(scan(items, t) for t in term.split()))
        got = {h.id for h in index.search(lib, term, limit=None, update=False)}
        assert got == want and want, term
        only = scan(items, term.split()[-1], "header")
        got = {
            h.id for h in index.search(lib, f"header:{term.split()[-1]}", limit=None, update=False)
        }
        assert got == only and only <= set(HEADERS), term
    (hit, *_) = index.search(lib, "header:赵磊", update=False)
    assert hit.spans["header"] and "赵磊" in HEADERS[hit.id]


def test_a_common_character_alone_gives_the_newest_hits_as_the_index_would(
    corpus_library: tuple[Library, dict[str, Item]],
) -> None:
    """的 is read from the newest items (its bigrams' doclists are slow to merge)."""
    lib, items = corpus_library
    every = [h.id for h in index.search(lib, "的", limit=None, update=False)]
    assert set(every) == scan(items, "的")
    for limit in (1, 20, 60):
        assert [h.id for h in index.search(lib, "的", limit=limit, update=False)] == every[:limit]
    assert [h.id for h in index.search(lib, "鑫", limit=3, update=False)] == [
        h.id for h in index.search(lib, "鑫", limit=None, update=False)
    ][:3]


@pytest.mark.parametrize("char", ["的", "国", "港", "局", "镇", "鑫", "7"])
def test_a_character_alone_walked_or_from_the_bigrams_gives_the_same_hits(
    corpus_library: tuple[Library, dict[str, Item]], monkeypatch: pytest.MonkeyPatch, char: str
) -> None:
    """A lone character is read from the newest pages while they hold it often, then from
    the bigram table below them (`candidates.Walk`): where the one gives way to the other
    changes the work, never the hits, their order or their scores."""
    lib, items = corpus_library
    read: list[str] = []
    pages = candidates._pages

    def spied(*args: object, **kwargs: object) -> object:
        read.append(char)
        return pages(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(candidates, "_pages", spied)
    found = {}
    for walked, thin in ((10_000, 10_000), (1, 1), (candidates._LONE_PAGES, candidates._THIN)):
        monkeypatch.setattr(candidates, "_LONE_PAGES", walked)
        monkeypatch.setattr(candidates, "_THIN", thin)
        read.clear()
        found[walked] = [
            [(h.id, h.score) for h in index.search(lib, char, limit=limit, update=False)]
            for limit in (1, 5, 20, 40, 60, 300)
        ] + [
            [
                (h.id, h.score)
                for h in index.search(lib, char, until=date(1998, 1, 12), limit=40, update=False)
            ]
        ]
        if walked == 10_000:
            assert not read  # every page walked: the bigram table is never read
        for hits in found[walked]:
            assert len({i for i, _ in hits}) == len(hits)
            assert {i for i, _ in hits} <= scan(items, char)
    assert found[10_000] == found[1] == found[candidates._LONE_PAGES]
    assert len(found[1][-2]) == min(300, len(scan(items, char)))
    assert all(i < "rmrb/1998-01-13" for i, _ in found[1][-1])  # the filter: the walk below it


def test_printed_characters_that_fold_into_an_ideograph_are_all_known() -> None:
    """`folding.absent` reads an ideograph term's absence from the print unless a character
    there folds into an ideograph: a traditional one, or one of COMPOSED_IDEOGRAPHS."""
    known = re.compile(f"[{COMPOSED_IDEOGRAPHS}]")
    table = simplified()
    missing = [
        hex(code)
        for code in range(0x110000)
        if not 0x3400 <= code <= 0x9FFF
        and unicodedata.decomposition(chr(code))  # NFKC changes nothing else alone
        and any(0x3400 <= ord(c) <= 0x9FFF or c in table for c in fold(chr(code)))
        and not known.match(chr(code))
    ]
    assert not missing


def test_absence_is_told_from_the_print_only_when_it_is_sure() -> None:
    assert absent("数据", "经济发展") is True
    assert absent("数据", "本报数据") is False
    assert absent("数据", "統計數據") is None and "数据" in fold("統計數據")
    assert absent("平成", "㍻十年") is None and "平成" in fold("㍻十年")
    assert absent("金", "\u2fa6") is None and fold("\u2fa6") == "金"  # the Kangxi radical
    assert absent("1998", "１９９８年") is None  # not ideographs: only folding tells
